/// The plan's model of an account while visits are added: each person's reach, and the
/// contacts behind it (docs/plan.md, "The model").
///
/// Reach is the best over contacts of the contact's current strength times what carriers
/// pass on within `hopLimit` ties (docs/scoring.md, "Reach"). What they pass on does not
/// depend on the contacts, so a visit to `p` at strength `s` changes reach to
/// `max(reach(i), s × carried(p → i))` for every `i`: the objective is a weighted sum of
/// maxima over the visits made (a facility-location function), which is what makes
/// greedy choice sound.
struct VisitModel: Sendable {
    let analysis: AccountAnalysis
    /// Per person: the objective's weight of one unit of reach, coverage and support part.
    let coverageWeight: [Double]
    let supportWeight: [Double]
    let carrier: [Bool]
    /// Each person's level (docs/scoring.md): who goes matches executives to the top.
    let levels: [Int]
    /// Each team member's role (the first member with an id), read from the role text
    /// once per plan: who goes asks for every member and candidate, and reading the text
    /// takes dozens of substring searches.
    private let roles: [String: TeamRole]
    var reach: [Double]
    var contacts: [CurrentContact]
    /// Top decision-makers nobody on our team has a contact with yet.
    var neverMet: Set<Int>
    /// Of those, how many the visits so far have met.
    var meetings = 0
    /// Members by id, numbered by their position in the team (the first of a repeated id
    /// keeps its position), then any other member a contact names from `team.count` on.
    private var memberNumbers: [String: Int]
    /// How many member numbers are given: one per team position, then one per other member.
    private var memberRows = 0
    private let teamCount: Int
    /// Per person (`graph.index` node number), the contacts with them: the member's number
    /// and the contact's position in `contacts`. The planner looks up every (sender, person)
    /// pair each round: a scan of the person's few contacts instead of hashing two ids each
    /// time. A list per person rather than a members × people table, which a large import
    /// (thousands of members, hundreds of thousands of people) would make gigabytes.
    /// Contacts with a person outside the graph are never looked up.
    private var contactsWith: [[(member: Int, index: Int)]]
    /// Per person, the node number of the first person with their id: contacts name people
    /// by id, so a repeated id shares the first one's contacts.
    private let firstNode: [Int]
    /// Per contact (as `contacts`): the member's team position and the person's node
    /// number, -1 where the id names nobody there. `IntroductionRoutes` reads them rather
    /// than looking both ids up again for every visit planned.
    private(set) var contactNodes: [(member: Int, person: Int)] = []
    private var spread: CarrySpread
    private var carriedCache: [CarryKey: [(person: Int, value: Double)]] = [:]
    private var cachedEntries = 0
    private static let cacheBudget = 1 << 21
    private struct CarryKey: Hashable { let person: Int, strength: UInt64 }

    init(_ analysis: AccountAnalysis) {
        self.analysis = analysis
        let total = analysis.people.reduce(0) { $0 + $1.influence }
        let unit = total > 0 ? 100 / total : 0
        coverageWeight = analysis.people.map { $0.influence * unit }
        supportWeight = analysis.people.map { p in p.person.stance.isNegative ? 0 : p.influence * unit }
        carrier = analysis.account.people.map(Reach.isCarrier)
        levels = Influence.effectiveLevels(account: analysis.account, graph: analysis.graph)
        var roles: [String: TeamRole] = [:]
        for member in analysis.account.team where roles[member.id] == nil {
            roles[member.id] = TeamRole.of(member.role)
        }
        self.roles = roles
        spread = CarrySpread(analysis, carrier: carrier)
        reach = analysis.people.map(\.reach)
        contacts = analysis.contacts
        let contacted = Set(analysis.contacts.map(\.person))
        neverMet = Set(
            PersonGaps.topDecisionMakers(analysis).filter { !contacted.contains(analysis.people[$0].person.id) })
        firstNode = analysis.graph.ids.indices.map { analysis.graph.index[analysis.graph.ids[$0]] ?? $0 }
        let team = analysis.account.team
        teamCount = team.count
        memberNumbers = [:]
        for (i, member) in team.enumerated() where memberNumbers[member.id] == nil { memberNumbers[member.id] = i }
        memberRows = team.count
        contactsWith = Array(repeating: [], count: analysis.graph.count)
        for (k, c) in contacts.enumerated() {
            let m = memberNumber(c.member)
            let p = analysis.graph.index[c.person] ?? -1
            contactNodes.append((m < teamCount ? m : -1, p))
            guard p >= 0, position(member: m, node: p) == nil else { continue }
            contactsWith[p].append((m, k))
        }
    }

    /// The role of the team member `id`; `.other` for an id not on the team.
    func role(of id: String) -> TeamRole { roles[id] ?? .other }

