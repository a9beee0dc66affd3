import Foundation
import RelMapCore
import RelMapGraphviz

/// The served folder: which file holds which account, what each file loads and analyses
/// to (by content hash, `FileCache`), the diagrams drawn so far (by content hash), the
/// texts pages were made from (so a conflict can show what changed), and the one place
/// saves happen, one at a time.
actor Workspace {
    let options: ServeOptions
    nonisolated let files: FileCache
    nonisolated let pages = PageCache()
    private var paths: [String: String] = [:]
    /// Diagrams being drawn, by content hash: a request for a version being drawn waits
    /// for that drawing (or shows an earlier one) instead of starting another.
    private var drawing: [String: Task<Diagram, Never>] = [:]
    private var drawn: [String: Diagram] = [:]
    /// For each file, the version whose diagram was drawn last: what its page shows
    /// while the diagram of a newer version is being drawn.
    private var lastDrawn: [String: String] = [:]
    private var texts: [String: String] = [:]
    private static let cacheLimit = 512
    /// How long a page with no earlier diagram to show waits for its first one before it
    /// shows a placeholder instead (the page then reloads itself when it is drawn).
    let firstDrawWait: TimeInterval

    init(options: ServeOptions, files: FileCache = FileCache(), firstDrawWait: TimeInterval = 2) {
        self.options = options
        self.files = files
        self.firstDrawWait = firstDrawWait
    }

    /// Every account file of the folder as it is now (other tools' changes show at once);
    /// only new or changed files are parsed.
    func scan() async throws -> [(path: String, version: FileCache.Version, file: LoadedFile)] {
        let (folder, loadOptions, files) = (options.folder, options.loadOptionsToday, files)
        let scanned = try await Blocking.run {
            () -> Result<[(path: String, version: FileCache.Version, file: LoadedFile)], any Error> in
            do { return .success(try files.scan(folder, options: loadOptions)) } catch { return .failure(error) }
        }.get()
        var found: [String: String] = [:]
        for file in scanned {
            if let account = file.file.account, found[account.id] == nil { found[account.id] = file.path }
        }
        paths = found
        return scanned
    }

    /// The portfolio section of the folder as it is now, made again only when a file
    /// changed.
    func portfolioSection() async throws -> String {
        let scanned = try await scan()
        let files = files
        return try await Blocking.run { () -> Result<String, any Error> in
            do { return .success(try files.portfolioSection(scanned)) } catch { return .failure(error) }
        }.get()
    }

    /// The file of the account with this id, from a scan of the folder; nil for an id no
    /// file there holds. Ids are `[A-Za-z0-9_-]+` (as the loader requires), so anything
    /// else (`..`, slashes, percent signs) is unknown without looking.
    func path(for id: String) async -> String? {
        guard Self.isAccountId(id) else { return nil }
        if let p = paths[id], FileManager.default.fileExists(atPath: p) { return p }
        _ = try? await scan()
        return paths[id]
    }

    static func isAccountId(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 200
            && id.utf8.allSatisfy { c in
                (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c == 45 || c == 95
            }
    }

    func remember(text: String, hash: String) {
        if texts.count >= Self.cacheLimit { texts.removeAll() }
        texts[hash] = text
    }

    func text(for hash: String) -> String? { texts[hash] }

    typealias Diagram = (svg: String?, problem: String?)

    /// What an account page shows of one version of its file.
    struct AccountView: Sendable {
        let analysis: AccountAnalysis
        /// Gaps, plan and the diagram to show.
        let input: AccountReportInput
        /// The diagram of this version is still being drawn: `input` holds the previous
        /// version's diagram, or none.
        let drawing: Bool
        /// What the page is made from, for `PageCache`.
        let pageKey: String
    }

    /// The account page's content for the file version `snapshot`: loaded, analysed and
    /// planned once per version; nil with the loader's findings when the file has errors.
    /// Never waits for Graphviz when an earlier diagram of the file can be shown.
    nonisolated func accountView(
        _ snapshot: AccountFileSnapshot, path: String, options loadOptions: LoadOptions,
        renderer: @escaping DiagramRenderer
    ) async -> Result<AccountView, LoadedFileFindings> {
        let version = files.version(
            path: path, data: Data(snapshot.text.utf8), hash: snapshot.hash, options: loadOptions,
            readAt: Date(), stamp: nil)
        guard let analysis = files.analysis(path: path, version), var input = files.summary(path: path, version) else {
            return .failure(LoadedFileFindings(file: version.loaded))
        }
        let (diagram, shownHash, drawing) = await diagramForPage(path: path, hash: snapshot.hash, analysis, renderer)
        input.svg = diagram?.svg
        input.svgProblem =
            diagram?.problem
            ?? (diagram == nil ? "正在画图，画好后页面会自动刷新 · being drawn; the page reloads when it is ready" : nil)
        let key = [path, snapshot.hash, loadOptions.today.iso, shownHash ?? "-", drawing ? "drawing" : "drawn"].joined(
            separator: "\n")
        return .success(AccountView(analysis: analysis, input: input, drawing: drawing, pageKey: key))
    }

    /// After a save: the new version loaded, analysed and planned now (the page the
    /// browser is sent to finds it ready), and its diagram drawn in the background.
    nonisolated func saved(
        _ text: String, path: String, options loadOptions: LoadOptions, renderer: @escaping DiagramRenderer
    ) async {
        let data = Data(text.utf8)
        let hash = ContentHash.sha256(data)
        let version = files.version(
            path: path, data: data, hash: hash, options: loadOptions, readAt: Date(), stamp: nil)
        guard let analysis = files.analysis(path: path, version) else { return }
        _ = files.summary(path: path, version)
        await remember(text: text, hash: hash)
        _ = await startDrawing(path: path, hash: hash, analysis, renderer)
    }

    /// The diagram a page of version `hash` shows now: its own when drawn; else, while it
    /// is being drawn, the file's last drawn diagram; with none, its own after at most
    /// `firstDrawWait` seconds, or nothing (a placeholder). Also says which version's
    /// diagram it is.
    func diagramForPage(
        path: String, hash: String, _ analysis: AccountAnalysis,
        _ renderer: @escaping DiagramRenderer
    ) async -> (Diagram?, of: String?, drawing: Bool) {
        if let done = drawn[hash] { return (done, hash, false) }
        let task = startDrawing(path: path, hash: hash, analysis, renderer)
        if let previous = lastDrawn[path], let diagram = drawn[previous] { return (diagram, previous, true) }
        if let done = await Self.value(of: task, waitingAtMost: firstDrawWait) { return (done, hash, false) }
        return (nil, nil, true)
    }

    /// Whether the diagram of version `hash` is drawn (true), being drawn (false), or
    /// neither (nil): what a page showing an earlier diagram polls.
    func isDrawn(_ hash: String) -> Bool? {
        if drawn[hash] != nil { return true }
        return drawing[hash] == nil ? nil : false
    }

    /// Starts drawing version `hash` unless it is drawn or being drawn. Drawing blocks
    /// (Graphviz in a child process), so it runs on a Dispatch thread, never on one of the
    /// few threads Swift's concurrency runs every request on.
    private func startDrawing(
        path: String, hash: String, _ analysis: AccountAnalysis,
        _ renderer: @escaping DiagramRenderer
    ) -> Task<Diagram, Never> {
        if let done = drawn[hash] { return Task { done } }
        if let task = drawing[hash] { return task }
        let task = Task {
            let diagram = await Blocking.run { renderer(analysis) }
            self.finished(path: path, hash: hash, diagram)
            return diagram
        }
        drawing[hash] = task
        return task
    }

    private func finished(path: String, hash: String, _ diagram: Diagram) {
        drawing[hash] = nil
        if drawn.count >= Self.cacheLimit {
            drawn.removeAll()
            lastDrawn.removeAll()
        }
        drawn[hash] = diagram
        lastDrawn[path] = hash
    }

    /// The task's value if it comes within `seconds`, else nil (the task goes on).
    private static func value(of task: Task<Diagram, Never>, waitingAtMost seconds: TimeInterval) async -> Diagram? {
        let once = FirstOf<Diagram?>()
        return await withCheckedContinuation { (done: CheckedContinuation<Diagram?, Never>) in
            once.set(done)
            Task { once.resume(await task.value) }
            Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                once.resume(nil)
            }
        }
    }

    enum SaveOutcome: Sendable {
        case saved(EditResult, before: AccountFileSnapshot, commitProblem: String?)
        /// The file is no longer the version the page was made from.
        case conflict(current: AccountFileSnapshot, pageText: String?)
        case refused(EditError)
    }

    /// Saves run one at a time, in order, on this queue (file and git work blocks).
    private let saves = DispatchQueue(label: "relmap.serve.saves")

    /// Applies `edits` to the account's file if it still hashes to `pageHash`, writes it
    /// atomically, and commits it when asked. One save at a time.
    nonisolated func save(path: String, pageHash: String, edits: [AccountEdit], summary: String, author: String?) async
        -> SaveOutcome
    {
        let outcome = await withCheckedContinuation { (done: CheckedContinuation<SaveOutcome, Never>) in
            saves.async {
                done.resume(
                    returning: self.saveNow(
                        path: path, pageHash: pageHash, edits: edits, summary: summary, author: author))
            }
        }
        if case .conflict(let current, _) = outcome {
            await remember(text: current.text, hash: current.hash)
            return .conflict(current: current, pageText: await text(for: pageHash))
        }
        return outcome
    }

    private nonisolated func saveNow(
        path: String, pageHash: String, edits: [AccountEdit], summary: String, author: String?
    ) -> SaveOutcome {
        let loadOptions = options.loadOptionsToday
        let snapshot: AccountFileSnapshot
        do { snapshot = try AccountFileSnapshot.read(path, options: loadOptions) } catch { return .refused(error) }
        guard snapshot.hash == pageHash else { return .conflict(current: snapshot, pageText: nil) }
        let result: EditResult
        do {
            result = try AccountEditor.apply(edits, to: snapshot.text, path: path, options: loadOptions)
            if result.text != snapshot.text { try AccountFile.write(result.text, over: snapshot) }
        } catch {
            return .refused(error)
        }
        var commitProblem: String?
        if options.commit, result.text != snapshot.text {
            commitProblem = GitCommit.commit(path: path, message: summary, author: author ?? options.author)
        }
        return .saved(result, before: snapshot, commitProblem: commitProblem)
    }
}

/// Runs blocking work on a Dispatch thread and waits for it without holding a thread of
/// Swift's concurrency pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { done in
            DispatchQueue.global().async { done.resume(returning: work()) }
        }
    }
}

/// The loader's findings for a file that has errors (a page shows them instead).
struct LoadedFileFindings: Error {
    let file: LoadedFile
}

/// Resumes a continuation with the first of several answers; the later ones are dropped.
private final class FirstOf<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?

    func set(_ c: CheckedContinuation<T, Never>) { lock.withLock { continuation = c } }

    func resume(_ value: T) {
        let c = lock.withLock { () -> CheckedContinuation<T, Never>? in
            defer { continuation = nil }
            return continuation
        }
        c?.resume(returning: value)
    }
}
