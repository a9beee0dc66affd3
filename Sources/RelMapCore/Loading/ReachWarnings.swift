/// Warnings that need the scores: a person nobody on our team reaches, directly or
/// through a supporter inside the account.
enum ReachWarnings {
    static func unreached(in account: Account, decoded personPaths: [String], file: String) -> [Diagnostic] {
        let analysis = Analyzer.analyze(account)
        return zip(analysis.people, personPaths).compactMap { p, path in
            guard p.reach == 0 else { return nil }
            let location = p.person.location ?? SourceLocation(file: file, line: 1, column: 1)
            return .warning(location, "\(path): nobody on our team reaches \(p.person.name) (\(p.person.id))")
        }
    }
}
