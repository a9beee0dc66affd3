import Foundation
import Testing
@testable import RelMapCore

/// How the visit plan chooses, who it sends, and how it shows the way in (docs/plan.md).
struct PlanTests {
    static func analysis(_ text: String) throws -> AccountAnalysis {
        let file = load(text)
        return Analyzer.analyze(try #require(file.account, "\(findings(file, .error))"))
    }

    static func sample(_ name: String) throws -> AccountAnalysis {
        Analyzer.analyze(
            try #require(AccountLoader.load(file: Repo.path("graphs/\(name).yaml"), options: testOptions()).account))
    }

    /// The example: 周明 knows 钱生产, whose ally 孙工 influences 郑研.
    static let introduction = """
        relmap: 1
        account: {id: intro, name: 东方制药, as_of: 2026-11-01}
        team:
          - {id: zhou, name: 周明}
          - {id: wu, name: 吴芳}
        people:
          - {id: zheng, name: 郑研, title: 研发总监, department: 研发部, roles: [decision-maker], stance: unknown, influence: 5}
          - {id: qian, name: 钱生产, title: 生产经理, department: 生产部, reports_to: zheng, stance: supporter, influence: 2}
          - {id: sun, name: 孙工, title: 工艺工程师, department: 研发部, reports_to: zheng, stance: supporter, influence: 2}
          - {id: li, name: 李会计, title: 会计, department: 财务部, reports_to: zheng, stance: neutral, influence: 1}
        relations:
          - {from: qian, to: sun, type: ally, strength: 0.9}
          - {from: sun, to: zheng, type: influences, strength: 0.8}
        contacts:
          - {member: zhou, person: qian, strength: strong, last: 2026-10-20}
          - {member: wu, person: li, strength: weak, last: 2026-10-30}
        """

    @Test func theWarmestRouteIsShownAsAPathWithItsStrength() throws {
        let a = try Self.analysis(Self.introduction)
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 1))
        let visit = try #require(plan.visits.first)
        #expect(visit.person == "zheng")
        #expect(visit.member == "zhou")
        #expect(visit.memberReasons == [.routeStartsHere])
        let names = AnalysisTables.names(in: a)
        // 0.9 × 0.5^(12/90) × (0.5 × 0.9) × (0.5 × 0.8)
        let strength = 0.9 * pow(0.5, 12.0 / 90) * 0.45 * 0.4
        #expect(abs((visit.route?.strength ?? 0) - strength) < 1e-12)
        #expect(
            PlanText.way(visit, names: names)
                == "周明 -> 钱生产 (strong, 12 days ago) -> 孙工 (ally) -> 郑研 (influences); strength \(Formatting.unit(strength))"
        )
        #expect(visit.reasons.first == .topDecisionMakerNeverMet)
    }

    @Test func aPersonNoWarmRouteLeadsToGetsAColdApproachThroughTheNearestColleagueWeKnow() throws {
        let a = try Self.analysis(Self.introduction)
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 4, excluded: ["zheng"]))
        let li = try #require(plan.visits.first { $0.person == "li" })
        #expect(li.route != nil)
        let cold = try Self.analysis(
            Self.introduction.replacingOccurrences(
                of: "  - {member: wu, person: li, strength: weak, last: 2026-10-30}", with: ""))
        let coldPlan = try VisitPlanner.plan(cold, request: PlanRequest(visits: 4, excluded: ["zheng"]))
        let visit = try #require(coldPlan.visits.first { $0.person == "li" })
        #expect(visit.route == nil)
        #expect(
            PlanText.way(visit, names: AnalysisTables.names(in: cold))
                == "no warm route: cold approach via 钱生产 (a colleague under the same manager), whom 周明 knows")
        #expect(visit.member == "zhou")
    }

    @Test func nobodyNearMeansAFormalRequestToTheDepartment() throws {
        let a = try Self.analysis(
            account(
                people: """
                      - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}
                      - {id: qian, name: Qian, department: Finance, stance: unknown}
                    """, rest: "contacts:\n  - {member: wang, person: zhao, strength: strong, last: 2026-10-30}"))
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 1))
        let visit = try #require(plan.visits.first)
        #expect(visit.person == "qian")
        #expect(visit.coldApproach == .formalRequest(department: "Finance"))
        #expect(
            PlanText.way(visit, names: AnalysisTables.names(in: a))
                == "no warm route: cold approach via a formal request to Finance")
    }

    @Test func aVisitIsAssumedToHappenSoTheNextOneIsNotBehindTheSameDoor() throws {
        // 乔 carries our reach to 甲, 乙 and 丙; 丁 stands alone with the same weight.
        let a = try Self.analysis(
            account(
                people: """
                      - {id: boss, name: Boss, department: Office, roles: [decision-maker], stance: neutral}
                      - {id: qiao, name: 乔, department: IT, reports_to: boss, stance: champion, influence: 3}
                      - {id: a, name: 甲, department: IT, reports_to: qiao, stance: supporter, influence: 3}
                      - {id: b, name: 乙, department: IT, reports_to: qiao, stance: supporter, influence: 3}
                      - {id: c, name: 丙, department: IT, reports_to: qiao, stance: supporter, influence: 3}
                      - {id: d, name: 丁, department: Sales, reports_to: boss, stance: supporter, influence: 3}
                    """,
                rest: """
                    relations:
                      - {from: qiao, to: a, type: ally}
                      - {from: qiao, to: b, type: ally}
                      - {from: qiao, to: c, type: ally}
                    contacts:
                      - {member: wang, person: boss, strength: strong, last: 2026-10-30}
                    """))
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 2))
        #expect(plan.visits.map(\.person) == ["qiao", "d"])
        #expect(plan.visits.first?.reasons.contains(.opensRoute(people: 3)) == true)
    }

    @Test func equalGainsGoToTheMoreInfluentialPersonThenTheSmallerId() throws {
        let a = try Self.analysis(
            account(
                people: """
                      - {id: boss, name: Boss, department: Office, roles: [decision-maker], stance: neutral}
                      - {id: b2, name: B2, department: IT, reports_to: boss, stance: neutral, influence: 3}
                      - {id: b1, name: B1, department: IT, reports_to: boss, stance: neutral, influence: 3}
                    """, rest: "contacts:\n  - {member: wang, person: boss, strength: strong, last: 2026-10-30}"))
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 2))
        #expect(plan.visits.map(\.person) == ["b1", "b2"])
    }

    @Test func thePlanStopsWhenNoVisitGainsAnything() throws {
        let a = try Self.analysis(
            account(
                people: "  - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}\n",
                rest: "contacts:\n  - {member: wang, person: zhao, strength: strong, last: 2026-11-01}"))
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 3))
        #expect(plan.visits.isEmpty)
        #expect(PlanTables.emptyNote(plan) == "no visit would raise coverage or support reach")
    }

    @Test func refreshingAStrongContactKeepsItStrongAndSendsTheMemberWhoHasIt() throws {
        let a = try Self.analysis(
            account(
                team: "  - {id: wang, name: Wang}\n  - {id: chen, name: Chen}",
                people: """
                      - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}
                    """, rest: "contacts:\n  - {member: chen, person: zhao, strength: strong, last: 2026-01-01}"))
        let visit = try #require(try VisitPlanner.plan(a, request: PlanRequest(visits: 1)).visits.first)
        // Chen, who has the contact, goes; with Wang, so that Chen is not our only thread
        // to the whole account (docs/plan.md, "Who goes").
        #expect(visit.member == "wang" && visit.companion == "chen")
        #expect(visit.companionReasons == [.knowsPerson(strength: .strong, daysAgo: 304)])
        #expect(visit.strength == .strong)
        #expect(visit.reachAfter == 0.9)
        #expect(visit.reasons.contains(.staleContact(member: "chen", daysAgo: 304)))
    }

    @Test func memberAndExcludeLimitWhoGoesAndWhoIsVisited() throws {
        let a = try Self.sample("north-steel")
        let only = try VisitPlanner.plan(a, request: PlanRequest(visits: 4, member: "chen-se"))
        #expect(only.visits.count == 4)
        #expect(only.visits.allSatisfy { $0.member == "chen-se" })
        let without = try VisitPlanner.plan(a, request: PlanRequest(visits: 5, excluded: ["zhao", "wang", "yang"]))
        #expect(!without.visits.contains { ["zhao", "yang"].contains($0.person) })
        #expect(!without.visits.contains { $0.member == "wang" })
    }

    @Test func anUnknownIdIsAnErrorWithTheNearestId() throws {
        let a = try Self.sample("north-steel")
        #expect(throws: PlanningError.unknownId("zhoa", in: .excluded, suggestion: "zhao")) {
            try VisitPlanner.plan(a, request: PlanRequest(excluded: ["zhoa"]))
        }
        #expect(throws: PlanningError.notATeamMember("zhao", in: .member)) {
            try VisitPlanner.plan(a, request: PlanRequest(member: "zhao"))
        }
        #expect(throws: PlanningError.unknownId("wnag", in: .member, suggestion: "wang")) {
            try VisitPlanner.plan(a, request: PlanRequest(member: "wnag"))
        }
        #expect(
            PlanningError.unknownId("zhoa", in: .excluded, suggestion: "zhao").description
                == "no person or team member with id 'zhoa'; did you mean 'zhao'?")
    }

    @Test func theTopDecisionMakerNeverMetIsVisitedFirstInNorthSteel() throws {
        let plan = try VisitPlanner.plan(try Self.sample("north-steel"))
        let first = try #require(plan.visits.first)
        #expect(first.person == "zhao")
        #expect(first.reasons.first == .topDecisionMakerNeverMet)
        #expect(plan.visits.count == 5)
        #expect(plan.visits.contains { v in v.reasons.contains(.departmentNotContacted("财务部")) })
    }

    @Test func theFirstContactInADepartmentFollowsTheGapRuleForSilentDepartments() throws {
        // 生产部 holds no buying role but a large share of the influence: the gaps name it
        // (GapKindTests), so the plan's reason must name it too.
        let a = Analyzer.analyze(
            try #require(
                AccountLoader.load(
                    file: Repo.fixture("gaps/department-silent.yaml"), options: testOptions()
                ).account))
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 3))
        let gao = try #require(plan.visits.first { $0.person == "gao" })
        #expect(gao.reasons.contains(.departmentNotContacted("生产部")))
    }

    @Test func withoutTheMeetingBonusThePlanWouldWarmUpTheSecretaryInstead() throws {
        var parameters = PlanParameters()
        parameters.meetingBonus = 0
        let plan = try VisitPlanner.plan(try Self.sample("north-steel"), parameters: parameters)
        #expect(plan.visits.first?.person == "xu-ms")
    }

    @Test func thePlannersReachAfterEachVisitIsWhatReachRoutesComputesFromScratch() throws {
        for name in ["north-steel", "harbor-retail", "jiangnan-hospital"] {
            let a = try Self.sample(name)
            let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 6))
            let objective = PlanGreedyTests.objective(a, visiting: plan.visits.compactMap { a.graph.index[$0.person] })
            #expect(abs(plan.after.objective(plan.parameters) - objective) < 1e-9, "\(name)")
            // Gains add up to the total.
            let sum = plan.visits.reduce(0.0) { $0 + $1.gain.objective(plan.parameters) }
            #expect(abs(sum - (plan.after.objective(plan.parameters) - plan.before.objective(plan.parameters))) < 1e-9)
        }
    }

    @Test func everySamplePlansTheSameVisitsEveryTime() throws {
        for name in [
            "beibei-maternity", "delta-logistics", "harbor-retail", "huaxin-beverage", "jiangnan-hospital",
            "north-steel",
        ] {
            let a = try Self.sample(name)
            let one = try VisitPlanner.plan(a), two = try VisitPlanner.plan(a)
            #expect(one.visits == two.visits, "\(name)")
            #expect(one.visits.count == 5, "\(name)")
            #expect(Set(one.visits.map(\.person)).count == one.visits.count, "\(name)")
        }
    }
}
