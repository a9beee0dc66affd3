import Foundation

/// Why an older version could not be read from git.
public enum GitHistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case gitMissing
    case notInRepository(String)
    case noSuchVersion(path: String, revision: String, gitSays: String)
    case cannotRun(String)
    /// The file is in a repository, but no commit holds it (never committed).
    case noCommits(String)

    /// One sentence for the user, with what to do instead where there is something.
    public var description: String {
        switch self {
        case .gitMissing:
            "git is not installed (or not on PATH); compare two files instead: relmap diff OLD NEW"
        case .notInRepository(let p):
            "\(p) is not inside a git repository; compare two files instead: relmap diff OLD NEW"
        case .noSuchVersion(let p, let rev, let says):
            "cannot read \(p) at \(rev): \(says)"
        case .cannotRun(let why):
            "cannot run git: \(why)"
        case .noCommits(let p):
            "no commit in git holds \(p); commit it first (git add, git commit)"
        }
    }
}

/// Reads an earlier version of a file from the git repository it is in, by running
/// `git show REV:path` (the path relative to the repository's root).
public enum GitHistory {
    /// The file's bytes at `revision`, and a name for it in messages (`REV:path`).
    public static func read(_ path: String, at revision: String) throws(GitHistoryError) -> (data: Data, name: String) {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw .noSuchVersion(path: path, revision: revision, gitSays: "a revision cannot start with '-'")
        }
        let file = URL(fileURLWithPath: path)
        let folder = file.deletingLastPathComponent().path
        // Where the file's folder sits below the root ("graphs/"), as git sees it.
        let prefix = try run(["rev-parse", "--show-prefix"], in: folder)
        guard prefix.status == 0 else { throw .notInRepository(path) }
        let inRepo =
            String(decoding: prefix.out, as: UTF8.self).trimmingCharacters(in: .newlines) + file.lastPathComponent
        let shown = try run(["show", "\(revision):\(inRepo)"], in: folder)
        guard shown.status == 0 else {
            let says = String(decoding: shown.err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .noSuchVersion(
                path: path, revision: revision,
                gitSays: says.replacingOccurrences(of: "fatal: ", with: ""))
        }
        return (shown.out, "\(revision):\(inRepo)")
    }

    /// Runs git in `folder` with a fixed environment: no pager, no prompt, C messages.
    /// `input`, when given, is git's stdin. It is handed over as an unlinked temporary
    /// file rather than a pipe: writing to a pipe whose reader has died raises SIGPIPE,
    /// which would end relmap.
    static func run(_ arguments: [String], in folder: String, input: Data? = nil) throws(GitHistoryError) -> (
        status: Int32, out: Data, err: Data
    ) {
        guard let git = executable() else { throw .gitMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-C", folder] + arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_PAGER"] = "cat"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        if let input { process.standardInput = try inputFile(input) }
        do { try process.run() } catch { throw .cannotRun(error.localizedDescription) }
        // Drain stderr on another thread while stdout is read here, so that neither
        // pipe can fill up and block git.
        let errBox = DataBox(), errHandle = err.fileHandleForReading, group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errBox.set(errHandle.readDataToEndOfFile()) }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, outData, errBox.get())
    }

    /// `data` in a temporary file, open for reading and already removed from its folder.
    private static func inputFile(_ data: Data) throws(GitHistoryError) -> FileHandle {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-git-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forReadingAtPath: path)
        else {
            throw .cannotRun("cannot write a temporary file in \(FileManager.default.temporaryDirectory.path)")
        }
        unlink(path)
        return handle
    }

    /// The first `git` on PATH.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// The stderr bytes, handed from the thread that read them.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}
