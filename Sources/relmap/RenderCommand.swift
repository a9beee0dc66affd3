import ArgumentParser
import Foundation
import RelMapCore
import RelMapGraphviz

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw each account's buying-center diagram as SVG, PNG, PDF or DOT.",
        discussion: """
            One file per account, named by account id (north-steel.svg), written atomically. \
            An existing file is replaced only if relmap wrote it. A file with errors, or an \
            account Graphviz cannot draw even with its fallbacks, is listed at the end and the \
            command exits 65 or 70 after drawing every other one (--fail-fast: stop at the first). \
            The design and the legend are explained in docs/diagrams.md.
            """)

    @OptionGroup var input: InputOptions

    @OptionGroup var limits: RenderLimitOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "A folder (created if missing), a file name ending in .svg/.png/.pdf/.dot for one account, or - for standard output.",
        valueName: "path"))
    var output = "."

    @Option(help: "svg, png, pdf or dot (default: from the -o file name, else svg).")
    var format: DiagramFormat?

    @Option(help: "Layout engine: dot (hierarchy, department boxes), neato or sfdp (force-directed).")
    var layout: DiagramLayout = .dot

    @Option(help: ArgumentHelp("Font family for all text; it must have Chinese glyphs for Chinese names.", valueName: "name"))
    var font = DiagramOptions.defaultFont

    @Flag(help: "Leave out our team and its contacts.")
    var hideTeam = false

    @OptionGroup var contactEdges: ContactEdgeOptions

    @Option(help: ArgumentHelp("Draw only this person and the people around them.", valueName: "id"))
    var focus: String?

    @Option(help: ArgumentHelp("With --focus: how many ties out from the person to draw.", valueName: "n"))
    var depth = 1

    @Flag(help: "Stop at the first account that cannot be drawn, and write nothing when a file has an error.")
    var failFast = false

    @Flag(help: "Draw each diagram as designed or not at all: no fallback when Graphviz fails on it.")
    var noFallback = false

    /// Internal: render DOT from standard input and exit (see `GraphvizWorker`).
    @Option(help: .hidden)
    var graphvizWorker: Int?

    /// Internal: the worker draws straight lines (see `LayoutChoice`).
    @Flag(help: .hidden)
    var graphvizStraightLines = false

    func validate() throws {
        if let problem = DiagramOptions.problem(withFontName: font) { throw ValidationError("--font: \(problem)") }
        guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
        if focus == nil, depth != 1 { throw ValidationError("--depth needs --focus") }
    }

    func run() throws {
        if let bytes = graphvizWorker {
            GraphvizWorker.serve(dotBytes: bytes, format: format ?? .svg, layout: layout,
                                 lines: graphvizStraightLines ? .straight : .asWritten)
        }
        // A folder is drawn whole: a bad file or an account Graphviz cannot draw is listed at
        // the end. --fail-fast keeps the first problem's stop, with nothing written for a bad file.
        var badFiles: [LoadedFile] = []
        var accounts: [Account]
        if failFast {
            accounts = try input.loadValid()
        } else {
            let report = try input.load()
            badFiles = report.printErrorsAndListBadFiles()
            accounts = report.accounts
            if accounts.isEmpty, !badFiles.isEmpty {
                throw CommandFailure.dataError("no valid account to draw; nothing was written")
            }
        }
        if let focus { accounts = try accountsHolding(focus, in: accounts) }
        let destination = try resolveDestination(accounts: accounts.count)
        if destination.format != .dot { try checkGraphviz(destination.format) }
        let options = DiagramOptions(hideTeam: hideTeam, focus: focus.map { DiagramFocus(personId: $0, depth: depth) },
                                     layout: layout, fontName: font, contactEdges: contactEdges.contactEdges)
        var failures = Failures()
        let layouts = try chooseLayouts(accounts, options: options, format: destination.format, failures: &failures)
        // The files just read, which no output may replace (listing them again is cheap).
        let read = (try? AccountLoader.accountFiles(in: input.paths, options: input.loadOptions)) ?? []
        let inputs = Set(read.compactMap { FileIdentity(path: $0) })
        if case .folder(let path, _) = destination { try prepare(path) }
        if case .file(let folder, _, _) = destination { try prepare(folder) }

        // Diagrams are drawn several at once (`InOrder`); every message, file and stop
        // happens below in account order, as if they were drawn one at a time.
        var progress = Progress(total: accounts.count)
        var written = 0
        let format = destination.format, limits = limits, toDraw = accounts, failFast = failFast, fallbacks = !noFallback
        try InOrder.run(count: toDraw.count, width: limits.width, next: { i in progress.show(toDraw[i].id) }, work: { i in
            guard let layout = layouts[i] else { return Result<DrawnDiagram, DrawingFailure>.failure(.tooLarge) }
            var drawn = options
            drawn.layout = layout.layout
            do throws(DrawingFailure) {
                return .success(try FallbackChain.draw(Analyzer.analyze(toDraw[i]), options: drawn, lines: layout.lines,
                                                       format: format, timeLimit: limits.renderTimeout, fallbacks: fallbacks))
            } catch {
                return .failure(error)
            }
        }, deliver: { (i: Int, drawing: Result<DrawnDiagram, DrawingFailure>) in
            let account = toDraw[i]
            // On a terminal the progress line is cleared first, so a message has a line of its own.
            let clear = progress.enabled ? "\r\u{1B}[K" : ""
            if let warning = layouts[i]?.warning {
                Terminal.err(clear + "relmap: warning: \(account.fileForMessages): \(warning)\n")
            }
            switch drawing {
            case .success(let diagram):
                if let fallback = diagram.fallback {
                    Terminal.err(clear + "relmap: warning: \(account.fileForMessages): Graphviz could not draw the diagram of "
                        + "\(DisplayWidth.terminalSafe(account.id)) as designed; drew it \(fallback.summary)\n")
                }
                let data = format == .dot ? diagram.data : DiagramFile.finished(diagram.data, format: format, day: account.asOf)
                try write(data, account: account, to: destination, inputs: inputs)
                written += 1
            case .failure(.tooLarge):
                break  // told, and counted, before anything was drawn
            case .failure(let failure):
                let code = Self.tell(failure, of: account, clear: clear)
                if failFast { throw code }
                failures.add(account, failure.reason, code: code)
            }
        })
        progress.finish(destination, written: written)
        try failures.finish(drawn: accounts.count, badFiles: badFiles)
    }

    // MARK: Steps

    /// The layout of each account's diagram, before anything is drawn: a diagram too large
    /// for a quick dot layout is drawn with sfdp, and one past --max-diagram-people is not
    /// drawn (nil): with --fail-fast that stops the run with exit 65 and nothing written
    /// (docs/limits.md, "Rendering"). DOT output is laid out by whoever reads it, so it is
    /// written as asked.
    private func chooseLayouts(_ accounts: [Account], options: DiagramOptions, format: DiagramFormat,
                               failures: inout Failures) throws -> [LayoutChoice?] {
        guard format != .dot else { return accounts.map { _ in .asked(layout) } }
        var tooLarge = false
        let choices = accounts.map { account -> LayoutChoice? in
            switch limits.layout(people: account.peopleDrawn(focus: options.focus), asked: layout) {
            case .success(let choice):
                return choice
            case .failure(let problem):
                Terminal.tell("\(account.fileForMessages): \(problem)")
                tooLarge = true
                failures.add(account, problem.description, code: .dataError)
                return nil
            }
        }
        if tooLarge, failFast { throw CommandFailure.dataError("nothing was written") }
        return choices
    }

    /// The accounts that have the person in focus; exits 65 when none has.
    private func accountsHolding(_ id: String, in accounts: [Account]) throws -> [Account] {
        let holding = accounts.filter { $0.person(id) != nil }
        guard holding.isEmpty else { return holding }
        let problem = DiagramFocusError.unknownPerson(id, among: accounts)
        throw CommandFailure.dataError("--focus: \(problem.description) in the accounts given")
    }

    private func resolveDestination(accounts: Int) throws -> DiagramDestination {
        let result = DiagramDestination.resolve(output, format: format, accounts: accounts) { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) ? isFolder.boolValue : nil
        }
        switch result {
        case .success(let destination):
            if case .standardOutput(let f) = destination, !f.isText, Terminal.isTTY(STDOUT_FILENO) {
                throw CommandFailure.usage("refusing to write \(f.rawValue.uppercased()) to a terminal; redirect it or use -o FILE")
            }
            return destination
        case .failure(let error):
            throw CommandFailure.usage(error.description)
        }
    }

    /// Stops with exit 70 when Graphviz cannot do the job, and warns when Chinese text would
    /// be measured without a text-layout plugin.
    private func checkGraphviz(_ format: DiagramFormat) throws {
        let plugins = Graphviz.pluginReport()
        guard let output = OutputFormat(rawValue: format.rawValue), plugins.supports(output),
              let engine = LayoutEngine(rawValue: layout.rawValue), plugins.supports(engine) else {
            throw CommandFailure.internalError("Graphviz here cannot lay out with \(layout.rawValue) or write \(format.rawValue); "
                + "rebuild its plugin registry as root with `libgvc6-config-update -c` (Debian) or `dot -c`")
        }
        if !plugins.hasTextLayout {
            Terminal.warn("Graphviz has no text-layout plugin (pango, from libgvc6 / graphviz's cairo plugin); "
                + "Chinese labels may overflow their boxes")
        }
    }

    private func prepare(_ folder: String) throws {
        do { try OutputFile.prepareFolder(folder) } catch { throw CommandFailure.cannotCreate(error.description) }
    }

    /// Tells why an account has no diagram and returns the exit code it stands for: 70 if
    /// Graphviz fails, since the DOT is ours, so a failure is a bug of ours or of the
    /// installation, never of the input; 65 if Graphviz runs past --render-timeout, since
    /// then the input is past a limit, like a file past --max-file-size.
    private static func tell(_ failure: DrawingFailure, of account: Account, clear: String) -> ExitCode {
        switch failure {
        case .focus(let problem):
            Terminal.err(clear + "relmap: \(account.id): --focus: \(DisplayWidth.terminalSafe(problem))\n")
            return .dataError
        case .graphviz(.timedOut(let seconds, let layout)):
            Terminal.err(clear + "relmap: \(account.fileForMessages): Graphviz did not finish the \(layout.rawValue) layout of "
                + "\(DisplayWidth.terminalSafe(account.id)) within the time limit of \(RenderLimitOptions.seconds(seconds)); "
                + "stopped it and wrote no diagram for this account (raise the limit with --render-timeout, "
                + "or draw part of it with --focus)\n")
            return .dataError
        case .graphviz(let failure):
            Terminal.err(clear + Terminal.safeLines("relmap: \(account.id): ", failure.description))
            return .internalError
        case .tooLarge:
            return .dataError
        }
    }

    private func write(_ data: Data, account: Account, to destination: DiagramDestination, inputs: Set<FileIdentity>) throws {
        do {
            switch destination {
            case .standardOutput:
                FileHandle.standardOutput.write(data)
            case .folder(let folder, let format):
                try OutputFile.write(data, named: DiagramFile.name(accountId: account.id, format: format), in: folder, protecting: inputs)
            case .file(let folder, let name, _):
                try OutputFile.write(data, named: name, in: folder, protecting: inputs)
            }
        } catch {
            throw CommandFailure.cannotCreate(error.description)
        }
    }
}

