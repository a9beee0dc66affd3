import Testing
@testable import RelMapCore
import RelMapSynthetic

/// The graph builds sort by counting and then one node's list at a time; these check
/// them against the plain definition (a set of pairs, sorted; a sort by (from, to,
/// given position)) on random input with repeats, self-loops, bad nodes and nodes with
/// long lists, which take the other sorting path.
struct GraphAlgorithmBuildTests {
    /// Random pairs on `n` nodes, a third of them at a few busy nodes, some repeated
    /// backwards, some self-loops and some outside the graph.
    static func pairs(seed: UInt64, n: Int, count: Int) -> [(Int, Int)] {
        var rng = SplitMix64(seed: seed)
        var result: [(Int, Int)] = []
        for _ in 0..<count {
            let a =
                Int.random(in: 0..<3, using: &rng) == 0
                ? Int.random(in: 0..<3, using: &rng) : Int.random(in: 0..<n, using: &rng)
            let b = Int.random(in: -1...n, using: &rng)
            result.append((a, b))
            if Int.random(in: 0..<5, using: &rng) == 0 { result.append((b, a)) }
        }
        return result
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func edgesAreTheDistinctPairsInsideTheGraphSorted(seed: UInt64) {
        let n = 60
        let pairs = Self.pairs(seed: seed, n: n, count: 2_000)
        let expected = Set(
            pairs.filter { $0 != $1 && (0..<n).contains($0) && (0..<n).contains($1) }
                .map { UndirectedGraph.Edge($0.0, $0.1) }
        ).sorted()
        let g = UndirectedGraph(nodeCount: n, edges: pairs)
        #expect(g.edges == expected)
        for v in 0..<n {
            let around = expected.filter { $0.a == v || $0.b == v }.map { $0.a == v ? $0.b : $0.a }.sorted()
            #expect(Array(g.neighbors(of: v)) == around)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func arcsAreSortedByEndsThenGivenOrder(seed: UInt64) {
        let n = 40
        var rng = SplitMix64(seed: seed)
        let given = Self.pairs(seed: seed, n: n, count: 1_500).map { a, b in
            WeightedDigraph.Arc(from: a, to: b, strength: [0, 0.25, 0.5, 1, 1.5][Int.random(in: 0..<5, using: &rng)])
        }
        let expected = given.enumerated()
            .filter { (0..<n).contains($1.from) && (0..<n).contains($1.to) && $1.strength > 0 && $1.strength <= 1 }
            .sorted { ($0.element.from, $0.element.to, $0.offset) < ($1.element.from, $1.element.to, $1.offset) }
            .map(\.element)
        let g = WeightedDigraph(nodeCount: n, arcs: given)
        #expect(g.arcs == expected)
        for v in 0..<n {
            #expect(g.arcs(from: v).allSatisfy { g.arcs[$0].from == v })
        }
    }
}
