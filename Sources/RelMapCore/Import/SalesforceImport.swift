/// Builds an account from a Salesforce export (docs/import.md, "From Salesforce").
///
/// Contacts become people (stance `unknown`: a CRM does not say where people stand),
/// opportunity contact roles become buying roles, and completed tasks and past events
/// become the interaction log and the team's contacts. Account.csv names the account,
/// Opportunity.csv weighs the roles and gives the account's open value. Everything the
/// CRM holds that relmap has no field for (its ids, e-mail, unmapped roles) is kept in
/// the person's notes.
public enum SalesforceImport {
    /// Reads the export. Throws only for missing files; every problem inside them is a
    /// diagnostic in the report, and any error leaves the report without an account.
    ///
    /// - Parameter salesforceAccount: the AccountId (or the account's name) whose
    ///   contacts to take, needed when the export holds the contacts of more than one account.
    public static func run(
        _ files: SalesforceFiles, options: ImportOptions,
        salesforceAccount: String? = nil
    ) throws(ImportError) -> ImportReport {
        var findings = ImportFindings(options)
        var summary = ImportSummary()
        var ids = ImportedIds()
        // Every file is decoded before any is used, so that all their problems show at once.
        let contactSheet = try findings.sheet(
            files.contacts, options: options, summary: &summary, keep: SalesforceColumns.isRead)
        var optional: [String: CSVSheet] = [:]
        for path in [files.contactRoles, files.tasks, files.events, files.users, files.accounts, files.opportunities]
            .compactMap({ $0 })
        {
            if let sheet = try findings.sheet(path, options: options, summary: &summary, keep: SalesforceColumns.isRead)
            {
                optional[path] = sheet
            }
        }
        func sheet(_ path: String?) -> CSVSheet? { path.flatMap { optional[$0] } }
        guard let contactSheet, !findings.diagnostics.hasErrors else {
            return ImportReport(account: nil, diagnostics: findings.diagnostics.sorted(), summary: summary)
        }

        var book = SalesforceAccountBook()
        if let s = sheet(files.accounts) { book.readAccounts(s, findings: &findings, summary: &summary) }
        if let s = sheet(files.opportunities) {
            book.readOpportunities(s, options: options, findings: &findings, summary: &summary)
        }
        var read = SalesforceContacts.read(
            contactSheet, account: salesforceAccount, book: book, options: options,
            ids: &ids, findings: &findings, summary: &summary)
        let personIds = read.byKey.mapValues { read.people[$0].person.id }
        ImportedPeople.linkManagers(
            &read.people, path: contactSheet.path,
            column: contactSheet.column(SalesforceColumns.reportsToId),
            findings: &findings
        ) { personIds[SalesforceId.key($0)] }
        if let roles = sheet(files.contactRoles) {
            SalesforceRoles.read(
                roles, people: &read.people, byKey: read.byKey, book: book, asOf: options.asOf,
                findings: &findings, summary: &summary)
        }
        let record = read.accountKey.flatMap { book.accounts[$0] }
        let userNames = sheet(files.users).map { SalesforceUsers.names($0, findings: &findings) } ?? [:]
        let (team, contacts, interactions) = SalesforceActivities.read(
            tasks: sheet(files.tasks), events: sheet(files.events), userNames: userNames,
            accountOwner: record.map(\.owner), people: personIds, personOrder: read.people.map(\.person.id), ids: &ids,
            options: options, usersFile: files.users ?? files.contacts, findings: &findings, summary: &summary)

        var account = Account(
            id: options.accountId,
            name: options.accountName ?? nonEmpty(record?.name ?? "") ?? read.accountName ?? options.accountId,
            asOf: options.asOf, team: team, people: ImportedPeople.finish(read.people), contacts: contacts,
            interactions: interactions)
        if let key = read.accountKey,
            let (value, currency) = book.openValue(
                of: key, path: files.opportunities ?? files.contacts,
                findings: &findings)
        {
            account.value = value
            account.currency = currency
        }
        if let record {
            var notes = ["Salesforce account \(record.id)"]
            if !record.industry.isEmpty { notes.append("industry \(record.industry)") }
            if let owner = userNames[record.owner] { notes.append("owner \(owner)") }
            account.notes = notes.joined(separator: "; ")
        }
        summary.people = account.people.count
        summary.team = team.count
        summary.contacts = contacts.count
        summary.interactions = interactions.count
        summary.skippedRows = findings.skipped
        let diagnostics = findings.diagnostics.sorted()
        return ImportReport(account: diagnostics.hasErrors ? nil : account, diagnostics: diagnostics, summary: summary)
    }

