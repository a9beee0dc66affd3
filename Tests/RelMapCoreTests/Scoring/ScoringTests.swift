import Foundation
import Testing
@testable import RelMapCore

/// The worked example of docs/scoring.md: three people, every number derived by hand there.
struct ScoringTests {
    let analysis = Analyzer.analyze(loadTiny())

    func person(_ id: String) -> PersonAnalysis { analysis.person(id)! }

    @Test func ownWeightsFollowJudgmentRoleAndLevel() {
        let w = Influence.ownWeights(account: analysis.account, graph: analysis.graph, parameters: analysis.parameters)
        // zhao: 5/3 × 3.0 / √1; xu: 2/3 × 1.5 / √2 (level 2 from reports_to); qian: 4/3 × 2.0 / √2.
        #expect(abs(w[0] - 5.0) < 1e-12)
        #expect(abs(w[1] - 1 / 2.0.squareRoot()) < 1e-12)
        #expect(abs(w[2] - 8 / 3 / 2.0.squareRoot()) < 1e-12)
    }

    @Test func influenceMatchesTheClosedForm() {
        // x_zhao = p_zhao / (1 + 0.85 p_zhao) because zhao shares in nobody and xu and qian
        // are dangling; docs/scoring.md derives xu = 80.93 and qian = 55.93.
        #expect(abs(person("zhao").rank - 0.42220013191821676) < 1e-12)
        #expect(abs(person("xu").rank - 0.3416774890762543) < 1e-12)
        #expect(abs(person("qian").rank - 0.23612237900552902) < 1e-12)
        #expect(person("zhao").influence == 100)
        #expect(abs(person("xu").influence - 80.92784990944524) < 1e-9)
        #expect(abs(person("qian").influence - 55.92664737756824) < 1e-9)
        #expect(analysis.ranked.map(\.person.id) == ["zhao", "xu", "qian"])
    }

    @Test func explanationPartsAddUpToTheScore() {
        let parts = Influence.explain(
            1, scores: analysis.people.map(\.rank), personalization: analysis.personalization,
            graph: analysis.graph, parameters: analysis.parameters,
            scale: 100 / person("zhao").rank)
        // Own part: 10√2; via zhao: 0.85 × (0.8 + 0.3) / (0.8 + 0.3 + 0.3) × 100.
        #expect(abs(parts.own - 10 * 2.0.squareRoot()) < 1e-9)
        #expect(parts.via.count == 1)
        #expect(abs(parts.via[0].part - 85 * 1.1 / 1.4) < 1e-9)
        #expect(abs(parts.own + parts.via[0].part - person("xu").influence) < 1e-9)
    }

    @Test func explainTextNamesEachPart() {
        #expect(
            AnalysisTables.explanation(analysis, id: "xu") == """
                许秘书 (xu): influence 80.9, rank 2 of 3
                  own weight     14.1   (judgment 2/5, role influencer, level 2)
                  via 赵总 (zhao): 66.8   (influences + reports to, weight 1.10)
                  sum            80.9
                  reach          0.90   via 王磊 -> 许秘书 (strong, today)
                """)
    }

    @Test func reachFadesWithTimeAndIsCarriedBySupporters() {
        // xu: strong 0.9, met on as_of; qian: medium 0.6, 90 days = one half-life;
        // zhao: nobody met him, but supporter xu influences him: 0.9 × 0.5 × 0.8.
        #expect(abs(person("xu").reach - 0.9) < 1e-12)
        #expect(abs(person("qian").reach - 0.3) < 1e-12)
        #expect(abs(person("zhao").reach - 0.36) < 1e-12)
        #expect(person("zhao").route?.steps.map(\.to) == ["xu", "zhao"])
        #expect(person("zhao").route?.member == "wang")
    }

    @Test func sharesAreInfluenceWeighted() {
        let total = 100 + 80.92784990944524 + 55.92664737756824
        let coverage = 100 * (100 * 0.36 + 80.92784990944524 * 0.9 + 55.92664737756824 * 0.3) / total
        #expect(abs(analysis.shares.coverage - coverage) < 1e-9)
        #expect(abs(analysis.shares.coverage - 53.03385013608456) < 1e-9)
        #expect(abs(analysis.shares.support - 17.083874453812715) < 1e-9)
        #expect(abs(analysis.shares.opposition - 11.806118950276451) < 1e-9)
        #expect(analysis.shares.unknown == 0)
    }

    @Test func departmentsAreRankedByInfluenceShare() {
        #expect(analysis.departments.map(\.name) == ["总经办", "设备部"])
        #expect(analysis.departments.map(\.people) == [2, 1])
        #expect(analysis.departments.map(\.contacted) == [1, 1])
        #expect(abs(analysis.departments[1].shares.opposition - 50) < 1e-9)
    }

    @Test func interactionsRefreshContactsAndImplyWeakOnes() throws {
        var account = loadTiny()
        account.interactions = [
            Interaction(date: Day(iso: "2026-11-01")!, member: "wang", people: ["qian", "zhao"])
        ]
        let a = Analyzer.analyze(account)
        // qian's contact is refreshed to as_of: medium 0.6 unfaded; zhao gets an implied weak 0.3,
        // below the 0.36 route through xu, so the route stays.
        #expect(abs(a.person("qian")!.reach - 0.6) < 1e-12)
        #expect(abs(a.person("zhao")!.reach - 0.36) < 1e-12)
        #expect(a.contacts.map(\.person) == ["xu", "qian", "zhao"])
        #expect(a.contacts.last?.implied == true)
    }

    @Test func undatedContactCountsAsOneHalfLifeOld() {
        var account = loadTiny()
        account.contacts[1].last = nil
        #expect(abs(Analyzer.analyze(account).person("qian")!.reach - 0.3) < 1e-12)
    }

    @Test func theSameInputGivesByteIdenticalJSON() throws {
        let a = try AnalysisDocument([Analyzer.analyze(loadTiny())]).encoded()
        let b = try AnalysisDocument([Analyzer.analyze(loadTiny())]).encoded()
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("\"schema\" : \"relmap.analysis/1\""))
    }
}