    /// The number of the member `id`, given one if the model has not met the id yet.
    mutating func memberNumber(_ id: String) -> Int {
        if let m = memberNumbers[id] { return m }
        let m = memberRows
        memberNumbers[id] = m
        memberRows += 1
        return m
    }

    /// Where in `contacts` the contact between member `m` and the person at `graph.index`
    /// node `node` is, if there is one. O(contacts with that person).
    private func position(member m: Int, node: Int) -> Int? {
        for entry in contactsWith[node] where entry.member == m { return entry.index }
        return nil
    }

    /// The contact between member `m` and person `p` (a node number), if any.
    func contact(member m: Int, person p: Int) -> CurrentContact? {
        position(member: m, node: firstNode[p]).map { contacts[$0] }
    }

    /// The score of the current state.
    var score: PlanScore {
        var coverage = 0.0, support = 0.0
        for i in reach.indices {
            coverage += coverageWeight[i] * reach[i]
            support += supportWeight[i] * reach[i]
        }
        return PlanScore(coverage: coverage, supportReach: support, meetings: meetings)
    }

    /// What a contact of strength `strength` with person `p` gives each person it reaches,
    /// in increasing person order (`CarrySpread`). It depends only on the graph, never on
    /// the contacts, so each (person, strength) is computed once per plan, as long as the
    /// remembered results stay within `cacheBudget` entries (a 100,000-person account
    /// would otherwise keep every person's neighbourhood).
    mutating func carried(from p: Int, strength: Double) -> [(person: Int, value: Double)] {
        let key = CarryKey(person: p, strength: strength.bitPattern)
        if let known = carriedCache[key] { return known }
        let result = spread.from(p, strength: strength)
        if cachedEntries + result.count <= Self.cacheBudget {
            carriedCache[key] = result
            cachedEntries += result.count
        }
        return result
    }

    /// The gain in each part of the objective if person `p` is visited at `strength`.
    mutating func gain(visiting p: Int, strength: Double) -> PlanScore {
        var coverage = 0.0, support = 0.0
        // In person order, so the sum is taken in the same order on every run.
        for (i, v) in carried(from: p, strength: strength) where v > reach[i] {
            coverage += coverageWeight[i] * (v - reach[i])
            support += supportWeight[i] * (v - reach[i])
        }
        return PlanScore(coverage: coverage, supportReach: support, meetings: neverMet.contains(p) ? 1 : 0)
    }

    /// The strength a visit by `member` to person `p` leaves: the stronger of the
    /// member's declared strength with them (if any) and the visit's.
    func visitStrength(member m: Int, person p: Int, _ parameters: PlanParameters) -> ContactStrength {
        if let existing = contact(member: m, person: p),
            existing.strength.value > parameters.visitStrength.value
        {
            return existing.strength
        }
        return parameters.visitStrength
    }

    /// The strongest `visitStrength` among `members` (the first of equals), nil for none.
    /// A loop rather than mapping to an array and taking its maximum: the planner asks
    /// once per person and round.
    func strongestVisit(by members: [Int], person p: Int, _ parameters: PlanParameters) -> ContactStrength? {
        var strongest: ContactStrength?
        for m in members {
            let strength = visitStrength(member: m, person: p, parameters)
            if strongest.map({ $0.value < strength.value }) ?? true { strongest = strength }
        }
        return strongest
    }

    /// The contacts as they would be after `member` visits person `p` at `strength`: the
    /// same list `apply` leaves, without changing the model (who-goes tries each member).
    func contacts(after visits: [(member: String, person: Int, strength: ContactStrength)]) -> [CurrentContact] {
        var result = contacts
        for v in visits {
            let contact = visitContact(member: v.member, person: v.person, strength: v.strength)
            if let k = result.firstIndex(where: { $0.member == v.member && $0.person == contact.person }) {
                result[k] = contact
            } else {
                result.append(contact)
            }
        }
        return result
    }

    private func visitContact(member: String, person p: Int, strength: ContactStrength) -> CurrentContact {
        CurrentContact(
            member: member, person: analysis.graph.ids[p], strength: strength, last: analysis.account.asOf,
            daysAgo: 0, current: strength.value, implied: false)
    }

    /// Records the visit: the contact is new or refreshed, dated `as_of`, and reach is
    /// raised wherever the contact now carries.
    mutating func apply(member: String, person p: Int, strength: ContactStrength) {
        let contact = visitContact(member: member, person: p, strength: strength)
        let m = memberNumber(member)
        if let k = position(member: m, node: firstNode[p]) {
            contacts[k] = contact
        } else {
            contactsWith[firstNode[p]].append((m, contacts.count))
            contacts.append(contact)
            contactNodes.append((m < teamCount ? m : -1, firstNode[p]))
        }
        for (i, v) in carried(from: p, strength: strength.value) where v > reach[i] { reach[i] = v }
        if neverMet.remove(p) != nil { meetings += 1 }
    }
}
