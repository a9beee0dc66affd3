import Foundation
import RelMapCore
import RelMapGraphviz

/// Where Graphviz runs for the pipeline.
public enum GraphvizDrawer: Sendable {
    /// A child process per diagram (`GraphvizWorker`): reproducible pictures, crashes and
    /// endless layouts contained, a time limit. What `relmap render`, `report` and `serve` use.
    case worker(GraphvizWorker)
    /// This process, through libgvc: no child to start, but no time limit, and a crash of
    /// Graphviz is a crash of the caller (docs/diagrams.md, "One process per diagram").
    /// For tests and trusted, small diagrams.
    case inProcess

    /// Draws `dot` as `format`; a failure in process is reported as the worker reports it.
    func render(
        dot: String, format: DiagramFormat, layout: DiagramLayout, lines: LineRouting, timeLimit: Double,
        environment: [String: String]?
    ) throws(GraphvizWorker.Failure) -> Data {
        guard let output = OutputFormat(rawValue: format.rawValue), let engine = LayoutEngine(rawValue: layout.rawValue)
        else {
            throw .failed("Graphviz has no format \(format.rawValue) or layout \(layout.rawValue)")
        }
        switch self {
        case .worker(let worker):
            return try worker.render(
                dot: dot, format: output, layout: engine, lines: lines, timeLimit: timeLimit,
                environment: environment)
        case .inProcess:
            do { return try Graphviz.render(dot: dot, format: output, engine: engine, lines: lines) } catch {
                throw .failed(error.description)
            }
        }
    }
}
