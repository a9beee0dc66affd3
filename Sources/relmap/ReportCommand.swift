import ArgumentParser
import Foundation
import RelMapCore
import RelMapGraphviz

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

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the report into (created if missing).", valueName: "dir"))
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
        do { try OutputFile.prepareFolder(output) } catch { throw CommandFailure.cannotCreate(error.description) }
        let inputs = Set(report.files.compactMap { FileIdentity(path: $0.path) })
        let progress = Terminal.isTTY(STDERR_FILENO)
        let options = DiagramOptions(layout: layout, fontName: font)
        var pagesInput: [AccountReportInput] = []
        var undrawn: [(id: String, file: String, reason: String, code: ExitCode)] = []
        // Diagrams are drawn several at once; messages and pages come in account order.
        let accounts = report.accounts, limits = limits, failFast = failFast, withHistory = !noHistory
        try InOrder.run(count: accounts.count, width: limits.width, next: { i in
            if progress { Terminal.err("\r\u{1B}[K[\(i + 1)/\(accounts.count)] \(DisplayWidth.terminalSafe(accounts[i].id))") }
        }, work: { i in
            // The whole page's input (scores, diagram, gaps, plan) is made off this thread.
            let analysis = Analyzer.analyze(accounts[i])
            let diagram = Self.diagram(analysis, options: options, limits: limits)
            let history = withHistory ? accounts[i].location.flatMap { ReportHistory.read($0.file) } : nil
            return (input: AccountReportInput.make(analysis, svg: diagram.svg, svgProblem: diagram.problem, history: history),
                    messages: diagram.messages, failure: diagram.failure)
        }, deliver: { i, done in
            // On a terminal the progress line is cleared first, so each message has a line of its own.
            for message in done.messages { Terminal.err((progress ? "\r\u{1B}[K" : "") + message) }
            if let failure = done.failure {
                if failFast { throw CommandFailure(failure.code, "nothing was written") }
                undrawn.append((accounts[i].id, accounts[i].fileForMessages, failure.reason, failure.code))
            }
            pagesInput.append(done.input)
        })
        if progress { Terminal.err("\r\u{1B}[K") }
        let stampText = stamp ? ISO8601DateFormatter().string(from: Date()) : nil
        do {
            let pages = try ReportBuilder.pages(portfolio: Portfolio(pagesInput), skipped: bad, stamp: stampText)
            for page in pages {
                try OutputFile.write(Data(page.html.utf8), named: page.fileName, in: output, protecting: inputs)
            }
        } catch let error as OutputError {
            throw CommandFailure.cannotCreate(error.description)
        } catch {
            throw CommandFailure.internalError("\(error)")
        }
        let index = (output.hasSuffix("/") ? output : output + "/") + "index.html"
        Terminal.out("report: \(DisplayWidth.terminalSafe(index))\n")
        if !undrawn.isEmpty, accounts.count > 1 {
            Terminal.err("relmap: \(undrawn.count) of \(count: accounts.count, "account") have no diagram "
                + "(their pages say so):\n" + undrawn.map { "  \(DisplayWidth.terminalSafe($0.id)) (\($0.file)): \(DisplayWidth.terminalSafe(firstLine($0.reason)))" }
                .joined(separator: "\n") + "\n")
        }
        try failIfSkipped(bad)
        // A limit (65) is the user's to change; otherwise Graphviz failed (70).
        if let worst = undrawn.contains(where: { $0.code == .dataError }) ? .dataError : undrawn.first?.code { throw CommandFailure(worst) }
    }

    /// The account's diagram as SVG, or why there is none, and what to tell the user; a
    /// diagram that cannot be drawn, is too large or runs past --render-timeout does not
    /// stop the report. Each diagram is laid out in a child process, with the fallbacks
    /// `relmap render` has (`FallbackChain`): Graphviz 2.42 can order clusters differently
    /// on a second layout in one process, and leaks on every layout (docs/diagrams.md). The
    /// render limits are the same as `relmap render`'s. Runs on a worker thread, so it
    /// prints nothing; each message ends with a line break.
    static func diagram(_ analysis: AccountAnalysis, options: DiagramOptions, limits: RenderLimitOptions)
        -> (svg: String?, problem: String?, messages: [String], failure: (reason: String, code: ExitCode)?) {
        let account = analysis.account
        var messages: [String] = []
        var drawn = options
        var lines = LineRouting.asWritten
        switch limits.layout(people: account.people.count, asked: options.layout) {
        case .failure(let problem):
            return (nil, "No diagram: \(problem)",
                    ["relmap: \(account.fileForMessages): \(problem); the report shows no diagram for it\n"],
                    (problem.description, .dataError))
        case .success(let choice):
            if let warning = choice.warning { messages.append("relmap: warning: \(account.fileForMessages): \(warning)\n") }
            drawn.layout = choice.layout
            lines = choice.lines
        }
        do throws(DrawingFailure) {
            let diagram = try FallbackChain.draw(analysis, options: drawn, lines: lines, format: .svg, timeLimit: limits.renderTimeout)
            if let fallback = diagram.fallback {
                messages.append("relmap: warning: \(account.fileForMessages): Graphviz could not draw the diagram of "
                    + "\(DisplayWidth.terminalSafe(account.id)) as designed; drew it \(fallback.summary)\n")
            }
            return (String(decoding: DiagramFile.finished(diagram.data, format: .svg), as: UTF8.self), nil, messages, nil)
        } catch {
            let timedOut: Bool
            if case .graphviz(.timedOut) = error { timedOut = true } else { timedOut = false }
            messages.append(Terminal.safeLines("relmap: \(account.fileForMessages): ", error.reason + "; the report shows no diagram for it"))
            return (nil, "Graphviz could not draw it: \(error.reason)", messages,
                    (error.reason, timedOut ? .dataError : .internalError))
        }
    }
}
