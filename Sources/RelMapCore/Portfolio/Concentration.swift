/// How concentrated a book of accounts is (docs/portfolio.md, "Concentration").
///
/// The practice warns both ways: depending on a few big accounts is a risk, and so is
/// treating all accounts alike. These figures show which of the two a book leans to.
public struct Concentration: Sendable, Hashable {
    /// Accounts with a value, and their total.
    public var accountsWithValue: Int
    /// The sum of their values.
    public var totalValue: Double
    /// How many accounts make the top 20% (at least one), and their share of the value, 0...100.
    public var topFifthCount: Int
    /// The top 20%'s share of the total value, 0...100.
    public var topFifthShare: Double
    /// Herfindahl-Hirschman index over value shares, 0...10,000 (10,000: one account holds everything).
    public var herfindahl: Double
    /// The same as an "effective number of accounts": 10,000 / HHI.
    public var effectiveAccounts: Double
    /// The largest accounts by share, largest first.
    public var top: [AccountShare]

    /// One account's share of the total value.
    public struct AccountShare: Sendable, Hashable {
        /// The account's id.
        public var id: String
        /// 0...100.
        public var share: Double
    }

    /// O(n log n) for n accounts. Accounts without a value are left out; ties in value are
    /// ordered by id so the "top" list is deterministic.
    public init(values: [(id: String, value: Double?)], topCount: Int = 5) {
        let valued = values.compactMap { v in v.value.map { (id: v.id, value: $0) } }
            .sorted { ($1.value, $0.id) < ($0.value, $1.id) }
        accountsWithValue = valued.count
        let total = valued.reduce(0) { $0 + $1.value }
        totalValue = total
        guard total > 0 else {
            topFifthCount = 0
            topFifthShare = 0
            herfindahl = 0
            effectiveAccounts = 0
            top = []
            return
        }
        let shares = valued.map { AccountShare(id: $0.id, share: 100 * $0.value / total) }
        let fifth = max(1, (valued.count + 4) / 5)
        topFifthCount = fifth
        topFifthShare = shares.prefix(fifth).reduce(0) { $0 + $1.share }
        let hhi = shares.reduce(0) { $0 + $1.share * $1.share }
        herfindahl = hhi
        effectiveAccounts = hhi > 0 ? 10_000 / hhi : 0
        top = Array(shares.prefix(topCount))
    }
}
