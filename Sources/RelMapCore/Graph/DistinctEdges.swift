extension UndirectedGraph {
    /// The distinct edges among `pairs`, sorted by (a, b): self-loops and pairs naming a
    /// node outside `0..<n` left out, repeats (in either direction) kept once.
    ///
    /// A counting sort by the smaller end, then a sort of each node's list of larger
    /// ends, in which repeats sit side by side: O(n + m) plus sorting one short list at
    /// a time, instead of hashing every pair into a `Set` and sorting the set.
    static func distinctEdges(nodeCount n: Int, _ pairs: some Sequence<(Int, Int)>) -> [Edge] {
        // The sequence may be single-pass, so the valid pairs are kept, smaller end first.
        var low: [Int] = [], high: [Int] = []
        low.reserveCapacity(pairs.underestimatedCount)
        high.reserveCapacity(pairs.underestimatedCount)
        for (a, b) in pairs where a != b && a >= 0 && b >= 0 && a < n && b < n {
            low.append(Swift.min(a, b))
            high.append(Swift.max(a, b))
        }
        let count = low.count
        var rowStart = [Int](repeating: 0, count: n + 1)
        var column = [Int](repeating: 0, count: count)
        var edges: [Edge] = []
        edges.reserveCapacity(count)
        low.withUnsafeBufferPointer { low in
            high.withUnsafeBufferPointer { high in
                rowStart.withUnsafeMutableBufferPointer { rowStart in
                    column.withUnsafeMutableBufferPointer { column in
                        for k in 0..<count { rowStart[low[k] + 1] += 1 }
                        for v in 0..<n { rowStart[v + 1] += rowStart[v] }
                        // After the scatter rowStart[a] is where row a ends, and row a
                        // begins where row a - 1 ended: no second array needed.
                        for k in 0..<count {
                            column[rowStart[low[k]]] = high[k]
                            rowStart[low[k]] += 1
                        }
                        var rowBegin = 0
                        for a in 0..<n {
                            let rowEnd = rowStart[a]
                            let row = UnsafeMutableBufferPointer(rebasing: column[rowBegin..<rowEnd])
                            sortAscending(row)
                            var previous = -1
                            for b in row where b != previous {
                                edges.append(Edge(a: a, b: b))
                                previous = b
                            }
                            rowBegin = rowEnd
                        }
                    }
                }
            }
        }
        return edges
    }

    /// Insertion sort for the short lists most nodes have, the library's sort for long ones.
    private static func sortAscending(_ row: UnsafeMutableBufferPointer<Int>) {
        guard row.count > 24 else {
            for i in row.indices.dropFirst() {
                let x = row[i]
                var j = i
                while j > 0, row[j - 1] > x {
                    row[j] = row[j - 1]
                    j -= 1
                }
                row[j] = x
            }
            return
        }
        var all = row
        all.sort()
    }
}

extension UndirectedGraph.Edge {
    /// An edge whose ends are already in order.
    init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }
}
