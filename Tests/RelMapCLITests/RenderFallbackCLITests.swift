import Foundation
import Testing

/// `relmap render` over a folder with accounts Graphviz fails on: each is drawn with a
/// fallback (docs/diagrams.md, "When Graphviz fails"), or listed at the end when none
/// works, and every other diagram is written. The fixtures in Fixtures/fallback are
/// generated accounts (relmap-bench fallbacks) on which Graphviz 2.43's dot aborts or
/// never finishes; RELMAP_TEST_BREAK_GRAPHVIZ_FOR starts an account's Graphviz children
/// with no plugins, so that Graphviz itself fails on every attempt.
@Suite("render: fallbacks and failures in a folder", .serialized)
struct RenderFallbackCLITests {
    static let aborts = "Tests/RelMapCLITests/Fixtures/fallback/synthetic-3-aborts.yaml"
    static let loops = "Tests/RelMapCLITests/Fixtures/fallback/synthetic-105-loops.yaml"
    static let routing = "Tests/RelMapCLITests/Fixtures/fallback/synthetic-50-routesplines.yaml"
    static let broken = "relmap: 1\naccount: {id: broken\n"

    /// A folder holding the abort fixture, north-steel and a file with a YAML error.
    static func mixedFolder() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        _ = try folder.write(
            String(contentsOfFile: CLI.repo.path + "/" + aborts, encoding: .utf8), as: "in/a-aborts.yaml")
        _ = try folder.write(
            String(contentsOfFile: CLI.repo.path + "/graphs/north-steel.yaml", encoding: .utf8),
            as: "in/b-north-steel.yaml")
        _ = try folder.write(broken, as: "in/c-broken.yaml")
        return folder
    }

    @Test func anAbortingAccountIsDrawnWithAFallbackAndABrokenFileIsNamedWithExit65() throws {
        let folder = try Self.mixedFolder()
        let out = folder.path + "/out"
        let result = try CLI.run(["render", folder.path + "/in", "-o", out])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.first?.hasPrefix(folder.path + "/in/c-broken.yaml:3:1: error: [syntax] not valid YAML") == true,
            "\(result.stderr)")
        #expect(
            lines.contains(
                "relmap: warning: \(folder.path)/in/a-aborts.yaml: Graphviz could not draw the diagram of synthetic-3 "
                    + "as designed; drew it without department boxes"), "\(result.stderr)")
        #expect(
            lines.contains("relmap: skipped 1 file with errors: \(folder.path)/in/c-broken.yaml"), "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["north-steel.svg", "synthetic-3.svg"])
        // The SVG says which fallback drew it; north-steel, drawn as designed, says nothing.
        let drawn = try String(contentsOfFile: out + "/synthetic-3.svg", encoding: .utf8)
        #expect(drawn.contains("<!-- Written by relmap; drawn without department boxes -->"))
        #expect(!(try String(contentsOfFile: out + "/north-steel.svg", encoding: .utf8)).contains("drawn without"))
    }

    @Test func theDOTOfAFallbackSaysSoInAComment() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["render", Self.aborts, "-o", folder.path + "/a.svg", "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: folder.path + "/a.svg", encoding: .utf8)
        // No department box (the design's first is cluster_0); the team's box is still there.
        #expect(!svg.contains("<title>cluster_0</title>"))
        #expect(svg.contains("<title>cluster_team</title>"))
    }

    @Test func anEndlessLayoutIsStoppedAtTheTimeLimitAndDrawnWithAFallback() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["render", Self.loops, "-o", folder.path + "/out", "--render-timeout", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "relmap: warning: \(Self.loops): Graphviz could not draw the diagram of synthetic-105 as designed; "
                + "drew it without department boxes\n")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/synthetic-105.svg"))
    }

    /// dot fails on this account with "in routesplines, Pshortestpath failed" and two more
    /// lines; curved lines avoid it.
    @Test func aRoutingFailureIsDrawnWithCurvedLines() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["render", Self.routing, "-o", folder.path + "/out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "relmap: warning: \(Self.routing): Graphviz could not draw the diagram of synthetic-50 as designed; "
                + "drew it with curved lines (splines=curved)\n")
        let svg = try String(contentsOfFile: folder.path + "/out/synthetic-50.svg", encoding: .utf8)
        #expect(svg.contains("<!-- Written by relmap; drawn with curved lines (splines=curved) -->"))
    }

    /// The report: Graphviz's lines came out joined by U+FFFD. Each is a line of its own.
    @Test func withoutFallbacksGraphvizsMessageComesOutOneLinePerLine() throws {
        let folder = TemporaryFolder()
        let result = try CLI.run(["render", Self.routing, "-o", folder.path + "/out", "--no-fallback"])
        #expect(result.status == 70)
        #expect(
            result.stderr
                == "relmap: synthetic-50: Graphviz's dot layout failed: in routesplines, Pshortestpath failed\n"
                + "    Unable to reclaim box space in spline routing for edge \"n8\" -> \"n112\". Something is probably seriously wrong.\n"
                + "    lost n73 n104 edge\n", "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out") == [])
    }

    @Test func anAccountNoFallbackCanDrawIsListedAtTheEndWithExit70AndTheOthersWritten() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        let steel = try folder.write(
            String(contentsOfFile: CLI.repo.path + "/graphs/north-steel.yaml", encoding: .utf8), as: "in/a.yaml")
        _ = try folder.write(
            String(contentsOfFile: CLI.repo.path + "/graphs/delta-logistics.yaml", encoding: .utf8), as: "in/b.yaml")
        let out = folder.path + "/out"
        let result = try CLI.run(
            ["render", folder.path + "/in", "-o", out], environment: ["RELMAP_TEST_BREAK_GRAPHVIZ_FOR": "north-steel"])
        #expect(result.status == 70)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["delta-logistics.svg"])
        // Graphviz's own line and ours after it each on a line of their own, never joined.
        #expect(!result.stderr.contains("\u{FFFD}"))
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "relmap: north-steel: Graphviz does not know this layout engine or output format: Layout type: \"dot\" not recognized. Use one of:",
                "    Its plugin registry is missing or out of date. Rebuild it as root with `libgvc6-config-update -c` (Debian, Ubuntu) or "
                    + "`dot -c` (elsewhere); if the problem remains, install the Graphviz plugins (libgvc6 on Debian and Ubuntu, graphviz on Homebrew).",
                "relmap: 1 of 2 accounts have no diagram:",
                "  north-steel (\(steel)): Graphviz does not know this layout engine or output format: Layout type: \"dot\" not recognized. Use one of:",
            ], "\(result.stderr)")
    }

    @Test func failFastStopsAtTheFirstAccountThatCannotBeDrawn() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        _ = try folder.write(
            String(contentsOfFile: CLI.repo.path + "/graphs/north-steel.yaml", encoding: .utf8), as: "in/a.yaml")
        _ = try folder.write(
            String(contentsOfFile: CLI.repo.path + "/graphs/delta-logistics.yaml", encoding: .utf8), as: "in/b.yaml")
        let out = folder.path + "/out"
        let result = try CLI.run(
            ["render", folder.path + "/in", "-o", out, "--fail-fast"],
            environment: ["RELMAP_TEST_BREAK_GRAPHVIZ_FOR": "north-steel"])
        #expect(result.status == 70)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [])
        #expect(!result.stderr.contains("have no diagram"))
    }

    @Test func failFastWritesNothingWhenAFileIsBad() throws {
        let folder = try Self.mixedFolder()
        let out = folder.path + "/out"
        let result = try CLI.run(["render", folder.path + "/in", "-o", out, "--fail-fast"])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasSuffix(
                "relmap: 1 error in 1 file; nothing was written (run 'relmap check' to see warnings too)\n"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
