import Foundation

/// The CSV files of a Salesforce export that `SalesforceImport` reads: one per standard
/// object, as Data Loader or Setup > Data Export write them (API field names), or as a
/// report exports them (field labels such as "First Name"; both are accepted).
public struct SalesforceFiles: Sendable, Hashable {
    /// Contact.csv: the people. Required.
    public var contacts: String
    /// OpportunityContactRole.csv: their roles in opportunities.
    public var contactRoles: String?
    /// Task.csv and Event.csv: the activity history, which gives contacts and interactions.
    public var tasks: String?
    /// Event.csv: meetings, from the activity history.
    public var events: String?
    /// User.csv: the names of our own people, the activities' owners.
    public var users: String?
    /// Account.csv: the account's name, industry and owner.
    public var accounts: String?
    /// Opportunity.csv: which contact roles are current, and the account's open value.
    public var opportunities: String?

    /// The files of one export; only Contact.csv is required.
    public init(
        contacts: String, contactRoles: String? = nil, tasks: String? = nil, events: String? = nil,
        users: String? = nil, accounts: String? = nil, opportunities: String? = nil
    ) {
        self.contacts = contacts
        self.contactRoles = contactRoles
        self.tasks = tasks
        self.events = events
        self.users = users
        self.accounts = accounts
        self.opportunities = opportunities
    }

    /// The files in `folder`, found by object name in any case (`Contact.csv`,
    /// `contact.csv`); only Contact.csv must be there.
    public static func inFolder(_ folder: String) throws(ImportError) -> SalesforceFiles {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw .missingInput(folder, "no such file or folder")
        }
        guard isFolder.boolValue else {
            // A single file is taken as the contacts.
            return SalesforceFiles(contacts: folder)
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw .missingInput(folder, "cannot read this folder: \(error.localizedDescription)")
        }
        func find(_ object: String) -> String? {
            names.first { $0.lowercased() == object.lowercased() + ".csv" }
                .map { (folder as NSString).appendingPathComponent($0) }
        }
        guard let contacts = find("Contact") else {
            throw .missingInput(
                folder,
                "no Contact.csv in this folder; export the Contact object (Id, AccountId, FirstName, LastName, Title, Department, ReportsToId, Email)"
            )
        }
        return SalesforceFiles(
            contacts: contacts, contactRoles: find("OpportunityContactRole"), tasks: find("Task"),
            events: find("Event"), users: find("User"), accounts: find("Account"),
            opportunities: find("Opportunity"))
    }
}

/// The columns read from each object, by API name and report label.
enum SalesforceColumns {
    static let id = ["Id", "Contact ID", "Record ID"]
    static let accountId = ["AccountId", "Account ID"]
    static let firstName = ["FirstName", "First Name"]
    static let lastName = ["LastName", "Last Name"]
    static let fullName = ["Name", "Full Name", "Contact Name"]
    static let title = ["Title"]
    static let department = ["Department"]
    static let reportsToId = ["ReportsToId", "Reports To ID"]
    static let email = ["Email"]
    static let isDeleted = ["IsDeleted", "Deleted"]
    /// A report's account column, when the export has no AccountId.
    static let accountName = ["Account Name", "Account", "Company", "Company Name"]

    static let contactId = ["ContactId", "Contact ID"]
    static let opportunityId = ["OpportunityId", "Opportunity ID"]
    static let role = ["Role"]
    static let isPrimary = ["IsPrimary", "Primary"]

    static let whoId = ["WhoId", "Name ID", "Who ID"]
    static let ownerId = ["OwnerId", "Owner ID", "Assigned ID"]
    static let activityDate = [
        "ActivityDate", "Date", "Due Date", "ActivityDateTime", "StartDateTime", "Start", "Start Date",
    ]
    static let subject = ["Subject"]
    static let type = ["Type"]
    static let taskSubtype = ["TaskSubtype", "Task Subtype"]
    static let status = ["Status"]
    static let isClosed = ["IsClosed", "Closed"]
    static let completedDate = ["CompletedDateTime", "Completed Date/Time"]

    static let userId = ["Id", "User ID"]
    static let userName = ["Name", "Full Name"]

    static let accountRecordId = ["Id", "Account ID"]
    static let industry = ["Industry"]
    static let ownerName = ["Owner Name", "Account Owner"]

    static let opportunityRecordId = ["Id", "Opportunity ID"]
    static let opportunityName = ["Name", "Opportunity Name"]
    static let stageName = ["StageName", "Stage"]
    static let isWon = ["IsWon", "Won"]
    static let amount = ["Amount"]
    static let closeDate = ["CloseDate", "Close Date"]
    static let currency = ["CurrencyIsoCode", "Opportunity Currency", "Currency"]

