/// The tables `relmap gaps` prints, built from gap reports. Formatting only.
public enum GapTables {
    /// "coverage 21.2  support 19.4  opposition 9.6  ·  gaps: 3 critical, 8 high, 10 medium, 2 low".
    public static func summary(_ r: GapReport) -> String {
        let s = r.analysis.shares
        let c = r.counts
        return
            "coverage \(Formatting.score(s.coverage))  support \(Formatting.score(s.support))  opposition \(Formatting.score(s.opposition))"
            + "  ·  gaps: \(c.critical) critical, \(c.high) high, \(c.medium) medium, \(c.low) low"
    }

    /// One row per gap: severity, kind, the sentence.
    public static func gaps(_ r: GapReport) -> Table {
        Table(
            columns: [.init("#", .right), .init("severity"), .init("kind", maxWidth: 30), .init("gap", maxWidth: 400)],
            rows: {
                let names = AnalysisTables.names(in: r.analysis)
                return r.gaps.enumerated().map { i, g in
                    [
                        String(i + 1), g.severity.rawValue, GapSentences.kindLabel(g.kind),
                        GapSentences.sentence(g, in: r.analysis, names: names),
                    ]
                }
            }())
    }

    /// One row per gap per account, for CSV: every column a spreadsheet needs.
    public static func csv(_ reports: [GapReport]) -> Table {
        Table(
            columns: ["account", "severity", "kind", "weight", "people", "department", "members", "key", "sentence"]
                .map { Table.Column($0) },
            rows: reports.flatMap { r in
                let names = AnalysisTables.names(in: r.analysis)
                return r.gaps.map { g in
                    [
                        r.analysis.account.id, g.severity.rawValue, g.kind.rawValue, Formatting.score(g.weight),
                        g.people.joined(separator: ";"), g.department ?? "", g.members.joined(separator: ";"), g.key,
                        GapSentences.sentence(g, in: r.analysis, names: names),
                    ]
                }
            })
    }
}
