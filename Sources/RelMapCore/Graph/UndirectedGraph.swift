/// An undirected simple graph on the nodes `0..<nodeCount`, in compact (CSR) form: the
/// shape the articulation-point and bridge searches work on.
///
/// Parallel edges are merged into one and self-loops dropped, so the graph means the
/// same as a NetworkX `Graph` built from the same pairs: two ties between the same two
/// people are one connection, and losing one of them loses nothing.
public struct UndirectedGraph: Sendable, Hashable {
    /// One edge, its ends in increasing order.
    public struct Edge: Sendable, Hashable, Comparable {
        /// The smaller end.
        public var a: Int
        /// The larger end (equal to `a` only for a self-loop, which the graph drops).
        public var b: Int

        /// The edge between `a` and `b`, in either order.
        public init(_ a: Int, _ b: Int) {
            self.a = Swift.min(a, b)
            self.b = Swift.max(a, b)
        }

        /// By smaller end, then larger end: the order of `edges`.
        public static func < (x: Edge, y: Edge) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    /// The nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Every edge once, sorted; an edge's number is its index here.
    public let edges: [Edge]
    /// The neighbours of `v` are `neighbor[start[v]..<start[v+1]]`, and `edgeNumber` at the
    /// same positions names the edge that leads to each.
    let start: [Int]
    let neighbor: [Int]
    let edgeNumber: [Int]

    /// Builds the graph in O(n + m), plus sorting each node's list of larger neighbours
    /// (see `distinctEdges`). Pairs naming a node outside `0..<nodeCount` are ignored: a
    /// graph built by code never points outside itself, and a bad pair must not crash
    /// the caller.
    public init(nodeCount: Int, edges pairs: some Sequence<(Int, Int)>) {
        let n = Swift.max(0, nodeCount)
        self.nodeCount = n
        let sorted = Self.distinctEdges(nodeCount: n, pairs)
        edges = sorted
        let m = sorted.count
        var start = [Int](repeating: 0, count: n + 1)
        var neighbor = [Int](repeating: 0, count: 2 * m)
        var edgeNumber = [Int](repeating: 0, count: 2 * m)
        sorted.withUnsafeBufferPointer { e in
            start.withUnsafeMutableBufferPointer { start in
                for k in 0..<m {
                    start[e[k].a + 1] += 1
                    start[e[k].b + 1] += 1
                }
                for v in 0..<n { start[v + 1] += start[v] }
                var fill = Array(start)
                neighbor.withUnsafeMutableBufferPointer { neighbor in
                    edgeNumber.withUnsafeMutableBufferPointer { edgeNumber in
                        fill.withUnsafeMutableBufferPointer { fill in
                            // Edges are sorted by (a, b). Filling every node's smaller
                            // neighbours first and its larger ones second leaves each list
                            // in increasing order, so every search over the graph visits
                            // neighbours in the same order on every run.
                            for k in 0..<m {
                                let b = e[k].b
                                neighbor[fill[b]] = e[k].a
                                edgeNumber[fill[b]] = k
                                fill[b] += 1
                            }
                            for k in 0..<m {
                                let a = e[k].a
                                neighbor[fill[a]] = e[k].b
                                edgeNumber[fill[a]] = k
                                fill[a] += 1
                            }
                        }
                    }
                }
            }
        }
        self.start = start
        self.neighbor = neighbor
        self.edgeNumber = edgeNumber
    }

    /// The nodes joined to `v`, in increasing order. O(1).
    public func neighbors(of v: Int) -> ArraySlice<Int> {
        guard (0..<nodeCount).contains(v) else { return [] }
        return neighbor[start[v]..<start[v + 1]]
    }
}
