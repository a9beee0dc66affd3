import Foundation
import Testing

/// The Graphviz worker `relmap render` starts for each diagram. Its exact command line is
/// read before ArgumentParser (GraphvizWorker.serveIfStarted); these tests hold that fast
/// path to what the parsed path does.
@Suite("Graphviz worker")
struct GraphvizWorkerCLITests {
    static let dot = Data("digraph relmap { a -> b; b -> c; a -> c }\n".utf8)

    static func worker(_ options: [String]) throws -> CLIResult {
        try CLI.run(["render", "--graphviz-worker", String(dot.count)] + options, input: dot)
    }

    @Test(arguments: [[], ["--graphviz-straight-lines"]])
    func theParentsCommandLineDrawsWhatTheParsedOneDraws(lines: [String]) throws {
        // As the parent writes it: served before ArgumentParser.
        let fast = try Self.worker(["--format", "svg", "--layout", "dot"] + lines + ["-"])
        // The same options in another order: only ArgumentParser reads this.
        let parsed = try CLI.run(
            ["render", "--layout", "dot"] + lines
                + ["--graphviz-worker", String(Self.dot.count), "--format", "svg", "-"], input: Self.dot)
        #expect(fast.status == 0)
        #expect(fast.stderr == "")
        #expect(fast.stdout.hasPrefix("<?xml"))
        #expect(fast.stdout.contains("<title>a&#45;&gt;c</title>"))
        #expect(fast.stdout == parsed.stdout)
        #expect(parsed.status == 0)
    }

    @Test func aCommandLineThatIsNotTheParentsGoesToArgumentParser() throws {
        let result = try Self.worker(["--format", "svg", "--layout", "dot", "--bogus", "-"])
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("Unknown option '--bogus'"))
    }

    @Test func aWorkerGivenNoBytesSaysSoWithExit64() throws {
        let result = try CLI.run(
            ["render", "--graphviz-worker", "0", "--format", "svg", "--layout", "dot", "-"],
            input: Data())
        #expect(result.status == 64)
        #expect(result.stdout == "bad worker arguments")
    }
}
