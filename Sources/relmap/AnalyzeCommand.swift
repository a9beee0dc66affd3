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
                Terminal.err("relmap: no person with id '\(DisplayWidth.terminalSafe(id))' in the accounts given\n")
                throw Exit.dataError
            }
            Terminal.out(found.map { text in
                text.split(separator: "\n").map { DisplayWidth.terminalSafe(String($0)) }.joined(separator: "\n")
            }.joined(separator: "\n\n") + "\n")
            return
        }
        switch format {
        case .json:
            try Terminal.json(AnalysisDocument(analyses), "analysis")
        case .csv:
            Terminal.out(AnalysisTables.peopleCSV(analyses).csv())
        case .markdown:
            Terminal.out(analyses.map { a in
                "## \(AnalysisTables.heading(a))\n\n\(AnalysisTables.sharesLine(a.shares))\n\n"
                    + AnalysisTables.people(a).markdown() + "\n" + AnalysisTables.departments(a).markdown()
            }.joined(separator: "\n"))
        case .table:
            let bold = Terminal.colourOnStdout
            Terminal.out(analyses.map { a in
                Terminal.paint(DisplayWidth.terminalSafe(AnalysisTables.heading(a)), "1", when: bold) + "\n"
                    + AnalysisTables.sharesLine(a.shares) + "\n\n"
                    + AnalysisTables.people(a).text() + "\n" + AnalysisTables.departments(a).text()
            }.joined(separator: "\n"))
        }
    }
}
