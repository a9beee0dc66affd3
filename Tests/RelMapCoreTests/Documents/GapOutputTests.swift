import Foundation
import Testing
@testable import RelMapCore
import RelMapSynthetic

/// The gap outputs: the versioned JSON document, CSV and tables, and the adapters that
/// hand gaps to `relmap diff` and the report.
struct GapOutputTests {
    static func reports() throws -> [GapReport] {
        try ["north-steel", "delta-logistics"].map { name in
            let account = try #require(
                AccountLoader.load(file: Repo.path("graphs/\(name).yaml"), options: testOptions()).account)
            return GapFinder.gaps(in: Analyzer.analyze(account))
        }
    }

    @Test func jsonCarriesTheSchemaCountsAndEveryGapAndIsTheSameBytesEveryTime() throws {
        let reports = try Self.reports()
        let data = try GapsDocument(reports).encoded()
        #expect(try data == GapsDocument(Self.reports()).encoded())
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
        #expect(
            lines.dropFirst().first?.hasPrefix("north-steel,critical,top-decision-maker-never-met,100.0,zhao,") == true)
    }

    @Test func theSummaryLineGivesSharesAndCountsBySeverity() throws {
        let r = try Self.reports()[0]
        let c = r.counts
        #expect(
            GapTables.summary(r)
                == "coverage 21.2  support 19.4  opposition 9.6  ·  gaps: \(c.critical) critical, \(c.high) high, \(c.medium) medium, \(c.low) low"
        )
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
        let account = try #require(
            AccountLoader.load(file: Repo.path("graphs/north-steel.yaml"), options: testOptions()).account)
        let changed = try Scenario.apply([.contact(member: "wang", person: "zheng", strength: .medium)], to: account)
        let diff = AccountDiff.between(
            old: Analyzer.analyze(account), new: Analyzer.analyze(changed),
            options: DiffOptions(gaps: GapAdapters.diffSource))
        let gaps = try #require(diff.gaps)
        #expect(gaps.closed.contains { $0.key == "department-not-contacted:财务部" })
        #expect(gaps.closed.first?.severity == "high")
    }

    @Test func theReportGetsEachGapsSeverityKindAndSentence() throws {
        let r = try Self.reports()[0]
        let report = GapAdapters.reportGaps(r)
        #expect(report.count == r.gaps.count)
        #expect(
            report.first
                == ReportGap(
                    severity: "critical", kind: "top-decision-maker-never-met",
                    sentence: GapSentences.sentence(r.gaps[0], in: r.analysis)))
    }
}

/// The merged person gaps and the department's reason, as JSON readers see them.
struct GapJSONFieldTests {
    @Test func aMergedGapSaysTheStanceIsUnknownAndADepartmentSaysWhyItCounts() throws {
        let reports = try GapOutputTests.reports()
        let json = try #require(
            try JSONSerialization.jsonObject(with: GapsDocument(reports).encoded()) as? [String: Any])
        let gaps = try #require((json["accounts"] as? [[String: Any]])?.first?["gaps"] as? [[String: Any]])
        let yang = gaps.filter { $0["people"] as? [String] == ["yang"] }
        #expect(yang.map { $0["kind"] as? String } == ["key-person-not-reached"])
        #expect(yang.first?["stance_unknown"] as? Bool == true)
        #expect(gaps.first { $0["people"] as? [String] == ["xu-ms"] }?["stance_unknown"] as? Bool == false)
        #expect(gaps.first?["stance_unknown"] as? Bool == false)  // 赵建国's stance is known: neutral
        let department = try #require(gaps.first { $0["kind"] as? String == "department-not-contacted" })
        #expect(department["buying_role"] as? Bool == true)
    }
}

/// Text tables on a terminal narrower than the table: the last text column wraps onto
/// continuation lines, nothing is cut, and a table that fits prints as it always has.
struct TableWrapTests {
    @Test func aTableThatFitsPrintsTheSameBytesWithOrWithoutAWidth() throws {
        let account = try #require(
            AccountLoader.load(file: Repo.path("graphs/north-steel.yaml"), options: testOptions()).account)
        let a = Analyzer.analyze(account)
        for table in [AnalysisTables.people(a), AnalysisTables.departments(a), GapTables.gaps(GapFinder.gaps(in: a))] {
            let natural = table.text().split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
            #expect(table.text(width: natural) == table.text())
            #expect(table.text(width: 10_000) == table.text())
        }
    }

    @Test func theLastTextColumnWrapsAtWordsAndKeepsEveryWord() throws {
        let reports = try GapOutputTests.reports()
        let table = GapTables.gaps(reports[0])
        let text = table.text(width: 100)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 100 }, "\(lines.filter { DisplayWidth.of($0) > 100 })")
        #expect(lines.count > table.rows.count + 2)
        #expect(!text.contains("…"))
        // The sentence column starts at the same place on every line; read down it, each
        // sentence is whole again.
        let start = try #require(lines.first.flatMap { $0.range(of: "gap") }).lowerBound
        let offset = lines[0].distance(from: lines[0].startIndex, to: start)
        var sentences: [String] = []
        for line in lines.dropFirst(2) {
            let prefix = String(line.prefix(offset))
            let rest = String(line.dropFirst(offset))
            if prefix.trimmingCharacters(in: .whitespaces).isEmpty, !sentences.isEmpty {
                let joiner =
                    DisplayWidth.of(String(sentences[sentences.count - 1].suffix(1))) == 2
                        && DisplayWidth.of(String(rest.prefix(1))) == 2 ? "" : " "
                sentences[sentences.count - 1] += joiner + rest
            } else {
                sentences.append(rest)
            }
        }
        let expected = reports[0].gaps.map { GapSentences.sentence($0, in: reports[0].analysis) }
        #expect(
            sentences.map { $0.replacingOccurrences(of: " ", with: "") }
                == expected.map { $0.replacingOccurrences(of: " ", with: "") })
    }

    @Test func namesAreNeverCutMidWord() {
        let table = Table(
            columns: [.init("#", .right), .init("who goes", maxWidth: 20), .init("route", maxWidth: 60)],
            rows: [["1", "王磊", "Alex (account manager) with 陈思远 (solution engineer) via 马文静"]])
        let text = table.text(width: 40)
        #expect(
            text == """
                #  who goes  route
                ─  ────────  ───────────────────────────
                1  王磊      Alex (account manager) with
                             陈思远 (solution engineer)
                             via 马文静

                """)
    }

    @Test func chineseWrapsBetweenCharactersButNoLineStartsWithClosingPunctuation() {
        let lines = DisplayWidth.wrap("常务副总经理（分管生产、设备、信息）, influence 65", to: 12)
        #expect(lines == ["常务副总经理", "（分管生产、", "设备、信", "息）,", "influence 65"])
        #expect(DisplayWidth.wrap("supercalifragilistic", to: 8) == ["supercal", "ifragili", "stic"])
        #expect(DisplayWidth.wrap("", to: 5) == [""])
    }
}
