import ArgumentParser
import Foundation
import RelMapCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Start an account file from a CRM export or a spreadsheet.",
        discussion: """
            The file written passes 'relmap check'; stances are 'unknown' where the source does not say, \
            and a comment at the top lists what to fill in. See docs/import.md.
            """,
        subcommands: [
            ImportSalesforceCommand.self, ImportHubSpotCommand.self, ImportDynamicsCommand.self,
            ImportCSVCommand.self,
        ])
}

struct ImportSalesforceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salesforce",
        abstract: "Import contacts, contact roles and activities from a Salesforce export.",
        discussion: """
            FOLDER holds the export's CSV files named by object: Contact.csv (required), \
            OpportunityContactRole.csv, Task.csv, Event.csv, User.csv, Account.csv and Opportunity.csv. \
            Only completed tasks and past events count; list and mass e-mails do not. See docs/import.md.
            """)

    @Argument(help: ArgumentHelp("The export's folder (or its Contact.csv).", valueName: "folder"))
    var folder: String

    @Option(
        name: .customLong("salesforce-account"),
        help: ArgumentHelp(
            "The AccountId (or account name) whose contacts to import, when the export holds several accounts.",
            valueName: "id"))
    var salesforceAccount: String?

    @OptionGroup var common: ImportOutputOptions

    func run() throws {
        let files: SalesforceFiles
        do { files = try SalesforceFiles.inFolder(folder) } catch { throw CommandFailure.noInput(error.description) }
        let options = common.importOptions()
        let report: ImportReport
        do { report = try SalesforceImport.run(files, options: options, salesforceAccount: salesforceAccount) } catch {
            throw CommandFailure.noInput(error.description)
        }
        try common.finish(report, source: .salesforce(folder: folder))
    }
}

struct ImportHubSpotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubspot",
        abstract: "Import people from a HubSpot contacts export.",
        discussion: """
            Reads the columns HubSpot writes: First Name, Last Name, Job Title, Email, Associated Company, \
            Contact owner (our team), Last Contacted or Last Activity Date. See docs/import.md.
            """)

    @OptionGroup var input: PresetImportInput

    func run() throws {
        try input.common.runPreset(.hubspot, file: input.file, company: input.company)
    }
}

struct ImportDynamicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dynamics",
        abstract: "Import people from a Dynamics 365 contacts export.",
        discussion: """
            Reads the contact table's columns: fullname (or firstname, lastname), jobtitle, department, \
            emailaddress1, parentcustomerid (the company), parentcontactid, managerid or managername, \
            owner. Display names (Full Name, Job Title, Company Name, Owner) work too. See docs/import.md.
            """)

    @OptionGroup var input: PresetImportInput

    func run() throws {
        try input.common.runPreset(.dynamics, file: input.file, company: input.company)
    }
}

/// What the one-file presets (HubSpot, Dynamics 365) read: the export, which company, and
/// where to write.
struct PresetImportInput: ParsableArguments {
    @Argument(help: ArgumentHelp("The exported CSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The company whose contacts to import, when the file holds several.", valueName: "name"))
    var company: String?

    @OptionGroup var common: ImportOutputOptions
}

struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import people from any CSV with a header row, one person per row.",
        discussion: """
            Columns named like a field are found without --map (name or first_name and last_name, title,
            department, reports_to, roles, stance, influence, level, notes, email, member, last, strength,
            crm_id, company; and 姓名, 职务, 部门, 上级, ...).
            Map the others: --map 'name=Full Name,title=Job Title,reports_to=Manager'.
            """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp("field=Column pairs, comma-separated; may be repeated.", valueName: "field=column,..."),
        transform: Self.mapping)
    var map: [ColumnMapping] = []

    @Option(
        help: ArgumentHelp(
            "The company whose people to import, when a company column holds several.", valueName: "name"))
    var company: String?

    @OptionGroup var common: ImportOutputOptions

    /// Folds the repeated --map values into one mapping, once, so that a field mapped to
    /// two columns is a usage error with this command's usage line.
    mutating func validate() throws {
        var merged = ColumnMapping()
        do throws(ImportError) {
            for mapping in map { merged = try merged.merging(mapping) }
        } catch {
            throw ValidationError("--map: \(error.description)")
        }
        map = [merged]
    }

    /// One `--map` value: `field=Column,...`.
    static func mapping(_ spec: String) throws -> ColumnMapping {
        do { return try ColumnMapping.parse([spec]) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let options = common.importOptions()
        let report: ImportReport
        do {
            report = try GenericCSVImport.run(
                path: file, mapping: map.first ?? ColumnMapping(), options: options, company: company)
        } catch {
            throw CommandFailure.noInput(error.description)
        }
        try common.finish(report, source: .csv(file: file))
    }
}

