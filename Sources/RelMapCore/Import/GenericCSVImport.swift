import Foundation

/// Builds an account from any CSV with a header row, one person per row, its columns
/// named by a `ColumnMapping` (docs/import.md, "From any CSV").
public enum GenericCSVImport {
    /// Reads `path`. Throws only when the file is missing; every problem inside it is a
    /// diagnostic in the report, and any error leaves the report without an account.
    public static func run(path: String, mapping: ColumnMapping, options: ImportOptions) throws(ImportError) -> ImportReport {
        var findings = ImportFindings(skipBadRows: options.skipBadRows)
        var summary = ImportSummary()
        guard let sheet = try findings.sheet(path, options: options, summary: &summary) else {
            return ImportReport(account: nil, diagnostics: findings.diagnostics.sorted(), summary: summary)
        }
        let columns = mapping.resolve(in: sheet, findings: &findings)
        guard !findings.diagnostics.hasErrors else {
            return ImportReport(account: nil, diagnostics: findings.diagnostics.sorted(), summary: summary)
        }
        var ids = ImportedIds()
        var people: [ImportedPerson] = []
        var coverage: [(record: CSVRecord, person: String, members: [String], last: Day?, strength: ContactStrength)] = []
        for record in sheet.records {
            guard findings.checkWidth(sheet, record) else { continue }
            // The contact columns are checked first, so a bad row claims no id.
            let rawLast = record.value(columns[.last]), rawStrength = record.value(columns[.strength])
            let last = ImportDates.day(rawLast), strength = RoleWords.strength(for: rawStrength)
            if !rawLast.isEmpty && last == nil {
                findings.badRow(sheet.path, record, column: columns[.last], "'\(rawLast)' is not a date; \(ImportDates.expected)")
                continue
            }
            guard let strength else {
                findings.badRow(sheet.path, record, column: columns[.strength],
                                "'\(rawStrength)' is not a contact strength; expected weak, medium, strong (弱, 中, 强) or a number in (0, 1]")
                continue
            }
            guard let read = person(record, columns, ids: &ids, path: sheet.path, findings: &findings) else { continue }
            people.append(read)
            let members = record.oneLine(columns[.member]).split(whereSeparator: { $0 == ";" || $0 == "、" || $0 == "；" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !members.isEmpty { coverage.append((record, read.person.id, members, last, strength)) }
        }
        // A manager is named by id or by name; an id wins when both match.
        var byId: [String: String] = [:], byName: [String: [String]] = [:]
        for p in people {
            byId[p.key] = p.person.id
            byName[p.person.name, default: []].append(p.person.id)
        }
        ImportedPeople.linkManagers(&people, path: sheet.path, column: columns[.reportsTo], findings: &findings) { key in
            byId[key] ?? byName[key].flatMap { $0.count == 1 ? $0[0] : nil }
        }
        var team: [TeamMember] = [], memberIds: [String: String] = [:], contacts: [Contact] = []
        var pairs = Set<String>()
        for c in coverage {
            for name in c.members {
                if memberIds[name] == nil {
                    let id = ids.make(fullName: name, fallback: "member")
                    memberIds[name] = id
                    team.append(TeamMember(id: id, name: name))
                }
                if let member = memberIds[name], pairs.insert(member + "\u{0}" + c.person).inserted {
                    contacts.append(Contact(member: member, person: c.person, strength: c.strength, last: c.last))
                }
            }
        }
        let finished = ImportedPeople.finish(people)
        // Contacts in the order of the people they reach, as the file lists them.
        let order = Dictionary(finished.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        contacts = contacts.enumerated().sorted {
            (order[$0.element.person] ?? 0, $0.offset) < (order[$1.element.person] ?? 0, $1.offset)
        }.map(\.element)
        let account = Account(id: options.accountId, name: options.accountName ?? options.accountId, asOf: options.asOf,
                              team: team, people: finished, contacts: contacts)
        summary.people = account.people.count
        summary.team = team.count
        summary.contacts = contacts.count
        summary.skippedRows = findings.skipped
        let diagnostics = findings.diagnostics.sorted()
        return ImportReport(account: diagnostics.hasErrors ? nil : account, diagnostics: diagnostics, summary: summary)
    }

    /// One row's person, or nil after a bad-row finding.
    static func person(_ record: CSVRecord, _ columns: [ColumnMapping.Field: CSVColumn], ids: inout ImportedIds,
                       path: String, findings: inout ImportFindings) -> ImportedPerson? {
        let name = record.oneLine(columns[.name]), given = record.value(columns[.id])
        guard !name.isEmpty || !given.isEmpty else {
            findings.badRow(path, record, column: columns[.name] ?? columns[.id], "no name")
            return nil
        }
        var id: String
        if !given.isEmpty {
            guard given.unicodeScalars.allSatisfy(NodeReader.isIdentifierScalar) else {
                findings.badRow(path, record, column: columns[.id], "'\(given)' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'")
                return nil
            }
            guard !ids.isTaken(given) else {
                findings.badRow(path, record, column: columns[.id], "id '\(given)' again")
                return nil
            }
            id = ids.claim(given)
        } else {
            let email = record.value(columns[.email])
            id = ids.make(fullName: name, fallback: String(email.prefix { $0 != "@" }))
        }
        var notes: [String] = []
        func number(_ field: ColumnMapping.Field, _ range: ClosedRange<Int>, _ meaning: String) -> Int?? {
            let raw = record.value(columns[field])
            if raw.isEmpty { return .some(nil) }
            guard let n = Int(raw), range.contains(n) else {
                findings.badRow(path, record, column: columns[field], "'\(raw)' is not \(meaning)")
                return nil
            }
            return .some(n)
        }
        guard let level = number(.level, 1...1000, "a level (1 at the top of the account, larger further down)"),
              let influence = number(.influence, 1...5, "an influence from 1 (little) to 5 (decisive)") else { return nil }
        var roles: [BuyingRole] = []
        for word in record.oneLine(columns[.roles]).split(whereSeparator: { ",;/|、，；".contains($0) }) {
            let w = word.trimmingCharacters(in: .whitespaces)
            guard let found = RoleWords.roles(for: w), !found.isEmpty else {
                if !w.isEmpty { notes.append("role: \(w)") }
                continue
            }
            for r in found where !roles.contains(r) { roles.append(r) }
        }
        let stanceWord = record.oneLine(columns[.stance])
        let stance = RoleWords.stance(for: stanceWord)
        if stance == nil {
            findings.warning(path, record, column: columns[.stance],
                             "'\(stanceWord)' is not a stance (champion, supporter, neutral, skeptic, blocker, unknown); kept in notes, stance unknown")
            notes.append("stance: \(stanceWord)")
        }
        let email = record.value(columns[.email])
        if !email.isEmpty { notes.append("email \(email)") }
        let ownNotes = record.value(columns[.notes])
        let person = Person(id: id, name: name.isEmpty ? given : name, title: nonEmpty(record.oneLine(columns[.title])),
                            department: nonEmpty(record.oneLine(columns[.department])), level: level,
                            roles: roles.sorted(), stance: stance ?? .unknown, influence: influence,
                            notes: nonEmpty(ownNotes))
        return ImportedPerson(person: person, record: record, key: given.isEmpty ? id : given,
                              managerKey: record.oneLine(columns[.reportsTo]), notes: notes)
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
