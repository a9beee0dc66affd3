import Foundation
import Testing
@testable import RelMapCore

/// `AccountListDocument.encodedPieces(of:_:)`: a folder's document encoded one account at a
/// time on every core must be, byte for byte, the document encoded whole.
struct AccountListJSONTests {
    /// The sample and generated accounts (Chinese and hostile text), each document kind, and
    /// gap reports with no gaps left (an empty list inside an account): joined pieces are
    /// the whole document, and each account was its own piece (not the one-piece fallback).
    @Test func piecesJoinedAreTheWholeDocument() throws {
        let analyses = try JSONDocumentTests.analyses()
        let analysis = try AnalysisDocument.encodedPieces(of: analyses, AnalysisDocument.init)
        #expect(analysis.count == analyses.count + 2)
        #expect(Data(analysis.joined()) == (try AnalysisDocument(analyses).encoded()))
        for severity in [GapSeverity.low, .critical] {
            let reports = analyses.map { GapFinder.gaps(in: $0).atLeast(severity) }
            let gaps = try GapsDocument.encodedPieces(of: reports, GapsDocument.init)
            #expect(gaps.count == reports.count + 2)
            #expect(Data(gaps.joined()) == (try GapsDocument(reports).encoded()))
        }
        let plans = try analyses.map { try VisitPlanner.plan($0) }
        let plan = try PlanDocument.encodedPieces(of: plans) { PlanDocument($0) }
        #expect(plan.count == plans.count + 2)
        #expect(Data(plan.joined()) == (try PlanDocument(plans).encoded()))
    }

    @Test func noAccountsIsTheEmptyDocument() throws {
        let pieces = try AnalysisDocument.encodedPieces(of: [AccountAnalysis](), AnalysisDocument.init)
        #expect(Data(pieces.joined()) == (try AnalysisDocument([]).encoded()))
    }

    struct Score: Encodable, Sendable { var id: String; var pagerank: Double; var tags: [String] = [] }
    struct Scores: AccountListDocument {
        var schema = "test/1"
        var accounts: [Score]
    }

    /// Empty arrays nested at several depths keep their empty line unindented, as the whole
    /// document's encoder writes them.
    @Test func emptyListsInsideAnAccountStayAsTheEncoderWritesThem() throws {
        let scores = [
            Score(id: "a", pagerank: 1), Score(id: "b", pagerank: 0.5, tags: ["x"]), Score(id: "c", pagerank: 0),
        ]
        let pieces = try Scores.encodedPieces(of: scores) { Scores(accounts: $0) }
        #expect(pieces.count == 5)
        #expect(Data(pieces.joined()) == (try Scores(accounts: scores).encoded()))
    }

    /// An account that cannot be encoded is the same error, at the same place, as when
    /// the whole document is encoded: nothing is printed.
    @Test func anAccountThatCannotBeEncodedIsTheWholeDocumentsError() throws {
        let scores = [Score(id: "a", pagerank: 1), Score(id: "b", pagerank: .nan)]
        do {
            _ = try Scores.encodedPieces(of: scores) { Scores(accounts: $0) }
            Issue.record("encoded a NaN")
        } catch {
            #expect(error.description == "the number nan has no JSON form at accounts.1.pagerank")
        }
        #expect(throws: JSONEncodingError.self) { try Scores(accounts: scores).encoded() }
    }
}
