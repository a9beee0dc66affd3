import Foundation
import Testing
@testable import RelMapCore

/// Inputs the fuzzers (scripts/fuzz, docs/reliability.md) stopped on, replayed without the
/// fuzzer. Each fixture in Fixtures/fuzz/ is named for its target (`csv-`, `loader-`,
/// `dot-`) and seeds that target's corpus again; the test states what the input broke.
struct FuzzRegressionTests {
    static let asOf = Day(daysSinceEpoch: 20_758)

    /// The CSV fixtures, run as the csv target runs them: through both importers.
    static let csvFixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repo.fixture("fuzz"))) ?? []
        return names.filter { $0.hasPrefix("csv-") }.sorted()
    }()

    /// What every import promises, whatever the file: each finding inside the file, no
    /// account without an error, and an account that writes and loads back unchanged.
    static func expectImportKeepsItsPromises(_ report: ImportReport, lines: Int) {
        for d in report.diagnostics {
            #expect(d.location.line >= 1 && d.location.line <= lines && d.location.column >= 1, "\(d)")
        }
        guard let account = report.account else {
            #expect(report.diagnostics.hasErrors)
            return
        }
        #expect(!report.diagnostics.hasErrors)
        let text = AccountFileWriter(hints: true).yaml(account)
        let loaded = AccountLoader.load(data: Data(text.utf8), path: "back.yaml", options: LoadOptions(today: asOf))
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        #expect(loaded.account?.withoutLocations == account.withoutLocations)
    }

    @Test(arguments: csvFixtures)
    func fuzzedCSVFilesImportOrFailWithPositionedErrors(_ name: String) throws {
        let path = Repo.fixture("fuzz/\(name)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = 1 + bytes.count { $0 == 0x0A || $0 == 0x0D }
        for skip in [false, true] {
            let options = ImportOptions(accountId: "fuzz", asOf: Self.asOf, skipBadRows: skip)
            Self.expectImportKeepsItsPromises(
                try GenericCSVImport.run(path: path, mapping: ColumnMapping(), options: options), lines: lines)
            Self.expectImportKeepsItsPromises(
                try SalesforceImport.run(SalesforceFiles(contacts: path), options: options), lines: lines)
        }
    }

    /// The csv target's first stop: an empty file read from disk. relmap's answer was right;
    /// the address sanitizer reported 4 KB that Foundation (FileManager.contents on Linux)
    /// never frees for a file of size 0, now suppressed for the fuzzers in
    /// Fuzz/lsan-suppressions.txt. The error must still come from reading the real file.
    @Test func anEmptyCSVFileOnDiskIsAnErrorAtItsStart() throws {
        let path = Repo.fixture("fuzz/csv-empty.csv")
        let report = try GenericCSVImport.run(
            path: path, mapping: ColumnMapping(),
            options: ImportOptions(accountId: "fuzz", asOf: Self.asOf))
        #expect(report.account == nil)
        #expect(
            report.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
                == ["1:1: the file is empty; expected a header row with column names"])
    }

    /// The dot target's stop (Fixtures/fuzz/dot-zero-width-title, bytes the target turns
    /// into an account): a title made only of zero-width characters has display width 0,
    /// so `DiagramLabels.wrap` asked for 0 lines and divided by it, and `relmap render`
    /// died with "Division by zero". Such a title now takes one line, as written.
    @Test(arguments: ["\u{200B}", "\u{0301}", "\u{200D}\u{2060}", "\u{2060}"])
    func aTitleOfOnlyZeroWidthCharactersIsWrappedOntoOneLine(_ title: String) throws {
        #expect(DiagramLabels.wrap(title, width: DiagramLabels.titleWidth, lines: DiagramLabels.titleLines).count <= 1)
        // Written as YAML escapes, so the file itself stays readable.
        let escaped = title.unicodeScalars.map { String(format: "\\u%04X", $0.value) }.joined()
        let file = load(
            account(people: "  - {id: zhao, name: Zhao, title: \"\(escaped)\", department: Office}", rest: ""))
        let loaded = try #require(file.account, "\(file.diagnostics)")
        #expect(loaded.people.first?.title == title)
        let dot = try DiagramWriter.dot(Analyzer.analyze(loaded))
        #expect(dot.contains("n0 [shape="))
    }
}
