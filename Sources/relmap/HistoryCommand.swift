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

    @Option(
        help: ArgumentHelp("Show only commits authored on or after this day (YYYY-MM-DD).", valueName: "date"),
        transform: isoDay)
    var since: Day?

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    func run() throws {
        let history: AccountHistory
        var options = HistoryOptions(since: since)
        options.load = .commandLine(today: options.load.today)
        do {
            history = try AccountHistory.read(file, options: options)
        } catch {
            switch error {
            case .notInRepository:
                throw CommandFailure.noInput(
                    "\(file) is not inside a git repository; relmap history reads the versions git holds")
            case .cannotRun: throw CommandFailure.internalError(error.description)
            default: throw CommandFailure.noInput(error.description)
            }
        }
        try format.print(
            json: { try HistoryDocument(history).printable("history") },
            csv: { HistoryTables.csv(history).csv() },
            markdown: { "## \(HistoryTables.heading(history))\n\n" + HistoryTables.table(history).markdown() },
            table: {
                Terminal.heading(HistoryTables.heading(history)) + "\n\n"
                    + (history.entries.isEmpty
                        ? "no commit since \(since?.iso ?? "")\n" : HistoryTables.table(history).text())
            })
        let skipped = history.skipped
        if !skipped.isEmpty {
            let names = skipped.map { "\($0.commit.shortHash) (\($0.commit.day.iso))" }.joined(separator: ", ")
            Terminal.tell(
                "skipped \(count: skipped.count, "version") that do\(skipped.count == 1 ? "es" : "") not load: \(names)"
            )
        }
        if !history.entries.isEmpty, history.latest == nil {
            throw CommandFailure.dataError("no version of \(file)\(since.map { " since \($0.iso)" } ?? "") loads")
        }
    }
}
