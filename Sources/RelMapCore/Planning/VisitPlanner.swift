/// One visit of the plan.
public struct PlannedVisit: Sendable, Hashable {
    /// 1-based position in the plan.
    public var number: Int
    /// The person to visit.
    public var person: String
    /// The team member who leads the visit (docs/plan.md, "Who goes").
    public var member: String
    /// Why they go, in the order the points are counted.
    public var memberReasons: [MemberReason] = []
    /// A second member who goes along: the one who already knows the person when the
    /// lead does not, or the one who fits the person when the lead does not.
    public var companion: String?
    /// Why the companion goes, in the order the points are counted; empty without one.
    public var companionReasons: [MemberReason] = []
    /// Gravest first.
    public var reasons: [VisitReason]
    /// Points the visit adds to coverage and to support reach (0...100 scales).
    public var gain: PlanScore
    /// The person's reach before and after the visit.
    public var reachBefore: Double
    /// The person's reach after the visit and every visit before it, 0...1.
    public var reachAfter: Double
    /// The contact the visit leaves behind.
    public var strength: ContactStrength
    /// The warmest introduction route, or nil when no warm route leads there.
    public var route: IntroductionRoute?
    /// How to get in when there is no warm route.
    public var coldApproach: ColdApproach?
}

/// Why a plan has fewer visits than asked, or what else the user must know about it.
public enum PlanNote: Sendable, Hashable {
    /// The next best visit would add less than `threshold` points of coverage.
    case stoppedBelowGain(threshold: Double)
    /// No visit would raise coverage or support reach at all.
    case noGain
    /// Every member who may go has used their `--capacity`.
    case capacityUsed
    /// One member may be sent: they go on every visit and stay the only thread to
    /// everything the plan opens.
    case oneMember(String)
}

/// The next visits for an account, chosen greedily (docs/plan.md).
public struct VisitPlan: Sendable {
    /// The account as it is, before any visit.
    public var analysis: AccountAnalysis
    /// What was asked: visits, member, exclusions, capacities.
    public var request: PlanRequest
    /// The numbers the plan was made with.
    public var parameters: PlanParameters
    /// In the order chosen, which is the order to make them in.
    public var visits: [PlannedVisit]
    /// The objective's parts before the first visit and after the last.
    public var before: PlanScore
    /// The objective's parts after the last visit.
    public var after: PlanScore
    /// Why the plan stopped early, and the one-member warning.
    public var notes: [PlanNote] = []
}

