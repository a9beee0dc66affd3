import ArgumentParser
import Foundation
import RelMapCore
import RelMapDrawing

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: a portfolio page and one page per account.",
        discussion: """
            The report works from file:// with no network: diagrams are inline SVG, styles and
            the one script are inline. A file with errors is listed on the portfolio page and
            left out; the command then exits 65 after writing the rest. An account whose diagram
            Graphviz cannot draw, even with the fallbacks, keeps its page with a note instead,
            is marked on the portfolio page and listed at the end (exit 70). See docs/report.md.
            """)

    @OptionGroup var input: InputOptions

    @OptionGroup var limits: RenderLimitOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The folder to write the report into (created if missing).", valueName: "dir"))
    var output: String

    @Option(help: "Layout engine for the diagrams: dot, neato or sfdp.")
    var layout: DiagramLayout = .dot

    @Option(help: ArgumentHelp("Font family for diagram labels.", valueName: "name"))
    var font: String = DiagramOptions.defaultFont

    @Flag(help: "Stop at the first account whose diagram cannot be drawn, and at a file with errors, writing nothing.")
    var failFast = false

    @Flag(help: "Print the time of writing on every page (off by default, so the same input gives the same bytes).")
    var stamp = false

    @Flag(help: "Leave out the trend chart of each file's git history (docs/history.md).")
    var noHistory = false

    func validate() throws {
        if let problem = DiagramOptions.problem(withFontName: font) { throw ValidationError(problem) }
    }

    func run() throws {
        let report = try input.load()
        if failFast, report.hasErrors { _ = try input.loadValid() }  // prints every error, exits 65
        let bad = report.printErrorsAndListBadFiles()
        guard !report.accounts.isEmpty else {
            throw CommandFailure.dataError("no valid account to report on; nothing was written")
        }
        let folder: OutputFolder
        do { folder = try OutputFolder(output, protectingInputsOf: input.paths, options: input.loadOptions) } catch {
            throw CommandFailure.cannotCreate(error.description)
        }
        // Each diagram is laid out in a child process, with the fallbacks and limits `relmap
        // render` has: Graphviz 2.42 can order clusters differently on a second layout in
        // one process, and leaks on every layout (docs/diagrams.md). A diagram that cannot
        // be drawn, is too large or runs past --render-timeout does not stop the report.
        let pipeline = DiagramPipeline(
            options: DiagramOptions(layout: layout, fontName: font), format: .svg,
            limits: limits.values)
        let progress = DrawingProgress(
            total: report.accounts.count, onTerminal: Terminal.isTTY(STDERR_FILENO),
            show: Terminal.err)
        var pagesInput: [AccountReportInput] = []
        var undrawn = Undrawn()
        // Diagrams are drawn several at once; messages and pages come in account order.
        let accounts = report.accounts, failFast = failFast, withHistory = !noHistory
        try pipeline.drawAll(
            accounts, progress: progress,
            then: { analysis, diagram in
                // The whole page's input (scores, diagram, gaps, plan) is made off this thread.
                let history = withHistory ? analysis.account.location.flatMap { ReportHistory.read($0.file) } : nil
                return (
                    input: AccountReportInput.make(
                        analysis, svg: diagram.svg, svgProblem: diagram.pageNote, history: history),
                    diagram: diagram
                )
            },
            deliver: { i, done in
                let account = accounts[i]
                // On a terminal the progress line is cleared first, so each message has a line of its own.
                for message in done.diagram.warnings(for: account) + Self.problems(done.diagram, of: account) {
                    Terminal.err(progress.clear + message)
                }
                if case .failure(let failure) = done.diagram.drawing {
                    if failFast { throw CommandFailure(failure.exitCode, "nothing was written") }
                    undrawn.add(account, Self.reason(failure), code: failure.exitCode)
                }
                pagesInput.append(done.input)
            })
        progress.finish()
        let stampText = stamp ? ISO8601DateFormatter().string(from: Date()) : nil
        do {
            let pages = try ReportBuilder.pages(portfolio: Portfolio(pagesInput), skipped: bad, stamp: stampText)
            for page in pages {
                try folder.write(Data(page.html.utf8), named: page.fileName)
            }
        } catch let error as OutputError {
            throw CommandFailure.cannotCreate(error.description)
        } catch {
            throw CommandFailure.internalError("\(error)")
        }
        let index = (output.hasSuffix("/") ? output : output + "/") + "index.html"
        Terminal.out("report: \(DisplayWidth.terminalSafe(index))\n")
        undrawn.tell(among: accounts.count, note: " (their pages say so)")
        try failIfSkipped(bad)
        if let code = undrawn.exitCode { throw CommandFailure(code) }
    }

    /// Why the account's page has no diagram, for the list at the end.
    private static func reason(_ failure: DrawingFailure) -> String {
        if case .tooLarge(let problem) = failure { return problem.description }
        return failure.reason
    }

    /// What to tell when the account's page has no diagram; each message ends with a line break.
    private static func problems(_ diagram: DiagramOutcome, of account: Account) -> [String] {
        switch diagram.drawing {
        case .success:
            return []
        case .failure(.tooLarge(let problem)):
            return ["relmap: \(account.fileForMessages): \(problem); the report shows no diagram for it\n"]
        case .failure(let failure):
            return [
                Terminal.safeLines(
                    "relmap: \(account.fileForMessages): ", failure.reason + "; the report shows no diagram for it")
            ]
        }
    }
}
