/// Reads Task.csv, Event.csv and User.csv into our team, its contacts and the
/// interaction log (docs/import.md, "Activities").
enum SalesforceActivities {
    /// - Parameters:
    ///   - people: the account's person ids by Salesforce contact id (first 15 characters).
    ///   - personOrder: person ids in file order, to order the contacts.
    static func read(_ files: SalesforceFiles, people: [String: String], personOrder: [String], ids: inout ImportedIds,
                     options: ImportOptions, findings: inout ImportFindings,
                     summary: inout ImportSummary) throws(ImportError) -> ([TeamMember], [Contact], [Interaction]) {
        // (Salesforce owner id, activity) until the owners have ids of their own.
        var logged: [(owner: String, activity: ImportedActivity)] = []
        for (path, defaultKind) in [(files.tasks, "task"), (files.events, "meeting")] {
            guard let path, let sheet = try findings.sheet(path, options: options, summary: &summary) else { continue }
            logged += activities(sheet, defaultKind: defaultKind, people: people, asOf: options.asOf,
                                 findings: &findings, summary: &summary)
        }
        guard !logged.isEmpty else { return ([], [], []) }

        var userNames: [String: String] = [:]
        if let path = files.users, let sheet = try findings.sheet(path, options: options, summary: &summary) {
            userNames = users(sheet, findings: &findings)
        }
        // The most active member first (usually the account manager), ties by name.
        var counts: [String: Int] = [:]
        for l in logged { counts[l.owner, default: 0] += 1 }
        let owners = counts.keys.sorted {
            (-(counts[$0] ?? 0), userNames[$0] ?? $0) < (-(counts[$1] ?? 0), userNames[$1] ?? $1)
        }
        var memberId: [String: String] = [:]
        var team: [TeamMember] = []
        var unnamed: [String] = []
        for owner in owners {
            let name = userNames[owner] ?? "Salesforce user \(owner)"
            if userNames[owner] == nil { unnamed.append(owner) }
            let id = ids.make(fullName: userNames[owner] ?? "", fallback: "user-" + owner.suffix(6))
            memberId[owner] = id
            team.append(TeamMember(id: id, name: name))
        }
        if !unnamed.isEmpty {
            findings.warning(files.users ?? files.contacts, nil, column: nil,
                             "no name for activity owner\(unnamed.count == 1 ? "" : "s") \(unnamed.joined(separator: ", ")); export User.csv (Id, Name) to name them")
        }
        let activities = logged.compactMap { l -> ImportedActivity? in
            guard let member = memberId[l.owner] else { return nil }
            var a = l.activity
            a.member = member
            return a
        }
        return (team, ActivityLog.contacts(activities, asOf: options.asOf, personOrder: personOrder),
                ActivityLog.interactions(activities))
    }

    /// The usable activities of one sheet, each with its owner's Salesforce id (in `member` for now).
    static func activities(_ sheet: CSVSheet, defaultKind: String, people: [String: String], asOf: Day,
                           findings: inout ImportFindings, summary: inout ImportSummary) -> [(owner: String, activity: ImportedActivity)] {
        typealias C = SalesforceColumns
        guard let who = findings.required(sheet, C.whoId, "the contact each activity was with"),
              let ownerColumn = findings.required(sheet, C.ownerId, "who on our team did it"),
              let dateColumn = findings.required(sheet, C.activityDate, "the day it happened") else { return [] }
        let subject = sheet.column(C.subject), type = sheet.column(C.type)
        var out: [(String, ImportedActivity)] = []
        for record in sheet.records {
            guard findings.checkWidth(sheet, record) else { continue }
            guard let person = people[SalesforceId.key(record.value(who))] else {
                summary.otherActivities += 1  // a lead, or a contact of another account
                continue
            }
            let owner = SalesforceId.key(record.value(ownerColumn))
            guard !owner.isEmpty else {
                findings.badRow(sheet.path, record, column: ownerColumn, "no owner")
                continue
            }
            let rawDate = record.value(dateColumn)
            if rawDate.isEmpty {
                summary.undatedOrFutureActivities += 1
                continue
            }
            guard let date = ImportDates.day(rawDate) else {
                findings.badRow(sheet.path, record, column: dateColumn, "'\(rawDate)' is not a date; \(ImportDates.expected)")
                continue
            }
            // An open task due later is a plan, not a contact.
            guard date <= asOf else {
                summary.undatedOrFutureActivities += 1
                continue
            }
            let kind = record.oneLine(type)
            let text = record.value(subject)
            out.append((owner, ImportedActivity(date: date, member: owner, person: person,
                                                kind: kind.isEmpty ? defaultKind : kind.lowercased(),
                                                subject: text.isEmpty ? nil : text)))
        }
        return out
    }

    /// User names by Salesforce user id.
    static func users(_ sheet: CSVSheet, findings: inout ImportFindings) -> [String: String] {
        guard let idColumn = findings.required(sheet, SalesforceColumns.userId, "each user's Salesforce id"),
              let nameColumn = findings.required(sheet, SalesforceColumns.userName, "the user's name") else { return [:] }
        var names: [String: String] = [:]
        for record in sheet.records {
            guard findings.checkWidth(sheet, record) else { continue }
            let id = record.value(idColumn), name = record.oneLine(nameColumn)
            guard !id.isEmpty else {
                findings.badRow(sheet.path, record, column: idColumn, "no user id")
                continue
            }
            if !name.isEmpty { names[SalesforceId.key(id)] = name }
        }
        return names
    }
}
