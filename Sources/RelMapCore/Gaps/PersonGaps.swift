/// The gaps about one person: the top decision-maker never met, key people not reached
/// or of unknown stance, influential opponents (docs/gaps.md).
enum PersonGaps {
    /// The account's top decision-makers: the decision-makers nobody above them in the
    /// file (no `reports_to`); when every decision-maker reports to someone, the most
    /// influential of them. Indices into `analysis.people`, in file order.
    static func topDecisionMakers(_ analysis: AccountAnalysis) -> [Int] {
        let deciders = analysis.people.indices.filter { analysis.people[$0].person.roles.contains(.decisionMaker) }
        let top = deciders.filter { analysis.graph.manager[$0] < 0 }
        if !top.isEmpty { return top }
        return deciders.min { analysis.people[$0].position < analysis.people[$1].position }.map { [$0] } ?? []
    }

    /// Top decision-makers with no direct contact from anyone on our team, however old or
    /// faded: someone else's word is not a meeting. A stance unknown is said in the same
    /// gap.
    static func neverMet(_ analysis: AccountAnalysis, _ parameters: GapParameters) -> [Gap] {
        let contacted = Set(analysis.contacts.map(\.person))
        return topDecisionMakers(analysis).compactMap { i in
            let p = analysis.people[i]
            guard !contacted.contains(p.person.id) else { return nil }
            return Gap(
                detail: .topDecisionMakerNeverMet(
                    person: p.person.id, reach: p.reach,
                    stanceUnknown: p.person.stance == .unknown),
                weight: max(parameters.neverMetFloor, p.influence), parameters: parameters)
        }
    }

    /// Key people (influence at least `keyInfluence`) whom nobody reaches. A top
    /// decision-maker never met already has that gap, which says so; they are not
    /// listed twice. A stance unknown is said in the same gap, whose weight (the whole
    /// influence) is already the larger.
    static func notReached(_ analysis: AccountAnalysis, _ parameters: GapParameters, skipping: Set<String>) -> [Gap] {
        analysis.people.compactMap { p in
            guard p.influence >= parameters.keyInfluence, p.reach == 0, !skipping.contains(p.person.id) else {
                return nil
            }
            return Gap(
                detail: .keyPersonNotReached(person: p.person.id, stanceUnknown: p.person.stance == .unknown),
                weight: p.influence, parameters: parameters)
        }
    }

    /// Key people whose stance is unknown, other than those a gap in `skipping` already
    /// says it of (the never met and the not reached).
    static func stanceUnknown(_ analysis: AccountAnalysis, _ parameters: GapParameters, skipping: Set<String>) -> [Gap]
    {
        analysis.people.compactMap { p in
            guard p.influence >= parameters.keyInfluence, p.person.stance == .unknown,
                !skipping.contains(p.person.id)
            else { return nil }
            return Gap(
                detail: .keyPersonStanceUnknown(person: p.person.id, reach: p.reach),
                weight: parameters.unknownStanceHole * p.influence, parameters: parameters)
        }
    }

    /// Blockers and skeptics with influence at least `opponentInfluence`, with the people
    /// who shape their view: those who `influences` them, their allies, their manager.
    /// O(people + relations).
    static func opponents(_ analysis: AccountAnalysis, _ parameters: GapParameters) -> [Gap] {
        let opponents = analysis.people.filter {
            $0.influence >= parameters.opponentInfluence && $0.person.stance.isNegative
        }
        guard !opponents.isEmpty else { return [] }
        // The ties that touch each opponent, gathered in one pass over the relations.
        let ids = Set(opponents.map(\.person.id))
        var ties: [String: [Relation]] = [:]
        for r in analysis.account.relations {
            if ids.contains(r.to) { ties[r.to, default: []].append(r) }
            if ids.contains(r.from), r.from != r.to { ties[r.from, default: []].append(r) }
        }
        return opponents.map { p in
            let hole = p.person.stance == .blocker ? parameters.blockerHole : parameters.skepticHole
            return Gap(
                detail: .influentialOpponent(
                    person: p.person.id, stance: p.person.stance,
                    influencers: influencers(of: p.person.id, ties: ties[p.person.id] ?? [], in: analysis)),
                weight: hole * p.influence, parameters: parameters)
        }
    }

    /// Who shapes a person's view, strongest tie first; among equals, the people we reach
    /// best, then by id. A person tied in two ways is listed once, by the strongest tie.
    /// `ties` are the relations that touch the person.
    static func influencers(of id: String, ties: [Relation], in analysis: AccountAnalysis) -> [OpponentInfluencer] {
        var best: [String: OpponentInfluencer] = [:]
        func consider(_ other: String, _ tie: OpponentInfluencer.Tie, _ strength: Double) {
            guard other != id, let q = analysis.person(other) else { return }
            let candidate = OpponentInfluencer(
                person: other, tie: tie, strength: strength, stance: q.person.stance, reach: q.reach)
            if let current = best[other], current.strength >= strength { return }
            best[other] = candidate
        }
        for r in ties {
            switch r.type {
            case .influences where r.to == id: consider(r.from, .influences, r.strength)
            case .ally where r.to == id: consider(r.from, .ally, r.strength)
            case .ally where r.from == id: consider(r.to, .ally, r.strength)
            default: break
            }
        }
        if let boss = analysis.person(id)?.person.reportsTo { consider(boss, .manager, 1) }
        return best.values.sorted { a, b in
            if a.strength != b.strength { return a.strength > b.strength }
            if a.reach != b.reach { return a.reach > b.reach }
            return a.person < b.person
        }
    }
}
