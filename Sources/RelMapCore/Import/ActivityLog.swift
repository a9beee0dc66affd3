/// How a logged activity reached the person, which decides how much it weighs.
enum ActivityChannel: Sendable, Hashable {
    case meeting, call, email, other

    /// Quarter-days: a meeting counts as a whole day of contact, a completed call as half,
    /// an e-mail or another completed task as a quarter (docs/import.md, "Activities").
    var quarters: Int {
        switch self {
        case .meeting: 4
        case .call: 2
        case .email, .other: 1
        }
    }
}

/// One logged activity: a member of our team called, met or wrote to one person on a day.
struct ImportedActivity: Sendable, Hashable {
    var date: Day
    var member: String
    var person: String
    var kind: String?
    var subject: String?
    var channel: ActivityChannel = .meeting
}

/// Turns a CRM's activity history into the account file's interaction log and contacts
/// (docs/import.md, "Activities").
enum ActivityLog {
    /// Contacts are judged on the last 12 months before `as_of`.
    static let windowDays = 365
    /// Weighted days in the window for a `medium` and a `strong` contact: 3 and 6 days
    /// of meetings, 6 and 12 of calls, 12 and 24 of e-mails (in quarter-days).
    static let mediumFrom = 3 * 4
    static let strongFrom = 6 * 4

    /// One interaction per meeting: activities on the same day, by the same member,
    /// with the same kind and subject are one meeting with several people (a CRM logs
    /// one row per person). Sorted by date, then member, kind and subject.
    static func interactions(_ activities: [ImportedActivity]) -> [Interaction] {
        var order: [String] = []
        var merged: [String: Interaction] = [:]
        for a in activities {
            let key = [a.date.iso, a.member, a.kind ?? "", a.subject ?? ""].joined(separator: "\u{0}")
            if var existing = merged[key] {
                if !existing.people.contains(a.person) { existing.people.append(a.person) }
                merged[key] = existing
            } else {
                order.append(key)
                merged[key] = Interaction(
                    date: a.date, member: a.member, people: [a.person], kind: a.kind, note: a.subject)
            }
        }
        return order.compactMap { merged[$0] }.sorted {
            ($0.date, $0.member, $0.kind ?? "", $0.note ?? "") < ($1.date, $1.member, $1.kind ?? "", $1.note ?? "")
        }
    }

    /// One contact per (member, person) pair that has any activity: `last` is the
    /// latest day, and the strength grows with how often and how closely they met in
    /// the last 12 months. Each day counts once, at its weightiest activity: a meeting
    /// 1, a call 1/2, an e-mail or other task 1/4; 3 or more is medium, 6 or more strong.
    /// Older history alone gives a weak contact, which the scores then fade by its date.
    /// Ordered like the people, then by member id.
    static func contacts(_ activities: [ImportedActivity], asOf: Day, personOrder: [String]) -> [Contact] {
        var days: [String: [Day: Int]] = [:]
        var pairs: [String: (member: String, person: String)] = [:]
        for a in activities {
            let key = a.member + "\u{0}" + a.person
            days[key, default: [:]][a.date] = max(days[key]?[a.date] ?? 0, a.channel.quarters)
            pairs[key] = (a.member, a.person)
        }
        let position = Dictionary(personOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let windowStart = asOf.adding(days: -windowDays)
        return pairs.map { key, pair in
            let all = days[key] ?? [:]
            let recent = all.filter { $0.key > windowStart && $0.key <= asOf }.values.reduce(0, +)
            let strength: ContactStrength = recent >= strongFrom ? .strong : recent >= mediumFrom ? .medium : .weak
            return Contact(member: pair.member, person: pair.person, strength: strength, last: all.keys.max())
        }.sorted {
            (position[$0.person] ?? Int.max, $0.member) < (position[$1.person] ?? Int.max, $1.member)
        }
    }
}
