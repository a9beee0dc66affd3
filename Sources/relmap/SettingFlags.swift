import RelMapCore

/// The flags that change the settings core messages name ("raise it with
/// --max-file-size"): the core says which setting, the CLI how to type it.
enum SettingFlags {
    static let names: SettingNames = { setting in
        switch setting {
        case .maxFileSize: "--max-file-size"
        case .maxPeople: "--max-people"
        case .skipBadRows: "--skip-bad-rows"
        case .allInOne: "--all-in-one"
        case .dateOrder(let order?): "--date-format \(order.rawValue)"
        case .dateOrder(nil): "--date-format mdy or dmy"
        case .salesforceAccount: "--salesforce-account ID"
        case .company: "--company NAME"
        case .encoding(let name): "--encoding \(name)"
        case .mapping(let field, let column): "--map \(field)=\(column ?? "COLUMN")"
        case .capacity: "--capacity"
        }
    }
}

extension LoadOptions {
    /// The default limits, with messages past one naming the flag that raises it.
    static func commandLine(today: Day) -> LoadOptions {
        var options = LoadOptions(today: today)
        options.settingNames = SettingFlags.names
        return options
    }
}
