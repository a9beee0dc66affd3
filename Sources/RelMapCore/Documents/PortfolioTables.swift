import Foundation

/// The tables and JSON `relmap portfolio` prints. Formatting only.
public enum PortfolioTables {
    /// One row per account, in the portfolio's order. The top gap and next visit are
    /// long sentences: the text table leaves them to `actions`, CSV and Markdown keep them.
    public static func accounts(_ p: Portfolio, withActions: Bool = true) -> Table {
        var columns: [Table.Column] = [
            .init("#", .right), .init("account", maxWidth: 24), .init("name", maxWidth: 16), .init("tier"),
            .init("stage"),
            .init("value", .right, maxWidth: 22), .init("coverage", .right), .init("support", .right),
            .init("opposition", .right), .init("crit", .right), .init("high", .right),
            .init("value at risk", .right, maxWidth: 28),
        ]
        if withActions { columns += [.init("top gap", maxWidth: 200), .init("next visit", maxWidth: 60)] }
        return Table(
            columns: columns,
            rows: p.entries.enumerated().map { i, e in
                let acc = e.analysis.account
                var row = [
                    String(i + 1), acc.id, acc.name, acc.tier?.rawValue ?? "", acc.stage?.rawValue ?? "",
                    Formatting.money(acc.value, acc.currency), Formatting.score(e.analysis.shares.coverage),
                    Formatting.score(e.analysis.shares.support), Formatting.score(e.analysis.shares.opposition),
                    String(e.critical), String(e.high), risk(e),
                ]
                if withActions {
                    row += [
                        e.topGap.map { "\($0.severity): \($0.sentence)" } ?? "",
                        e.nextVisit.map { "\($0.person) (\($0.member))" } ?? "",
                    ]
                }
                return row
            })
    }

    /// "north-steel: critical: ...; next: 赵建国 (王磊)", one line per account.
    public static func actions(_ p: Portfolio) -> [String] {
        p.entries.map { e in
            let gap = e.topGap.map { "\($0.severity): \($0.sentence)" } ?? "no gaps"
            let visit = e.nextVisit.map { "next visit \($0.person), by \($0.member)" } ?? "no visit planned"
            return "\(e.analysis.account.id): \(gap); \(visit)"
        }
    }

    static func risk(_ e: PortfolioEntry) -> String {
        e.valueAtRisk.amount.map {
            "\(Formatting.money($0, e.analysis.account.currency)) (\(Formatting.percent(e.valueAtRisk.riskShare)))"
        } ?? "no value"
    }

    /// The lines below the table: concentration per currency and the tier × stage counts.
    public static func summary(_ p: Portfolio) -> [String] {
        var lines: [String] = []
        for group in p.concentrations {
            let c = group.concentration
            let top = c.top.prefix(3).map { "\($0.id) \(Formatting.score($0.share))%" }.joined(separator: ", ")
            lines.append(
                "\(group.currency ?? "no currency"): \(c.accountsWithValue) accounts, \(Formatting.money(c.totalValue, group.currency)); "
                    + "top 20% (\(c.topFifthCount)) hold \(Formatting.score(c.topFifthShare))%; HHI \(Int(c.herfindahl.rounded())) "
                    + "(≈ \(Formatting.score(c.effectiveAccounts)) equal accounts); largest: \(top)")
        }
        var mix: [String] = []
        for tier in Tier.allCases.map(Optional.some) + [nil] {
            guard let row = p.mix[tier] else { continue }
            let parts = (Stage.allCases.map(Optional.some) + [nil]).compactMap { stage in
                row[stage].map { "\(stage?.rawValue ?? "no stage") \($0)" }
            }
            mix.append("\(tier?.rawValue ?? "no tier"): \(parts.joined(separator: ", "))")
        }
        lines.append("by tier and stage: " + mix.joined(separator: "; "))
        return lines
    }
}

/// The `relmap.portfolio/1` JSON document (docs/json.md).
/// The document's name and version, the first thing a reader should check.
public struct PortfolioDocument: JSONDocument, Sendable {
    /// The document's name and version, the first thing a reader should check.
    public let schema = "relmap.portfolio/1"
    var accounts: [Entry]
    var concentration: [Group]
    var skipped: [String]

    struct Entry: Encodable, Sendable {
        var id, name: String
        var tier, stage, currency: String?
        var value: Double?
        var coverage, support, opposition: Double
        var critical_gaps, high_gaps: Int
        var decision_reach, risk_share: Double
        var value_at_risk: Double?
        var top_gap: String?
        var next_visit: String?
    }

    struct Group: Encodable, Sendable {
        var currency: String?
        var accounts: Int
        var total_value, top_fifth_share, herfindahl, effective_accounts: Double
        var top_fifth_count: Int
        var top: [Share]
    }

    struct Share: Encodable, Sendable {
        var id: String
        var share: Double
    }

    /// The document for a portfolio; `skipped` names the files that did not load.
    public init(_ p: Portfolio, skipped: [String] = []) {
        accounts = p.entries.map { e in
            let a = e.analysis.account
            return Entry(
                id: a.id, name: a.name, tier: a.tier?.rawValue, stage: a.stage?.rawValue, currency: a.currency,
                value: a.value, coverage: e.analysis.shares.coverage, support: e.analysis.shares.support,
                opposition: e.analysis.shares.opposition, critical_gaps: e.critical, high_gaps: e.high,
                decision_reach: e.valueAtRisk.decisionReach, risk_share: e.valueAtRisk.riskShare,
                value_at_risk: e.valueAtRisk.amount, top_gap: e.topGap?.sentence, next_visit: e.nextVisit?.person)
        }
        concentration = p.concentrations.map { g in
            Group(
                currency: g.currency, accounts: g.concentration.accountsWithValue,
                total_value: g.concentration.totalValue,
                top_fifth_share: g.concentration.topFifthShare, herfindahl: g.concentration.herfindahl,
                effective_accounts: g.concentration.effectiveAccounts, top_fifth_count: g.concentration.topFifthCount,
                top: g.concentration.top.map { Share(id: $0.id, share: $0.share) })
        }
        self.skipped = skipped
    }
    /// Pretty-printed with sorted keys: byte-identical for the same input.
}
