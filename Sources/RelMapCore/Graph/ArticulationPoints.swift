extension UndirectedGraph {
    /// The articulation points (cut vertices): the nodes whose removal splits the
    /// component they are in. Sorted by node number; the same set as NetworkX's
    /// `articulation_points`.
    ///
    /// A root of the depth-first forest is one when it has two or more tree children;
    /// any other node `v` is one when some tree child `w` has `low(w) >= discovery(v)`:
    /// nothing below `w` reaches above `v` except through `v`.
    /// O(n + m) time, O(n) memory, no recursion.
    public func articulationPoints() -> [Int] {
        let dfs = DepthFirstLowpoints(self)
        var isCut = [Bool](repeating: false, count: nodeCount)
        for w in 0..<nodeCount {
            let v = dfs.parent[w]
            guard v >= 0 else { continue }
            if dfs.parent[v] < 0 {
                if dfs.children[v] >= 2 { isCut[v] = true }
            } else if dfs.low[w] >= dfs.discovery[v] {
                isCut[v] = true
            }
        }
        return (0..<nodeCount).filter { isCut[$0] }
    }
}
