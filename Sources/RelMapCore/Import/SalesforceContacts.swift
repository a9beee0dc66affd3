/// Reads Contact.csv: the chosen account's contacts become people, with deleted rows
/// left out and one person under two Salesforce ids merged (docs/import.md, "Contacts").
struct SalesforceContacts {
    var people: [ImportedPerson] = []
    /// Index into `people` by Salesforce contact key; a merged duplicate's key points at the person kept.
    var byKey: [String: Int] = [:]
    /// The chosen account's key, when the export says which account each contact is of.
    var accountKey: String?
    /// The account's name, when a report's Account Name column chose it.
    var accountName: String?

    static func read(
        _ sheet: CSVSheet, account: String?, book: SalesforceAccountBook, options: ImportOptions,
        ids: inout ImportedIds, findings: inout ImportFindings,
        summary: inout ImportSummary
    ) -> SalesforceContacts {
        typealias C = SalesforceColumns
        var out = SalesforceContacts()
        guard let idColumn = findings.required(sheet, C.id, "each contact's Salesforce id") else { return out }
        let last = sheet.column(C.lastName) ?? sheet.column(C.fullName)
        if last == nil {
            _ = findings.required(
                sheet, C.lastName + C.fullName, "the contact's name; or Name",
                known: C.firstName + C.title + C.department + C.email)
        }
        guard let nameColumn = last else { return out }
        let first = sheet.column(C.firstName), deleted = sheet.column(C.isDeleted)
        let title = sheet.column(C.title), department = sheet.column(C.department)
        let manager = sheet.column(C.reportsToId), email = sheet.column(C.email)

        let live = sheet.records.filter { !$0.isTrue(deleted) }
        summary.deletedRows += sheet.records.count - live.count
        guard !sheet.records.isEmpty else {
            findings.fileError(sheet.path, "the file has a header but no contacts: there is nobody to import")
            return out
        }
        guard
            let (rows, key) = AccountChoice.rows(
                sheet, live, account: account, book: book, options: options,
                findings: &findings)
        else { return out }
        out.accountKey = key
        if sheet.column(C.accountId) == nil, let column = sheet.column(C.accountName) {
            out.accountName = rows.lazy.map { $0.oneLine(column) }.first { !$0.isEmpty }
        }
        guard !rows.isEmpty else {
            findings.fileError(
                sheet.path, "every contact in the file is marked deleted (IsDeleted): there is nobody to import")
            return out
        }
        var seen: [String: (row: Int, line: Int)] = [:]  // Salesforce id -> its first row
        var byEmail: [String: Int] = [:], byNameTitle: [String: Int] = [:]
        for record in rows {
            guard findings.checkWidth(sheet, record) else { continue }
            let sfId = record.value(idColumn)
            guard !sfId.isEmpty else {
                findings.badRow(sheet.path, record, column: idColumn, "no Salesforce id")
                continue
            }
            let key = SalesforceId.key(sfId)
            if let earlier = seen[key] {
                // Like a duplicate id in an account file: the error at the repeat, a note
                // at the first row, each a place an editor can jump to.
                let first = Diagnostic.Note(
                    SourceLocation(file: sheet.path, line: earlier.line, column: 1),
                    "row \(earlier.row): the first row with this id")
                findings.badRow(
                    sheet.path, record, column: idColumn, "Salesforce id \(sfId) again", code: .duplicateId,
                    notes: [first])
                continue
            }
            let given = record.oneLine(first), family = record.oneLine(nameColumn)
            guard !(given.isEmpty && family.isEmpty) else {
                findings.badRow(sheet.path, record, column: nameColumn, "no name")
                continue
            }
            seen[key] = (record.row, record.line)
            let name = PersonName.compose(given: given, family: family)
            let mail = record.value(email).lowercased()
            let personTitle = record.oneLine(title)
            let nameTitle = personTitle.isEmpty ? "" : name.lowercased() + "\u{0}" + personTitle.lowercased()
            // The same person under a second id: merged into the first, which keeps both ids.
            if let i = (mail.isEmpty ? nil : byEmail[mail]) ?? (nameTitle.isEmpty ? nil : byNameTitle[nameTitle]) {
                let why =
                    !mail.isEmpty && byEmail[mail] == i
                    ? "the same e-mail (\(record.value(email)))" : "the same name and title"
                findings.warning(
                    sheet.path, record, column: idColumn,
                    "\(name) has \(why) as row \(out.people[i].record.row); merged into \(out.people[i].person.id), both Salesforce ids kept in notes"
                )
                out.people[i].notes.append("also Salesforce \(sfId)")
                if out.people[i].person.title == nil { out.people[i].person.title = nonEmpty(personTitle) }
                if out.people[i].person.department == nil {
                    out.people[i].person.department = nonEmpty(record.oneLine(department))
                }
                if out.people[i].managerKey.isEmpty { out.people[i].managerKey = record.value(manager) }
                out.byKey[key] = i
                summary.mergedPeople += 1
                continue
            }
            let id = ids.make(surname: family, given: given, fullName: name, fallback: "sf-" + sfId.suffix(6))
            var notes = ["Salesforce \(sfId)"]
            if !record.value(email).isEmpty { notes.append("email \(record.value(email))") }
            let person = Person(
                id: id, name: name, title: nonEmpty(personTitle),
                department: nonEmpty(record.oneLine(department)), stance: .unknown)
            out.byKey[key] = out.people.count
            if !mail.isEmpty { byEmail[mail] = out.people.count }
            if !nameTitle.isEmpty { byNameTitle[nameTitle] = out.people.count }
            out.people.append(
                ImportedPerson(
                    person: person, record: record, key: key,
                    managerKey: record.value(manager), notes: notes))
        }
        return out
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}

/// Which account's contacts to take from a Contact.csv that may hold many.
enum AccountChoice {
    /// Free mail domains say nothing about a contact's company.
    static let freeMail: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "icloud.com", "me.com",
        "aol.com", "gmx.de", "web.de", "qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "yeah.net",
    ]

