internal import CYAML

/// Why the composer gave no tree.
enum YAMLComposeError: Error, Sendable {
    /// libyaml could not read the text.
    case syntax(YAMLSyntaxError)
    /// A node stands deeper than the limit; the mark is the first such node's.
    case tooDeep(YAMLMark)
    /// A merge key (`<<`) that cannot merge: the problem in words, where, and where the
    /// first of a repeated merge key was written.
    case merge(String, YAMLMark, first: YAMLMark? = nil)
    /// Merge keys would copy more entries than the limit (the number given); the mark is
    /// the merge key that went past it.
    case tooManyMerged(YAMLMark, Int)
}

/// Builds a `YAMLNode` tree from libyaml's parse events: the only code that touches
/// libyaml. The parser and its events live inside `compose` and are freed there; only
/// Swift values come out.
///
/// It composes by itself rather than through a general YAML library because an account
/// file needs no tag resolution: the decoder reads scalars as text and judges them by the
/// key they stand under. Resolving every key's tag only to compare keys for duplicates
/// (which `NodeReader` reports with a key path instead) cost more than everything else
/// in loading put together.
enum YAMLComposer {
    /// The single document in `text`, or nil when it holds none (only comments or white
    /// space). A second document is an error, as is an alias to an anchor not yet
    /// complete (an alias cannot make a node contain itself). Merge keys (`<<: *name`)
    /// are resolved as each mapping closes (`MergeKeys`).
    ///
    /// Iterative, with an explicit stack of open lists and mappings, and no node deeper
    /// than `maxDepth` (the root is at depth 0) is built: freeing a tree takes a call per
    /// level, so a deep one could exhaust the thread's stack even though building it did
    /// not. O(n) in the size of the text.
    static func compose(_ text: String, maxDepth: Int) throws(YAMLComposeError) -> YAMLDocument? {
        var text = text
        // Native strings are contiguous UTF-8, so this neither copies nor fails.
        let result = text.withUTF8 { bytes in
            Result { () throws(YAMLComposeError) in try compose(bytes: bytes, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    private static func compose(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(YAMLComposeError)
        -> YAMLDocument?
    {
        guard let input = bytes.baseAddress, !bytes.isEmpty else { return nil }
        // The parser keeps a pointer to itself (its string reader's state), so it needs an
        // address that does not move: heap memory, not a Swift variable.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw .syntax(YAMLSyntaxError(stage: .memory, problem: "Memory error", mark: YAMLMark(line: 1, column: 1)))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input, bytes.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        var builder = TreeBuilder(textBytes: bytes.count)
        var documents = 0
        while true {
            guard yaml_parser_parse(parser, event) != 0 else { throw .syntax(syntaxError(parser.pointee)) }
            defer { yaml_event_delete(event) }
            let e = event.pointee
            let mark = YAMLMark(line: e.start_mark.line + 1, column: e.start_mark.column + 1)
            switch e.type {
            case YAML_STREAM_END_EVENT:
                return builder.finish()
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    // Stop here, as soon as the second document starts: nothing after it
                    // is read, so its own mistakes do not hide this one.
                    throw .syntax(
                        YAMLSyntaxError(
                            stage: .syntax, problem: "but found another document", mark: mark,
                            context: ("expected a single document in the stream", YAMLMark(line: 1, column: 1))))
                }
            case YAML_SCALAR_EVENT:
                guard builder.depth <= maxDepth else { throw .tooDeep(mark) }
                let s = e.data.scalar
                builder.addScalar(
                    text(s.value, s.length), style: YAMLScalarStyle(libyaml: s.style), mark: mark,
                    anchor: name(s.anchor), bytes: s.length)
            case YAML_ALIAS_EVENT:
                guard let node = builder.anchored(name(e.data.alias.anchor)) else {
                    throw .syntax(YAMLSyntaxError(stage: .syntax, problem: "found undefined alias", mark: mark))
                }
                // Where an alias stands too deep, the node it repeats is what is too deep.
                guard builder.depth <= maxDepth else { throw .tooDeep(builder.mark(of: node)) }
                builder.addAlias(node)
            case YAML_SEQUENCE_START_EVENT:
                guard builder.depth <= maxDepth else { throw .tooDeep(mark) }
                builder.open(isMapping: false, mark: mark, anchor: name(e.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                guard builder.depth <= maxDepth else { throw .tooDeep(mark) }
                builder.open(isMapping: true, mark: mark, anchor: name(e.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.close()
            default:
                // Stream start and document end carry nothing to keep.
                break
            }
        }
    }

    /// A scalar's bytes, in libyaml's event (valid until the event is deleted). One byte
    /// order mark at the very start of a value is dropped, as Foundation's UTF-8 decoding
    /// drops it: U+FEFF there is invisible, and the writer's round trip counts on it going
    /// (AccountFileWriterTests).
    private static func text(_ value: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> UnsafeBufferPointer<UInt8> {
        guard let value, length > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        let bytes = UnsafeBufferPointer(start: UnsafePointer(value), count: length)
        if length >= 3, value[0] == 0xEF, value[1] == 0xBB, value[2] == 0xBF {
            return UnsafeBufferPointer(rebasing: bytes[3...])
        }
        return bytes
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: UnsafePointer($0)) }
    }

    private static func syntaxError(_ parser: yaml_parser_t) -> YAMLSyntaxError {
        func mark(_ m: yaml_mark_t) -> YAMLMark { YAMLMark(line: m.line + 1, column: m.column + 1) }
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            // libyaml sets no problem text for this one.
            return YAMLSyntaxError(stage: .memory, problem: "Memory error", mark: YAMLMark(line: 1, column: 1))
        case YAML_READER_ERROR:
            return YAMLSyntaxError(stage: .reader, problem: problem, mark: YAMLMark(line: 1, column: 1))
        default:
            let context = parser.context.map { (String(cString: $0), mark(parser.context_mark)) }
            return YAMLSyntaxError(stage: .syntax, problem: problem, mark: mark(parser.problem_mark), context: context)
        }
    }
}

/// The lists and mappings still open while events arrive, innermost last, the nodes
/// made so far (`YAMLTree.Parts`), and the anchors defined so far.
private struct TreeBuilder {
    private struct Open {
        /// The list's or mapping's node, made when it opened so that nodes are numbered in
        /// the order they start.
        var id: Int
        var isMapping: Bool
        var anchor: String?
        /// Where its children start in `pending`.
        var firstChild: Int
        var hasMergeKey = false
    }

    private var parts = YAMLTree.Parts()
    private var stack: [Open] = []
    /// The children of every open list and mapping, the innermost one's last: each
    /// collection's children move to `parts.children` in one piece when it closes.
    private var pending: [Int] = []
    private var anchors: [String: Int] = [:]
    private var nodes = 0
    private var deepest = 0
    private var root: Int?
    private var aliases = 0
    private var longestScalarBytes = 0
    private var merged = 0

    /// Room for a text of `textBytes` bytes at once, instead of growing through every
    /// power of two: the scalars' bytes are about the text's, and the varied benchmark files
    /// hold a node for every 6 to 8 bytes. Capped, so that a huge file grows as it goes
    /// rather than asking for memory it may not need.
    init(textBytes: Int) {
        parts.bytes = [UInt8](repeating: 0, count: min(textBytes, 1 << 24) + 16)
        parts.nodes.reserveCapacity(min(textBytes / 4, 1 << 20))
        parts.children.reserveCapacity(min(textBytes / 4, 1 << 20))
    }

    /// Where the next scalar's bytes go in `parts.bytes`, which holds zeros from here on:
    /// at least 16 of them, so that any text's first 16 bytes can be read as two words
    /// (`ShortText`).
    private var textEnd = 0

    /// Copies a scalar's bytes to `textEnd` and gives where they start. The array is
    /// filled in place rather than appended to: an append per scalar cost more than the
    /// copy. A text can be longer than its source (`\L` in quotes is three bytes), so the
    /// array grows when it must.
    private mutating func store(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let start = textEnd
        let needed = start + text.count + 16
        if needed > parts.bytes.count {
            parts.bytes.append(contentsOf: repeatElement(0, count: max(needed - parts.bytes.count, parts.bytes.count)))
        }
        if let source = text.baseAddress {
            parts.bytes.withUnsafeMutableBufferPointer { bytes in
                bytes.baseAddress?.advanced(by: start).update(from: source, count: text.count)
            }
        }
        textEnd += text.count
        return start
    }

    /// The document, once the stream has ended; nil when it held none. The arrays move
    /// into the tree rather than being copied.
    consuming func finish() -> YAMLDocument? {
        guard let root else { return nil }
        return YAMLDocument(
            root: YAMLNode(tree: YAMLTree(parts), id: root), nodeCount: nodes, aliasCount: aliases, depth: deepest,
            longestScalarBytes: longestScalarBytes)
    }

    /// How deep the next node stands: the number of lists and mappings open around it.
    var depth: Int { stack.count }

    func anchored(_ name: String?) -> Int? { name.flatMap { anchors[$0] } }

    func mark(of id: Int) -> YAMLMark { YAMLMark(line: parts.nodes[id].line, column: parts.nodes[id].column) }

    mutating func open(isMapping: Bool, mark: YAMLMark, anchor: String?) {
        deepest = max(deepest, stack.count)
        nodes += 1
        let id = parts.nodes.count
        parts.nodes.append(
            YAMLTree.Node(
                kind: isMapping ? .mapping : .sequence, style: .plain, line: mark.line, column: mark.column, start: 0,
                count: 0))
        stack.append(Open(id: id, isMapping: isMapping, anchor: anchor, firstChild: pending.count))
    }

    /// Closes the innermost list or mapping, resolving its merge key if it has one.
    /// libyaml pairs every end event with its start, so the stack is never empty here; if
    /// it were, the event is ignored.
    mutating func close() throws(YAMLComposeError) {
        guard let done = stack.popLast() else { return }
        let start = parts.children.count
        if done.hasMergeKey {
            // Merged entries are copies the text does not hold; as for aliases
            // (`TreeSize`), a file may not grow past ten times its own size through them.
            let entries = try MergeKeys.resolve(
                Array(pending[done.firstChild...]), in: YAMLTree(parts), copied: &merged, limit: 10 * nodes + 100_000)
            parts.children.append(contentsOf: entries)
        } else {
            parts.children.append(contentsOf: pending[done.firstChild...])
        }
        pending.removeLast(pending.count - done.firstChild)
        parts.nodes[done.id].start = start
        parts.nodes[done.id].count = parts.children.count - start
        if let anchor = done.anchor { anchors[anchor] = done.id }
        add(done.id, isMergeKey: false)
    }

    /// Makes a scalar's node, its text copied from libyaml's event.
    mutating func addScalar(
        _ text: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, mark: YAMLMark, anchor: String?, bytes: Int
    ) {
        deepest = max(deepest, stack.count)
        nodes += 1
        longestScalarBytes = max(longestScalarBytes, bytes)
        let id = parts.nodes.count
        parts.nodes.append(
            YAMLTree.Node(
                kind: .scalar, style: style, line: mark.line, column: mark.column, start: store(text), count: text.count
            ))
        if let anchor { anchors[anchor] = id }
        add(id, isMergeKey: YAMLTree.isMergeKey(style: style, text: text))
    }

    mutating func addAlias(_ id: Int) {
        aliases += 1
        add(id, isMergeKey: parts.isMergeKey(id))
    }

    /// Puts a finished node into the innermost open list or mapping, or makes it the root.
    /// Its anchor, if any, is registered by the caller just before, once the node is
    /// complete; a later anchor of the same name replaces it, as YAML says.
    private mutating func add(_ id: Int, isMergeKey: Bool) {
        guard let top = stack.indices.last else {
            root = id
            return
        }
        // In a mapping, an even number of children before this one makes it a key.
        if isMergeKey, stack[top].isMapping, (pending.count - stack[top].firstChild) % 2 == 0 {
            stack[top].hasMergeKey = true
        }
        pending.append(id)
    }
}

extension YAMLScalarStyle {
    /// The style libyaml reports; for the loader's tree and the editor's spans alike.
    init(libyaml style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
