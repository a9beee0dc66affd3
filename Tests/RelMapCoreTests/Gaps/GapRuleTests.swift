import Foundation
import Testing
@testable import RelMapCore
import RelMapSynthetic

/// The thresholds and weights of docs/gaps.md, each checked on both sides of its line,
/// and the single-thread search checked against a plain breadth-first search.
struct GapRuleTests {
    static func gaps(_ text: String) throws -> GapReport {
        let file = load(text)
        let account = try #require(file.account, "\(findings(file, .error))")
        return GapFinder.gaps(in: Analyzer.analyze(account))
    }

    @Test func severityBandsStartAtEightyFiftyAndTwentyFive() {
        let p = GapParameters()
        #expect(p.severity(forWeight: 100) == .critical)
        #expect(p.severity(forWeight: 80) == .critical)
        #expect(p.severity(forWeight: 79.99) == .high)
        #expect(p.severity(forWeight: 50) == .high)
        #expect(p.severity(forWeight: 49.99) == .medium)
        #expect(p.severity(forWeight: 25) == .medium)
        #expect(p.severity(forWeight: 24.99) == .low)
        #expect(p.severity(forWeight: 0) == .low)
    }

    @Test func aWeakContactGoesStaleBetweenFiftyTwoAndFiftyFourDays() throws {
        // 0.3 × 0.5^(52/90) = 0.2008 is above the line, 0.3 × 0.5^(54/90) = 0.1979 below.
        let people = "  - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}\n"
        let fresh = try Self.gaps(
            account(
                people: people, rest: "contacts:\n  - {member: wang, person: zhao, strength: weak, last: 2026-09-10}"))
        let faded = try Self.gaps(
            account(
                people: people, rest: "contacts:\n  - {member: wang, person: zhao, strength: weak, last: 2026-09-08}"))
        #expect(!fresh.gaps.contains { $0.kind == .staleContact })
        #expect(faded.gaps.contains { $0.kind == .staleContact })
    }

    @Test func aContactDeclaredBelowTheStaleLineHasNotFadedAndIsNotStale() throws {
        let people = "  - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}\n"
        let r = try Self.gaps(
            account(
                people: people, rest: "contacts:\n  - {member: wang, person: zhao, strength: 0.15, last: 2025-01-01}"))
        #expect(!r.gaps.contains { $0.kind == .staleContact })
    }

    @Test func aStaleContactIsASmallHoleWhenAColleagueReachesThePersonWell() throws {
        let team = "  - {id: wang, name: Wang}\n  - {id: chen, name: Chen}"
        let people = "  - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}\n"
        let alone = try Self.gaps(
            account(
                team: team, people: people,
                rest: """
                    contacts:
                      - {member: wang, person: zhao, strength: strong, last: 2026-01-01}
                    """))
        let covered = try Self.gaps(
            account(
                team: team, people: people,
                rest: """
                    contacts:
                      - {member: wang, person: zhao, strength: strong, last: 2026-01-01}
                      - {member: chen, person: zhao, strength: strong, last: 2026-10-31}
                    """))
        let a = try #require(alone.gaps.first { $0.kind == .staleContact })
        let c = try #require(covered.gaps.first { $0.kind == .staleContact })
        #expect(a.severity == .critical)
        #expect(c.severity == .low)
        #expect(c.weight < 5)
    }

    @Test func anOpponentBelowFortyIsNotReportedAndASkepticWeighsLessThanABlocker() throws {
        func opponent(_ stance: String, judgment: Int) throws -> Gap? {
            let people = """
                  - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral, influence: 5}
                  - {id: su, name: Su, department: Buying, reports_to: zhao, stance: \(stance), influence: \(judgment)}
                  - {id: a, name: A, department: Office, reports_to: zhao, influence: 5}
                  - {id: b, name: B, department: Office, reports_to: zhao, influence: 5}
                  - {id: c, name: C, department: Office, reports_to: zhao, influence: 5}
                """
            return try Self.gaps(
                account(
                    people: people,
                    rest: "contacts:\n  - {member: wang, person: zhao, strength: strong, last: 2026-10-30}")
            )
            .gaps.first { $0.kind == .influentialOpponent }
        }
        let blocker = try #require(try opponent("blocker", judgment: 5))
        let skeptic = try #require(try opponent("skeptic", judgment: 5))
        #expect(abs(skeptic.weight - 0.6 * blocker.weight) < 1e-9)
        #expect(try opponent("blocker", judgment: 1) == nil)
        #expect(try opponent("neutral", judgment: 5) == nil)
    }

