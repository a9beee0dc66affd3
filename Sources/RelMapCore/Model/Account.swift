/// One key account: the people inside it, our team, and the ties between them.
///
/// Built by the loader from an account file (docs/format.md, format v1) or by code. Every
/// element keeps the place it was written, so later findings can point into the file.
public struct Account: Sendable, Hashable {
    /// The account's id (letters, digits, `-`, `_`), unique in a folder; names its output files.
    public var id: String
    /// The name people know the account by; may be any script.
    public var name: String
    /// The account's commercial weight; nil when the file does not say.
    public var tier: Tier?
    /// Yearly sales or potential, in `currency`.
    public var value: Double?
    /// The currency `value` is in, as written (e.g. `CNY`).
    public var currency: String?
    /// Where our relationship with the account stands; nil when not given.
    public var stage: Stage?
    /// The day the map describes; contact fading is measured up to this day.
    public var asOf: Day
    /// Free notes: text as written, or a list's or mapping's values joined.
    public var notes: String?
    /// Our side, in file order.
    public var team: [TeamMember]
    /// The stakeholders inside the account, in file order.
    public var people: [Person]
    /// The informal ties between stakeholders, in file order.
    public var relations: [Relation]
    /// Who on our team reaches whom, in file order.
    public var contacts: [Contact]
    /// The dated visit log, in file order; it keeps contacts' `last` up to date.
    public var interactions: [Interaction]
    /// Where the account file is, and where `account:` starts in it.
    public var location: SourceLocation?

    /// An account with everything given; nothing is checked (the loader validates files).
    public init(
        id: String, name: String, tier: Tier? = nil, value: Double? = nil, currency: String? = nil,
        stage: Stage? = nil, asOf: Day, notes: String? = nil, team: [TeamMember] = [],
        people: [Person] = [], relations: [Relation] = [], contacts: [Contact] = [],
        interactions: [Interaction] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.tier = tier
        self.value = value
        self.currency = currency
        self.stage = stage
        self.asOf = asOf
        self.notes = notes
        self.team = team
        self.people = people
        self.relations = relations
        self.contacts = contacts
        self.interactions = interactions
        self.location = location
    }

    /// The person with this id, if any.
    public func person(_ id: String) -> Person? { people.first { $0.id == id } }
    /// The team member with this id, if any.
    public func member(_ id: String) -> TeamMember? { team.first { $0.id == id } }
}

/// Someone on our side: account manager, solution engineer, executive sponsor, service staff.
public struct TeamMember: Sendable, Hashable, Identifiable {
    /// Unique among the account's team and people (one namespace).
    public var id: String
    /// The member's name as shown in tables, diagrams and plans.
    public var name: String
    /// Their job on our side in free words (e.g. "account manager"); the planner reads it.
    public var role: String?
    /// Where the member's entry starts in the account file.
    public var location: SourceLocation?

    /// A team member; nothing is checked.
    public init(id: String, name: String, role: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.location = location
    }
}

/// A stakeholder inside the account.
public struct Person: Sendable, Hashable, Identifiable {
    /// Unique among the account's team and people (one namespace).
    public var id: String
    /// The person's name as written; shown in every table, diagram and sentence.
    public var name: String
    /// Their job title, as written.
    public var title: String?
    /// The department, as written; people with the same text share a department.
    public var department: String?
    /// 1 = top of the account; larger = lower. Nil when the file does not say.
    public var level: Int?
    /// Their parts in the buying decision, as written; may be empty.
    public var roles: [BuyingRole]
    /// Where they stand towards us; `.unknown` when the file does not say.
    public var stance: Stance
    /// The team's own 1...5 judgment of the person's weight; nil when not given.
    public var influence: Int?
    /// The id of the person's manager.
    public var reportsTo: String?
    /// Free notes: text as written, or a list's or mapping's values joined.
    public var notes: String?
    /// Where the person's entry starts in the account file.
    public var location: SourceLocation?

    /// A person; nothing is checked (ids and levels are validated by the loader).
    public init(
        id: String, name: String, title: String? = nil, department: String? = nil,
        level: Int? = nil, roles: [BuyingRole] = [], stance: Stance = .unknown,
        influence: Int? = nil, reportsTo: String? = nil, notes: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.department = department
        self.level = level
        self.roles = roles
        self.stance = stance
        self.influence = influence
        self.reportsTo = reportsTo
        self.notes = notes
        self.location = location
    }

    /// The heaviest of the person's roles, which decides the diagram's shape.
    public var mainRole: BuyingRole? { roles.min() }
}

/// An informal tie inside the account.
public struct Relation: Sendable, Hashable {
    /// The id of the person the tie starts at.
    public var from: String
    /// The id of the person the tie points to.
    public var to: String
    /// What the tie is; `ally` and `rival` read both ways.
    public var type: RelationType
    /// 0 < strength <= 1; 1 when the file does not say.
    public var strength: Double
    /// Where the tie is written in the account file.
    public var location: SourceLocation?

    /// A tie; nothing is checked.
    public init(
        from: String, to: String, type: RelationType, strength: Double = 1,
        location: SourceLocation? = nil
    ) {
        self.from = from
        self.to = to
        self.type = type
        self.strength = strength
        self.location = location
    }
}

/// How strongly one of our team reaches one stakeholder.
public enum ContactStrength: Sendable, Hashable {
    case weak, medium, strong
    case value(Double)

    /// The number the scores use: weak 0.3, medium 0.6, strong 0.9 (docs/scoring.md).
    public var value: Double {
        switch self {
        case .weak: 0.3
        case .medium: 0.6
        case .strong: 0.9
        case .value(let v): v
        }
    }

    /// The word a person would use for this strength.
    public var label: String {
        switch self {
        case .weak: "weak"
        case .medium: "medium"
        case .strong: "strong"
        case .value(let v): v >= 0.75 ? "strong" : v >= 0.45 ? "medium" : "weak"
        }
    }
}

/// A working relationship between a team member and a stakeholder.
public struct Contact: Sendable, Hashable {
    /// The id of the team member.
    public var member: String
    /// The id of the stakeholder they reach.
    public var person: String
    /// How strongly the member reaches them, before fading with time.
    public var strength: ContactStrength
    /// The day of the last contact; nil when never recorded (then it counts as stale).
    public var last: Day?
    /// Where the contact is written in the account file.
    public var location: SourceLocation?

    /// A contact; nothing is checked.
    public init(
        member: String, person: String, strength: ContactStrength, last: Day? = nil,
        location: SourceLocation? = nil
    ) {
        self.member = member
        self.person = person
        self.strength = strength
        self.last = last
        self.location = location
    }
}

/// One dated entry of the visit log: a team member met some stakeholders.
public struct Interaction: Sendable, Hashable {
    /// The day it happened.
    public var date: Day
    /// The id of the team member who met them.
    public var member: String
    /// The ids of the stakeholders met.
    public var people: [String]
    /// What it was, in free words (`visit`, `call`, `e-mail`, ...).
    public var kind: String?
    /// Free text about it.
    public var note: String?
    /// Where the entry is written in the account file.
    public var location: SourceLocation?

    /// An interaction; nothing is checked.
    public init(
        date: Day, member: String, people: [String], kind: String? = nil,
        note: String? = nil, location: SourceLocation? = nil
    ) {
        self.date = date
        self.member = member
        self.people = people
        self.kind = kind
        self.note = note
        self.location = location
    }
}
