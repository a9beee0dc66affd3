import Foundation

/// Runs the real `relmap` executable built next to this test bundle, the way a user
/// would, and captures its exit code, stdout and stderr.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    static let repo: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: beside the test bundle (whatever --scratch-path was used),
    /// else in the default build folder.
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            repo.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("relmap") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// `input`, if any, is the child's standard input. It is written into the pipe before
    /// the child starts: written afterwards, it could meet a child that has already exited
    /// without reading (a usage error), and the write's SIGPIPE would kill the whole test
    /// process. The pipe holds 64 kB, so the input must stay below that.
    static func run(_ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil,
                    input: Data? = nil) throws -> CLIResult {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = cwd ?? repo
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            precondition(input.count < 60_000, "CLI.run: standard input must fit in the pipe (64 kB)")
            let pipe = Pipe()
            try pipe.fileHandleForWriting.write(contentsOf: input)
            try pipe.fileHandleForWriting.close()
            process.standardInput = pipe
        }
        try process.run()
        // Both pipes are drained at once, stderr on its own thread: read one after the
        // other, a child that fills the stderr pipe (64 kB) while we wait for stdout to end
        // blocks for ever (seen under the address sanitizer's leak reports).
        let errData = Drained(err)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
final class Drained: @unchecked Sendable {
    // @unchecked: `data` is written once by the reading thread before `done` is
    // signalled and read only after waiting for it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
