import Foundation
import Testing
@testable import RelMapCore

/// Compares relmap's articulation points, bridges and strongest paths with NetworkX
/// (`articulation_points`, `bridges`, `multi_source_dijkstra` on −log strength), as
/// computed by scripts/graph_reference.py on every sample account, on generated accounts
/// (where the script also builds the reach and introduction graphs from the YAML itself)
/// and on hundreds of generated plain graphs.
struct GraphAlgorithmReferenceTests {
    struct AccountExpected: Decodable {
        let nodes: Int
        let edges: Int
        let arcs: Int
        let articulation_points: [String]
        let bridges: [[String]]
        let strongest: [String: [String: Double]]
    }

    struct GraphExpected: Decodable {
        let articulation_points: [Int]?
        let bridges: [[Int]]?
        let edges: Int?
        let strength: [Double]?
    }

    struct Reference: Decodable {
        let tolerance: Double
        let accounts: [String: AccountExpected]
        let graphs: [String: GraphExpected]
    }

    struct PlainGraph: Decodable {
        let name: String
        let kind: String
        let n: Int
        let edges: [[Int]]?
        let arcs: [[Double]]?
        let sources: [Int]?
    }

    struct PlainFile: Decodable { let graphs: [PlainGraph] }

    static let reference: Reference? = {
        guard let data = FileManager.default.contents(atPath: Repo.fixture("graph-reference.json")) else { return nil }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static let plain: [PlainGraph] = {
        guard let data = FileManager.default.contents(atPath: Repo.fixture("graph-generated/plain/graphs.json")) else {
            return []
        }
        return (try? JSONDecoder().decode(PlainFile.self, from: data))?.graphs ?? []
    }()

    static let accountNames: [String] = reference.map { $0.accounts.keys.sorted() } ?? []
    static let undirectedNames: [String] = plain.filter { $0.kind == "undirected" }.map(\.name)
    static let directedNames: [String] = plain.filter { $0.kind == "directed" }.map(\.name)

    static func analysis(_ name: String) throws -> AccountAnalysis {
        let path = name.hasPrefix("graphs/") ? Repo.path(name) : Repo.fixture(name)
        let file = AccountLoader.load(file: path, options: testOptions())
        let account = try #require(file.account, "\(findings(file, .error))")
        return Analyzer.analyze(account)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func theReferenceCoversEverySampleAndHundredsOfGeneratedGraphs() throws {
        let reference = try #require(Self.reference)
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repo.path("graphs")).filter {
            $0.hasSuffix(".yaml")
        }
        #expect(samples.count >= 5)
        for sample in samples { #expect(reference.accounts["graphs/\(sample)"] != nil, "\(sample)") }
        #expect(reference.accounts.keys.count { $0.hasPrefix("graph-generated/") } >= 50)
        #expect(Self.undirectedNames.count >= 200)
        #expect(Self.directedNames.count >= 200)
        for g in Self.plain { #expect(reference.graphs[g.name] != nil, "\(g.name)") }
        #expect(reference.tolerance == 1e-9)
    }

    @Test(arguments: accountNames)
    func reachGraphCutVerticesAndBridgesAgreeWithNetworkX(name: String) throws {
        let expected = try #require(Self.reference?.accounts[name])
        let reach = ReachGraph(try Self.analysis(name))
        #expect(reach.graph.nodeCount == expected.nodes)
        #expect(reach.graph.edges.count == expected.edges)
        let points = reach.graph.articulationPoints().map { reach.nodes[$0].description }.sorted()
        #expect(points == expected.articulation_points)
        let bridges = reach.graph.bridges().map { e in
            [reach.nodes[reach.graph.edges[e].a].description, reach.nodes[reach.graph.edges[e].b].description].sorted()
        }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(bridges == expected.bridges)
    }

    @Test(arguments: accountNames)
    func introductionRouteStrengthsAgreeWithNetworkXDijkstra(name: String) throws {
        let expected = try #require(Self.reference?.accounts[name])
        let tolerance = try #require(Self.reference?.tolerance)
        let a = try Self.analysis(name)
        let routes = IntroductionRoutes(a, contacts: a.contacts, planned: [:])
        let k = routes.memberIds.count
        #expect(Set(routes.digraph.arcs.map { [$0.from, $0.to] }).count == expected.arcs)
        for (source, strengths) in expected.strongest {
            let sources =
                source == "team"
                ? Array(0..<k) : routes.memberIds.indices.filter { "member:\(routes.memberIds[$0])" == source }
            let paths = routes.digraph.strongestPaths(from: sources)
            for (i, id) in a.graph.ids.enumerated() {
                let want = strengths["person:\(id)"] ?? 0
                let got = paths.strength[k + i]
                #expect(Self.close(got, want, tolerance), "\(name) \(source) -> \(id): \(got) vs networkx \(want)")
                if let route = paths.route(to: k + i), got > 0 {
                    let product = route.reduce(1.0) { $0 * $1.strength }
                    #expect(Self.close(product, got, 1e-12), "\(name) \(id): route product \(product) vs \(got)")
                }
            }
        }
    }

    @Test(arguments: undirectedNames)
    func plainGraphCutVerticesAndBridgesAgreeWithNetworkX(name: String) throws {
        let g = try #require(Self.plain.first { $0.name == name })
        let expected = try #require(Self.reference?.graphs[name])
        let graph = UndirectedGraph(
            nodeCount: g.n, edges: (g.edges ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
        #expect(graph.edges.count == expected.edges)
        #expect(graph.articulationPoints() == expected.articulation_points)
        #expect(graph.bridges().map { [graph.edges[$0].a, graph.edges[$0].b] } == expected.bridges)
    }

    @Test(arguments: directedNames)
    func plainGraphStrongestPathsAgreeWithNetworkXDijkstra(name: String) throws {
        let g = try #require(Self.plain.first { $0.name == name })
        let expected = try #require(Self.reference?.graphs[name]?.strength)
        let tolerance = try #require(Self.reference?.tolerance)
        let arcs = (g.arcs ?? []).compactMap { a in
            a.count == 3 ? WeightedDigraph.Arc(from: Int(a[0]), to: Int(a[1]), strength: a[2]) : nil
        }
        let paths = WeightedDigraph(nodeCount: g.n, arcs: arcs).strongestPaths(from: g.sources ?? [])
        #expect(paths.strength.count == expected.count)
        for (v, want) in expected.enumerated() {
            #expect(
                Self.close(paths.strength[v], want, tolerance),
                "\(name) node \(v): \(paths.strength[v]) vs networkx \(want)")
        }
    }
}
