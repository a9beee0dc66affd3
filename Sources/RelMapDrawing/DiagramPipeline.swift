import Foundation
import RelMapCore
import RelMapGraphviz

/// An account's diagram from start to finish: the render limits choose the layout (or
/// refuse a diagram too large), `DiagramWriter` writes the DOT, Graphviz draws it in a
/// worker process with the fallbacks when it fails (`FallbackChain`), and the bytes are
/// finished for writing (`DiagramFile.finished`). `relmap render`, `relmap report` and
/// `relmap serve` all draw through this, so a diagram is the same bytes in all three.
///
/// It prints nothing and writes no file: what to say about each outcome, and where the
/// bytes go, is the caller's. Many accounts are drawn several at once (`drawAll`), and
/// handed back in account order.
public struct DiagramPipeline: Sendable {
    /// The design asked for; the layout may be switched per account by `limits`.
    public var options: DiagramOptions
    public var format: DiagramFormat
    public var limits: RenderLimits
    /// Whether to draw again with a fallback when Graphviz fails on the design.
    public var fallbacks: Bool
    public var drawer: GraphvizDrawer

    public init(
        options: DiagramOptions, format: DiagramFormat, limits: RenderLimits, fallbacks: Bool = true,
        drawer: GraphvizDrawer = .worker(.thisProgram)
    ) {
        self.options = options
        self.format = format
        self.limits = limits
        self.fallbacks = fallbacks
        self.drawer = drawer
    }

    /// The layout the account's diagram will be drawn with, or why it will not be drawn;
    /// cheap, so a caller can tell before anything is drawn. DOT is laid out by whoever
    /// reads it, so it is written as asked.
    public func layout(for account: Account) -> Result<LayoutChoice, DiagramTooLarge> {
        guard format != .dot else { return .success(.asked(options.layout)) }
        return limits.layout(people: account.peopleDrawn(focus: options.focus), asked: options.layout)
    }

    /// Draws one account's diagram. Blocks for as long as Graphviz works (up to the time
    /// limit per attempt); call it off any thread that must stay responsive.
    public func draw(_ analysis: AccountAnalysis) -> DiagramOutcome {
        let choice: LayoutChoice
        switch layout(for: analysis.account) {
        case .failure(let problem): return DiagramOutcome(layout: nil, drawing: .failure(.tooLarge(problem)))
        case .success(let chosen): choice = chosen
        }
        var drawn = options
        drawn.layout = choice.layout
        do throws(DrawingFailure) {
            let diagram = try FallbackChain.draw(
                analysis, options: drawn, lines: choice.lines, format: format,
                timeLimit: limits.renderTimeout, fallbacks: fallbacks, drawer: drawer)
            let data = DiagramFile.finished(diagram.data, format: format, day: analysis.account.asOf)
            return DiagramOutcome(
                layout: choice, drawing: .success(DrawnDiagram(data: data, fallback: diagram.fallback)))
        } catch {
            return DiagramOutcome(layout: choice, drawing: .failure(error))
        }
    }

    /// Draws every account's diagram, `limits.width` at once, and hands each to `deliver`
    /// on the calling thread in account order, with `progress` naming the one waited for.
    ///
    /// `then` runs on the drawing thread with the account's analysis and outcome, for the
    /// rest of the work on it (a report page's input); its result is what `deliver` gets.
    /// Everything the user sees belongs in `deliver`, so it is the same as one at a time;
    /// when `deliver` throws, nothing more is drawn and the error is rethrown (`InOrder`).
    public func drawAll<T: Sendable>(
        _ accounts: [Account], progress: DrawingProgress,
        then: @escaping @Sendable (AccountAnalysis, DiagramOutcome) -> T,
        deliver: (Int, T) throws -> Void
    ) throws {
        let pipeline = self
        try InOrder.run(
            count: accounts.count, width: limits.width,
            next: { i in
                progress.drawing(i, id: accounts[i].id)
            },
            work: { i in
                let analysis = Analyzer.analyze(accounts[i])
                return then(analysis, pipeline.draw(analysis))
            }, deliver: deliver)
    }
}

/// What became of one account's diagram.
public struct DiagramOutcome: Sendable {
    /// The layout it was drawn (or tried) with; nil when it was too large to draw.
    public let layout: LayoutChoice?
    public let drawing: Result<DrawnDiagram, DrawingFailure>

    /// The SVG text to put in a page, when the diagram was drawn as SVG.
    public var svg: String? {
        guard case .success(let diagram) = drawing else { return nil }
        return String(decoding: diagram.data, as: UTF8.self)
    }

    /// What a page shows in place of a diagram it does not have, or nil.
    public var pageNote: String? {
        switch drawing {
        case .success: nil
        case .failure(.tooLarge(let problem)): "No diagram: \(problem)"
        case .failure(let failure): "Graphviz could not draw it: \(failure.reason)"
        }
    }
}
