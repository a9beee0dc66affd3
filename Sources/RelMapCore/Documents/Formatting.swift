import Foundation

/// How numbers and words print in every output, in one place so they agree.
public enum Formatting {
    /// A 0...100 score with one decimal: "42.1".
    public static func score(_ x: Double) -> String { String(format: "%.1f", x) }

    /// A 0...1 share as a whole percentage: "73%".
    public static func percent(_ x: Double) -> String { String(format: "%.0f%%", 100 * x) }

    /// A 0...1 value with two decimals: "0.45".
    public static func unit(_ x: Double) -> String { String(format: "%.2f", x) }

    /// A money amount with thousands separators and the currency: "12,000,000 CNY".
    public static func money(_ x: Double?, _ currency: String?) -> String {
        guard let x else { return "" }
        let whole = Int(x.rounded())
        var digits = String(abs(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        let sign = whole < 0 ? "-" : ""
        return sign + groups.joined(separator: ",") + (currency.map { " \($0)" } ?? "")
    }

    /// Short role words for narrow tables.
    public static func shortRole(_ role: BuyingRole) -> String {
        switch role {
        case .decisionMaker: "decision"
        case .economicBuyer: "budget"
        case .technicalBuyer: "technical"
        case .userBuyer: "user"
        case .influencer: "influencer"
        case .coach: "coach"
        case .gatekeeper: "gatekeeper"
        }
    }

    /// The roles' short words, heaviest first, comma-separated ("decision,budget").
    public static func roles(_ roles: [BuyingRole]) -> String {
        roles.sorted().map(shortRole).joined(separator: ",")
    }

    /// "王磊 -> 钱生产 (strong, 12 days ago) -> 孙工 (ally)".
    public static func route(_ route: ReachRoute, names: (String) -> String) -> String {
        var out = names(route.member)
        for step in route.steps {
            let how: String
            switch step.kind {
            case .contact(let strength, let days):
                how = strength.label + (days.map { ", \(daysAgo($0))" } ?? ", no date")
            case .tie(let type):
                how = type.rawValue
            }
            out += " -> \(names(step.to)) (\(how))"
        }
        return out
    }

    /// "today", "1 day ago" or "N days ago".
    public static func daysAgo(_ days: Int) -> String {
        days == 0 ? "today" : days == 1 ? "1 day ago" : "\(days) days ago"
    }
}