    @Test func aCoachWhoIsAgainstUsDoesNotCountAsACoach() throws {
        func noCoach(_ stance: String) throws -> Bool {
            let people = """
                  - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}
                  - {id: qiao, name: Qiao, department: Office, reports_to: zhao, roles: [coach], stance: \(stance)}
                """
            return try Self.gaps(
                account(
                    people: people,
                    rest: "contacts:\n  - {member: wang, person: qiao, strength: strong, last: 2026-10-30}")
            )
            .gaps.contains { $0.kind == .noCoach }
        }
        #expect(try noCoach("skeptic"))
        #expect(try !noCoach("neutral"))
        #expect(try !noCoach("unknown"))
    }

    @Test func supportSpreadOverSeveralPeopleIsNotNarrow() throws {
        let people = """
              - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: supporter}
              - {id: qian, name: Qian, department: Office, reports_to: zhao, stance: supporter}
              - {id: sun, name: Sun, department: Office, reports_to: zhao, stance: supporter}
            """
        #expect(try !Self.gaps(account(people: people)).gaps.contains { $0.kind == .narrowSupport })
    }

    /// A department nobody in which holds a buying role is a gap by its share of the
    /// influence alone (`departmentShare`, 10%), on both sides of the line; people with
    /// no department are never a department.
    @Test func aSilentDepartmentIsAGapByItsShareOfInfluence() throws {
        let people = """
              - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral, influence: 5}
              - {id: li, name: Li, department: Canteen, reports_to: zhao, stance: neutral, influence: 4}
              - {id: ma, name: Ma, reports_to: zhao, roles: [user-buyer], stance: neutral}
            """
        let file = load(
            account(
                people: people, rest: "contacts:\n  - {member: wang, person: zhao, strength: strong, last: 2026-10-30}")
        )
        let a = Analyzer.analyze(try #require(file.account))
        let share = try #require(a.departments.first { $0.name == "Canteen" }?.influenceShare)
        #expect(share >= GapParameters().departmentShare)
        let gaps = GapFinder.gaps(in: a).gaps.filter { $0.kind == .departmentNotContacted }
        #expect(gaps.map(\.department) == ["Canteen"])
        #expect(
            gaps.map { GapSentences.sentence($0, in: a) } == [
                "Nobody on our team has a contact in Canteen (1 person, \(GapSentences.percent(share)) of the influence), "
                    + "which weighs in the decision although nobody there holds a buying role."
            ])
        var above = GapParameters()
        above.departmentShare = share + 0.01
        #expect(!GapFinder.gaps(in: a, parameters: above).gaps.contains { $0.kind == .departmentNotContacted })
        var at = GapParameters()
        at.departmentShare = share
        #expect(GapFinder.gaps(in: a, parameters: at).gaps.contains { $0.kind == .departmentNotContacted })
    }

