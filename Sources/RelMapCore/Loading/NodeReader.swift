import Yams

/// Reads values out of a composed YAML tree and records every problem it meets.
///
/// The decoder asks for "a mapping with these keys", "a whole number in 1...5", "one of
/// these words"; the reader answers with a value or nil and, when nil, has already added
/// an error naming the key path, the line and the column. It never stops at the first
/// problem: the goal is to report every mistake in a file at once.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each scalar that was read stands, by key path (`people[3].reports_to`).
    private(set) var marks: [String: SourceLocation] = [:]

    init(file: String) { self.file = file }

    // MARK: Recording

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ node: Node, _ message: String) {
        diagnostics.append(.error(location(of: node), message))
    }

    func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(.error(location, message))
    }

    func warning(at location: SourceLocation, _ message: String) {
        diagnostics.append(.warning(location, message))
    }

    // MARK: Shapes

    /// The kind of a node in words, for "expected a mapping, found a list".
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping (key: value)"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let s): isNull(s) ? "nothing (null)" : "the text '\(s.string.prefix(40))'"
        }
    }

    static func isNull(_ s: Node.Scalar) -> Bool {
        s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return isNull(s) }
        return false
    }

    /// A mapping's entries by key, after reporting keys that are unknown (with the
    /// nearest allowed key), repeated, or required but missing. Keys starting with `x-`
    /// are the user's own and are skipped; `notes` may hold anything.
    func mapping(
        _ node: Node, at path: String, allowed: [String], required: [String] = []
    ) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(path): expected a mapping (key: value), found \(Self.describe(node))")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let k) = key else {
                error(key, "\(path): a key must be a word, found \(Self.describe(key))")
                continue
            }
            let name = k.string
            if name.hasPrefix("x-") { continue }
            if let first = entries[name] {
                error(key, "\(join(path, name)): key '\(name)' appears twice; first at line \(location(of: first.key).line)")
                continue
            }
            guard allowed.contains(name) else {
                let hint = Suggestion.nearest(to: name, in: allowed).map { "did you mean '\($0)'?" }
                    ?? "allowed keys: \(allowed.joined(separator: ", ")) (or x-... for your own)"
                error(key, "\(path): unknown key '\(name)'; \(hint)")
                continue
            }
            entries[name] = (key, value)
        }
        for name in required where entries[name] == nil {
            error(node, "\(path): missing required key '\(name)'")
        }
        return entries
    }

    /// The items of a list; a null counts as an empty list.
    func sequence(_ node: Node, at path: String) -> [Node]? {
        if Self.isNull(node) { return [] }
        guard case .sequence(let seq) = node else {
            error(node, "\(path): expected a list, found \(Self.describe(node))")
            return nil
        }
        return Array(seq)
    }

    // MARK: Scalars

    /// Text; nil with an error for a list or mapping. A null gives nil without an error
    /// only when `optional`.
    func text(_ node: Node, at path: String, optional: Bool = false) -> String? {
        marks[path] = location(of: node)
        guard case .scalar(let s) = node else {
            error(node, "\(path): expected text, found \(Self.describe(node))")
            return nil
        }
        if Self.isNull(s) {
            if !optional { error(node, "\(path): expected text, found nothing") }
            return nil
        }
        return s.string
    }

    /// Free-form notes: text as written, or for a list or mapping, its scalars joined.
    func notes(_ node: Node) -> String? {
        switch node {
        case .scalar(let s): return Self.isNull(s) ? nil : s.string
        case .sequence(let seq): return seq.compactMap { notes($0) }.joined(separator: "; ")
        case .mapping(let m):
            return m.compactMap { k, v in notes(v).map { "\(k.string ?? ""): \($0)" } }.joined(separator: "; ")
        case .alias: return nil
        }
    }

    func integer(_ node: Node, at path: String, in range: ClosedRange<Int>, meaning: String) -> Int? {
        marks[path] = location(of: node)
        guard case .scalar(let s) = node, !Self.isNull(s) else {
            error(node, "\(path): expected a whole number, found \(Self.describe(node))")
            return nil
        }
        guard let n = Int(s.string.trimmingSpaces) else {
            error(node, "\(path): expected a whole number, found '\(s.string)'")
            return nil
        }
        guard range.contains(n) else {
            error(node, "\(path): \(n) is out of range; \(meaning)")
            return nil
        }
        return n
    }

    func number(_ node: Node, at path: String) -> Double? {
        marks[path] = location(of: node)
        guard case .scalar(let s) = node, !Self.isNull(s) else {
            error(node, "\(path): expected a number, found \(Self.describe(node))")
            return nil
        }
        let raw = s.string.trimmingSpaces.replacingUnderscores
        guard let value = Double(raw), value.isFinite else {
            error(node, "\(path): expected a number, found '\(s.string)'")
            return nil
        }
        return value
    }

    /// One of an enum's words, with the nearest word suggested for a typo.
    func word<E: RawRepresentable & CaseIterable>(
        _ node: Node, at path: String, as _: E.Type, kind: String
    ) -> E? where E.RawValue == String {
        guard let raw = text(node, at: path) else { return nil }
        if let value = E(rawValue: raw) { return value }
        let all = E.allCases.map(\.rawValue)
        if let near = Suggestion.nearest(to: raw, in: all) {
            error(node, "\(path): '\(raw)' is not a \(kind); did you mean '\(near)'?")
        } else {
            error(node, "\(path): '\(raw)' is not a \(kind); expected one of: \(all.joined(separator: ", "))")
        }
        return nil
    }

    func day(_ node: Node, at path: String) -> Day? {
        guard let raw = text(node, at: path) else { return nil }
        guard let day = Day(iso: raw.trimmingSpaces) else {
            error(node, "\(path): '\(raw)' is not a real date; expected YYYY-MM-DD, e.g. 2026-11-01")
            return nil
        }
        return day
    }

    /// An id: letters, digits, `-` and `_` only, so it is safe in any output.
    func identifier(_ node: Node, at path: String) -> String? {
        guard let raw = text(node, at: path) else { return nil }
        guard !raw.isEmpty, raw.unicodeScalars.allSatisfy(Self.isIdentifierScalar) else {
            error(node, "\(path): '\(raw)' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'")
            return nil
        }
        return raw
    }

    static func isIdentifierScalar(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
    }

    /// Where the value at `path` was written, else where `fallback` was.
    func mark(_ path: String, or fallback: SourceLocation?) -> SourceLocation {
        marks[path] ?? fallback ?? SourceLocation(file: file, line: 1, column: 1)
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }

    var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
