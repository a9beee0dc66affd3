import Foundation

/// Renders DOT with Graphviz in a child process of a program that serves the worker's
/// command line (`relmap`, whose `main` calls `serveIfStarted`), one child per diagram
/// (docs/diagrams.md, "One process per diagram"). Measured on Graphviz 2.42:
///
/// - Reproducible pictures. Graphviz orders subgraphs by the address of their interned
///   names, so in a long-lived process the dot layout of a graph with clusters depends on
///   what the heap looked like: the same DOT rendered twice in one process may place nodes
///   differently. A fresh process that reads the same DOT the same way draws the same bytes.
/// - Flat memory. The dot layout leaks about 55 kB per 30-person diagram; a child's leak
///   ends with the child.
/// - Survival and a time limit. Graphviz can abort the process on some inputs, and a layout
///   cannot be cancelled: a child's crash becomes an error for one account, and a child
///   that runs past the time limit is killed (docs/limits.md, "Rendering").
///
/// The cost is one process start per diagram, about 40 ms (the Swift runtime, libgvc, its
/// plugins and fonts), about what spawning `dot` costs (docs/performance.md, "Rendering").
/// The child prints nothing to stderr; on failure its stdout holds the error message.
public struct GraphvizWorker: Sendable {
    /// The program started for each diagram; it must hand the worker's command line to
    /// `serveIfStarted` (or `serve`) before anything else.
    public let executable: String

    /// A worker that starts `executable` for each diagram.
    public init(executable: String) {
        self.executable = executable
    }

    /// Children of the running program itself: what `relmap` uses.
    public static var thisProgram: GraphvizWorker {
        GraphvizWorker(executable: Bundle.main.executableURL?.path ?? "/proc/self/exe")
    }

    /// Why a child drew nothing.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The child ran past `seconds` and was killed; nothing it drew is used.
        case timedOut(seconds: Double, layout: LayoutEngine)
        /// The child died of `signal`; `said` is what it printed first (Graphviz's failed
        /// assertion, one line per line), or empty.
        case crashed(signal: Int32, said: String)
        /// Graphviz refused: its own words.
        case failed(String)

        /// Why the child drew nothing, in one or more lines.
        public var description: String {
            switch self {
            case .timedOut(let seconds, let layout):
                return "Graphviz did not finish the \(layout.rawValue) layout within the time limit of "
                    + "\(GraphvizWorker.seconds(seconds)); stopped it"
            case .crashed(let signal, let said):
                return "Graphviz crashed while drawing this diagram (signal \(signal))"
                    + (said.isEmpty ? "" : ":\n" + said)
            case .failed(let message):
                return message
            }
        }
    }

    /// `60 s`, `0.2 s`: a time limit as the user typed it.
    public static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }

    /// Draws `dot` in a child process, killed if it runs past `timeLimit` seconds.
    /// `environment`, when given, replaces this process's for the child.
    public func render(
        dot: String, format: OutputFormat, layout: LayoutEngine, lines: LineRouting = .asWritten,
        timeLimit: Double, environment: [String: String]? = nil
    ) throws(Failure) -> Data {
        let bytes = Data(dot.utf8)
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(
                executable,
                Self.arguments(
                    dotBytes: bytes.count, format: format.rawValue,
                    layout: layout.rawValue, lines: lines),
                input: bytes, timeLimit: timeLimit, environment: environment)
        } catch {
            throw .failed("cannot start a Graphviz worker: \(error)")
        }
        if outcome.timedOut { throw .timedOut(seconds: timeLimit, layout: layout) }
        if outcome.signalled {
            // The C library's own lines (an assertion names its file and line), decoded once
            // as a whole, so a character is never cut in two.
            let said = String(decoding: outcome.stderr, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.prefix(5).joined(
                    separator: "\n")
            throw .crashed(signal: outcome.status, said: said)
        }
        guard outcome.status == 0 else { throw .failed(String(decoding: outcome.stdout, as: UTF8.self)) }
        return outcome.stdout
    }

    /// The command line a parent starts its worker with (`relmap render`'s hidden options).
    public static func arguments(dotBytes: Int, format: String, layout: String, lines: LineRouting) -> [String] {
        ["render", "--graphviz-worker", String(dotBytes), "--format", format, "--layout", layout]
            + (lines == .straight ? ["--graphviz-straight-lines"] : []) + ["-"]
    }

    /// Serves at once, and never returns, when `arguments` (without the program name) are
    /// exactly what a parent starts its worker with; returns for anything else.
    ///
    /// Call it first thing in `main`: parsing relmap's whole command tree costs about
    /// 23 million instructions, an eighth of all a worker does for a 30-person diagram, and
    /// a worker is started for every diagram. Any other spelling of the same options still
    /// reaches `serve` through the program's own parser.
    public static func serveIfStarted(as arguments: [String]) {
        guard arguments.count >= 8, arguments.first == "render", arguments[1] == "--graphviz-worker",
            let dotBytes = Int(arguments[2]), OutputFormat(rawValue: arguments[4]) != nil,
            LayoutEngine(rawValue: arguments[6]) != nil
        else { return }
        let lines: LineRouting = arguments.contains("--graphviz-straight-lines") ? .straight : .asWritten
        guard arguments == Self.arguments(dotBytes: dotBytes, format: arguments[4], layout: arguments[6], lines: lines)
        else {
            return
        }
        serve(dotBytes: dotBytes, format: arguments[4], layout: arguments[6], lines: lines)
    }

    /// The child's side: reads exactly `dotBytes` bytes of DOT from stdin into one buffer
    /// (so its memory is laid out the same way every time), renders, writes, exits: 0 with
    /// the picture on stdout, 70 (EX_SOFTWARE) with Graphviz's words, or 64 (EX_USAGE) with
    /// "bad worker arguments" for a format or layout Graphviz has no name for.
    public static func serve(dotBytes: Int, format: String, layout: String, lines: LineRouting) -> Never {
        // The work happens in a function of its own so that everything it holds is released
        // before exit: LeakSanitizer reports a buffer still held by a frame that calls exit.
        exit(work(dotBytes: dotBytes, format: format, layout: layout, lines: lines))
    }

    private static func work(dotBytes: Int, format: String, layout: String, lines: LineRouting) -> Int32 {
        guard dotBytes > 0, let output = OutputFormat(rawValue: format), let engine = LayoutEngine(rawValue: layout)
        else {
            FileHandle.standardOutput.write(Data("bad worker arguments".utf8))
            return 64
        }
        var buffer = [UInt8](repeating: 0, count: dotBytes)
        var filled = 0
        while filled < dotBytes {
            let n = buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { read(STDIN_FILENO, $0 + filled, dotBytes - filled) } ?? -1
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            filled += n
        }
        do {
            let data = try Graphviz.render(
                dot: String(decoding: buffer[..<filled], as: UTF8.self), format: output, engine: engine,
                lines: lines)
            FileHandle.standardOutput.write(data)
            return 0
        } catch {
            FileHandle.standardOutput.write(Data(error.description.utf8))
            return 70
        }
    }
}
