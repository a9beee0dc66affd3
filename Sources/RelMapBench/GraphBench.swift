import ArgumentParser
import Foundation
import RelMapCore
import RelMapSynthetic

/// Articulation points, bridges and strongest paths on a generated account, on the
/// graphs the product builds: the reach graph single-thread risks are read from
/// (`ReachGraph`) and the introduction graph the plan's warmest routes come from.
/// Writes both graphs and relmap's results as TSV for benchmarks/reference.py, which
/// runs NetworkX and igraph on the same graphs and checks agreement before timing.
struct GraphAlgorithmBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Articulation points, bridges and strongest paths on a generated account.")

    @Option var people: Int
    @Option(help: "Informal ties generated (the graphs keep the ones a carrier passes reach along).") var ties: Int
    @Option var seed: UInt64 = 42
    @Option var team: Int = 5
    @Option var repeats: Int = 5
    @Option(help: "Folder for the TSV files.") var out: String

    struct GraphMismatch: Error, CustomStringConvertible {
        var description: String { "the benchmark's reach graph differs from ReachGraph's" }
    }

    func run() throws {
        let account = SyntheticAccount(seed: seed, people: people, ties: ties, team: team, contactShare: 0.2).make()
        let analysis = Analyzer.analyze(account)
        let reach = ReachGraph(analysis)
        let pairs = GraphBenchInput.reachPairs(analysis)
        let nodeCount = reach.nodes.count
        // The timed build must be the product's: same pairs, same graph.
        guard UndirectedGraph(nodeCount: nodeCount, edges: pairs) == reach.graph else { throw GraphMismatch() }

        var graph = reach.graph
        let buildTimes = measure(repeats: repeats) { graph = UndirectedGraph(nodeCount: nodeCount, edges: pairs) }
        var cut: [Int] = []
        let cutTimes = measure(repeats: repeats) { cut = graph.articulationPoints() }
        var bridges: [Int] = []
        let bridgeTimes = measure(repeats: repeats) { bridges = graph.bridges() }

        let arcs = GraphBenchInput.introductionArcs(analysis)
        let arcNodes = account.team.count + analysis.graph.count
        var digraph = WeightedDigraph(nodeCount: arcNodes, arcs: arcs)
        let digraphTimes = measure(repeats: repeats) { digraph = WeightedDigraph(nodeCount: arcNodes, arcs: arcs) }
        // The whole team, as the plan asks for a warmest route from anyone on it.
        let sources = Array(0..<account.team.count)
        var paths = digraph.strongestPaths(from: sources)
        let pathTimes = measure(repeats: repeats) { paths = digraph.strongestPaths(from: sources) }

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try write(pairs.map { "\($0.0)\t\($0.1)" }, to: "pairs.tsv")
        try write(cut.map { "\($0)" }, to: "relmap-articulation.tsv")
        try write(bridges.map { "\(graph.edges[$0].a)\t\(graph.edges[$0].b)" }, to: "relmap-bridges.tsv")
        try write(arcs.map { "\($0.from)\t\($0.to)\t\($0.strength)" }, to: "arcs.tsv")
        try write(sources.map { "\($0)" }, to: "sources.tsv")
        try write(["nodes\t\(nodeCount)", "arc_nodes\t\(arcNodes)"], to: "sizes.tsv")
        try write(paths.strength.map { "\($0)" }, to: "relmap-strength.tsv")
        emit([
            "bench": "graph", "people": people, "ties": ties,
            "nodes": nodeCount, "pairs": pairs.count, "edges": graph.edges.count,
            "articulation_points": cut.count, "bridges": bridges.count,
            "arc_nodes": arcNodes, "arcs": arcs.count, "kept_arcs": digraph.arcs.count,
            "reached": paths.strength.count { $0 > 0 },
            "build_seconds": buildTimes, "build_median": median(buildTimes),
            "articulation_seconds": cutTimes, "articulation_median": median(cutTimes),
            "bridges_seconds": bridgeTimes, "bridges_median": median(bridgeTimes),
            "digraph_seconds": digraphTimes, "digraph_median": median(digraphTimes),
            "dijkstra_seconds": pathTimes, "dijkstra_median": median(pathTimes),
            "peak_rss": peakRSS(),
        ])
    }

    private func write(_ lines: [String], to name: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: "\(out)/\(name)", atomically: true, encoding: .utf8)
    }
}

/// The inputs the product hands to the graph algorithms, rebuilt from public values so
/// the benchmark can time the graph builds on their own.
enum GraphBenchInput {
    /// The pairs `ReachGraph` builds its graph from, in the same order: team node 0 to
    /// each member, members to the people they have a live contact with, carriers to the
    /// people they pass reach along to. `GraphAlgorithmBench` checks the graphs are equal.
    static func reachPairs(_ analysis: AccountAnalysis) -> [(Int, Int)] {
        let team = analysis.account.team
        var memberNode: [String: Int] = [:]
        for (i, m) in team.enumerated() where memberNode[m.id] == nil { memberNode[m.id] = i + 1 }
        let firstPerson = team.count + 1
        var pairs: [(Int, Int)] = team.indices.map { (0, $0 + 1) }
        for c in analysis.contacts where c.current > 0 {
            guard let m = memberNode[c.member], let p = analysis.graph.index[c.person] else { continue }
            pairs.append((m, firstPerson + p))
        }
        let g = analysis.graph
        for p in 0..<g.count where Reach.isCarrier(analysis.account.people[p]) {
            for e in g.carryStart[p]..<g.carryStart[p + 1] {
                pairs.append((firstPerson + p, firstPerson + g.carryTarget[e]))
            }
        }
        return pairs
    }

    /// The arcs of the plan's introduction graph (Planning/IntroductionRoutes.swift, which
    /// is internal to RelMapCore): members are nodes 0..<team, person `p` is team + p;
    /// a member's live contact weighs its current strength, a carrier's tie carryFactor
    /// × the tie's strength.
    static func introductionArcs(_ analysis: AccountAnalysis) -> [WeightedDigraph.Arc] {
        let k = analysis.account.team.count
        var memberIndex: [String: Int] = [:]
        for (i, m) in analysis.account.team.enumerated() where memberIndex[m.id] == nil { memberIndex[m.id] = i }
        var arcs: [WeightedDigraph.Arc] = []
        for c in analysis.contacts where c.current > 0 {
            guard let m = memberIndex[c.member], let p = analysis.graph.index[c.person] else { continue }
            arcs.append(.init(from: m, to: k + p, strength: c.current))
        }
        let g = analysis.graph
        for p in 0..<g.count where Reach.isCarrier(analysis.account.people[p]) {
            for e in g.carryStart[p]..<g.carryStart[p + 1] {
                arcs.append(
                    .init(
                        from: k + p, to: k + g.carryTarget[e],
                        strength: analysis.parameters.carryFactor * g.carryStrength[e]))
            }
        }
        return arcs
    }
}
