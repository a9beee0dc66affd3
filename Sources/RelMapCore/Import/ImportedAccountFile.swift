import Foundation

/// The account file an import writes: the account, a header that says where it came
/// from and what the team still has to fill in, and a check that it loads back.
public enum ImportedAccountFile {
    /// Where the people came from, for the header.
    public enum Source: Sendable, Hashable {
        case salesforce(folder: String)
        case csv(file: String)
        /// A CRM's own contacts export read through a preset (HubSpot, Dynamics 365).
        case crm(product: String, file: String)
    }

    /// The header comment lines (without "# ").
    public static func header(_ source: Source, path: String) -> [String] {
        let name = (path as NSString).lastPathComponent
        let imported: [String]
        switch source {
        case .salesforce(let folder):
            imported = [
                "\(AccountFileWriter.mark) import from the Salesforce export in \(folder).",
                "Imported: contacts with their titles, departments and managers, their roles",
                "in opportunities, and our team's contacts from the activity history.",
            ]
        case .csv(let file):
            imported = [
                "\(AccountFileWriter.mark) import from the CSV file \(file).",
                "Imported: one person per row, with the columns the file has.",
            ]
        case .crm(let product, let file):
            imported = [
                "\(AccountFileWriter.mark) import from the \(product) contacts export \(file).",
                "Imported: contacts with their titles, departments and managers, and each",
                "contact's owner on our team (weak until the team says otherwise).",
            ]
        }
        return [AccountSchema.modeline] + imported + [
            "Still to fill in by the team:",
            "  - stance: every 'unknown' (where people stand toward us)",
            "  - influence: every 'null', 1..5, the team's judgment of each person's weight",
            "  - relations: who influences whom inside the account, allies and rivals",
            "  - account: tier, value, stage; and key people the source does not know",
            "Then run: relmap check \(name)   (the format: docs/format.md)",
        ]
    }

    /// The file's text, or the findings when it would not load back to the same
    /// account (a bug in the writer, never in the user's data: report it as internal).
    public static func text(_ account: Account, source: Source, path: String) -> Result<String, ImportProblem> {
        let writer = AccountFileWriter(headerComment: header(source, path: path), hints: true)
        let text = writer.yaml(account)
        let loaded = AccountLoader.load(data: Data(text.utf8), path: path, options: LoadOptions(today: account.asOf))
        guard let back = loaded.account, !loaded.diagnostics.hasErrors else {
            return .failure(ImportProblem(loaded.diagnostics.filter { $0.severity == .error }))
        }
        guard back.withoutLocations == account.withoutLocations else {
            return .failure(
                .error(
                    .readBack, SourceLocation(file: path, line: 1, column: 1),
                    "the written file does not read back to the imported account"))
        }
        return .success(text)
    }
}

extension Account {
    /// The same account with every source location cleared, for comparing content.
    public var withoutLocations: Account {
        var a = self
        a.location = nil
        a.team = team.map {
            var m = $0; m.location = nil; return m
        }
        a.people = people.map {
            var p = $0; p.location = nil; return p
        }
        a.relations = relations.map {
            var r = $0; r.location = nil; return r
        }
        a.contacts = contacts.map {
            var c = $0; c.location = nil; return c
        }
        a.interactions = interactions.map {
            var i = $0; i.location = nil; return i
        }
        return a
    }
}
