import Foundation
import Testing
@testable import RelMapCore

/// The gaps of the sample accounts read as the advice a sales manager would give: the
/// problems each file's opening comment describes are found, at a fitting severity.
struct GapSampleTests {
    static func report(_ name: String) throws -> GapReport {
        let account = try #require(
            AccountLoader.load(file: Repo.path("graphs/\(name).yaml"), options: testOptions()).account)
        return GapFinder.gaps(in: Analyzer.analyze(account))
    }

    static func severity(_ r: GapReport, _ key: String) -> GapSeverity? { r.gaps.first { $0.key == key }?.severity }

    @Test func northSteelNeverMetItsGeneralManagerHasNoOneInFinanceAndABlockerInPurchasing() throws {
        let r = try Self.report("north-steel")
        #expect(r.gaps.first?.key == "top-decision-maker-never-met:zhao")
        #expect(Self.severity(r, "top-decision-maker-never-met:zhao") == .critical)
        #expect(Self.severity(r, "department-not-contacted:财务部") == .high)
        #expect(Self.severity(r, "influential-opponent:su") == .high)
        #expect(Self.severity(r, "influential-opponent:qian") == .high)
        #expect(r.gaps.contains { $0.key == "stale-contact:liu-vp>sun-fz" })
        #expect(!r.gaps.contains { $0.kind == .noCoach })
    }

    @Test func jiangnanHospitalHearsOfItsPresidentThroughOneStaleThread() throws {
        let r = try Self.report("jiangnan-hospital")
        #expect(Self.severity(r, "top-decision-maker-never-met:wang-yz") == .critical)
        #expect(Self.severity(r, "single-thread:person:yang-zr") == .critical)
        #expect(r.gaps.contains { $0.key == "department-not-contacted:财务处" })
        #expect(r.gaps.contains { $0.key == "influential-opponent:ma-cz" })
    }

    @Test func huaxinBeverageHasLetItsChairmansRelationshipFade() throws {
        let r = try Self.report("huaxin-beverage")
        #expect(r.gaps.first?.key == "stale-contact:zhou-sv>huang")
        #expect(r.gaps.first?.severity == .critical)
        #expect(r.gaps.contains { $0.key == "department-not-contacted:渠道-城西分销商" })
    }

    @Test func harborRetailReachesItsChiefExecutiveOnlyThroughTheAssistant() throws {
        let r = try Self.report("harbor-retail")
        #expect(Self.severity(r, "top-decision-maker-never-met:ellison") == .critical)
        #expect(Self.severity(r, "single-thread:person:tran") == .critical)
        #expect(Self.severity(r, "key-person-not-reached:hale") == .high)
    }

    @Test func deltaLogisticsIsWellCoveredButHangsOnItsTeamMembers() throws {
        let r = try Self.report("delta-logistics")
        #expect(!r.gaps.contains { $0.kind == .topDecisionMakerNeverMet || $0.kind == .keyPersonNotReached })
        #expect(r.gaps.first?.kind == .singleThread)
        #expect(r.counts.critical <= 1)
    }

    @Test func beibeiMaternityHasNeverMetItsFounderAndHasNoOneInFinance() throws {
        let r = try Self.report("beibei-maternity")
        #expect(Self.severity(r, "top-decision-maker-never-met:lu") == .critical)
        #expect(Self.severity(r, "department-not-contacted:财务部") == .critical)
        #expect(Self.severity(r, "influential-opponent:jiang-cfo") == .high)
    }

    @Test(arguments: [
        "beibei-maternity", "delta-logistics", "harbor-retail", "huaxin-beverage", "jiangnan-hospital", "north-steel",
    ])
    func everySentenceIsPlainTextThatNamesPeopleNotIds(name: String) throws {
        let r = try Self.report(name)
        let ids = Set(r.analysis.account.people.map(\.id) + r.analysis.account.team.map(\.id)).filter { $0.count > 3 }
        for gap in r.gaps {
            let sentence = GapSentences.sentence(gap, in: r.analysis)
            #expect(sentence.hasSuffix("."), "\(sentence)")
            #expect(sentence.first?.isLowercase != true, "\(sentence)")
            for id in ids {
                #expect(!sentence.contains("(\(id))") && !sentence.contains(" \(id) "), "\(id) in \(sentence)")
            }
        }
    }
}
