/// Every node of one composed document in three flat arrays: the nodes in the order they
/// start, the children of lists and mappings, and the bytes of every scalar's text.
///
/// A tree of enums holding arrays and strings cost an allocation per list and mapping,
/// a string per scalar (most of them keys that are only compared), a reference count on
/// every copy of a node, and a walk of the whole tree to free it: together more than the
/// decoding that reads it. Here a node is a number, a document is three allocations, and
/// a scalar becomes a `String` only when the decoder keeps its text.
final class YAMLTree: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, mapping, sequence
    }

    struct Node: Sendable {
        var kind: Kind
        var style: YAMLScalarStyle
        var line: Int
        var column: Int
        /// A scalar's first byte in `bytes`; a list's or mapping's first child in `children`.
        var start: Int
        /// A scalar's length in bytes; a list's items; a mapping's keys and values (twice
        /// its entries, key then value).
        var count: Int
    }

    /// The arrays while the composer fills them; frozen into a `YAMLTree` at the end.
    struct Parts {
        var nodes: [Node] = []
        var children: [Int] = []
        var bytes: [UInt8] = []

        /// Whether the node is YAML's merge key (`MergeKeys`).
        func isMergeKey(_ id: Int) -> Bool { YAMLTree.isMergeKey(nodes[id], bytes: bytes) }
    }

    let nodes: [Node]
    let children: [Int]
    /// Every scalar's text, one after another, then zeros: at least 16 of them.
    let bytes: [UInt8]

    init(_ parts: consuming Parts) {
        nodes = parts.nodes
        children = parts.children
        bytes = parts.bytes
    }

    /// Whether a node is a plain `<<`, YAML's merge key: while composing and after.
    static func isMergeKey(_ node: Node, bytes: [UInt8]) -> Bool {
        node.kind == .scalar
            && bytes.withUnsafeBufferPointer {
                isMergeKey(
                    style: node.style, text: UnsafeBufferPointer(rebasing: $0[node.start..<node.start + node.count]))
            }
    }

    /// Whether a scalar written so is the merge key: the composer asks before the node is made.
    static func isMergeKey(style: YAMLScalarStyle, text: UnsafeBufferPointer<UInt8>) -> Bool {
        style == .plain && text.count == 2 && text[0] == UInt8(ascii: "<") && text[1] == UInt8(ascii: "<")
    }

    /// A scalar node's text. The bytes are UTF-8 already (libyaml checked them), so
    /// decoding only copies them.
    func text(_ node: Node) -> String {
        bytes.withUnsafeBufferPointer { all in
            String(decoding: UnsafeBufferPointer(rebasing: all[node.start..<node.start + node.count]), as: UTF8.self)
        }
    }
}
