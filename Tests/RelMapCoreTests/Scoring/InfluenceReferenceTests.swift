import Foundation
import Testing
@testable import RelMapCore

/// Compares relmap's influence scores with NetworkX's `pagerank` on the same weighted
/// graph with the same personalization, as computed by scripts/influence_reference.py
/// (CI re-runs the script first, so the reference cannot drift from the model).
struct InfluenceReferenceTests {
    struct Expected: Decodable {
        let pagerank: [String: Double]
        let influence: [String: Double]
    }

    struct Reference: Decodable {
        let tolerance: Double
        let accounts: [String: Expected]
    }

    static let reference: Reference? = {
        guard let data = FileManager.default.contents(atPath: Repo.fixture("influence-reference.json")) else {
            return nil
        }
        return try? JSONDecoder().decode(Reference.self, from: data)
    }()

    static let names: [String] = reference.map { $0.accounts.keys.sorted() } ?? []

    @Test func theReferenceCoversEverySampleAndGeneratedGraphs() throws {
        let reference = try #require(Self.reference)
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repo.path("graphs")).filter {
            $0.hasSuffix(".yaml")
        }
        #expect(samples.count >= 5)
        for sample in samples { #expect(reference.accounts["graphs/\(sample)"] != nil, "\(sample)") }
        #expect(reference.accounts.keys.filter { $0.hasPrefix("generated/") }.count >= 5)
        #expect(reference.tolerance == 1e-9)
    }

    @Test(arguments: names)
    func influenceAgreesWithNetworkXPagerank(name: String) throws {
        let expected = try #require(Self.reference?.accounts[name])
        let path = name.hasPrefix("graphs/") ? Repo.path(name) : Repo.fixture(name)
        let file = AccountLoader.load(file: path, options: testOptions())
        let account = try #require(file.account, "\(findings(file, .error))")
        let analysis = Analyzer.analyze(account)
        #expect(analysis.people.count == expected.pagerank.count)
        for p in analysis.people {
            let id = p.person.id
            let rank = try #require(expected.pagerank[id])
            let influence = try #require(expected.influence[id])
            #expect(abs(p.rank - rank) <= 1e-9, "\(name) \(id) pagerank \(p.rank) vs networkx \(rank)")
            #expect(
                abs(p.influence - influence) <= 1e-9, "\(name) \(id) influence \(p.influence) vs networkx \(influence)")
        }
    }
}