    /// The rows of the chosen account and its key, or nil after an error: when the
    /// export holds several accounts and none was chosen, when the choice names none,
    /// or when nothing says which company each contact is of and `allInOne` is not set.
    static func rows(
        _ sheet: CSVSheet, _ live: [CSVRecord], account: String?, book: SalesforceAccountBook,
        options: ImportOptions, findings: inout ImportFindings
    ) -> ([CSVRecord], String?)? {
        typealias C = SalesforceColumns
        let idColumn = sheet.column(C.accountId)
        guard let column = idColumn ?? sheet.column(C.accountName) else {
            return withoutAccounts(sheet, live, account: account, options: options, findings: &findings)
        }
        let byName = idColumn == nil  // a report's Account Name column: the name is the key
        func key(_ r: CSVRecord) -> String { byName ? r.oneLine(column) : SalesforceId.key(r.value(column)) }
        // Counted by key, shown as first written, so it can be copied.
        var counts: [String: Int] = [:], written: [String: String] = [:]
        for r in live where !r.value(column).isEmpty {
            counts[key(r), default: 0] += 1
            if written[key(r)] == nil { written[key(r)] = r.value(column) }
        }
        func label(_ k: String, _ n: Int) -> String {
            let contacts = "\(n) contact\(n == 1 ? "" : "s")"
            if let name = book.accounts[k]?.name, !name.isEmpty { return "\(name) (\(written[k] ?? k), \(contacts))" }
            return "\(written[k] ?? k) (\(contacts))"
        }
        let listing =
            counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
            .map { label($0.key, $0.value) }.joined(separator: ", ") + (counts.count > 10 ? ", ..." : "")
        if let account {
            // An id, or an account's name as Account.csv or a report writes it.
            let wanted = byName ? account : SalesforceId.key(account)
            var chosen = counts[wanted] != nil ? wanted : nil
            if chosen == nil {
                let lower = account.lowercased()
                chosen = counts.keys.sorted().first { k in
                    (byName ? k : book.accounts[k]?.name ?? "").lowercased() == lower
                }
            }
            guard let chosen else {
                findings.fileError(sheet.path, "no contact is of account \(account); the export holds \(listing)")
                return nil
            }
            return (live.filter { key($0) == chosen }, byName ? nil : chosen)
        }
        // One account: its contacts, without the private ones (no AccountId) beside them.
        guard counts.count > 1 else {
            let only = counts.keys.first
            return (only == nil ? live : live.filter { !$0.value(column).isEmpty }, byName ? nil : only)
        }
        let noun = byName ? "account name" : "account id"
        findings.fileError(
            sheet.path,
            "the export holds the contacts of \(counts.count) accounts: \(listing); choose one with \(findings.names(.salesforceAccount)) (an \(noun)\(byName ? "" : " or name"))"
        )
        return nil
    }

    /// A Contact.csv with no account column: one account only when the e-mails say so
    /// (one company domain at most) or the user says so (`allInOne`).
    static func withoutAccounts(
        _ sheet: CSVSheet, _ live: [CSVRecord], account: String?, options: ImportOptions,
        findings: inout ImportFindings
    ) -> ([CSVRecord], String?)? {
        let email = sheet.column(SalesforceColumns.email)
        var domains: [String: Int] = [:]
        for r in live {
            let mail = r.value(email).lowercased()
            guard let at = mail.lastIndex(of: "@") else { continue }
            let domain = String(mail[mail.index(after: at)...])
            if !domain.isEmpty && !freeMail.contains(domain) { domains[domain, default: 0] += 1 }
        }
        if let account {
            findings.warning(sheet.path, nil, column: nil, "no AccountId column, so \(account) cannot be chosen")
        }
        if domains.count > 1 && !options.allInOne {
            let listing =
                domains.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + (domains.count > 5 ? ", ..." : "")
            findings.fileError(
                sheet.path,
                "the file has no AccountId column, and its contacts' e-mails are of \(domains.count) companies (\(listing)); export AccountId with the contacts, or pass \(findings.names(.allInOne)) to import them all as one account"
            )
            return nil
        }
        return (live, nil)
    }
}
