import ArgumentParser
import Foundation
import RelMapCore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a person, relation, contact or team member to an account file.",
        discussion: """
            The new item follows the style of the list's last item (one-line {...} or block) \
            and goes at the end of its list; nothing else changes. See docs/editing.md.
            """,
        subcommands: [AddPerson.self, AddRelation.self, AddContact.self, AddMember.self])
}

struct AddPerson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Add a person: relmap add person FILE ID name=NAME [key=value...].",
        discussion:
            "Keys as for 'relmap set': name (required), title, department, level, roles, stance, influence, reports_to, notes."
    )

    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("The new person's id.", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("Fields.", valueName: "key=value"), transform: personField) var fields: [PersonField] =
        []
    @OptionGroup var edit: EditOptions

    func validate() throws {
        guard fields.contains(where: { if case .name = $0 { true } else { false } }) else {
            throw ValidationError("a new person needs name=NAME")
        }
    }

    var person: Person {
        var p = Person(id: id, name: id)
        for field in fields {
            switch field {
            case .name(let s): p.name = s
            case .title(let s): p.title = s
            case .department(let s): p.department = s
            case .level(let n): p.level = n
            case .roles(let r): p.roles = r
            case .stance(let s): p.stance = s
            case .influence(let n): p.influence = n
            case .reportsTo(let s): p.reportsTo = s
            case .notes(let s): p.notes = s
            }
        }
        return p
    }

    func run() throws { try edit.run(file, [.addPerson(person)]) }
}

struct AddRelation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relation",
        abstract: "Add a tie: relmap add relation FILE FROM TO influences|ally|rival [strength=0.8].")

    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("Who influences (or one side).", valueName: "from")) var from: String
    @Argument(help: ArgumentHelp("Who is influenced (or the other side).", valueName: "to")) var to: String
    @Argument(help: "influences, ally or rival.") var type: RelationType
    @Argument(
        help: ArgumentHelp("strength=X, X in (0, 1]; default 1.", valueName: "strength=x"), transform: Self.strength)
    var strength: Double?
    @OptionGroup var edit: EditOptions

    static func strength(_ argument: String) throws -> Double {
        let (key, value) = try keyValue(argument)
        guard key == "strength" else { throw ValidationError("'\(key)': a relation takes only strength=X") }
        guard let x = Double(value), x > 0, x <= 1 else {
            throw ValidationError("strength: '\(value)' is not a number in (0, 1]")
        }
        return x
    }

    func run() throws {
        try edit.run(file, [.addRelation(Relation(from: from, to: to, type: type, strength: strength ?? 1))])
    }
}

struct AddContact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract:
            "Add a contact: relmap add contact FILE MEMBER PERSON [strength=weak|medium|strong] [last=YYYY-MM-DD].",
        discussion:
            "strength defaults to medium. To record a meeting with someone already in contact, use 'relmap log'.")

    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("The team member.", valueName: "member")) var member: String
    @Argument(help: ArgumentHelp("The person they reach.", valueName: "person")) var person: String
    @Argument(help: ArgumentHelp("strength= and last=.", valueName: "key=value"), transform: Field.init) var fields:
        [Field] = []
    @OptionGroup var edit: EditOptions

    enum Field {
        case strength(ContactStrength), last(Day)

        init(_ argument: String) throws {
            let (key, value) = try keyValue(argument)
            switch key {
            case "strength": self = .strength(try contactStrength(value))
            case "last": self = .last(try isoDay(value))
            default: throw ValidationError("'\(key)': a contact takes strength= and last=")
            }
        }
    }

    func run() throws {
        var c = Contact(member: member, person: person, strength: .medium)
        for field in fields {
            switch field {
            case .strength(let s): c.strength = s
            case .last(let d): c.last = d
            }
        }
        try edit.run(file, [.addContact(c)])
    }
}

struct AddMember: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Add a member of our team: relmap add member FILE ID name=NAME [role=ROLE].")

    @Argument(help: ArgumentHelp("The account file (YAML).", valueName: "file")) var file: String
    @Argument(help: ArgumentHelp("The new member's id.", valueName: "id")) var id: String
    @Argument(help: ArgumentHelp("name= and role=.", valueName: "key=value"), transform: Field.init) var fields:
        [Field] = []
    @OptionGroup var edit: EditOptions

    enum Field {
        case name(String), role(String?)

        init(_ argument: String) throws {
            let (key, value) = try keyValue(argument)
            switch key {
            case "name": self = .name(value)
            case "role": self = .role(value.isEmpty ? nil : value)
            default: throw ValidationError("'\(key)': a team member takes name= and role=")
            }
        }
    }

    func validate() throws {
        guard fields.contains(where: { if case .name(let n) = $0 { !n.isEmpty } else { false } }) else {
            throw ValidationError("a new team member needs name=NAME")
        }
    }

    func run() throws {
        var m = TeamMember(id: id, name: id)
        for field in fields {
            switch field {
            case .name(let n): m.name = n
            case .role(let r): m.role = r
            }
        }
        try edit.run(file, [.addMember(m)])
    }
}

extension RelationType: ExpressibleByArgument {}
