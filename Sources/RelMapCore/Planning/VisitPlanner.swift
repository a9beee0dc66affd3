/// One visit of the plan.
public struct PlannedVisit: Sendable, Hashable {
    /// 1-based position in the plan.
    public var number: Int
    /// The person to visit.
    public var person: String
    /// The team member best placed to go.
    public var member: String
    /// Gravest first.
    public var reasons: [VisitReason]
    /// Points the visit adds to coverage and to support reach (0...100 scales).
    public var gain: PlanScore
    /// The person's reach before and after the visit.
    public var reachBefore: Double
    public var reachAfter: Double
    /// The contact the visit leaves behind.
    public var strength: ContactStrength
    /// The warmest introduction route, or nil when no warm route leads there.
    public var route: IntroductionRoute?
    /// How to get in when there is no warm route.
    public var coldApproach: ColdApproach?
}

/// The next visits for an account, chosen greedily (docs/plan.md).
public struct VisitPlan: Sendable {
    /// The account as it is, before any visit.
    public var analysis: AccountAnalysis
    public var request: PlanRequest
    public var parameters: PlanParameters
    /// In the order chosen, which is the order to make them in.
    public var visits: [PlannedVisit]
    /// The objective's parts before the first visit and after the last.
    public var before: PlanScore
    public var after: PlanScore
}

/// Chooses the visits of a plan (docs/plan.md).
public enum VisitPlanner {
    /// Plans up to `request.visits` visits, each the one with the largest gain in the
    /// objective given the visits before it (docs/plan.md, "Greedy choice"). After each
    /// choice the model is updated as if the visit happened. Ties (gains within
    /// `tieTolerance`) go to the more influential person, then the smaller id. Stops early
    /// when no visit gains anything.
    ///
    /// Throws when the request names an id the account does not have.
    /// O(visits · people · hopLimit · ties near each person), plus one strongest-path
    /// search per visit.
    public static func plan(_ analysis: AccountAnalysis, request: PlanRequest = PlanRequest(),
                            parameters: PlanParameters = PlanParameters()) throws(PlanningError) -> VisitPlan {
        let account = analysis.account
        try AccountIds.check(request.member.map { [$0] } ?? [], flag: "--member", in: [account], kinds: .members)
        try AccountIds.check(request.excluded, flag: "--exclude", in: [account], kinds: .both)
        let excluded = Set(request.excluded)
        let senders = request.member.map { [$0] } ?? account.team.map(\.id).filter { !excluded.contains($0) }
        var model = VisitModel(analysis)
        let senderNumbers = senders.map { model.memberNumber($0) }
        let before = model.score
        var visits: [PlannedVisit] = []
        var planned: [String: Int] = [:]
        var chosen = Set<Int>()
        while visits.count < max(0, request.visits), !senders.isEmpty {
            var best: (p: Int, strength: ContactStrength, gain: PlanScore, value: Double)?
            for p in analysis.people.indices where !chosen.contains(p) && !excluded.contains(analysis.people[p].person.id) {
                let strength = model.strongestVisit(by: senderNumbers, person: p, parameters) ?? parameters.visitStrength
                let gain = model.gain(visiting: p, strength: strength.value)
                let value = gain.objective(parameters)
                if let b = best {
                    let better = value > b.value + parameters.tieTolerance
                        || (abs(value - b.value) <= parameters.tieTolerance && ranksBefore(p, b.p, analysis))
                    if !better { continue }
                }
                best = (p, strength, gain, value)
            }
            guard let b = best, b.value > parameters.tieTolerance else { break }
            let routes = IntroductionRoutes(analysis, contacts: model.contacts, planned: planned, carrier: model.carrier,
                                            contactNodes: model.contactNodes)
            let member = bestMember(for: b.p, senders: senders, numbers: senderNumbers, strength: b.strength, model: model,
                                    routes: routes, parameters)
            let route = routes.warmest(to: b.p, from: [member]) ?? routes.warmest(to: b.p)
            let cold = route == nil ? routes.coldApproach(to: b.p) : nil
            let carried = model.carried(from: b.p, strength: b.strength.value)
            let reasons = VisitReasons.reasons(for: b.p, in: model, strength: b.strength.value, carried: carried,
                                               parameters: parameters)
            let reachBefore = model.reach[b.p]
            let strength = model.visitStrength(member: model.memberNumber(member), person: b.p, parameters)
            model.apply(member: member, person: b.p, strength: strength)
            visits.append(PlannedVisit(
                number: visits.count + 1, person: analysis.people[b.p].person.id, member: member, reasons: reasons,
                gain: b.gain, reachBefore: reachBefore, reachAfter: model.reach[b.p], strength: strength,
                route: route, coldApproach: cold))
            planned[member + "\u{0}" + analysis.people[b.p].person.id] = visits.count
            chosen.insert(b.p)
        }
        return VisitPlan(analysis: analysis, request: request, parameters: parameters, visits: visits,
                         before: before, after: model.score)
    }

    /// More influential first, then the smaller id.
    private static func ranksBefore(_ p: Int, _ q: Int, _ a: AccountAnalysis) -> Bool {
        let (x, y) = (a.people[p], a.people[q])
        return x.influence != y.influence ? x.influence > y.influence : x.person.id < y.person.id
    }

    /// Who goes: the sender whose visit leaves the strongest contact; among equals the one
    /// who already knows the person best, then the one the warmest route starts from (or,
    /// with no warm route, the one who knows the colleague of the cold approach), then
    /// team order. `numbers` are the senders' numbers in the model.
    private static func bestMember(for p: Int, senders: [String], numbers: [Int], strength: ContactStrength,
                                   model: VisitModel, routes: IntroductionRoutes, _ parameters: PlanParameters) -> String {
        let able = senders.indices.filter { model.visitStrength(member: numbers[$0], person: p, parameters).value >= strength.value }
        func known(_ s: Int) -> Double { model.contact(member: numbers[s], person: p)?.current ?? 0 }
        let knownBest = able.map(known).max() ?? 0
        var candidates = able.filter { known($0) == knownBest }.map { senders[$0] }
        if candidates.count > 1 {
            if let start = routes.warmest(to: p, from: candidates)?.member {
                candidates = [start]
            } else if routes.warmest(to: p) == nil,
                      case .throughColleague(_, let m, _, _) = routes.coldApproach(to: p),
                      candidates.contains(m) {
                candidates = [m]
            }
        }
        return candidates.first ?? senders.first ?? ""
    }
}
