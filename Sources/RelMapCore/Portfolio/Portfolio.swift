/// One account's line in the portfolio.
public struct PortfolioEntry: Sendable {
    /// The account's scores, gaps and plan, as the report reads them.
    public var input: AccountReportInput
    /// How much of the account's value is at risk.
    public var valueAtRisk: ValueAtRisk
    /// Critical gaps in the account.
    public var critical: Int
    /// High gaps in the account.
    public var high: Int

    /// The account's scores.
    public var analysis: AccountAnalysis { input.analysis }
    /// The most severe gap (the first, as gaps come most severe first).
    public var topGap: ReportGap? { input.gaps.first }
    /// The plan's first visit; nil when the plan has none.
    public var nextVisit: ReportVisit? { input.visits.first }
}

/// A book of accounts: each account's standing, ranked, and how value is spread over
/// them (docs/portfolio.md).
public struct Portfolio: Sendable {
    /// How entries are ranked, worst first: most value at risk or value, lowest coverage or
    /// support, most opposition; or by name. Ties go by account id.
    public enum SortKey: String, Sendable, CaseIterable {
        case risk, value, coverage, support, opposition, name
    }

    /// One entry per account, ranked by the sort key.
    public var entries: [PortfolioEntry]
    /// Concentration per currency: values in different currencies are never added up.
    /// Sorted by total value, largest first; accounts with a value but no currency form
    /// their own group (nil).
    public var concentrations: [(currency: String?, concentration: Concentration)]
    /// Accounts per (tier, stage); nil keys for accounts that give none.
    public var mix: [Tier?: [Stage?: Int]]

    /// The portfolio of these accounts, ranked by `sort`.
    public init(_ inputs: [AccountReportInput], sort: SortKey = .risk) {
        let entries = inputs.map { input in
            PortfolioEntry(
                input: input, valueAtRisk: ValueAtRisk(input.analysis),
                critical: input.gaps.count { $0.severity == "critical" },
                high: input.gaps.count { $0.severity == "high" })
        }
        self.entries = Self.sorted(entries, by: sort)
        var byCurrency: [String?: [(id: String, value: Double?)]] = [:]
        for input in inputs where input.analysis.account.value != nil {
            byCurrency[input.analysis.account.currency, default: []].append(
                (input.analysis.account.id, input.analysis.account.value))
        }
        concentrations = byCurrency.map { (currency: $0.key, concentration: Concentration(values: $0.value)) }
            .sorted { a, b in
                a.concentration.totalValue != b.concentration.totalValue
                    ? a.concentration.totalValue > b.concentration.totalValue : (a.currency ?? "") < (b.currency ?? "")
            }
        var mix: [Tier?: [Stage?: Int]] = [:]
        for input in inputs {
            mix[input.analysis.account.tier, default: [:]][input.analysis.account.stage, default: 0] += 1
        }
        self.mix = mix
    }

    /// Largest first for amounts and shares (opposition too: the worst first); ties by id.
    static func sorted(_ entries: [PortfolioEntry], by key: SortKey) -> [PortfolioEntry] {
        func metric(_ e: PortfolioEntry) -> Double {
            switch key {
            case .risk: e.valueAtRisk.amount ?? -1
            case .value: e.analysis.account.value ?? -1
            case .coverage: -e.analysis.shares.coverage
            case .support: -e.analysis.shares.support
            case .opposition: e.analysis.shares.opposition
            case .name: 0
            }
        }
        return entries.sorted { a, b in
            if key == .name {
                return (a.analysis.account.name, a.analysis.account.id) < (
                    b.analysis.account.name, b.analysis.account.id
                )
            }
            let (x, y) = (metric(a), metric(b))
            return x != y ? x > y : a.analysis.account.id < b.analysis.account.id
        }
    }
}
