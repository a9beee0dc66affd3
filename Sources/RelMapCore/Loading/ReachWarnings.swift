/// Warnings that need the scores: a person nobody on our team reaches, directly or
/// through a supporter inside the account.
enum ReachWarnings {
    /// Computes reach alone (contacts faded to `as_of`, then routes through carriers), the
    /// same numbers `Analyzer.analyze` gives, without influence scores, the graph or the
    /// routes, which no warning needs and which cost most of an analysis.
    static func unreached(in account: Account, people: [PersonSource], file: String) -> [Diagnostic] {
        let reach = Reach.strengths(account: account, parameters: ScoringParameters())
        var warnings: [Diagnostic] = []
        let persons = account.people
        for i in 0..<min(persons.count, reach.count, people.count) where reach[i] == 0 {
            let location = persons[i].location ?? SourceLocation(file: file, line: 1, column: 1)
            warnings.append(
                .warning(
                    location, "\(people[i].path): nobody on our team reaches \(persons[i].name) (\(persons[i].id))",
                    kind: .personNotReached))
        }
        return warnings
    }
}
