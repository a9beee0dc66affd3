import Foundation
import Testing
@testable import RelMapCore
import RelMapSynthetic

/// `JSONDocument.encoded()`, the one encoder of every JSON document: the same bytes as
/// Foundation's `JSONEncoder` with the options the documents were first printed with (so
/// no user's script sees a byte change), and a loud error instead of an empty document.
struct JSONDocumentTests {
    /// What every document printed before `JSONDocument` existed.
    static func foundation(_ document: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// The sample accounts, and generated ones with Chinese and hostile text (quotes,
    /// backslashes, control characters, right-to-left marks, emoji) in every name.
    static func analyses() throws -> [AccountAnalysis] {
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repo.path("graphs")).sorted()
            .filter { $0.hasSuffix(".yaml") }
            .map { try #require(AccountLoader.load(file: Repo.path("graphs/\($0)"), options: testOptions()).account) }
        let generated = [SyntheticAccount.NameStyle.hostile, .chinese, .longLatin].enumerated().map { k, names in
            SyntheticAccount(seed: UInt64(40 + k), people: 30, team: 4, names: names).make()
        }
        return (samples + generated).map { Analyzer.analyze($0) }
    }

    @Test func everyDocumentIsTheBytesFoundationPrinted() throws {
        let analyses = try Self.analyses()
        let analysis = AnalysisDocument(analyses)
        #expect(try analysis.encoded() == Self.foundation(analysis))
        let gaps = GapsDocument(analyses.map { GapFinder.gaps(in: $0) })
        #expect(try gaps.encoded() == Self.foundation(gaps))
        let plan = PlanDocument(try analyses.map { try VisitPlanner.plan($0) })
        #expect(try plan.encoded() == Self.foundation(plan))
        let whatIf = WhatIfDocument(
            try WhatIfComparison.compare(analyses[0].account, changes: [.leave(analyses[0].people[0].person.id)]))
        #expect(try whatIf.encoded() == Self.foundation(whatIf))
        let diff = DiffDocument(try DiffTests.quarter())
        #expect(try diff.encoded() == Self.foundation(diff))
        let portfolio = PortfolioDocument(
            Portfolio(analyses.map { AccountReportInput(analysis: $0, gaps: [], visits: [], svg: nil) }),
            skipped: ["bad.yaml"])
        #expect(try portfolio.encoded() == Self.foundation(portfolio))
    }

    @Test func numbersAndTextPrintAsFoundationPrintsThem() throws {
        struct Sample: JSONDocument {
            var numbers: [Double] = [
                0, -0.0, 1, 0.5, 1e-7, 1e15, 1e16, 1.2345678901234568e20, 3.0000000000000004, 5e-324,
            ]
            var texts = ["a/b", "q\"\\", "\n\r\t\u{8}\u{c}", "\u{0}\u{1f}\u{7f}", "\u{2028}", "赵😀", "e\u{301}"]
            var empty: [Int] = []
            var none: Int?
            var flags = [true, false]
            var byMember = ["t10": 1, "t9": 2, "T1": 3, "赵": 4, "e\u{301}b": 5, "ea": 6, "a_b": 7, "aB": 8]
        }
        #expect(try Sample().encoded() == Self.foundation(Sample()))
    }

    @Test func aNumberJSONCannotHoldIsAnErrorNamingWhereItIs() throws {
        struct Score: Encodable { var id = "wang"; var pagerank = Double.nan }
        struct Broken: JSONDocument { var people = [Score(), Score()] }
        #expect(throws: JSONEncodingError.self) { try Broken().encoded() }
        do {
            _ = try Broken().encoded()
        } catch {
            #expect(error.description == "the number nan has no JSON form at people.0.pagerank")
        }
    }
}
