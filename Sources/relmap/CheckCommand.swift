import ArgumentParser
import RelMapCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check account files and report every mistake with its line and column.",
        discussion: "Exits 0 when every file is valid, 65 when any has an error (or, with --strict, a warning).")

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings as errors (exit 65).")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    func run() throws {
        let report = try input.load()
        let diagnostics = report.diagnostics
        for d in diagnostics where !quiet || d.severity == .error { Terminal.err(Terminal.format(d)) }
        let files = report.files.count
        Terminal.out("\(files) file\(files == 1 ? "" : "s"), \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), \(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")\n")
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) { throw Exit.dataError }
    }
}
