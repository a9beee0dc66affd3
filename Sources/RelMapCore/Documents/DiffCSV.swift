/// A diff as one flat table, one change per row, for spreadsheets: every section in
/// the order the text output prints it.
public enum DiffCSV {
    /// The diff's rows: account, section, change, id, name, detail, from and to.
    public static func table(_ d: AccountDiff) -> Table {
        var rows: [[String]] = []
        func row(
            _ section: String, _ change: String, _ id: String, _ name: String, _ detail: String,
            _ from: String?, _ to: String?
        ) {
            rows.append([d.new.id, section, change, id, name, detail, from ?? "", to ?? ""])
        }
        func shares(_ section: String, _ name: String, _ c: AccountDiff.ShareChange) {
            let parts: [(String, KeyPath<Shares, Double>)] = [
                ("coverage", \.coverage), ("support", \.support), ("opposition", \.opposition), ("unknown", \.unknown),
            ]
            for (detail, key) in parts {
                row(
                    section, "", "", name, detail, c.from.map { Formatting.score($0[keyPath: key]) },
                    c.to.map { Formatting.score($0[keyPath: key]) })
            }
        }
        shares("shares", d.new.name, d.shares)
        for e in d.added { row("people", "added", e.person.id, e.person.name, "rank", nil, String(e.rank)) }
        for e in d.removed { row("people", "removed", e.person.id, e.person.name, "rank", String(e.rank), nil) }
        for s in d.stances {
            row("stance", s.direction.rawValue, s.id, s.name, "stance", s.from.rawValue, s.to.rawValue)
        }
        for r in d.roles {
            for role in r.added { row("roles", "added", r.id, r.name, role.rawValue, nil, nil) }
            for role in r.removed { row("roles", "removed", r.id, r.name, role.rawValue, nil, nil) }
        }
        for f in d.fields { row("fields", "changed", f.id, f.name, f.field, f.from, f.to) }
        for c in d.contacts {
            row(
                "contacts", c.kind.rawValue, c.person, c.personName, "member \(c.member)",
                c.from.map(DiffTables.contact), c.to.map(DiffTables.contact))
        }
        for r in d.ranks {
            row(
                "ranks", r.rise > 0 ? "up" : r.rise < 0 ? "down" : "same", r.id, r.name, "rank",
                String(r.fromRank), String(r.toRank))
            row(
                "ranks", "influence", r.id, r.name, "influence", Formatting.score(r.fromInfluence),
                Formatting.score(r.toInfluence))
        }
        for c in d.departments { shares("departments", c.department ?? "(none)", c) }
        if let gaps = d.gaps {
            for g in gaps.opened { row("gaps", "opened", g.key, g.text, g.severity, nil, nil) }
            for g in gaps.closed { row("gaps", "closed", g.key, g.text, g.severity, nil, nil) }
        }
        return Table(
            columns: ["account", "section", "change", "id", "name", "detail", "from", "to"].map { Table.Column($0) },
            rows: rows)
    }
}
