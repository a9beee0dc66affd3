import ArgumentParser
import Foundation
import RelMapCore

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Find the gaps in our coverage of each account, most severe first.",
        discussion: """
            Key people nobody reaches or whose stance is unknown, the top decision-maker never met, \
            departments with no contact, stale contacts, single threads (a member, person, contact \
            or tie all our reach to some people runs through), influential opponents, no coach, \
            narrow support. Each gap has a severity and one sentence; see docs/gaps.md.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    @Option(
        help: ArgumentHelp("Show only gaps this severe or worse: critical, high, medium or low.", valueName: "severity")
    )
    var minSeverity: GapSeverity = .low

    @Option(
        help: ArgumentHelp(
            "Wrap the table's sentences to fit this many columns (default: the terminal's width when printing to one).",
            valueName: "columns"))
    var width: Int?

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be a positive number of columns, not \(width).") }
    }

    func run() throws {
        let accounts = try input.loadValid(), minSeverity = minSeverity
        let reports = ParallelMap.map(accounts.count) {
            GapFinder.gaps(in: Analyzer.analyze(accounts[$0])).atLeast(minSeverity)
        }
        try format.print(
            json: { try GapsDocument(reports).printable("gaps") },
            csv: { GapTables.csv(reports).csv() },
            markdown: {
                reports.map { r in
                    "## \(AnalysisTables.heading(r.analysis))\n\n\(GapTables.summary(r))\n\n"
                        + (r.gaps.isEmpty ? "No gaps found.\n" : GapTables.gaps(r).markdown())
                }.joined(separator: "\n")
            },
            table: {
                let width = width ?? Terminal.stdoutWidth
                return reports.map { r in
                    Terminal.heading(AnalysisTables.heading(r.analysis)) + "\n" + GapTables.summary(r) + "\n\n"
                        + (r.gaps.isEmpty ? "no gaps found\n" : GapTables.gaps(r).text(width: width))
                }.joined(separator: "\n")
            })
    }
}

extension GapSeverity: ExpressibleByArgument {}
