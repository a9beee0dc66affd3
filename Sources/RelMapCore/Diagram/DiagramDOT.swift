/// A value of a DOT attribute, made safe by construction: user text can only enter as
/// `.label` or `.tooltip` (escaped), and HTML-like labels only as `.html`, which the
/// writer builds from escaped pieces. Attribute names are never values of this type:
/// they are string literals in the writer.
enum DOTValue {
    /// Our own keyword or colour (`box`, `#5e3c99`, `LR`): written bare when it is a plain
    /// DOT ID, quoted and escaped otherwise, so even a mistake here cannot break the file.
    case keyword(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    /// User text shown literally in a label.
    case label(String)
    /// User text shown literally in a tooltip.
    case tooltip(String)
    /// An HTML-like label, well formed by construction (see DiagramLabels).
    case html(String)

    var dot: String {
        switch self {
        case .keyword(let word):
            let plain =
                !word.isEmpty
                && word.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
                }
                && !("0"..."9").contains(word.unicodeScalars.first ?? "a")
            return plain ? word : DOTEscaping.quotedLabel(word)
        case .number(let x): return DiagramStyle.number(x)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .label(let text): return DOTEscaping.quotedLabel(text)
        case .tooltip(let text): return DOTEscaping.quotedTooltip(text)
        case .html(let html): return "<" + html + ">"
        }
    }
}

/// DOT text being written: statements, one per line, indented by nesting, with the
/// attributes of each in the order given (so the output is byte-for-byte stable).
struct DOTText {
    private(set) var text = ""
    private var depth = 0

    /// `// words`: our own words only, never user text.
    mutating func comment(_ words: String) { line("// " + words) }

    /// `graph [...]`, `node [...]` or `edge [...]` defaults.
    mutating func defaults(_ kind: String, _ attributes: [(String, DOTValue)]) {
        line(kind + " " + Self.list(attributes))
    }

    /// One node statement: a generated ID and its attributes.
    mutating func node(_ id: String, _ attributes: [(String, DOTValue)]) {
        line(attributes.isEmpty ? id : id + " " + Self.list(attributes))
    }

    /// One edge statement between two generated IDs.
    mutating func edge(_ from: String, _ to: String, _ attributes: [(String, DOTValue)]) {
        line("\(from) -> \(to)" + (attributes.isEmpty ? "" : " " + Self.list(attributes)))
    }

    /// `subgraph ID { ... }` with `body` inside.
    mutating func subgraph(_ id: String, _ body: (inout DOTText) -> Void) {
        block("subgraph \(id)", body)
    }

    /// `opener { ... }` with `body` inside, indented one tab more.
    mutating func block(_ opener: String, _ body: (inout DOTText) -> Void) {
        line(opener + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    /// `{rank=same; a; b; c}`, which keeps nodes on one row.
    mutating func sameRank(_ ids: [String], _ rank: String = "same") {
        guard !ids.isEmpty else { return }
        line("{rank=\(rank); " + ids.joined(separator: "; ") + "}")
    }

    mutating func blank() { text += "\n" }

    private mutating func line(_ s: String) {
        text += String(repeating: "\t", count: depth) + s + "\n"
    }

    private static func list(_ attributes: [(String, DOTValue)]) -> String {
        "[" + attributes.map { "\($0.0)=\($0.1.dot)" }.joined(separator: ", ") + "]"
    }
}
