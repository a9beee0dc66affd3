/// Problems that stop an import before any row is read: a file that is not there, or
/// a mapping that names no field. Problems inside the files are `Diagnostic`s instead,
/// so that every one of them is reported in one go.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A named input file or folder is missing or unreadable (sysexits 66).
    case missingInput(String, String)
    /// The flags describe an impossible import (sysexits 64).
    case usage(String)

    /// The message for the user, naming the file where there is one.
    public var description: String {
        switch self {
        case .missingInput(let path, let why): "\(path): \(why)"
        case .usage(let message): message
        }
    }
}

/// Findings that stop one step of an import: a file that cannot be read as CSV, or a
/// written file that would not load back.
public struct ImportProblem: Error, Sendable, Hashable {
    /// The findings, each with its file, line and column.
    public var diagnostics: [Diagnostic]

    /// A problem made of these findings.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    static func error(_ code: DiagnosticCode, _ location: SourceLocation, _ message: String) -> ImportProblem {
        ImportProblem([.error(code, location, message)])
    }
}

/// Settings shared by every import.
public struct ImportOptions: Sendable {
    /// The new account's id (letters, digits, `-`, `_`).
    public var accountId: String
    /// The new account's name; from the CRM's account record, else the id, when not given.
    public var accountName: String?
    /// The day the map describes. Activities after it are plans, not contacts, and are left out.
    public var asOf: Day
    /// Nil detects UTF-8 (with or without a BOM), UTF-16 with a BOM, GB18030 and Windows-1252, per file.
    public var encoding: TextEncoding?
    /// The order of day and month in slash dates; nil reads it from each file when its dates settle it.
    public var dateOrder: DateOrder?
    /// Skip rows that cannot be read (reported as warnings) instead of failing.
    public var skipBadRows: Bool = false
    /// Take every contact of a file that does not say which company each belongs to.
    public var allInOne: Bool = false
    /// Largest CSV file read, in bytes.
    public var maxFileBytes: Int = 256 << 20
    /// How a message names the setting that would get past it (the CLI: its flag).
    public var settingNames: SettingNames = { $0.apiName }

    /// Import settings; the id is checked when the account is built.
    public init(
        accountId: String, accountName: String? = nil, asOf: Day, encoding: TextEncoding? = nil,
        dateOrder: DateOrder? = nil, skipBadRows: Bool = false, allInOne: Bool = false
    ) {
        self.accountId = accountId
        self.accountName = accountName
        self.asOf = asOf
        self.encoding = encoding
        self.dateOrder = dateOrder
        self.skipBadRows = skipBadRows
        self.allInOne = allInOne
    }
}

/// One input file and the encoding it was decoded with.
public struct ImportedFile: Sendable, Hashable {
    /// The file as the user named it.
    public var path: String
    /// The encoding its bytes were decoded with.
    public var encoding: TextEncoding
}

/// What an import read, for the summary a person sees afterwards.
public struct ImportSummary: Sendable, Hashable {
    /// Each file read, in reading order.
    public var files: [ImportedFile] = []
    /// People in the new account file.
    public var people = 0
    /// Team members in the new account file.
    public var team = 0
    /// Contacts in the new account file.
    public var contacts = 0
    /// Interactions in the new account file.
    public var interactions = 0
    /// Rows left out because they could not be read (only with `skipBadRows`).
    public var skippedRows = 0
    /// Rows marked deleted in the CRM (IsDeleted = true): contacts, roles, activities, opportunities.
    public var deletedRows = 0
    /// Contacts that were the same person as an earlier row (same e-mail, or same name and title), merged into it.
    public var mergedPeople = 0
    /// Activities about someone who is not one of the account's contacts (leads, other accounts).
    public var otherActivities = 0
    /// Activities dated after `as_of` or with no date: planned, not done.
    public var undatedOrFutureActivities = 0
    /// Tasks not completed (IsClosed false, or a Status other than Completed).
    public var openTasks = 0
    /// List and mass e-mails (docs/import.md, "Activities"): no relationship.
    public var massEmails = 0
    /// Activities that count, by kind: meetings (events), calls, e-mails, other completed tasks.
    public var meetings = 0
    /// Completed calls that count as contacts.
    public var calls = 0
    /// Completed one-to-one e-mails that count as contacts.
    public var emails = 0
    /// Other completed tasks that count as contacts.
    public var otherTasks = 0
    /// Contact roles of contacts outside the account.
    public var otherRoles = 0
    /// Roles seen only on closed-lost or long-closed opportunities, kept in notes rather than given.
    public var pastRoles = 0

