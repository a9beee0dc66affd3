/// Warnings that need the scores: a person nobody on our team reaches, directly or
/// through a supporter inside the account.
enum ReachWarnings {
    /// Computes reach alone (contacts faded to `as_of`, then routes through carriers), the
    /// same numbers `Analyzer.analyze` gives, without influence scores, which no warning
    /// needs and which cost most of an analysis.
    static func unreached(in account: Account, people: [PersonSource], file: String) -> [Diagnostic] {
        let parameters = ScoringParameters()
        let graph = AccountGraph(account: account, parameters: parameters)
        let contacts = CurrentContacts.of(account, parameters: parameters)
        let reach = Reach.strengths(account: account, graph: graph, contacts: contacts, parameters: parameters)
        var warnings: [Diagnostic] = []
        for ((person, strength), source) in zip(zip(account.people, reach), people) where strength == 0 {
            let location = person.location ?? SourceLocation(file: file, line: 1, column: 1)
            warnings.append(
                .warning(
                    location, "\(source.path): nobody on our team reaches \(person.name) (\(person.id))",
                    kind: .personNotReached))
        }
        return warnings
    }
}
