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
        let colour = Terminal.colourOnStdout, width = width ?? Terminal.stdoutWidth
        try format.print(
            jsonPieces: { try ParallelOutput.json(reports, "gaps", GapsDocument.init) },
            csv: { ParallelOutput.csv(reports) { GapTables.csv($0) } },
            markdown: {
                ParallelOutput.joined(reports, separator: "\n") { r in
                    "## \(AnalysisTables.heading(r.analysis))\n\n\(GapTables.summary(r))\n\n"
                        + (r.gaps.isEmpty ? "No gaps found.\n" : GapTables.gaps(r).markdown())
                }
            },
            table: {
                ParallelOutput.joined(reports, separator: "\n") { r in
                    Terminal.heading(AnalysisTables.heading(r.analysis), colour: colour) + "\n"
                        + GapTables.summary(r) + "\n\n"
                        + (r.gaps.isEmpty ? "no gaps found\n" : GapTables.gaps(r).text(width: width))
                }
            })
        // Freed at exit by the system instead of one object at a time on this thread.
        KeptUntilExit.keep(accounts, reports)
    }
}

extension GapSeverity: ExpressibleByArgument {}
