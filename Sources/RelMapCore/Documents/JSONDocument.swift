import Foundation

/// One of relmap's JSON documents (docs/json.md): `relmap.analysis/1`, `gaps/1`,
/// `plan/1`, `whatif/1`, `diff/1`, `portfolio/1`, `history/1`. They all print the same
/// way, through `encoded()`.
public protocol JSONDocument: Encodable {}

/// A document could not be written as JSON (a score that is not a number, or a value of a
/// kind JSON has no form for). A defect in relmap, not in the user's data: the CLI exits
/// with 70 and prints nothing of the document.
public struct JSONEncodingError: Error, CustomStringConvertible, Sendable {
    /// What could not be encoded.
    public let reason: String
    /// The keys (and array positions) leading to it from the top of the document.
    public internal(set) var path: [String] = []

    /// The reason, and where in the document it was met.
    public var description: String {
        path.isEmpty ? reason : "\(reason) at \(path.joined(separator: "."))"
    }
}

extension JSONDocument {
    /// Pretty-printed with sorted keys: byte-identical for the same input, and the same
    /// bytes as Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]` (which these documents were first written with; a test
    /// holds the two equal). Throws rather than print a partial or empty document.
    ///
    /// Measured against `JSONEncoder` on 2,000 varied accounts (`relmap analyze --format
    /// json`, docs/performance.md): about 14% fewer instructions encoding, 6-12% less CPU
    /// for the whole command, which is what keeps it.
    public func encoded() throws(JSONEncodingError) -> Data {
        Data(try PrettyJSON.encode(self))
    }
}

/// The encoder behind `JSONDocument.encoded()`: `Encodable` values into a small tree, then
/// the tree into text. Keys sort by their UTF-8 bytes, as Foundation sorts them; numbers
/// print as Swift's shortest round-trip form without a trailing ".0", as Foundation
/// prints them; strings escape `"`, `\` and control characters only.
enum PrettyJSON {
    /// `value` as a document, or (with `indent`) as a value nested that many spaces deep
    /// in one, its first line's leading spaces included.
    static func encode(_ value: some Encodable, indent: Int = 0) throws(JSONEncodingError) -> [UInt8] {
        let encoder = TreeEncoder()
        do {
            try value.encode(to: encoder)
        } catch let error as JSONEncodingError {
            throw error
        } catch {
            throw JSONEncodingError(reason: "\(error)")
        }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        out.append(contentsOf: repeatElement(0x20, count: indent))
        write(encoder.value ?? .object(ObjectNode()), indent: indent, into: &out)
        return out
    }

    enum Node {
        case scalar([UInt8])
        case string(String)
        case array(ArrayNode)
        case object(ObjectNode)
    }

    final class ArrayNode {
        var items: [Node] = []
    }

    final class ObjectNode {
        var entries: [(key: String, value: Node)] = []

        /// By the keys' UTF-8 bytes; a key given twice keeps its last value, as a
        /// dictionary would.
        func sortedEntries() -> [(key: String, value: Node)] {
            var sorted = entries
            sorted.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            var unique: [(key: String, value: Node)] = []
            unique.reserveCapacity(sorted.count)
            for e in sorted {
                if let last = unique.last, last.key == e.key { unique[unique.count - 1] = e } else { unique.append(e) }
            }
            return unique
        }
    }

    // MARK: Writing the tree

