/// Visits that give a second thread to people one member alone reaches us through
/// (docs/plan.md, "Second threads").
///
/// Who goes can only spread the visits the greedy choice picks; it cannot undo a single
/// thread older than the plan (an account manager who alone knows the coach who carries
/// half the account). So when the visits left are no more than it takes to bring every
/// member under the critical share, the plan spends them on second threads: another
/// member meets the person whose meeting cuts the worst member's share the most, with
/// that member along when they know the person (they make the introduction).
enum SecondThreads {
    struct Visit {
        var person: Int
        var lead: String
        var leadStrength: ContactStrength
        var companion: String?
        var companionStrength: ContactStrength?
        /// The member who was the only thread, and their share before the visit.
        var thread: String
        var share: Double
    }

    /// The second-thread visit to make now, or nil: none is needed yet, none helps, or the
    /// account is past the limits. O(slots · people · members · hopLimit · (people + ties)).
    static func visit(
        _ model: VisitModel, available: [String], senders: [String], slots: Int, chosen: Set<Int>,
        excluded: Set<String>, parameters: PlanParameters
    ) -> Visit? {
        let a = model.analysis
        guard parameters.secondThreads, senders.count > 1, available.count > 1,
            a.people.count <= parameters.secondThreadPeopleLimit,
            a.account.team.count <= parameters.spreadingTeamLimit
        else { return nil }
        // How many second-thread visits it takes, by making them one after another on a copy.
        var trial = model
        var taken = chosen
        var first: Visit?
        var needed = 0
        while needed < slots, let v = best(trial, available: available, chosen: taken, excluded: excluded, parameters) {
            if first == nil { first = v }
            needed += 1
            trial.apply(member: v.lead, person: v.person, strength: v.leadStrength)
            if let c = v.companion, let s = v.companionStrength {
                trial.apply(member: c, person: v.person, strength: s)
            }
            taken.insert(v.person)
        }
        // Not needed yet while the greedy visits still leave room for them, with two visits
        // to spare: a greedy visit in between can lengthen a thread again. Once all are
        // under the critical share, `needed` is 0 and the greedy choice takes over again.
        guard needed > 0, slots <= needed + 2 else { return nil }
        return first
    }

    /// The visit that most lowers the share of the member who is the only thread to the
    /// largest share above the critical one; nil when nobody is above it or no visit helps.
    private static func best(
        _ model: VisitModel, available: [String], chosen: Set<Int>, excluded: Set<String>,
        _ parameters: PlanParameters
    ) -> Visit? {
        let a = model.analysis
        let worst = MemberThreads(a, contacts: model.contacts).worst
        guard worst.share > parameters.criticalThreadShare else { return nil }
        var model = model
        let x = model.memberNumber(worst.member)
        var best: (visit: Visit, share: Double, influence: Double)?
        // A second thread has to start inside what the member alone reaches: at one of
        // their contacts or at one of the people only they reach.
        var candidates = Set(MemberThreads.lost(by: worst.member, a, contacts: model.contacts))
        for c in model.contacts where c.member == worst.member && c.current > 0 {
            if let p = a.graph.index[c.person] { candidates.insert(p) }
        }
        for p in candidates.sorted() where !chosen.contains(p) && !excluded.contains(a.people[p].person.id) {
            let comes = available.contains(worst.member) && model.contact(member: x, person: p) != nil
            let xs = model.visitStrength(member: x, person: p, parameters)
            for y in available where y != worst.member {
                let ys = model.visitStrength(member: model.memberNumber(y), person: p, parameters)
                var visits = [(member: y, person: p, strength: ys)]
                if comes { visits.append((worst.member, p, xs)) }
                let share = MemberThreads.share(of: worst.member, a, contacts: model.contacts(after: visits))
                let influence = a.people[p].influence
                let better =
                    best.map { share < $0.share - 1e-9 || (abs(share - $0.share) <= 1e-9 && influence > $0.influence) }
                    ?? (share < worst.share - 1e-9)
                if better {
                    best = (
                        Visit(
                            person: p, lead: y, leadStrength: ys, companion: comes ? worst.member : nil,
                            companionStrength: comes ? xs : nil, thread: worst.member, share: worst.share),
                        share, influence
                    )
                }
            }
        }
        return best?.visit
    }
}
