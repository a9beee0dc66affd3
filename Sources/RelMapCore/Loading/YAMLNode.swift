/// Where a node starts in the text: 1-based line and column, columns counting Unicode
/// scalars (as libyaml counts them), the numbers every diagnostic shows.
struct YAMLMark: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// How a scalar was written. Only a plain scalar can mean null: `"null"` is text.
enum YAMLScalarStyle: Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One key and its value in a mapping, in the order the file writes them.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// A composed YAML (or JSON) value with the mark of every node: what the account
/// decoder reads. Tags are not kept (an account file has no use for them); aliases are
/// resolved to the node their anchor names, so a repeated block is the same value, with
/// the same `id` and the anchor's marks. Merge keys are resolved too (`MergeKeys`): a
/// mapping holds the merged entries themselves, with their marks.
enum YAMLNode: Sendable {
    case scalar(String, style: YAMLScalarStyle, mark: YAMLMark)
    /// `id` numbers the document's lists and mappings from 0 in the order they start, so
    /// that a walk over the tree can tell a block it has seen (through an alias) from a
    /// new one (`TreeSize`).
    case mapping([YAMLPair], mark: YAMLMark, id: Int)
    case sequence([YAMLNode], mark: YAMLMark, id: Int)

    var mark: YAMLMark {
        switch self {
        case .scalar(_, _, let mark), .mapping(_, let mark, _), .sequence(_, let mark, _): mark
        }
    }

    /// The scalar's text; nil for a list or mapping.
    var scalarText: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// A plain scalar that YAML reads as null: empty, `~` or `null` in three spellings.
    ///
    /// Every scalar of a file is asked, and most are not null. These spellings are ASCII
    /// with no other canonical form, so only text of the same byte count can equal one:
    /// the count settles most cases without a string comparison.
    var isNull: Bool {
        guard case .scalar(let text, .plain, _) = self else { return false }
        switch text.utf8.count {
        case 0: return true
        case 1: return text.utf8.first == UInt8(ascii: "~")
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }
}

/// One parsed document: its root node and what the composer counted on the way, which
/// lets `TreeSize` pass an ordinary file without walking it.
struct YAMLDocument: Sendable {
    var root: YAMLNode
    /// Lists and mappings, each counted once (the range of their `id`s).
    var collectionCount: Int
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
