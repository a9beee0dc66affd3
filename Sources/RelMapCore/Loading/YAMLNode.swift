/// Where a node starts in the text: 1-based line and column, columns counting Unicode
/// scalars (as libyaml counts them), the numbers every diagnostic shows.
struct YAMLMark: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// How a scalar was written. Only a plain scalar can mean null: `"null"` is text.
enum YAMLScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One node of a composed YAML (or JSON) document: a handle on its place in the
/// document's `YAMLTree`, which it keeps alive. Copying a node copies the handle, never
/// the values under it.
///
/// Tags are not kept (an account file has no use for them); an alias is the very node its
/// anchor names (the same `id`, the anchor's marks), so a repeated block is one value.
/// Merge keys are resolved (`MergeKeys`): a mapping holds the merged entries themselves,
/// with their marks.
struct YAMLNode: Sendable {
    let tree: YAMLTree
    /// The node's place in `tree.nodes`: the same for an anchor and its aliases, so a walk
    /// over the tree can tell a block it has seen from a new one (`TreeSize`).
    let id: Int

    private var node: YAMLTree.Node { tree.nodes[id] }

    var mark: YAMLMark { YAMLMark(line: node.line, column: node.column) }
    var kind: YAMLTree.Kind { node.kind }
    var isScalar: Bool { node.kind == .scalar }
    /// How a scalar was written; `.plain` for a list or mapping.
    var style: YAMLScalarStyle { node.style }

    /// The scalar's text; nil for a list or mapping. Made on request: most keys are only
    /// compared (`shortText`), never turned into a `String`.
    var scalarText: String? {
        let n = node
        guard n.kind == .scalar else { return nil }
        return tree.text(n)
    }

    /// A plain scalar that YAML reads as null: empty, `~` or `null` in three spellings.
    var isNull: Bool {
        let n = node
        guard n.kind == .scalar, n.style == .plain else { return false }
        switch n.count {
        case 0: return true
        case 1: return tree.bytes[n.start] == UInt8(ascii: "~")
        case 4: return shortText.map(ShortText.nulls.contains) ?? false
        default: return false
        }
    }

    /// A scalar's text packed for matching against the format's spellings; nil for a list
    /// or mapping and for text longer than any spelling.
    var shortText: ShortText? {
        let n = node
        guard n.kind == .scalar, n.count <= 16 else { return nil }
        return tree.bytes.withUnsafeBufferPointer { ShortText($0, offset: n.start, count: n.count) }
    }

    /// `body` given a scalar's bytes in place; nil for a list or mapping. For values read
    /// from their bytes (numbers, dates, ids) before, or instead of, making text of them.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let n = node
        guard n.kind == .scalar else { return nil }
        return tree.bytes.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[n.start..<n.start + n.count]))
        }
    }

    /// The first byte of a scalar's text, if it has one: a cheap test before making text.
    var firstByte: UInt8? {
        let n = node
        guard n.kind == .scalar, n.count > 0 else { return nil }
        return tree.bytes[n.start]
    }

    /// The scalar's length in UTF-8 bytes; 0 for a list or mapping.
    var byteCount: Int {
        let n = node
        return n.kind == .scalar ? n.count : 0
    }

    /// The entries of a mapping, in the order written (merged ones in place of the merge
    /// key); empty for anything else.
    var pairs: YAMLPairs {
        let n = node
        return YAMLPairs(tree: tree, start: n.start, count: n.kind == .mapping ? n.count / 2 : 0)
    }

    /// The items of a list; empty for anything else.
    var items: YAMLItems {
        let n = node
        return YAMLItems(tree: tree, start: n.start, count: n.kind == .sequence ? n.count : 0)
    }
}

/// One key and its value in a mapping, in the order the file writes them.
struct YAMLPair {
    var key: YAMLNode
    var value: YAMLNode
}

/// A mapping's entries, read in place from the tree.
struct YAMLPairs: RandomAccessCollection {
    let tree: YAMLTree
    /// Where the first key stands in `tree.children`; keys and values alternate.
    let start: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(i: Int) -> YAMLPair { YAMLPair(key: key(at: i), value: value(at: i)) }
    func key(at i: Int) -> YAMLNode { YAMLNode(tree: tree, id: tree.children[start + 2 * i]) }
    func value(at i: Int) -> YAMLNode { YAMLNode(tree: tree, id: tree.children[start + 2 * i + 1]) }
}

/// A list's items, read in place from the tree.
struct YAMLItems: RandomAccessCollection {
    let tree: YAMLTree
    let start: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(i: Int) -> YAMLNode { YAMLNode(tree: tree, id: tree.children[start + i]) }
}

/// One parsed document: its root node and what the composer counted on the way, which
/// lets `TreeSize` pass an ordinary file without walking it.
struct YAMLDocument: Sendable {
    var root: YAMLNode
    /// Lists and mappings, each counted once (aliases repeat none).
    var collectionCount: Int { root.tree.nodes.count { $0.kind != .scalar } }
    /// Nodes as written: scalars, lists and mappings; aliases are not nodes.
    var nodeCount: Int
    /// Aliases (`*name`), each of which repeats a node.
    var aliasCount: Int
    /// How deep the deepest node stands; the root is at depth 0.
    var depth: Int
    /// The longest scalar, in UTF-8 bytes.
    var longestScalarBytes: Int
}

/// Why libyaml could not read the text, in its own words and at its own marks.
struct YAMLSyntaxError: Error, Sendable {
    enum Stage: Sendable {
        /// A character that YAML does not allow (a control character, say); libyaml
        /// gives only a byte offset for these.
        case reader
        /// Tokens or structure are wrong; `mark` and `context` say where.
        case syntax
        /// libyaml could not allocate memory.
        case memory
    }

    var stage: Stage
    var problem: String
    var mark: YAMLMark
    /// What libyaml was reading when it failed, e.g. "while parsing a flow sequence",
    /// and where that construct started.
    var context: (text: String, mark: YAMLMark)?
}
