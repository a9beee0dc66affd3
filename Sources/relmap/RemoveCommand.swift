import ArgumentParser
import Foundation
import RelMapCore

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a person, relation, contact or team member from an account file.",
        discussion: """
            A removed person takes their relations and contacts with them, their reports then \
            report to the person's own manager, and they leave the interactions that name them \
            (an interaction with nobody else is removed). A removed team member takes their \
            contacts and the interactions they logged. Everything removed is listed; use \
            --dry-run to see it first. See docs/editing.md.
            """,
        subcommands: [RemovePerson.self, RemoveRelation.self, RemoveContact.self, RemoveMember.self])
}

struct RemovePerson: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "relmap remove person FILE ID")
    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("The person's id.", valueName: "id")) var id: String
    @OptionGroup var edit: EditOptions
    func run() throws { try edit.run(file, [.removePerson(id)]) }
}

struct RemoveRelation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relation", abstract: "relmap remove relation FILE FROM TO [influences|ally|rival]",
        discussion: "Without a type, every tie from FROM to TO goes (either way round for ally and rival).")
    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("One side.", valueName: "from")) var from: String
    @Argument(help: ArgumentHelp("The other side.", valueName: "to")) var to: String
    @Argument(help: "Only ties of this type.") var type: RelationType?
    @OptionGroup var edit: EditOptions
    func run() throws { try edit.run(file, [.removeRelation(from: from, to: to, type: type)]) }
}

struct RemoveContact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "relmap remove contact FILE MEMBER PERSON")
    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("The team member.", valueName: "member")) var member: String
    @Argument(help: ArgumentHelp("The person.", valueName: "person")) var person: String
    @OptionGroup var edit: EditOptions
    func run() throws { try edit.run(file, [.removeContact(member: member, person: person)]) }
}

struct RemoveMember: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "member", abstract: "relmap remove member FILE ID")
    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("The member's id.", valueName: "id")) var id: String
    @OptionGroup var edit: EditOptions
    func run() throws { try edit.run(file, [.removeMember(id)]) }
}
