/// What Graphviz reported during one call into the library, as Swift text.
///
/// Graphviz hands its messages to our callback in pieces: `"Error"`, `": "`, then the
/// formatted text, and continuation lines with no prefix at all. Joining the pieces and
/// splitting on newlines gives one entry per line the `dot` program would have printed.
struct GraphvizMessages: Sendable, Equatable {
    /// The reported lines in order, without Graphviz's `Error: `/`Warning: ` prefixes.
    let lines: [String]

    init(raw: String) {
        lines = raw.split(whereSeparator: \.isNewline).compactMap { piece in
            var line = Substring(piece)
            for prefix in ["Error: ", "Warning: "] where line.hasPrefix(prefix) {
                line = line.dropFirst(prefix.count)
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    var isEmpty: Bool { lines.isEmpty }

    /// All lines, newline-separated, as the user will read them.
    var text: String { lines.joined(separator: "\n") }

    /// `text`, or `fallback` when Graphviz failed without saying why.
    func orDefault(_ fallback: String) -> String { isEmpty ? fallback : text }

    /// The number in the first "in line N" Graphviz wrote (syntax and HTML-label errors).
    var firstLineNumber: Int? {
        for line in lines {
            guard let marker = line.range(of: "in line ") else { continue }
            let digits = line[marker.upperBound...].prefix(while: \.isNumber)
            if let number = Int(digits) { return number }
        }
        return nil
    }
}
