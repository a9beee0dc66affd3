/// How urgent a gap is, from a documented rule (docs/gaps.md, "Severity").
public enum GapSeverity: String, Sendable, CaseIterable, Codable, Comparable {
    case critical, high, medium, low

    /// Critical first: `a < b` when `a` is more severe.
    public static func < (a: GapSeverity, b: GapSeverity) -> Bool { a.rank < b.rank }

    /// 0 for critical ... 3 for low.
    public var rank: Int {
        switch self {
        case .critical: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        }
    }
}

/// The kinds of gap relmap finds (docs/gaps.md has one section per kind).
public enum GapKind: String, Sendable, CaseIterable, Codable {
    case topDecisionMakerNeverMet = "top-decision-maker-never-met"
    case keyPersonNotReached = "key-person-not-reached"
    case keyPersonStanceUnknown = "key-person-stance-unknown"
    case departmentNotContacted = "department-not-contacted"
    case staleContact = "stale-contact"
    case singleThread = "single-thread"
    case influentialOpponent = "influential-opponent"
    case noCoach = "no-coach"
    case narrowSupport = "narrow-support"
}

/// Someone who shapes an opponent's view, and how.
public struct OpponentInfluencer: Sendable, Hashable {
    /// How they shape the opponent's view.
    public enum Tie: String, Sendable, Hashable, Codable {
        /// They `influences` the opponent.
        case influences
        /// An `ally` tie.
        case ally
        /// The opponent reports to them.
        case manager
    }

    /// The id of the person who shapes the opponent's view.
    public var person: String
    /// How they shape it.
    public var tie: Tie
    /// The tie's strength; 1 for a manager.
    public var strength: Double
    /// Their own stance towards us: a supporter here is a way in.
    public var stance: Stance
    /// Our reach of this person, 0...1.
    public var reach: Double
}

/// What a gap is about, with the facts its sentence needs.
public enum GapDetail: Sendable, Hashable {
    /// Nobody on our team has a direct contact with the top decision-maker; `reach` is
    /// what we get through others (0 if nothing). `stanceUnknown`: their stance is
    /// unknown too, said here rather than in a second gap about the same person.
    case topDecisionMakerNeverMet(person: String, reach: Double, stanceUnknown: Bool)
    /// A key person with reach 0; `stanceUnknown`: their stance is unknown too, said here
    /// rather than in a second gap about the same person.
    case keyPersonNotReached(person: String, stanceUnknown: Bool)
    /// A key person we reach whose stance is unknown.
    case keyPersonStanceUnknown(person: String, reach: Double)
    /// A department with no direct contact that takes part in the decision: someone in it
    /// holds a buying role (`buyingRole`), or it holds at least
    /// `GapParameters.departmentShare` of the influence.
    case departmentNotContacted(department: String, people: [String], influenceShare: Double, buyingRole: Bool)
    /// A contact whose faded strength fell below the stale line.
    case staleContact(member: String, person: String, strength: ContactStrength, current: Double, daysAgo: Int?)
    /// A team member, person, contact or tie that all reach to some people runs through.
    case singleThread(SingleThreadRisk)
    /// An influential blocker or skeptic, and who shapes their view (strongest first).
    case influentialOpponent(person: String, stance: Stance, influencers: [OpponentInfluencer])
    /// Nobody inside the account is a coach or a champion.
    case noCoach
    /// One person carries `share` (0...1) of the support; nil person: no support at all,
    /// and `stancesKnown` says how many people's stance we know (0: nobody's).
    case narrowSupport(person: String?, share: Double, stancesKnown: Int)
}

/// One gap in our coverage of an account.
public struct Gap: Sendable, Hashable {
    /// What the gap is about, with the facts its sentence needs.
    public var detail: GapDetail
    /// The band `weight` falls in (docs/gaps.md, "Severity").
    public var severity: GapSeverity
    /// 0...100: the influence at stake times the size of the hole (docs/gaps.md).
    public var weight: Double

    /// A gap whose weight is clamped to 0...100 and whose severity is read from `parameters`' bands.
    public init(detail: GapDetail, weight: Double, parameters: GapParameters) {
        self.detail = detail
        self.weight = max(0, min(100, weight))
        severity = parameters.severity(forWeight: self.weight)
    }

    /// The kind, read from the detail.
    public var kind: GapKind {
        switch detail {
        case .topDecisionMakerNeverMet: .topDecisionMakerNeverMet
        case .keyPersonNotReached: .keyPersonNotReached
        case .keyPersonStanceUnknown: .keyPersonStanceUnknown
        case .departmentNotContacted: .departmentNotContacted
        case .staleContact: .staleContact
        case .singleThread: .singleThread
        case .influentialOpponent: .influentialOpponent
        case .noCoach: .noCoach
        case .narrowSupport: .narrowSupport
        }
    }

    /// The people the gap concerns, by id: the person, the department's people, the
    /// people behind a single thread, the opponent.
    public var people: [String] {
        switch detail {
        case .topDecisionMakerNeverMet(let p, _, _), .keyPersonNotReached(let p, _), .keyPersonStanceUnknown(let p, _),
            .influentialOpponent(let p, _, _), .staleContact(_, let p, _, _, _):
            [p]
        case .departmentNotContacted(_, let people, _, _): people
        case .singleThread(let risk): risk.lost
        case .narrowSupport(let p, _, _): p.map { [$0] } ?? []
        case .noCoach: []
        }
    }

    /// The department the gap concerns, if it is about one.
    public var department: String? {
        if case .departmentNotContacted(let d, _, _, _) = detail { return d }
        return nil
    }

    /// Team members the gap concerns: the stale contact's member, the member who is a
    /// single thread or whose contact is one.
    public var members: [String] {
        switch detail {
        case .staleContact(let m, _, _, _, _): [m]
        case .singleThread(let risk):
            switch risk.point {
            case .member(let m), .contact(let m, _): [m]
            case .person, .tie: []
            }
        default: []
        }
    }

    /// Stays the same while the gap stays open, so two versions of an account can be
    /// compared (`relmap diff`, `relmap whatif`): kind and subject, no numbers.
    public var key: String {
        switch detail {
        case .topDecisionMakerNeverMet(let p, _, _), .keyPersonNotReached(let p, _), .keyPersonStanceUnknown(let p, _),
            .influentialOpponent(let p, _, _):
            "\(kind.rawValue):\(p)"
        case .departmentNotContacted(let d, _, _, _): "\(kind.rawValue):\(d)"
        case .staleContact(let m, let p, _, _, _): "\(kind.rawValue):\(m)>\(p)"
        case .singleThread(let risk): "\(kind.rawValue):\(risk.point.key)"
        case .noCoach, .narrowSupport: kind.rawValue
        }
    }
}