    /// All counts zero, no files.
    public init() {}
}

/// The outcome of an import: the account (nil when any error was found) and every finding.
public struct ImportReport: Sendable {
    /// The imported account, ready to write; nil when any error was found.
    public var account: Account?
    /// Errors and warnings, each pointing at a file, a line and a row; sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// What was read, for the summary after the import.
    public var summary: ImportSummary
}

/// Collects the findings of one import. A row that cannot be used is an error, or with
/// `skipBadRows` a warning that says the row was skipped.
struct ImportFindings {
    let skipBadRows: Bool
    /// The caller's words for a setting a message asks to change.
    let names: SettingNames
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var skipped = 0

    init(skipBadRows: Bool, names: @escaping SettingNames = { $0.apiName }) {
        self.skipBadRows = skipBadRows
        self.names = names
    }

    init(_ options: ImportOptions) { self.init(skipBadRows: options.skipBadRows, names: options.settingNames) }

    /// Problems that stop a file from being read: never skippable.
    mutating func add(_ problem: ImportProblem) { diagnostics += problem.diagnostics }

    /// A problem with the file as a whole: never skippable.
    mutating func fileError(_ path: String, line: Int = 1, _ message: String) {
        diagnostics.append(.error(.cannotImport, SourceLocation(file: path, line: line, column: 1), message))
    }

    /// A problem at a place in a file: never skippable.
    mutating func error(_ code: DiagnosticCode, _ location: SourceLocation, _ message: String) {
        diagnostics.append(.error(code, location, message))
    }

    /// A row that cannot be used. In an optional file (`optionalFile`) it is left out
    /// with a warning, as with `skipBadRows`: an optional file's problem never stops an import.
    /// `code` and `notes` are for rows that repeat an earlier one: the note points at it.
    mutating func badRow(
        _ path: String, _ record: CSVRecord, column: CSVColumn?, _ message: String,
        optionalFile: Bool = false, code: DiagnosticCode = .badRow, notes: [Diagnostic.Note] = []
    ) {
        let place = Self.place(record, column)
        if skipBadRows || optionalFile {
            skipped += 1
            diagnostics.append(
                .warning(code, Self.location(path, record, column), "\(place): \(message); row skipped", notes: notes))
        } else {
            diagnostics.append(
                .error(
                    code, Self.location(path, record, column),
                    "\(place): \(message) (use \(names(.skipBadRows)) to leave such rows out)", notes: notes))
        }
    }

    /// Something worth knowing that loses nothing important.
    mutating func warning(_ path: String, _ record: CSVRecord?, column: CSVColumn?, _ message: String) {
        guard let record else {
            diagnostics.append(.warning(.importAdjusted, SourceLocation(file: path, line: 1, column: 1), message))
            return
        }
        diagnostics.append(
            .warning(.importAdjusted, Self.location(path, record, column), "\(Self.place(record, column)): \(message)"))
    }

    /// The line the record starts on. The message names the cell as a spreadsheet
    /// shows it (row 7, column C); the column here stays 1 because character columns
    /// inside a CSV line mean little to the person fixing it.
    static func location(_ path: String, _ record: CSVRecord, _ column: CSVColumn?) -> SourceLocation {
        SourceLocation(file: path, line: record.line, column: 1)
    }

    /// "row 7, column C (LastName)", the way a spreadsheet shows the cell.
    static func place(_ record: CSVRecord, _ column: CSVColumn?) -> String {
        guard let column else { return "row \(record.row)" }
        return "row \(record.row), column \(column.letter) (\(column.name))"
    }
}
