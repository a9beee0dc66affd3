/// A JSON value whose objects keep their keys in the order written, so that the schema
/// reads in the order of the account file and prints the same bytes every time.
indirect enum SchemaJSON: Sendable {
    case object([(String, SchemaJSON)])
    case array([SchemaJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// The value as JSON text, indented by two spaces a level. A list of scalars stays on
    /// one line (an enum's words read best that way).
    func text(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            let lines = pairs.map { inner + JSONText.quoted($0.0) + ": " + $0.1.text(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.text() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .string(let s):
            return JSONText.quoted(s)
        case .number(let x):
            return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .bool(let b):
            return b ? "true" : "false"
        case .null:
            return "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }
}
