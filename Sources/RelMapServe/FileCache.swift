import Foundation
import RelMapCore

/// Each account file of the folder as last loaded, kept by path with the SHA-256 of its
/// bytes, so that a request parses and analyses only the files that changed since the
/// last one: the portfolio of a thousand accounts is then a folder listing and a `stat`
/// per file, not a thousand loads.
///
/// Whether a file changed is decided by its content hash. Reading and hashing every file
/// on every request would still cost tens of milliseconds for a large folder, so a file
/// is trusted unread when its `stat` (device, inode, size, modification and change times)
/// is the one seen when it was last read, and its change time was already more than
/// `settle` seconds in the past then. The change time (ctime) cannot be set back by any
/// tool (`touch -d`, `cp -p`, `rsync -t` set only mtime), and a write after the read
/// moves it past the read's time, as git's index does for "racily clean" files; a file
/// changed just before it was read is read again until it has settled.
final class FileCache: @unchecked Sendable {
    /// One version of one file: what it loads to, and what the pages made from it so far.
    struct Version: Sendable {
        let hash: String
        let today: Day
        /// As the loader gives it for this file alone (before the folder's duplicate-id check).
        let loaded: LoadedFile
        var analysis: AccountAnalysis?
        /// Gaps and visit plan, without a diagram: the portfolio's row of this account.
        var summary: AccountReportInput?
    }

    private struct Entry {
        var stamp: FileStamp?
        /// Whether `stamp` alone may vouch for the content.
        var settled: Bool
        var version: Version
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var portfolio: (key: [String], section: String)?
    let settle: TimeInterval
    /// Files parsed and files read so far (tests check that unchanged files are not).
    private(set) var parses = 0
    private(set) var reads = 0

    init(settle: TimeInterval = 2) {
        self.settle = settle
    }

    /// The version of `path` whose bytes are `data` (hash `hash`), parsed only if it is
    /// not the version already known.
    func version(path: String, data: Data, hash: String, options: LoadOptions, readAt: Date, stamp: FileStamp?)
        -> Version
    {
        if let known = lock.withLock({ entries[path] }), known.version.hash == hash,
            known.version.today == options.today
        {
            lock.withLock {
                entries[path]?.stamp = stamp
                entries[path]?.settled = stamp.map { $0.changed < readAt.timeIntervalSince1970 - settle } ?? false
            }
            return known.version
        }
        let version = Version(
            hash: hash, today: options.today, loaded: AccountLoader.load(data: data, path: path, options: options))
        lock.withLock {
            parses += 1
            entries[path] = Entry(
                stamp: stamp, settled: stamp.map { $0.changed < readAt.timeIntervalSince1970 - settle } ?? false,
                version: version)
        }
        return version
    }

    /// The analysis of a version, computed once.
    func analysis(path: String, _ version: Version) -> AccountAnalysis? {
        once(\.analysis, path: path, version) {
            guard let account = version.loaded.account, !version.loaded.diagnostics.hasErrors else { return nil }
            return Analyzer.analyze(account)
        }
    }

    /// Gaps and plan of a version (for the portfolio and the account page), computed once.
    func summary(path: String, _ version: Version) -> AccountReportInput? {
        once(\.summary, path: path, version) {
            analysis(path: path, version).map { AccountReportInput.make($0, svg: nil) }
        }
    }

    /// What `field` of a version holds: from the version, else from the cache's entry for
    /// the same content, else made now and kept in the entry, unless the file changed
    /// meanwhile (then the entry is another version's, and a later request makes it again).
    private func once<T>(
        _ field: WritableKeyPath<Version, T?>, path: String, _ version: Version, make: () -> T?
    ) -> T? {
        if let done = version[keyPath: field] { return done }
        if let done = lock.withLock({
            entries[path].flatMap { $0.version.hash == version.hash ? $0.version[keyPath: field] : nil }
        }) {
            return done
        }
        guard let made = make() else { return nil }
        lock.withLock {
            if entries[path]?.version.hash == version.hash { entries[path]?.version[keyPath: field] = made }
        }
        return made
    }

    /// Every account file of `folder` as it is now, in the loader's order, with the
    /// folder's duplicate-id check applied; only new or changed files are parsed (on
    /// every core, as `AccountLoader` does).
    func scan(_ folder: String, options: LoadOptions) throws(InputError) -> [(
        path: String, version: Version, file: LoadedFile
    )] {
        let paths = try AccountLoader.accountFiles(in: [folder], options: options)
        let known = lock.withLock { entries }
        let versions = ParallelMap.map(paths.count) { i -> Version in
            let path = paths[i]
            let stamp = FileStamp(path)
            if let entry = known[path], entry.settled, let stamp, entry.stamp == stamp,
                entry.version.today == options.today
            {
                return entry.version
            }
            return read(path, options: options)
        }
        lock.withLock {
            let listed = Set(paths)
            entries = entries.filter { listed.contains($0.key) }
        }
        let files = AccountLoader.markDuplicateAccounts(versions.map(\.loaded))
        return paths.indices.map { (paths[$0], versions[$0], files[$0]) }
    }

    private func read(_ path: String, options: LoadOptions) -> Version {
        lock.withLock { reads += 1 }
        let readAt = Date()
        let stamp = FileStamp(path)
        let size = stamp?.size ?? 0
        // Too large or unreadable: the loader's own finding, and nothing kept.
        guard size <= options.maxFileBytes, let data = FileManager.default.contents(atPath: path) else {
            return Version(hash: "", today: options.today, loaded: AccountLoader.load(file: path, options: options))
        }
        return version(
            path: path, data: data, hash: ContentHash.sha256(data), options: options, readAt: readAt, stamp: stamp)
    }

    /// The portfolio section for these files, made again only when one of them changed.
    func portfolioSection(_ files: [(path: String, version: Version, file: LoadedFile)]) throws -> String {
        let key = files.map {
            "\($0.version.today.iso) \($0.version.hash) \($0.file.account == nil ? "-" : "+") \($0.path)"
        }
        if let cached = lock.withLock({ portfolio }), cached.key == key { return cached.section }
        let summaries = ParallelMap.map(files.count) { i -> AccountReportInput? in
            let f = files[i]
            guard f.file.account != nil, !f.file.diagnostics.hasErrors else { return nil }
            return summary(path: f.path, f.version)
        }
        let bad = files.map(\.file).filter { $0.diagnostics.hasErrors }
        let section = try ReportBuilder.portfolioSection(Portfolio(summaries.compactMap { $0 }), skipped: bad)
        lock.withLock { portfolio = (key, section) }
        return section
    }
}

/// What `stat` says of a file, enough to notice any change to it.
struct FileStamp: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int
    let modified: TimeInterval
    /// The inode's change time, as seconds since 1970.
    let changed: TimeInterval

    init?(_ path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        size = Int(s.st_size)
        #if canImport(Darwin)
        modified = TimeInterval(s.st_mtimespec.tv_sec) + TimeInterval(s.st_mtimespec.tv_nsec) / 1e9
        changed = TimeInterval(s.st_ctimespec.tv_sec) + TimeInterval(s.st_ctimespec.tv_nsec) / 1e9
        #else
        modified = TimeInterval(s.st_mtim.tv_sec) + TimeInterval(s.st_mtim.tv_nsec) / 1e9
        changed = TimeInterval(s.st_ctim.tv_sec) + TimeInterval(s.st_ctim.tv_nsec) / 1e9
        #endif
    }
}
