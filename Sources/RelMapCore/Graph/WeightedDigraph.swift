/// A directed graph on the nodes `0..<nodeCount` whose arcs carry a strength in (0, 1],
/// in compact (CSR) form: the shape the strongest-path search works on.
///
/// A route's strength is the product of its arcs' strengths (a contact's current
/// strength, then what each tie inside the account carries), so the strongest route is
/// the shortest one when each arc weighs −log(strength).
public struct WeightedDigraph: Sendable, Hashable {
    /// One arc.
    public struct Arc: Sendable, Hashable {
        /// The node the arc leaves.
        public var from: Int
        /// The node the arc enters.
        public var to: Int
        /// What the arc carries, in (0, 1]; a route multiplies its arcs' strengths.
        public var strength: Double

        /// An arc; the graph drops it if an end is outside its nodes or the strength outside (0, 1].
        public init(from: Int, to: Int, strength: Double) {
            self.from = from
            self.to = to
            self.strength = strength
        }
    }

    /// The nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Every arc kept, sorted by (from, to), then in the order given; an arc's number is
    /// its index here.
    public let arcs: [Arc]
    /// The arcs out of `v` are `arcs[start[v]..<start[v+1]]`.
    let start: [Int]

    /// Builds the graph in O(n + m), plus sorting each node's arcs by target (see
    /// `ordered`). Parallel arcs are kept (the search takes the strongest). Arcs naming a
    /// node outside `0..<nodeCount`, and arcs whose strength is not in (0, 1] (no route,
    /// or not a strength at all, such as NaN), are left out: a strength above 1 would
    /// make a longer route stronger and the search unsound.
    public init(nodeCount: Int, arcs given: some Sequence<Arc>) {
        let n = Swift.max(0, nodeCount)
        self.nodeCount = n
        var kept: [Arc] = []
        kept.reserveCapacity(given.underestimatedCount)
        for arc in given
        where arc.from >= 0 && arc.from < n && arc.to >= 0 && arc.to < n
            && arc.strength > 0 && arc.strength <= 1
        {
            kept.append(arc)
        }
        // Sorted by (from, to), arcs between the same two nodes in the order given.
        (arcs, start) = ArcOrder.ordered(kept, nodeCount: n, from: { $0.from }, to: { $0.to })
    }

    /// The arc numbers out of `v`, in order. O(1).
    public func arcs(from v: Int) -> Range<Int> {
        guard (0..<nodeCount).contains(v) else { return 0..<0 }
        return start[v]..<start[v + 1]
    }
}
