import Foundation
import RelMapGraphviz
import Testing

/// The parent's side of the Graphviz worker (the child's is tested through the built
/// relmap: Tests/RelMapCLITests/GraphvizWorkerCLITests.swift, Tests/RelMapDrawingTests).
@Suite("Graphviz worker, parent's side")
struct GraphvizWorkerTests {
    /// A limit reads as the user typed it, in messages about a stopped layout.
    @Test func aTimeLimitReadsAsTyped() {
        #expect(GraphvizWorker.seconds(60) == "60 s")
        #expect(GraphvizWorker.seconds(0.2) == "0.2 s")
        #expect(
            GraphvizWorker.Failure.timedOut(seconds: 2.5, layout: .sfdp).description
                == "Graphviz did not finish the sfdp layout within the time limit of 2.5 s; stopped it")
    }

    /// The command line is the one `serveIfStarted` recognises, straight lines only when asked.
    @Test func theCommandLineNamesTheBytesFormatAndLayout() {
        #expect(
            GraphvizWorker.arguments(dotBytes: 42, format: "svg", layout: "dot", lines: .asWritten)
                == ["render", "--graphviz-worker", "42", "--format", "svg", "--layout", "dot", "-"])
        #expect(
            GraphvizWorker.arguments(dotBytes: 7, format: "png", layout: "sfdp", lines: .straight)
                == [
                    "render", "--graphviz-worker", "7", "--format", "png", "--layout", "sfdp",
                    "--graphviz-straight-lines", "-",
                ])
    }

    /// A worker that cannot start is a failure for the diagram, not a crash of the caller.
    @Test func aWorkerThatCannotStartIsAFailure() {
        let worker = GraphvizWorker(executable: "/nonexistent/relmap")
        #expect {
            try worker.render(dot: "digraph relmap { a }", format: .svg, layout: .dot, timeLimit: 5)
        } throws: { error in
            guard case .failed(let message) = error as? GraphvizWorker.Failure else { return false }
            return message.hasPrefix("cannot start a Graphviz worker: cannot start /nonexistent/relmap")
        }
    }
}
