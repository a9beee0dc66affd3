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
                    location, message(people[i].path.description, persons[i].name, persons[i].id),
                    kind: .personNotReached))
        }
        return warnings
    }

    /// `PATH: nobody on our team reaches NAME (ID)`, written into one buffer of the right
    /// size: interpolation appends its five pieces one by one, and appending a CJK name
    /// costs far more than copying its bytes.
    static func message(_ path: String, _ name: String, _ id: String) -> String {
        let lead = ": nobody on our team reaches "
        let count = path.utf8.count + lead.utf8.count + name.utf8.count + id.utf8.count + 3
        return String(unsafeUninitializedCapacity: count) { buffer in
            // Straight-line: a helper closure over `at` paid an exclusivity check per piece.
            var at = buffer.initialize(fromContentsOf: path.utf8)
            at += UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: lead.utf8)
            at += UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: name.utf8)
            at += UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: " (".utf8)
            at += UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: id.utf8)
            at += UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(fromContentsOf: ")".utf8)
            return at
        }
    }
}
