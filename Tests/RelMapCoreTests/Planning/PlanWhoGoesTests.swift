import Foundation
import Testing
@testable import RelMapCore
import RelMapSynthetic

/// Who goes on each visit, the cold approach through an influencer, capacity and the
/// stop on filler visits (docs/plan.md, "Who goes").
struct PlanWhoGoesTests {
    /// Everyone who goes on a visit: the lead, then the companion.
    static func goers(_ v: PlannedVisit) -> [String] { [v.member] + (v.companion.map { [$0] } ?? []) }

    @Test func northSteelSendsTheExecutiveSponsorToTheNeverMetGeneralManager() throws {
        let a = try PlanTests.sample("north-steel")
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 1))
        let visit = try #require(plan.visits.first)
        #expect(visit.person == "zhao")
        #expect(visit.member == "liu-vp")
        #expect(
            PlanText.whyThem(visit, in: a, names: AnalysisTables.names(in: a)) == "刘振华, executive sponsor: peer of 总经理")
    }

    /// The IT director: a technical buyer and blocker nobody has met.
    static let itDirector = """
        relmap: 1
        account: {id: it, name: 东方物流, as_of: 2026-11-01}
        team:
          - {id: am, name: 王磊, role: 客户经理}
          - {id: se, name: 陈思远, role: 解决方案工程师}
        people:
          - {id: ceo, name: 赵总, title: 总经理, department: 总经办, level: 1, roles: [decision-maker], stance: neutral}
          - {id: cio, name: 林涛, title: 信息中心主任, department: 信息中心, reports_to: ceo, roles: [technical-buyer], stance: blocker, influence: 5}
          - {id: ops, name: 李强, title: 运营部长, department: 运营部, reports_to: ceo, roles: [user-buyer], stance: supporter}
        contacts:
          - {member: am, person: ceo, strength: medium, last: 2026-10-20}
          - {member: am, person: ops, strength: medium, last: 2026-10-20}
        """

    @Test func theSolutionEngineerGoesToTheITDirector() throws {
        let a = try PlanTests.analysis(Self.itDirector)
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 3))
        let visit = try #require(plan.visits.first { $0.person == "cio" })
        #expect(visit.member == "se")
        #expect(visit.memberReasons.first == .peerOfBuyer(.technicalBuyer))
    }

    @Test func roleWordsInEnglishAndChinese() {
        #expect(TeamRole.of("account manager") == .accountManager)
        #expect(TeamRole.of("客户经理") == .accountManager)
        #expect(TeamRole.of("solution engineer") == .engineer)
        #expect(TeamRole.of("解决方案工程师") == .engineer)
        #expect(TeamRole.of("service engineer") == .engineer)
        #expect(TeamRole.of("executive sponsor") == .executive)
        #expect(TeamRole.of("副总裁") == .executive)
        #expect(TeamRole.of("高管") == .executive)
        #expect(TeamRole.of("VP Sales") == .executive)
        #expect(TeamRole.of("MVP coach") == .other)
        #expect(TeamRole.of(nil) == .other)
    }

    @Test func onTheRealDataSampleTheAccountManagerDoesNotGoOnEveryVisit() throws {
        // Before issue 15 Alex Morgan went on all 5 (and all 8) visits.
        let a = try PlanTests.sample("krackhardt-hightech")
        for n in [5, 8] {
            let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: n))
            #expect(plan.visits.count == n)
            #expect(!plan.visits.allSatisfy { $0.member == "alex" }, "\(n) visits")
            #expect(plan.visits.contains { Self.goers($0).contains("priya") }, "\(n) visits")
            #expect(plan.visits.first { $0.person == "m7" }.map(Self.goers)?.contains("daniel") == true)
        }
    }

    @Test func capacityIsHonoured() throws {
        let a = try PlanTests.sample("north-steel")
        let free = try VisitPlanner.plan(a, request: PlanRequest(visits: 5))
        #expect(free.visits.filter { Self.goers($0).contains("liu-vp") }.count > 1)
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 5, capacity: ["liu-vp": 1, "wang": 1]))
        #expect(plan.visits.count == 5)
        #expect(plan.visits.filter { Self.goers($0).contains("liu-vp") }.count <= 1)
        #expect(plan.visits.filter { Self.goers($0).contains("wang") }.count <= 1)
        let none = try VisitPlanner.plan(
            a, request: PlanRequest(visits: 5, capacity: ["wang": 0, "chen-se": 0, "liu-vp": 0, "he-fae": 0]))
        #expect(none.visits.isEmpty && none.notes == [.capacityUsed])
        #expect(throws: PlanningError.unknownId("wnag", in: .capacity, suggestion: "wang")) {
            try VisitPlanner.plan(a, request: PlanRequest(capacity: ["wnag": 1]))
        }
    }

    @Test func thePlanStopsWhenTheNextVisitAddsLessThanOnePoint() throws {
        let a = try PlanTests.sample("north-steel")
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 40))
        #expect(plan.visits.count < 30)
        #expect(plan.notes == [.stoppedBelowGain(threshold: 1)])
        #expect(plan.visits.allSatisfy { $0.gain.coverage >= 1 || $0.gain.meetings > 0 })
        #expect(
            PlanText.summary(plan).hasSuffix(
                "after \(plan.visits.count) visits; no further visit adds more than 1 point"))
        var all = PlanParameters()
        all.minimumCoverageGain = 0
        #expect(
            try VisitPlanner.plan(a, request: PlanRequest(visits: 40), parameters: all).visits.count > plan.visits.count
        )
    }

    @Test func aColdApproachThroughSomeoneWhoInfluencesThePersonRanksAboveAReportingLine() throws {
        // 钱 reports to 赵 and we know him well; 孙 is in another department but 赵 listens to him.
        let a = try PlanTests.analysis(
            account(
                people: """
                      - {id: zhao, name: 赵总, department: 总经办, level: 1, roles: [decision-maker], stance: neutral}
                      - {id: qian, name: 钱, department: 总经办, reports_to: zhao, stance: neutral}
                      - {id: sun, name: 孙, department: 研发部, stance: neutral}
                    """,
                rest: """
                    relations:
                      - {from: sun, to: zhao, type: influences, strength: 0.9}
                    contacts:
                      - {member: wang, person: qian, strength: strong, last: 2026-10-30}
                      - {member: wang, person: sun, strength: weak, last: 2026-10-30}
                    """))
        let plan = try VisitPlanner.plan(a, request: PlanRequest(visits: 1))
        let visit = try #require(plan.visits.first)
        #expect(visit.person == "zhao")
        #expect(visit.route == nil)
        #expect(
            visit.coldApproach
                == .throughColleague(person: "sun", member: "wang", relation: .influences, plannedVisit: nil))
        #expect(
            PlanText.way(visit, names: AnalysisTables.names(in: a))
                == "no warm route: cold approach via 孙 (who influences them), whom Wang knows")
    }

    /// Done when: after the plan's visits, no member is our only thread to more than the
    /// critical share, checked by removing each member and recomputing reach from scratch.
    @Test(arguments: SampleAccountTests.files)
    func afterThePlanNoMemberIsTheOnlyThreadToACriticalShare(_ file: String) throws {
        let a = try PlanTests.sample(String(file.dropLast(".yaml".count)))
        let plan = try VisitPlanner.plan(a)
        var contacts = a.contacts
        for v in plan.visits {
            for m in Self.goers(v) {
                let old = contacts.firstIndex { $0.member == m && $0.person == v.person }
                let strength =
                    old.map { max(contacts[$0].strength.value, plan.parameters.visitStrength.value) }
                    ?? plan.parameters.visitStrength.value
                let c = CurrentContact(
                    member: m, person: v.person, strength: .value(strength), last: a.account.asOf,
                    daysAgo: 0, current: strength, implied: false)
                if let old { contacts[old] = c } else { contacts.append(c) }
            }
        }
        func reached(_ cs: [CurrentContact]) -> [Bool] {
            Reach.routes(account: a.account, graph: a.graph, contacts: cs, parameters: a.parameters).map {
                ($0?.strength ?? 0) > 0
            }
        }
        let all = reached(contacts)
        let total = a.people.reduce(0) { $0 + $1.influence }
        if a.account.team.count == 1 {
            #expect(plan.notes.contains(.oneMember(a.account.team[0].id)))
            return
        }
        for m in Set(a.account.team.map(\.id)).sorted() {
            let without = reached(contacts.filter { $0.member != m })
            let lost = a.people.indices.filter { all[$0] && !without[$0] }.reduce(0) { $0 + a.people[$1].influence }
            #expect(
                100 * lost / total <= plan.parameters.criticalThreadShare,
                "\(file): \(m) is our only thread to \(100 * lost / total)%")
        }
    }

    /// `MemberThreads` finds the only threads in one pass over bit sets; it must give what
    /// removing each member and recomputing `Reach.routes` gives, to the last bit, on
    /// accounts of every shape (one to eight members, sparse to dense ties, hop limits 0-3).
    @Test func memberThreadsAgreeWithRemovingEachMemberAndRecomputingReach() {
        let book = SyntheticBook(seed: 7)
        var lostSomeone = 0
        for k in 0..<150 {
            var shape = book.account(k)
            shape.people = min(shape.people, 60)
            var parameters = ScoringParameters()
            parameters.hopLimit = k % 4
            let a = Analyzer.analyze(shape.make(), parameters: parameters)
            func reached(_ cs: [CurrentContact]) -> [Bool] {
                Reach.routes(account: a.account, graph: a.graph, contacts: cs, parameters: a.parameters).map {
                    ($0?.strength ?? 0) > 0
                }
            }
            let all = reached(a.contacts)
            let total = a.people.reduce(0) { $0 + $1.influence }
            var expected: [(String, Double)] = []
            var seen = Set<String>()
            for m in a.account.team.map(\.id)
            where seen.insert(m).inserted && a.contacts.contains(where: { $0.member == m && $0.current > 0 }) {
                let without = reached(a.contacts.filter { $0.member != m })
                let lost = a.people.indices.filter { all[$0] && !without[$0] }
                #expect(MemberThreads.lost(by: m, a, contacts: a.contacts) == lost, "account \(k), member \(m)")
                if !lost.isEmpty { lostSomeone += 1 }
                var share = 0.0
                for i in lost { share += a.people[i].influence }
                expected.append((m, total > 0 ? 100 * share / total : 0))
            }
            let shares = MemberThreads(a, contacts: a.contacts).shares
            #expect(shares.map(\.member) == expected.map(\.0), "account \(k)")
            #expect(shares.map(\.share) == expected.map(\.1), "account \(k)")
        }
        // Not vacuous: many members are somebody's only thread.
        #expect(lostSomeone >= 100)
    }

    @Test func aOneMemberTeamIsToldItIsTheOnlyThread() throws {
        let a = Analyzer.analyze(loadTiny())
        let plan = try VisitPlanner.plan(a)
        #expect(plan.notes.contains(.oneMember("wang")))
        #expect(PlanText.summary(plan).contains("王磊 is the only one to send, so the only thread to all we reach"))
    }
}
