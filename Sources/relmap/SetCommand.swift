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

    @Argument(help: ArgumentHelp("Fields to set.", valueName: "key=value"))
    var fields: [String] = []

    @OptionGroup var edit: EditOptions

    func validate() throws {
        guard !fields.isEmpty else { throw ValidationError("name at least one key=value, e.g. stance=supporter") }
        _ = try personFields(fields)
    }

    func run() throws {
        try edit.run(file, [.setPerson(person, try personFields(fields))])
    }
}

/// `key=value` arguments read as person fields; a wrong key or value is a usage error.
func personFields(_ arguments: [String]) throws -> [PersonField] {
    var fields: [PersonField] = []
    for (key, value) in try keyValues(arguments) {
        do { fields.append(try PersonField.parse(key: key, value: value)) } catch { throw ValidationError(error.description) }
    }
    return fields
}