/// The accounts drawn without a diagram, listed once every other diagram is written.
private struct Failures {
    private var lines: [String] = []
    private var worst: ExitCode?

    mutating func add(_ account: Account, _ reason: String, code: ExitCode) {
        lines.append("  \(DisplayWidth.terminalSafe(account.id)) (\(account.fileForMessages)): "
            + DisplayWidth.terminalSafe(firstLine(reason)))
        // A bad file or a limit (65) is the user's to fix first; else Graphviz failed (70).
        if worst != .dataError { worst = code }
    }

    /// Lists the accounts with no diagram and the files left out, and exits 65 if any file
    /// or limit was at fault, 70 if only Graphviz was.
    func finish(drawn: Int, badFiles: [LoadedFile]) throws {
        // One account's failure is already told; the list is for finding them among many.
        if !lines.isEmpty, drawn > 1 {
            Terminal.err("relmap: \(lines.count) of \(count: drawn, "account") have no diagram:\n"
                + lines.joined(separator: "\n") + "\n")
        }
        try failIfSkipped(badFiles)
        if let worst { throw CommandFailure(worst) }
    }
}

/// "rendering 3/6 north-steel" on one rewritten line of stderr, only on a terminal and
/// only for more than one account.
private struct Progress {
    let total: Int
    let enabled: Bool
    private var done = 0

    init(total: Int) {
        self.total = total
        enabled = total > 1 && Terminal.isTTY(STDERR_FILENO)
    }

    mutating func show(_ id: String) {
        done += 1
        if enabled { Terminal.err("\r\u{1B}[Krelmap: rendering \(done)/\(total) \(DisplayWidth.terminalSafe(id))") }
    }

    func finish(_ destination: DiagramDestination, written: Int) {
        guard enabled else { return }
        var folder = ""
        if case .folder(let path, _) = destination { folder = " in \(DisplayWidth.terminalSafe(path))" }
        Terminal.err("\r\u{1B}[Krelmap: wrote \(written) \(destination.format.rawValue.uppercased()) files\(folder)\n")
    }
}

extension DiagramFormat: ExpressibleByArgument {}
extension DiagramLayout: ExpressibleByArgument {}
