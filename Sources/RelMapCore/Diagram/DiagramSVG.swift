import Foundation

/// Makes Graphviz's SVG of a diagram byte-for-byte reproducible.
///
/// Graphviz 2.42 keeps subgraphs in a dictionary ordered by their internal IDs, and a named
/// subgraph's ID is the address of its interned name. So the order in which it writes the
/// clusters (departments, our team, the legend) depends on the state of the heap: the
/// first render in a process is stable, a later render of the same DOT may list the same
/// clusters in another order (measured: `relmap render graphs` and `relmap render
/// graphs/north-steel.yaml` gave different bytes for north-steel). Positions and the
/// clusters' `id="clustN"` numbers do not change, only the order of the blocks; clusters
/// never overlap, so the order does not change the picture either. This puts the blocks
/// back in `clustN` order.
public enum DiagramSVG {
    /// `svg` with its top-level cluster blocks sorted by their `clustN` number; unchanged
    /// when the text does not have the shape Graphviz writes.
    ///
    /// Graphviz writes every cluster as one `<g id="clustN" class="cluster">` group, all of
    /// them in one run before the nodes, each tag on a line of its own. User text cannot
    /// start a line: Graphviz escapes `<` in text and writes line breaks as `&#10;`.
    public static func normalised(_ svg: Data) -> Data {
        guard let text = String(data: svg, encoding: .utf8) else { return svg }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { clusterNumber($0) != nil }) else { return svg }
        var blocks: [(number: Int, lines: ArraySlice<Substring>)] = []
        var i = start
        while i < lines.count, let number = clusterNumber(lines[i]) {
            // The block ends where its group closes.
            var depth = 0, end = i
            repeat {
                if lines[end].hasPrefix("<g ") || lines[end] == "<g>" { depth += 1 }
                if lines[end] == "</g>" { depth -= 1 }
                end += 1
            } while end < lines.count && depth > 0
            guard depth == 0 else { return svg }
            blocks.append((number, lines[i..<end]))
            i = end
        }
        // A cluster after the run means a shape this does not know: leave it.
        guard !lines[i...].contains(where: { clusterNumber($0) != nil }) else { return svg }
        let sorted = blocks.sorted { $0.number < $1.number }
        guard sorted.map(\.number) != blocks.map(\.number) else { return svg }
        let rebuilt = lines[..<start] + sorted.flatMap(\.lines) + lines[i...]
        return Data(rebuilt.joined(separator: "\n").utf8)
    }

    /// N of a line `<g id="clustN" class="cluster">`, else nil.
    private static func clusterNumber(_ line: Substring) -> Int? {
        guard line.hasPrefix("<g id=\"clust"), line.hasSuffix("\" class=\"cluster\">") else { return nil }
        return Int(line.dropFirst("<g id=\"clust".count).dropLast("\" class=\"cluster\">".count))
    }
}
