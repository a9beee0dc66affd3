import ArgumentParser
import Foundation
import RelMapCore

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Rank each account's people by influence and show our reach, coverage and support.",
        discussion: "Scores are explained in docs/scoring.md; --explain ID breaks one person's score into its parts.")

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    @Option(help: ArgumentHelp("Explain one person's influence score as a sum of parts.", valueName: "id"))
    var explain: String?

    func run() throws {
        let accounts = try input.loadValid()
        let analyses = ParallelMap.map(accounts.count) { Analyzer.analyze(accounts[$0]) }
        if let id = explain {
            let found = analyses.compactMap { AnalysisTables.explanation($0, id: id) }
            guard !found.isEmpty else {
                throw CommandFailure.dataError("no person with id '\(id)' in the accounts given")
            }
            Terminal.out(
                found.map { text in
                    text.split(separator: "\n").map { DisplayWidth.terminalSafe(String($0)) }.joined(separator: "\n")
                }.joined(separator: "\n\n") + "\n")
            return
        }
        let colour = Terminal.colourOnStdout
        try format.print(
            jsonPieces: { try ParallelOutput.json(analyses, "analysis", AnalysisDocument.init) },
            csv: { ParallelOutput.csv(analyses) { AnalysisTables.peopleCSV($0) } },
            markdown: {
                ParallelOutput.joined(analyses, separator: "\n") { a in
                    "## \(AnalysisTables.heading(a))\n\n\(AnalysisTables.sharesLine(a.shares))\n\n"
                        + AnalysisTables.people(a).markdown() + "\n" + AnalysisTables.departments(a).markdown()
                }
            },
            table: {
                ParallelOutput.joined(analyses, separator: "\n") { a in
                    Terminal.heading(AnalysisTables.heading(a), colour: colour) + "\n"
                        + AnalysisTables.sharesLine(a.shares) + "\n\n"
                        + AnalysisTables.people(a).text() + "\n" + AnalysisTables.departments(a).text()
                }
            })
        // Freed at exit by the system instead of one object at a time on this thread.
        KeptUntilExit.keep(accounts, analyses)
    }
}
