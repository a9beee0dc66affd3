/// One person's standing before and after a what-if; nil on the side where they are not
/// in the account.
public struct PersonChange: Sendable, Hashable {
    /// The person's id.
    public var id: String
    /// Rank by influence, 1 = most influential.
    public var positionBefore, positionAfter: Int?
    /// Influence, 0...100.
    public var influenceBefore, influenceAfter: Double?
    /// Our reach of the person, 0...1.
    public var reachBefore, reachAfter: Double?
    /// Their stance towards us.
    public var stanceBefore, stanceAfter: Stance?
}

/// An account before and after hypothetical changes: scores, ranking and gaps side by
/// side (docs/plan.md, "What-if").
public struct WhatIfComparison: Sendable {
    /// The changes, as given.
    public var changes: [WhatIfChange]
    /// The account as it is, and as it would be, each with its scores and gaps.
    public var before: GapReport
    /// The account as it would be.
    public var after: GapReport
    /// People whose rank, influence (by 0.05 or more), reach (by 0.005 or more) or stance
    /// changed, or who left; by rank after (people who left last, by rank before).
    public var people: [PersonChange]
    /// Gaps present after and not before, and the reverse, matched by `Gap.key`; in the
    /// order of their report (most severe first).
    public var opened: [Gap]
    /// Gaps present before and not after: what the changes would fix.
    public var closed: [Gap]
    /// Gaps open on both sides whose severity changed, as (before, after), in the order
    /// of the report after.
    public var regraded: [(before: Gap, after: Gap)]

    /// Applies `changes` to `account` and compares. Pure; throws for an unknown id.
    public static func compare(
        _ account: Account, changes: [WhatIfChange],
        parameters: ScoringParameters = ScoringParameters(),
        gapParameters: GapParameters = GapParameters()
    ) throws(PlanningError) -> WhatIfComparison {
        let changed = try Scenario.apply(changes, to: account)
        let before = GapFinder.gaps(in: Analyzer.analyze(account, parameters: parameters), parameters: gapParameters)
        let after = GapFinder.gaps(in: Analyzer.analyze(changed, parameters: parameters), parameters: gapParameters)
        var people: [PersonChange] = []
        for p in account.people {
            let b = before.analysis.person(p.id), a = after.analysis.person(p.id)
            let change = PersonChange(
                id: p.id, positionBefore: b?.position, positionAfter: a?.position,
                influenceBefore: b?.influence, influenceAfter: a?.influence,
                reachBefore: b?.reach, reachAfter: a?.reach,
                stanceBefore: b?.person.stance, stanceAfter: a?.person.stance)
            if isChanged(change) { people.append(change) }
        }
        people.sort { x, y in
            switch (x.positionAfter, y.positionAfter) {
            case let (l?, r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return (x.positionBefore ?? 0, x.id) < (y.positionBefore ?? 0, y.id)
            }
        }
        let beforeKeys = Set(before.gaps.map(\.key)), afterKeys = Set(after.gaps.map(\.key))
        var beforeByKey: [String: Gap] = [:]
        for g in before.gaps where beforeByKey[g.key] == nil { beforeByKey[g.key] = g }
        let regraded = after.gaps.compactMap { g -> (before: Gap, after: Gap)? in
            guard let old = beforeByKey[g.key], old.severity != g.severity else { return nil }
            return (old, g)
        }
        return WhatIfComparison(
            changes: changes, before: before, after: after, people: people,
            opened: after.gaps.filter { !beforeKeys.contains($0.key) },
            closed: before.gaps.filter { !afterKeys.contains($0.key) }, regraded: regraded)
    }

    private static func isChanged(_ c: PersonChange) -> Bool {
        guard let ib = c.influenceBefore, let ia = c.influenceAfter, let rb = c.reachBefore, let ra = c.reachAfter
        else {
            return true
        }
        return c.positionBefore != c.positionAfter || abs(ia - ib) >= 0.05 || abs(ra - rb) >= 0.005
            || c.stanceBefore != c.stanceAfter
    }
}
