/// Why Graphviz could not turn DOT text into a picture.
///
/// `message` is what Graphviz itself said (its `Error:`/`Warning:` prefixes removed, one
/// line per message), so the user sees the library's own words next to ours.
public enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The DOT text could not be read. `line` is the line Graphviz named, if it named one.
    case syntax(message: String, line: Int?)
    /// The layout engine failed, or reported an error while "succeeding" (a malformed
    /// HTML-like label is silently replaced by its source text, for example).
    case layout(engine: LayoutEngine, message: String)
    /// The laid-out graph could not be written in the format asked for.
    case render(format: OutputFormat, message: String)
    /// Graphviz does not know the engine or format at all: its plugin registry
    /// (`config6a`) is missing or stale, or the plugin is not installed.
    case pluginRegistryMissing(message: String)
    /// `gvContext()` returned NULL, which only happens when memory is exhausted.
    case contextUnavailable

    /// One message for the user: what failed, then Graphviz's own words.
    public var description: String {
        switch self {
        case .syntax(let message, let line):
            let place = line.map { " at line \($0)" } ?? ""
            return "Graphviz could not read the DOT text\(place): \(message)"
        case .layout(let engine, let message):
            return "Graphviz's \(engine.rawValue) layout failed: \(message)"
        case .render(let format, let message):
            return "Graphviz could not write \(format.rawValue.uppercased()): \(message)"
        case .pluginRegistryMissing(let message):
            return """
                Graphviz does not know this layout engine or output format: \(message)
                Its plugin registry is missing or out of date. Rebuild it as root with \
                `libgvc6-config-update -c` (Debian, Ubuntu) or `dot -c` (elsewhere); if the \
                problem remains, install the Graphviz plugins (libgvc6 on Debian and Ubuntu, \
                graphviz on Homebrew).
                """
        case .contextUnavailable:
            return "Graphviz could not create its context (out of memory)."
        }
    }
}

extension GraphvizError {
    /// Turns what Graphviz printed when reading failed into a syntax error.
    ///
    /// `agmemread` says nothing at all for empty input, so that case gets our own words.
    static func syntax(from messages: GraphvizMessages) -> GraphvizError {
        let text = messages.isEmpty ? "no graph found in the input" : messages.text
        return .syntax(message: text, line: messages.firstLineNumber)
    }

    /// Sorts a failed layout into "the registry does not know this engine" (which the
    /// user fixes with a command) and a genuine layout failure.
    static func layout(_ engine: LayoutEngine, from messages: GraphvizMessages) -> GraphvizError {
        // gvLayout says `Layout type: "dot" not recognized. Use one of: ...`.
        if messages.text.contains("not recognized") {
            return .pluginRegistryMissing(message: messages.text)
        }
        return .layout(engine: engine, message: messages.orDefault("layout failed"))
    }

    /// Sorts a failed render the same way as `layout(_:from:)`.
    static func render(_ format: OutputFormat, from messages: GraphvizMessages) -> GraphvizError {
        // gvRenderData on 2.42/2.43 says `renderer for svg is unavailable` when the registry
        // lacks the device; `Format: "svg" not recognized` is the wording of other versions
        // and of the `dot` program.
        let text = messages.text
        if text.contains("not recognized") || text.contains("is unavailable") {
            return .pluginRegistryMissing(message: text)
        }
        return .render(format: format, message: messages.orDefault("rendering failed"))
    }
}
