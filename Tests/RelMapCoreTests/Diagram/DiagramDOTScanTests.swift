import Testing

/// One statement of the DOT relmap writes, as the tests see it.
struct DOTStatement {
    enum Kind { case graph, subgraph, defaults, node, edge, rank }
    var kind: Kind
    /// Node IDs (one for a node, two for an edge, several for a rank group), the graph or
    /// subgraph ID, or the defaults' keyword (`graph`, `node`, `edge`).
    var ids: [String]
    /// Attribute names and values, values unquoted (`\"` read as `"`) or HTML without its
    /// outer `<` `>`.
    var attributes: [(name: String, value: String)]
}

/// A small reader for the DOT relmap writes: one statement per line, which is itself a
/// property the writer keeps (a user's line break can only reach the file as `\n`).
/// Not a general DOT parser; libcgraph and the `dot` program check the full grammar in
/// the end-to-end tests.
enum DOTScan {
    static func statements(in dot: String) -> [DOTStatement] {
        dot.split(separator: "\n").compactMap { statement(String($0).trimmingCharacters(in: .whitespaces)) }
    }

    static func statement(_ line: String) -> DOTStatement? {
        if line.isEmpty || line.hasPrefix("//") || line == "}" { return nil }
        if line.hasSuffix("{") {
            let words = line.dropLast().split(separator: " ").map(String.init)
            return DOTStatement(
                kind: words.first == "digraph" ? .graph : .subgraph, ids: Array(words.dropFirst()), attributes: [])
        }
        if line.hasPrefix("{rank=") {
            let parts = line.dropFirst().dropLast().split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let rank = parts.first.map { String($0.dropFirst("rank=".count)) } ?? ""
            return DOTStatement(kind: .rank, ids: Array(parts.dropFirst()), attributes: [("rank", rank)])
        }
        let head: Substring
        var attributes: [(name: String, value: String)] = []
        if let open = line.firstIndex(of: "[") {
            head = line[..<open]
            attributes = attributeList(String(line[line.index(after: open)...].dropLast()))
        } else {
            head = Substring(line)
        }
        let words = head.split(separator: " ").map(String.init)
        if words.count == 1, ["graph", "node", "edge"].contains(words[0]) {
            return DOTStatement(kind: .defaults, ids: words, attributes: attributes)
        }
        if words.count == 3, words[1] == "->" {
            return DOTStatement(kind: .edge, ids: [words[0], words[2]], attributes: attributes)
        }
        return DOTStatement(kind: .node, ids: words, attributes: attributes)
    }

    /// `a=1, b="x, y", c=<<B>z</B>>` into pairs, honouring quotes and HTML nesting.
    static func attributeList(_ text: String) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == " " || chars[i] == "," { i += 1 }
            var name = ""
            while i < chars.count, chars[i] != "=" { name.append(chars[i]); i += 1 }
            i += 1
            var value = ""
            if i < chars.count, chars[i] == "\"" {
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count {
                        value.append(contentsOf: chars[i + 1] == "\"" ? "\"" : "\\\(chars[i + 1])")
                        i += 2
                        continue
                    }
                    value.append(chars[i])
                    i += 1
                }
                i += 1
            } else if i < chars.count, chars[i] == "<" {
                var depth = 0
                repeat {
                    if chars[i] == "<" { depth += 1 } else if chars[i] == ">" { depth -= 1 }
                    value.append(chars[i])
                    i += 1
                } while i < chars.count && depth > 0
                value = String(value.dropFirst().dropLast())
            } else {
                while i < chars.count, chars[i] != "," { value.append(chars[i]); i += 1 }
            }
            if !name.isEmpty { pairs.append((name.trimmingCharacters(in: .whitespaces), value)) }
        }
        return pairs
    }
}

@Suite("Reading relmap's DOT in tests")
struct DiagramDOTScanTests {
    @Test func readsQuotedHTMLAndBareValues() {
        let s = DOTScan.statement(#"n1 [label=<<B>a, b</B>>, tooltip="x \"y\", z", penwidth=2]"#)
        #expect(s?.kind == .node)
        #expect(s?.ids == ["n1"])
        #expect(s?.attributes.map(\.name) == ["label", "tooltip", "penwidth"])
        #expect(s?.attributes.map(\.value) == ["<B>a, b</B>", #"x "y", z"#, "2"])
    }

    @Test func readsEdgesRankGroupsAndSubgraphs() {
        #expect(DOTScan.statement("n0 -> n1 [dir=back]")?.ids == ["n0", "n1"])
        #expect(DOTScan.statement("{rank=same; t0; t1}")?.ids == ["t0", "t1"])
        #expect(DOTScan.statement("subgraph cluster_0 {")?.kind == .subgraph)
        #expect(DOTScan.statement("// comment") == nil)
    }
}
