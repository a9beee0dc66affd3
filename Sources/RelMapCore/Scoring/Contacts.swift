/// A contact as the scores see it on the map's `as_of` day: the declared strength, the
/// latest date from the contact or the interaction log, and what is left after fading.
public struct CurrentContact: Sendable, Hashable {
    /// The team member's id.
    public var member: String
    /// The person's id.
    public var person: String
    /// The declared strength; `impliedContactStrength` for one implied by the log.
    public var strength: ContactStrength
    /// The latest contact day known, from `last` or the interaction log.
    public var last: Day?
    /// Days from `last` to `as_of`; nil when no date is known.
    public var daysAgo: Int?
    /// Strength × fade, in 0...1 (docs/scoring.md, "Reach").
    public var current: Double
    /// True when the contact comes only from the interaction log.
    public var implied: Bool
}

/// Our team's contacts as the scores see them on one day.
public enum CurrentContacts {
    /// One entry per (member, person) pair that has a contact or an interaction, in the
    /// order of the file's contacts, then implied ones by (member, person).
    ///
    /// An interaction keeps its contact's date up to date; an interaction with no
    /// declared contact implies a weak one. A contact with no date at all counts as one
    /// half-life old.
    public static func of(_ account: Account, parameters: ScoringParameters) -> [CurrentContact] {
        var latest: [String: Day] = [:]
        for interaction in account.interactions {
            for person in interaction.people {
                let key = interaction.member + "\u{0}" + person
                if latest[key].map({ $0 < interaction.date }) ?? true { latest[key] = interaction.date }
            }
        }
        var result: [CurrentContact] = []
        var declared = Set<String>()
        for c in account.contacts {
            let key = c.member + "\u{0}" + c.person
            declared.insert(key)
            let last = [c.last, latest[key]].compactMap { $0 }.max()
            result.append(make(c.member, c.person, c.strength, last, implied: false, account, parameters))
        }
        let implied = latest.filter { !declared.contains($0.key) }.sorted { $0.key < $1.key }
        for (key, day) in implied {
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, account.member(parts[0]) != nil, account.person(parts[1]) != nil else { continue }
            result.append(
                make(parts[0], parts[1], impliedStrength(parameters), day, implied: true, account, parameters))
        }
        return result
    }

    private static func make(
        _ member: String, _ person: String, _ strength: ContactStrength, _ last: Day?,
        implied: Bool, _ account: Account, _ parameters: ScoringParameters
    ) -> CurrentContact {
        let (days, current) = faded(strength, last: last, asOf: account.asOf, parameters: parameters)
        return CurrentContact(
            member: member, person: person, strength: strength, last: last, daysAgo: days,
            current: current, implied: implied)
    }

    /// The strength of a contact known only from the interaction log.
    static func impliedStrength(_ parameters: ScoringParameters) -> ContactStrength {
        .value(parameters.impliedContactStrength)
    }

    /// A contact of `strength` last made on `last`, as it stands on `asOf`: the days since
    /// (nil without a date) and what is left of its strength. The reach warnings compute
    /// contacts without this type's entries, through this same rule.
    static func faded(_ strength: ContactStrength, last: Day?, asOf: Day, parameters: ScoringParameters)
        -> (daysAgo: Int?, current: Double)
    {
        let days = last.map { max(0, $0.days(until: asOf)) }
        let fade = days.map { parameters.fade(afterDays: $0) } ?? 0.5
        return (days, strength.value * fade)
    }
}
