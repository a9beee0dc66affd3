/// A history as one table (text, Markdown or CSV through `Table`) and a heading.
public enum HistoryTables {
    /// `华北钢铁集团 (north-steel) · graphs/north-steel.yaml · 12 versions, 1 skipped`.
    public static func heading(_ h: AccountHistory) -> String {
        let name = h.latest.map { "\($0.accountName) (\($0.accountId)) · " } ?? ""
        let count = h.entries.count, skipped = h.skipped.count
        var text = "\(name)\(h.path) · \(count) version\(count == 1 ? "" : "s")"
        if let since = h.since { text += " since \(since.iso)" }
        if skipped > 0 { text += ", \(skipped) skipped" }
        return text
    }

    /// One row per version, oldest first, for reading: the changes in words, gaps as
    /// critical/high/medium/low.
    public static func table(_ h: AccountHistory) -> Table {
        let rows = h.entries.map { e -> [String] in
            let c = e.commit
            guard let s = e.snapshot else {
                return [
                    c.day.iso, c.shortHash, c.author, "", "", "", "", "", "", "skipped: \(e.problem ?? "")", c.subject,
                ]
            }
            let gaps = s.gaps.map { "\($0.critical)/\($0.high)/\($0.medium)/\($0.low)" } ?? ""
            return [
                c.day.iso, c.shortHash, c.author, String(s.people), Formatting.score(s.shares.coverage),
                Formatting.score(s.shares.support), Formatting.score(s.shares.opposition),
                Formatting.score(s.shares.unknown), gaps, changeText(e.changes), c.subject,
            ]
        }
        return Table(
            columns: [
                .init("date"), .init("commit"), .init("author", maxWidth: 16), .init("people", .right),
                .init("coverage", .right), .init("support", .right), .init("opposition", .right),
                .init("unknown", .right),
                .init("gaps c/h/m/l", .right), .init("changes", maxWidth: 44), .init("subject", maxWidth: 40),
            ], rows: rows)
    }

    /// `joined: 杨帆, 蒋文; left: 李强; 钱伟 skeptic→supporter`, or `first version`.
    public static func changeText(_ changes: HistoryChanges?) -> String {
        guard let changes else { return "first version" }
        if changes.isEmpty { return "no change to people or stances" }
        var parts: [String] = []
        if !changes.added.isEmpty { parts.append("joined: " + changes.added.map(\.name).joined(separator: ", ")) }
        if !changes.removed.isEmpty { parts.append("left: " + changes.removed.map(\.name).joined(separator: ", ")) }
        parts += changes.stances.map { "\($0.name) \($0.from.rawValue)→\($0.to.rawValue)" }
        return parts.joined(separator: "; ")
    }

    /// One row per version with every figure in its own column and ids rather than
    /// names, for spreadsheets and scripts.
    public static func csv(_ h: AccountHistory) -> Table {
        let rows = h.entries.map { e -> [String] in
            let c = e.commit
            let head = [c.hash, c.day.iso, c.authorDate, c.author, c.subject, c.path]
            guard let s = e.snapshot else {
                return head + ["skipped", "", "", "", "", "", "", "", "", "", "", "", "", "", e.problem ?? ""]
            }
            let g = s.gaps
            let changes = e.changes
            return head + [
                "loaded", s.asOf.iso, String(s.people), Formatting.score(s.shares.coverage),
                Formatting.score(s.shares.support),
                Formatting.score(s.shares.opposition), Formatting.score(s.shares.unknown),
                g.map { String($0.critical) } ?? "", g.map { String($0.high) } ?? "",
                g.map { String($0.medium) } ?? "", g.map { String($0.low) } ?? "",
                changes?.added.map(\.id).joined(separator: " ") ?? "",
                changes?.removed.map(\.id).joined(separator: " ") ?? "",
                changes?.stances.map { "\($0.id):\($0.from.rawValue)>\($0.to.rawValue)" }.joined(separator: " ") ?? "",
                "",
            ]
        }
        let columns = [
            "commit", "date", "author_date", "author", "subject", "path", "status", "as_of", "people",
            "coverage", "support", "opposition", "unknown", "critical", "high", "medium", "low",
            "people_added", "people_removed", "stance_changes", "problem",
        ]
        return Table(columns: columns.map { Table.Column($0) }, rows: rows)
    }
}
