import ArgumentParser
import Foundation
import RelMapCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the next visits that raise an account's coverage and support the most.",
        discussion: """
            Visits are chosen one at a time by the largest gain, and each chosen visit is assumed \
            to happen (a medium contact, dated as_of) before the next is chosen. Each visit shows \
            why, the gain, who on our team should go, and the warmest introduction route. \
            An id that names nobody exits 64 with a suggestion. See docs/plan.md.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("How many visits to plan.", valueName: "n"))
    var visits: Int = 5

    @Option(help: ArgumentHelp("Send only this team member.", valueName: "id"))
    var member: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("People not to visit, or team members not to send.", valueName: "id"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("At most N visits for this team member (repeatable).", valueName: "member=n"))
    var capacity: [Capacity] = []

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    @Option(
        help: ArgumentHelp(
            "Print each visit as a block when the table is wider than this many columns (default: the terminal's width when printing to one).",
            valueName: "columns"))
    var width: Int?

    func validate() throws {
        guard visits >= 0 else { throw ValidationError("--visits must be 0 or more") }
        if let width, width < 1 { throw ValidationError("--width must be a positive number of columns, not \(width).") }
    }

    func run() throws {
        let accounts = try input.loadValid()
        var plans: [VisitPlan] = []
        do {
            // An id must name someone in at least one account; in the others it is ignored
            // (--exclude) or the account is an error (--member: nobody there to send).
            try AccountIds.check(exclude, part: .excluded, in: accounts, kinds: .both)
            try AccountIds.check(capacity.map(\.member), part: .capacity, in: accounts, kinds: .members)
            // The last value given for a member wins, as with any repeated option.
            var limits: [String: Int] = [:]
            for c in capacity { limits[c.member] = c.visits }
            // Planned on every core; the first failure in account order is the one told.
            let exclude = exclude, visits = visits, member = member, capacity = limits
            let results = ParallelMap.map(accounts.count) { i in
                let account = accounts[i]
                let excluded = exclude.filter { account.person($0) != nil || account.member($0) != nil }
                let request = PlanRequest(
                    visits: visits, member: member, excluded: excluded,
                    capacity: capacity.filter { account.member($0.key) != nil })
                return Result { () throws(PlanningError) in
                    try VisitPlanner.plan(Analyzer.analyze(account), request: request)
                }
            }
            for result in results { plans.append(try result.get()) }
        } catch {
            throw CommandFailure(error)
        }
        let colour = Terminal.colourOnStdout, width = width ?? Terminal.stdoutWidth
        try format.print(
            jsonPieces: {
                try ParallelOutput.json(plans, "plan") { PlanDocument($0, settings: SettingFlags.names) }
            },
            csv: { ParallelOutput.csv(plans) { PlanTables.csv($0) } },
            markdown: {
                ParallelOutput.joined(plans, separator: "\n") { p in
                    "## \(AnalysisTables.heading(p.analysis))\n\n\(PlanText.summary(p, settings: SettingFlags.names))\n\n"
                        + (p.visits.isEmpty
                            ? PlanTables.emptyNote(p, settings: SettingFlags.names) + "\n"
                            : PlanTables.visits(p).markdown())
                }
            },
            table: {
                ParallelOutput.joined(plans, separator: "\n") { p in
                    Terminal.heading(AnalysisTables.heading(p.analysis), colour: colour) + "\n"
                        + PlanText.summary(p, settings: SettingFlags.names) + "\n\n"
                        + (p.visits.isEmpty
                            ? PlanTables.emptyNote(p, settings: SettingFlags.names) + "\n"
                            : PlanTables.visits(p).fitted(width: width))
                }
            })
        // Freed at exit by the system instead of one object at a time on this thread.
        KeptUntilExit.keep(accounts, plans)
    }
}

/// `--capacity MEMBER=N`: at most N visits for one team member.
struct Capacity: ExpressibleByArgument {
    var member: String
    var visits: Int

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let n = Int(parts[1]), n >= 0 else { return nil }
        member = parts[0]
        visits = n
    }
}
