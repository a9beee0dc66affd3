/// The warmest way in to a person: a chain from one of our team through a contact and
/// then ties through carriers inside the account (docs/plan.md, "Introduction routes").
public struct IntroductionRoute: Sendable, Hashable {
    /// One step of the route.
    public enum Step: Sendable, Hashable {
        /// A member's contact with a person, as it stands today, or as a planned visit
        /// (`plannedVisit`, 1-based) leaves it.
        case contact(member: String, person: String, strength: ContactStrength, daysAgo: Int?, plannedVisit: Int?)
        /// A tie inside the account through which a carrier introduces us onward.
        case tie(from: String, to: String, type: RelationType)

        /// The id the step arrives at.
        public var to: String {
            switch self {
            case .contact(_, let p, _, _, _): p
            case .tie(_, let q, _): q
            }
        }
    }

    /// First (the member's contact) to last (the tie into the person visited).
    public var steps: [Step]
    /// What each step multiplies the route's strength by: the contact's current
    /// strength, or carryFactor × the tie's strength.
    public var factors: [Double]
    /// The product of the factors, 0...1.
    public var strength: Double

    /// The team member the route starts from.
    public var member: String {
        if case .contact(let m, _, _, _, _)? = steps.first { return m }
        return ""
    }
}

/// How to approach a person no warm route leads to.
public enum ColdApproach: Sendable, Hashable {
    /// Through someone who influences them or is their ally, else the nearest person in
    /// their reporting tree or department, whom one of our team has a contact with (`plannedVisit`: a contact an earlier visit of the plan
    /// makes).
    case throughColleague(person: String, member: String, relation: ColleagueRelation, plannedVisit: Int?)
    /// Nobody near them is known to us: a formal request, to their department if known.
    case formalRequest(department: String?)
}

/// How the colleague of a cold approach stands to the person to be visited.
public enum ColleagueRelation: String, Sendable, Hashable, Codable {
    case influences = "who influences them"
    case ally = "their ally"
    case manager = "their manager"
    case report = "their report"
    case peer = "a colleague under the same manager"
    case above = "above them in their reporting line"
    case below = "below them in their reporting line"
    case sameDepartment = "in the same department"
    case sameTree = "in the same part of the organisation"
}
