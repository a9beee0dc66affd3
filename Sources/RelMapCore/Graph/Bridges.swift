extension UndirectedGraph {
    /// The bridges: the edges whose removal splits the component they are in, as
    /// indices into `edges`, sorted. The same set as NetworkX's `bridges`.
    ///
    /// A tree edge `v - w` (w discovered from v) is a bridge when `low(w) > discovery(v)`:
    /// nothing below `w` reaches `v` or above except through this edge. A non-tree edge
    /// closes a cycle and is never one. Parallel ties were merged when the graph was
    /// built, so two ties between the same pair are never a bridge.
    /// O(n + m) time, O(n) memory, no recursion.
    public func bridges() -> [Int] {
        let dfs = DepthFirstLowpoints(self)
        var result: [Int] = []
        for w in 0..<nodeCount {
            let v = dfs.parent[w]
            if v >= 0, dfs.low[w] > dfs.discovery[v] { result.append(dfs.parentEdge[w]) }
        }
        return result.sorted()
    }
}