/// What both imports share: where the file goes, the new account's id and name, and
/// how forgiving to be.
struct ImportOutputOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The account file to write ('-' for standard output).", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The account's id; default: the output file's name.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The account's name; default: its id.", valueName: "name"))
    var name: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The day the map describes (YYYY-MM-DD); default: today.", valueName: "date"),
        transform: isoDay)
    var asOf: Day?

    @Option(
        help: ArgumentHelp(
            "The CSV files' encoding, any name iconv knows (windows-1252, latin1, shift_jis, big5, gb18030, utf-8 ...); default: detected per file.",
            valueName: "encoding"),
        transform: { name in
            guard let encoding = TextEncoding(named: name) else {
                throw ValidationError(
                    "'\(name)' is not an encoding iconv knows; e.g. utf-8, windows-1252, latin1, gb18030, shift_jis, big5 (iconv -l lists them all)"
                )
            }
            return encoding
        })
    var encoding: TextEncoding?

    @Option(
        name: .customLong("date-format"),
        help: ArgumentHelp(
            "How slash dates are written: mdy (1/23/2023) or dmy (23/01/2023); default: read from each file when its dates settle it.",
            valueName: "mdy|dmy"),
        transform: { text in
            guard let order = DateOrder(rawValue: text.lowercased()) else {
                throw ValidationError("'\(text)' is not mdy (month/day/year) or dmy (day/month/year)")
            }
            return order
        })
    var dateFormat: DateOrder?

    @Flag(help: "Leave out rows that cannot be read (each is reported) instead of stopping.")
    var skipBadRows = false

    @Flag(
        name: .customLong("all-in-one"),
        help:
            "Import every contact as one account even though the file does not say (or says otherwise) which company each is of."
    )
    var allInOne = false

    @Flag(help: "Replace the output file if it exists (only a file relmap wrote).")
    var force = false

    func validate() throws {
        if output == "-" && id == nil { throw ValidationError("--id is needed when writing to standard output") }
        guard !accountId.isEmpty,
            accountId.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            })
        else {
            throw ValidationError(
                "'\(accountId)' is not a valid account id (letters, digits, '-' and '_'); name it with --id")
        }
    }

    /// The account id: `--id`, else the output file's name without its extension.
    var accountId: String {
        id ?? ((output as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    func importOptions() -> ImportOptions {
        var options = ImportOptions(
            accountId: accountId, accountName: name, asOf: asOf ?? .today, encoding: encoding, dateOrder: dateFormat,
            skipBadRows: skipBadRows, allInOne: allInOne)
        options.settingNames = SettingFlags.names
        return options
    }

    /// `relmap import hubspot|dynamics FILE`: the CSV import with a CRM's own columns.
    func runPreset(_ preset: CRMPreset, file: String, company: String?) throws {
        let report: ImportReport
        do {
            report = try GenericCSVImport.run(
                path: file, mapping: ColumnMapping(), options: importOptions(), preset: preset,
                company: company)
        } catch {
            throw CommandFailure.noInput(error.description)
        }
        try finish(report, source: .crm(product: preset.product, file: file))
    }

    /// Prints the findings; writes the file when there is no error.
    func finish(_ report: ImportReport, source: ImportedAccountFile.Source) throws {
        for d in report.diagnostics { Terminal.err(Terminal.format(d)) }
        guard let account = report.account else {
            throw CommandFailure.dataError("\(count: report.diagnostics.errorCount, "error"); nothing was written")
        }
        let text: String
        switch ImportedAccountFile.text(account, source: source, path: output == "-" ? "\(account.id).yaml" : output) {
        case .success(let t): text = t
        case .failure(let problem):
            for d in problem.diagnostics { Terminal.err(Terminal.format(d)) }
            throw CommandFailure.internalError(
                "internal error: the imported account does not write back as a valid file; please report it")
        }
        if output == "-" {
            Terminal.out(text)
        } else {
            do {
                try AccountFileWriter.save(
                    text, to: output, force: force,
                    protecting: Set(report.summary.files.compactMap { FileIdentity(path: $0.path) }))
            } catch {
                throw CommandFailure(error)
            }
        }
        Terminal.err(
            ImportSummaryLines.summary(report.summary, account: account, output: output, detected: encoding == nil))
    }
}

/// The lines printed after an import.
enum ImportSummaryLines {
    static func summary(_ s: ImportSummary, account: Account, output: String, detected: Bool) -> String {
        var lines: [String] = []
        for f in s.files where detected && f.encoding == .gb18030 {
            lines.append(
                "note: read \(f.path) as GB18030 (what Excel writes in a Chinese locale); if names look wrong, pass --encoding utf-8"
            )
        }
        let western = s.files.filter { detected && $0.encoding == .windows1252 }.map {
            ($0.path as NSString).lastPathComponent
        }
        if !western.isEmpty {
            lines.append(
                "note: read \(western.joined(separator: ", ")) as Windows-1252 (Western Excel and Salesforce exports); if names look wrong, name the encoding with --encoding"
            )
        }
        let written = output == "-" ? "standard output" : output
        lines.append(
            "wrote \(written): \(s.people) people, \(count: s.team, "team member"), \(s.contacts) contacts, \(s.interactions) interactions"
        )
        var counted: [String] = []
        if s.meetings > 0 { counted.append("\(count: s.meetings, "meeting")") }
        if s.calls > 0 { counted.append("\(count: s.calls, "call")") }
        if s.emails > 0 { counted.append("\(count: s.emails, "e-mail")") }
        if s.otherTasks > 0 { counted.append("\(count: s.otherTasks, "other task")") }
        if !counted.isEmpty { lines.append("activities counted: " + counted.joined(separator: ", ")) }
        var left: [String] = []
        if s.skippedRows > 0 { left.append("\(count: s.skippedRows, "bad row")") }
        if s.deletedRows > 0 { left.append("\(count: s.deletedRows, "deleted row")") }
        if s.mergedPeople > 0 {
            left.append("\(count: s.mergedPeople, "duplicate contact (merged)", "duplicate contacts (merged)")")
        }
        if s.openTasks > 0 { left.append("\(count: s.openTasks, "open task")") }
        if s.massEmails > 0 { left.append("\(count: s.massEmails, "list or mass e-mail")") }
        if s.otherActivities > 0 {
            left.append("\(count: s.otherActivities, "activity", "activities") with leads or other accounts")
        }
        if s.undatedOrFutureActivities > 0 {
            left.append(
                "\(count: s.undatedOrFutureActivities, "planned or undated activity", "planned or undated activities")")
        }
        if s.otherRoles > 0 { left.append("\(count: s.otherRoles, "contact role") of other accounts") }
        if s.pastRoles > 0 {
            left.append(
                "\(count: s.pastRoles, "role only on lost or long-closed deals (in notes)", "roles only on lost or long-closed deals (in notes)")"
            )
        }
        if !left.isEmpty { lines.append("left out: " + left.joined(separator: ", ")) }
        let unknown = account.people.count { $0.stance == .unknown }
        let check = output == "-" ? "the file" : output
        lines.append(
            "next: fill in stance (\(unknown) unknown) and influence, add relations, then run: relmap check \(check)")
        return lines.map { DisplayWidth.terminalSafe($0) }.joined(separator: "\n") + "\n"
    }
}
