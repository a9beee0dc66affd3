/// Reads Task.csv and Event.csv into our team, its contacts and the interaction log
/// (docs/import.md, "Activities").
///
/// Only what was done counts: events (meetings) dated up to `as_of`, and tasks that are
/// completed (IsClosed, else Status = Completed). List and mass e-mails count for
/// nothing: one send to a hundred people is not a relationship with any of them.
enum SalesforceActivities {
    /// An e-mail task sent by one owner on one day with one subject to this many
    /// people or more (across the whole export, leads too) is a mass send.
    static let massSendRecipients = 10

    /// - Parameters:
    ///   - people: the account's person ids by Salesforce contact id (first 15 characters).
    ///   - personOrder: person ids in file order, to order the contacts.
    ///   - userNames: our users' names by Salesforce user id.
    ///   - accountOwner: the account's owner (a user id), put first in the team when present.
    static func read(
        tasks: CSVSheet?, events: CSVSheet?, userNames: [String: String], accountOwner: String?,
        people: [String: String], personOrder: [String], ids: inout ImportedIds, options: ImportOptions,
        usersFile: String, findings: inout ImportFindings,
        summary: inout ImportSummary
    ) -> ([TeamMember], [Contact], [Interaction]) {
        // (Salesforce owner id, activity) until the owners have ids of their own.
        var logged: [(owner: String, activity: ImportedActivity)] = []
        if let tasks {
            logged += activities(
                tasks, isEvent: false, people: people, options: options, findings: &findings, summary: &summary)
        }
        if let events {
            logged += activities(
                events, isEvent: true, people: people, options: options, findings: &findings, summary: &summary)
        }

        // The account's owner first, then the most active member, ties by name.
        var counts: [String: Int] = [:]
        for l in logged { counts[l.owner, default: 0] += 1 }
        var owners = counts.keys.sorted {
            (-(counts[$0] ?? 0), userNames[$0] ?? $0) < (-(counts[$1] ?? 0), userNames[$1] ?? $1)
        }
        if let accountOwner, let i = owners.firstIndex(of: accountOwner) { owners.insert(owners.remove(at: i), at: 0) }
        var memberId: [String: String] = [:]
        var team: [TeamMember] = []
        var unnamed: [String] = []
        for owner in owners {
            let name = userNames[owner] ?? "Salesforce user \(owner)"
            if userNames[owner] == nil { unnamed.append(owner) }
            let id = ids.make(fullName: userNames[owner] ?? "", fallback: "user-" + owner.suffix(6))
            memberId[owner] = id
            team.append(TeamMember(id: id, name: name, role: owner == accountOwner ? "account owner" : nil))
        }
        if !unnamed.isEmpty {
            findings.warning(
                usersFile, nil, column: nil,
                "no name for activity owner\(unnamed.count == 1 ? "" : "s") \(unnamed.joined(separator: ", ")); export User.csv (Id, FirstName, LastName) to name them"
            )
        }
        let activities = logged.compactMap { l -> ImportedActivity? in
            guard let member = memberId[l.owner] else { return nil }
            var a = l.activity
            a.member = member
            return a
        }
        return (
            team, ActivityLog.contacts(activities, asOf: options.asOf, personOrder: personOrder),
            ActivityLog.interactions(activities)
        )
    }

