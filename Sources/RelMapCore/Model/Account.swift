/// One key account: the people inside it, our team, and the ties between them.
///
/// Built by the loader from an account file (docs/format.md, format v1) or by code. Every
/// element keeps the place it was written, so later findings can point into the file.
public struct Account: Sendable, Hashable {
    public var id: String
    public var name: String
    public var tier: Tier?
    /// Yearly sales or potential, in `currency`.
    public var value: Double?
    public var currency: String?
    public var stage: Stage?
    /// The day the map describes; contact fading is measured up to this day.
    public var asOf: Day
    public var notes: String?
    public var team: [TeamMember]
    public var people: [Person]
    public var relations: [Relation]
    public var contacts: [Contact]
    public var interactions: [Interaction]
    /// Where the account file is, and where `account:` starts in it.
    public var location: SourceLocation?

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
    public var id: String
    public var name: String
    public var role: String?
    public var location: SourceLocation?

    public init(id: String, name: String, role: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.location = location
    }
}

/// A stakeholder inside the account.
public struct Person: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var title: String?
    public var department: String?
    /// 1 = top of the account; larger = lower. Nil when the file does not say.
    public var level: Int?
    public var roles: [BuyingRole]
    public var stance: Stance
    /// The team's own 1...5 judgment of the person's weight; nil when not given.
    public var influence: Int?
    /// The id of the person's manager.
    public var reportsTo: String?
    public var notes: String?
    public var location: SourceLocation?

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
    public var from: String
    public var to: String
    public var type: RelationType
    /// 0 < strength <= 1; 1 when the file does not say.
    public var strength: Double
    public var location: SourceLocation?

    public init(from: String, to: String, type: RelationType, strength: Double = 1,
                location: SourceLocation? = nil) {
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
    public var member: String
    public var person: String
    public var strength: ContactStrength
    /// The day of the last contact; nil when never recorded (then it counts as stale).
    public var last: Day?
    public var location: SourceLocation?

    public init(member: String, person: String, strength: ContactStrength, last: Day? = nil,
                location: SourceLocation? = nil) {
        self.member = member
        self.person = person
        self.strength = strength
        self.last = last
        self.location = location
    }
}

/// One dated entry of the visit log: a team member met some stakeholders.
public struct Interaction: Sendable, Hashable {
    public var date: Day
    public var member: String
    public var people: [String]
    public var kind: String?
    public var note: String?
    public var location: SourceLocation?

    public init(date: Day, member: String, people: [String], kind: String? = nil,
                note: String? = nil, location: SourceLocation? = nil) {
        self.date = date
        self.member = member
        self.people = people
        self.kind = kind
        self.note = note
        self.location = location
    }
}
