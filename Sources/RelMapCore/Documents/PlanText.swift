import Foundation

/// The words of the visit plan: reasons, routes, cold approaches. Formatting only.
public enum PlanText {
    /// "周明 -> 钱生产 (strong, 12 days ago) -> 孙工 (ally) -> 郑研 (influences)".
    public static func route(_ route: IntroductionRoute, names: (String) -> String) -> String {
        var out = names(route.member)
        for step in route.steps {
            switch step {
            case .contact(_, let p, let strength, let days, let planned):
                let when = planned.map { "planned visit \($0)" } ?? days.map(Formatting.daysAgo) ?? "no date"
                out += " -> \(names(p)) (\(strength.label), \(when))"
            case .tie(_, let q, let type):
                out += " -> \(names(q)) (\(type.rawValue))"
            }
        }
        return out
    }

    /// The route with its strength, or the cold approach.
    public static func way(_ v: PlannedVisit, names: (String) -> String) -> String {
        if let r = v.route { return "\(route(r, names: names)); strength \(Formatting.unit(r.strength))" }
        return "no warm route: cold approach via "
            + cold(v.coldApproach ?? .formalRequest(department: nil), names: names)
    }

    /// "马文静 (their manager), whom 王磊 knows" or "a formal request to 财务部".
    public static func cold(_ c: ColdApproach, names: (String) -> String) -> String {
        switch c {
        case .throughColleague(let person, let member, let relation, let planned):
            "\(names(person)) (\(relation.rawValue)), whom \(names(member)) "
                + (planned.map { "will have met (visit \($0))" } ?? "knows")
        case .formalRequest(let department):
            department.map { "a formal request to \($0)" } ?? "a formal request"
        }
    }

    /// "top decision-maker, never met; learn where they stand".
    public static func reasons(_ reasons: [VisitReason], names: (String) -> String) -> String {
        reasons.map { reason(_: $0, names: names) }.joined(separator: "; ")
    }

    /// One reason: "first contact in 财务部".
    public static func reason(_ r: VisitReason, names: (String) -> String) -> String {
        switch r {
        case .topDecisionMakerNeverMet: "top decision-maker, never met"
        case .keyPersonNotReached: "key person nobody reaches"
        case .departmentNotContacted(let d): "first contact in \(d)"
        case .staleContact(let m, let days):
            "refresh \(names(m))'s stale contact (" + (days.map(Formatting.daysAgo) ?? "no date") + ")"
        case .stanceUnknown: "learn where they stand"
        case .opensRoute(let n): "opens a route to \(n) more \(n == 1 ? "person" : "people")"
        case .raisesReach(let a, let b): "reach \(Formatting.unit(a)) -> \(Formatting.unit(b))"
        case .secondThread(let m, let share):
            "second thread: \(names(m)) alone reaches \(Formatting.percent(share / 100)) of the influence"
        }
    }

    /// "coverage 21.2 -> 35.4 (+14.2)  support reach 12.3 -> 20.1 (+7.8)  after 5 visits",
    /// then "; no further visit adds more than 1 point" when the plan stopped early.
    public static func summary(_ plan: VisitPlan, settings: SettingNames = { $0.apiName }) -> String {
        func part(_ name: String, _ a: Double, _ b: Double) -> String {
            "\(name) \(Formatting.score(a)) -> \(Formatting.score(b)) (+\(Formatting.score(b - a)))"
        }
        let n = plan.visits.count
        let names = AnalysisTables.names(in: plan.analysis)
        return part("coverage", plan.before.coverage, plan.after.coverage) + "  "
            + part("support reach", plan.before.supportReach, plan.after.supportReach)
            + "  after \(n) visit\(n == 1 ? "" : "s")"
            + plan.notes.map { "; " + note($0, names: names, settings: settings) }.joined()
    }

    /// "no further visit adds more than 1 point"; `settings` spells the setting a note names.
    public static func note(
        _ n: PlanNote, names: (String) -> String, settings: SettingNames = { $0.apiName }
    ) -> String {
        switch n {
        case .stoppedBelowGain(let t):
            "no further visit adds more than \(String(format: "%g", t)) point\(t == 1 ? "" : "s")"
        case .noGain: "no further visit raises coverage or support reach"
        case .capacityUsed: "every member has used their \(settings(.capacity))"
        case .oneMember(let m): "\(names(m)) is the only one to send, so the only thread to all we reach"
        }
    }

    /// "刘振华" or "王磊 + 陈思远": who goes on the visit.
    public static func who(_ v: PlannedVisit, names: (String) -> String) -> String {
        names(v.member) + (v.companion.map { " + " + names($0) } ?? "")
    }

    /// Why they go: "刘振华, executive sponsor: peer of 总经理; 王磊, account manager: knows
    /// them (medium, 12 days ago)".
    public static func whyThem(_ v: PlannedVisit, in a: AccountAnalysis, names: (String) -> String) -> String {
        func one(_ m: String, _ reasons: [MemberReason]) -> String {
            let role = a.account.member(m)?.role.map { ", " + $0 } ?? ""
            let why = reasons.map { memberReason($0, names: names) }.joined(separator: "; ")
            return names(m) + role + (why.isEmpty ? "" : ": " + why)
        }
        return one(v.member, v.memberReasons) + (v.companion.map { " + " + one($0, v.companionReasons) } ?? "")
    }

    /// One reason for a member: "peer of 总经理", "knows them (strong, 3 days ago)".
    public static func memberReason(_ r: MemberReason, names: (String) -> String) -> String {
        switch r {
        case .peerOfTop(let title): "peer of " + (title ?? "the top of the account")
        case .peerOfBuyer(let role): "peer of a \(role == .technicalBuyer ? "technical" : "user") buyer"
        case .sponsorOfBuyer(let role): "sponsor for \(role == .decisionMaker ? "a decision-maker" : "a budget holder")"
        case .knowsPerson(let strength, let days):
            "knows them (\(strength.label), " + (days.map(Formatting.daysAgo) ?? "no date") + ")"
        case .routeStartsHere: "the warmest route in starts with them"
        case .ownsAccount: "owns the account"
        case .spreads(let instead, let thread, let share):
            "spreads threads (" + (instead == thread ? "" : "if \(names(instead)) went, ")
                + "\(names(thread)) would be our only one to \(Formatting.percent(share / 100)))"
        case .onlyOneToSend: "the only one to send"
        }
    }
}
