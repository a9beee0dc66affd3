import Foundation

/// The `relmap.diff/1` JSON document (docs/import.md, "Diff as JSON"). Field names are
/// snake_case and stable; new fields may be added, none renamed or removed within
/// version 1. `gaps` is absent when no gap analysis was compared.
/// The document's name and version, the first thing a reader should check.
public struct DiffDocument: JSONDocument, Sendable {
    /// The document's name and version, the first thing a reader should check.
    public let schema = "relmap.diff/1"
    var old, new: VersionJSON
    var stale_after_days: Int
    var people_added, people_removed: [PersonEntryJSON]
    var stance_changes: [StanceJSON]
    var role_changes: [RoleJSON]
    var field_changes: [FieldJSON]
    var contact_changes: [ContactJSON]
    var rank_changes: [RankJSON]
    var shares: ShareChangeJSON
    var departments: [ShareChangeJSON]
    var gaps: GapsJSON?

    /// The document for one diff.
    public init(_ d: AccountDiff) {
        old = VersionJSON(d.old)
        new = VersionJSON(d.new)
        stale_after_days = d.staleAfterDays
        people_added = d.added.map(PersonEntryJSON.init)
        people_removed = d.removed.map(PersonEntryJSON.init)
        stance_changes = d.stances.map {
            StanceJSON(
                id: $0.id, name: $0.name, from: $0.from.rawValue, to: $0.to.rawValue,
                direction: $0.direction.rawValue, influence: $0.influence)
        }
        role_changes = d.roles.map {
            RoleJSON(id: $0.id, name: $0.name, added: $0.added.map(\.rawValue), removed: $0.removed.map(\.rawValue))
        }
        field_changes = d.fields.map { FieldJSON(id: $0.id, name: $0.name, field: $0.field, from: $0.from, to: $0.to) }
        contact_changes = d.contacts.map {
            ContactJSON(
                change: $0.kind.rawValue, member: $0.member, person: $0.person,
                from: $0.from.map(ContactStateJSON.init), to: $0.to.map(ContactStateJSON.init))
        }
        rank_changes = d.ranks.map {
            RankJSON(
                id: $0.id, name: $0.name, from_rank: $0.fromRank, to_rank: $0.toRank,
                from_influence: $0.fromInfluence, to_influence: $0.toInfluence)
        }
        shares = ShareChangeJSON(d.shares)
        departments = d.departments.map(ShareChangeJSON.init)
        gaps = d.gaps.map { g in
            GapsJSON(opened: g.opened.map(GapJSON.init), closed: g.closed.map(GapJSON.init))
        }
    }
}

struct VersionJSON: Encodable, Sendable {
    var id, name, as_of: String
    var source: String?
    init(_ v: AccountDiff.Version) {
        id = v.id
        name = v.name
        as_of = v.asOf.iso
        source = v.source
    }
}

struct PersonEntryJSON: Encodable, Sendable {
    var id, name, stance: String
    var title, department: String?
    var roles: [String]
    var influence: Double
    var rank: Int
    init(_ e: AccountDiff.PersonEntry) {
        id = e.person.id
        name = e.person.name
        stance = e.person.stance.rawValue
        title = e.person.title
        department = e.person.department
        roles = e.person.roles.map(\.rawValue)
        influence = e.influence
        rank = e.rank
    }
}

struct StanceJSON: Encodable, Sendable {
    var id, name, from, to, direction: String
    var influence: Double
}

struct RoleJSON: Encodable, Sendable {
    var id, name: String
    var added, removed: [String]
}

struct FieldJSON: Encodable, Sendable {
    var id, name, field: String
    var from, to: String?
}

struct ContactStateJSON: Encodable, Sendable {
    var strength: String
    var value: Double
    var last: String?
    var days_ago: Int?
    var current: Double
    init(_ c: CurrentContact) {
        strength = c.strength.label
        value = c.strength.value
        last = c.last?.iso
        days_ago = c.daysAgo
        current = c.current
    }
}

struct ContactJSON: Encodable, Sendable {
    var change, member, person: String
    var from, to: ContactStateJSON?
}

struct RankJSON: Encodable, Sendable {
    var id, name: String
    var from_rank, to_rank: Int
    var from_influence, to_influence: Double
}

struct ShareChangeJSON: Encodable, Sendable {
    var department: String?
    var from, to: SharesJSON?
    init(_ c: AccountDiff.ShareChange) {
        department = c.department
        from = c.from.map(SharesJSON.init)
        to = c.to.map(SharesJSON.init)
    }
}

struct GapJSON: Encodable, Sendable {
    var key, severity, text: String
    init(_ g: DiffGap) {
        key = g.key
        severity = g.severity
        text = g.text
    }
}

struct GapsJSON: Encodable, Sendable {
    var opened, closed: [GapJSON]
}
