/// Guards against documents that are small as text but huge once YAML aliases are
/// expanded ("billion laughs"): counts the nodes the decoder would visit, counting each
/// list or mapping once and adding its size again wherever an alias repeats it.
///
/// An alias yields the very node its anchor named, with that node's `id`, so the count
/// of a list or mapping is kept by `id` and reused.
enum TreeSize {
    static func check(_ document: YAMLDocument, limit: Int, maxDepth: Int, maxString: Int, file: String) -> Diagnostic?
    {
        // Without aliases every node is visited once, so the walk below could only find
        // what the composer already counted: too many nodes, too deep, or a text too long
        // (a character takes at least one byte). A file within all three has no problem.
        if document.aliasCount == 0, document.nodeCount <= limit, document.depth <= maxDepth,
            document.longestScalarBytes <= maxString
        {
            return nil
        }
        var memo = [Int](repeating: -1, count: document.root.tree.nodes.count)
        var unique = 0
        var problem: Diagnostic?

        // Aliases may repeat a block a few times; a file that grows past ten times its
        // own size through them is an attack, whatever the absolute limit says.
        func tooBig(_ total: Int) -> Bool { total > limit || total > 10 * unique + 100_000 }

        func location(_ node: YAMLNode) -> SourceLocation {
            SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
        }

        // Recursion is safe: it stops one level past `maxDepth`.
        func size(_ node: YAMLNode, depth: Int) -> Int {
            if problem != nil { return 0 }
            if depth > maxDepth {
                problem = tooDeep(at: location(node), maxDepth: maxDepth)
                return 0
            }
            let id = node.kind == .scalar ? nil : node.id
            if let id, memo[id] >= 0 { return memo[id] }
            unique += 1
            var total = 1
            switch node.kind {
            case .scalar:
                // A character takes at least one byte: only a long text needs counting.
                if node.byteCount > maxString, let text = node.scalarText, text.count > maxString {
                    problem = .error(
                        .overLimit, location(node),
                        "a text value of \(text.count) characters is longer than the limit of \(maxString)")
                }
            case .mapping:
                for pair in node.pairs {
                    total += size(pair.key, depth: depth + 1) + size(pair.value, depth: depth + 1)
                    if tooBig(total) { break }
                }
            case .sequence:
                for item in node.items {
                    total += size(item, depth: depth + 1)
                    if tooBig(total) { break }
                }
            }
            if let id { memo[id] = total }
            return total
        }

        let total = size(document.root, depth: 0)
        if let problem { return problem }
        if tooBig(total) {
            return .error(
                .overLimit, SourceLocation(file: file, line: 1, column: 1),
                "YAML aliases (*name repeats what &name holds) expand this file to more than \(min(limit, 10 * unique + 100_000)) values, far more than it holds; refusing to read it"
            )
        }
        return nil
    }

    /// The finding for a node deeper than `maxDepth`, from this walk or from the composer,
    /// which refuses to build such a node at all.
    static func tooDeep(at location: SourceLocation, maxDepth: Int) -> Diagnostic {
        .error(.overLimit, location, "the file nests deeper than the limit of \(maxDepth) levels")
    }
}
