import Foundation

/// The `relmap.gaps/1` JSON document (docs/gaps.md, "JSON"). Field names are snake_case
/// and stable; new fields may be added, none renamed or removed within version 1.
/// The document's name and version, the first thing a reader should check.
public struct GapsDocument: JSONDocument, Sendable {
    /// The document's name and version, the first thing a reader should check.
    public let schema = "relmap.gaps/1"
    /// One entry per account, in the order given.
    public var accounts: [GapAccountJSON]

    /// The document for these gap reports.
    public init(_ reports: [GapReport]) {
        accounts = reports.map(GapAccountJSON.init)
    }
}

/// One account of `relmap.gaps/1`: its shares, counts and gaps.
public struct GapAccountJSON: Encodable, Sendable {
    var id, name: String
    var file: String?
    var as_of: String
    var shares: SharesJSON
    var counts: SeverityCounts
    var gaps: [GapItemJSON]

    init(_ r: GapReport) {
        let a = r.analysis
        id = a.account.id
        name = a.account.name
        file = a.account.location?.file
        as_of = a.account.asOf.iso
        shares = SharesJSON(a.shares)
        counts = r.counts
        let names = AnalysisTables.names(in: a)
        gaps = r.gaps.map { GapItemJSON($0, a, names: names) }
    }
}

/// One gap. `people`, `department` and `members` say whom it concerns; the kind's own
/// facts are in the optional fields below, present only for that kind.
public struct GapItemJSON: Encodable, Sendable {
    var kind, severity, key, sentence: String
    var weight: Double
    var people: [String]
    var department: String?
    var members: [String]
    /// top-decision-maker-never-met, key-person-stance-unknown: reach through others.
    var reach: Double?
    /// top-decision-maker-never-met, key-person-not-reached: whether the person's stance
    /// is unknown too (said in this gap, not in a key-person-stance-unknown gap).
    var stance_unknown: Bool?
    /// department-not-contacted: the department's share of the influence, 0...100, and
    /// whether someone in it holds a buying role (otherwise the share alone raised it).
    var influence_share: Double?
    var buying_role: Bool?
    /// stale-contact.
    var strength: String?
    var current: Double?
    var days_ago: Int?
    /// single-thread.
    var thread: ThreadJSON?
    /// influential-opponent.
    var stance: String?
    var influencers: [InfluencerJSON]?
    /// narrow-support: the share of support one person carries, 0...1, and how many
    /// people's stance we know.
    var support_share: Double?
    var stances_known: Int?

    struct ThreadJSON: Encodable, Sendable {
        var kind: String
        var member, person, from, to, tie: String?
        var lost_influence, lost_share: Double
    }

    struct InfluencerJSON: Encodable, Sendable {
        var id, tie, stance: String
        var strength, reach: Double
    }

    init(_ g: Gap, _ a: AccountAnalysis) { self.init(g, a, names: AnalysisTables.names(in: a)) }

    /// With `names` made once for all of an account's gaps (see `GapSentences.sentence`).
    init(_ g: Gap, _ a: AccountAnalysis, names: (String) -> String) {
        kind = g.kind.rawValue
        severity = g.severity.rawValue
        key = g.key
        sentence = GapSentences.sentence(g, in: a, names: names)
        weight = g.weight
        people = g.people
        department = g.department
        members = g.members
        switch g.detail {
        case .topDecisionMakerNeverMet(_, let r, let unknown):
            reach = r
            stance_unknown = unknown
        case .keyPersonStanceUnknown(_, let r):
            reach = r
        case .keyPersonNotReached(_, let unknown):
            stance_unknown = unknown
        case .noCoach:
            break
        case .departmentNotContacted(_, _, let share, let role):
            influence_share = share
            buying_role = role
        case .staleContact(_, _, let s, let c, let d):
            strength = s.label
            current = c
            days_ago = d
        case .singleThread(let risk):
            var t = ThreadJSON(kind: "", lost_influence: risk.lostInfluence, lost_share: risk.lostShare)
            switch risk.point {
            case .member(let m): (t.kind, t.member) = ("member", m)
            case .person(let p): (t.kind, t.person) = ("person", p)
            case .contact(let m, let p): (t.kind, t.member, t.person) = ("contact", m, p)
            case .tie(let f, let to, let type): (t.kind, t.from, t.to, t.tie) = ("tie", f, to, type.rawValue)
            }
            thread = t
        case .influentialOpponent(_, let s, let list):
            stance = s.rawValue
            influencers = list.map {
                InfluencerJSON(
                    id: $0.person, tie: $0.tie.rawValue, stance: $0.stance.rawValue,
                    strength: $0.strength, reach: $0.reach)
            }
        case .narrowSupport(_, let share, let known):
            support_share = share
            stances_known = known
        }
    }
}
