import Foundation
import Testing
@testable import RelMapCore
import RelMapSynthetic

/// The gap outputs: the versioned JSON document, CSV and tables, and the adapters that
/// hand gaps to `relmap diff` and the report.
struct GapOutputTests {
    static func reports() throws -> [GapReport] {
        try ["north-steel", "delta-logistics"].map { name in
            let account = try #require(AccountLoader.load(file: Repo.path("graphs/\(name).yaml"), options: testOptions()).account)
            return GapFinder.gaps(in: Analyzer.analyze(account))
        }
    }

    @Test func jsonCarriesTheSchemaCountsAndEveryGapAndIsTheSameBytesEveryTime() throws {
        let reports = try Self.reports()
        let data = GapsDocument(reports).encoded()
        #expect(data == GapsDocument(try Self.reports()).encoded())
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "relmap.gaps/1")
        let accounts = try #require(json["accounts"] as? [[String: Any]])
        #expect(accounts.map { $0["id"] as? String } == ["north-steel", "delta-logistics"])
        let gaps = try #require(accounts.first?["gaps"] as? [[String: Any]])
        #expect(gaps.count == reports[0].gaps.count)
        #expect(gaps.first?["kind"] as? String == "top-decision-maker-never-met")
        #expect(gaps.first?["severity"] as? String == "critical")
        #expect(gaps.first?["people"] as? [String] == ["zhao"])
        let counts = try #require(accounts.first?["counts"] as? [String: Int])
        #expect(counts["critical"] == reports[0].counts.critical)
        let thread = try #require(gaps.first { $0["kind"] as? String == "single-thread" }?["thread"] as? [String: Any])
        #expect(thread["kind"] as? String == "member")
        #expect(thread["lost_share"] is Double)
    }

    @Test func csvHasOneRowPerGapUnderAHeader() throws {
        let reports = try Self.reports()
        let table = GapTables.csv(reports)
        #expect(table.rows.count == reports.reduce(0) { $0 + $1.gaps.count })
        let lines = table.csv().split(separator: "\r\n")
        #expect(lines.first == "account,severity,kind,weight,people,department,members,key,sentence")
        #expect(lines.dropFirst().first?.hasPrefix("north-steel,critical,top-decision-maker-never-met,100.0,zhao,") == true)
    }

    @Test func theSummaryLineGivesSharesAndCountsBySeverity() throws {
        let r = try Self.reports()[0]
        let c = r.counts
        #expect(GapTables.summary(r) == "coverage 21.2  support 19.4  opposition 9.6  ·  gaps: \(c.critical) critical, \(c.high) high, \(c.medium) medium, \(c.low) low")
        #expect(c.critical + c.high + c.medium + c.low == r.gaps.count)
    }

    @Test func hostileNamesCannotBreakTheTablesOrTheMarkdown() {
        let account = SyntheticAccount(seed: 3, people: 25, names: .hostile).make()
        let r = GapFinder.gaps(in: Analyzer.analyze(account))
        #expect(!r.gaps.isEmpty)
        let text = GapTables.gaps(r).text()
        #expect(!text.contains("\u{1B}"))
        for line in GapTables.gaps(r).markdown().split(separator: "\n").dropFirst(2) {
            // Every row has exactly the table's five unescaped pipes.
            let pipes = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(pipes == 5, "\(line)")
        }
    }

    @Test func theDiffSourceReportsTheGapsAWhatIfWouldOpenAndClose() throws {
        let account = try #require(AccountLoader.load(file: Repo.path("graphs/north-steel.yaml"), options: testOptions()).account)
        let changed = try Scenario.apply([.contact(member: "wang", person: "zheng", strength: .medium)], to: account)
        let diff = AccountDiff.between(old: Analyzer.analyze(account), new: Analyzer.analyze(changed),
                                       options: DiffOptions(gaps: GapAdapters.diffSource))
        let gaps = try #require(diff.gaps)
        #expect(gaps.closed.contains { $0.key == "department-not-contacted:财务部" })
        #expect(gaps.closed.first?.severity == "high")
    }

    @Test func theReportGetsEachGapsSeverityKindAndSentence() throws {
        let r = try Self.reports()[0]
        let report = GapAdapters.reportGaps(r)
        #expect(report.count == r.gaps.count)
        #expect(report.first == ReportGap(severity: "critical", kind: "top-decision-maker-never-met",
                                          sentence: GapSentences.sentence(r.gaps[0], in: r.analysis)))
    }
}
