import Foundation

/// What a run of `relmap` gave: its exit code and what it printed.
public struct CLIResult: Sendable {
    public var status: Int32
    /// Standard output as bytes (an SVG, a PNG) ...
    public var output: Data
    public var stderr: String

    /// ... and as text.
    public var stdout: String { String(decoding: output, as: UTF8.self) }
}

/// Runs the real `relmap` executable built next to the test bundle, the way a user
/// would, and captures its exit code, stdout and stderr.
public enum CLI {
    public static var repo: URL { Repo.root }

    /// The built binary: beside the test bundle (whatever --scratch-path was used),
    /// else in the default build folder.
    public static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            repo.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("relmap") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `relmap arguments` in `cwd` (the repository's root by default), without
    /// NO_COLOR unless `environment` sets it.
    ///
    /// `input`, if any, is the child's standard input. It is written into the pipe before
    /// the child starts: written afterwards, it could meet a child that has already exited
    /// without reading (a usage error), and the write's SIGPIPE would kill the whole test
    /// process. The pipe holds 64 kB, so the input must stay below that.
    ///
    /// `fileSizeLimitKB` runs relmap under `ulimit -f` with SIGXFSZ ignored, so a write
    /// past the limit fails with EFBIG as a write to a full disk fails with ENOSPC.
    /// `unprivileged` runs relmap without the capabilities that let root write past file
    /// modes (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) when the tests run as root; it stays
    /// root otherwise, so it can still read a checkout wherever it lies (setpriv, from
    /// util-linux).
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil,
        input: Data? = nil, fileSizeLimitKB: Int? = nil, unprivileged: Bool = false
    ) throws -> CLIResult {
        guard let executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "relmap beside the tests"])
        }
        let process = Process()
        if unprivileged, getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--bounding-set=-dac_override,-dac_read_search", executable.path] + arguments
        } else if let limit = fileSizeLimitKB {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments =
                ["-c", "trap '' XFSZ; ulimit -f \(limit); exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
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
        return CLIResult(
            status: process.terminationStatus, output: outData,
            stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
public final class Drained: @unchecked Sendable {
    // @unchecked: `data` is written once by the reading thread before `done` is
    // signalled and read only after waiting for it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    public func wait() -> Data {
        done.wait()
        return data
    }
}
