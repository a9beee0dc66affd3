import ArgumentParser
import Foundation
import RelMapCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in an account between two versions of its file.",
        discussion: """
            relmap diff OLD NEW compares two files; relmap diff FILE --git REV compares FILE with its
            version at a git revision (a tag, a branch, HEAD~3). Shows people added and removed, stance
            and role changes, contacts gained, lost or gone stale, influence ranks, and coverage,
            support and opposition. See docs/import.md.
            """)

    @Argument(help: ArgumentHelp("OLD and NEW account files, or one file with --git.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Compare FILE with its version at this git revision.", valueName: "rev"))
    var git: String?

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    @Option(
        name: .customLong("stale-after"),
        help: ArgumentHelp(
            "Days after which a contact counts as stale; default: the reach half-life (90).", valueName: "days"))
    var staleAfter: Int?

    func validate() throws {
        if git != nil && files.count != 1 {
            throw ValidationError("with --git, name one file: relmap diff FILE --git REV")
        }
        if git == nil && files.count != 2 {
            throw ValidationError("name two files, OLD and NEW (or one file with --git REV)")
        }
        if let staleAfter, staleAfter < 0 { throw ValidationError("--stale-after must be 0 or more") }
    }

    func run() throws {
        let options = LoadOptions.commandLine(today: .today)
        let old: LoadedFile, new: LoadedFile
        if let git {
            let path = files[0]
            guard FileManager.default.fileExists(atPath: path) else {
                throw CommandFailure.noInput("\(path): no such file")
            }
            do {
                let (data, name) = try GitHistory.read(path, at: git)
                old = AccountLoader.load(data: data, path: name, options: options)
            } catch {
                throw CommandFailure.noInput(error.description)
            }
            new = AccountLoader.load(file: path, options: options)
        } else {
            for path in files where !FileManager.default.fileExists(atPath: path) {
                throw CommandFailure.noInput("\(path): no such file")
            }
            old = AccountLoader.load(file: files[0], options: options)
            new = AccountLoader.load(file: files[1], options: options)
        }
        guard let before = old.account, let after = new.account else {
            let errors = (old.diagnostics + new.diagnostics).filter { $0.severity == .error }
            for d in errors { Terminal.err(Terminal.format(d)) }
            let which = old.account == nil && new.account == nil ? "files" : "file"
            throw CommandFailure.dataError("\(count: errors.count, "error"); fix the \(which) first (relmap check)")
        }
        if before.id != after.id {
            Terminal.warn("comparing two different accounts ('\(before.id)' and '\(after.id)')")
        }
        var diffOptions = DiffOptions()
        diffOptions.gaps = GapAdapters.diffSource
        if let staleAfter { diffOptions.staleAfterDays = staleAfter }
        let diff = AccountDiff.between(
            old: Analyzer.analyze(before), new: Analyzer.analyze(after), options: diffOptions)
        try format.print(
            json: { try DiffDocument(diff).printable("diff") },
            csv: { DiffCSV.table(diff).csv() },
            markdown: {
                "## \(DiffTables.heading(diff))\n\n"
                    + DiffTables.sections(diff).map { $0.markdown() }.joined(separator: "\n")
                    + (diff.isEmpty ? "\nNo changes to people, stances, roles or contacts.\n" : "")
            },
            table: {
                Terminal.heading(DiffTables.heading(diff)) + "\n\n"
                    + DiffTables.sections(diff).map { $0.text() }.joined(separator: "\n")
                    + (diff.isEmpty ? "\nno changes to people, stances, roles or contacts\n" : "")
            })
    }
}
