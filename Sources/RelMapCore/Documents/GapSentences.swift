import Foundation

/// The one plain sentence each gap prints as (docs/gaps.md shows one per kind).
/// Formatting only: every number comes from the gap.
public enum GapSentences {
    /// The gap's sentence, naming people as the account file names them.
    public static func sentence(_ gap: Gap, in a: AccountAnalysis) -> String {
        sentence(gap, in: a, names: AnalysisTables.names(in: a))
    }

    /// The same sentence, with `names` from `AnalysisTables.names(in: a)` made once for
    /// all of an account's gaps: making it reads every person of the account.
    static func sentence(_ gap: Gap, in a: AccountAnalysis, names name: (String) -> String) -> String {
        switch gap.detail {
        case .topDecisionMakerNeverMet(let id, let reach, let stanceUnknown):
            var through = ", and nobody reaches them through others either"
            if reach > 0, let route = a.person(id)?.route, route.steps.count >= 2 {
                through =
                    "; we hear of them only through \(name(route.steps[route.steps.count - 2].to)) (reach \(Formatting.unit(reach)))"
            }
            return
                "Nobody on our team has ever met \(who(id, a)), the top decision-maker\(through): reaching the end of a deal without meeting them is very dangerous."
                + (stanceUnknown ? " Their stance is unknown too." : "")
        case .keyPersonNotReached(let id, let stanceUnknown):
            return "Nobody on our team reaches \(who(id, a, influence: true)), directly or through an ally"
                + (stanceUnknown ? ", and we do not know where they stand." : ".")
        case .keyPersonStanceUnknown(let id, _):
            // Only people we reach: for the others the not-reached or never-met gap says it.
            return "We do not know where \(who(id, a, influence: true)) stands."
        case .departmentNotContacted(let department, let people, let share, let buyingRole):
            let why =
                buyingRole
                ? "which takes part in the decision"
                : "which weighs in the decision although nobody there holds a buying role"
            return
                "Nobody on our team has a contact in \(department) (\(count(people.count, "person", "people")), \(percent(share)) of the influence), \(why)."
        case .staleContact(let member, let id, let strength, let current, let days):
            let when = days.map { "last contact \(Formatting.daysAgo($0))" } ?? "no date recorded"
            return
                "\(name(member))'s contact with \(who(id, a, influence: true)) has faded to \(Formatting.unit(current)) (\(strength.label), \(when))."
        case .singleThread(let risk):
            let group =
                "\(count(risk.lost.count, "person", "people")) holding \(percent(risk.lostShare)) of the influence (\(list(risk.lost.map(name))))"
            switch risk.point {
            case .member(let m):
                return "If \(name(m)) leaves our team, we lose our route to \(group)."
            case .person(let p):
                return "If \(who(p, a)) leaves the account, we lose our route to \(group)."
            case .contact(let m, let p):
                return "Our route to \(group) hangs on \(name(m))'s contact with \(name(p)) alone."
            case .tie(let from, let to, let type):
                let tie =
                    type == .ally
                    ? "the ally tie between \(name(from)) and \(name(to))" : "\(name(from))'s influence on \(name(to))"
                return "Our route to \(group) hangs on \(tie) alone."
            }
        case .influentialOpponent(let id, let stance, let influencers):
            let role = stance == .blocker ? "a blocker" : "a skeptic"
            guard !influencers.isEmpty else {
                return "\(who(id, a, influence: true)) is \(role), and nobody in the map is known to sway them."
            }
            let listed = influencers.prefix(3).map { i in
                let tie =
                    switch i.tie {
                    case .influences: "influences them"
                    case .ally: "ally"
                    case .manager: "their manager"
                    }
                let stanceWord = i.stance == .unknown ? "stance unknown" : i.stance.rawValue
                return "\(name(i.person)) (\(stanceWord), \(tie)\(i.reach > 0 ? ", we reach them" : ""))"
            }
            let more = influencers.count > 3 ? " and \(influencers.count - 3) more" : ""
            return "\(who(id, a, influence: true)) is \(role); they listen to \(listed.joined(separator: ", "))\(more)."
        case .noCoach:
            return "Nobody inside the account is a coach or champion for us: no one actively helps us win."
        case .narrowSupport(let id, let share, let known):
            guard let id else {
                return known == 0
                    ? "Nobody in the account is known to support us: we do not know anyone's stance yet."
                    : "Nobody in the account supports us yet: every stance we know is neutral or against us."
            }
            return "Our support rests on one person: \(who(id, a)) carries \(percent(100 * share)) of it."
        }
    }

    /// A short name for the kind, for tables: "top decision-maker never met".
    public static func kindLabel(_ kind: GapKind) -> String {
        switch kind {
        case .topDecisionMakerNeverMet: "top decision-maker never met"
        case .keyPersonNotReached: "key person not reached"
        case .keyPersonStanceUnknown: "key person, stance unknown"
        case .departmentNotContacted: "department with no contact"
        case .staleContact: "stale contact"
        case .singleThread: "single thread"
        case .influentialOpponent: "influential opponent"
        case .noCoach: "no coach"
        case .narrowSupport: "narrow support"
        }
    }

    /// "赵建国 (总经理)" or, with influence, "赵建国 (总经理, influence 100)".
    static func who(_ id: String, _ a: AccountAnalysis, influence: Bool = false) -> String {
        guard let p = a.person(id) else { return id }
        var parts: [String] = []
        if let title = p.person.title, !title.isEmpty { parts.append(title) }
        if influence { parts.append("influence \(String(format: "%.0f", p.influence))") }
        return parts.isEmpty ? p.person.name : "\(p.person.name) (\(parts.joined(separator: ", ")))"
    }

    /// "1 person", "6 people".
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// A 0...100 share as "41%", and "under 1%" for a sliver that rounds to nothing.
    static func percent(_ share: Double) -> String {
        share > 0 && share < 0.5 ? "under 1%" : String(format: "%.0f%%", share)
    }

    /// "a, b, c and 3 more".
    static func list(_ names: [String], limit: Int = 3) -> String {
        let shown = names.prefix(limit)
        if names.count <= limit {
            return shown.count <= 1
                ? shown.joined() : shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
        }
        return shown.joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
