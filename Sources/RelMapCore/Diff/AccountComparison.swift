/// Settings of a comparison.
public struct DiffOptions: Sendable {
    /// A contact whose last day is more than this many days before `as_of`, or has no
    /// day at all, is stale. The default is the reach half-life: a stale contact has
    /// lost half its strength (docs/scoring.md, "Reach").
    public var staleAfterDays: Int
    /// The gap analysis to compare, if any.
    public var gaps: GapSource?
    /// A person's rank change is shown when the rank moved by at least this many
    /// places or the influence by at least `minInfluenceChange` points. Smaller moves
    /// are noise: one person joining shifts everyone below them by a place.
    public var minRankChange: Int = 2
    /// Influence points (0...100 scale) a person must move by to be shown when their rank moved less.
    public var minInfluenceChange: Double = 3

    /// Stale after the scoring half-life (rounded to whole days), gaps compared when `gaps` is given.
    public init(parameters: ScoringParameters = ScoringParameters(), gaps: GapSource? = nil) {
        staleAfterDays = Int(parameters.halfLifeDays.rounded())
        self.gaps = gaps
    }
}

extension AccountDiff {
    /// Compares two scored versions of one account. Pure: the same analyses give the
    /// same diff. O(n + c) for n people and c contacts, plus the sorts.
    public static func between(old: AccountAnalysis, new: AccountAnalysis, options: DiffOptions = DiffOptions())
        -> AccountDiff
    {
        let oldPeople = Dictionary(old.people.map { ($0.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newPeople = Dictionary(new.people.map { ($0.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        let entry = { (p: PersonAnalysis) in PersonEntry(person: p.person, influence: p.influence, rank: p.position) }

        var stances: [StanceChange] = [], roles: [RoleChange] = [], fields: [FieldChange] = [], ranks: [RankChange] = []
        for n in new.ranked {
            guard let o = oldPeople[n.person.id] else { continue }
            let (a, b) = (o.person, n.person)
            if a.stance != b.stance {
                stances.append(
                    StanceChange(
                        id: b.id, name: b.name, from: a.stance, to: b.stance,
                        direction: direction(a.stance, b.stance), influence: n.influence))
            }
            if Set(a.roles) != Set(b.roles) {
                roles.append(
                    RoleChange(
                        id: b.id, name: b.name, added: b.roles.filter { !a.roles.contains($0) }.sorted(),
                        removed: a.roles.filter { !b.roles.contains($0) }.sorted()))
            }
            let pairs: [(String, String?, String?)] = [
                ("title", a.title, b.title), ("department", a.department, b.department),
                ("reports_to", a.reportsTo, b.reportsTo), ("level", a.level.map(String.init), b.level.map(String.init)),
                ("influence", a.influence.map(String.init), b.influence.map(String.init)),
            ]
            for (field, from, to) in pairs where from != to {
                fields.append(FieldChange(id: b.id, name: b.name, field: field, from: from, to: to))
            }
            let rise = o.position - n.position
            if abs(rise) >= options.minRankChange || abs(n.influence - o.influence) >= options.minInfluenceChange {
                ranks.append(
                    RankChange(
                        id: b.id, name: b.name, fromRank: o.position, toRank: n.position,
                        fromInfluence: o.influence, toInfluence: n.influence))
            }
        }
        // Biggest moves first; the new rank breaks ties.
        ranks.sort { (-abs($0.rise), $0.toRank) < (-abs($1.rise), $1.toRank) }
        // Stance changes of the most influential people first.
        stances.sort { ($0.influence, $1.id) > ($1.influence, $0.id) }

        return AccountDiff(
            old: version(old), new: version(new),
            added: new.ranked.filter { oldPeople[$0.person.id] == nil }.map(entry),
            removed: old.ranked.filter { newPeople[$0.person.id] == nil }.map(entry),
            stances: stances, roles: roles, fields: fields,
            contacts: contactChanges(old, new, staleAfter: options.staleAfterDays),
            ranks: ranks,
            shares: ShareChange(department: nil, from: old.shares, to: new.shares),
            departments: departmentChanges(old, new),
            gaps: options.gaps.map { list in GapChanges.between(old: list(old), new: list(new)) },
            staleAfterDays: options.staleAfterDays)
    }

    static func version(_ a: AccountAnalysis) -> Version {
        Version(id: a.account.id, name: a.account.name, asOf: a.account.asOf, source: a.account.location?.file)
    }

    static func direction(_ from: Stance, _ to: Stance) -> StanceDirection {
        switch (from.score, to.score) {
        case (nil, _): .learned
        case (_, nil): .lost
        case (let a?, let b?): b > a ? .up : .down
        }
    }

    /// Contacts gained, lost, gone stale, revived, strengthened and weakened, in the
    /// order of the new file's people (removed people last), then by team member.
    static func contactChanges(_ old: AccountAnalysis, _ new: AccountAnalysis, staleAfter: Int) -> [ContactChange] {
        func key(_ c: CurrentContact) -> String { c.member + "\u{0}" + c.person }
        let before = Dictionary(old.contacts.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.contacts.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        func isStale(_ c: CurrentContact) -> Bool { (c.daysAgo ?? Int.max) > staleAfter }
        func name(_ id: String, _ isMember: Bool) -> String {
            let fromNew = isMember ? new.account.member(id)?.name : new.account.person(id)?.name
            let fromOld = isMember ? old.account.member(id)?.name : old.account.person(id)?.name
            return fromNew ?? fromOld ?? id
        }
        var changes: [ContactChange] = []
        func add(_ kind: ContactChangeKind, _ from: CurrentContact?, _ to: CurrentContact?) {
            guard let any = to ?? from else { return }
            changes.append(
                ContactChange(
                    kind: kind, member: any.member, memberName: name(any.member, true),
                    person: any.person, personName: name(any.person, false), from: from, to: to))
        }
        for c in new.contacts {
            guard let was = before[key(c)] else { add(.gained, nil, c); continue }
            if !isStale(was) && isStale(c) {
                add(.stale, was, c)
            } else if isStale(was) && !isStale(c) {
                add(.revived, was, c)
            }
            if c.strength.value > was.strength.value {
                add(.stronger, was, c)
            } else if c.strength.value < was.strength.value {
                add(.weaker, was, c)
            }
        }
        for c in old.contacts where after[key(c)] == nil { add(.lost, c, nil) }

        let order = Dictionary(new.account.people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let kinds = Dictionary(
            ContactChangeKind.allCases.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return changes.sorted {
            (kinds[$0.kind] ?? 0, order[$0.person] ?? Int.max, $0.person, $0.member)
                < (kinds[$1.kind] ?? 0, order[$1.person] ?? Int.max, $1.person, $1.member)
        }
    }

    /// Every department of either version whose shares moved, largest share of the new
    /// account first, then departments that are gone.
    static func departmentChanges(_ old: AccountAnalysis, _ new: AccountAnalysis) -> [ShareChange] {
        let before = Dictionary(old.departments.map { ($0.name ?? "\u{0}", $0) }, uniquingKeysWith: { a, _ in a })
        var out = new.departments.map { d in
            ShareChange(department: d.name, from: before[d.name ?? "\u{0}"]?.shares, to: d.shares)
        }
        let seen = Set(new.departments.map { $0.name ?? "\u{0}" })
        out += old.departments.filter { !seen.contains($0.name ?? "\u{0}") }.map {
            ShareChange(department: $0.name, from: $0.shares, to: nil)
        }
        return out.filter { moved($0.from, $0.to) }
    }

    /// True when a share moved by what one decimal shows (0.05 points), or appeared or went.
    static func moved(_ a: Shares?, _ b: Shares?) -> Bool {
        guard let a, let b else { return a != nil || b != nil }
        return [a.coverage - b.coverage, a.support - b.support, a.opposition - b.opposition, a.unknown - b.unknown]
            .contains { abs($0) >= 0.05 }
    }
}
