import ArgumentParser
import Foundation
import RelMapCore

/// The account files a command reads, and the limits it reads them with.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Account files or folders of them (*.yaml, *.yml, *.json).", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("Largest account file read, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = 256 << 20

    @Option(help: ArgumentHelp("Most people in one account.", valueName: "n"))
    var maxPeople: Int = 1_000_000

    @Option(help: ArgumentHelp("Most account files read from one folder.", valueName: "n"))
    var maxFiles: Int = 100_000

    func validate() throws {
        guard maxFileSize > 0, maxPeople > 0, maxFiles > 0 else {
            throw ValidationError("limits must be positive numbers")
        }
    }

    var loadOptions: LoadOptions {
        var o = LoadOptions.commandLine(today: .today)
        o.maxFileBytes = maxFileSize
        o.maxPeople = maxPeople
        o.maxFiles = maxFiles
        return o
    }

    /// Loads every file; prints problems with the paths themselves and exits 66.
    func load(warnings: Bool = true) throws -> LoadReport {
        var options = loadOptions
        options.warnsOfUnreachedPeople = warnings
        do {
            return try AccountLoader.load(paths: paths, options: options)
        } catch {
            if case .tooManyFiles = error {
                throw CommandFailure.noInput(error.description + "; raise the limit with --max-files")
            }
            throw CommandFailure.noInput(error.description)
        }
    }

    /// Loads every file and returns the accounts; on any error prints every error (and
    /// the number of warnings) to stderr and exits 65 without output.
    func loadValid() throws -> [Account] {
        // Warnings are dropped here, so the costly one is not looked for.
        let report = try load(warnings: false)
        guard report.hasErrors else {
            KeptUntilExit.keep(report)  // every file's warnings, freed at exit instead
            return report.accounts
        }
        let diagnostics = report.diagnostics
        for d in diagnostics where d.severity == .error { Terminal.err(Terminal.format(d)) }
        let bad = report.files.filter { $0.diagnostics.hasErrors }.count
        throw CommandFailure.dataError(
            "\(count: diagnostics.errorCount, "error") in \(count: bad, "file"); nothing was written (run 'relmap check' to see warnings too)"
        )
    }
}

/// For commands that work on the valid files of a folder and leave the broken ones
/// out (portfolio, report): prints the errors and hands back the files left out.
extension LoadReport {
    func printErrorsAndListBadFiles() -> [LoadedFile] {
        for d in diagnostics where d.severity == .error { Terminal.err(Terminal.format(d)) }
        return files.filter { $0.diagnostics.hasErrors }
    }
}

/// After the output is written: names the files left out and exits 65 if there were any.
func failIfSkipped(_ bad: [LoadedFile]) throws {
    guard !bad.isEmpty else { return }
    throw CommandFailure.dataError(
        "skipped \(count: bad.count, "file") with errors: \(bad.map(\.path).joined(separator: ", "))")
}
