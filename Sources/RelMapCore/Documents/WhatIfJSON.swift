import Foundation

/// The `relmap.whatif/1` JSON document (docs/plan.md, "JSON"). Field names are snake_case
/// and stable; new fields may be added, none renamed or removed within version 1.
/// The document's name and version, the first thing a reader should check.
public struct WhatIfDocument: JSONDocument, Sendable {
    /// The document's name and version, the first thing a reader should check.
    public let schema = "relmap.whatif/1"
    var account: String
    var name: String
    var as_of: String
    var changes: [ChangeJSON]
    var before, after: SideJSON
    var people: [PersonChangeJSON]
    var gaps_opened, gaps_closed: [GapItemJSON]
    /// Gaps open before and after at a different severity: the gap as it is after, and
    /// the severity it had before.
    var gaps_regraded: [RegradedJSON]

    struct RegradedJSON: Encodable, Sendable {
        var severity_before: String
        var gap: GapItemJSON
    }

    struct ChangeJSON: Encodable, Sendable {
        var kind, id: String
        var member, stance, strength: String?
        var strength_value: Double?
    }

    struct SideJSON: Encodable, Sendable {
        var shares: SharesJSON
        var counts: SeverityCounts
    }

    struct PersonChangeJSON: Encodable, Sendable {
        var id: String
        var rank_before, rank_after: Int?
        var influence_before, influence_after, reach_before, reach_after: Double?
        var stance_before, stance_after: String?
    }

    /// The document for one what-if comparison.
    public init(_ c: WhatIfComparison) {
        let a = c.before.analysis.account
        account = a.id
        name = a.name
        as_of = a.asOf.iso
        changes = c.changes.map { change in
            switch change {
            case .leave(let id): ChangeJSON(kind: a.person(id) != nil ? "person-leaves" : "member-leaves", id: id)
            case .stance(let id, let s): ChangeJSON(kind: "stance", id: id, stance: s.rawValue)
            case .contact(let m, let p, let s):
                ChangeJSON(kind: "contact", id: p, member: m, strength: s.label, strength_value: s.value)
            }
        }
        before = SideJSON(shares: SharesJSON(c.before.analysis.shares), counts: c.before.counts)
        after = SideJSON(shares: SharesJSON(c.after.analysis.shares), counts: c.after.counts)
        people = c.people.map { p in
            PersonChangeJSON(
                id: p.id, rank_before: p.positionBefore, rank_after: p.positionAfter,
                influence_before: p.influenceBefore, influence_after: p.influenceAfter,
                reach_before: p.reachBefore, reach_after: p.reachAfter,
                stance_before: p.stanceBefore?.rawValue, stance_after: p.stanceAfter?.rawValue)
        }
        gaps_opened = c.opened.map { GapItemJSON($0, c.after.analysis) }
        gaps_closed = c.closed.map { GapItemJSON($0, c.before.analysis) }
        gaps_regraded = c.regraded.map {
            RegradedJSON(severity_before: $0.before.severity.rawValue, gap: GapItemJSON($0.after, c.after.analysis))
        }
    }
}
