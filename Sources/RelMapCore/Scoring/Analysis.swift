/// One person's scores.
public struct PersonAnalysis: Sendable, Hashable {
    /// The person as the file writes them.
    public var person: Person
    /// 0...100, the most influential person of the account at 100.
    public var influence: Double
    /// The PageRank value behind `influence` (all people sum to 1).
    public var rank: Double
    /// 0...1: how strongly our team reaches this person today.
    public var reach: Double
    /// The strongest route in; nil when nobody reaches the person.
    public var route: ReachRoute?
    /// Rank by influence, 1 = most influential.
    public var position: Int
}

/// Influence-weighted shares, each 0...100 (docs/scoring.md, "Coverage and support").
public struct Shares: Sendable, Hashable {
    /// Influence-weighted reach: how much of the decision our team reaches today.
    public var coverage: Double
    /// Influence-weighted positive stance: champions fully, supporters half.
    public var support: Double
    /// Influence-weighted negative stance: blockers fully, skeptics half.
    public var opposition: Double
    /// The influence share of people whose stance is unknown.
    public var unknown: Double
}

/// The shares of one department, with what it holds of the account's influence.
public struct DepartmentAnalysis: Sendable, Hashable {
    /// The department's name; people with none are grouped as `nil`.
    public var name: String?
    /// How many people the department has.
    public var people: Int
    /// People somebody on our team has a direct contact with.
    public var contacted: Int
    /// The department's share of the account's influence, 0...100.
    public var influenceShare: Double
    /// The department's own shares, over its people.
    public var shares: Shares
}

/// An account with every score computed: the input to gaps, plans, diagrams and reports.
public struct AccountAnalysis: Sendable {
    /// The account the scores are of.
    public var account: Account
    /// The numbers the scores were computed with.
    public var parameters: ScoringParameters
    /// In file order.
    public var people: [PersonAnalysis]
    /// Our team's contacts as of `as_of`, faded (see `CurrentContacts.of`).
    public var contacts: [CurrentContact]
    /// The whole account's shares.
    public var shares: Shares
    /// Sorted by influence share, largest first; ties by name.
    public var departments: [DepartmentAnalysis]
    /// The people as numbered nodes; `graph.index[id]` is a person's index in `people`.
    public var graph: AccountGraph
    /// Own weights normalised to sum to 1 (PageRank's personalization).
    public var personalization: [Double]
    /// PageRank iterations used.
    public var iterations: Int

    /// People from most to least influential (ties by id).
    public var ranked: [PersonAnalysis] { people.sorted { $0.position < $1.position } }

    /// The scores of the person with this id; nil when the account has none.
    public func person(_ id: String) -> PersonAnalysis? { graph.index[id].map { people[$0] } }
}

/// Computes an account's scores: influence, reach, shares and departments.
public enum Analyzer {
    /// Scores an account. Pure: the same account and parameters give the same result.
    public static func analyze(_ account: Account, parameters: ScoringParameters = ScoringParameters())
        -> AccountAnalysis
    {
        let graph = AccountGraph(account: account, parameters: parameters)
        let own = Influence.ownWeights(account: account, graph: graph, parameters: parameters)
        let total = own.reduce(0, +)
        let p = total > 0 ? own.map { $0 / total } : own
        let (rank, iterations) = Influence.pageRank(graph: graph, personalization: p, parameters: parameters)
        let top = rank.max() ?? 0
        let contacts = CurrentContacts.of(account, parameters: parameters)
        let routes = Reach.routes(account: account, graph: graph, contacts: contacts, parameters: parameters)
        var people = account.people.enumerated().map { i, person in
            PersonAnalysis(
                person: person, influence: top > 0 ? min(100, rank[i] / top * 100) : 0, rank: rank[i],
                reach: routes[i]?.strength ?? 0, route: routes[i], position: 0)
        }
        let order = people.indices.sorted {
            (-people[$0].rank, people[$0].person.id) < (-people[$1].rank, people[$1].person.id)
        }
        for (position, i) in order.enumerated() { people[i].position = position + 1 }

        let contacted = Set(contacts.map(\.person))
        var byDepartment: [String?: [PersonAnalysis]] = [:]
        for p in people { byDepartment[p.person.department, default: []].append(p) }
        let influenceTotal = people.reduce(0) { $0 + $1.influence }
        let departments = byDepartment.map { name, members in
            DepartmentAnalysis(
                name: name, people: members.count,
                contacted: members.count { contacted.contains($0.person.id) },
                influenceShare: influenceTotal > 0 ? 100 * members.reduce(0) { $0 + $1.influence } / influenceTotal : 0,
                shares: shares(of: members))
        }.sorted { a, b in
            a.influenceShare != b.influenceShare
                ? a.influenceShare > b.influenceShare : (a.name ?? "\u{10FFFF}") < (b.name ?? "\u{10FFFF}")
        }
        return AccountAnalysis(
            account: account, parameters: parameters, people: people, contacts: contacts,
            shares: shares(of: people), departments: departments, graph: graph,
            personalization: p, iterations: iterations)
    }

    /// Influence-weighted means of reach and stance over a group, as percentages.
    public static func shares(of group: [PersonAnalysis]) -> Shares {
        var total = 0.0, reach = 0.0, support = 0.0, opposition = 0.0, unknown = 0.0
        for p in group {
            let w = p.influence
            total += w
            reach += w * p.reach
            if let s = p.person.stance.score {
                support += w * Double(max(s, 0)) / 2
                opposition += w * Double(max(-s, 0)) / 2
            } else {
                unknown += w
            }
        }
        guard total > 0 else { return Shares(coverage: 0, support: 0, opposition: 0, unknown: 0) }
        return Shares(
            coverage: 100 * reach / total, support: 100 * support / total,
            opposition: 100 * opposition / total, unknown: 100 * unknown / total)
    }
}
