import Foundation

/// The `relmap.history/1` JSON document (docs/history.md, "JSON"). Field names are
/// snake_case and stable; new fields may be added, none renamed or removed within
/// version 1. Fields that do not apply to a version are absent.
/// The document's name and version, the first thing a reader should check.
public struct HistoryDocument: JSONDocument, Sendable {
    /// The document's name and version, the first thing a reader should check.
    public let schema = "relmap.history/1"
    var file: String
    var since: String?
    var account: AccountJSON?
    var versions: [VersionJSON]
    var skipped: Int

    struct AccountJSON: Encodable, Sendable { var id, name: String }
    struct PersonJSON: Encodable, Sendable { var id, name: String }
    struct StanceJSON: Encodable, Sendable { var id, name, from, to, direction: String; var influence: Double }
    struct ChangesJSON: Encodable, Sendable {
        var people_added, people_removed: [PersonJSON]
        var stance_changes: [StanceJSON]
    }
    struct VersionJSON: Encodable, Sendable {
        var commit, date, author_date, author, subject, path: String
        var loaded: Bool
        var problem: String?
        var as_of: String?
        var people: Int?
        var shares: SharesJSON?
        var gaps: SeverityCounts?
        var changes: ChangesJSON?
    }

    /// The document for one file's history.
    public init(_ h: AccountHistory) {
        file = h.path
        since = h.since?.iso
        account = h.latest.map { AccountJSON(id: $0.accountId, name: $0.accountName) }
        skipped = h.skipped.count
        versions = h.entries.map { e in
            let c = e.commit, s = e.snapshot
            return VersionJSON(
                commit: c.hash, date: c.day.iso, author_date: c.authorDate, author: c.author, subject: c.subject,
                path: c.path, loaded: s != nil, problem: e.problem, as_of: s?.asOf.iso, people: s?.people,
                shares: s.map { SharesJSON($0.shares) }, gaps: s?.gaps,
                changes: e.changes.map { ch in
                    ChangesJSON(
                        people_added: ch.added.map { PersonJSON(id: $0.id, name: $0.name) },
                        people_removed: ch.removed.map { PersonJSON(id: $0.id, name: $0.name) },
                        stance_changes: ch.stances.map {
                            StanceJSON(
                                id: $0.id, name: $0.name, from: $0.from.rawValue, to: $0.to.rawValue,
                                direction: $0.direction.rawValue, influence: $0.influence)
                        })
                })
        }
    }
}
