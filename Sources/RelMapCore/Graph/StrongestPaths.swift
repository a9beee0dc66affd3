/// The strongest route from a set of sources to every node of a `WeightedDigraph`.
public struct StrongestPaths: Sendable, Hashable {
    /// The best product of arc strengths from any source, in 0...1: 1 at a source, 0
    /// where no route arrives.
    public let strength: [Double]
    /// The arc by which the best route arrives at each node, or -1 (a source, or no route).
    public let arrivingArc: [Int]
    let arcs: [WeightedDigraph.Arc]

    /// The arcs of the best route to `node`, first to last; [] for a source; nil when no
    /// route arrives. O(length of the route).
    public func route(to node: Int) -> [WeightedDigraph.Arc]? {
        guard (0..<strength.count).contains(node), strength[node] > 0 else { return nil }
        var result: [WeightedDigraph.Arc] = []
        var current = node
        // A best route never repeats a node, so it has fewer arcs than there are nodes;
        // the bound keeps this total even if that were ever broken.
        while arrivingArc[current] >= 0, result.count < strength.count {
            let arc = arcs[arrivingArc[current]]
            result.append(arc)
            current = arc.from
        }
        return result.reversed()
    }
}

extension WeightedDigraph {
    /// The strongest routes from `sources` (each starting at strength 1) to every node:
    /// Dijkstra's algorithm on the weights −log(strength), run directly on products
    /// because every strength is at most 1, so a route never gets stronger as it grows.
    /// Matches NetworkX's `multi_source_dijkstra` on −log(strength).
    ///
    /// Ties are deterministic: the heap pops the strongest node first and the lowest node
    /// number among equals, and a route is replaced only by a strictly stronger one.
    /// O((n + m) log n) time, O(n + m) memory, no recursion.
    public func strongestPaths(from sources: some Sequence<Int>) -> StrongestPaths {
        var strength = [Double](repeating: 0, count: nodeCount)
        var arriving = [Int](repeating: -1, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        var heap = BinaryHeap<(strength: Double, node: Int)> { a, b in
            a.strength != b.strength ? a.strength > b.strength : a.node < b.node
        }
        for s in sources where (0..<nodeCount).contains(s) && strength[s] < 1 {
            strength[s] = 1
            heap.push((1, s))
        }
        while let (s, v) = heap.pop() {
            if done[v] || s < strength[v] { continue }
            done[v] = true
            for k in start[v]..<start[v + 1] {
                let arc = arcs[k]
                let candidate = s * arc.strength
                if !done[arc.to], candidate > strength[arc.to] {
                    strength[arc.to] = candidate
                    arriving[arc.to] = k
                    heap.push((candidate, arc.to))
                }
            }
        }
        return StrongestPaths(strength: strength, arrivingArc: arriving, arcs: arcs)
    }
}
