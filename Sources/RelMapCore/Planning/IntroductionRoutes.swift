/// Finds introduction routes and cold approaches for the plan (docs/plan.md).
///
/// The introduction graph has our team members and the account's people as nodes, an
/// arc from a member to each person they have a contact with (strength: the contact's
/// current strength), and an arc along each tie through which a carrier passes our
/// reach (strength: carryFactor × the tie's strength): the reach graph of
/// docs/scoring.md without the hop limit. The warmest route is the strongest path.
struct IntroductionRoutes: Sendable {
    private let analysis: AccountAnalysis
    let memberIds: [String]
    let digraph: WeightedDigraph
    /// The contacts behind the member arcs, and the person index of each (-1: unknown).
    private let contacts: [CurrentContact]
    private let contactPerson: [Int]
    private let memberIndex: [String: Int]
    private let carrier: [Bool]
    private let planned: [String: Int]

    /// O(team + people + contacts + ties). `planned` numbers the visits already in the
    /// plan by "member\u{0}person", so their contacts are shown as planned. What each arc
    /// stands for is looked up only for the few arcs of a route (`step(from:to:)`): the plan
    /// builds this once per visit, and labelling every arc cost more than the searches.
    /// `contactNodes`, when given, are each contact's member position and person node
    /// number (-1 for none), as looking the ids up would give (`VisitModel.contactNodes`).
    init(
        _ analysis: AccountAnalysis, contacts: [CurrentContact], planned: [String: Int], carrier: [Bool]? = nil,
        contactNodes: [(member: Int, person: Int)]? = nil
    ) {
        self.analysis = analysis
        self.planned = planned
        self.contacts = contacts
        memberIds = analysis.account.team.map(\.id)
        let k = memberIds.count
        var memberIndex: [String: Int] = [:]
        for (i, id) in memberIds.enumerated() where memberIndex[id] == nil { memberIndex[id] = i }
        self.memberIndex = memberIndex
        let carrier = carrier ?? analysis.account.people.map(Reach.isCarrier)
        self.carrier = carrier
        let g = analysis.graph
        var arcs: [WeightedDigraph.Arc] = []
        arcs.reserveCapacity(contacts.count + g.carryTarget.count)
        var contactPerson: [Int] = []
        contactPerson.reserveCapacity(contacts.count)
        for (i, c) in contacts.enumerated() {
            let p = contactNodes?[i].person ?? g.index[c.person] ?? -1
            contactPerson.append(p)
            guard c.current > 0, p >= 0,
                let m = contactNodes.map({ $0[i].member }) ?? memberIndex[c.member], m >= 0
            else { continue }
            arcs.append(.init(from: m, to: k + p, strength: c.current))
        }
        self.contactPerson = contactPerson
        for p in 0..<g.count where carrier[p] {
            for e in g.carryStart[p]..<g.carryStart[p + 1] {
                arcs.append(
                    .init(
                        from: k + p, to: k + g.carryTarget[e],
                        strength: analysis.parameters.carryFactor * g.carryStrength[e]))
            }
        }
        digraph = WeightedDigraph(nodeCount: k + g.count, arcs: arcs)
    }

    /// What the arc from `from` to `to` stands for: the strongest contact or tie between
    /// the two, the first in file order among equals. O(contacts) or O(ties of one person).
    private func step(from: Int, to: Int) -> IntroductionRoute.Step? {
        let k = memberIds.count
        let g = analysis.graph
        var best: (strength: Double, step: IntroductionRoute.Step)?
        if from < k {
            for (i, c) in contacts.enumerated()
            where c.current > 0 && contactPerson[i] == to - k
                && memberIndex[c.member] == from && c.current > (best?.strength ?? 0)
            {
                best = (
                    c.current,
                    .contact(
                        member: c.member, person: c.person, strength: c.strength, daysAgo: c.daysAgo,
                        plannedVisit: planned[c.member + "\u{0}" + c.person])
                )
            }
        } else if carrier[from - k] {
            let p = from - k
            for e in g.carryStart[p]..<g.carryStart[p + 1] where g.carryTarget[e] == to - k {
                let strength = analysis.parameters.carryFactor * g.carryStrength[e]
                if strength > (best?.strength ?? 0) {
                    best = (
                        strength, .tie(from: g.ids[p], to: g.ids[to - k], type: g.carryIsAlly[e] ? .ally : .influences)
                    )
                }
            }
        }
        return best?.step
    }

