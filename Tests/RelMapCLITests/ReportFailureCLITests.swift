import Foundation
import Testing

/// `relmap report` over a folder with accounts Graphviz fails on: a fallback draws what it
/// can, an account with no diagram at all keeps its page with a note and is marked on the
/// portfolio page, a broken file is listed, and the command exits non-zero at the end.
@Suite("report: fallbacks and failures in a folder", .serialized)
struct ReportFailureCLITests {
    @Test func everyAccountGetsItsPageAndTheOneWithNoDiagramIsMarked() throws {
        let folder = try RenderFallbackCLITests.mixedFolder()
        let out = folder.path + "/report"
        let result = try CLI.run(
            ["report", folder.path + "/in", "-o", out],
            environment: ["RELMAP_TEST_BREAK_GRAPHVIZ_FOR": "north-steel"])
        // A broken file (65) outranks a diagram Graphviz could not draw (70).
        #expect(result.status == 65, "\(result.stderr)")
        #expect(!result.stderr.contains("\u{FFFD}"))
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "relmap: warning: \(folder.path)/in/a-aborts.yaml: Graphviz could not draw the diagram of synthetic-3 "
                    + "as designed; drew it without department boxes"), "\(result.stderr)")
        #expect(lines.contains("relmap: 1 of 2 accounts have no diagram (their pages say so):"), "\(result.stderr)")
        #expect(
            lines.contains {
                $0.hasPrefix("  north-steel (\(folder.path)/in/b-north-steel.yaml): Graphviz does not know")
            })
        #expect(lines.last == "relmap: skipped 1 file with errors: \(folder.path)/in/c-broken.yaml")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
                "index.html", "north-steel.html", "synthetic-3.html",
            ])

        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        let steelRow = index.components(separatedBy: "<tr>").first { $0.contains("href=\"north-steel.html\"") } ?? ""
        #expect(steelRow.contains(">no diagram</span>"))
        let otherRow = index.components(separatedBy: "<tr>").first { $0.contains("href=\"synthetic-3.html\"") } ?? ""
        #expect(!otherRow.isEmpty && !otherRow.contains(">no diagram</span>"))

        let page = try String(contentsOfFile: out + "/north-steel.html", encoding: .utf8)
        #expect(page.contains("<p class=\"empty\">No diagram: Graphviz could not draw it: "))
        #expect(!page.contains("<svg"))
        #expect(page.contains("赵建国"), "the gaps and the plan are still on the page")
        #expect(try String(contentsOfFile: out + "/synthetic-3.html", encoding: .utf8).contains("<svg"))
    }

    /// As `render` does (OutputFolder): an input linked under a page's name, marked as
    /// relmap's even, is never replaced; the report stops with exit 73 naming it.
    @Test func anInputIsNeverReplacedByAPageEvenThroughAHardLink() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOfFile: CLI.repo.path + "/graphs/north-steel.yaml", encoding: .utf8)
        let input = try folder.write("# Written by relmap\n" + text, as: "in.yaml")
        try FileManager.default.linkItem(atPath: input, toPath: folder.path + "/index.html")
        let result = try CLI.run(["report", input, "-o", folder.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("\(folder.path)/index.html: is one of the input files"), "\(result.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8).hasSuffix(text))
    }

    @Test func withOnlyADiagramMissingTheReportExits70() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(
            ["report", "graphs", "-o", folder.path + "/report"],
            environment: ["RELMAP_TEST_BREAK_GRAPHVIZ_FOR": "tiny-none,harbor-retail"])
        #expect(result.status == 70, "\(result.stderr)")
        #expect(result.stdout == "report: \(folder.path)/report/index.html\n")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/report/harbor-retail.html"))
    }

    @Test func failFastWritesNoPageWhenADiagramCannotBeDrawn() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(
            ["report", "graphs", "-o", folder.path + "/report", "--fail-fast"],
            environment: ["RELMAP_TEST_BREAK_GRAPHVIZ_FOR": "harbor-retail"])
        #expect(result.status == 70)
        #expect(result.stderr.hasSuffix("relmap: nothing was written\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/report/index.html"))
    }
}
