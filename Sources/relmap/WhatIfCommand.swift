import ArgumentParser
import Foundation
import RelMapCore

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Show what hypothetical changes would do to an account: before -> after.",
        discussion: """
            Combine any number of changes. A person who leaves takes their ties and contacts with \
            them (their reports move up to their manager); a team member who leaves takes their \
            contacts. Nothing is written to the account file. An id that names nobody exits 64 \
            with a suggestion. See docs/plan.md.
            """)

    @OptionGroup var input: InputOptions

    @Option(
        help: ArgumentHelp("A person leaves the account, or a team member leaves our team.", valueName: "id"),
        transform: WhatIfArgument.leave)
    var leave: [WhatIfChange] = []

    @Option(
        help: ArgumentHelp("A person's stance changes: ID=STANCE, e.g. zhao=supporter.", valueName: "id=stance"),
        transform: WhatIfArgument.stance)
    var stance: [WhatIfChange] = []

    @Option(
        help: ArgumentHelp(
            "A new or refreshed contact, dated as_of: MEMBER:ID[:STRENGTH] (default medium).",
            valueName: "member:id[:strength]"),
        transform: WhatIfArgument.contact)
    var contact: [WhatIfChange] = []

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    func validate() throws {
        guard !(leave.isEmpty && stance.isEmpty && contact.isEmpty) else {
            throw ValidationError(
                "name at least one change: --leave ID, --stance ID=STANCE or --contact MEMBER:ID[:STRENGTH]")
        }
    }

    func run() throws {
        let accounts = try input.loadValid()
        guard accounts.count == 1, let account = accounts.first else {
            throw CommandFailure.usage("whatif works on one account; the paths given hold \(accounts.count)")
        }
        let comparison: WhatIfComparison
        do { comparison = try WhatIfComparison.compare(account, changes: stance + contact + leave) } catch {
            throw CommandFailure(error)
        }
        let heading = AnalysisTables.heading(comparison.before.analysis)
        try format.print(
            json: { try WhatIfDocument(comparison).printable("comparison") },
            csv: { WhatIfTables.csv(comparison).csv() },
            markdown: {
                "## \(heading)\n\n\(WhatIfTables.changes(comparison))\n\n" + WhatIfTables.scores(comparison).markdown()
                    + "\n" + WhatIfTables.people(comparison).markdown() + "\n"
                    + WhatIfTables.gaps(comparison).markdown()
            },
            table: {
                let unchanged = comparison.opened.isEmpty && comparison.closed.isEmpty && comparison.regraded.isEmpty
                return Terminal.heading(heading) + "\n" + DisplayWidth.terminalSafe(WhatIfTables.changes(comparison))
                    + "\n\n"
                    + WhatIfTables.scores(comparison).text() + "\n"
                    + (comparison.people.isEmpty
                        ? "nobody's rank, influence, reach or stance changes\n"
                        : WhatIfTables.people(comparison).text())
                    + "\n" + (unchanged ? "no gap opens or closes\n" : WhatIfTables.gaps(comparison).text())
            })
    }
}
