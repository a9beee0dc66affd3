import ArgumentParser
import RelMapCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check account files and report every mistake with its line and column.",
        discussion: """
            Every error is listed. Warnings are listed one by one for a single file; for several \
            files they are counted by kind, with the accounts that have the most (--warnings all \
            lists them). Exits 0 when every file is valid, 65 when any has an error (or, with \
            --strict, a warning).
            """)

    /// How warnings are printed.
    enum WarningsOutput: String, ExpressibleByArgument, CaseIterable {
        /// One line per warning, like errors.
        case all
        /// Counted by kind, with the accounts that have the most.
        case summary
    }

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings as errors (exit 65).")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "all: one line per warning; summary: counted by kind (default: all for one file, summary for several).",
            valueName: "all|summary"))
    var warnings: WarningsOutput?

    func run() throws {
        let report = try input.load()
        let diagnostics = report.diagnostics
        KeptUntilExit.keep(report, diagnostics)  // freed at exit instead of one by one here
        let files = report.files.count
        let listed = (warnings ?? (files > 1 ? .summary : .all)) == .all
        var sources = SourceTexts()
        for d in diagnostics where d.severity == .error || (listed && !quiet) {
            Terminal.err(Terminal.format(d, source: sources.text(of: d.location.file)))
        }
        if !listed, !quiet, diagnostics.warningCount > 0 { Terminal.err(Self.summary(WarningSummary(report.files))) }
        Terminal.out(
            "\(count: files, "file"), \(count: diagnostics.errorCount, "error"), \(count: diagnostics.warningCount, "warning")\n"
        )
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) { throw CommandFailure.dataError() }
    }

    /// The warnings by kind, one line each, counts and titles aligned:
    /// `  59812  nobody on our team reaches the person  in 1998 files; most: acme-17 (41), ...`
    static func summary(_ summary: WarningSummary) -> String {
        let countWidth = summary.groups.map { String($0.count).count }.max() ?? 1
        let titleWidth = summary.groups.map { DisplayWidth.of($0.title) }.max() ?? 0
        let colour = Terminal.colourOnStderr
        var text = Terminal.paint("warnings by kind", "1;33", when: colour) + " (--warnings all lists each one):\n"
        for group in summary.groups {
            let count = String(repeating: " ", count: countWidth - String(group.count).count) + String(group.count)
            let title = group.title + String(repeating: " ", count: titleWidth - DisplayWidth.of(group.title))
            let most = group.worst.map { "\(DisplayWidth.terminalSafe($0.name)) (\($0.count))" }.joined(separator: ", ")
            text += "  \(count)  \(title)  in \(count: group.files, "file"); most: \(most)\n"
        }
        return text
    }
}
