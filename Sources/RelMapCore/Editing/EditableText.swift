/// An account file's text with the spans of its nodes, and the few changes the edit
/// engine makes to it: replace a value, add a key, add or remove a list item. Each
/// change touches only the bytes it must and reads the text again afterwards, so the
/// next change sees fresh spans.
///
/// Byte offsets index `bytes` (UTF-8). Lines end with "\n" (a "\r\n" file gets "\r\n"
/// on every line the engine writes).
struct EditableText {
    private(set) var bytes: [UInt8]
    private(set) var root: SpanNode
    let newline: String

    init(_ text: String) throws(EditError) {
        bytes = Array(text.utf8)
        newline = text.utf8.contains(UInt8(ascii: "\r")) && text.contains("\r\n") ? "\r\n" : "\n"
        root = try Self.spans(of: text)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private static func spans(of text: String) throws(EditError) -> SpanNode {
        let parsed: SpanNode?
        do { parsed = try YAMLSpans.parse(text) } catch {
            throw .unsupportedLayout("libyaml could not read the text: \(error.problem)")
        }
        guard let root = parsed, root.isMapping else {
            throw .unsupportedLayout("the file's top level is not a mapping")
        }
        return root
    }

    // MARK: Finding nodes

    /// A place in the tree: top-level key, then item numbers and keys.
    enum Step: Sendable { case key(String), index(Int) }

    func node(_ path: [Step]) -> SpanNode? {
        var node = root
        for step in path {
            switch step {
            case .key(let name):
                guard let pair = node.pair(name) else { return nil }
                node = pair.value
            case .index(let i):
                guard node.isSequence, node.children.indices.contains(i) else { return nil }
                node = node.children[i]
            }
        }
        return node
    }

    // MARK: Changes

    /// Sets `key` in the mapping at `path` to `value` (YAML text of one line): in place
    /// when the key is written, else as a new key placed after the last key that comes
    /// before it in `order` (the format's key order), or after the last key.
    mutating func set(_ key: String, to value: String, in path: [Step], order: [String]) throws(EditError) {
        guard let mapping = node(path), mapping.isMapping else {
            throw EditError.unsupportedLayout("no mapping at \(describe(path))")
        }
        if let pair = mapping.pair(key) {
            try splice([keepingCommentColumn(try replacement(for: pair, with: value))])
            return
        }
        let pairs = mapping.pairs
        let rank = order.firstIndex(of: key) ?? order.count
        let before = pairs.last { (order.firstIndex(of: $0.key.scalarText ?? "") ?? Int.max) < rank } ?? pairs.last
        try insertPair(key, value, into: mapping, after: before)
    }

    /// Where the value of `pair` is replaced by `value`.
    private func replacement(for pair: (key: SpanNode, value: SpanNode), with value: String) throws(EditError) -> Splice
    {
        let v = pair.value
        if case .scalar(let text, let style) = v.kind, style != .literal, style != .folded {
            // An empty plain value (`reports_to:`) stands right after its colon.
            if text.isEmpty, style == .plain, v.start == v.end { return Splice(v.start..<v.end, " " + value) }
            return Splice(v.start..<v.end, value)
        }
        if v.isFlow || { if case .alias = v.kind { true } else { false } }() {
            return Splice(v.start..<v.end, value)
        }
        // A block scalar or a block list or mapping: from the colon to its last character.
        guard let colon = colon(after: pair.key) else { throw EditError.unsupportedLayout("no ':' after a key") }
        return Splice(colon..<contentEnd(v), " " + value)
    }

    /// When a comment follows the value after a run of spaces (the writer aligns them in
    /// a column), the run grows or shrinks by the change in display width, so the comment
    /// stays in its column; at least two spaces are kept, as the writer keeps them.
    private func keepingCommentColumn(_ splice: Splice) -> Splice {
        var end = splice.range.upperBound
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
        let spaces = end - splice.range.upperBound
        guard spaces >= 2, end < bytes.count, bytes[end] == UInt8(ascii: "#") else { return splice }
        let old = String(decoding: bytes[splice.range], as: UTF8.self)
        let pad = max(2, spaces - (DisplayWidth.of(splice.text) - DisplayWidth.of(old)))
        return Splice(splice.range.lowerBound..<end, splice.text + String(repeating: " ", count: pad))
    }

    private mutating func insertPair(
        _ key: String, _ value: String, into mapping: SpanNode,
        after previous: (key: SpanNode, value: SpanNode)?
    ) throws(EditError) {
        if mapping.isFlow {
            if let previous {
                try splice([Splice(contentEnd(previous.value)..<contentEnd(previous.value), ", \(key): \(value)")])
            } else {
                let open = opening(of: mapping)
                try splice([Splice(open..<open, "\(key): \(value)")])
            }
            return
        }
        guard let previous, let firstKey = mapping.children.first else {
            throw EditError.unsupportedLayout("an empty block mapping")
        }
        // The first key's column, not the mapping's: an anchor (`- &p`) may start the mapping.
        let indent = String(repeating: " ", count: column(of: firstKey.start))
        let at = lineEnd(after: contentEnd(previous.value))
        try splice([Splice(at.offset..<at.offset, at.prefix + indent + "\(key): \(value)" + newline)])
    }

    /// Adds a line `key: value-lines` at the end of the top-level mapping, after the key
    /// that comes before it in `order`. `value` is lines already indented, each without
    /// its line break.
    mutating func addTopLevel(_ key: String, lines: [String], order: [String]) throws(EditError) {
        let rank = order.firstIndex(of: key) ?? order.count
        let pairs = root.pairs
        guard !root.isFlow,
            let previous = pairs.last(where: { (order.firstIndex(of: $0.key.scalarText ?? "") ?? Int.max) < rank })
                ?? pairs.last
        else {
            throw EditError.unsupportedLayout("the top level is written as a flow mapping ({...})")
        }
        let at = lineEnd(after: contentEnd(previous.value))
        let text = ([key + ":"] + lines).map { $0 + newline }.joined()
        try splice([Splice(at.offset..<at.offset, at.prefix + text)])
    }

    /// Appends an item to the list at `path`. `flow` is the item as one line of flow YAML;
    /// `block` is the item's lines for a block list, relative to the item's dash (`nil`
    /// writes `flow` after the dash). The list's existing items decide between the two;
    /// `preferBlock` decides for an empty `[]` list standing as a top-level value.
    mutating func append(to path: [Step], flow: String, block: [String]?, preferBlock: Bool) throws(EditError) {
        guard let list = node(path), list.isSequence else {
            throw EditError.unsupportedLayout("no list at \(describe(path))")
        }
        if list.isFlow {
            if let last = list.children.last {
                try splice([Splice(last.end..<last.end, ", " + flow)])
                return
            }
            // `key: []` in a block mapping becomes a block list, one item a line.
            guard path.count == 1, case .key(let key)? = path.first, let pair = root.pair(key),
                let colon = colon(after: pair.key)
            else {
                let open = opening(of: list)
                try splice([Splice(open..<open, flow)])
                return
            }
            let dash = String(repeating: " ", count: column(of: pair.key.start) + topLevelItemIndent())
            let lines = itemLines(dash: dash, keyColumnOffset: 2, flow: flow, block: preferBlock ? block : nil)
            let at = lineEnd(after: list.end)
            // The `[]` goes with the spaces before it; an anchor or tag before it stays.
            var from = opening(of: list) - 1
            while from > colon, bytes[from - 1] == UInt8(ascii: " ") { from -= 1 }
            try splice([Splice(at.offset..<at.offset, at.prefix + lines), Splice(from..<list.end, "")])
            return
        }
        guard let first = list.children.first, let last = list.children.last else {
            throw EditError.unsupportedLayout("an empty block list")
        }
        // The first dash's column, not the list's: an anchor (`people: &all`) may start the list.
        let dashColumn = column(of: dash(before: first.start) ?? list.start)
        let lastIsBlockMapping = last.isMapping && !last.isFlow
        let keyOffset = lastIsBlockMapping ? max(2, column(of: (last.children.first ?? last).start) - dashColumn) : 2
        let lines = itemLines(
            dash: String(repeating: " ", count: dashColumn), keyColumnOffset: keyOffset,
            flow: flow, block: lastIsBlockMapping ? block : nil)
        let at = lineEnd(after: contentEnd(last))
        try splice([Splice(at.offset..<at.offset, at.prefix + lines)])
    }

    private func itemLines(dash: String, keyColumnOffset: Int, flow: String, block: [String]?) -> String {
        guard let block, let first = block.first else { return dash + "- " + flow + newline }
        let pad = String(repeating: " ", count: keyColumnOffset - 1)
        let rest = block.dropFirst().map { dash + " " + pad + $0 + newline }.joined()
        return dash + "-" + pad + first + newline + rest
    }

    /// How far top-level lists indent their dashes, as the file already does (2 when
    /// it has no block list to copy).
    func topLevelItemIndent() -> Int {
        for pair in root.pairs where pair.value.isSequence && !pair.value.isFlow {
            guard let first = pair.value.children.first, let dash = dash(before: first.start) else { continue }
            return column(of: dash) - column(of: pair.key.start)
        }
        return 2
    }

    /// Removes item `index` of the list at `path`: its lines in a block list (comments
    /// inside the item go with it; those before it stay), the item and one comma in a
    /// flow list. A block list left empty becomes `[]`.
    mutating func remove(_ index: Int, from path: [Step]) throws(EditError) {
        guard let list = node(path), list.isSequence, list.children.indices.contains(index) else {
            throw EditError.unsupportedLayout("no item \(index) in \(describe(path))")
        }
        let item = list.children[index]
        if list.isFlow {
            let items = list.children
            if index + 1 < items.count {
                try splice([Splice(item.start..<items[index + 1].start, "")])
            } else if index > 0 {
                try splice([Splice(contentEnd(items[index - 1])..<item.end, "")])
            } else {
                try splice([Splice(item.start..<item.end, "")])
            }
            return
        }
        guard let dash = dash(before: item.start) else {
            throw EditError.unsupportedLayout("an item of \(describe(path)) does not start its own line")
        }
        let first = lineStart(of: dash)
        let end = lineEnd(after: contentEnd(item))
        guard restOfLineIsBlank(from: contentEnd(item)) else {
            throw EditError.unsupportedLayout("an item of \(describe(path)) shares its last line with other values")
        }
        var splices = [Splice(first..<end.offset, "")]
        if list.children.count == 1 {
            // The list's key would be left with no value (null); write `[]` instead.
            guard let parent = node(Array(path.dropLast())),
                let pair = parent.pairs.first(where: { $0.value.start == list.start }),
                let colon = colon(after: pair.key)
            else {
                throw EditError.unsupportedLayout("the last item of \(describe(path)) cannot be removed")
            }
            // After the list's anchor or tag when it has one (`relations: &ties`).
            var at = colon
            if list.start < item.start, lineStart(of: list.start) == lineStart(of: colon) {
                at = list.start
                while at < bytes.count,
                    ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[at])
                { at += 1 }
            }
            splices.append(Splice(at..<at, " []"))
        }
        try splice(splices)
    }

