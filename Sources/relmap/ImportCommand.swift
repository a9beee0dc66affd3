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
        subcommands: [ImportSalesforceCommand.self, ImportHubSpotCommand.self, ImportDynamicsCommand.self,
                      ImportCSVCommand.self])
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

    @Option(name: .customLong("salesforce-account"),
            help: ArgumentHelp("The AccountId (or account name) whose contacts to import, when the export holds several accounts.",
                               valueName: "id"))
    var salesforceAccount: String?

    @OptionGroup var common: ImportOutputOptions

    func run() throws {
        let files: SalesforceFiles
        do { files = try SalesforceFiles.inFolder(folder) } catch { throw common.fail(error) }
        let options = common.importOptions()
        let report: ImportReport
        do { report = try SalesforceImport.run(files, options: options, salesforceAccount: salesforceAccount) } catch {
            throw common.fail(error)
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

    @Option(name: .customLong("map"), help: ArgumentHelp("field=Column pairs, comma-separated; may be repeated.", valueName: "field=column,..."))
    var map: [String] = []

    @Option(help: ArgumentHelp("The company whose people to import, when a company column holds several.", valueName: "name"))
    var company: String?

    @OptionGroup var common: ImportOutputOptions

    func validate() throws {
        do { _ = try ColumnMapping.parse(map) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        let mapping: ColumnMapping
        do { mapping = try ColumnMapping.parse(map) } catch { throw common.fail(error) }
        let options = common.importOptions()
        let report: ImportReport
        do { report = try GenericCSVImport.run(path: file, mapping: mapping, options: options, company: company) } catch {
            throw common.fail(error)
        }
        try common.finish(report, source: .csv(file: file))
    }
}

/// What both imports share: where the file goes, the new account's id and name, and
/// how forgiving to be.
struct ImportOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The account file to write ('-' for standard output).", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The account's id; default: the output file's name.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The account's name; default: its id.", valueName: "name"))
    var name: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the map describes (YYYY-MM-DD); default: today.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The CSV files' encoding, any name iconv knows (windows-1252, latin1, shift_jis, big5, gb18030, utf-8 ...); default: detected per file.",
                               valueName: "encoding"))
    var encoding: String?

    @Option(name: .customLong("date-format"),
            help: ArgumentHelp("How slash dates are written: mdy (1/23/2023) or dmy (23/01/2023); default: read from each file when its dates settle it.",
                               valueName: "mdy|dmy"))
    var dateFormat: String?

    @Flag(help: "Leave out rows that cannot be read (each is reported) instead of stopping.")
    var skipBadRows = false

    @Flag(name: .customLong("all-in-one"),
          help: "Import every contact as one account even though the file does not say (or says otherwise) which company each is of.")
    var allInOne = false

    @Flag(help: "Replace the output file if it exists (only a file relmap wrote).")
    var force = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of: '\(asOf)' is not a date; expected YYYY-MM-DD") }
        if let encoding, TextEncoding(named: encoding) == nil {
            throw ValidationError("--encoding: '\(encoding)' is not an encoding iconv knows; e.g. utf-8, windows-1252, latin1, gb18030, shift_jis, big5 (iconv -l lists them all)")
        }
        if let dateFormat, DateOrder(rawValue: dateFormat.lowercased()) == nil {
            throw ValidationError("--date-format: '\(dateFormat)' is not mdy (month/day/year) or dmy (day/month/year)")
        }
        if output == "-" && id == nil { throw ValidationError("--id is needed when writing to standard output") }
        guard !accountId.isEmpty, accountId.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) else {
            throw ValidationError("'\(accountId)' is not a valid account id (letters, digits, '-' and '_'); name it with --id")
        }
    }

    /// The account id: `--id`, else the output file's name without its extension.
    var accountId: String {
        id ?? ((output as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    func importOptions() -> ImportOptions {
        let today = Day(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
        return ImportOptions(accountId: accountId, accountName: name, asOf: asOf.flatMap(Day.init(iso:)) ?? today,
                             encoding: encoding.flatMap { TextEncoding(named: $0) },
                             dateOrder: dateFormat.flatMap { DateOrder(rawValue: $0.lowercased()) }, skipBadRows: skipBadRows,
                             allInOne: allInOne)
    }

    /// `relmap import hubspot|dynamics FILE`: the CSV import with a CRM's own columns.
    func runPreset(_ preset: CRMPreset, file: String, company: String?) throws {
        let report: ImportReport
        do { report = try GenericCSVImport.run(path: file, mapping: ColumnMapping(), options: importOptions(), preset: preset,
                                               company: company) } catch {
            throw fail(error)
        }
        try finish(report, source: .crm(product: preset.product, file: file))
    }

    /// Prints an import error and gives the exit code that goes with it.
    func fail(_ error: any Error) -> Error {
        switch error {
        case ImportError.usage(let message): return ValidationError(message)
        default:
            Terminal.err("relmap: \(DisplayWidth.terminalSafe(String(describing: error)))\n")
            return Exit.noInput
        }
    }

    /// Prints the findings; writes the file when there is no error.
    func finish(_ report: ImportReport, source: ImportedAccountFile.Source) throws {
        for d in report.diagnostics { Terminal.err(Terminal.format(d)) }
        guard let account = report.account else {
            let n = report.diagnostics.errorCount
            Terminal.err("relmap: \(n) error\(n == 1 ? "" : "s"); nothing was written\n")
            throw Exit.dataError
        }
        let text: String
        switch ImportedAccountFile.text(account, source: source, path: output == "-" ? "\(account.id).yaml" : output) {
        case .success(let t): text = t
        case .failure(let problem):
            for d in problem.diagnostics { Terminal.err(Terminal.format(d)) }
            Terminal.err("relmap: internal error: the imported account does not write back as a valid file; please report it\n")
            throw Exit.internalError
        }
        if output == "-" {
            Terminal.out(text)
        } else {
            do {
                try AccountFileWriter.save(text, to: output, force: force,
                                           protecting: Set(report.summary.files.compactMap { FileIdentity(path: $0.path) }))
            } catch {
                Terminal.err("relmap: \(DisplayWidth.terminalSafe(error.description))\n")
                throw Exit.cannotCreate
            }
        }
        Terminal.err(ImportSummaryLines.summary(report.summary, account: account, output: output, detected: encoding == nil))
    }
}

/// The lines printed after an import.
enum ImportSummaryLines {
    static func summary(_ s: ImportSummary, account: Account, output: String, detected: Bool) -> String {
        var lines: [String] = []
        for f in s.files where detected && f.encoding == .gb18030 {
            lines.append("note: read \(f.path) as GB18030 (what Excel writes in a Chinese locale); if names look wrong, pass --encoding utf-8")
        }
        let western = s.files.filter { detected && $0.encoding == .windows1252 }.map { ($0.path as NSString).lastPathComponent }
        if !western.isEmpty {
            lines.append("note: read \(western.joined(separator: ", ")) as Windows-1252 (Western Excel and Salesforce exports); if names look wrong, name the encoding with --encoding")
        }
        let written = output == "-" ? "standard output" : output
        lines.append("wrote \(written): \(s.people) people, \(s.team) team member\(s.team == 1 ? "" : "s"), \(s.contacts) contacts, \(s.interactions) interactions")
        var counted: [String] = []
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        if s.meetings > 0 { counted.append(count(s.meetings, "meeting", "meetings")) }
        if s.calls > 0 { counted.append(count(s.calls, "call", "calls")) }
        if s.emails > 0 { counted.append(count(s.emails, "e-mail", "e-mails")) }
        if s.otherTasks > 0 { counted.append(count(s.otherTasks, "other task", "other tasks")) }
        if !counted.isEmpty { lines.append("activities counted: " + counted.joined(separator: ", ")) }
        var left: [String] = []
        if s.skippedRows > 0 { left.append("\(s.skippedRows) bad row\(s.skippedRows == 1 ? "" : "s")") }
        if s.deletedRows > 0 { left.append(count(s.deletedRows, "deleted row", "deleted rows")) }
        if s.mergedPeople > 0 { left.append(count(s.mergedPeople, "duplicate contact (merged)", "duplicate contacts (merged)")) }
        if s.openTasks > 0 { left.append(count(s.openTasks, "open task", "open tasks")) }
        if s.massEmails > 0 { left.append(count(s.massEmails, "list or mass e-mail", "list or mass e-mails")) }
        if s.otherActivities > 0 { left.append("\(s.otherActivities) activit\(s.otherActivities == 1 ? "y" : "ies") with leads or other accounts") }
        if s.undatedOrFutureActivities > 0 { left.append("\(s.undatedOrFutureActivities) planned or undated activit\(s.undatedOrFutureActivities == 1 ? "y" : "ies")") }
        if s.otherRoles > 0 { left.append("\(s.otherRoles) contact role\(s.otherRoles == 1 ? "" : "s") of other accounts") }
        if s.pastRoles > 0 { left.append(count(s.pastRoles, "role only on lost or long-closed deals (in notes)", "roles only on lost or long-closed deals (in notes)")) }
        if !left.isEmpty { lines.append("left out: " + left.joined(separator: ", ")) }
        let unknown = account.people.count { $0.stance == .unknown }
        let check = output == "-" ? "the file" : output
        lines.append("next: fill in stance (\(unknown) unknown) and influence, add relations, then run: relmap check \(check)")
        return lines.map { DisplayWidth.terminalSafe($0) }.joined(separator: "\n") + "\n"
    }
}
