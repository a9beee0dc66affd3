/// Every number the visit plan depends on, with the defaults docs/plan.md documents.
public struct PlanParameters: Sendable, Hashable {
    /// The contact a visit leaves behind: a new contact of this strength dated `as_of`, or
    /// an existing one refreshed to `as_of` at the stronger of its own strength and this.
    /// Medium: a real meeting is more than an acquaintance, and one meeting does not make
    /// a strong relationship.
    public var visitStrength: ContactStrength = .medium
    /// The objective is `coverageWeight` × coverage + `supportWeight` × support reach +
    /// `meetingBonus` per top decision-maker met for the first time (docs/plan.md,
    /// "The objective").
    public var coverageWeight: Double = 1
    /// The weight of support reach in the objective; 1 weighs it like coverage.
    public var supportWeight: Double = 1
    /// Points for the first meeting with a top decision-maker nobody on our team has met.
    /// Reach through others is not a meeting (docs/gaps.md), so without this a plan could
    /// warm up the general manager's secretary and never meet the general manager. 5
    /// points is about what a first visit to a key person adds to coverage and support
    /// reach together on the sample accounts, so the meeting comes first but a visit that
    /// opens far more still can come before it.
    public var meetingBonus: Double = 5
    /// Gains closer than this are a tie, broken by influence and then id, so rounding in
    /// the last bits cannot decide the plan.
    public var tieTolerance: Double = 1e-9
    /// The gap rules the reasons for a visit are read with (key person, stale contact).
    public var gaps = GapParameters()
    /// The plan stops when the best remaining visit adds less than this to coverage (in
    /// points of 0...100) and meets no top decision-maker for the first time: a visit
    /// worth +0.6 to someone we already reach at 0.87 is noise, not a plan. Coverage
    /// rather than the objective because it is the column the user reads, and support
    /// reach never gains more than coverage does.
    public var minimumCoverageGain: Double = 1
    /// Who goes (docs/plan.md, "Who goes"): points for an executive sent to the top of the
    /// account, an engineer sent to a technical or user buyer, a member who already has a
    /// contact with the person, a member the warmest route in starts from, and the account
    /// manager, who owns the account when nobody fits better.
    public var levelMatchPoints: Double = 3
    /// Points for an engineer sent to a technical or user buyer.
    public var roleMatchPoints: Double = 3
    /// Points for a member who already has a contact with the person.
    public var contactPoints: Double = 2
    /// Points for the member the warmest route in starts from.
    public var routePoints: Double = 1
    /// Points for the account manager, who owns the account.
    public var ownerPoints: Double = 1
    /// An executive is a peer of people at this level or above (1 = top) who decide or
    /// hold the budget, and of everyone at level 1.
    public var executiveLevel = 2
    /// Spreading is tested by recomputing reach once per member for every member who
    /// might go, so it is skipped on accounts larger than this (people) or teams larger
    /// than `spreadingTeamLimit`.
    public var spreadingPeopleLimit = 3000
    /// Spreading is skipped on teams larger than this (members).
    public var spreadingTeamLimit = 12
    /// Second threads (docs/plan.md): when the visits left are no more than it takes to
    /// give a second thread to everyone one member alone reaches beyond the critical
    /// share, those visits are made instead of the greedy ones. Each candidate costs two
    /// reach computations, so only on accounts up to `secondThreadPeopleLimit` people.
    public var secondThreads = true
    /// Second threads are looked for only on accounts up to this many people.
    public var secondThreadPeopleLimit = 200

    /// The share of the account's influence (0...100) from which being the only thread to
    /// it is a critical gap: the gap rules weigh a single thread at `singleThreadHole` ×
    /// `groupShareFactor` × share, critical from `criticalFrom` (docs/gaps.md, "Severity"),
    /// so 80 / (0.8 × 5) = 20% with the defaults.
    public var criticalThreadShare: Double {
        let perPoint = gaps.singleThreadHole * gaps.groupShareFactor
        return perPoint > 0 ? gaps.criticalFrom / perPoint : 100
    }

    /// The defaults docs/plan.md documents.
    public init() {}
}

/// What the caller asks of a plan.
public struct PlanRequest: Sendable, Hashable {
    /// How many visits to plan (at most); fewer when no further visit gains anything.
    public var visits: Int
    /// Send only this team member.
    public var member: String?
    /// People not to visit and team members not to send.
    public var excluded: [String]
    /// At most this many visits per team member (a visit they go on as companion counts);
    /// members not named have no limit.
    public var capacity: [String: Int]

    /// A request for up to `visits` visits; ids are checked when the plan is made.
    public init(visits: Int = 5, member: String? = nil, excluded: [String] = [], capacity: [String: Int] = [:]) {
        self.visits = visits
        self.member = member
        self.excluded = excluded
        self.capacity = capacity
    }
}

/// The parts of the plan's objective, in points.
public struct PlanScore: Sendable, Hashable {
    /// Influence-weighted reach: the account's coverage (docs/scoring.md).
    public var coverage: Double
    /// Influence-weighted reach over the people who are not against us (champions,
    /// supporters, neutrals, unknowns), 0...100: the support we hold, can win or have
    /// yet to learn of (docs/plan.md, "The objective").
    public var supportReach: Double
    /// Top decision-makers met for the first time (0 before any visit).
    public var meetings: Int

    /// The objective's parts, as the planner computes them.
    public init(coverage: Double, supportReach: Double, meetings: Int = 0) {
        self.coverage = coverage
        self.supportReach = supportReach
        self.meetings = meetings
    }

    /// The objective with the parameters' weights.
    public func objective(_ p: PlanParameters) -> Double {
        p.coverageWeight * coverage + p.supportWeight * supportReach + p.meetingBonus * Double(meetings)
    }
}
