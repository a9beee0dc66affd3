import RelMapSynthetic
import Testing
@testable import RelMapCore

/// Properties of the visit plan that hold for every account, on the same seeded random
/// accounts as PropertyTests, each with a random set of people and members excluded.
struct PlanPropertyTests {
    @Test(
        "a plan never visits an excluded person nor sends an excluded member, and never lowers coverage (300 random accounts)"
    )
    func planRespectsExclusionsAndOnlyGains() throws {
        var visitsSeen = 0
        for seed in PropertyTests.seeds {
            let account = PropertyTests.randomAccount(seed)
            var rng = SplitMix64(seed: seed &+ 17)
            let people = account.people.map(\.id).filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }
            var members = account.team.map(\.id).filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }
            if members.count == account.team.count { members.removeLast() }
            let analysis = Analyzer.analyze(account)
            let plan = try VisitPlanner.plan(analysis, request: PlanRequest(visits: 6, excluded: people + members))
            let excluded = Set(people + members)
            visitsSeen += plan.visits.count
            #expect(
                plan.visits.allSatisfy { !excluded.contains($0.person) && !excluded.contains($0.member) },
                "seed \(seed)")
            #expect(Set(plan.visits.map(\.person)).count == plan.visits.count, "seed \(seed): nobody is visited twice")
            #expect(plan.visits.allSatisfy { $0.reachAfter >= $0.reachBefore }, "seed \(seed)")
            #expect(plan.after.coverage >= plan.before.coverage - 1e-9, "seed \(seed)")
            #expect(plan.visits.map(\.number) == Array(1..<(plan.visits.count + 1)), "seed \(seed)")
        }
        // The property must have had visits to check, not only empty plans.
        #expect(visitsSeen > 500)
    }
}
