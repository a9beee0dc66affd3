/// One step of a route from our team into the account.
public struct RouteStep: Sendable, Hashable {
    /// What a step goes through: one of our contacts, or a tie inside the account.
    public enum Kind: Sendable, Hashable {
        /// A team member's contact with a person, `daysAgo` days before `as_of`.
        case contact(strength: ContactStrength, daysAgo: Int?)
        /// A tie inside the account through which a supporter carries us onward.
        case tie(RelationType)
    }

    /// The id the step starts at: a team member for a contact, else a person.
    public var from: String
    /// The person's id the step reaches.
    public var to: String
    /// What the step goes through.
    public var kind: Kind
    /// What this step multiplies the route's strength by.
    public var factor: Double
}

/// The strongest route by which our team reaches one person: a contact, then at most
/// `hopLimit` ties through champions, supporters and coaches. Its strength is the
/// product of its steps' factors.
public struct ReachRoute: Sendable, Hashable {
    /// The steps from the team member in, a contact first.
    public var steps: [RouteStep]
    /// The product of the steps' factors, 0...1: the person's reach by this route.
    public var strength: Double
    /// The team member the route starts from.
    public var member: String { steps.first?.from ?? "" }
}

/// Reach of each person, 0...1 (docs/scoring.md, "Reach").
public enum Reach {
    /// Whether a person carries our reach on to the people they influence or are allied
    /// with: champions and supporters, and coaches who are not against us.
    public static func isCarrier(_ p: Person) -> Bool {
        isCarrier(stance: p.stance, roles: p.roles)
    }

    /// `isCarrier` from the two fields it reads, for callers that would otherwise copy a
    /// whole person to ask.
    static func isCarrier(stance: Stance, roles: [BuyingRole]) -> Bool {
        stance.isPositive || (roles.contains(.coach) && !stance.isNegative)
    }

    /// The ways a tie of `type` carries a carrier's reach: `influences` from its `from` to
    /// its `to`, `ally` both ways, `rival` not at all. `AccountGraph`'s carry edges and the
    /// reach warnings' search both read this, so they cannot disagree.
    static func carries(_ type: RelationType) -> (forward: Bool, backward: Bool) {
        switch type {
        case .influences: (true, false)
        case .ally: (true, true)
        case .rival: (false, false)
        }
    }

    /// What one tie of `strength` multiplies the reach of a route through it by.
    static func tieFactor(_ strength: Double, parameters: ScoringParameters) -> Double {
        parameters.carryFactor * strength
    }

    /// The best route to each person (nil: not reached). Bounded-hop dynamic programming:
    /// layer h holds the best route using at most h ties, so the hop limit is exact.
    /// O(hopLimit · (n + m)) time. Ties on strength keep the route found first, which
    /// follows the file's order, so results are deterministic.
    public static func routes(
        account: Account, graph: AccountGraph, contacts: [CurrentContact],
        parameters: ScoringParameters
    ) -> [ReachRoute?] {
        let search = ReachSearch(account: account, graph: graph, contacts: contacts, parameters: parameters)
        return (0..<graph.count).map { search.route(to: $0, graph: graph, contacts: contacts) }
    }

    /// Each person's reach alone, 0...1: the strengths `routes` gives, without building
    /// the routes. O(hopLimit · (n + m)).
    public static func strengths(
        account: Account, graph: AccountGraph, contacts: [CurrentContact],
        parameters: ScoringParameters
    ) -> [Double] {
        let search = ReachSearch(account: account, graph: graph, contacts: contacts, parameters: parameters)
        return search.best.map { $0 >= 0 ? search.strength[$0] : 0 }
    }
}

/// The dynamic programme behind `Reach`, on numbers only. Every improvement of a
/// person's best route is kept as a version: its strength and how it arrived (a contact,
/// or a tie from an earlier version of another person's route). Routes are spelled out
/// only at the end, by walking the versions back, instead of copying a route's steps at
/// every improvement as the search goes.
struct ReachSearch {
    /// Per version: its strength; whose route it is; the contact (index into `contacts`)
    /// or the carry edge it arrived by, and that step's factor; and the version it extends
    /// (-1 for a contact).
    private(set) var strength: [Double] = []
    private var person: [Int] = []
    private var arrival: [Int] = []
    private var factor: [Double] = []
    private var previous: [Int] = []
    /// Each person's best version after the last layer, or -1.
    private(set) var best: [Int]

    init(account: Account, graph: AccountGraph, contacts: [CurrentContact], parameters: ScoringParameters) {
        let n = graph.count
        best = [Int](repeating: -1, count: n)
        for (k, c) in contacts.enumerated() where c.current > 0 {
            guard let i = graph.index[c.person] else { continue }
            if c.current > value(best[i]) {
                best[i] = add(c.current, person: i, arrival: k, factor: c.current, previous: -1)
            }
        }
        let carrier = account.people.map(Reach.isCarrier)
        for _ in 0..<max(0, parameters.hopLimit) {
            var next = best
            var changed = false
            for p in 0..<n where carrier[p] && best[p] >= 0 {
                let from = best[p]
                for e in graph.carryStart[p]..<graph.carryStart[p + 1] {
                    let q = graph.carryTarget[e]
                    let f = Reach.tieFactor(graph.carryStrength[e], parameters: parameters)
                    let v = strength[from] * f
                    if v > value(next[q]) {
                        next[q] = add(v, person: q, arrival: e, factor: f, previous: from)
                        changed = true
                    }
                }
            }
            best = next
            if !changed { break }
        }
    }

    private func value(_ version: Int) -> Double { version >= 0 ? strength[version] : 0 }

    private mutating func add(_ s: Double, person i: Int, arrival a: Int, factor f: Double, previous p: Int) -> Int {
        strength.append(s)
        person.append(i)
        arrival.append(a)
        factor.append(f)
        previous.append(p)
        return strength.count - 1
    }

    /// The best route to person `i`, first step first, or nil.
    func route(to i: Int, graph: AccountGraph, contacts: [CurrentContact]) -> ReachRoute? {
        let last = best[i]
        guard last >= 0 else { return nil }
        var chain: [Int] = []
        var v = last
        while v >= 0 {
            chain.append(v)
            v = previous[v]
        }
        var steps: [RouteStep] = []
        steps.reserveCapacity(chain.count)
        let first = contacts[arrival[chain[chain.count - 1]]]
        steps.append(
            RouteStep(
                from: first.member, to: first.person,
                kind: .contact(strength: first.strength, daysAgo: first.daysAgo), factor: first.current))
        for v in chain.dropLast().reversed() {
            steps.append(
                RouteStep(
                    from: graph.ids[person[previous[v]]], to: graph.ids[person[v]],
                    kind: .tie(graph.carryIsAlly[arrival[v]] ? .ally : .influences), factor: factor[v]))
        }
        return ReachRoute(steps: steps, strength: strength[last])
    }
}
