/// Every number the scores depend on, with the defaults docs/scoring.md documents.
public struct ScoringParameters: Sendable, Hashable {
    // Influence (docs/scoring.md, "Influence").
    /// PageRank damping: the share of a person's score that comes from the people they shape.
    public var damping: Double = 0.85
    /// Weight of a `reports_to` edge next to an `influences` edge of strength s.
    public var reportsToWeight: Double = 0.3
    /// The team's 1...5 judgment used when a person has none.
    public var defaultJudgment: Int = 3
    /// Stop when the L1 change of one iteration is below this.
    public var tolerance: Double = 1e-13
    /// The most PageRank iterations, a bound for a run that does not reach `tolerance`.
    public var maxIterations: Int = 10_000

    // Reach (docs/scoring.md, "Reach").
    /// Days after which a contact counts half as strong.
    public var halfLifeDays: Double = 90
    /// How much of a carrier's reach passes along one tie inside the account.
    public var carryFactor: Double = 0.5
    /// The most ties inside the account a route may use after the contact.
    public var hopLimit: Int = 2
    /// Strength of a contact known only from the interaction log.
    public var impliedContactStrength: Double = 0.3

    /// The defaults docs/scoring.md documents.
    public init() {}

    /// The weight a buying role lends to a person's own influence; the heaviest role counts.
    public func roleWeight(_ role: BuyingRole?) -> Double {
        switch role {
        case .decisionMaker: 3.0
        case .economicBuyer: 2.5
        case .technicalBuyer: 2.0
        case .userBuyer: 1.5
        case .influencer: 1.5
        case .coach: 1.2
        case .gatekeeper: 1.2
        case nil: 1.0
        }
    }

    /// How much of a contact's strength is left `days` after it.
    public func fade(afterDays days: Int) -> Double {
        Foundation.pow(0.5, Double(Swift.max(0, days)) / halfLifeDays)
    }
}

import Foundation
