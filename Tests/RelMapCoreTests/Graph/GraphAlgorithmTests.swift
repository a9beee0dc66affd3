import Foundation
import Testing
import RelMapSynthetic
@testable import RelMapCore

/// Articulation points, bridges and strongest paths on small graphs whose answers can be
/// read off a drawing, and on graphs large enough that a recursive search would overflow.
struct GraphAlgorithmTests {
    static func graph(_ n: Int, _ edges: [(Int, Int)]) -> UndirectedGraph {
        UndirectedGraph(nodeCount: n, edges: edges)
    }

    static func bridgePairs(_ g: UndirectedGraph) -> [[Int]] { g.bridges().map { [g.edges[$0].a, g.edges[$0].b] } }

    @Test func everyInnerNodeOfAPathIsAnArticulationPointAndEveryEdgeABridge() {
        let g = Self.graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        #expect(g.articulationPoints() == [1, 2, 3])
        #expect(Self.bridgePairs(g) == [[0, 1], [1, 2], [2, 3], [3, 4]])
    }

    @Test func aCycleHasNoArticulationPointsAndNoBridges() {
        let g = Self.graph(6, (0..<6).map { ($0, ($0 + 1) % 6) })
        #expect(g.articulationPoints().isEmpty)
        #expect(g.bridges().isEmpty)
    }

    @Test func twoTrianglesJoinedByOneEdgeHaveTwoCutVerticesAndOneBridge() {
        let g = Self.graph(6, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3)])
        #expect(g.articulationPoints() == [2, 3])
        #expect(Self.bridgePairs(g) == [[2, 3]])
    }

    @Test func theCentreOfAStarIsAnArticulationPointEvenWhenItIsTheSearchRoot() {
        let g = Self.graph(4, [(0, 1), (0, 2), (0, 3)])
        #expect(g.articulationPoints() == [0])
        let leafRoot = Self.graph(4, [(3, 0), (3, 1), (3, 2)])
        #expect(leafRoot.articulationPoints() == [3])
    }

    @Test func repeatedEdgesAreOneConnectionSoNeverABridgeTwice() {
        let g = Self.graph(3, [(0, 1), (1, 0), (0, 1), (1, 2)])
        #expect(g.edges.count == 2)
        #expect(Self.bridgePairs(g) == [[0, 1], [1, 2]])
    }

    @Test func selfLoopsAndPairsOutsideTheGraphAreIgnored() {
        let g = Self.graph(3, [(0, 0), (0, 1), (1, 2), (2, 7), (-1, 1)])
        #expect(g.edges.map { [$0.a, $0.b] } == [[0, 1], [1, 2]])
        #expect(g.articulationPoints() == [1])
    }

    @Test func eachComponentIsSearchedAndIsolatedNodesAreNeverCutVertices() {
        let g = Self.graph(7, [(0, 1), (1, 2), (4, 5), (5, 6), (6, 4)])
        #expect(g.articulationPoints() == [1])
        #expect(Self.bridgePairs(g) == [[0, 1], [1, 2]])
        #expect(Self.graph(0, []).articulationPoints().isEmpty)
        #expect(Self.graph(1, []).bridges().isEmpty)
    }

    @Test func neighboursAreListedInIncreasingOrder() {
        let g = Self.graph(5, [(4, 2), (2, 0), (3, 2), (1, 2)])
        #expect(Array(g.neighbors(of: 2)) == [0, 1, 3, 4])
        #expect(Array(g.neighbors(of: 9)).isEmpty)
    }

    @Test func aPathOfAHundredThousandNodesDoesNotOverflowTheStack() {
        let n = 100_000
        let g = Self.graph(n, (0..<(n - 1)).map { ($0, $0 + 1) })
        let points = g.articulationPoints()
        #expect(points.count == n - 2)
        #expect(points.first == 1 && points.last == n - 2)
        #expect(g.bridges().count == n - 1)
        let chain = WeightedDigraph(nodeCount: n, arcs: (0..<(n - 1)).map { .init(from: $0, to: $0 + 1, strength: 1) })
        let paths = chain.strongestPaths(from: [0])
        #expect(paths.strength[n - 1] == 1)
        #expect(paths.route(to: n - 1)?.count == n - 1)
    }

    @Test func theStrongestPathIsTheLargestProductEvenWhenItIsLonger() {
        // 0 -> 3 directly at 0.2; 0 -> 1 -> 2 -> 3 at 0.9 × 0.8 × 0.5 = 0.36.
        let g = WeightedDigraph(
            nodeCount: 4,
            arcs: [
                .init(from: 0, to: 3, strength: 0.2), .init(from: 0, to: 1, strength: 0.9),
                .init(from: 1, to: 2, strength: 0.8), .init(from: 2, to: 3, strength: 0.5),
            ])
        let paths = g.strongestPaths(from: [0])
        #expect(abs(paths.strength[3] - 0.36) < 1e-15)
        #expect(paths.route(to: 3)?.map(\.to) == [1, 2, 3])
        #expect(paths.route(to: 0) == [])
    }

    @Test func unreachableNodesHaveStrengthZeroAndNoRoute() {
        let g = WeightedDigraph(nodeCount: 3, arcs: [.init(from: 1, to: 0, strength: 0.5)])
        let paths = g.strongestPaths(from: [0])
        #expect(paths.strength == [1, 0, 0])
        #expect(paths.route(to: 1) == nil)
        #expect(paths.route(to: 5) == nil)
    }

    @Test func arcsWithAStrengthOutsideZeroToOneAreLeftOut() {
        let g = WeightedDigraph(
            nodeCount: 3,
            arcs: [
                .init(from: 0, to: 1, strength: 0), .init(from: 0, to: 1, strength: .nan),
                .init(from: 0, to: 2, strength: 1.5), .init(from: 0, to: 2, strength: 0.4),
                .init(from: 0, to: 9, strength: 0.5),
            ])
        #expect(g.arcs.count == 1)
        #expect(g.strongestPaths(from: [0]).strength == [1, 0, 0.4])
    }

    @Test func parallelArcsUseTheStrongest() {
        let g = WeightedDigraph(
            nodeCount: 2, arcs: [.init(from: 0, to: 1, strength: 0.3), .init(from: 0, to: 1, strength: 0.7)])
        let paths = g.strongestPaths(from: [0])
        #expect(paths.strength[1] == 0.7)
        #expect(paths.route(to: 1)?.first?.strength == 0.7)
    }

    @Test func equallyStrongRoutesAreBrokenTheSameWayEveryTime() {
        // Two routes of strength 0.25 into node 3, through 1 and through 2.
        let arcs: [WeightedDigraph.Arc] = [
            .init(from: 0, to: 2, strength: 0.5), .init(from: 0, to: 1, strength: 0.5),
            .init(from: 2, to: 3, strength: 0.5), .init(from: 1, to: 3, strength: 0.5),
        ]
        let first = WeightedDigraph(nodeCount: 4, arcs: arcs).strongestPaths(from: [0]).route(to: 3)
        let second = WeightedDigraph(nodeCount: 4, arcs: arcs.reversed()).strongestPaths(from: [0]).route(to: 3)
        #expect(first?.map(\.to) == [1, 3])
        #expect(second?.map(\.to) == [1, 3])
    }

    @Test func severalSourcesEachStartAtFullStrength() {
        let g = WeightedDigraph(
            nodeCount: 4,
            arcs: [
                .init(from: 0, to: 2, strength: 0.5), .init(from: 1, to: 2, strength: 0.8),
                .init(from: 2, to: 3, strength: 0.5),
            ])
        let paths = g.strongestPaths(from: [0, 1])
        #expect(paths.strength == [1, 1, 0.8, 0.4])
        #expect(paths.route(to: 3)?.first?.from == 1)
    }
}

