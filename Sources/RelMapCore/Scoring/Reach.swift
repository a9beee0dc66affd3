/// One step of a route from our team into the account.
public struct RouteStep: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A team member's contact with a person, `daysAgo` days before `as_of`.
        case contact(strength: ContactStrength, daysAgo: Int?)
        /// A tie inside the account through which a supporter carries us onward.
        case tie(RelationType)
    }

    public var from: String
    public var to: String
    public var kind: Kind
    /// What this step multiplies the route's strength by.
    public var factor: Double
}

/// The strongest route by which our team reaches one person: a contact, then at most
/// `hopLimit` ties through champions, supporters and coaches. Its strength is the
/// product of its steps' factors.
public struct ReachRoute: Sendable, Hashable {
    public var steps: [RouteStep]
    public var strength: Double
    /// The team member the route starts from.
    public var member: String { steps.first?.from ?? "" }
}

/// Reach of each person, 0...1 (docs/scoring.md, "Reach").
public enum Reach {
    /// Whether a person carries our reach on to the people they influence or are allied
    /// with: champions and supporters, and coaches who are not against us.
    public static func isCarrier(_ p: Person) -> Bool {
        p.stance.isPositive || (p.roles.contains(.coach) && !p.stance.isNegative)
    }

    /// The best route to each person (nil: not reached). Bounded-hop dynamic programming:
    /// layer h holds the best route using at most h ties, so the hop limit is exact.
    /// O(hopLimit · (n + m)) time. Ties on strength keep the route found first, which
    /// follows the file's order, so results are deterministic.
    public static func routes(account: Account, graph: AccountGraph, contacts: [CurrentContact],
                              parameters: ScoringParameters) -> [ReachRoute?] {
        let n = graph.count
        var best = [ReachRoute?](repeating: nil, count: n)
        for c in contacts where c.current > 0 {
            guard let i = graph.index[c.person] else { continue }
            if c.current > (best[i]?.strength ?? 0) {
                let step = RouteStep(from: c.member, to: c.person,
                                     kind: .contact(strength: c.strength, daysAgo: c.daysAgo), factor: c.current)
                best[i] = ReachRoute(steps: [step], strength: c.current)
            }
        }
        let carrier = account.people.map(isCarrier)
        for _ in 0..<max(0, parameters.hopLimit) {
            var next = best
            var changed = false
            for p in 0..<n where carrier[p] {
                guard let route = best[p] else { continue }
                for e in graph.carryStart[p]..<graph.carryStart[p + 1] {
                    let q = graph.carryTarget[e]
                    let factor = parameters.carryFactor * graph.carryStrength[e]
                    let value = route.strength * factor
                    if value > (next[q]?.strength ?? 0) {
                        let step = RouteStep(from: graph.ids[p], to: graph.ids[q],
                                             kind: .tie(graph.carryIsAlly[e] ? .ally : .influences), factor: factor)
                        next[q] = ReachRoute(steps: route.steps + [step], strength: value)
                        changed = true
                    }
                }
            }
            best = next
            if !changed { break }
        }
        return best
    }
}
