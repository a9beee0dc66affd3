import Foundation

/// One change to an account file, in the words of the domain: what `relmap log`, `set`,
/// `add` and `remove` ask for, and what a workspace's forms would send.
///
/// `AccountEditor` turns each into the smallest change of the file's text, checks that
/// the ids it names exist (or, for an addition, do not), and what it does besides is
/// listed in the result's `changes` (a removed person takes their ties and contacts).
public enum AccountEdit: Sendable, Hashable {
    /// Appends an interaction to `interactions` and brings the contact of the member with
    /// each person up to date (see `InteractionLog`).
    case log(InteractionLog)
    /// Sets fields of the person with this id.
    case setPerson(String, [PersonField])
    /// Adds a person; every field given is written (`stance` always, `unknown` included).
    case addPerson(Person)
    /// Adds a tie between two people; a repeated tie is refused by the loader's check.
    case addRelation(Relation)
    /// Adds a contact; a contact between the same two is refused (use `log` to refresh one).
    case addContact(Contact)
    /// Adds a member of our team.
    case addMember(TeamMember)
    /// Removes a person with their ties and contacts; their reports then report to the
    /// person's own manager (or to nobody), and they leave the interactions that name them
    /// (an interaction with nobody else goes).
    case removePerson(String)
    /// Removes the ties from `from` to `to` (either way round for `ally` and `rival`),
    /// of `type` only when given.
    case removeRelation(from: String, to: String, type: RelationType?)
    /// Removes the contact of a team member with a person.
    case removeContact(member: String, person: String)
    /// Removes a team member with their contacts and the interactions they logged.
    case removeMember(String)
}

/// A visit, call, e-mail or meeting to record.
public struct InteractionLog: Sendable, Hashable {
    /// The day it happened; it becomes the contacts' `last` when later than theirs.
    public var date: Day
    /// The team member who met them.
    public var member: String
    /// Everyone met, at least one.
    public var people: [String]
    /// Free text in the file; the CLI offers visit, call, email and meeting.
    public var kind: String?
    /// When given, each contact's strength is set to it; a new contact gets it (else medium).
    public var strength: ContactStrength?
    /// Free text written as the entry's `note`.
    public var note: String?

    /// A log entry; `kind`, `strength` and `note` are left out of the file when nil.
    public init(
        date: Day, member: String, people: [String], kind: String? = nil,
        strength: ContactStrength? = nil, note: String? = nil
    ) {
        self.date = date
        self.member = member
        self.people = people
        self.kind = kind
        self.strength = strength
        self.note = note
    }
}

/// A field of a person that `set` changes; nil clears an optional one (`key: null`).
public enum PersonField: Sendable, Hashable {
    case name(String)
    case title(String?)
    case department(String?)
    case level(Int?)
    case roles([BuyingRole])
    case stance(Stance)
    case influence(Int?)
    case reportsTo(String?)
    case notes(String?)

    /// The keys `parse` knows, as the file writes them.
    public static let keys = [
        "name", "title", "department", "level", "roles", "stance", "influence", "reports_to", "notes",
    ]

    /// The key in the file.
    public var key: String {
        switch self {
        case .name: "name"
        case .title: "title"
        case .department: "department"
        case .level: "level"
        case .roles: "roles"
        case .stance: "stance"
        case .influence: "influence"
        case .reportsTo: "reports_to"
        case .notes: "notes"
        }
    }

    /// The value as YAML text of one line.
    var yaml: String {
        func text(_ s: String?) -> String { s.map(YAMLScalar.text) ?? "null" }
        switch self {
        case .name(let s): return YAMLScalar.text(s)
        case .title(let s), .department(let s), .reportsTo(let s), .notes(let s): return text(s)
        case .level(let n), .influence(let n): return n.map(String.init) ?? "null"
        case .roles(let roles): return "[" + roles.map(\.rawValue).joined(separator: ", ") + "]"
        case .stance(let s): return s.rawValue
        }
    }

    /// The value in words for a change summary.
    var shown: String { Self.shown(self) }

    static func shown(_ field: PersonField) -> String {
        switch field {
        case .name(let s): s
        case .title(let s), .department(let s), .reportsTo(let s), .notes(let s): s ?? "none"
        case .level(let n), .influence(let n): n.map(String.init) ?? "none"
        case .roles(let roles): roles.isEmpty ? "none" : roles.map(\.rawValue).joined(separator: ", ")
        case .stance(let s): s.rawValue
        }
    }

    /// The same field with the person's current value.
    func current(in person: Person) -> PersonField {
        switch self {
        case .name: .name(person.name)
        case .title: .title(person.title)
        case .department: .department(person.department)
        case .level: .level(person.level)
        case .roles: .roles(person.roles)
        case .stance: .stance(person.stance)
        case .influence: .influence(person.influence)
        case .reportsTo: .reportsTo(person.reportsTo)
        case .notes: .notes(person.notes)
        }
    }

    /// Reads `key=value` as the file would: `stance=supporter`, `influence=4`,
    /// `roles=coach,influencer`, `reports_to=zhao`. An empty value or `null` clears an
    /// optional field. Throws a sentence naming what is wrong.
    public static func parse(key: String, value: String) throws(PersonFieldError) -> PersonField {
        let cleared = value.isEmpty || value == "null"
        func number(_ range: ClosedRange<Int>) throws(PersonFieldError) -> Int? {
            if cleared { return nil }
            guard let n = Int(value), range.contains(n) else {
                throw PersonFieldError(
                    "\(key): '\(value)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
            }
            return n
        }
        switch key {
        case "name":
            guard !cleared else { throw PersonFieldError("name: a person always has a name") }
            return .name(value)
        case "title": return .title(cleared ? nil : value)
        case "department": return .department(cleared ? nil : value)
        case "notes": return .notes(cleared ? nil : value)
        case "reports_to": return .reportsTo(cleared ? nil : value)
        case "level": return .level(try number(1...1000))
        case "influence": return .influence(try number(1...5))
        case "stance":
            guard let stance = Stance(rawValue: cleared ? "unknown" : value) else {
                throw PersonFieldError(
                    "stance: '\(value)' is not a stance"
                        + Suggestion.didYouMean(value, in: Stance.allCases.map(\.rawValue))
                        + " (champion, supporter, neutral, skeptic, blocker, unknown)")
            }
            return .stance(stance)
        case "roles":
            var roles: [BuyingRole] = []
            for word in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !word.isEmpty && !cleared {
                guard let role = BuyingRole(rawValue: word) else {
                    throw PersonFieldError(
                        "roles: '\(word)' is not a buying role"
                            + Suggestion.didYouMean(word, in: BuyingRole.allCases.map(\.rawValue)))
                }
                if !roles.contains(role) { roles.append(role) }
            }
            return .roles(roles)
        default:
            throw PersonFieldError(
                "'\(key)' is not a field of a person that can be set" + Suggestion.didYouMean(key, in: keys)
                    + " (\(keys.joined(separator: ", ")))")
        }
    }
}

/// Why `PersonField.parse` refused a `key=value`.
public struct PersonFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sentence, e.g. "stance: 'suporter' is not a stance; did you mean 'supporter'? ...".
    public var description: String
    /// A refusal in these words.
    public init(_ description: String) { self.description = description }
}
