import Yams

/// Guards against documents that are small as text but huge once YAML aliases are
/// expanded ("billion laughs"): counts the nodes the decoder would visit, counting each
/// list or mapping once and adding its size again wherever an alias repeats it.
///
/// An alias yields the very node its anchor named, with that node's source mark, and
/// Yams keeps anchors only weakly, so a node's kind and mark serve as its identity.
enum TreeSize {
    static func check(_ root: Node, limit: Int, maxDepth: Int, maxString: Int, file: String) -> Diagnostic? {
        var memo: [Int: Int] = [:]
        var unique = 0
        var problem: Diagnostic?

        // Aliases may repeat a block a few times; a file that grows past ten times its
        // own size through them is an attack, whatever the absolute limit says.
        func tooBig(_ total: Int) -> Bool { total > limit || total > 10 * unique + 100_000 }

        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }

        func size(_ node: Node, depth: Int) -> Int {
            if problem != nil { return 0 }
            if depth > maxDepth {
                problem = .error(location(node), "the file nests deeper than the limit of \(maxDepth) levels")
                return 0
            }
            var key: Int?
            if let mark = node.mark {
                switch node {
                case .mapping: key = (mark.line << 24 | mark.column) << 1
                case .sequence: key = (mark.line << 24 | mark.column) << 1 | 1
                default: break
                }
            }
            if let key, let known = memo[key] { return known }
            unique += 1
            var total = 1
            switch node {
            case .scalar(let s):
                if s.string.count > maxString {
                    problem = .error(location(node), "a text value of \(s.string.count) characters is longer than the limit of \(maxString)")
                }
            case .mapping(let m):
                for (k, v) in m {
                    total += size(k, depth: depth + 1) + size(v, depth: depth + 1)
                    if tooBig(total) { break }
                }
            case .sequence(let seq):
                for item in seq {
                    total += size(item, depth: depth + 1)
                    if tooBig(total) { break }
                }
            case .alias:
                break
            }
            if let key { memo[key] = total }
            return total
        }

        let total = size(root, depth: 0)
        if let problem { return problem }
        if tooBig(total) {
            return .error(SourceLocation(file: file, line: 1, column: 1),
                          "YAML aliases (*name repeats what &name holds) expand this file to more than \(min(limit, 10 * unique + 100_000)) values, far more than it holds; refusing to read it")
        }
        return nil
    }
}
