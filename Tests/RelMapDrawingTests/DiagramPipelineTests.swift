import Foundation
import RelMapCore
import RelMapDrawing
import RelMapGraphviz
import Testing

/// The one diagram pipeline of `render`, `report` and `serve`: limits, DOT, Graphviz in a
/// worker process with the fallbacks, finished bytes; many accounts at once, in order.
@Suite("Diagram pipeline", .serialized)
struct DiagramPipelineTests {
    static func pipeline(
        _ format: DiagramFormat = .svg, limits: RenderLimits = RenderLimits(jobs: 2),
        fallbacks: Bool = true, options: DiagramOptions = DiagramOptions()
    ) throws -> DiagramPipeline {
        DiagramPipeline(
            options: options, format: format, limits: limits, fallbacks: fallbacks,
            drawer: .worker(try Drawing.worker()))
    }

    static func diagram(_ outcome: DiagramOutcome) throws -> DrawnDiagram {
        switch outcome.drawing {
        case .success(let diagram): return diagram
        case .failure(let failure): throw failure
        }
    }

    /// A drawn SVG is finished for writing: marked as relmap's, in a reproducible order,
    /// the same bytes on a second drawing, and what a page shows as is.
    @Test func anSVGIsFinishedMarkedAndTheSameBytesEachTime() throws {
        let analysis = Analyzer.analyze(try Drawing.account("graphs/north-steel.yaml"))
        let pipeline = try Self.pipeline()
        let first = pipeline.draw(analysis), second = pipeline.draw(analysis)
        let data = try Self.diagram(first).data
        #expect(OutputFile.isMarked(data))
        #expect(data == DiagramFile.finished(data, format: .svg))
        #expect(data == (try Self.diagram(second).data))
        #expect(first.layout == .asked(.dot))
        #expect(first.svg == String(decoding: data, as: UTF8.self))
        #expect(first.pageNote == nil)
        #expect(try Self.diagram(first).fallback == nil)
    }

    /// A PDF is dated by the account's as_of, not by the moment it was drawn.
    @Test func aPDFIsDatedByTheAccountsDay() throws {
        let account = try Drawing.account("graphs/north-steel.yaml")
        let data = try Self.diagram(try Self.pipeline(.pdf).draw(Analyzer.analyze(account))).data
        let date = "/CreationDate (D:" + account.asOf.iso.replacingOccurrences(of: "-", with: "") + "000000Z"
        #expect(data.range(of: Data(date.utf8)) != nil)
    }

    /// DOT is the design's text: no Graphviz, no limits (whoever reads it lays it out).
    @Test func dotIsTheDesignsTextWhateverTheLimits() throws {
        let analysis = Analyzer.analyze(try Drawing.account("graphs/north-steel.yaml"))
        let outcome = try Self.pipeline(.dot, limits: RenderLimits(maxDotPeople: 1, maxDiagramPeople: 1)).draw(analysis)
        #expect(outcome.layout == .asked(.dot))
        #expect(try Self.diagram(outcome).data == Data(try DiagramWriter.dot(analysis).utf8))
    }