    private static func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}

/// Reads OpportunityContactRole.csv into buying roles (docs/import.md, "Roles").
enum SalesforceRoles {
    /// Adds buying roles; what does not map goes to notes, and so does a role seen only
    /// on lost or long-closed opportunities (`SalesforceAccountBook.roleWeight`).
    static func read(
        _ sheet: CSVSheet, people: inout [ImportedPerson], byKey: [String: Int], book: SalesforceAccountBook,
        asOf: Day, findings: inout ImportFindings, summary: inout ImportSummary
    ) {
        typealias C = SalesforceColumns
        guard
            let contact = findings.required(
                sheet, C.contactId, "the contact each role belongs to", optional: true,
                consequence: "; no buying roles are imported"),
            let roleColumn = findings.required(
                sheet, C.role, "the contact's role", optional: true,
                consequence: "; no buying roles are imported")
        else { return }
        let opportunity = sheet.column(C.opportunityId), primary = sheet.column(C.isPrimary),
            deleted = sheet.column(C.isDeleted)
        var unmapped: [Int: [String]] = [:]
        var weights: [Int: [BuyingRole: Double]] = [:]
        var past: [Int: [String]] = [:]
        for record in sheet.records {
            guard findings.checkWidth(sheet, record, optionalFile: true) else { continue }
            if record.isTrue(deleted) {
                summary.deletedRows += 1
                continue
            }
            let key = record.value(contact)
            guard !key.isEmpty else {
                findings.badRow(sheet.path, record, column: contact, "no ContactId", optionalFile: true)
                continue
            }
            guard let i = byKey[SalesforceId.key(key)] else {
                summary.otherRoles += 1  // a contact of another account
                continue
            }
            let oppKey = SalesforceId.key(record.value(opportunity))
            let opp = book.opportunities?[oppKey]
            let weight = book.opportunities == nil ? 1 : SalesforceAccountBook.roleWeight(opp, asOf: asOf)
            let word = record.oneLine(roleColumn)
            if !word.isEmpty {
                let roles = RoleWords.roles(for: word)
                for role in roles ?? [] { weights[i, default: [:]][role, default: 0] += weight }
                if weight < 1, let opp, !(roles ?? []).isEmpty {
                    let state = opp.isWon ? "won" : "lost"
                    let when = opp.closeDate.map { ", closed \($0.iso)" } ?? ""
                    past[i, default: []].append("\(word) on \(state) opportunity '\(opp.name)'\(when)")
                }
                // Kept when the mapping loses something: no relmap role, or a sponsor read as an influencer.
                let lossy = (roles ?? []).isEmpty || word.lowercased() == "executive sponsor"
                if lossy, !(unmapped[i] ?? []).contains(word) {
                    unmapped[i, default: []].append(word)
                }
            }
            if record.isTrue(primary) && weight >= 1 {
                let opp = record.value(opportunity)
                people[i].notes.append(
                    opp.isEmpty ? "primary contact on an opportunity" : "primary contact on opportunity \(opp)")
            }
        }
        for i in people.indices {
            var given: [BuyingRole] = []
            for (role, w) in weights[i] ?? [:] where w >= 1 && !people[i].person.roles.contains(role) {
                given.append(role)
            }
            people[i].person.roles = (people[i].person.roles + given).sorted()
            if let words = unmapped[i] { people[i].notes.append("Salesforce role: \(words.joined(separator: ", "))") }
            // Past roles that did not add up to a role are kept for the team to judge.
            let missing = (weights[i] ?? [:]).filter { $0.value < 1 }
            if !missing.isEmpty, let lines = past[i] {
                summary.pastRoles += missing.count
                people[i].notes.append("past role: " + lines.joined(separator: "; "))
            }
        }
    }
}
