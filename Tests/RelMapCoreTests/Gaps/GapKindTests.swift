import Foundation
import Testing
@testable import RelMapCore

/// Every gap kind, each shown by an account under Fixtures/gaps/ built to produce it,
/// with the exact sentence a sales manager reads and the severity the rule gives.
struct GapKindTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let kind: GapKind
        let severity: GapSeverity
        let sentence: String
        var testDescription: String { "\(file): \(kind.rawValue)" }
    }

    static let cases: [Case] = [
        Case(
            file: "never-met.yaml", kind: .topDecisionMakerNeverMet, severity: .critical,
            sentence:
                "Nobody on our team has ever met 赵总 (总经理), the top decision-maker; we hear of them only through 许秘书 (reach 0.36): reaching the end of a deal without meeting them is very dangerous."
        ),
        Case(
            file: "key-person-not-reached.yaml", kind: .keyPersonNotReached, severity: .critical,
            sentence: "Nobody on our team reaches 钱总监 (财务总监, influence 100), directly or through an ally."),
        Case(
            file: "stance-unknown.yaml", kind: .keyPersonStanceUnknown, severity: .high,
            sentence: "We do not know where 孙总工 (技术总监, influence 100) stands."),
        Case(
            file: "department-not-contacted.yaml", kind: .departmentNotContacted, severity: .critical,
            sentence:
                "Nobody on our team has a contact in 采购部 (2 people, 33% of the influence), which takes part in the decision."
        ),
        Case(
            file: "department-silent.yaml", kind: .departmentNotContacted, severity: .critical,
            sentence:
                "Nobody on our team has a contact in 生产部 (2 people, 51% of the influence), which weighs in the decision although nobody there holds a buying role."
        ),
        Case(
            file: "stale-contact.yaml", kind: .staleContact, severity: .critical,
            sentence: "王磊's contact with 孙厂长 (厂长, influence 100) has faded to 0.14 (strong, last contact 245 days ago)."
        ),
        Case(
            file: "single-thread.yaml", kind: .singleThread, severity: .critical,
            sentence:
                "If 王磊 leaves our team, we lose our route to 5 people holding 81% of the influence (乔主任, 孙工, 李工 and 2 more)."
        ),
        Case(
            file: "single-thread.yaml", kind: .singleThread, severity: .critical,
            sentence:
                "Our route to 4 people holding 70% of the influence (乔主任, 孙工, 曹工 and 1 more) hangs on 王磊's contact with 乔主任 alone."
        ),
        Case(
            file: "single-thread.yaml", kind: .singleThread, severity: .critical,
            sentence:
                "If 乔主任 (信息中心主任) leaves the account, we lose our route to 3 people holding 41% of the influence (孙工, 曹工 and 唐工)."
        ),
        Case(
            file: "single-thread.yaml", kind: .singleThread, severity: .critical,
            sentence:
                "Our route to 2 people holding 31% of the influence (孙工 and 曹工) hangs on 乔主任's influence on 孙工 alone."),
        Case(
            file: "single-thread-directed.yaml", kind: .singleThread, severity: .critical,
            sentence:
                "If 陈工 leaves our team, we lose our route to 3 people holding 91% of the influence (许经理, 何工 and 邓工)."),
        Case(
            file: "influential-opponent.yaml", kind: .influentialOpponent, severity: .high,
            sentence:
                "苏部长 (采购部长, influence 67) is a blocker; they listen to 赵总 (neutral, their manager, we reach them), 白工 (supporter, influences them, we reach them)."
        ),
        Case(
            file: "no-coach.yaml", kind: .noCoach, severity: .high,
            sentence: "Nobody inside the account is a coach or champion for us: no one actively helps us win."),
        Case(
            file: "no-coach.yaml", kind: .narrowSupport, severity: .high,
            sentence: "Nobody in the account supports us yet: every stance we know is neutral or against us."),
        Case(
            file: "narrow-support.yaml", kind: .narrowSupport, severity: .medium,
            sentence: "Our support rests on one person: 乔主任 (信息中心主任) carries 69% of it."),
    ]

    static func report(_ file: String) throws -> GapReport {
        let loaded = AccountLoader.load(file: Repo.fixture("gaps/\(file)"), options: testOptions())
        let account = try #require(loaded.account, "\(findings(loaded, .error))")
        #expect(!loaded.diagnostics.hasErrors)
        return GapFinder.gaps(in: Analyzer.analyze(account))
    }

    @Test(arguments: cases)
    func eachGapKindIsFoundWithItsSentenceAndSeverity(_ c: Case) throws {
        let r = try Self.report(c.file)
        let sentences = r.gaps.filter { $0.kind == c.kind }.map { GapSentences.sentence($0, in: r.analysis) }
        #expect(sentences.contains(c.sentence), "found: \(sentences)")
        let gap = r.gaps.first { GapSentences.sentence($0, in: r.analysis) == c.sentence }
        #expect(gap?.severity == c.severity)
    }

    @Test func everyKindHasAFixtureThatShowsIt() {
        #expect(Set(Self.cases.map(\.kind)) == Set(GapKind.allCases))
    }

    @Test func theSingleThreadFixtureShowsAMemberAPersonAContactAndATie() throws {
        let r = try Self.report("single-thread.yaml")
        let points = r.gaps.compactMap { g -> SingleThreadRisk.Point? in
            if case .singleThread(let risk) = g.detail { return risk.point }
            return nil
        }
        #expect(
            points == [
                .member("wang"), .contact(member: "wang", person: "qiao"), .person("qiao"),
                .tie(from: "qiao", to: "sun", type: .influences), .member("chen"), .person("sun"),
            ])
        let lost = r.gaps.compactMap { g -> [String]? in
            if case .singleThread(let risk) = g.detail { return risk.lost }
            return nil
        }
        #expect(lost.first.map(Set.init) == ["qiao", "sun", "cao", "tang", "li"])
    }

    @Test func aTopDecisionMakerNeverMetIsNotAlsoListedAsAKeyPersonNotReached() throws {
        let r = try Self.report("never-met.yaml")
        #expect(!r.gaps.contains { $0.kind == .keyPersonNotReached && $0.people == ["zhao"] })
        let withoutSecretary = try #require(
            AccountLoader.load(file: Repo.fixture("gaps/never-met.yaml"), options: testOptions()).account)
        var account = withoutSecretary
        account.contacts.removeAll()
        account.contacts.append(Contact(member: "wang", person: "xu", strength: .weak, last: Day(iso: "2026-01-01")))
        let faded = GapFinder.gaps(in: Analyzer.analyze(account))
        let zhao = faded.gaps.filter { $0.people == ["zhao"] }.map(\.kind)
        #expect(zhao.contains(.topDecisionMakerNeverMet))
        #expect(!zhao.contains(.keyPersonNotReached))
    }

    /// An unreached key person whose stance is unknown gets one gap that says both, not a
    /// "not reached" and a "stance unknown" gap each; so does a top decision-maker never met.
    @Test func eachPersonHasOneGapThatGivesEveryReasonAboutThem() throws {
        for name in ["north-steel", "jiangnan-hospital", "beibei-maternity", "harbor-retail"] {
            let account = try #require(
                AccountLoader.load(file: Repo.path("graphs/\(name).yaml"), options: testOptions()).account)
            let r = GapFinder.gaps(in: Analyzer.analyze(account))
            let personKinds: Set<GapKind> = [.topDecisionMakerNeverMet, .keyPersonNotReached, .keyPersonStanceUnknown]
            let people = r.gaps.filter { personKinds.contains($0.kind) }.flatMap(\.people)
            #expect(people.count == Set(people).count, "\(name): \(people)")
        }
        let account = try #require(
            AccountLoader.load(file: Repo.path("graphs/north-steel.yaml"), options: testOptions()).account)
        let r = GapFinder.gaps(in: Analyzer.analyze(account))
        let yang = r.gaps.filter { $0.people == ["yang"] }
        #expect(yang.map(\.kind) == [.keyPersonNotReached])
        #expect(
            yang.map { GapSentences.sentence($0, in: r.analysis) } == [
                "Nobody on our team reaches 杨帆 (财务部副部长, influence 77), directly or through an ally, and we do not know where they stand."
            ])
        #expect(yang.first?.severity == .high)
    }

    /// "Every stance we know is neutral or against us" is wrong when we know no stance.
    @Test func noSupportWithNoStanceKnownSaysSoInsteadOfBlamingTheStances() throws {
        let people = """
              - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: unknown}
              - {id: qian, name: Qian, department: Office, reports_to: zhao, stance: unknown}
            """
        let a = Analyzer.analyze(try #require(load(account(people: people)).account))
        let sentences = GapFinder.gaps(in: a).gaps.filter { $0.kind == .narrowSupport }.map {
            GapSentences.sentence($0, in: a)
        }
        #expect(sentences == ["Nobody in the account is known to support us: we do not know anyone's stance yet."])
    }

    @Test func anyDirectContactHoweverFadedCountsAsHavingMetTheTopDecisionMaker() throws {
        var account = try #require(
            AccountLoader.load(file: Repo.fixture("gaps/never-met.yaml"), options: testOptions()).account)
        account.contacts.append(Contact(member: "wang", person: "zhao", strength: .weak, last: Day(iso: "2024-01-01")))
        let r = GapFinder.gaps(in: Analyzer.analyze(account))
        #expect(!r.gaps.contains { $0.kind == .topDecisionMakerNeverMet })
    }
}
