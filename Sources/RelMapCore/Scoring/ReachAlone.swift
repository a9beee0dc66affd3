extension Reach {
    /// Each person's reach, in file order: the very numbers `strengths(account:graph:contacts:parameters:)`
    /// gives with the account's `AccountGraph` and `CurrentContacts.of`, for callers that
    /// need reach alone (the warnings `check` gives for every file).
    ///
    /// It builds neither of those: the graph's influence edges, sorted adjacency lists
    /// and route versions, and the contacts' string keys, cost `check` far more than the
    /// search itself. Contacts are matched to the log by numbers, and the search keeps
    /// one number per person. The numbers are equal, not just close: each is the largest
    /// of the same products, and a largest value does not depend on the order it is
    /// found in (RelMapCoreTests' ReachAloneTests compare them).
    static func strengths(account: Account, parameters: ScoringParameters) -> [Double] {
        let people = account.people
        let index = PersonNumbers(people)
        var reach = ReachSeeds.of(account, index: index, parameters: parameters)

        // The ties a reached carrier passes reach along, with what each multiplies it by.
        var from: [Int] = [], to: [Int] = [], factor: [Double] = []
        let relations = account.relations
        from.reserveCapacity(relations.count)
        to.reserveCapacity(relations.count)
        factor.reserveCapacity(relations.count)
        for k in relations.indices {
            let (forward, backward) = carries(relations[k].type)
            guard forward || backward, let a = index.number(relations[k].from), let b = index.number(relations[k].to),
                a != b
            else { continue }
            let f = tieFactor(relations[k].strength, parameters: parameters)
            if forward && isCarrier(stance: people[a].stance, roles: people[a].roles) {
                from.append(a)
                to.append(b)
                factor.append(f)
            }
            if backward && isCarrier(stance: people[b].stance, roles: people[b].roles) {
                from.append(b)
                to.append(a)
                factor.append(f)
            }
        }
        // Layer h holds the best reach using at most h ties, as in `ReachSearch`.
        guard !from.isEmpty else { return reach }
        for _ in 0..<max(0, parameters.hopLimit) {
            var next = reach
            var changed = false
            for e in from.indices where reach[from[e]] > 0 {
                let v = reach[from[e]] * factor[e]
                if v > next[to[e]] {
                    next[to[e]] = v
                    changed = true
                }
            }
            reach = next
            if !changed { break }
        }
        return reach
    }
}

/// Each person's strongest current contact: the reach `ReachSearch` starts from.
private enum ReachSeeds {
    static func of(_ account: Account, index: PersonNumbers, parameters: ScoringParameters) -> [Double] {
        var reach = [Double](repeating: 0, count: account.people.count)
        func seed(_ p: Int, _ current: Double) {
            if current > reach[p] { reach[p] = current }
        }
        let asOf = account.asOf
        let contacts = account.contacts
        if account.interactions.isEmpty {
            for k in contacts.indices {
                guard let p = index.number(contacts[k].person) else { continue }
                let faded = CurrentContacts.faded(
                    contacts[k].strength, last: contacts[k].last, asOf: asOf, parameters: parameters)
                seed(p, faded.current)
            }
            return reach
        }
        guard let log = latestByPair(account, index: index) else {
            // An id `CurrentContacts` would key differently from its numbers (a contact
            // with a member not on the team, a NUL in an id): take its own entries.
            for c in CurrentContacts.of(account, parameters: parameters) {
                if let p = index.number(c.person) { seed(p, c.current) }
            }
            return reach
        }
        var latest = log
        let n = account.people.count
        for k in contacts.indices {
            guard let p = index.number(contacts[k].person), let m = member(contacts[k].member, in: account.team) else {
                continue
            }
            var last = contacts[k].last
            if let i = latest.index(forKey: m * n + p) {
                let logged = latest.values[i].day
                if last.map({ $0 < logged }) ?? true { last = logged }
                latest.values[i].declared = true
            }
            seed(p, CurrentContacts.faded(contacts[k].strength, last: last, asOf: asOf, parameters: parameters).current)
        }
        let implied = CurrentContacts.impliedStrength(parameters)
        for (key, entry) in latest where !entry.declared {
            seed(key % n, CurrentContacts.faded(implied, last: entry.day, asOf: asOf, parameters: parameters).current)
        }
        return reach
    }

    /// The latest logged day of each (member, person) pair whose ids name somebody, keyed
    /// `member × people + person`; nil when matching by numbers could differ from
    /// `CurrentContacts`' keys `member NUL person` (see `of`).
    private static func latestByPair(_ account: Account, index: PersonNumbers) -> [Int: (day: Day, declared: Bool)]? {
        let n = account.people.count
        for c in account.contacts {
            if hasNUL(c.member) || hasNUL(c.person) { return nil }
            if index.number(c.person) != nil && member(c.member, in: account.team) == nil { return nil }
        }
        var latest: [Int: (day: Day, declared: Bool)] = [:]
        for interaction in account.interactions {
            if hasNUL(interaction.member) { return nil }
            let m = member(interaction.member, in: account.team)
            for id in interaction.people {
                if hasNUL(id) { return nil }
                guard let m, let p = index.number(id) else { continue }
                let key = m * n + p
                if latest[key].map({ $0.day < interaction.date }) ?? true {
                    latest[key] = (interaction.date, false)
                }
            }
        }
        return latest
    }

    /// The first team member with this id, as `Account.member` finds them.
    private static func member(_ id: String, in team: [TeamMember]) -> Int? {
        team.firstIndex { $0.id == id }
    }

    private static func hasNUL(_ id: String) -> Bool {
        id.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? id.utf8.contains(0)
    }
}
