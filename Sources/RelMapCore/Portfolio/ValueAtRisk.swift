/// Value at risk of one account (docs/portfolio.md, "Value at risk").
///
/// We hold an account to the extent that we reach the people who decide and pay, and
/// they are not against us:
///
///     decision reach = influence-weighted reach over decision-makers and economic buyers
///                      (over everyone when the file names none)
///     value at risk  = value × (1 − decision reach × (1 − opposition / 100))
///
/// So an account whose decision-makers nobody reaches is wholly at risk, however warm the
/// rest of it is; that is the practice's warning about never meeting the top decision-maker.
public struct ValueAtRisk: Sendable, Hashable {
    /// 0...1.
    public var decisionReach: Double
    /// 0...1: the share of the value at risk.
    public var riskShare: Double
    /// In the account's currency; nil when the file gives no value.
    public var amount: Double?

    /// The figures of one account, by the formula above.
    public init(_ analysis: AccountAnalysis) {
        let deciders = analysis.people.filter {
            $0.person.roles.contains(.decisionMaker) || $0.person.roles.contains(.economicBuyer)
        }
        let group = deciders.isEmpty ? analysis.people : deciders
        let weight = group.reduce(0) { $0 + $1.influence }
        decisionReach = weight > 0 ? group.reduce(0) { $0 + $1.influence * $1.reach } / weight : 0
        riskShare = min(1, max(0, 1 - decisionReach * (1 - analysis.shares.opposition / 100)))
        amount = analysis.account.value.map { $0 * riskShare }
    }
}
