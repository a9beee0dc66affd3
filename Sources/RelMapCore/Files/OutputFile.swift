import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output could not be written. Every case names the path; the CLI exits 73.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreateFolder(String, reason: String)
    case notAFolder(String)
    case cannotWrite(String, reason: String)
    /// The output name is not a plain file name (it has a `/`, or is `.` or `..`).
    case invalidName(String)
    /// The output would replace one of the files being read.
    case isInput(String)
    /// A symbolic link is in the way; relmap neither follows nor replaces links.
    case isLink(String)
    /// Something other than a regular file is in the way (a folder, a device, a pipe).
    case notAFile(String)
    /// A file relmap did not write is in the way.
    case notOurs(String)

    /// One sentence for the user, starting with the path.
    public var description: String {
        switch self {
        case .cannotCreateFolder(let p, let why): "\(p): cannot create this folder: \(why)"
        case .notAFolder(let p): "\(p): not a folder"
        case .cannotWrite(let p, let why): "\(p): cannot write here: \(why)"
        case .invalidName(let n): "'\(n)': not a plain file name"
        case .isInput(let p): "\(p): is one of the input files; relmap never overwrites its input"
        case .isLink(let p):
            "\(p): is a symbolic link; relmap does not write through links (remove it or choose another folder)"
        case .notAFile(let p): "\(p): exists and is not a regular file"
        case .notOurs(let p): "\(p): exists and was not written by relmap; remove it or choose another folder"
        }
    }
}

/// Which file a path is, for telling whether two paths are the same file.
public struct FileIdentity: Sendable, Hashable {
    /// The device the file is on.
    public let device: UInt64
    /// The file's inode number on that device.
    public let inode: UInt64

    /// The file at `path`, following symbolic links; nil when there is none.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// Writes output files atomically and refuses to replace anything relmap did not write.
///
/// Each file is written to a temporary file in the same folder, flushed to disk, then
/// renamed over the destination, and the folder itself is flushed: a reader sees the old
/// file or the new one, never half of one, even after a crash. All of it happens through
/// a handle on the folder opened once, so a folder renamed or replaced by a link half-way
/// cannot redirect the write elsewhere.
///
/// An existing file is replaced only when it is a regular file (not a link, not a folder),
/// is not one of the inputs, and carries `mark` in its first or last 4 kB, which every file
/// relmap writes does (DOT and SVG in a comment, PNG in a text chunk, PDF as its producer,
/// HTML in its head). There is a short window between that check and the rename in which
/// another program could put a file there; relmap does not defend against a racing writer.
public enum OutputFile {
    /// The words that mark a file as relmap's own output.
    public static let mark = "Written by relmap"
    /// How far from each end of a file the mark is looked for.
    public static let markWindow = 4096

    /// Makes sure `path` is a folder relmap can write in, creating it (and its parents)
    /// when missing. Call before any work, so a bad `-o` fails fast.
    public static func prepareFolder(_ path: String) throws(OutputError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAFolder(path) }
        } else {
            try makeFolders(path)
        }
        guard access(path, W_OK | X_OK) == 0 else { throw .cannotWrite(path, reason: lastError()) }
    }

    /// Whether `data` carries `mark` near its start or end.
    public static func isMarked(_ data: Data) -> Bool {
        let needle = Data(mark.utf8)
        return data.prefix(markWindow).range(of: needle) != nil || data.suffix(markWindow).range(of: needle) != nil
    }

    /// Writes `data` as the file `name` inside `folder`, atomically, replacing an existing
    /// file only under the rules above. `protecting` lists files that must never be
    /// replaced (the inputs), whatever they contain.
    public static func write(
        _ data: Data, named name: String, in folder: String,
        protecting inputs: Set<FileIdentity> = []
    ) throws(OutputError) {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\0") else {
            throw .invalidName(name)
        }
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { throw .cannotWrite(folder, reason: lastError()) }
        defer { close(dir) }

        try checkReplaceable(name, path: path, in: dir, inputs: inputs)
        let temp = try writeTemporary(data, near: name, path: path, in: dir)
        guard renameat(dir, temp, dir, name) == 0 else {
            let why = lastError()
            unlinkat(dir, temp, 0)
            throw .cannotWrite(path, reason: why)
        }
        // Flush the folder so the rename itself survives a crash.
        _ = fsync(dir)
    }

    // MARK: Steps

    /// Throws unless `name` is absent, or is a regular file relmap wrote that is no input.
    private static func checkReplaceable(
        _ name: String, path: String, in dir: Int32,
        inputs: Set<FileIdentity>
    ) throws(OutputError) {
        var st = stat()
        guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return }
            throw .cannotWrite(path, reason: lastError())
        }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFLNK { throw .isLink(path) }
        guard kind == S_IFREG else { throw .notAFile(path) }
        if inputs.contains(FileIdentity(st)) { throw .isInput(path) }
        let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotWrite(path, reason: lastError()) }
        defer { close(fd) }
        let size = Int(st.st_size)
        let head = read(fd, count: min(size, markWindow), at: 0)
        let tail = size > markWindow ? read(fd, count: markWindow, at: size - markWindow) : Data()
        guard isMarked(head) || isMarked(tail) else { throw .notOurs(path) }
    }

    /// Writes `data` to a new hidden file beside `name` and flushes it; returns its name.
    private static func writeTemporary(_ data: Data, near name: String, path: String, in dir: Int32) throws(OutputError)
        -> String
    {
        var fd: Int32 = -1
        var temp = ""
        // O_EXCL: a fresh name each time, never someone else's file or link.
        for _ in 0..<16 where fd < 0 {
            temp = ".\(name).\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
            fd = openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd < 0, errno != EEXIST { break }
        }
        guard fd >= 0 else { throw .cannotWrite(path, reason: lastError()) }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = systemWrite(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = lastError() }
        if close(fd) != 0, failure == nil { failure = lastError() }
        if let failure {
            unlinkat(dir, temp, 0)
            throw .cannotWrite(path, reason: failure)
        }
        return temp
    }

    private static func read(_ fd: Int32, count: Int, at offset: Int) -> Data {
        guard count > 0 else { return Data() }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        return n > 0 ? Data(buffer.prefix(n)) : Data()
    }

    /// `mkdir -p`, with the system's own reason when it fails (FileManager's errors on
    /// Linux say only "the operation could not be completed").
    private static func makeFolders(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            guard mkdir(prefix, 0o777) == 0 || errno == EEXIST else {
                throw .cannotCreateFolder(path, reason: lastError())
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .cannotCreateFolder(path, reason: String(cString: strerror(ENOTDIR)))
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from `OutputFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

extension OutputFile {
    /// Replaces the regular file at `path` with `data` atomically, keeping its
    /// permissions: for an input the user asked relmap to change (`relmap log`, `set`),
    /// where the mark rule above does not apply. A link or a non-regular file is refused.
    public static func replace(_ path: String, with data: Data) throws(OutputError) {
        let folder =
            (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { throw .cannotWrite(folder, reason: lastError()) }
        defer { close(dir) }
        var st = stat()
        guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { throw .cannotWrite(path, reason: lastError()) }
        if st.st_mode & S_IFMT == S_IFLNK { throw .isLink(path) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path) }
        let temp = try writeTemporary(data, near: name, path: path, in: dir)
        guard fchmodat(dir, temp, st.st_mode & 0o7777, 0) == 0, renameat(dir, temp, dir, name) == 0 else {
            let why = lastError()
            unlinkat(dir, temp, 0)
            throw .cannotWrite(path, reason: why)
        }
        _ = fsync(dir)
    }
}