    /// Every account is delivered in file order, the progress line naming each just before
    /// it is delivered, with two drawn at once; and the bytes are those of one at a time.
    @Test func manyAccountsComeInOrderWithTheirProgressLines() throws {
        let accounts = try Drawing.samples()
        #expect(accounts.count > 2)
        var events: [String] = []
        let progress = DrawingProgress(total: accounts.count, onTerminal: true) { events.append($0) }
        var drawn: [Data] = []
        try Self.pipeline().drawAll(
            accounts, progress: progress,
            then: { analysis, outcome in
                (id: analysis.account.id, outcome: outcome)
            },
            deliver: { i, done in
                events.append("deliver \(done.id)")
                #expect(done.id == accounts[i].id)
                drawn.append(try Self.diagram(done.outcome).data)
            })
        #expect(
            events
                == accounts.enumerated().flatMap { i, account in
                    ["\r\u{1B}[Krelmap: rendering \(i + 1)/\(accounts.count) \(account.id)", "deliver \(account.id)"]
                })
        let alone = try Self.pipeline(limits: RenderLimits(jobs: 1))
        for (account, data) in zip(accounts, drawn) {
            #expect(try Self.diagram(alone.draw(Analyzer.analyze(account))).data == data, "\(account.id)")
        }
    }

    /// A throw in `deliver` stops the run: nothing after that account is delivered.
    @Test func aStopInDeliverEndsTheRunThere() throws {
        struct Stop: Error {}
        let accounts = try Drawing.samples()
        var delivered: [String] = []
        let progress = DrawingProgress(total: accounts.count, onTerminal: false) { _ in Issue.record("progress shown") }
        #expect(throws: Stop.self) {
            try Self.pipeline(.dot).drawAll(
                accounts, progress: progress, then: { a, _ in a.account.id },
                deliver: { i, id in
                    delivered.append(id)
                    if i == 1 { throw Stop() }
                })
        }
        #expect(delivered == accounts.prefix(2).map(\.id))
    }

    // MARK: Limits

    /// Past --max-diagram-people nothing is drawn, and the page says why; past
    /// --max-dot-people the diagram is drawn with sfdp and straight lines, with a warning.
    @Test func theLimitsRefuseOrSwitchTheLayout() throws {
        let account = try Drawing.account("graphs/north-steel.yaml")
        let people = account.people.count
        let refused = try Self.pipeline(limits: RenderLimits(maxDiagramPeople: people - 1)).draw(
            Analyzer.analyze(account))
        #expect(refused.layout == nil)
        guard case .failure(.tooLarge(let problem)) = refused.drawing else {
            Issue.record("drawn: \(refused.drawing)")
            return
        }
        #expect(problem.people == people)
        #expect(problem.limit == people - 1)
        #expect(refused.pageNote == "No diagram: \(problem)")
        #expect(DrawingFailure.tooLarge(problem).isTheInputs)

        let switched = try Self.pipeline(limits: RenderLimits(maxDotPeople: people - 1)).draw(Analyzer.analyze(account))
        #expect(switched.layout == .switched(to: .sfdp, people: people, limit: people - 1))
        #expect(switched.layout?.lines == .straight)
        #expect(switched.layout?.warning?.contains("drawing it with sfdp and straight lines instead") == true)
        #expect(OutputFile.isMarked(try Self.diagram(switched).data))
    }

    /// With --focus the limits count the people drawn, not the whole account.
    @Test func theLimitsCountThePeopleInFocus() throws {
        let account = try Drawing.account("graphs/north-steel.yaml")
        let focus = DiagramFocus(personId: account.people[0].id, depth: 0)
        let pipeline = try Self.pipeline(
            limits: RenderLimits(maxDiagramPeople: 1), options: DiagramOptions(focus: focus))
        #expect(account.peopleDrawn(focus: focus) == 1)
        #expect(pipeline.layout(for: account) == .success(.asked(.dot)))
    }

    // MARK: Fallbacks

    /// After an abort or a time-out the chain skips the two steps that never help then.
    @Test func theStepsAfterAFailureDependOnHowItFailed() {
        #expect(
            FallbackChain.steps(after: .failed("x")) == [
                .withoutNewrank, .curvedLines, .withoutDepartmentBoxes, .neato,
            ])
        #expect(FallbackChain.steps(after: .crashed(signal: 6, said: "")) == [.withoutDepartmentBoxes, .neato])
        #expect(FallbackChain.steps(after: .timedOut(seconds: 1, layout: .dot)) == [.withoutDepartmentBoxes, .neato])
    }

    /// dot refuses this account ("in routesplines, Pshortestpath failed"): the first two
    /// steps do not help it, curved lines do. Without fallbacks Graphviz's words come back.
    @Test func aRoutingFailureIsDrawnWithCurvedLinesOrNotAtAll() throws {
        let analysis = Analyzer.analyze(try Drawing.account(Drawing.routing))
        let drawn = try Self.diagram(try Self.pipeline().draw(analysis))
        #expect(drawn.fallback == .curvedLines)
        #expect(
            String(decoding: drawn.data, as: UTF8.self).contains(
                "<!-- Written by relmap; drawn with curved lines (splines=curved) -->"))

        let refused = try Self.pipeline(fallbacks: false).draw(analysis)
        guard case .failure(let failure) = refused.drawing, case .graphviz(.failed(let words)) = failure else {
            Issue.record("not a Graphviz failure: \(refused.drawing)")
            return
        }
        #expect(words.hasPrefix("Graphviz's dot layout failed: in routesplines, Pshortestpath failed\n"))
        #expect(!failure.isTheInputs)
        #expect(refused.pageNote == "Graphviz could not draw it: \(words)")
    }

    /// Graphviz aborts the worker on this account: the crash stays in the child, and the
    /// diagram is drawn without department boxes.
    @Test func aCrashIsContainedAndDrawnWithoutDepartmentBoxes() throws {
        let analysis = Analyzer.analyze(try Drawing.account(Drawing.aborts))
        let drawn = try Self.diagram(try Self.pipeline().draw(analysis))
        #expect(drawn.fallback == .withoutDepartmentBoxes)

        let refused = try Self.pipeline(fallbacks: false).draw(analysis)
        guard case .failure(.graphviz(.crashed(let signal, _))) = refused.drawing else {
            Issue.record("not a crash: \(refused.drawing)")
            return
        }
        #expect(signal == SIGABRT)
    }

    /// dot never finishes this account: the worker is stopped at the time limit, which is
    /// the input's limit (exit 65), not Graphviz's failure.
    @Test func anEndlessLayoutIsStoppedAtTheTimeLimit() throws {
        let analysis = Analyzer.analyze(try Drawing.account(Drawing.loops))
        let outcome = try Self.pipeline(limits: RenderLimits(renderTimeout: 0.5), fallbacks: false).draw(analysis)
        guard case .failure(let failure) = outcome.drawing, case .graphviz(.timedOut(let seconds, let layout)) = failure
        else {
            Issue.record("not a time-out: \(outcome.drawing)")
            return
        }
        #expect(seconds == 0.5)
        #expect(layout == .dot)
        #expect(failure.isTheInputs)
        #expect(failure.reason == "Graphviz did not finish the dot layout within the time limit of 0.5 s; stopped it")
    }

    // MARK: In process

    /// Drawn in this process, the pipeline gives a finished SVG of every person, as the
    /// worker does (serve's tests draw this way).
    @Test func inProcessTheDiagramIsFinishedToo() throws {
        let analysis = Analyzer.analyze(try Drawing.account("graphs/north-steel.yaml"))
        let outcome = DiagramPipeline(
            options: DiagramOptions(), format: .svg, limits: RenderLimits(), drawer: .inProcess
        ).draw(analysis)
        let svg = try #require(outcome.svg)
        #expect(svg.contains("<!-- \(OutputFile.mark)"))
        #expect(svg.contains("<title>n\(analysis.account.people.count - 1)</title>"))
    }
}
