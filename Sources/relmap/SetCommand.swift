import ArgumentParser
import Foundation
import RelMapCore

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a person's fields in an account file.",
        discussion: """
            Keys: name, title, department, level, roles, stance, influence, reports_to, notes. \
            roles takes a comma-separated list (roles=coach,influencer); an empty value or \
            'null' clears an optional field (reports_to=). Only the lines of those fields \
            change. Example: relmap set graphs/north-steel.yaml zhao stance=supporter influence=5
            """)

    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file"))
    var file: String

    @Argument(help: ArgumentHelp("The person's id.", valueName: "person"))
    var person: String

    @Argument(help: ArgumentHelp("Fields to set.", valueName: "key=value"), transform: personField)
    var fields: [PersonField] = []

    @OptionGroup var edit: EditOptions

    func validate() throws {
        guard !fields.isEmpty else { throw ValidationError("name at least one key=value, e.g. stance=supporter") }
    }

    func run() throws {
        try edit.run(file, [.setPerson(person, fields)])
    }
}