/// Chooses the visits of a plan (docs/plan.md).
public enum VisitPlanner {
    /// Plans up to `request.visits` visits, each the one with the largest gain in the
    /// objective given the visits before it (docs/plan.md, "Greedy choice"). After each
    /// choice the model is updated as if the visit happened. Ties (gains within
    /// `tieTolerance`) go to the more influential person, then the smaller id. Stops early
    /// when the best visit adds less than `minimumCoverageGain` to coverage (and meets no
    /// top decision-maker), or when every member has used their capacity (`notes` says
    /// which). Who goes is `WhoGoes`.
    ///
    /// Throws when the request names an id the account does not have.
    /// O(visits · people · hopLimit · ties near each person), plus one strongest-path
    /// search per visit.
    public static func plan(
        _ analysis: AccountAnalysis, request: PlanRequest = PlanRequest(),
        parameters: PlanParameters = PlanParameters()
    ) throws(PlanningError) -> VisitPlan {
        let account = analysis.account
        try AccountIds.check(request.member.map { [$0] } ?? [], part: .member, in: [account], kinds: .members)
        try AccountIds.check(request.excluded, part: .excluded, in: [account], kinds: .both)
        try AccountIds.check(request.capacity.keys.sorted(), part: .capacity, in: [account], kinds: .members)
        let excluded = Set(request.excluded)
        var senders: [String] = []
        for id in request.member.map({ [$0] }) ?? account.team.map(\.id)
        where !excluded.contains(id) && !senders.contains(id) {
            senders.append(id)
        }
        var model = VisitModel(analysis)
        let before = model.score
        var visits: [PlannedVisit] = []
        var planned: [String: Int] = [:]
        var chosen = Set<Int>()
        var used: [String: Int] = [:]
        var notes: [PlanNote] = []
        while visits.count < max(0, request.visits), !senders.isEmpty {
            let available = senders.filter { m in request.capacity[m].map { (used[m] ?? 0) < $0 } ?? true }
            guard !available.isEmpty else {
                notes.append(.capacityUsed)
                break
            }
            if !visits.isEmpty,
                let t = SecondThreads.visit(
                    model, available: available, senders: senders,
                    slots: request.visits - visits.count, chosen: chosen,
                    excluded: excluded, parameters: parameters)
            {
                let id = analysis.people[t.person].person.id
                let routes = IntroductionRoutes(
                    analysis, contacts: model.contacts, planned: planned, carrier: model.carrier,
                    contactNodes: model.contactNodes)
                let route = routes.warmest(to: t.person, from: [t.companion ?? t.lead]) ?? routes.warmest(to: t.person)
                let cold = route == nil ? routes.coldApproach(to: t.person) : nil
                let best = max(t.leadStrength.value, t.companionStrength?.value ?? 0)
                let gain = model.gain(visiting: t.person, strength: best)
                let carried = model.carried(from: t.person, strength: best)
                let reasons =
                    [.secondThread(member: t.thread, share: t.share)]
                    + VisitReasons.reasons(
                        for: t.person, in: model, strength: best, carried: carried, parameters: parameters)
                let companionReasons: [MemberReason] =
                    t.companion.flatMap { c in
                        model.contact(member: model.memberNumber(c), person: t.person)
                            .map { [.knowsPerson(strength: $0.strength, daysAgo: $0.daysAgo)] }
                    } ?? []
                let reachBefore = model.reach[t.person]
                model.apply(member: t.lead, person: t.person, strength: t.leadStrength)
                used[t.lead, default: 0] += 1
                var strength = t.leadStrength
                if let c = t.companion, let s = t.companionStrength {
                    model.apply(member: c, person: t.person, strength: s)
                    used[c, default: 0] += 1
                    if s.value > strength.value { strength = s }
                }
                visits.append(
                    PlannedVisit(
                        number: visits.count + 1, person: id, member: t.lead,
                        memberReasons: [.spreads(instead: t.thread, thread: t.thread, share: t.share)],
                        companion: t.companion, companionReasons: companionReasons, reasons: reasons, gain: gain,
                        reachBefore: reachBefore, reachAfter: model.reach[t.person], strength: strength,
                        route: route, coldApproach: cold))
                for m in [t.lead] + (t.companion.map { [$0] } ?? []) { planned[m + "\u{0}" + id] = visits.count }
                chosen.insert(t.person)
                continue
            }
            let numbers = available.map { model.memberNumber($0) }
            var best: (p: Int, strength: ContactStrength, gain: PlanScore, value: Double)?
            for p in analysis.people.indices
            where !chosen.contains(p) && !excluded.contains(analysis.people[p].person.id) {
                let strength = model.strongestVisit(by: numbers, person: p, parameters) ?? parameters.visitStrength
                let gain = model.gain(visiting: p, strength: strength.value)
                let value = gain.objective(parameters)
                if let b = best {
                    let better =
                        value > b.value + parameters.tieTolerance
                        || (abs(value - b.value) <= parameters.tieTolerance && ranksBefore(p, b.p, analysis))
                    if !better { continue }
                }
                best = (p, strength, gain, value)
            }
            guard let b = best, b.value > parameters.tieTolerance else {
                if !visits.isEmpty { notes.append(.noGain) }
                break
            }
            if b.gain.coverage < parameters.minimumCoverageGain, b.gain.meetings == 0 {
                notes.append(.stoppedBelowGain(threshold: parameters.minimumCoverageGain))
                break
            }
            let routes = IntroductionRoutes(
                analysis, contacts: model.contacts, planned: planned, carrier: model.carrier,
                contactNodes: model.contactNodes)
            let choice = WhoGoes(
                model: model, routes: routes, parameters: parameters, available: available,
                senders: senders.count
            ).choose(for: b.p)
            let member = choice.member
            let route =
                routes.warmest(to: b.p, from: [member] + (choice.companion.map { [$0] } ?? []))
                ?? routes.warmest(to: b.p)
            let cold = route == nil ? routes.coldApproach(to: b.p) : nil
            let carried = model.carried(from: b.p, strength: b.strength.value)
            let reasons = VisitReasons.reasons(
                for: b.p, in: model, strength: b.strength.value, carried: carried,
                parameters: parameters)
            let reachBefore = model.reach[b.p]
            let strength = model.visitStrength(member: model.memberNumber(member), person: b.p, parameters)
            model.apply(member: member, person: b.p, strength: strength)
            used[member, default: 0] += 1
            var left = strength
            if let companion = choice.companion {
                let s = model.visitStrength(member: model.memberNumber(companion), person: b.p, parameters)
                model.apply(member: companion, person: b.p, strength: s)
                used[companion, default: 0] += 1
                if s.value > left.value { left = s }
            }
            visits.append(
                PlannedVisit(
                    number: visits.count + 1, person: analysis.people[b.p].person.id, member: member,
                    memberReasons: choice.reasons, companion: choice.companion,
                    companionReasons: choice.companionReasons,
                    reasons: reasons, gain: b.gain, reachBefore: reachBefore, reachAfter: model.reach[b.p],
                    strength: left,
                    route: route, coldApproach: cold))
            for m in [member] + (choice.companion.map { [$0] } ?? []) {
                planned[m + "\u{0}" + analysis.people[b.p].person.id] = visits.count
            }
            chosen.insert(b.p)
        }
        if senders.count == 1, !visits.isEmpty { notes.append(.oneMember(senders[0])) }
        return VisitPlan(
            analysis: analysis, request: request, parameters: parameters, visits: visits,
            before: before, after: model.score, notes: notes)
    }

    /// More influential first, then the smaller id.
    private static func ranksBefore(_ p: Int, _ q: Int, _ a: AccountAnalysis) -> Bool {
        let (x, y) = (a.people[p], a.people[q])
        return x.influence != y.influence ? x.influence > y.influence : x.person.id < y.person.id
    }
}
