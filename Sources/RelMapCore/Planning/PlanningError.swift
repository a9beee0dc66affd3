/// A request for a plan or a what-if that does not fit the account: an unknown id, a
/// person where a team member belongs, a change written wrongly. The CLI prints the
/// description and exits 64 (docs/plan.md, "Errors").
public enum PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No one with this id; `suggestion` is the nearest id, if one is close.
    case unknownId(String, flag: String, suggestion: String?)
    /// A person's id where a team member's is needed.
    case notATeamMember(String, flag: String)
    /// A team member's id where a person's is needed.
    case notAPerson(String, flag: String)
    /// A value that does not have the flag's form, e.g. `--stance zhao` without `=STANCE`.
    case badForm(flag: String, value: String, expected: String)
    /// Not one of champion, supporter, neutral, skeptic, blocker, unknown.
    case unknownStance(String, suggestion: String?)
    /// Not weak, medium, strong or a number in (0, 1].
    case badStrength(String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownId(let id, let flag, let suggestion):
            "\(flag) \(id): no person or team member with id '\(id)'" + didYouMean(suggestion)
        case .notATeamMember(let id, let flag):
            "\(flag) \(id): '\(id)' is a person in the account; name a member of our team"
        case .notAPerson(let id, let flag):
            "\(flag) \(id): '\(id)' is on our team; name a person in the account"
        case .badForm(let flag, let value, let expected):
            "\(flag) \(value): expected \(expected)"
        case .unknownStance(let word, let suggestion):
            "--stance: '\(word)' is not a stance (champion, supporter, neutral, skeptic, blocker, unknown)" + didYouMean(suggestion)
        case .badStrength(let word, let suggestion):
            "--contact: '\(word)' is not a strength (weak, medium, strong, or a number above 0 and at most 1)" + didYouMean(suggestion)
        }
    }

    private func didYouMean(_ s: String?) -> String { s.map { "; did you mean '\($0)'?" } ?? "" }
}

/// Checks ids given on the command line against accounts.
public enum AccountIds {
    /// Which kinds of id a flag takes.
    public enum Kinds: Sendable { case people, members, both }

    /// Throws for the first id that names nobody of the right kind in any of `accounts`,
    /// suggesting the nearest id of that kind ("did you mean 'zhao'?"). O(ids · ids in
    /// the accounts · id length²).
    public static func check(_ ids: [String], flag: String, in accounts: [Account], kinds: Kinds) throws(PlanningError) {
        // Nothing to check, so no id sets to build: every plan checks its usually empty
        // --member and --exclude lists.
        guard !ids.isEmpty else { return }
        let people = accounts.flatMap { $0.people.map(\.id) }
        let members = accounts.flatMap { $0.team.map(\.id) }
        let peopleSet = Set(people), memberSet = Set(members)
        for id in ids {
            switch kinds {
            case .people:
                if peopleSet.contains(id) { continue }
                if memberSet.contains(id) { throw .notAPerson(id, flag: flag) }
                throw .unknownId(id, flag: flag, suggestion: Suggestion.nearest(to: id, in: people))
            case .members:
                if memberSet.contains(id) { continue }
                if peopleSet.contains(id) { throw .notATeamMember(id, flag: flag) }
                throw .unknownId(id, flag: flag, suggestion: Suggestion.nearest(to: id, in: members))
            case .both:
                if peopleSet.contains(id) || memberSet.contains(id) { continue }
                throw .unknownId(id, flag: flag, suggestion: Suggestion.nearest(to: id, in: members + people))
            }
        }
    }
}
