import Foundation

/// Builds an account from any CSV with a header row, one person per row, its columns
/// named by a `ColumnMapping` (docs/import.md, "From any CSV").
public enum GenericCSVImport {
    /// Reads `path`. Throws only when the file is missing; every problem inside it is a
    /// diagnostic in the report, and any error leaves the report without an account.
    ///
    /// - Parameters:
    ///   - preset: a CRM's own export columns (HubSpot, Dynamics 365), in place of the usual headers.
    ///   - company: the company whose people to take, when the file holds several.
    public static func run(
        path: String, mapping: ColumnMapping, options: ImportOptions, preset: CRMPreset? = nil,
        company: String? = nil
    ) throws(ImportError) -> ImportReport {
        var findings = ImportFindings(options)
        var summary = ImportSummary()
        guard let sheet = try findings.sheet(path, options: options, summary: &summary) else {
            return ImportReport(account: nil, diagnostics: findings.diagnostics.sorted(), summary: summary)
        }
        let columns = mapping.resolve(in: sheet, preset: preset, findings: &findings)
        if sheet.records.isEmpty {
            findings.fileError(sheet.path, "the file has a header but no rows: there is nobody to import")
        }
        let dates = findings.dates(sheet, [columns[.last]], forced: options.dateOrder)
        guard !findings.diagnostics.hasErrors, let dates,
            let (rows, companyName) = companyRows(
                sheet, columns[.company], company: company, options: options,
                findings: &findings)
        else {
            return ImportReport(account: nil, diagnostics: findings.diagnostics.sorted(), summary: summary)
        }
        // A preset may name the manager in several columns (an id, else a name): the first filled one counts.
        let managerColumns =
            preset.map { p in
                (p.headers[.reportsTo] ?? []).compactMap { h in
                    sheet.columns.first { CSVSheet.headerKey($0.name) == CSVSheet.headerKey(h) }
                }
            } ?? []
        var ids = ImportedIds()
        var people: [ImportedPerson] = []
        var coverage: [(record: CSVRecord, person: String, members: [String], last: Day?, strength: ContactStrength)] =
            []
        for record in rows {
            guard findings.checkWidth(sheet, record) else { continue }
            // The contact columns are checked first, so a bad row claims no id.
            let rawLast = record.value(columns[.last]), rawStrength = record.value(columns[.strength])
            let last = dates.day(rawLast)
            let strength =
                columns[.strength] == nil && preset != nil
                ? preset?.ownerStrength : RoleWords.strength(for: rawStrength)
            if !rawLast.isEmpty && last == nil {
                findings.badRow(
                    sheet.path, record, column: columns[.last],
                    "'\(rawLast)' is not a date; \(ImportDates.expected(findings.names))")
                continue
            }
            guard let strength else {
                findings.badRow(
                    sheet.path, record, column: columns[.strength],
                    "'\(rawStrength)' is not a contact strength; expected weak, medium, strong (弱, 中, 强) or a number in (0, 1]"
                )
                continue
            }
            guard var read = person(record, columns, ids: &ids, path: sheet.path, findings: &findings) else { continue }
            if read.managerKey.isEmpty, let filled = managerColumns.first(where: { !record.oneLine($0).isEmpty }) {
                read.managerKey = record.oneLine(filled)
            }
            people.append(read)
            let members = record.oneLine(columns[.member]).split(whereSeparator: { $0 == ";" || $0 == "、" || $0 == "；" }
            )
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !members.isEmpty { coverage.append((record, read.person.id, members, last, strength)) }
        }
        // A manager is named by id or by name; an id wins when both match.
        var byId: [String: String] = [:], byName: [String: [String]] = [:]
        for p in people {
            byId[p.key] = p.person.id
            byName[p.person.name, default: []].append(p.person.id)
        }
        ImportedPeople.linkManagers(&people, path: sheet.path, column: columns[.reportsTo], findings: &findings) {
            key in
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
        let account = Account(
            id: options.accountId, name: options.accountName ?? companyName ?? options.accountId,
            asOf: options.asOf, team: team, people: finished, contacts: contacts)
        summary.people = account.people.count
        summary.team = team.count
        summary.contacts = contacts.count
        summary.skippedRows = findings.skipped
        let diagnostics = findings.diagnostics.sorted()
        return ImportReport(account: diagnostics.hasErrors ? nil : account, diagnostics: diagnostics, summary: summary)
    }

    /// One row's person, or nil after a bad-row finding.
    static func person(
        _ record: CSVRecord, _ columns: [ColumnMapping.Field: CSVColumn], ids: inout ImportedIds,
        path: String, findings: inout ImportFindings
    ) -> ImportedPerson? {
        let whole = record.oneLine(columns[.name]), given = record.value(columns[.id])
        let family = record.oneLine(columns[.lastName]), first = record.oneLine(columns[.firstName])
        let name = whole.isEmpty ? PersonName.compose(given: first, family: family) : whole
        guard !name.isEmpty || !given.isEmpty else {
            findings.badRow(path, record, column: columns[.name] ?? columns[.lastName] ?? columns[.id], "no name")
            return nil
        }
        var id: String
        if !given.isEmpty {
            guard given.unicodeScalars.allSatisfy(NodeReader.isIdentifierScalar) else {
                findings.badRow(
                    path, record, column: columns[.id],
                    "'\(given)' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'")
                return nil
            }
            guard !ids.isTaken(given) else {
                findings.badRow(path, record, column: columns[.id], "id '\(given)' again")
                return nil
            }
            id = ids.claim(given)
        } else {
            let email = record.value(columns[.email])
            id = ids.make(surname: family, given: first, fullName: name, fallback: String(email.prefix { $0 != "@" }))
        }
        var notes: [String] = []
        let crmId = record.value(columns[.crmId])
        if !crmId.isEmpty, let column = columns[.crmId] { notes.append("\(column.name) \(crmId)") }
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
            let influence = number(.influence, 1...5, "an influence from 1 (little) to 5 (decisive)")
        else { return nil }
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
            findings.warning(
                path, record, column: columns[.stance],
                "'\(stanceWord)' is not a stance (champion, supporter, neutral, skeptic, blocker, unknown); kept in notes, stance unknown"
            )
            notes.append("stance: \(stanceWord)")
        }
        let email = record.value(columns[.email])
        if !email.isEmpty { notes.append("email \(email)") }
        let ownNotes = record.value(columns[.notes])
        let person = Person(
            id: id, name: name.isEmpty ? given : name, title: nonEmpty(record.oneLine(columns[.title])),
            department: nonEmpty(record.oneLine(columns[.department])), level: level,
            roles: roles.sorted(), stance: stance ?? .unknown, influence: influence,
            notes: nonEmpty(ownNotes))
        return ImportedPerson(
            person: person, record: record, key: !crmId.isEmpty ? crmId : given.isEmpty ? id : given,
            managerKey: record.oneLine(columns[.reportsTo]), notes: notes)
    }

