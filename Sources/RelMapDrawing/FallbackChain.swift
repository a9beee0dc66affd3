import Foundation
import RelMapCore
import RelMapGraphviz

/// Draws an account's diagram, and when Graphviz fails on the design, draws it again with
/// each `DiagramFallback` in order until one works (docs/diagrams.md, "When Graphviz
/// fails"). The middle of `DiagramPipeline`; runs on worker threads, so it prints nothing.
///
/// Measured on generated accounts with Graphviz 2.43: the design's aborts (class2.c
/// merge_chain) and endless layouts (mincross, flat_rev) come from ties within one row
/// across department boxes, and no fallback that keeps the boxes avoided any of them, so
/// after a crash or a time-out the chain starts at `.withoutDepartmentBoxes` rather than
/// spend a crash or a whole --render-timeout on each of the first two. Each attempt has
/// the whole --render-timeout.
public enum FallbackChain {
    /// Test-only: account ids (comma-separated) whose Graphviz children are started with a
    /// plugin folder that does not exist, so Graphviz itself fails on every attempt. It is
    /// how the CLI tests reach the "no diagram at all" path with a real child process.
    public static let breakGraphvizVariable = "RELMAP_TEST_BREAK_GRAPHVIZ_FOR"

    /// The diagram as Graphviz drew it (not yet `DiagramFile.finished`), drawn as designed
    /// or with the first fallback that works; with `fallbacks` false (`render
    /// --no-fallback`), as designed or not at all. DOT is the design's text, drawn by nobody.
    public static func draw(
        _ analysis: AccountAnalysis, options: DiagramOptions, lines: LineRouting, format: DiagramFormat,
        timeLimit: Double, fallbacks: Bool = true,
        drawer: GraphvizDrawer = .worker(.thisProgram)
    ) throws(DrawingFailure) -> DrawnDiagram {
        let design: String
        do { design = try DiagramWriter.dot(analysis, options: options) } catch {
            throw .focus(error.description)
        }
        guard format != .dot else { return DrawnDiagram(data: Data(design.utf8), fallback: nil) }
        let environment = brokenEnvironment(for: analysis.account.id)
        let first: GraphvizWorker.Failure
        do {
            return DrawnDiagram(
                data: try drawer.render(
                    dot: design, format: format, layout: options.layout, lines: lines,
                    timeLimit: timeLimit, environment: environment), fallback: nil)
        } catch {
            first = error
        }
        // The fallbacks are variations of the dot design; a diagram already switched to
        // another layout, or asked for with one, has none.
        guard fallbacks, options.layout == .dot, options.fallback == nil, lines == .asWritten else {
            throw .graphviz(first)
        }
        for fallback in steps(after: first) {
            var varied = options
            varied.fallback = fallback
            var variedLines = lines
            if fallback == .neato {
                varied.layout = .neato
                variedLines = .straight
            }
            guard let dot = try? DiagramWriter.dot(analysis, options: varied) else { continue }
            if let data = try? drawer.render(
                dot: dot, format: format, layout: varied.layout, lines: variedLines,
                timeLimit: timeLimit, environment: environment)
            {
                return DrawnDiagram(data: data, fallback: fallback)
            }
        }
        throw .graphviz(first)
    }

    /// The fallbacks worth trying after `failure` of the design, in order.
    public static func steps(after failure: GraphvizWorker.Failure) -> [DiagramFallback] {
        switch failure {
        case .crashed, .timedOut: [.withoutDepartmentBoxes, .neato]
        case .failed: DiagramFallback.allCases
        }
    }

    private static func brokenEnvironment(for id: String) -> [String: String]? {
        var environment = ProcessInfo.processInfo.environment
        guard let ids = environment[breakGraphvizVariable], ids.split(separator: ",").contains(Substring(id)) else {
            return nil
        }
        environment["GVBINDIR"] = "/nonexistent-relmap-test-plugins"
        return environment
    }
}
