/// The commercial weight of an account in our book (docs/format.md, `account.tier`).
public enum Tier: String, Sendable, CaseIterable, Codable, Comparable {
    case strategic, key, growth, maintain

    /// Strategic first: the order a portfolio lists tiers in.
    public static func < (a: Tier, b: Tier) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where the relationship stands in its life (docs/format.md, `account.stage`).
public enum Stage: String, Sendable, CaseIterable, Codable {
    case establishing, stabilizing, strengthening
}

/// A part a person plays in the buying decision. A person may hold several.
public enum BuyingRole: String, Sendable, CaseIterable, Codable, Comparable {
    case decisionMaker = "decision-maker"
    case economicBuyer = "economic-buyer"
    case technicalBuyer = "technical-buyer"
    case userBuyer = "user-buyer"
    case influencer
    case coach
    case gatekeeper

    /// Declaration order is the order of decision weight, heaviest first.
    public static func < (a: BuyingRole, b: BuyingRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The Chinese term sales teams use for the role (the import reads it too: docs/import.md).
    public var chinese: String {
        switch self {
        case .decisionMaker: "拍板人"
        case .economicBuyer: "预算审批人"
        case .technicalBuyer: "技术把关人"
        case .userBuyer: "使用者"
        case .influencer: "影响者"
        case .coach: "盟友"
        case .gatekeeper: "把关人"
        }
    }
}

/// A person's attitude toward us, from champion (+2) to blocker (-2); `unknown` is itself a gap.
public enum Stance: String, Sendable, CaseIterable, Codable {
    case champion, supporter, neutral, skeptic, blocker, unknown

    /// +2 ... -2, or nil when the stance is not known.
    public var score: Int? {
        switch self {
        case .champion: 2
        case .supporter: 1
        case .neutral: 0
        case .skeptic: -1
        case .blocker: -2
        case .unknown: nil
        }
    }

    /// Champions and supporters carry our reach onward to the people they influence.
    public var isPositive: Bool { (score ?? 0) > 0 }
    /// Skeptics and blockers: a negative stance score.
    public var isNegative: Bool { (score ?? 0) < 0 }
}

/// An informal tie between two people inside the account.
public enum RelationType: String, Sendable, CaseIterable, Codable {
    /// Directed: `from` shapes the opinion of `to`.
    case influences
    /// Symmetric: the two back each other.
    case ally
    /// Symmetric: the two work against each other.
    case rival

    /// Whether the tie reads both ways (`ally`, `rival`); `influences` points one way.
    public var isSymmetric: Bool { self != .influences }
}
