import ArgumentParser
import Foundation
import RelMapCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show how an account moved over the git commits that changed its file.",
        discussion: """
            One row per commit, oldest first: coverage, support, opposition, unknown stance, gaps by
            severity, people, and who joined, left or changed stance since the version before. Reads
            the versions with git (one git log, one git cat-file); a version that does not load is
            shown as skipped, with its first error. Exits 66 when the file is not in a git
            repository or was never committed. See docs/history.md.
            """)

    @Argument(help: ArgumentHelp("An account file inside a git repository.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Show only commits authored on or after this day (YYYY-MM-DD).", valueName: "date"),
            transform: { text in
                guard let day = Day(iso: text) else { throw ValidationError("--since: '\(text)' is not a date; write YYYY-MM-DD") }
                return day
            })
    var since: Day?

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    func run() throws {
        let options = HistoryOptions(since: since)
        let history: AccountHistory
        do {
            history = try AccountHistory.read(file, options: options)
        } catch {
            switch error {
            case .notInRepository:
                Terminal.err("relmap: \(DisplayWidth.terminalSafe(file)) is not inside a git repository; relmap history reads the versions git holds\n")
                throw Exit.noInput
            case .cannotRun:
                Terminal.err("relmap: \(DisplayWidth.terminalSafe(error.description))\n")
                throw Exit.internalError
            default:
                Terminal.err("relmap: \(DisplayWidth.terminalSafe(error.description))\n")
                throw Exit.noInput
            }
        }
        try show(history)
        let skipped = history.skipped
        if !skipped.isEmpty {
            let names = skipped.map { "\($0.commit.shortHash) (\($0.commit.day.iso))" }.joined(separator: ", ")
            Terminal.err("relmap: skipped \(skipped.count) version\(skipped.count == 1 ? "" : "s") that do\(skipped.count == 1 ? "es" : "") not load: \(names)\n")
        }
        if !history.entries.isEmpty, history.latest == nil {
            Terminal.err("relmap: no version of \(DisplayWidth.terminalSafe(file))\(since.map { " since \($0.iso)" } ?? "") loads\n")
            throw Exit.dataError
        }
    }

    private func show(_ history: AccountHistory) throws {
        switch format {
        case .json:
            try Terminal.json(HistoryDocument(history), "history")
        case .csv:
            Terminal.out(HistoryTables.csv(history).csv())
        case .markdown:
            Terminal.out("## \(HistoryTables.heading(history))\n\n" + HistoryTables.table(history).markdown())
        case .table:
            let heading = Terminal.paint(DisplayWidth.terminalSafe(HistoryTables.heading(history)), "1", when: Terminal.colourOnStdout)
            Terminal.out(heading + "\n\n" + (history.entries.isEmpty ? "no commit since \(since?.iso ?? "")\n" : HistoryTables.table(history).text()))
        }
    }
}