    private static func write(_ node: Node, indent: Int, into out: inout [UInt8]) {
        switch node {
        case .scalar(let bytes):
            out.append(contentsOf: bytes)
        case .string(let s):
            JSONText.appendQuoted(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            writeItems(a.items.count, indent: indent, close: UInt8(ascii: "]"), into: &out) { i, out in
                write(a.items[i], indent: indent + 2, into: &out)
            }
        case .object(let o):
            let entries = o.sortedEntries()
            out.append(UInt8(ascii: "{"))
            writeItems(entries.count, indent: indent, close: UInt8(ascii: "}"), into: &out) { i, out in
                JSONText.appendQuoted(entries[i].key, into: &out)
                out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
                write(entries[i].value, indent: indent + 2, into: &out)
            }
        }
    }

    /// Foundation's layout: one item a line, two spaces deeper; an empty container as an
    /// empty line between its brackets.
    private static func writeItems(
        _ count: Int, indent: Int, close: UInt8, into out: inout [UInt8],
        _ item: (Int, inout [UInt8]) -> Void
    ) {
        out.append(0x0A)
        if count == 0 { out.append(0x0A) }
        for i in 0..<count {
            out.append(contentsOf: repeatElement(0x20, count: indent + 2))
            item(i, &out)
            if i < count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        out.append(contentsOf: repeatElement(0x20, count: indent))
        out.append(close)
    }

    // MARK: Values into nodes

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static var null: Node { .scalar(nullBytes) }
    private static var yes: Node { .scalar(trueBytes) }
    private static var no: Node { .scalar(falseBytes) }

    static func number(_ d: Double) throws(JSONEncodingError) -> Node {
        guard d.isFinite else { throw JSONEncodingError(reason: "the number \(d) has no JSON form") }
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return .scalar(Array(s.utf8))
    }

    static func number(_ f: Float) throws(JSONEncodingError) -> Node {
        guard f.isFinite else { throw JSONEncodingError(reason: "the number \(f) has no JSON form") }
        var s = f.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return .scalar(Array(s.utf8))
    }

    static func integer(_ i: some BinaryInteger) -> Node { .scalar(Array(String(i).utf8)) }

    /// The node for any value: scalars directly, anything else through its own `encode(to:)`.
    static func node(_ value: some Encodable) throws -> Node {
        switch value {
        case let s as String: return .string(s)
        case let i as Int: return integer(i)
        case let d as Double: return try number(d)
        case let b as Bool: return b ? yes : no
        case is Date, is Data, is URL, is Decimal:
            // Foundation's encoder has forms of its own for these; no document holds one.
            throw JSONEncodingError(reason: "a \(type(of: value)) has no relmap JSON form")
        default:
            let child = TreeEncoder()
            try value.encode(to: child)
            return child.value ?? .object(ObjectNode())
        }
    }

    /// `make()`, with `key` put in front of the path of any error it throws.
    static func at(_ key: String, _ make: () throws -> Node) throws -> Node {
        do { return try make() } catch var error as JSONEncodingError {
            error.path.insert(key, at: 0)
            throw error
        }
    }

    /// One value being encoded.
    final class TreeEncoder: Encoder {
        var value: Node?
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object(let existing) = value { return KeyedEncodingContainer(Keyed<Key>(node: existing)) }
            let node = ObjectNode()
            value = .object(node)
            return KeyedEncodingContainer(Keyed<Key>(node: node))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array(let existing) = value { return Unkeyed(node: existing) }
            let node = ArrayNode()
            value = .array(node)
            return Unkeyed(node: node)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: ObjectNode
        var codingPath: [any CodingKey] { [] }

        private func add(_ key: Key, _ make: () throws -> Node) throws {
            node.entries.append((key.stringValue, try at(key.stringValue, make)))
        }

        mutating func encodeNil(forKey key: Key) throws { node.entries.append((key.stringValue, null)) }
        mutating func encode(_ value: String, forKey key: Key) throws {
            node.entries.append((key.stringValue, .string(value)))
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            node.entries.append((key.stringValue, value ? yes : no))
        }
        mutating func encode(_ value: Double, forKey key: Key) throws { try add(key) { try number(value) } }
        mutating func encode(_ value: Float, forKey key: Key) throws { try add(key) { try number(value) } }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: Int8, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: Int16, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: Int32, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: Int64, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: UInt, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: UInt8, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: UInt16, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: UInt32, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            node.entries.append((key.stringValue, integer(value)))
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try add(key) { try PrettyJSON.node(value) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let child = ObjectNode()
            node.entries.append((key.stringValue, .object(child)))
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = ArrayNode()
            node.entries.append((key.stringValue, .array(child)))
            return Unkeyed(node: child)
        }

        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

        private func superEncoder(named key: String) -> any Encoder {
            let child = TreeEncoder()
            let object = ObjectNode()
            child.value = .object(object)
            node.entries.append((key, .object(object)))
            return child
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: ArrayNode
        var codingPath: [any CodingKey] { [] }
        var count: Int { node.items.count }

        private func add(_ make: () throws -> Node) throws { node.items.append(try at("\(count)", make)) }

        mutating func encodeNil() throws { node.items.append(null) }
        mutating func encode(_ value: String) throws { node.items.append(.string(value)) }
        mutating func encode(_ value: Bool) throws { node.items.append(value ? yes : no) }
        mutating func encode(_ value: Double) throws { try add { try number(value) } }
        mutating func encode(_ value: Float) throws { try add { try number(value) } }
        mutating func encode(_ value: Int) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: Int8) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: Int16) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: Int32) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: Int64) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: UInt) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: UInt8) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: UInt16) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: UInt32) throws { node.items.append(integer(value)) }
        mutating func encode(_ value: UInt64) throws { node.items.append(integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try add { try PrettyJSON.node(value) } }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
            NestedKey
        > {
            let child = ObjectNode()
            node.items.append(.object(child))
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = ArrayNode()
            node.items.append(.array(child))
            return Unkeyed(node: child)
        }

        mutating func superEncoder() -> any Encoder {
            let child = TreeEncoder()
            let object = ObjectNode()
            child.value = .object(object)
            node.items.append(.object(object))
            return child
        }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.value = null }
        mutating func encode(_ value: String) throws { encoder.value = .string(value) }
        mutating func encode(_ value: Bool) throws { encoder.value = value ? yes : no }
        mutating func encode(_ value: Double) throws { encoder.value = try number(value) }
        mutating func encode(_ value: Float) throws { encoder.value = try number(value) }
        mutating func encode(_ value: Int) throws { encoder.value = integer(value) }
        mutating func encode(_ value: Int8) throws { encoder.value = integer(value) }
        mutating func encode(_ value: Int16) throws { encoder.value = integer(value) }
        mutating func encode(_ value: Int32) throws { encoder.value = integer(value) }
        mutating func encode(_ value: Int64) throws { encoder.value = integer(value) }
        mutating func encode(_ value: UInt) throws { encoder.value = integer(value) }
        mutating func encode(_ value: UInt8) throws { encoder.value = integer(value) }
        mutating func encode(_ value: UInt16) throws { encoder.value = integer(value) }
        mutating func encode(_ value: UInt32) throws { encoder.value = integer(value) }
        mutating func encode(_ value: UInt64) throws { encoder.value = integer(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try PrettyJSON.node(value) }
    }
}

/// What relmap's two JSON writers share: `PrettyJSON` (the documents) and `SchemaJSON`
/// (the account schema). One escaper, so a string prints the same way in both.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// `s` as a JSON string, appended to `out`: `"` and `\` escaped, control characters
    /// as `\n` `\r` `\t` `\b` `\f` or `\u00xx`, everything else (Chinese included) as
    /// its UTF-8 bytes: what Foundation's `JSONEncoder` writes with `.withoutEscapingSlashes`.
    static func appendQuoted(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, b])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `s` as a JSON string (see `appendQuoted`).
    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
