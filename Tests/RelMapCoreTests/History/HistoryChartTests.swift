import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RelMapCore

/// The account page's trend chart, from histories built in memory (the git side is in
/// HistoryGitTests).
struct HistoryChartTests {
    static let hostile = #"<script>alert(1)</script> & "q" 'a' ]]> <svg onload=x>"#

    /// Versions of the tiny account, oldest first: zhao's stance moves each time.
    static func history(stances: [String], subject: String = "visit") -> AccountHistory {
        let text = (try? String(contentsOfFile: Repo.fixture("tiny.yaml"), encoding: .utf8)) ?? ""
        let versions = stances.enumerated().map { i, stance in
            let day = Day(iso: "2026-10-01")!.adding(days: i)
            let commit = FileCommit(
                hash: String(repeating: "\(i)", count: 40), authorDate: day.iso + "T10:00:00+08:00", day: day,
                author: hostile, subject: "\(subject) \(i)", path: "graphs/tiny.yaml", object: "x")
            let data = Data(
                text.replacingOccurrences(of: "stance: neutral, influence: 5", with: "stance: \(stance), influence: 5")
                    .utf8)
            return (commit: commit, data: Optional(data))
        }
        var options = HistoryOptions()
        options.gaps = false
        return AccountHistory.build(path: "graphs/tiny.yaml", versions: versions, options: options)
    }

    static func accountPage(_ history: AccountHistory?) throws -> String {
        let input = AccountReportInput(
            analysis: Analyzer.analyze(loadTiny()), gaps: [], visits: [], svg: nil, history: history)
        let pages = try ReportBuilder.pages(portfolio: Portfolio([input]))
        return try #require(pages.first { $0.fileName == "tiny.html" }).html
    }

    static func chart(in html: String) throws -> String {
        let start = try #require(html.range(of: #"<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart""#))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func thePageShowsTheTrendWhenTheFileHasHistoryAndNothingOtherwise() throws {
        let html = try Self.accountPage(Self.history(stances: ["neutral", "supporter", "champion"]))
        #expect(html.contains(#"<h2 id="trend-h">Trend</h2>"#))
        #expect(html.contains("Support 17.1 → "))
        #expect(html.contains("3 committed versions of this file, 2026-10-01 to 2026-10-03"))
        let chart = try Self.chart(in: html)
        // One dot per version and series; one segment between each two versions per series.
        #expect(chart.components(separatedBy: "<circle").count - 1 == 9)
        #expect(chart.components(separatedBy: "stroke-width=\"2\"").count - 1 == 6)

        let none = try Self.accountPage(nil)
        #expect(!none.contains("trend"))
        // One version is no trend.
        #expect(!(try Self.accountPage(Self.history(stances: ["neutral"]))).contains("trend-h"))
    }

    @Test func aRisingSupportLineRisesOnTheChart() throws {
        let chart = try Self.chart(in: Self.accountPage(Self.history(stances: ["neutral", "champion"])))
        let support = try #require(chart.range(of: #"<g class="trend-support""#))
        let segment = chart[support.upperBound...]
        let y1 = try #require(segment.firstMatch(of: #/y1="([0-9.]+)"/#)).output.1
        let y2 = try #require(segment.firstMatch(of: #/y2="([0-9.]+)"/#)).output.1
        // SVG's y grows downwards: higher support is a smaller y.
        #expect(try #require(Double(y2)) < #require(Double(y1)))
    }

    @Test func hostileSubjectsAndAuthorsStayTextAndTheChartIsWellFormedXML() throws {
        let html = try Self.accountPage(Self.history(stances: ["neutral", "supporter"], subject: Self.hostile))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<svg onload"))
        #expect(html.components(separatedBy: "<script").count == 2)
        let chart = try Self.chart(in: html)
        #expect(
            chart.contains(
                "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39; ]]&gt; &lt;svg onload=x&gt; 1"))
        let parser = XMLParser(data: Data(chart.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func numbersInTheSVGAreShortAndPlain() {
        #expect(TrendChart.number(10) == "10")
        #expect(TrendChart.number(47.666666) == "47.67")
        #expect(TrendChart.number(0.1) == "0.1")
        #expect(TrendChart.number(1e-9) == "0")
    }
}
