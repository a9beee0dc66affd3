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
    ///
    /// No "done" mark is kept: nodes leave the heap strongest first, and an arc never
    /// makes a route stronger, so a node already taken can never be improved, and a
    /// heap entry weaker than its node's best is one left behind by an improvement.
    /// Without the mark, each arc costs one random memory access (its target's
    /// strength) instead of two.
    public func strongestPaths(from sources: some Sequence<Int>) -> StrongestPaths {
        let n = nodeCount
        var strength = [Double](repeating: 0, count: n)
        var arriving = [Int](repeating: -1, count: n)
        var heap = MinHeap<Candidate>()
        heap.reserveCapacity(n)
        for s in sources where (0..<n).contains(s) && strength[s] < 1 {
            strength[s] = 1
            heap.push(Candidate(strength: 1, node: s))
        }
        arcs.withUnsafeBufferPointer { arcs in
            start.withUnsafeBufferPointer { start in
                strength.withUnsafeMutableBufferPointer { strength in
                    arriving.withUnsafeMutableBufferPointer { arriving in
                        while let candidate = heap.pop() {
                            let v = candidate.node, s = candidate.strength
                            if s < strength[v] { continue }
                            for k in start[v]..<start[v + 1] {
                                let to = arcs[k].to
                                // s × a ≤ s for a ≤ 1 also after rounding, so this never
                                // holds for a node already taken (its strength is ≥ s).
                                let stronger = s * arcs[k].strength
                                if stronger > strength[to] {
                                    strength[to] = stronger
                                    arriving[to] = k
                                    heap.push(Candidate(strength: stronger, node: to))
                                }
                            }
                        }
                    }
                }
            }
        }
        return StrongestPaths(strength: strength, arrivingArc: arriving, arcs: arcs)
    }
}

/// A node waiting in the strongest-path search, with the strength it was reached at.
/// "Less" means "taken first": stronger, then the lower node number.
private struct Candidate: Comparable {
    var strength: Double
    var node: Int

    static func < (a: Candidate, b: Candidate) -> Bool {
        a.strength != b.strength ? a.strength > b.strength : a.node < b.node
    }
}
