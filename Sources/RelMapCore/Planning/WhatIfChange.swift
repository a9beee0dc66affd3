/// One hypothetical change to an account (docs/plan.md, "What-if").
public enum WhatIfChange: Sendable, Hashable {
    /// A person leaves the account, or a member leaves our team.
    case leave(String)
    /// A person's stance becomes `stance`.
    case stance(person: String, stance: Stance)
    /// A member makes (or refreshes) a contact with a person, dated `as_of`.
    case contact(member: String, person: String, strength: ContactStrength)

    /// Reads `ID=STANCE` (`--stance`).
    public static func stance(argument: String) throws(PlanningError) -> WhatIfChange {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .badForm(flag: "--stance", value: argument, expected: "ID=STANCE, e.g. zhao=supporter")
        }
        guard let stance = Stance(rawValue: parts[1].lowercased()) else {
            throw .unknownStance(parts[1], suggestion: Suggestion.nearest(to: parts[1], in: Stance.allCases.map(\.rawValue)))
        }
        return .stance(person: parts[0], stance: stance)
    }

    /// Reads `MEMBER:ID[:STRENGTH]` (`--contact`); the strength is weak, medium, strong
    /// or a number in (0, 1], and `defaultStrength` when left out.
    public static func contact(argument: String, defaultStrength: ContactStrength = .medium) throws(PlanningError) -> WhatIfChange {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .badForm(flag: "--contact", value: argument, expected: "MEMBER:ID or MEMBER:ID:STRENGTH, e.g. wang:zheng:medium")
        }
        var strength = defaultStrength
        if parts.count == 3 {
            let word = parts[2].lowercased()
            switch word {
            case "weak": strength = .weak
            case "medium": strength = .medium
            case "strong": strength = .strong
            default:
                guard let v = Double(word), v.isFinite, v > 0, v <= 1 else {
                    throw .badStrength(parts[2], suggestion: Suggestion.nearest(to: word, in: ["weak", "medium", "strong"]))
                }
                strength = .value(v)
            }
        }
        return .contact(member: parts[0], person: parts[1], strength: strength)
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
            case .leave(let id): try AccountIds.check([id], flag: "--leave", in: [account], kinds: .both)
            case .stance(let id, _): try AccountIds.check([id], flag: "--stance", in: [account], kinds: .people)
            case .contact(let m, let p, _):
                try AccountIds.check([m], flag: "--contact", in: [account], kinds: .members)
                try AccountIds.check([p], flag: "--contact", in: [account], kinds: .people)
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
