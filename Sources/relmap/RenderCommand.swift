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
            An existing file is replaced only if relmap wrote it. Nothing is written when an \
            input file has an error. The design and the legend are explained in docs/diagrams.md.
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
        var accounts = try input.loadValid()
        if let focus { accounts = try accountsHolding(focus, in: accounts) }
        let destination = try resolveDestination(accounts: accounts.count)
        if destination.format != .dot { try checkGraphviz(destination.format) }
        let options = DiagramOptions(hideTeam: hideTeam, focus: focus.map { DiagramFocus(personId: $0, depth: depth) },
                                     layout: layout, fontName: font, contactEdges: contactEdges.contactEdges)
        let layouts = try chooseLayouts(accounts, options: options, format: destination.format)
        // The files just read, which no output may replace (listing them again is cheap).
        let read = (try? AccountLoader.accountFiles(in: input.paths, options: input.loadOptions)) ?? []
        let inputs = Set(read.compactMap { FileIdentity(path: $0) })
        if case .folder(let path, _) = destination { try prepare(path) }
        if case .file(let folder, _, _) = destination { try prepare(folder) }

        // Diagrams are drawn several at once (`InOrder`); every message, file and stop
        // happens below in account order, as if they were drawn one at a time.
        var progress = Progress(total: accounts.count)
        let format = destination.format, limits = limits, toDraw = accounts
        try InOrder.run(count: toDraw.count, width: limits.width, next: { i in progress.show(toDraw[i].id) }, work: { i in
            var drawn = options
            drawn.layout = layouts[i].layout
            return Self.diagram(of: toDraw[i], options: drawn, lines: layouts[i].lines, format: format, limits: limits)
        }, deliver: { i, drawing in
            let account = toDraw[i]
            if let warning = layouts[i].warning {
                // On a terminal the progress line is cleared first, so the warning has a line of its own.
                Terminal.err((progress.enabled ? "\r\u{1B}[K" : "") + "relmap: warning: \(account.fileForMessages): \(warning)\n")
            }
            try write(try Self.finish(drawing, of: account), account: account, to: destination, inputs: inputs)
        })
        progress.finish(destination)
    }

    // MARK: Steps

    /// The layout of each account's diagram, before anything is drawn: a diagram too large
    /// for a quick dot layout is drawn with sfdp, and one past --max-diagram-people stops
    /// the run with exit 65 and nothing written (docs/limits.md, "Rendering"). DOT output
    /// is laid out by whoever reads it, so it is written as asked.
    private func chooseLayouts(_ accounts: [Account], options: DiagramOptions, format: DiagramFormat) throws -> [LayoutChoice] {
        guard format != .dot else { return accounts.map { _ in .asked(layout) } }
        var tooLarge = false
        let choices = accounts.map { account -> LayoutChoice in
            switch limits.layout(people: account.peopleDrawn(focus: options.focus), asked: layout) {
            case .success(let choice):
                return choice
            case .failure(let problem):
                Terminal.err("relmap: \(account.fileForMessages): \(problem)\n")
                tooLarge = true
                return .asked(layout)
            }
        }
        if tooLarge {
            Terminal.err("relmap: nothing was written\n")
            throw Exit.dataError
        }
        return choices
    }

    /// The accounts that have the person in focus; exits 65 when none has.
    private func accountsHolding(_ id: String, in accounts: [Account]) throws -> [Account] {
        let holding = accounts.filter { $0.person(id) != nil }
        guard holding.isEmpty else { return holding }
        let problem = DiagramFocusError.unknownPerson(id, among: accounts)
        Terminal.err("relmap: --focus: \(DisplayWidth.terminalSafe(problem.description)) in the accounts given\n")
        throw Exit.dataError
    }

    private func resolveDestination(accounts: Int) throws -> DiagramDestination {
        let result = DiagramDestination.resolve(output, format: format, accounts: accounts) { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) ? isFolder.boolValue : nil
        }
        switch result {
        case .success(let destination):
            if case .standardOutput(let f) = destination, !f.isText, Terminal.isTTY(STDOUT_FILENO) {
                throw usage("refusing to write \(f.rawValue.uppercased()) to a terminal; redirect it or use -o FILE")
            }
            return destination
        case .failure(let error):
            throw usage(error.description)
        }
    }

    /// Stops with exit 70 when Graphviz cannot do the job, and warns when Chinese text would
    /// be measured without a text-layout plugin.
    private func checkGraphviz(_ format: DiagramFormat) throws {
        let plugins = Graphviz.pluginReport()
        guard let output = OutputFormat(rawValue: format.rawValue), plugins.supports(output),
              let engine = LayoutEngine(rawValue: layout.rawValue), plugins.supports(engine) else {
            Terminal.err("relmap: Graphviz here cannot lay out with \(layout.rawValue) or write \(format.rawValue); "
                + "rebuild its plugin registry as root with `libgvc6-config-update -c` (Debian) or `dot -c`\n")
            throw Exit.internalError
        }
        if !plugins.hasTextLayout {
            Terminal.err("relmap: warning: Graphviz has no text-layout plugin (pango, from libgvc6 / graphviz's cairo plugin); "
                + "Chinese labels may overflow their boxes\n")
        }
    }

    private func prepare(_ folder: String) throws {
        do { try OutputFile.prepareFolder(folder) } catch {
            Terminal.err("relmap: \(DisplayWidth.terminalSafe(error.description))\n")
            throw Exit.cannotCreate
        }
    }

    /// The diagram's bytes, in a reproducible order and marked as relmap's own, or why
    /// there are none. Runs on a worker thread, so it prints nothing (`finish` does).
    private static func diagram(of account: Account, options: DiagramOptions, lines: LineRouting, format: DiagramFormat,
                                limits: RenderLimitOptions) -> Result<Data, DrawingFailure> {
        let dot: String
        do { dot = try DiagramWriter.dot(Analyzer.analyze(account), options: options) } catch {
            return .failure(.focus(error.description))
        }
        guard format != .dot else { return .success(Data(dot.utf8)) }
        do {
            let drawn = try GraphvizWorker.render(dot: dot, format: format, layout: options.layout, lines: lines,
                                                  timeLimit: limits.renderTimeout)
            return .success(DiagramFile.finished(drawn, format: format, day: account.asOf))
        } catch {
            return .failure(.graphviz(error))
        }
    }

    /// The diagram, or its failure told and turned into an exit code. Exits 70 if
    /// Graphviz fails: the DOT is ours, so a failure is a bug of ours or of the
    /// installation, never of the input. Exits 65 if Graphviz runs past --render-timeout:
    /// then the input is past a limit, like a file past --max-file-size.
    private static func finish(_ drawing: Result<Data, DrawingFailure>, of account: Account) throws -> Data {
        switch drawing {
        case .success(let data):
            return data
        case .failure(.focus(let problem)):
            Terminal.err("relmap: \(account.id): --focus: \(DisplayWidth.terminalSafe(problem))\n")
            throw Exit.dataError
        case .failure(.graphviz(.timedOut(let seconds, let layout))):
            Terminal.err("relmap: \(account.fileForMessages): Graphviz did not finish the \(layout.rawValue) layout of "
                + "\(DisplayWidth.terminalSafe(account.id)) within the time limit of \(RenderLimitOptions.seconds(seconds)); "
                + "stopped it and wrote no diagram for this account (raise the limit with --render-timeout, "
                + "or draw part of it with --focus)\n")
            throw Exit.dataError
        case .failure(.graphviz(let failure)):
            Terminal.err("relmap: \(account.id): \(DisplayWidth.terminalSafe(failure.description))\n")
            throw Exit.internalError
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
            Terminal.err("relmap: \(DisplayWidth.terminalSafe(error.description))\n")
            throw Exit.cannotCreate
        }
    }

    private func usage(_ message: String) -> Error {
        Terminal.err("relmap: \(DisplayWidth.terminalSafe(message))\n")
        return Exit.usage
    }
}

/// Why an account has no diagram.
private enum DrawingFailure: Error {
    /// The person in --focus is not in this account's diagram.
    case focus(String)
    case graphviz(GraphvizWorker.Failure)
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

    func finish(_ destination: DiagramDestination) {
        guard enabled else { return }
        var folder = ""
        if case .folder(let path, _) = destination { folder = " in \(DisplayWidth.terminalSafe(path))" }
        Terminal.err("\r\u{1B}[Krelmap: wrote \(total) \(destination.format.rawValue.uppercased()) files\(folder)\n")
    }
}

extension DiagramFormat: ExpressibleByArgument {}
extension DiagramLayout: ExpressibleByArgument {}