    /// The rows of one company and its name: all rows when the file names at most one
    /// company or `allInOne` is set; else those of `company`, or nil after an error listing them.
    static func companyRows(
        _ sheet: CSVSheet, _ column: CSVColumn?, company: String?, options: ImportOptions,
        findings: inout ImportFindings
    ) -> ([CSVRecord], String?)? {
        guard let column, !options.allInOne else { return (sheet.records, nil) }
        var counts: [String: Int] = [:], written: [String: String] = [:]
        for r in sheet.records where !r.oneLine(column).isEmpty {
            let key = r.oneLine(column).lowercased()
            counts[key, default: 0] += 1
            if written[key] == nil { written[key] = r.oneLine(column) }
        }
        if let company {
            let rows = sheet.records.filter { $0.oneLine(column).lowercased() == company.lowercased() }
            guard !rows.isEmpty else {
                findings.fileError(
                    sheet.path, "no row has \(column.name) '\(company)'; the file holds \(listing(counts, written))")
                return nil
            }
            return (rows, rows.first.map { $0.oneLine(column) })
        }
        guard counts.count > 1 else { return (sheet.records, written.values.first) }
        findings.fileError(
            sheet.path,
            "the file holds the people of \(counts.count) companies (\(column.name)): \(listing(counts, written)); choose one with \(findings.names(.company)), or pass \(findings.names(.allInOne))"
        )
        return nil
    }

    private static func listing(_ counts: [String: Int], _ written: [String: String]) -> String {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
            .map { "\(written[$0.key] ?? $0.key) (\($0.value) \($0.value == 1 ? "person" : "people"))" }
            .joined(separator: ", ") + (counts.count > 10 ? ", ..." : "")
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