    /// Every header read from any object: the values of other columns are not kept.
    static let read: Set<String> = Set(
        [
            id, accountId, firstName, lastName, fullName, title, department, reportsToId, email, isDeleted, accountName,
            contactId, opportunityId, role, isPrimary, whoId, ownerId, activityDate, subject, type, taskSubtype, status,
            isClosed, completedDate, userId, userName, accountRecordId, industry, ownerName, opportunityRecordId,
            opportunityName, stageName, isWon, amount, closeDate, currency,
        ].joined().map(CSVSheet.headerKey))

    static func isRead(_ header: String) -> Bool {
        read.contains(CSVSheet.headerKey(header.trimmingCharacters(in: .whitespaces)))
    }
}

extension CSVRecord {
    /// True when the cell says yes: `true`, `1`, `yes` (Salesforce writes `true`/`false`, reports `1`/`0`).
    func isTrue(_ column: CSVColumn?) -> Bool {
        ["true", "1", "yes", "y"].contains(value(column).lowercased())
    }
}

/// Small shared steps of reading a sheet's rows.
extension ImportFindings {
    /// The sheet, or nil after recording why it cannot be read. `keep` as in `CSVSheet.parse`.
    mutating func sheet(
        _ path: String, options: ImportOptions, summary: inout ImportSummary,
        keep: ((String) -> Bool)? = nil
    ) throws(ImportError) -> CSVSheet? {
        switch try CSVSheet.read(path: path, options: options, keep: keep) {
        case .success(let sheet):
            summary.files.append(ImportedFile(path: path, encoding: sheet.encoding))
            return sheet
        case .failure(let problem):
            add(problem)
            return nil
        }
    }

    /// The column named by one of `names`, or nil after an error naming the columns the
    /// file has (a warning in an optional file, whose problems never stop an import).
    /// `known` are headers that mean something else, never offered as "did you mean"
    /// (FirstName is not a misspelt LastName).
    mutating func required(
        _ sheet: CSVSheet, _ names: [String], _ what: String, known: [String] = [],
        optional: Bool = false, consequence: String = ""
    ) -> CSVColumn? {
        if let column = sheet.column(names) { return column }
        let have = sheet.columns.map(\.name)
        let otherMeanings = Set(known.map(CSVSheet.headerKey))
        let hint =
            Suggestion.nearest(to: names[0], in: have.filter { !otherMeanings.contains(CSVSheet.headerKey($0)) })
            .map { "; did you mean '\($0)'?" }
            ?? "; the file has: \(have.prefix(12).joined(separator: ", "))\(have.count > 12 ? ", ..." : "")"
        let message = "no '\(names[0])' column (\(what))\(hint)\(consequence)"
        if optional {
            warning(sheet.path, nil, column: nil, message)
        } else {
            fileError(sheet.path, message)
        }
        return nil
    }

    /// The date reader for `columns` of `sheet` (docs/import.md, "Dates"), or nil after an
    /// error at the first date that cannot be settled without `--date-format`.
    mutating func dates(_ sheet: CSVSheet, _ columns: [CSVColumn?], forced: DateOrder?) -> ImportDates? {
        let present = columns.compactMap { $0 }
        let values = sheet.records.flatMap { r in present.map { r.value($0) } }
        switch ImportDates.reader(for: values, forced: forced) {
        case .success(let reader): return reader
        case .failure(let problem):
            let value: String
            switch problem {
            case .ambiguous(let v): value = v
            case .contradictory(_, let m): value = m
            }
            let record = sheet.records.first { r in present.contains { r.value($0) == value } }
            let column = record.flatMap { r in present.first { r.value($0) == value } }
            error(
                .badDate, SourceLocation(file: sheet.path, line: record?.line ?? 1, column: 1),
                (record.map { "\(Self.place($0, column)): " } ?? "") + problem.message(names))
            return nil
        }
    }

    /// False after a bad-row finding when the row has more or fewer values than the
    /// header has columns: the sign of a comma or line break outside quotes.
    mutating func checkWidth(_ sheet: CSVSheet, _ record: CSVRecord, optionalFile: Bool = false) -> Bool {
        let width = sheet.columns.count
        let extra = record.fields.dropFirst(width)
        if record.fields.count == width || (record.fields.count > width && extra.allSatisfy { $0.isEmpty }) {
            return true
        }
        badRow(
            sheet.path, record, column: nil,
            "\(record.fields.count) values but the header names \(width) columns; a value holding a comma or a line break must be in quotes",
            optionalFile: optionalFile)
        return false
    }
}
