/// A request for a plan or a what-if that does not fit the account: an unknown id, a
/// person where a team member belongs, a word that is not a stance or a strength. Said in
/// the account's terms; the CLI adds the flag the `RequestPart` came from and exits 64
/// (docs/plan.md, "Errors").
public enum PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No one with this id; `suggestion` is the nearest id, if one is close.
    case unknownId(String, in: RequestPart, suggestion: String?)
    /// A person's id where a team member's is needed.
    case notATeamMember(String, in: RequestPart)
    /// A team member's id where a person's is needed.
    case notAPerson(String, in: RequestPart)
    /// Not one of champion, supporter, neutral, skeptic, blocker, unknown.
    case unknownStance(String, suggestion: String?)
    /// Not weak, medium, strong or a number in (0, 1].
    case badStrength(String, suggestion: String?)

    /// What is wrong with the request, in the core's own terms (the CLI names the flag).
    public var description: String {
        switch self {
        case .unknownId(let id, _, let suggestion):
            "no person or team member with id '\(id)'" + didYouMean(suggestion)
        case .notATeamMember(let id, _):
            "'\(id)' is a person in the account; name a member of our team"
        case .notAPerson(let id, _):
            "'\(id)' is on our team; name a person in the account"
        case .unknownStance(let word, let suggestion):
            "'\(word)' is not a stance (champion, supporter, neutral, skeptic, blocker, unknown)"
                + didYouMean(suggestion)
        case .badStrength(let word, let suggestion):
            "'\(word)' is not a strength (weak, medium, strong, or a number above 0 and at most 1)"
                + didYouMean(suggestion)
        }
    }

    /// The id at fault and the part of the request that named it; nil for a word.
    public var misplacedId: (id: String, part: RequestPart)? {
        switch self {
        case .unknownId(let id, let part, _), .notATeamMember(let id, let part), .notAPerson(let id, let part):
            (id, part)
        case .unknownStance, .badStrength: nil
        }
    }

    private func didYouMean(_ s: String?) -> String { s.map { "; did you mean '\($0)'?" } ?? "" }
}

/// The part of a plan request or a what-if an id was given in, so that whoever asked (a
/// flag of the CLI, a field of a form) can be pointed at it.
public enum RequestPart: Sendable, Hashable, CaseIterable {
    /// The team member to send (`PlanRequest.member`).
    case member
    /// People not to visit, or members not to send (`PlanRequest.excluded`).
    case excluded
    /// A member's most visits (`PlanRequest.capacity`).
    case capacity
    /// Someone who leaves (`WhatIfChange.leave`).
    case leave
    /// A person whose stance changes (`WhatIfChange.stance`).
    case stance
    /// A member or a person of a new contact (`WhatIfChange.contact`).
    case contact
}

/// Checks the ids of a request against accounts.
public enum AccountIds {
    /// Which kinds of id a flag takes.
    public enum Kinds: Sendable { case people, members, both }

    /// Throws for the first id that names nobody of the right kind in any of `accounts`,
    /// suggesting the nearest id of that kind ("did you mean 'zhao'?"). O(ids · ids in
    /// the accounts · id length²).
    public static func check(_ ids: [String], part: RequestPart, in accounts: [Account], kinds: Kinds)
        throws(PlanningError)
    {
        // Nothing to check, so no id sets to build: every plan checks its usually empty
        // member and excluded lists.
        guard !ids.isEmpty else { return }
        let people = accounts.flatMap { $0.people.map(\.id) }
        let members = accounts.flatMap { $0.team.map(\.id) }
        let peopleSet = Set(people), memberSet = Set(members)
        for id in ids {
            switch kinds {
            case .people:
                if peopleSet.contains(id) { continue }
                if memberSet.contains(id) { throw .notAPerson(id, in: part) }
                throw .unknownId(id, in: part, suggestion: Suggestion.nearest(to: id, in: people))
            case .members:
                if memberSet.contains(id) { continue }
                if peopleSet.contains(id) { throw .notATeamMember(id, in: part) }
                throw .unknownId(id, in: part, suggestion: Suggestion.nearest(to: id, in: members))
            case .both:
                if peopleSet.contains(id) || memberSet.contains(id) { continue }
                throw .unknownId(id, in: part, suggestion: Suggestion.nearest(to: id, in: members + people))
            }
        }
    }
}
