/// Reads values out of a composed YAML tree and records every problem it meets.
///
/// The decoder asks for "a mapping with these keys", "a whole number in 1...5", "one of
/// these words"; the reader answers with a value or nil and, when nil, has already added
/// an error naming the key path, the line and the column. It never stops at the first
/// problem: the goal is to report every mistake in a file at once.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    // MARK: Recording

    func location(of node: YAMLNode) -> SourceLocation { location(node.mark) }

    func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func error(_ code: DiagnosticCode, _ node: YAMLNode, _ message: String, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, location(of: node), message, notes: notes))
    }

    func error(_ code: DiagnosticCode, at location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, location, message, notes: notes))
    }

    func warning(at location: SourceLocation, _ message: String, kind: WarningKind) {
        diagnostics.append(.warning(location, message, kind: kind))
    }

    // MARK: Shapes

    /// The kind of a node in words, for "expected a mapping, found a list".
    static func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: "a mapping (key: value)"
        case .sequence: "a list"
        case .scalar: node.isNull ? "nothing (null)" : "the text '\((node.scalarText ?? "").prefix(40))'"
        }
    }

    /// A mapping's entries by key, after reporting keys that are unknown (with the
    /// nearest allowed key), repeated, or required but missing. Keys starting with `x-`
    /// are the user's own and are skipped; `notes` may hold anything. Neither is read,
    /// but a key repeated inside them is still reported: YAML forbids it anywhere.
    func mapping<Key: MappingKey>(
        _ node: YAMLNode, at path: ValuePath, keys _: Key.Type, required: [Key] = []
    ) -> Fields<Key>? {
        guard node.kind == .mapping else {
            error(.wrongType, node, "\(path): expected a mapping (key: value), found \(Self.describe(node))")
            return nil
        }
        let pairs = node.pairs
        var fields = Fields<Key>(pairs: pairs)
        var ownKeys: [(name: String, key: YAMLNode)] = []
        for i in pairs.indices {
            let key = pairs.key(at: i)
            // Keys are compared packed and become text only for a message or an own key.
            let packed = key.shortText
            guard packed != nil || key.isScalar else {
                error(.wrongType, key, "\(path): a key must be a word, found \(Self.describe(key))")
                continue
            }
            // The byte test first: `hasPrefix` reads characters, and most keys start otherwise.
            if (packed?.firstByte ?? key.firstByte) == UInt8(ascii: "x"), let name = key.scalarText,
                name.hasPrefix("x-")
            {
                if let first = ownKeys.first(where: { $0.name == name }) {
                    repeated(name, at: key, first: first.key, in: path)
                } else {
                    ownKeys.append((name, key))
                    reportRepeatedKeys(in: pairs.value(at: i), at: path.key(name))
                }
                continue
            }
            guard let packed, let known = Key.named(packed) else {
                let name = key.scalarText ?? ""
                let hint =
                    Suggestion.nearest(to: name, in: Key.spellings).map { "did you mean '\($0)'?" }
                    ?? "allowed keys: \(Key.spellings.joined(separator: ", ")) (or x-... for your own)"
                error(.unknownKey, key, "\(path): unknown key '\(name)'; \(hint)")
                continue
            }
            if let first = fields.position(of: known) {
                repeated(known.spelling, at: key, first: pairs.key(at: first), in: path)
                continue
            }
            fields.set(known, toPairAt: i)
            if packed == Self.notesKey {
                reportRepeatedKeys(in: pairs.value(at: i), at: path.key("notes"))
            }
        }
        for key in required where fields.position(of: key) == nil {
            error(.missingKey, node, "\(path): missing required key '\(key.spelling)'")
        }
        return fields
    }

    private static let notesKey = ShortText.all(["notes"])[0]

    private func repeated(_ name: String, at key: YAMLNode, first: YAMLNode, in path: ValuePath) {
        error(
            .repeatedKey, key, "\(path.key(name)): key '\(name)' appears twice",
            notes: [Diagnostic.Note(location(first.mark), "first written here")])
    }

    /// Reports repeated keys anywhere under a value that is not read key by key.
    private func reportRepeatedKeys(in node: YAMLNode, at path: ValuePath) {
        switch node.kind {
        case .scalar:
            return
        case .sequence:
            for (i, item) in node.items.enumerated() { reportRepeatedKeys(in: item, at: path.item(i)) }
        case .mapping:
            var seen: [String: YAMLNode] = [:]
            for pair in node.pairs {
                if let name = pair.key.scalarText {
                    if let first = seen[name] {
                        repeated(name, at: pair.key, first: first, in: path)
                        continue
                    }
                    seen[name] = pair.key
                }
                reportRepeatedKeys(in: pair.value, at: path.key(pair.key.scalarText ?? "?"))
            }
        }
    }

    /// The items of a list; a null counts as an empty list.
    func sequence(_ node: YAMLNode, at path: @autoclosure () -> ValuePath) -> YAMLItems? {
        if node.isNull { return node.items }
        guard node.kind == .sequence else {
            error(.wrongType, node, "\(path()): expected a list, found \(Self.describe(node))")
            return nil
        }
        return node.items
    }

    // MARK: Scalars

    /// Text; nil with an error for a list or mapping. A null gives nil without an error
    /// only when `optional`.
    func text(_ node: YAMLNode, at path: @autoclosure () -> ValuePath, optional: Bool = false) -> String? {
        guard node.isScalar else {
            error(.wrongType, node, "\(path()): expected text, found \(Self.describe(node))")
            return nil
        }
        if node.isNull {
            if !optional { error(.wrongType, node, "\(path()): expected text, found nothing") }
            return nil
        }
        return node.scalarText
    }

    /// Free-form notes: text as written, or for a list or mapping, its scalars joined.
    func notes(_ node: YAMLNode) -> String? {
        switch node.kind {
        case .scalar: return node.isNull ? nil : node.scalarText
        case .sequence: return node.items.compactMap { notes($0) }.joined(separator: "; ")
        case .mapping:
            return node.pairs.compactMap { pair in
                notes(pair.value).map { "\(pair.key.scalarText ?? ""): \($0)" }
            }.joined(separator: "; ")
        }
    }

    func integer(_ node: YAMLNode, at path: @autoclosure () -> ValuePath, in range: ClosedRange<Int>, meaning: String)
        -> Int?
    {
        guard !node.isNull, let text = node.scalarText else {
            error(.wrongType, node, "\(path()): expected a whole number, found \(Self.describe(node))")
            return nil
        }
        guard let n = Int(text.trimmingSpaces) else {
            error(.wrongType, node, "\(path()): expected a whole number, found '\(text)'")
            return nil
        }
        guard range.contains(n) else {
            error(.outOfRange, node, "\(path()): \(n) is out of range; \(meaning)")
            return nil
        }
        return n
    }

    func number(_ node: YAMLNode, at path: @autoclosure () -> ValuePath) -> Double? {
        // A plain decimal is read from the bytes, with no text made.
        if let value = node.withBytes(Self.plainDecimal) ?? nil { return value }
        guard !node.isNull, let text = node.scalarText else {
            error(.wrongType, node, "\(path()): expected a number, found \(Self.describe(node))")
            return nil
        }
        let raw = text.trimmingSpaces.replacingUnderscores
        guard let value = Double(raw), value.isFinite else {
            error(.wrongType, node, "\(path()): expected a number, found '\(text)'")
            return nil
        }
        return value
    }

    /// `-12.34` written plainly (an optional minus, digits, optionally a point and more
    /// digits, at most 15 digits in all), read from the bytes; nil for anything else,
    /// which `Double.init` reads. Every relation and contact strength is such a number,
    /// and `Double.init` (strtod) cost more than the rest of reading a relation.
    ///
    /// The result is exactly `Double.init`'s: the digits form a whole number below 2^53 and
    /// the divisor a power of ten up to 10^15, both exact in a `Double`, and one division
    /// rounds correctly, as strtod does.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa = 0, digits = 0, fraction = -1, negative = false
        for b in bytes {
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if b == UInt8(ascii: "."), fraction < 0, digits > 0 {
                fraction = 0
            } else if b == UInt8(ascii: "-"), digits == 0, !negative {
                negative = true
            } else {
                return nil
            }
            if digits > 15 { return nil }
        }
        guard digits > 0, fraction != 0 else { return nil }
        let value = fraction > 0 ? Double(mantissa) / powersOfTen[fraction] : Double(mantissa)
        return negative ? -value : value
    }

    /// `plainDecimal` of a text's bytes.
    static func plainDecimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { plainDecimal($0) }
    }

    private static let powersOfTen: [Double] = (0...15).map { n in (0..<n).reduce(1.0) { r, _ in r * 10 } }

    /// One of an enum's words, with the nearest word suggested for a typo.
    func word<E: FileWord>(_ node: YAMLNode, at path: @autoclosure () -> ValuePath, as _: E.Type, kind: String) -> E? {
        if let text = node.shortText, let hit = E.packedWords.first(where: { $0.text == text }) { return hit.word }
        guard let raw = text(node, at: path()) else { return nil }
        if let value = E(rawValue: raw) { return value }
        let all = E.allCases.map(\.rawValue)
        if let near = Suggestion.nearest(to: raw, in: all) {
            error(.notInList, node, "\(path()): '\(raw)' is not a \(kind); did you mean '\(near)'?")
        } else {
            error(
                .notInList, node,
                "\(path()): '\(raw)' is not a \(kind); expected one of: \(all.joined(separator: ", "))")
        }
        return nil
    }

    func day(_ node: YAMLNode, at path: @autoclosure () -> ValuePath) -> Day? {
        // A date written exactly is read from the bytes, with no text made.
        if let day = node.withBytes(Self.isoDay) ?? nil { return day }
        guard let raw = text(node, at: path()) else { return nil }
        guard let day = Self.isoDay(raw.trimmingSpaces) else {
            error(.badDate, node, "\(path()): '\(raw)' is not a real date; expected YYYY-MM-DD, e.g. 2026-11-01")
            return nil
        }
        return day
    }

    /// `YYYY-MM-DD` exactly, as `Day(iso:)` reads it, from the bytes: every contact and
    /// interaction has a date, and splitting each into substrings showed in profiles.
    /// The pattern is all ASCII, so ten bytes are the same as ten characters.
    static func isoDay(_ text: String) -> Day? { isoDay(text.utf8) }

    static func isoDay(_ bytes: some Sequence<UInt8>) -> Day? {
        var year = 0, month = 0, day = 0, position = 0
        for b in bytes {
            let isDash = position == 4 || position == 7
            guard position < 10, isDash ? b == UInt8(ascii: "-") : (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            else { return nil }
            let digit = Int(b) - Int(UInt8(ascii: "0"))
            switch position {
            case 0..<4: year = year * 10 + digit
            case 5..<7: month = month * 10 + digit
            case 8..<10: day = day * 10 + digit
            default: break
            }
            position += 1
        }
        guard position == 10 else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// An id: letters, digits, `-` and `_` only, so it is safe in any output.
    func identifier(_ node: YAMLNode, at path: @autoclosure () -> ValuePath) -> String? {
        guard let raw = text(node, at: path()) else { return nil }
        guard !raw.isEmpty, node.withBytes({ $0.allSatisfy(Self.isIdentifierByte) }) == true else {
            error(.badId, node, "\(path()): '\(raw)' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'")
            return nil
        }
        return raw
    }

    static func isIdentifierScalar(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && isIdentifierByte(UInt8(c.value))
    }

    /// Every identifier character is ASCII, and no byte of a longer UTF-8 sequence is,
    /// so checking bytes is the same as checking characters.
    private static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }
}

extension String {
    var trimmingSpaces: String {
        // Most values have nothing to trim; the bytes say so without reading characters.
        func isEdge(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 }
        guard isEdge(utf8.first) || isEdge(utf8.last) else { return self }
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }

    var replacingUnderscores: String { utf8.contains(0x5F) ? String(filter { $0 != "_" }) : self }
}
