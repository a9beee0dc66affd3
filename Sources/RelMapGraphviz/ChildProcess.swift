import Foundation

/// Runs a program that draws with Graphviz (the `dot` program, or a worker process of the
/// caller's own) with a time limit: input written, both outputs read, the child stopped
/// when the limit passes.
///
/// A layout cannot be cancelled in process, and some graphs take Graphviz minutes or
/// never finish; a child process is the only thing that can be stopped cleanly. Writing
/// the input and reading stdout and stderr each happen on a thread of their own, so a
/// child that stops reading, fills a pipe or hangs cannot block the caller past the limit.
public enum ChildProcess {
    /// How a child ended.
    public struct Outcome: Sendable {
        /// Everything the child wrote to standard output (partial when `timedOut`).
        public var stdout: Data
        /// Everything the child wrote to standard error.
        public var stderr: Data
        /// The exit status, or the signal number when `signalled`.
        public var status: Int32
        /// Whether the child died of a signal (a crash, or our kill after the limit).
        public var signalled: Bool
        /// Whether the time limit passed and the child was stopped; its output is partial.
        public var timedOut: Bool
    }

    /// The child could not be started (e.g. no such program); nothing ran.
    public struct StartFailure: Error, CustomStringConvertible {
        /// What went wrong, for the user.
        public let description: String
    }

    /// Runs `executable` with `arguments`, feeds it `input` on stdin, and collects its
    /// output. Past `timeLimit` seconds the child gets SIGTERM, and SIGKILL `grace`
    /// seconds later if it is still there; the call returns only once the child is reaped,
    /// so no process is left behind. `environment`, when given, replaces the caller's.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        input: Data,
        timeLimit: Double? = nil,
        grace: Double = 1,
        environment: [String: String]? = nil
    ) throws(StartFailure) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // Foundation's waitUntilExit polls its run loop in 50 ms steps, which doubled the
        // time of a 30-person diagram; the handler fires as soon as the child is reaped.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        // A child that exits before reading all of its input must not take us with it.
        BrokenPipes.shared.ignore()
        defer { BrokenPipes.shared.restore() }
        do { try process.run() } catch {
            throw StartFailure(description: "cannot start \(executable): \(error)")
        }

        let out = Collected(), err = Collected()
        let group = DispatchGroup()
        let writer = stdin.fileHandleForWriting
        onThread(group) {
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        let outReader = stdout.fileHandleForReading, errReader = stderr.fileHandleForReading
        onThread(group) { out.set(outReader.readDataToEndOfFile()) }
        onThread(group) { err.set(errReader.readDataToEndOfFile()) }

        var timedOut = false
        let deadline: DispatchTime = timeLimit.map { .now() + $0 } ?? .distantFuture
        if group.wait(timeout: deadline) == .timedOut || exited.wait(timeout: deadline) == .timedOut {
            timedOut = true
            let pid = process.processIdentifier
            kill(pid, SIGTERM)
            // Graphviz installs no SIGTERM handler, so this is normally the end; SIGKILL
            // covers a child that ignores it or is stuck where signals wait.
            if exited.wait(timeout: .now() + grace) == .timedOut {
                kill(pid, SIGKILL)
                exited.wait()
            }
            // Dead, its pipe ends are closed and the readers see end of file.
            group.wait()
        }
        // The child has been reaped, so this returns at once; without it Foundation never
        // releases the Process and its pipes (about 2 kB a child, found by LeakSanitizer).
        process.waitUntilExit()
        return Outcome(
            stdout: out.data, stderr: err.data, status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }
}

/// Runs `body` on a thread of its own, counted in `group`. Not on Dispatch's pool: these
/// bodies block until the child is done, and with several children drawn at once they
/// would take every pool thread, leaving another child's input unwritten until Dispatch
/// noticed and added threads.
private func onThread(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    Thread {
        body()
        group.leave()
    }.start()
}

/// SIGPIPE ignored while any child is being fed, and the old handler back when the last
/// one is done. Children may be fed from several threads at once (relmap draws diagrams
/// in parallel); one call putting the old handler back must not expose another that is
/// still writing.
private final class BrokenPipes: @unchecked Sendable {
    static let shared = BrokenPipes()
    // @unchecked: `feeding` and `previous` are only touched while `lock` is held.
    private let lock = NSLock()
    private var feeding = 0
    private var previous: (@convention(c) (Int32) -> Void)?

    func ignore() {
        lock.lock()
        defer { lock.unlock() }
        if feeding == 0 { previous = signal(SIGPIPE, SIG_IGN) }
        feeding += 1
    }

    func restore() {
        lock.lock()
        defer { lock.unlock() }
        feeding -= 1
        if feeding == 0 { signal(SIGPIPE, previous) }
    }
}

/// Bytes handed from a reader thread to the caller.
private final class Collected: @unchecked Sendable {
    // @unchecked: `bytes` is only touched while `lock` is held.
    private let lock = NSLock()
    private var bytes = Data()

    func set(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        bytes = data
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}
