/// Every threshold and weight of the gap rules, with the defaults docs/gaps.md documents.
public struct GapParameters: Sendable, Hashable {
    /// Influence (0...100) from which a person is a key person. The same line the
    /// diagram marks unreached key people at (`DiagramGaps.keyInfluence`).
    public var keyInfluence: Double = 60
    /// Influence from which a blocker or skeptic is reported as an influential opponent.
    /// Lower than `keyInfluence`: a mid-level blocker can stop a deal on their own.
    public var opponentInfluence: Double = 40
    /// A contact whose current (faded) strength is below this is stale, provided its
    /// declared strength was above it (it has faded, not always been faint). 0.2 is where
    /// a weak contact gets after 53 days, a medium one after 142, a strong one after 195.
    public var staleStrength: Double = 0.2
    /// Support is too narrow when one person carries at least this share of it (0...1).
    public var narrowSupportShare: Double = 0.5
    /// A department with no contact is a gap when someone in it holds a buying role, or
    /// when it holds at least this share of the account's influence (percent, 0...100)
    /// whatever its people's roles: a tenth of the influence weighs in the decision
    /// whether or not anyone wrote a role down.
    public var departmentShare: Double = 10

    // Severity (docs/gaps.md, "Severity"): each gap gets a weight in 0...100, the
    // influence at stake times the size of the hole, and the weight picks the band.
    /// Weight from which a gap is critical, high and medium; below `medium` it is low.
    public var criticalFrom: Double = 80
    /// Weight from which a gap is high.
    public var highFrom: Double = 50
    /// Weight from which a gap is medium.
    public var mediumFrom: Double = 25
    /// The top decision-maker never met is never below this weight (critical): the
    /// practice calls reaching the end of a deal without meeting them very dangerous.
    public var neverMetFloor: Double = 80
    /// A key person whose stance is unknown: a smaller hole than one nobody reaches.
    public var unknownStanceHole: Double = 0.7
    /// The hole an opponent makes: a blocker the whole of their influence, a skeptic part.
    public var blockerHole: Double = 1.0
    /// The hole a skeptic makes: part of their influence, as they may still be won over.
    public var skepticHole: Double = 0.6
    /// A group of people (a department, or those behind a single thread) weighs as much
    /// as `groupShareFactor` × its share of the account's influence in percent, or as
    /// its most influential person, whichever is more: a department with a fifth of the
    /// influence counts like the top decision-maker.
    public var groupShareFactor: Double = 5
    /// A single thread is a risk, not yet a loss.
    public var singleThreadHole: Double = 0.8
    /// No coach or champion at all.
    public var noCoachWeight: Double = 70
    /// Narrow support: this times the share one person carries (0...1); no support at all
    /// counts as one person carrying everything.
    public var narrowSupportWeight: Double = 60

    /// The documented defaults (docs/gaps.md).
    public init() {}

    /// The band a weight falls in.
    public func severity(forWeight weight: Double) -> GapSeverity {
        weight >= criticalFrom ? .critical : weight >= highFrom ? .high : weight >= mediumFrom ? .medium : .low
    }
}
