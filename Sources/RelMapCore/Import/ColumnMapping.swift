import Foundation

/// Which column of a generic CSV holds which field of a person (`--map name=Full Name,...`).
public struct ColumnMapping: Sendable, Hashable {
    /// The fields a column can fill: a person's own, and a contact from our team.
    public enum Field: String, Sendable, CaseIterable, Hashable {
        case id, name
        /// Given and family name in two columns, when there is no whole name (docs/import.md).
        case firstName = "first_name", lastName = "last_name"
        case title, department, level, roles, stance, influence
        case reportsTo = "reports_to"
        case notes, email
        /// The source's own id for the person: kept in notes, and matched by reports_to.
        case crmId = "crm_id"
        /// The company each person works for, when the file holds several.
        case company
        /// The name of the team member who covers the person (several separated by `;`).
        case member
        /// The day of that member's last contact, and its strength.
        case last, strength

        /// Headers recognised without `--map`, compared ignoring case, spaces and `_`.
        var usualHeaders: [String] {
            switch self {
            case .id: ["id"]
            case .name: ["name", "full name", "姓名", "名字"]
            case .firstName: ["first name", "given name", "名"]
            case .lastName: ["last name", "surname", "family name", "姓"]
            case .crmId: ["record id", "crm id"]
            case .company: ["company", "company name", "account", "account name", "公司", "客户"]
            case .title: ["title", "job title", "position", "职位", "职务"]
            case .department: ["department", "dept", "部门"]
            case .level: ["level", "层级", "级别"]
            case .roles: ["roles", "role", "角色"]
            case .stance: ["stance", "态度", "立场"]
            case .influence: ["influence", "影响力"]
            case .reportsTo: ["reports to", "manager", "上级", "直属上级", "汇报对象"]
            case .notes: ["notes", "note", "备注"]
            case .email: ["email", "e-mail", "邮箱"]
            case .member: ["member", "owner", "covered by", "对接人", "我方对接人", "负责人"]
            case .last: ["last", "last contact", "最近联系", "最近拜访"]
            case .strength: ["strength", "关系强度"]
            }
        }
    }

    /// Column header by field, as the user wrote it.
    public var columns: [Field: String]

    /// A mapping from fields to the headers that hold them; an empty one uses the known header words alone.
    public init(columns: [Field: String] = [:]) { self.columns = columns }

    /// Reads `name=Full Name,title=Job Title`; several specs (repeated flags) add up.
    /// A header holding a comma cannot be named this way; rename it in the file.
    public static func parse(_ specs: [String]) throws(ImportError) -> ColumnMapping {
        var mapping = ColumnMapping()
        for spec in specs {
            for pair in spec.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw .usage("'\(pair)' is not field=Column Header, e.g. 'name=Full Name,title=Job Title'")
                }
                guard let field = Field(rawValue: parts[0].lowercased()) else {
                    let all = Field.allCases.map(\.rawValue)
                    let hint =
                        Suggestion.nearest(to: parts[0], in: all).map { "did you mean '\($0)'?" }
                        ?? "fields: \(all.joined(separator: ", "))"
                    throw .usage("'\(parts[0])' is not a field; \(hint)")
                }
                mapping = try mapping.merging(ColumnMapping(columns: [field: parts[1]]))
            }
        }
        return mapping
    }

    /// Both mappings in one; a field the two map to different columns is an error.
    public func merging(_ other: ColumnMapping) throws(ImportError) -> ColumnMapping {
        var merged = self
        for field in Field.allCases {
            guard let column = other.columns[field] else { continue }
            if let earlier = merged.columns[field], earlier != column {
                throw .usage("\(field.rawValue) is mapped twice ('\(earlier)' and '\(column)')")
            }
            merged.columns[field] = column
        }
        return merged
    }

    /// The column of each field in `sheet`: the mapped header, else a usual header (a
    /// preset's, in its order of preference, when given). A mapped header the file does
    /// not have is an error naming the nearest header.
    func resolve(in sheet: CSVSheet, preset: CRMPreset? = nil, findings: inout ImportFindings) -> [Field: CSVColumn] {
        var found: [Field: CSVColumn] = [:]
        for field in Field.allCases {
            guard let header = columns[field] else { continue }
            if let column = sheet.column([header]) {
                found[field] = column
            } else {
                let have = sheet.columns.map(\.name)
                let hint =
                    Suggestion.nearest(to: header, in: have).map { "; did you mean '\($0)'?" }
                    ?? "; the file has: \(have.joined(separator: ", "))"
                let mapping = findings.names(.mapping(field: field.rawValue, column: header))
                findings.fileError(sheet.path, "\(mapping): no such column\(hint)")
            }
        }
        // Usual headers fill the fields left, never a column the user mapped.
        let mapped = Set(found.values.map(\.index))
        for field in Field.allCases where columns[field] == nil {
            let headers = preset.map { $0.headers[field] ?? [] } ?? field.usualHeaders
            for header in headers {
                let wanted = CSVSheet.headerKey(header)
                if let column = sheet.columns.first(where: {
                    !mapped.contains($0.index) && CSVSheet.headerKey($0.name) == wanted
                }) {
                    found[field] = column
                    break
                }
            }
        }
        // Two fields reading one column is a mistake in the mapping.
        var byColumn: [Int: Field] = [:]
        for field in Field.allCases {
            guard let column = found[field] else { continue }
            if let other = byColumn[column.index] {
                findings.fileError(
                    sheet.path, "column '\(column.name)' is mapped to both \(other.rawValue) and \(field.rawValue)")
            }
            byColumn[column.index] = field
        }
        if found[.name] == nil && found[.id] == nil && found[.lastName] == nil && found[.firstName] == nil
            && columns[.name] == nil && columns[.id] == nil
        {
            findings.fileError(
                sheet.path,
                "no column for the person's name; map one with \(findings.names(.mapping(field: "name", column: nil))) (the file has: \(sheet.columns.map(\.name).joined(separator: ", ")))"
            )
        }
        return found
    }
}
