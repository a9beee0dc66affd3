/// Builds an account from a Salesforce export (docs/import.md, "From Salesforce").
///
/// Contacts become people (stance `unknown`: a CRM does not say where people stand),
/// opportunity contact roles become buying roles, and tasks and events become the
/// interaction log and the team's contacts. Everything the CRM holds that relmap has
/// no field for (its ids, e-mail, unmapped roles) is kept in the person's notes.
public enum SalesforceImport {
    /// Reads the export. Throws only for missing files; every problem inside them is a
    /// diagnostic in the report, and any error leaves the report without an account.
    ///
    /// - Parameter salesforceAccount: the AccountId whose contacts to take, needed when
    ///   the export holds the contacts of more than one account.
    public static func run(_ files: SalesforceFiles, options: ImportOptions,
                           salesforceAccount: String? = nil) throws(ImportError) -> ImportReport {
        var findings = ImportFindings(skipBadRows: options.skipBadRows)
        var summary = ImportSummary()
        var ids = ImportedIds()
        guard let sheet = try findings.sheet(files.contacts, options: options, summary: &summary) else {
            return ImportReport(account: nil, diagnostics: findings.diagnostics.sorted(), summary: summary)
        }
        var people = readContacts(sheet, account: salesforceAccount, ids: &ids, findings: &findings)
        // Contacts by their Salesforce id (first 15 characters), for every later file.
        var byKey: [String: Int] = [:]
        for (i, p) in people.enumerated() { byKey[p.key] = i }
        let personIds = byKey.mapValues { people[$0].person.id }
        ImportedPeople.linkManagers(&people, path: sheet.path, column: sheet.column(SalesforceColumns.reportsToId),
                                    findings: &findings) { personIds[SalesforceId.key($0)] }

        if let path = files.contactRoles, let roles = try findings.sheet(path, options: options, summary: &summary) {
            readRoles(roles, people: &people, byKey: byKey, findings: &findings, summary: &summary)
        }
        let (team, contacts, interactions) = try SalesforceActivities.read(
            files, people: personIds, personOrder: people.map(\.person.id), ids: &ids, options: options,
            findings: &findings, summary: &summary)

        let account = Account(
            id: options.accountId, name: options.accountName ?? options.accountId, asOf: options.asOf,
            team: team, people: ImportedPeople.finish(people), contacts: contacts, interactions: interactions)
        summary.people = account.people.count
        summary.team = team.count
        summary.contacts = contacts.count
        summary.interactions = interactions.count
        summary.skippedRows = findings.skipped
        let diagnostics = findings.diagnostics.sorted()
        return ImportReport(account: diagnostics.hasErrors ? nil : account, diagnostics: diagnostics, summary: summary)
    }

    /// The contacts of the chosen account, in file order.
    static func readContacts(_ sheet: CSVSheet, account: String?, ids: inout ImportedIds,
                             findings: inout ImportFindings) -> [ImportedPerson] {
        typealias C = SalesforceColumns
        guard let idColumn = findings.required(sheet, C.id, "each contact's Salesforce id") else { return [] }
        let last = sheet.column(C.lastName) ?? sheet.column(C.fullName)
        if last == nil { _ = findings.required(sheet, C.lastName, "the contact's name") }
        guard let nameColumn = last else { return [] }
        let first = sheet.column(C.firstName), accountColumn = sheet.column(C.accountId)
        let title = sheet.column(C.title), department = sheet.column(C.department)
        let manager = sheet.column(C.reportsToId), email = sheet.column(C.email)

        guard let rows = chooseAccount(sheet, accountColumn, account, findings: &findings) else { return [] }
        var seen: [String: Int] = [:]  // Salesforce id -> row
        var people: [ImportedPerson] = []
        for record in rows {
            guard findings.checkWidth(sheet, record) else { continue }
            let sfId = record.value(idColumn)
            guard !sfId.isEmpty else {
                findings.badRow(sheet.path, record, column: idColumn, "no Salesforce id")
                continue
            }
            if let row = seen[SalesforceId.key(sfId)] {
                findings.badRow(sheet.path, record, column: idColumn, "Salesforce id \(sfId) again (first in row \(row))")
                continue
            }
            let given = record.oneLine(first), family = record.oneLine(nameColumn)
            guard !(given.isEmpty && family.isEmpty) else {
                findings.badRow(sheet.path, record, column: nameColumn, "no name")
                continue
            }
            seen[SalesforceId.key(sfId)] = record.row
            // Chinese names are written family name first with no space; others given name first.
            let name = ImportedIds.isChinese(family + given) ? family + given
                : [given, family].filter { !$0.isEmpty }.joined(separator: " ")
            let id = ids.make(surname: family, given: given, fullName: name, fallback: "sf-" + sfId.suffix(6))
            var notes = ["Salesforce \(sfId)"]
            if !record.value(email).isEmpty { notes.append("email \(record.value(email))") }
            let person = Person(id: id, name: name, title: nonEmpty(record.oneLine(title)),
                                department: nonEmpty(record.oneLine(department)), stance: .unknown)
            people.append(ImportedPerson(person: person, record: record, key: SalesforceId.key(sfId),
                                         managerKey: record.value(manager), notes: notes))
        }
        return people
    }

