internal import CYAML

/// One node of an account file with the bytes it covers, for editing the file as text.
///
/// The loader's `YAMLNode` keeps only where each node starts, and resolves aliases; an
/// edit needs where each node ends too, and the alias as written (`*p` is replaced, not
/// the block it names). So the edit engine reads the file a second time through libyaml,
/// keeping both marks of every event.
struct SpanNode: Sendable {
    enum Kind: Sendable {
        case scalar(String, YAMLScalarStyle)
        case mapping(flow: Bool)
        case sequence(flow: Bool)
        case alias
    }

    var kind: Kind
    /// Byte offsets into the text: `start` is where the node (its anchor or tag, if any)
    /// begins; `end` is just past it. For a block list or mapping `end` is the end of its
    /// last value: libyaml ends those at the next token, past comments and blank lines.
    var start: Int
    var end: Int
    /// A mapping's keys and values alternate: key, value, key, value.
    var children: [SpanNode] = []

    var isFlow: Bool {
        switch kind {
        case .mapping(let flow), .sequence(let flow): flow
        case .scalar, .alias: false
        }
    }

    var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    var isMapping: Bool { if case .mapping = kind { true } else { false } }
    var isSequence: Bool { if case .sequence = kind { true } else { false } }

    /// A mapping's pairs, in file order.
    var pairs: [(key: SpanNode, value: SpanNode)] {
        guard isMapping else { return [] }
        return stride(from: 0, to: children.count - 1, by: 2).map { (children[$0], children[$0 + 1]) }
    }

    /// The pair whose key is the text `name`.
    func pair(_ name: String) -> (key: SpanNode, value: SpanNode)? {
        pairs.first { $0.key.scalarText == name }
    }
}

/// Why libyaml could not give the spans of a text the loader accepted (it cannot happen
/// for the same text; the engine reports it as an internal problem).
struct SpanError: Error, Sendable {
    var problem: String
}

enum YAMLSpans {
    /// The root node of `text`'s single document, with byte offsets; nil when empty.
    static func parse(_ text: String) throws(SpanError) -> SpanNode? {
        var text = text
        let offsets = characterOffsets(text)
        let result = text.withUTF8 { bytes in
            Result { () throws(SpanError) in try parse(bytes: bytes, offsets: offsets) }
        }
        return try result.get()
    }

    /// libyaml counts marks in characters (Unicode scalars, a CR LF pair as two); this
    /// maps each such index to its byte offset, with one entry past the end.
    private static func characterOffsets(_ text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        var i = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { offsets.append(i) }
            i += 1
        }
        offsets.append(i)
        return offsets
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, offsets: [Int]) throws(SpanError) -> SpanNode? {
        guard let input = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else { throw SpanError(problem: "libyaml: out of memory") }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input, bytes.count)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        func offset(_ mark: yaml_mark_t) -> Int { offsets[min(max(0, mark.index), offsets.count - 1)] }
        var stack: [SpanNode] = []
        var root: SpanNode?
        func add(_ node: SpanNode) {
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }
        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw SpanError(problem: parser.pointee.problem.map { String(cString: $0) } ?? "unknown problem")
            }
            defer { yaml_event_delete(event) }
            let e = event.pointee
            let start = offset(e.start_mark), end = offset(e.end_mark)
            switch e.type {
            case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT:
                return root
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let value =
                    s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) }
                    ?? ""
                add(SpanNode(kind: .scalar(value, YAMLScalarStyle(libyaml: s.style)), start: start, end: end))
            case YAML_ALIAS_EVENT:
                add(SpanNode(kind: .alias, start: start, end: end))
            case YAML_SEQUENCE_START_EVENT:
                let flow = e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                stack.append(SpanNode(kind: .sequence(flow: flow), start: start, end: end))
            case YAML_MAPPING_START_EVENT:
                let flow = e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                stack.append(SpanNode(kind: .mapping(flow: flow), start: start, end: end))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard var done = stack.popLast() else { break }
                // A flow collection ends at its bracket; a block one where its last value does.
                done.end = done.isFlow ? end : (done.children.last?.end ?? done.start)
                add(done)
            default:
                break
            }
        }
    }
}
