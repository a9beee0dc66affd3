/// A setting a person can change when a run stops or falls short; a message says which.
///
/// The core knows a setting by what it does, and the caller spells it the way its user
/// types it: the CLI gives its flags (`--max-file-size`, `--date-format mdy`) through
/// `LoadOptions.settingNames`, `ImportOptions.settingNames` and the plan's texts, so the core's sentences
/// ("raise it with ...") carry no command-line grammar of their own.
public enum Setting: Sendable, Hashable {
    /// The largest file read.
    case maxFileSize
    /// The most people in one account.
    case maxPeople
    /// Leave out the rows of an import that cannot be used.
    case skipBadRows
    /// Import every contact of a file as one account.
    case allInOne
    /// The order of day and month in slash dates; nil when a message offers both.
    case dateOrder(DateOrder?)
    /// Which account of a Salesforce export to import (an id or a name).
    case salesforceAccount
    /// Which company of a CSV file to import.
    case company
    /// The text encoding of the files, with one name as an example.
    case encoding(String)
    /// A column read as a field of a person; no column when the message means "a column".
    case mapping(field: String, column: String?)
    /// The most visits one member makes in a plan.
    case capacity

    /// The setting as the library's API spells it: the words for a caller that gives none.
    public var apiName: String {
        switch self {
        case .maxFileSize: "maxFileBytes"
        case .maxPeople: "maxPeople"
        case .skipBadRows: "skipBadRows"
        case .allInOne: "allInOne"
        case .dateOrder(let order?): "dateOrder .\(order.rawValue)"
        case .dateOrder(nil): "dateOrder .mdy or .dmy"
        case .salesforceAccount: "salesforceAccount"
        case .company: "company"
        case .encoding(let name): "encoding \(name)"
        case .mapping(let field, let column): "ColumnMapping \(field)=\(column ?? "COLUMN")"
        case .capacity: "PlanRequest.capacity"
        }
    }
}

/// How a caller spells settings in messages: `{ $0.apiName }` unless it has its own words.
public typealias SettingNames = @Sendable (Setting) -> String
