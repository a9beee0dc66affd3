import Foundation
@testable import RelMapGraphviz
import Testing

@Suite("Graphviz errors")
struct ErrorTests {
    @Test func syntaxErrorCarriesGraphvizsMessageAndLine() throws {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph {\n  a -> -> b\n}", format: .svg)
        }

        guard case .syntax(let message, let line) = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("syntax error"))
        #expect(line == 2)
    }

    @Test func aSyntaxErrorNamesItsOwnLineAfterAReadThatLeftTextBehind() throws {
        // The scanner stops at the closing brace; what follows stays in its buffer and,
        // unless the scanner is reset, is read as the start of the next input.
        _ = try Graphviz.parse(dot: "digraph { a }\n\n\n\n")
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.parse(dot: "digraph {\n  a -> -> b\n}")
        }
        guard case .syntax(_, let line) = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(line == 2)
    }

    @Test func emptyInputIsASyntaxError() throws {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.parse(dot: "")
        }

        guard case .syntax(let message, _) = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func malformedHTMLLabelFailsInsteadOfRenderingItsSource() throws {
        // Graphviz lays this out "successfully", drawing the label's source text; only
        // agerrors() tells that anything went wrong.
        let dot = "digraph { n0 [label=<<b>Alpha</i>>]; }"

        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: dot, format: .svg)
        }

        guard case .layout(let engine, let message) = error else {
            Issue.record("expected a layout error, got \(String(describing: error))")
            return
        }
        #expect(engine == .dot)
        #expect(message.contains("in label of node n0"))
    }

    @Test func aFailedGraphDoesNotPoisonTheNextRender() throws {
        let good = "digraph relmap { n0 -> n1 }"
        let baseline = try Graphviz.render(dot: good, format: .svg)

        _ = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph { n0 -> }", format: .svg)
        }
        _ = #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph { n0 [label=<<i>x</b>>] }", format: .svg)
        }

        #expect(try Graphviz.render(dot: good, format: .svg) == baseline)
        #expect(try Graphviz.parse(dot: good) == (nodes: 2, edges: 1))
    }

    @Test func unknownLayoutTypeExplainsHowToRebuildTheRegistry() {
        // What gvLayout reports when config6a is missing (reproduced with an empty GVBINDIR).
        let messages = GraphvizMessages(raw: "Error: Layout type: \"dot\" not recognized. Use one of:\n")

        let error = GraphvizError.layout(.dot, from: messages)

        #expect(error == .pluginRegistryMissing(message: "Layout type: \"dot\" not recognized. Use one of:"))
        #expect(error.description.contains("libgvc6-config-update -c"))
        #expect(error.description.contains("dot -c"))
    }

    @Test(arguments: [
        "Error: renderer for svg is unavailable\n",
        "Error: Format: \"svg\" not recognized. Use one of:\n",
    ])
    func unknownFormatExplainsHowToRebuildTheRegistry(raw: String) {
        let error = GraphvizError.render(.svg, from: GraphvizMessages(raw: raw))

        guard case .pluginRegistryMissing = error else {
            Issue.record("expected pluginRegistryMissing, got \(error)")
            return
        }
        #expect(error.description.contains("libgvc6-config-update -c"))
    }

    @Test func continuationLinesJoinAndPrefixesAreDropped() {
        // The pieces the callback receives for one HTML-label error, as Graphviz sends them.
        let raw = ["Error", ": ", "mismatched tag in line 1 \n", "... x</i> ...\n", "in label of node a\n"]

        let messages = GraphvizMessages(raw: raw.joined())

        #expect(messages.lines == ["mismatched tag in line 1", "... x</i> ...", "in label of node a"])
        #expect(messages.firstLineNumber == 1)
    }
}
