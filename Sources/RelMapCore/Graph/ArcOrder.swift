extension WeightedDigraph {
    /// `arcs` sorted by (from, to), arcs between the same two nodes in the order given,
    /// with the position where each node's arcs begin (n + 1 entries).
    ///
    /// A counting sort by `from` (stable, so the given order survives), then each node's
    /// arcs sorted by `to`: O(n + m) plus sorting one node's arcs at a time, instead of
    /// sorting all m arcs by a (from, to, position) tuple.
    static func ordered(_ arcs: [Arc], nodeCount n: Int) -> (arcs: [Arc], start: [Int]) {
        var start = [Int](repeating: 0, count: n + 1)
        for arc in arcs { start[arc.from + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var sorted = arcs
        start.withUnsafeBufferPointer { start in
            var fill = Array(start)
            fill.withUnsafeMutableBufferPointer { fill in
                sorted.withUnsafeMutableBufferPointer { sorted in
                    for arc in arcs {
                        sorted[fill[arc.from]] = arc
                        fill[arc.from] += 1
                    }
                    for v in 0..<n where start[v + 1] - start[v] > 1 {
                        sortByTarget(UnsafeMutableBufferPointer(rebasing: sorted[start[v]..<start[v + 1]]))
                    }
                }
            }
        }
        return (sorted, start)
    }

    /// A stable sort by `to`: insertion sort for the few arcs most nodes have; for long
    /// lists, the library's sort on (to, position), which no two arcs share.
    private static func sortByTarget(_ row: UnsafeMutableBufferPointer<Arc>) {
        guard row.count > 24 else {
            for i in row.indices.dropFirst() {
                let x = row[i]
                var j = i
                while j > 0, row[j - 1].to > x.to {
                    row[j] = row[j - 1]
                    j -= 1
                }
                row[j] = x
            }
            return
        }
        let order = row.indices.sorted { (row[$0].to, $0) < (row[$1].to, $1) }
        let copy = Array(row)
        for (i, k) in order.enumerated() { row[i] = copy[k] }
    }
}
