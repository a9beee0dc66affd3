import Foundation
import RelMapSynthetic
import Testing
@testable import RelMapCore

/// Properties that hold for every account, checked on seeded random accounts of many
/// sizes and shapes (RelMapSynthetic). Each test states its case count.
struct PropertyTests {
    static let seeds: [UInt64] = Array(1...300)

    static func randomAccount(_ seed: UInt64) -> Account {
        var rng = SplitMix64(seed: seed &* 7919)
        let people = Int.random(in: 1...80, using: &rng)
        return SyntheticAccount(
            seed: seed, people: people, ties: Int.random(in: 0...(people * 3), using: &rng),
            team: Int.random(in: 1...5, using: &rng),
            contactShare: Double(Int.random(in: 0...100, using: &rng)) / 100
        ).make()
    }

    @Test("scores stay within their documented bounds (300 random accounts)")
    func scoresStayWithinBounds() {
        for seed in Self.seeds {
            let a = Analyzer.analyze(Self.randomAccount(seed))
            #expect(abs(a.people.reduce(0) { $0 + $1.rank } - 1) < 1e-9, "seed \(seed): PageRank sums to 1")
            #expect(
                a.people.allSatisfy { (0...100).contains($0.influence) && (0...1).contains($0.reach) }, "seed \(seed)")
            #expect(a.people.contains { $0.influence == 100 }, "seed \(seed): the most influential person is 100")
            for s in [a.shares] + a.departments.map(\.shares) {
                #expect(
                    [s.coverage, s.support, s.opposition, s.unknown].allSatisfy { (0...100 + 1e-9).contains($0) },
                    "seed \(seed)")
                #expect(s.support + s.opposition + s.unknown <= 100 + 1e-9, "seed \(seed)")
            }
            #expect(Set(a.people.map(\.position)) == Set(1...max(1, a.people.count)), "seed \(seed): ranks are 1...n")
            #expect(abs(a.departments.reduce(0) { $0 + $1.influenceShare } - 100) < 1e-6, "seed \(seed)")
        }
    }

    @Test("every explanation adds up to its score (300 random accounts, every person)")
    func explanationsAddUp() {
        for seed in Self.seeds {
            let a = Analyzer.analyze(Self.randomAccount(seed))
            let top = a.people.map(\.rank).max() ?? 1
            for i in a.people.indices {
                let parts = Influence.explain(
                    i, scores: a.people.map(\.rank), personalization: a.personalization,
                    graph: a.graph, parameters: a.parameters, scale: 100 / top)
                let sum = parts.own + parts.via.reduce(0) { $0 + $1.part }
                #expect(abs(sum - a.people[i].influence) < 1e-8, "seed \(seed) person \(i)")
            }
        }
    }

    @Test("adding a contact never lowers reach or coverage (300 random accounts)")
    func addingAContactNeverLowersCoverage() {
        for seed in Self.seeds {
            var account = Self.randomAccount(seed)
            let before = Analyzer.analyze(account)
            var rng = SplitMix64(seed: seed)
            let person = account.people[Int.random(in: 0..<account.people.count, using: &rng)].id
            let member = account.team[Int.random(in: 0..<account.team.count, using: &rng)].id
            account.contacts.removeAll { $0.member == member && $0.person == person }
            let existing = before.contacts.first { $0.member == member && $0.person == person }
            let strength = max(existing?.current ?? 0, 0.05)
            account.contacts.append(
                Contact(member: member, person: person, strength: .value(min(1, strength + 0.1)), last: account.asOf))
            let after = Analyzer.analyze(account)
            #expect(after.shares.coverage >= before.shares.coverage - 1e-12, "seed \(seed)")
            #expect(zip(before.people, after.people).allSatisfy { $1.reach >= $0.reach - 1e-12 }, "seed \(seed)")
            #expect(
                zip(before.people, after.people).allSatisfy { $0.influence == $1.influence },
                "seed \(seed): contacts do not change influence")
        }
    }

    /// Single threads are read from dominator trees of the directed reach graph; taking
    /// each member, person, contact and tie away in turn and recomputing everyone's reach
    /// from scratch must lose exactly the people the risk names, and no point left out
    /// may lose anyone.
    @Test("single threads agree with removing each point and recomputing reach (300 random accounts)")
    func singleThreadsAgreeWithRemovingEachPoint() {
        var pointsThatLoseSomeone = 0
        for seed in Self.seeds {
            // Up to 40 people: each of the account's points costs a full recomputation.
            var rng = SplitMix64(seed: seed &* 104_729)
            let people = Int.random(in: 2...40, using: &rng)
            let a = Analyzer.analyze(
                SyntheticAccount(
                    seed: seed, people: people, ties: Int.random(in: 0...(people * 3), using: &rng),
                    team: Int.random(in: 1...4, using: &rng),
                    contactShare: Double(Int.random(in: 5...80, using: &rng)) / 100
                ).make())
            let risks = Dictionary(
                SingleThread.risks(in: a).map { ($0.point.key, Set($0.lost)) }, uniquingKeysWith: { x, _ in x })
            var points: [SingleThreadRisk.Point] =
                a.account.team.map { .member($0.id) } + a.account.people.map { .person($0.id) }
            points += Set(a.contacts.filter { $0.current > 0 }.map { "\($0.member)>\($0.person)" }).sorted().map {
                key in
                let parts = key.split(separator: ">").map(String.init)
                return .contact(member: parts[0], person: parts[1])
            }
            points += Set(
                a.account.relations.filter { $0.type != .rival && $0.from != $0.to }.map {
                    [min($0.from, $0.to), max($0.from, $0.to)]
                }
            )
            .sorted { $0.lexicographicallyPrecedes($1) }.map { .tie(from: $0[0], to: $0[1], type: .ally) }
            for point in points {
                let after = SingleThread.reachWithout(point, in: a)
                let lost = Set(
                    a.people.indices.filter { i in
                        a.people[i].reach > 0 && after[i] == 0 && point != .person(a.people[i].person.id)
                    }.map { a.people[$0].person.id })
                #expect(risks[point.key, default: []] == lost, "seed \(seed) \(point.key)")
                if !lost.isEmpty { pointsThatLoseSomeone += 1 }
            }
            #expect(risks.keys.allSatisfy { key in points.contains { $0.key == key } }, "seed \(seed)")
        }
        // Not a vacuous check: many points do cut people off.
        #expect(pointsThatLoseSomeone >= 1000)
    }

    @Test("the same account gives byte-identical JSON (100 random accounts)")
    func analysisIsDeterministic() throws {
        for seed in Self.seeds.prefix(100) {
            let account = Self.randomAccount(seed)
            #expect(
                try AnalysisDocument([Analyzer.analyze(account)]).encoded()
                    == AnalysisDocument([Analyzer.analyze(account)]).encoded())
        }
    }

    @Test("the library can be used from many tasks at once with the same results")
    func concurrentAnalysesAgreeWithSerialOnes() async throws {
        let accounts = (1...16).map { Self.randomAccount(UInt64($0)) }
        let serial = try accounts.map { try AnalysisDocument([Analyzer.analyze($0)]).encoded() }
        let parallel = await withTaskGroup(of: (Int, Data?).self) { group in
            for round in 0..<4 {
                for (i, account) in accounts.enumerated() {
                    group.addTask {
                        let text = try? String(contentsOfFile: Repo.fixture("tiny.yaml"), encoding: .utf8)
                        _ = AccountLoader.load(
                            data: Data((text ?? "").utf8), path: "tiny-\(round).yaml", options: testOptions())
                        return (i, try? AnalysisDocument([Analyzer.analyze(account)]).encoded())
                    }
                }
            }
            var results: [(Int, Data?)] = []
            for await r in group { results.append(r) }
            return results
        }
        #expect(parallel.count == 64)
        #expect(parallel.allSatisfy { serial[$0.0] == $0.1 })
    }
}
