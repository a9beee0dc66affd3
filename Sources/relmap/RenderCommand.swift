import ArgumentParser
import Foundation
import RelMapCore
import RelMapDrawing
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

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "A folder (created if missing), a file name ending in .svg/.png/.pdf/.dot for one account, or - for standard output.",
            valueName: "path"))
    var output = "."

    @Option(help: "svg, png, pdf or dot (default: from the -o file name, else svg).")
    var format: DiagramFormat?

    @Option(help: "Layout engine: dot (hierarchy, department boxes), neato or sfdp (force-directed).")
    var layout: DiagramLayout = .dot

    @Option(
        help: ArgumentHelp(
            "Font family for all text; it must have Chinese glyphs for Chinese names.", valueName: "name"))
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
            GraphvizWorker.serve(
                dotBytes: bytes, format: (format ?? .svg).rawValue, layout: layout.rawValue,
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
        let options = DiagramOptions(
            hideTeam: hideTeam, focus: focus.map { DiagramFocus(personId: $0, depth: depth) },
            layout: layout, fontName: font, contactEdges: contactEdges.contactEdges)
        let pipeline = DiagramPipeline(
            options: options, format: destination.format, limits: limits.values,
            fallbacks: !noFallback)
        var undrawn = Undrawn()
        try tellTooLarge(accounts, pipeline: pipeline, undrawn: &undrawn)
        let folder: OutputFolder?
        switch destination {
        case .folder(let path, _), .file(let path, _, _): folder = try prepare(path)
        case .standardOutput: folder = nil  // nothing to prepare or protect
        }

        // Diagrams are drawn several at once; every message, file and stop happens below
        // in account order, as if they were drawn one at a time.
        let progress = DrawingProgress(
            total: accounts.count, onTerminal: Terminal.isTTY(STDERR_FILENO), show: Terminal.err)
        var written = 0
        try pipeline.drawAll(
            accounts, progress: progress, then: { _, outcome in outcome },
            deliver: { i, outcome in
                let account = accounts[i]
                // On a terminal the progress line is cleared first, so a message has a line of its own.
                for warning in outcome.warnings(for: account) { Terminal.err(progress.clear + warning) }
                switch outcome.drawing {
                case .success(let diagram):
                    try write(diagram.data, account: account, to: destination, in: folder)
                    written += 1
                case .failure(.tooLarge):
                    break  // told, and counted, before anything was drawn
                case .failure(let failure):
                    Self.tell(failure, of: account, clear: progress.clear)
                    if failFast { throw CommandFailure(failure.exitCode) }
                    undrawn.add(account, failure.reason, code: failure.exitCode)
                }
            })
        var summary = "wrote \(written) \(destination.format.rawValue.uppercased()) files"
        if case .folder(let path, _) = destination { summary += " in \(DisplayWidth.terminalSafe(path))" }
        progress.finish(summary)
        undrawn.tell(among: accounts.count)
        try failIfSkipped(badFiles)
        if let code = undrawn.exitCode { throw CommandFailure(code) }
    }

    // MARK: Steps

    /// Tells, before anything is drawn, of each diagram past --max-diagram-people, which is
    /// not drawn; with --fail-fast that stops the run with exit 65 and nothing written
    /// (docs/limits.md, "Rendering").
    private func tellTooLarge(_ accounts: [Account], pipeline: DiagramPipeline, undrawn: inout Undrawn) throws {
        var tooLarge = false
        for account in accounts {
            guard case .failure(let problem) = pipeline.layout(for: account) else { continue }
            Terminal.tell("\(account.fileForMessages): \(problem)")
            tooLarge = true
            undrawn.add(account, problem.description, code: .dataError)
        }
        if tooLarge, failFast { throw CommandFailure.dataError("nothing was written") }
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
                throw CommandFailure.usage(
                    "refusing to write \(f.rawValue.uppercased()) to a terminal; redirect it or use -o FILE")
            }
            return destination
        case .failure(let error):
            throw CommandFailure.usage(error.message)
        }
    }

    /// Stops with exit 70 when Graphviz cannot do the job, and warns when Chinese text would
    /// be measured without a text-layout plugin.
    private func checkGraphviz(_ format: DiagramFormat) throws {
        let plugins = Graphviz.pluginReport()
        guard let output = OutputFormat(rawValue: format.rawValue), plugins.supports(output),
            let engine = LayoutEngine(rawValue: layout.rawValue), plugins.supports(engine)
        else {
            throw CommandFailure.internalError(
                "Graphviz here cannot lay out with \(layout.rawValue) or write \(format.rawValue); "
                    + "rebuild its plugin registry as root with `libgvc6-config-update -c` (Debian) or `dot -c`")
        }
        if !plugins.hasTextLayout {
            Terminal.warn(
                "Graphviz has no text-layout plugin (pango, from libgvc6 / graphviz's cairo plugin); "
                    + "Chinese labels may overflow their boxes")
        }
    }

    private func prepare(_ folder: String) throws -> OutputFolder {
        do { return try OutputFolder(folder, protectingInputsOf: input.paths, options: input.loadOptions) } catch {
            throw CommandFailure.cannotCreate(error.description)
        }
    }

    /// Tells why an account has no diagram (`DrawingFailure.exitCode` says how it ends the
    /// run): Graphviz's failure in its own words, or the limit the account is past.
    private static func tell(_ failure: DrawingFailure, of account: Account, clear: String) {
        switch failure {
        case .focus(let problem):
            Terminal.err(clear + "relmap: \(account.id): --focus: \(DisplayWidth.terminalSafe(problem))\n")
        case .graphviz(.timedOut(let seconds, let layout)):
            Terminal.err(
                clear + "relmap: \(account.fileForMessages): Graphviz did not finish the \(layout.rawValue) layout of "
                    + "\(DisplayWidth.terminalSafe(account.id)) within the time limit of \(GraphvizWorker.seconds(seconds)); "
                    + "stopped it and wrote no diagram for this account (raise the limit with --render-timeout, "
                    + "or draw part of it with --focus)\n")
        case .graphviz(let failure):
            Terminal.err(clear + Terminal.safeLines("relmap: \(account.id): ", failure.description))
        case .tooLarge:
            break  // told before anything was drawn
        }
    }

    private func write(_ data: Data, account: Account, to destination: DiagramDestination, in folder: OutputFolder?)
        throws
    {
        guard let folder else { return FileHandle.standardOutput.write(data) }
        var name = DiagramFile.name(accountId: account.id, format: destination.format)
        if case .file(_, let named, _) = destination { name = named }
        do { try folder.write(data, named: name) } catch { throw CommandFailure.cannotCreate(error.description) }
    }
}

extension DiagramFormat: ExpressibleByArgument {}
extension DiagramLayout: ExpressibleByArgument {}
