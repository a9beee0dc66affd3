/// Contacts gone stale (docs/gaps.md, "Stale contacts").
enum StaleContacts {
    /// Contacts whose current strength fell below `staleStrength` from a declared
    /// strength above it, most influential person first (then member, person).
    ///
    /// The hole is how much of what the contact once gave is missing today: 1 minus the
    /// person's reach (from any route) over the contact's declared strength. Someone else
    /// reaching the same person well makes a stale contact a small hole.
    static func gaps(_ analysis: AccountAnalysis, _ parameters: GapParameters) -> [Gap] {
        var found: [(PersonAnalysis, Gap)] = []
        for c in analysis.contacts {
            let declared = c.strength.value
            guard declared > parameters.staleStrength, c.current < parameters.staleStrength,
                let p = analysis.person(c.person)
            else { continue }
            let hole = max(0, min(1, 1 - p.reach / declared))
            let gap = Gap(
                detail: .staleContact(
                    member: c.member, person: c.person, strength: c.strength,
                    current: c.current, daysAgo: c.daysAgo),
                weight: hole * p.influence, parameters: parameters)
            found.append((p, gap))
        }
        return found.sorted { a, b in
            if a.0.influence != b.0.influence { return a.0.influence > b.0.influence }
            return a.1.key < b.1.key
        }.map(\.1)
    }
}
