/// A person read from a row, with the row kept for messages about later steps.
struct ImportedPerson {
    var person: Person
    var record: CSVRecord
    /// What the source calls the person (a CRM id, a name), for matching other rows to it.
    var key: String
    /// Whatever names the manager in the row (a CRM id, an id or a name); resolved later.
    var managerKey: String
    /// Notes gathered while reading; joined into `person.notes` at the end.
    var notes: [String] = []
}

/// Steps every import takes once the people are read.
enum ImportedPeople {
    /// Sets each `reports_to` from `managerKey` through `resolve`, warning about keys that
    /// name nobody, then drops the links that would close a reporting cycle (the file
    /// would not pass `relmap check` with one), warning about each.
    static func linkManagers(
        _ people: inout [ImportedPerson], path: String, column: CSVColumn?,
        findings: inout ImportFindings, resolve: (String) -> String?
    ) {
        for i in people.indices where !people[i].managerKey.isEmpty {
            let key = people[i].managerKey
            guard let boss = resolve(key) else {
                findings.warning(
                    path, people[i].record, column: column,
                    "'\(key)' is not one of the account's people; reports_to left empty")
                continue
            }
            if boss == people[i].person.id {
                findings.warning(
                    path, people[i].record, column: column, "the person reports to themself; reports_to left empty")
                continue
            }
            people[i].person.reportsTo = boss
        }
        // Walk up from each person in file order; a walk that returns to a person on
        // it is a cycle, broken at the person where the walk started.
        let index = Dictionary(people.enumerated().map { ($1.person.id, $0) }, uniquingKeysWith: { a, _ in a })
        for i in people.indices {
            var seen: Set<String> = [people[i].person.id]
            var current = people[i].person.reportsTo
            while let id = current, let j = index[id] {
                if seen.contains(id) {
                    if id == people[i].person.id {
                        findings.warning(
                            path, people[i].record, column: column,
                            "reporting cycle through \(people[i].person.name); this person's reports_to left empty")
                        people[i].person.reportsTo = nil
                    }
                    break
                }
                seen.insert(id)
                current = people[j].person.reportsTo
            }
        }
    }

    /// People grouped by department in the order departments first appear, file order
    /// within each, so the written file reads one department at a time.
    static func groupedByDepartment(_ people: [Person]) -> [Person] {
        var firstSeen: [String: Int] = [:]
        for p in people where firstSeen[p.department ?? ""] == nil { firstSeen[p.department ?? ""] = firstSeen.count }
        return people.enumerated().sorted {
            (firstSeen[$0.element.department ?? ""] ?? 0, $0.offset) < (
                firstSeen[$1.element.department ?? ""] ?? 0, $1.offset
            )
        }.map(\.element)
    }

    /// The final people: notes joined, grouped by department.
    static func finish(_ people: [ImportedPerson]) -> [Person] {
        groupedByDepartment(
            people.map { p in
                var person = p.person
                let notes = ([person.notes].compactMap { $0 } + p.notes).filter { !$0.isEmpty }
                person.notes = notes.isEmpty ? nil : notes.joined(separator: "; ")
                return person
            })
    }
}
