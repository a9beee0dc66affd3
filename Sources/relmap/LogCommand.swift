import ArgumentParser
import Foundation
import RelMapCore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record a visit, call, e-mail or meeting in an account file.",
        discussion: """
            Appends an interaction to 'interactions' and brings each contact up to date: its \
            'last' date (never moved back) and, with --strength, its strength; a contact that \
            does not exist yet is added. A date after the map's as_of moves as_of to it. Only \
            those lines change; comments and layout stay. Prints what changed. See docs/editing.md.
            """)

    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The team member who met them.", valueName: "id"))
    var member: String

    @Option(help: ArgumentHelp("A person met (repeat for several).", valueName: "id"))
    var person: [String] = []

    @Option(help: "visit, call, email or meeting.")
    var kind: InteractionKind?

    @Option(help: "Set each contact's strength: weak, medium or strong.")
    var strength: StrengthWord?

    @Option(
        help: ArgumentHelp("The day it happened (YYYY-MM-DD); default: today.", valueName: "date"), transform: isoDay)
    var date: Day?

    @Option(help: ArgumentHelp("What was said or agreed; the next step.", valueName: "text"))
    var note: String?

    @OptionGroup var edit: EditOptions

    func validate() throws {
        guard !person.isEmpty else { throw ValidationError("name at least one person met with --person") }
    }

    func run() throws {
        let log = InteractionLog(
            date: date ?? .today, member: member, people: person, kind: kind?.rawValue,
            strength: strength?.strength, note: note)
        try edit.run(file, [.log(log)])
    }
}

/// `--kind`.
enum InteractionKind: String, ExpressibleByArgument, CaseIterable {
    case visit, call, email, meeting
}

/// `--strength` of `log`.
enum StrengthWord: String, ExpressibleByArgument, CaseIterable {
    case weak, medium, strong

    var strength: ContactStrength {
        switch self {
        case .weak: .weak
        case .medium: .medium
        case .strong: .strong
        }
    }
}
