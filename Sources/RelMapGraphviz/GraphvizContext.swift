internal import CGraphviz
import Foundation

/// The process's one Graphviz context and the lock every call into the C library takes.
///
/// libcgraph and libgvc keep global state (the error level, the lexer, the plugin
/// registry) and are not thread safe, not even with one context per thread: four threads
/// were enough to corrupt the heap. So there is one context, created on first use and kept
/// until the process exits (creating one costs about 5 ms and freeing one leaks), and one
/// lock that serialises everything. Parallel rendering belongs in worker processes.
///
/// Nothing outside this module sees the context or any other C pointer.
final class GraphvizContext: @unchecked Sendable {
    // @unchecked: `gvc` is set once in `init` and only used while `lock` is held.

    static let shared = GraphvizContext()

    private let lock = NSLock()
    private let gvc: OpaquePointer?

    /// What Graphviz said while the context was created, e.g. a plugin library it could
    /// not load. Empty on a healthy installation.
    let startupMessages: GraphvizMessages

    private init() {
        // Capture goes in before gvContext() so that whatever it reports is kept too, not
        // printed to stderr. This runs once (Swift initialises `shared` exactly once) and
        // before any other call into the library, since every call goes through `shared`.
        GraphvizMessageLog.install()
        gvc = gvContext()
        startupMessages = GraphvizMessages(raw: GraphvizMessageLog.shared.take())
    }

    /// Runs `body` with exclusive use of the library and a clean error state.
    ///
    /// `agerrors()` is sticky: without `agreseterrors()` one bad graph would make every
    /// later render look failed. Clearing the message log here makes whatever `body` finds
    /// in it belong to this call alone.
    func withLibrary<Result>(
        _ body: (_ gvc: OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        guard let gvc else { throw .contextUnavailable }
        _ = agreseterrors()
        _ = GraphvizMessageLog.shared.take()
        return try body(gvc)
    }

    /// The messages Graphviz reported since `withLibrary` began. Call only inside `body`.
    func messages() -> GraphvizMessages {
        GraphvizMessages(raw: GraphvizMessageLog.shared.take())
    }
}

/// Collects the text Graphviz reports through `agseterrf`.
///
/// The callback is a C function pointer and cannot capture anything, so it reaches the log
/// through this global. The log has its own small lock rather than relying on
/// `GraphvizContext`'s: the callback also runs inside `GraphvizContext.init`, before that
/// lock can be reached, and a second lock costs nothing next to a layout.
///
/// Hazard (Graphviz 2.42, reproduced here): cgraph formats a message for this callback
/// into a 1 kB buffer and, when the message is longer, formats it again with a `va_list`
/// it has already used up, so a message of 1,024 bytes or more crashes the process. The
/// likeliest such message is the one for a malformed HTML-like label around a long run of
/// text, which Graphviz quotes back in full. Keep HTML-like labels well formed; send
/// untrusted DOT to a child `dot` process, whose messages go to stderr instead.
final class GraphvizMessageLog: @unchecked Sendable {
    // @unchecked: `text` is only touched while `lock` is held.

    static let shared = GraphvizMessageLog()

    private let lock = NSLock()
    /// Bytes, not text: Graphviz hands a message over in pieces, and decoding each piece
    /// on its own would turn a character cut between two pieces into U+FFFD.
    private var bytes: [UInt8] = []

    /// Routes every message, warnings included, to `shared`.
    ///
    /// With the level at AGWARN nothing goes to stderr, and nothing goes to cgraph's
    /// fallback temporary file either, which would otherwise grow for the life of a long
    /// process; `aglasterr()`, which reads that file, is unreliable anyway.
    static func install() {
        _ = agseterr(AGWARN)
        _ = agseterrf(receive)
    }

    /// The C callback. Must not capture context, so it names the log through `shared`.
    private static let receive: agusererrf = { message in
        if let message {
            GraphvizMessageLog.shared.append(UnsafeBufferPointer(start: message, count: strlen(message)))
        }
        return 0
    }

    private func append(_ piece: UnsafeBufferPointer<CChar>) {
        lock.lock()
        defer { lock.unlock() }
        bytes.append(contentsOf: piece.lazy.map { UInt8(bitPattern: $0) })
    }

    /// Returns everything collected so far and empties the log.
    func take() -> String {
        lock.lock()
        defer { lock.unlock() }
        let collected = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        return collected
    }
}
