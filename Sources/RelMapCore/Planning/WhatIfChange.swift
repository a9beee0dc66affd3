/// One hypothetical change to an account (docs/plan.md, "What-if").
public enum WhatIfChange: Sendable, Hashable {
    /// A person leaves the account, or a member leaves our team.
    case leave(String)
    /// A person's stance becomes `stance`.
    case stance(person: String, stance: Stance)
    /// A member makes (or refreshes) a contact with a person, dated `as_of`.
    case contact(member: String, person: String, strength: ContactStrength)

    /// `word` as a stance, in any case; an unknown word is an error with the nearest stance.
    public static func stance(word: String) throws(PlanningError) -> Stance {
        guard let stance = Stance(rawValue: word.lowercased()) else {
            throw .unknownStance(word, suggestion: Suggestion.nearest(to: word, in: Stance.allCases.map(\.rawValue)))
        }
        return stance
    }

    /// `word` as a contact's strength: weak, medium, strong (any case) or a number in (0, 1].
    public static func strength(word: String) throws(PlanningError) -> ContactStrength {
        let lowered = word.lowercased()
        switch lowered {
        case "weak": return .weak
        case "medium": return .medium
        case "strong": return .strong
        default:
            guard let v = Double(lowered), v.isFinite, v > 0, v <= 1 else {
                throw .badStrength(word, suggestion: Suggestion.nearest(to: lowered, in: ["weak", "medium", "strong"]))
            }
            return .value(v)
        }
    }
}

/// Applies hypothetical changes to an account. Nothing is written anywhere: the result
/// is a new value.
public enum Scenario {
    /// Checks every id first (an unknown one throws, with a suggestion), then applies
    /// stance changes, then contacts, then departures, so that a departure wins over any
    /// other change to the same person. O(changes · (people + relations + contacts)).
    ///
    /// - A person who leaves takes their ties, contacts and place in the visit log with
    ///   them; the people who reported to them now report to their manager.
    /// - A member who leaves takes their contacts and visit log entries.
    /// - A contact is new, or replaces the member's contact with the person, dated `as_of`.
    public static func apply(_ changes: [WhatIfChange], to account: Account) throws(PlanningError) -> Account {
        for change in changes {
            switch change {
            case .leave(let id): try AccountIds.check([id], part: .leave, in: [account], kinds: .both)
            case .stance(let id, _): try AccountIds.check([id], part: .stance, in: [account], kinds: .people)
            case .contact(let m, let p, _):
                try AccountIds.check([m], part: .contact, in: [account], kinds: .members)
                try AccountIds.check([p], part: .contact, in: [account], kinds: .people)
            }
        }
        var result = account
        for case .stance(let id, let stance) in changes {
            if let i = result.people.firstIndex(where: { $0.id == id }) { result.people[i].stance = stance }
        }
        for case .contact(let m, let p, let strength) in changes {
            let contact = Contact(member: m, person: p, strength: strength, last: account.asOf)
            if let k = result.contacts.firstIndex(where: { $0.member == m && $0.person == p }) {
                result.contacts[k] = contact
            } else {
                result.contacts.append(contact)
            }
        }
        for case .leave(let id) in changes {
            if let person = result.person(id) {
                result.people.removeAll { $0.id == id }
                for i in result.people.indices where result.people[i].reportsTo == id {
                    result.people[i].reportsTo = person.reportsTo
                }
                result.relations.removeAll { $0.from == id || $0.to == id }
                result.contacts.removeAll { $0.person == id }
                for k in result.interactions.indices { result.interactions[k].people.removeAll { $0 == id } }
                result.interactions.removeAll { $0.people.isEmpty }
            } else {
                result.team.removeAll { $0.id == id }
                result.contacts.removeAll { $0.member == id }
                result.interactions.removeAll { $0.member == id }
            }
        }
        return result
    }
}