    /// The rows of one account: all of them when the export holds one, else those of
    /// `account`; nil after an error when the choice is missing or names no contact.
    static func chooseAccount(_ sheet: CSVSheet, _ column: CSVColumn?, _ account: String?,
                              findings: inout ImportFindings) -> [CSVRecord]? {
        guard let column else {
            if let account { findings.warning(sheet.path, nil, column: nil, "no AccountId column, so every contact is taken; \(account) was not used") }
            return sheet.records
        }
        // Counted by the 15-character key, shown as first written, so it can be copied.
        var counts: [String: Int] = [:], written: [String: String] = [:]
        for r in sheet.records where !r.value(column).isEmpty {
            let key = SalesforceId.key(r.value(column))
            counts[key, default: 0] += 1
            if written[key] == nil { written[key] = r.value(column) }
        }
        let listing = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
            .map { "\(written[$0.key] ?? $0.key) (\($0.value) contact\($0.value == 1 ? "" : "s"))" }.joined(separator: ", ")
        if let account {
            let rows = sheet.records.filter { SalesforceId.key($0.value(column)) == SalesforceId.key(account) }
            if rows.isEmpty { findings.fileError(sheet.path, "no contact has AccountId \(account); the export holds \(listing)") }
            return rows.isEmpty ? nil : rows
        }
        // One account: its contacts, without the private ones (no AccountId) beside them.
        guard counts.count > 1 else { return counts.isEmpty ? sheet.records : sheet.records.filter { !$0.value(column).isEmpty } }
        findings.fileError(sheet.path, "the export holds the contacts of \(counts.count) accounts: \(listing); choose one with --salesforce-account ID")
        return nil
    }

    /// Adds buying roles from opportunity contact roles; what does not map goes to notes.
    static func readRoles(_ sheet: CSVSheet, people: inout [ImportedPerson], byKey: [String: Int],
                          findings: inout ImportFindings, summary: inout ImportSummary) {
        typealias C = SalesforceColumns
        guard let contact = findings.required(sheet, C.contactId, "the contact each role belongs to"),
              let roleColumn = findings.required(sheet, C.role, "the contact's role") else { return }
        let opportunity = sheet.column(C.opportunityId), primary = sheet.column(C.isPrimary)
        var unmapped: [Int: [String]] = [:]
        for record in sheet.records {
            guard findings.checkWidth(sheet, record) else { continue }
            let key = record.value(contact)
            guard !key.isEmpty else {
                findings.badRow(sheet.path, record, column: contact, "no ContactId")
                continue
            }
            guard let i = byKey[SalesforceId.key(key)] else {
                summary.otherRoles += 1  // a contact of another account
                continue
            }
            let word = record.oneLine(roleColumn)
            if !word.isEmpty {
                let roles = RoleWords.roles(for: word)
                for role in roles ?? [] where !people[i].person.roles.contains(role) { people[i].person.roles.append(role) }
                // Kept when the mapping loses something: no relmap role, or a sponsor read as an influencer.
                let lossy = (roles ?? []).isEmpty || word.lowercased() == "executive sponsor"
                if lossy, !(unmapped[i] ?? []).contains(word) {
                    unmapped[i, default: []].append(word)
                }
            }
            if ["true", "1", "yes"].contains(record.value(primary).lowercased()) {
                let opp = record.value(opportunity)
                people[i].notes.append(opp.isEmpty ? "primary contact on an opportunity" : "primary contact on opportunity \(opp)")
            }
        }
        for i in people.indices {
            people[i].person.roles.sort()
            if let words = unmapped[i] { people[i].notes.append("Salesforce role: \(words.joined(separator: ", "))") }
        }
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