    @Test func gapsComeMostSevereFirstThenByKindAndEachKeyOnce() throws {
        for name in ["north-steel", "jiangnan-hospital", "harbor-retail"] {
            let account = try #require(
                AccountLoader.load(file: Repo.path("graphs/\(name).yaml"), options: testOptions()).account)
            let r = GapFinder.gaps(in: Analyzer.analyze(account))
            let order = GapKind.allCases
            for (a, b) in zip(r.gaps, r.gaps.dropFirst()) {
                let ka = order.firstIndex(of: a.kind) ?? 0, kb = order.firstIndex(of: b.kind) ?? 0
                #expect(
                    a.severity < b.severity || (a.severity == b.severity && ka <= kb),
                    "\(name): \(a.key) before \(b.key)")
            }
            #expect(Set(r.gaps.map(\.key)).count == r.gaps.count)
            let again = GapFinder.gaps(in: Analyzer.analyze(account))
            #expect(again.gaps == r.gaps)
        }
    }

    @Test func minimumSeverityKeepsOnlyGapsThatSevere() throws {
        let account = try #require(
            AccountLoader.load(file: Repo.path("graphs/north-steel.yaml"), options: testOptions()).account)
        let r = GapFinder.gaps(in: Analyzer.analyze(account))
        let high = r.atLeast(.high)
        #expect(high.gaps.allSatisfy { $0.severity <= .high })
        #expect(high.gaps.count == r.counts.critical + r.counts.high)
        #expect(high.counts == r.counts)
        #expect(r.atLeast(.low).gaps == r.gaps)
    }

    @Test func aContactThatOnlyReachesItsOwnPersonIsASingleThreadOnlyForAKeyPerson() throws {
        let r = try GapKindTests.report("single-thread.yaml")
        let risks = SingleThread.risks(in: r.analysis)
        #expect(risks.contains { $0.point == .contact(member: "wang", person: "li") && $0.lost == ["li"] })
        let kept = SingleThread.significant(risks, in: r.analysis, keyInfluence: 60)
        #expect(!kept.contains { $0.point == .contact(member: "wang", person: "li") })
        let everyoneKey = SingleThread.significant(risks, in: r.analysis, keyInfluence: 0)
        #expect(everyoneKey.contains { $0.point == .contact(member: "wang", person: "li") })
    }

    @Test func pointsThatCutOffTheSamePeopleAreReportedOnceMembersFirst() throws {
        let r = try GapKindTests.report("single-thread.yaml")
        let risks = SingleThread.risks(in: r.analysis)
        // 陈思远's only contact is the general manager: the member and the contact cut off
        // the same person; the member is kept.
        #expect(risks.contains { $0.point == .member("chen") })
        #expect(risks.contains { $0.point == .contact(member: "chen", person: "zhao") })
        let kept = SingleThread.significant(risks, in: r.analysis, keyInfluence: 60)
        #expect(kept.contains { $0.point == .member("chen") })
        #expect(!kept.contains { $0.point == .contact(member: "chen", person: "zhao") })
    }

    /// Whatever the hop limit and the direction of ties, a person whom removing a point
    /// cuts off from the team in the undirected reach graph has no route left: such people
    /// must be among those the risk reports lost, and a cut vertex or bridge left out must
    /// cut off nobody we reach.
    @Test func everyoneACutSeparatesFromTheTeamIsReportedLost() {
        var cutsThatSeparateSomeone = 0
        for seed in 1...60 {
            cutsThatSeparateSomeone += Self.checkCuts(seed: seed)
        }
        // The check is not empty: many of the cuts do separate people we reach.
        #expect(cutsThatSeparateSomeone >= 200)
    }

    /// The number of cuts of one synthetic account that separate someone we reach.
    static func checkCuts(seed: Int) -> Int {
        var separating = 0
        let account = SyntheticAccount(
            seed: UInt64(seed), people: 4 + seed % 30, ties: 2 + seed % 25, team: 1 + seed % 3,
            contactShare: 0.3
        ).make()
        let a = Analyzer.analyze(account)
        let reach = ReachGraph(a)
        let g = reach.graph
        let risks = SingleThread.risks(in: a)
        func cutOff(removingNode x: Int?, removingEdge e: Int?) -> Set<String> {
            var seen = [Bool](repeating: false, count: g.nodeCount)
            var stack = [0]
            seen[0] = true
            while let v = stack.popLast() {
                for w in g.neighbors(of: v) where !seen[w] && w != x {
                    if let e, Set([g.edges[e].a, g.edges[e].b]) == Set([v, w]) { continue }
                    seen[w] = true
                    stack.append(w)
                }
            }
            return Set(
                a.people.indices.filter {
                    !seen[reach.firstPerson + $0] && a.people[$0].reach > 0 && reach.firstPerson + $0 != x
                }
                .map { a.people[$0].person.id })
        }
        for v in g.articulationPoints() where v != 0 {
            let point: SingleThreadRisk.Point =
                switch reach.nodes[v] {
                case .member(let m): .member(m)
                case .person(let p): .person(p)
                case .team: .member("")
                }
            let lost = Set(risks.first { $0.point == point }?.lost ?? [])
            let separated = cutOff(removingNode: v, removingEdge: nil)
            if !separated.isEmpty { separating += 1 }
            #expect(separated.isSubset(of: lost), "seed \(seed) \(point)")
        }
        for e in g.bridges() {
            let (x, y) = (reach.nodes[g.edges[e].a], reach.nodes[g.edges[e].b])
            guard case .person(let p) = y else { continue }
            let lost: Set<String>
            switch x {
            case .member(let m): lost = Set(risks.first { $0.point == .contact(member: m, person: p) }?.lost ?? [])
            case .person(let q):
                lost = Set(
                    risks.first { $0.point.key == SingleThreadRisk.Point.tie(from: q, to: p, type: .ally).key }?.lost
                        ?? [])
            case .team: continue
            }
            let separated = cutOff(removingNode: nil, removingEdge: e)
            if !separated.isEmpty { separating += 1 }
            #expect(separated.isSubset(of: lost), "seed \(seed) edge \(x) - \(y)")
        }
        return separating
    }
}
