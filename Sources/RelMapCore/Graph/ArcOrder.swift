/// Sorting the arcs of a graph into adjacency (CSR) order, for every graph the core builds.
enum ArcOrder {
    /// `items` sorted by (from, to), items between the same two nodes in the order given,
    /// with the position where each node's items begin (n + 1 entries). Every `from` and
    /// `to` must be in `0..<n`.
    ///
    /// A counting sort by `from` (stable, so the given order survives), then each node's
    /// items sorted by `to`: O(n + m) plus sorting one node's items at a time, instead of
    /// sorting all m items by a (from, to, position) tuple.
    static func ordered<Item>(
        _ items: [Item], nodeCount n: Int, from: (Item) -> Int,
        to: (Item) -> Int
    ) -> (items: [Item], start: [Int]) {
        var start = [Int](repeating: 0, count: n + 1)
        for item in items { start[from(item) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var sorted = items
        start.withUnsafeBufferPointer { start in
            var fill = Array(start)
            fill.withUnsafeMutableBufferPointer { fill in
                sorted.withUnsafeMutableBufferPointer { sorted in
                    for item in items {
                        sorted[fill[from(item)]] = item
                        fill[from(item)] += 1
                    }
                    for v in 0..<n where start[v + 1] - start[v] > 1 {
                        sortByTarget(UnsafeMutableBufferPointer(rebasing: sorted[start[v]..<start[v + 1]]), to: to)
                    }
                }
            }
        }
        return (sorted, start)
    }

    /// A stable sort by `to`: insertion sort for the few items most nodes have; for long
    /// lists, the library's sort on (to, position), which no two items share.
    private static func sortByTarget<Item>(_ row: UnsafeMutableBufferPointer<Item>, to: (Item) -> Int) {
        guard row.count > 24 else {
            for i in row.indices.dropFirst() {
                let x = row[i]
                var j = i
                while j > 0, to(row[j - 1]) > to(x) {
                    row[j] = row[j - 1]
                    j -= 1
                }
                row[j] = x
            }
            return
        }
        let order = row.indices.sorted { (to(row[$0]), $0) < (to(row[$1]), $1) }
        let copy = Array(row)
        for (i, k) in order.enumerated() { row[i] = copy[k] }
    }
}