    // MARK: Text

    struct Splice {
        var range: Range<Int>
        var text: String
        init(_ range: Range<Int>, _ text: String) {
            self.range = range
            self.text = text
        }
    }

    /// Applies splices that do not overlap, then reads the spans again.
    private mutating func splice(_ splices: [Splice]) throws(EditError) {
        for s in splices.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(s.range, with: Array(s.text.utf8))
        }
        root = try Self.spans(of: text)
    }

    /// Just past the `{` or `[` that opens a flow collection (an anchor or a tag may
    /// stand before it).
    private func opening(of node: SpanNode) -> Int {
        var i = node.start
        while i < node.end, bytes[i] != UInt8(ascii: "{"), bytes[i] != UInt8(ascii: "[") { i += 1 }
        return min(i + 1, node.end)
    }

    /// The offset just past `key`'s colon.
    private func colon(after key: SpanNode) -> Int? {
        var i = key.end
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: ":") ? i + 1 : nil
    }

    /// The node's last byte that is not white space, plus one.
    private func contentEnd(_ node: SpanNode) -> Int {
        var end = min(node.end, bytes.count)
        while end > node.start,
            [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[end - 1])
        {
            end -= 1
        }
        return end
    }

    /// Where a new line goes after the line holding `offset`: just past its line break,
    /// or at the end of a file that has none (then `prefix` adds one first).
    private func lineEnd(after offset: Int) -> (offset: Int, prefix: String) {
        var i = offset
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return i < bytes.count ? (i + 1, "") : (bytes.count, newline)
    }

    private func lineStart(of offset: Int) -> Int {
        var i = offset
        while i > 0, bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    /// The column (0-based, in characters) of `offset`, as YAML indentation counts it.
    private func column(of offset: Int) -> Int {
        bytes[lineStart(of: offset)..<offset].count { $0 & 0xC0 != 0x80 }
    }

    /// The dash of the block-list item starting at `offset`, when only spaces stand
    /// before it on its line.
    private func dash(before offset: Int) -> Int? {
        var i = offset - 1
        while i >= 0, bytes[i] == UInt8(ascii: " ") { i -= 1 }
        guard i >= 0, bytes[i] == UInt8(ascii: "-") else { return nil }
        var j = i - 1
        while j >= 0, bytes[j] == UInt8(ascii: " ") { j -= 1 }
        return j < 0 || bytes[j] == UInt8(ascii: "\n") ? i : nil
    }

    /// Whether only spaces or a comment follow `offset` on its line.
    private func restOfLineIsBlank(from offset: Int) -> Bool {
        var i = offset
        while i < bytes.count,
            bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\r")
        { i += 1 }
        return i == bytes.count || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "#")
    }

    private func describe(_ path: [Step]) -> String {
        path.map { step in
            switch step {
            case .key(let k): "." + k
            case .index(let i): "[\(i)]"
            }
        }.joined().dropFirst().description
    }
}