    /// The activities of one sheet that count, each with its owner's Salesforce id (in
    /// `member` for now); every row left out is counted in `summary` by why.
    static func activities(
        _ sheet: CSVSheet, isEvent: Bool, people: [String: String], options: ImportOptions,
        findings: inout ImportFindings, summary: inout ImportSummary
    ) -> [(owner: String, activity: ImportedActivity)] {
        typealias C = SalesforceColumns
        let what = isEvent ? "events" : "tasks"
        guard
            let who = findings.required(
                sheet, C.whoId, "the contact each activity was with", optional: true,
                consequence: "; its \(what) are left out"),
            let ownerColumn = findings.required(
                sheet, C.ownerId, "who on our team did it", optional: true,
                consequence: "; its \(what) are left out"),
            let dateColumn = findings.required(
                sheet, C.activityDate, "the day it happened", optional: true,
                consequence: "; its \(what) are left out")
        else { return [] }
        let subject = sheet.column(C.subject), type = sheet.column(C.type), subtype = sheet.column(C.taskSubtype)
        let deleted = sheet.column(C.isDeleted), closed = sheet.column(C.isClosed), status = sheet.column(C.status)
        let completed = sheet.column(C.completedDate)
        guard let dates = findings.dates(sheet, [dateColumn, completed], forced: options.dateOrder) else { return [] }

        // Recipients of each (owner, day, subject) e-mail, to tell a mass send from a personal one.
        var recipients: [String: Set<String>] = [:]
        if !isEvent {
            for r in sheet.records where channel(r, type: type, subtype: subtype) == .email {
                recipients[
                    [r.value(ownerColumn), r.value(dateColumn), r.value(subject)].joined(separator: "\u{0}"),
                    default: []
                ]
                .insert(SalesforceId.key(r.value(who)))
            }
        }
        var out: [(String, ImportedActivity)] = []
        for record in sheet.records {
            guard findings.checkWidth(sheet, record, optionalFile: true) else { continue }
            if record.isTrue(deleted) {
                summary.deletedRows += 1
                continue
            }
            guard let person = people[SalesforceId.key(record.value(who))] else {
                summary.otherActivities += 1  // a lead, or a contact of another account
                continue
            }
            if !isEvent {
                // IsClosed is Salesforce's own answer; Status is the fallback of exports without it.
                let done =
                    closed != nil
                    ? record.isTrue(closed)
                    : status != nil ? record.value(status).lowercased() == "completed" : true
                guard done else {
                    summary.openTasks += 1
                    continue
                }
            }
            let channel = isEvent ? .meeting : channel(record, type: type, subtype: subtype)
            if !isEvent,
                isMassEmail(
                    record, channel: channel, subject: subject, subtype: subtype, recipients: recipients,
                    key: [record.value(ownerColumn), record.value(dateColumn), record.value(subject)])
            {
                summary.massEmails += 1
                continue
            }
            let owner = SalesforceId.key(record.value(ownerColumn))
            guard !owner.isEmpty else {
                findings.badRow(sheet.path, record, column: ownerColumn, "no owner", optionalFile: true)
                continue
            }
            var rawDate = record.value(dateColumn), usedColumn = dateColumn
            if rawDate.isEmpty, let completed, !record.value(completed).isEmpty {
                rawDate = record.value(completed)
                usedColumn = completed
            }
            if rawDate.isEmpty {
                summary.undatedOrFutureActivities += 1
                continue
            }
            guard let date = dates.day(rawDate) else {
                findings.badRow(
                    sheet.path, record, column: usedColumn,
                    "'\(rawDate)' is not a date; \(ImportDates.expected(findings.names))",
                    optionalFile: true)
                continue
            }
            // An activity dated later is a plan, not a contact.
            guard date <= options.asOf else {
                summary.undatedOrFutureActivities += 1
                continue
            }
            switch channel {
            case .meeting: summary.meetings += 1
            case .call: summary.calls += 1
            case .email: summary.emails += 1
            case .other: summary.otherTasks += 1
            }
            let kind = record.oneLine(type)
            let text = record.value(subject)
            let fallbackKind = isEvent ? "meeting" : channel == .call ? "call" : channel == .email ? "email" : "task"
            out.append(
                (
                    owner,
                    ImportedActivity(
                        date: date, member: owner, person: person,
                        kind: kind.isEmpty ? fallbackKind : kind.lowercased(),
                        subject: text.isEmpty ? nil : text, channel: channel)
                ))
        }
        return out
    }

    /// A task's channel: its TaskSubtype (Call, Email, ListEmail) when set, else its Type.
    static func channel(_ record: CSVRecord, type: CSVColumn?, subtype: CSVColumn?) -> ActivityChannel {
        for word in [record.value(subtype), record.value(type)].map({ $0.lowercased() }) {
            switch word {
            case "call": return .call
            case "email", "listemail", "list email": return .email
            case "meeting": return .meeting
            default: continue
            }
        }
        return .other
    }

    /// A list e-mail (TaskSubtype ListEmail), a mass e-mail logged as such ("Mass Email:",
    /// "List Email:" subjects), or one e-mail sent to `massSendRecipients` people or more.
    static func isMassEmail(
        _ record: CSVRecord, channel: ActivityChannel, subject: CSVColumn?, subtype: CSVColumn?,
        recipients: [String: Set<String>], key: [String]
    ) -> Bool {
        guard channel == .email else { return false }
        if record.value(subtype).lowercased() == "listemail" { return true }
        let text = record.value(subject).lowercased()
        if text.hasPrefix("mass email:") || text.hasPrefix("list email:") { return true }
        return (recipients[key.joined(separator: "\u{0}")]?.count ?? 0) >= massSendRecipients
    }
}

/// Reads User.csv: our own people's names. Its problems are warnings: without it the
/// team is named by Salesforce ids, which loses nothing the map needs.
enum SalesforceUsers {
    static func names(_ sheet: CSVSheet, findings: inout ImportFindings) -> [String: String] {
        typealias C = SalesforceColumns
        guard
            let idColumn = findings.required(
                sheet, C.userId, "each user's Salesforce id", optional: true,
                consequence: "; the team is named by Salesforce user ids")
        else { return [:] }
        let full = sheet.column(C.userName), first = sheet.column(C.firstName), last = sheet.column(C.lastName)
        if full == nil && first == nil && last == nil {
            _ = findings.required(
                sheet, C.userName, "the user's name; or FirstName and LastName", known: C.id,
                optional: true, consequence: "; the team is named by Salesforce user ids")
            return [:]
        }
        var names: [String: String] = [:]
        for record in sheet.records {
            let id = record.value(idColumn)
            guard !id.isEmpty else { continue }
            let name = full.map { record.oneLine($0) } ?? ""
            let composed =
                name.isEmpty ? PersonName.compose(given: record.oneLine(first), family: record.oneLine(last)) : name
            if !composed.isEmpty { names[SalesforceId.key(id)] = composed }
        }
        return names
    }
}

/// How a name split in two fields reads as one.
enum PersonName {
    /// Chinese, Japanese and Korean names family name first with no space (孙志刚);
    /// others given name first (Thomas Becker).
    static func compose(given: String, family: String) -> String {
        if isCJK(family + given) { return family + given }
        return [given, family].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func isCJK(_ text: String) -> Bool {
        if ImportedIds.isChinese(text) { return true }
        let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        let cjk = scalars.filter {
            (0x3040...0x30FF).contains($0.value) || (0xAC00...0xD7AF).contains($0.value)
                || (0x4E00...0x9FFF).contains($0.value)
        }
        return !cjk.isEmpty && cjk.count * 2 >= scalars.count
    }
}