    /// The warmest route to person `p` from `members` (all of the team when empty), or
    /// nil when none leads there. O((n + m) log n).
    func warmest(to p: Int, from members: [String] = []) -> IntroductionRoute? {
        let sources = members.isEmpty ? Array(memberIds.indices) : members.compactMap { memberIds.firstIndex(of: $0) }
        let paths = digraph.strongestPaths(from: sources)
        let target = memberIds.count + p
        guard let arcs = paths.route(to: target), !arcs.isEmpty else { return nil }
        let steps = arcs.compactMap { step(from: $0.from, to: $0.to) }
        guard steps.count == arcs.count else { return nil }
        return IntroductionRoute(steps: steps, factors: arcs.map(\.strength), strength: paths.strength[target])
    }

    /// Someone whom someone on our team has a contact with and who influences `p` or is
    /// their ally: the person listens to them, so they are the best way in, above a mere
    /// reporting line. Else the nearest person to `p` in the reporting tree (then in the
    /// same department) whom we know. Ties go to the stronger contact, then to file
    /// order. A formal request when there is nobody. Uses the contacts the routes were
    /// built from. O(n + contacts + relations).
    func coldApproach(to p: Int) -> ColdApproach {
        let g = analysis.graph
        // Per person, the position in `contacts` of their strongest contact, or -1: by
        // node number, which `contactPerson` already has, rather than hashing ids again.
        var bestContact = [Int](repeating: -1, count: g.count)
        func current(_ i: Int) -> Double { bestContact[i] >= 0 ? contacts[bestContact[i]].current : 0 }
        for (k, c) in contacts.enumerated() where c.current > 0 {
            let i = contactPerson[k]
            guard i >= 0, i != p else { continue }
            if c.current > current(i) { bestContact[i] = k }
        }
        // The closest first, then the stronger contact, then file order.
        func isBetter(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (current(a), current(b))
            return x != y ? x > y : a < b
        }
        // Those who shape the person's view: an `influences` tie into them, or an ally.
        var listensTo: [(person: Int, relation: ColleagueRelation)] = []
        for r in analysis.account.relations {
            guard let from = g.index[r.from], let to = g.index[r.to] else { continue }
            switch r.type {
            case .influences where to == p: listensTo.append((from, .influences))
            case .ally where to == p: listensTo.append((from, .ally))
            case .ally where from == p: listensTo.append((to, .ally))
            default: continue
            }
        }
        if let w = listensTo.filter({ bestContact[$0.person] >= 0 }).min(by: { isBetter($0.person, $1.person) }) {
            let c = contacts[bestContact[w.person]]
            return .throughColleague(
                person: c.person, member: c.member, relation: w.relation,
                plannedVisit: planned[c.member + "\u{0}" + c.person])
        }
        var reports = [[Int]](repeating: [], count: g.count)
        for (i, boss) in g.manager.enumerated() where boss >= 0 && boss != i { reports[boss].append(i) }
        // Breadth-first over the reporting tree, one distance at a time.
        var seen = [Bool](repeating: false, count: g.count)
        seen[p] = true
        var layer = [p]
        while !layer.isEmpty {
            var next: [Int] = []
            for v in layer {
                for w in ([g.manager[v]] + reports[v]) where w >= 0 && !seen[w] {
                    seen[w] = true
                    next.append(w)
                }
            }
            if let w = next.filter({ bestContact[$0] >= 0 }).min(by: isBetter) {
                let c = contacts[bestContact[w]]
                return .throughColleague(
                    person: c.person, member: c.member, relation: relation(of: w, to: p),
                    plannedVisit: planned[c.member + "\u{0}" + c.person])
            }
            layer = next
        }
        let department = analysis.account.people[p].department
        if let department,
            let w = g.ids.indices.filter({
                bestContact[$0] >= 0 && analysis.account.people[$0].department == department
            }).min(by: isBetter)
        {
            let c = contacts[bestContact[w]]
            return .throughColleague(
                person: c.person, member: c.member, relation: .sameDepartment,
                plannedVisit: planned[c.member + "\u{0}" + c.person])
        }
        return .formalRequest(department: department)
    }

    private func relation(of w: Int, to p: Int) -> ColleagueRelation {
        let manager = analysis.graph.manager
        if manager[p] == w { return .manager }
        if manager[w] == p { return .report }
        if manager[p] >= 0, manager[p] == manager[w] { return .peer }
        if isAbove(w, p) { return .above }
        if isAbove(p, w) { return .below }
        let department = analysis.account.people[p].department
        if department != nil, analysis.account.people[w].department == department { return .sameDepartment }
        return .sameTree
    }

    /// Whether `upper` is on `lower`'s chain of managers. The chain is at most n long
    /// (validation rules out cycles; the bound keeps this total without it).
    private func isAbove(_ upper: Int, _ lower: Int) -> Bool {
        let manager = analysis.graph.manager
        var current = manager[lower]
        var steps = 0
        while current >= 0, steps <= manager.count {
            if current == upper { return true }
            current = manager[current]
            steps += 1
        }
        return false
    }
}
