import Foundation
import Testing
@testable import RelMapCore

/// The plan and what-if outputs: versioned JSON documents, CSV and tables.
struct PlanOutputTests {
    static func northSteel() throws -> Account {
        try #require(AccountLoader.load(file: Repo.path("graphs/north-steel.yaml"), options: testOptions()).account)
    }

    @Test func planJSONCarriesTheSchemaVisitsAndRoutesAndIsTheSameBytesEveryTime() throws {
        let plan = try VisitPlanner.plan(Analyzer.analyze(try Self.northSteel()))
        let data = try PlanDocument([plan]).encoded()
        #expect(try data == PlanDocument([VisitPlanner.plan(Analyzer.analyze(try Self.northSteel()))]).encoded())
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "relmap.plan/1")
        let account = try #require((json["accounts"] as? [[String: Any]])?.first)
        let visits = try #require(account["visits"] as? [[String: Any]])
        #expect(visits.count == 5)
        #expect(visits.first?["person"] as? String == "zhao")
        #expect(visits.first?["reasons"] as? [String] == ["top-decision-maker-never-met", "key-person-not-reached"])
        let cold = try #require(visits.first?["cold_approach"] as? [String: Any])
        #expect(cold["kind"] as? String == "colleague")
        #expect(cold["person"] as? String == "ma-zr")
        #expect((account["after"] as? [String: Any])?["coverage"] is Double)
    }

    @Test func planJSONListsEveryStepOfAWarmRoute() throws {
        let file = load(PlanTests.introduction)
        let plan = try VisitPlanner.plan(Analyzer.analyze(try #require(file.account)), request: PlanRequest(visits: 1))
        let json = try #require(
            try JSONSerialization.jsonObject(with: PlanDocument([plan]).encoded()) as? [String: Any])
        let visit = try #require(((json["accounts"] as? [[String: Any]])?.first?["visits"] as? [[String: Any]])?.first)
        let route = try #require(visit["route"] as? [[String: Any]])
        #expect(route.map { $0["kind"] as? String } == ["contact", "ally", "influences"])
        #expect(route.map { $0["to"] as? String } == ["qian", "sun", "zheng"])
        #expect(route.first?["days_ago"] as? Int == 12)
        #expect(
            visit["route_text"] as? String
                == PlanText.way(plan.visits[0], names: AnalysisTables.names(in: plan.analysis)))
    }

    @Test func planTablesShowWhoWhyGainsWhoGoesAndTheWayIn() throws {
        let plan = try VisitPlanner.plan(Analyzer.analyze(try Self.northSteel()))
        let table = PlanTables.visits(plan)
        #expect(
            table.columns.map(\.header) == [
                "#", "visit", "why", "coverage", "support", "who goes", "why them", "warmest route in",
            ])
        #expect(
            table.rows.first == [
                "1", "赵建国 (总经理)", "top decision-maker, never met; key person nobody reaches",
                "+4.1", "+4.1", "刘振华", "刘振华, executive sponsor: peer of 总经理",
                "no warm route: cold approach via 马文静 (who influences them), whom 王磊 knows",
            ])
        #expect(PlanText.summary(plan).hasPrefix("coverage 21.2 -> "))
        #expect(PlanTables.csv([plan]).rows.count == 5)
    }

    @Test func theReportGetsEachVisitWithNamesGainsAndTheWayIn() throws {
        let plan = try VisitPlanner.plan(Analyzer.analyze(try Self.northSteel()))
        let visits = PlanAdapters.reportVisits(plan)
        #expect(visits.count == plan.visits.count)
        #expect(visits.first?.person == "赵建国")
        #expect(visits.first?.member == "刘振华")
        #expect(visits.first?.coverageGain == plan.visits.first?.gain.coverage)
        #expect(visits.first?.route.hasPrefix("no warm route: cold approach via 马文静") == true)
    }

    @Test func anEmptyPlanSaysWhy() throws {
        let a = Analyzer.analyze(try Self.northSteel())
        #expect(
            PlanTables.emptyNote(try VisitPlanner.plan(a, request: PlanRequest(visits: 0))) == "no visits asked for")
        let nobody = try VisitPlanner.plan(a, request: PlanRequest(excluded: ["wang", "chen-se", "liu-vp", "he-fae"]))
        #expect(nobody.visits.isEmpty)
        #expect(PlanTables.emptyNote(nobody) == "nobody on our team to send")
    }

    @Test func whatIfJSONCarriesTheSchemaBothSidesAndTheGapChanges() throws {
        let c = try WhatIfComparison.compare(
            try Self.northSteel(), changes: [.leave("qiao"), .stance(person: "qian", stance: .supporter)])
        let data = try WhatIfDocument(c).encoded()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "relmap.whatif/1")
        #expect((json["changes"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["person-leaves", "stance"])
        #expect(((json["before"] as? [String: Any])?["shares"] as? [String: Any])?["coverage"] is Double)
        #expect(
            (json["gaps_closed"] as? [[String: Any]])?.contains { $0["key"] as? String == "influential-opponent:qian" }
                == true)
        #expect(
            try data
                == WhatIfDocument(
                    WhatIfComparison.compare(
                        try Self.northSteel(),
                        changes: [.leave("qiao"), .stance(person: "qian", stance: .supporter)])
                ).encoded())
    }

    @Test func whatIfTablesPutBeforeAndAfterSideBySide() throws {
        let c = try WhatIfComparison.compare(
            try Self.northSteel(), changes: [.contact(member: "wang", person: "zheng", strength: .medium)])
        let scores = WhatIfTables.scores(c)
        #expect(scores.columns.map(\.header) == ["measure", "before", "after", "change"])
        #expect(scores.rows.first?[0] == "coverage")
        #expect(scores.rows.first?[1] == "21.2")
        #expect(WhatIfTables.changes(c) == "what if: 王磊 meets 郑丽华 (medium contact, dated 2026-11-01)")
        #expect(WhatIfTables.gaps(c).rows.contains { $0[0] == "closed" && $0[2] == "department with no contact" })
        #expect(
            WhatIfTables.csv(c).rows.contains {
                $0[1] == "reach" && $0[2] == "zheng" && $0[3] == "0.00" && $0[4] == "0.60"
            })
    }
}