/// Dominator trees on a graph drawn by hand, on a long chain, and against removing each
/// node in turn on random graphs.
struct DominatorTests {
    @Test func immediateDominatorsOfAGraphWithAJoinALoopAndAnUnreachableNode() {
        // 0 -> 1, 2; both -> 3; 3 -> 4 -> 5 -> 3 (a loop); 4 -> 6 and 2 -> 6; 7 -> 3 only.
        let arcs = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 3), (4, 6), (2, 6), (7, 3)]
        let d = Dominators(nodeCount: 8, arcs: arcs.map { (from: $0.0, to: $0.1) }, root: 0)
        #expect(d.immediate == [0, 0, 0, 0, 3, 4, 0, -1])
        #expect(d.strictDominators(of: 5) == [4, 3, 0])
        #expect(d.strictDominators(of: 0).isEmpty)
        #expect(d.strictDominators(of: 7).isEmpty)
        #expect(!d.isReachable(7) && !d.isReachable(42))
    }

    @Test func aChainOfAHundredThousandNodesDoesNotOverflowTheStack() {
        let n = 100_000
        let d = Dominators(nodeCount: n, arcs: (0..<(n - 1)).map { (from: $0, to: $0 + 1) }, root: 0)
        #expect(d.immediate[n - 1] == n - 2)
        #expect(d.strictDominators(of: n - 1).count == n - 1)
    }

    /// Node x dominates v exactly when removing x leaves v unreachable from the root.
    @Test("dominators agree with removing each node (300 random digraphs)")
    func dominatorsAgreeWithRemovingEachNode() {
        var dominatedSomewhere = 0
        for seed in 1...300 {
            var rng = SplitMix64(seed: UInt64(seed))
            let n = Int.random(in: 1...30, using: &rng)
            let arcs = (0..<Int.random(in: 0...(3 * n), using: &rng)).map { _ in
                (from: Int.random(in: 0..<n, using: &rng), to: Int.random(in: 0..<n, using: &rng))
            }
            let d = Dominators(nodeCount: n, arcs: arcs, root: 0)
            func reachable(without x: Int?) -> [Bool] {
                var seen = [Bool](repeating: false, count: n)
                seen[0] = true
                var stack = [0]
                while let v = stack.popLast() {
                    for a in arcs where a.from == v && a.to != x && !seen[a.to] {
                        seen[a.to] = true
                        stack.append(a.to)
                    }
                }
                return seen
            }
            let before = reachable(without: nil)
            #expect((0..<n).map(d.isReachable) == before, "seed \(seed)")
            for x in 1..<max(1, n) {
                let after = reachable(without: x)
                for v in 0..<n where v != x {
                    let cut = before[v] && !after[v]
                    #expect(d.strictDominators(of: v).contains(x) == cut, "seed \(seed): \(x) over \(v)")
                    if cut { dominatedSomewhere += 1 }
                }
            }
        }
        #expect(dominatedSomewhere >= 300)
    }
}
