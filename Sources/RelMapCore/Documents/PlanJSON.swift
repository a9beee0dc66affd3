import Foundation

/// The `relmap.plan/1` JSON document (docs/plan.md, "JSON"). Field names are snake_case
/// and stable; new fields may be added, none renamed or removed within version 1.
/// The document's name and version, the first thing a reader should check.
public struct PlanDocument: JSONDocument, Sendable {
    /// The document's name and version, the first thing a reader should check.
    public let schema = "relmap.plan/1"
    /// One entry per account, in the order given.
    public var accounts: [PlanAccountJSON]

    /// The document for these plans; `settings` spells the settings the notes' texts name.
    public init(_ plans: [VisitPlan], settings: SettingNames = { $0.apiName }) {
        accounts = plans.map { PlanAccountJSON($0, settings: settings) }
    }
}

/// Coverage and support reach, 0...100.
public struct PlanScoreJSON: Encodable, Sendable {
    var coverage, support_reach: Double
    init(_ s: PlanScore) {
        coverage = s.coverage
        support_reach = s.supportReach
    }
}

/// One account's plan in `relmap.plan/1`.
public struct PlanAccountJSON: Encodable, Sendable {
    var id, name, as_of: String
    var file: String?
    var member: String?
    var excluded: [String]
    var visit_strength: Double
    var before, after: PlanScoreJSON
    var visits: [VisitJSON]
    /// `--capacity` as asked, and why the plan stopped early (stable codes).
    var capacity: [String: Int]
    var notes: [String]
    var notes_text: [String]

    init(_ plan: VisitPlan, settings: SettingNames) {
        let a = plan.analysis.account
        id = a.id
        name = a.name
        as_of = a.asOf.iso
        file = a.location?.file
        member = plan.request.member
        excluded = plan.request.excluded.sorted()
        visit_strength = plan.parameters.visitStrength.value
        before = PlanScoreJSON(plan.before)
        after = PlanScoreJSON(plan.after)
        let names = AnalysisTables.names(in: plan.analysis)
        visits = plan.visits.map { VisitJSON($0, in: plan.analysis, names: names) }
        capacity = plan.request.capacity
        notes = plan.notes.map { n in
            switch n {
            case .stoppedBelowGain: "stopped-below-gain"
            case .noGain: "no-gain"
            case .capacityUsed: "capacity-used"
            case .oneMember(let m): "one-member:\(m)"
            }
        }
        notes_text = plan.notes.map { PlanText.note($0, names: names, settings: settings) }
    }
}

/// One planned visit in `relmap.plan/1`.
public struct VisitJSON: Encodable, Sendable {
    var number: Int
    var person, name, member, why: String
    var reasons: [String]
    var companion: String?
    var member_reasons, companion_reasons: [String]
    var why_them: String
    var gain: PlanScoreJSON
    var reach_before, reach_after, contact_strength: Double
    var route: [IntroStepJSON]?
    var route_strength: Double?
    var route_text: String
    var cold_approach: ColdJSON?

    struct IntroStepJSON: Encodable, Sendable {
        var from, to, kind: String
        var strength: String?
        var days_ago, planned_visit: Int?
        var factor: Double
    }

    struct ColdJSON: Encodable, Sendable {
        var kind: String
        var person, member, relation, department: String?
        var planned_visit: Int?
    }

    init(_ v: PlannedVisit, in a: AccountAnalysis, names: (String) -> String) {
        number = v.number
        person = v.person
        name = names(v.person)
        member = v.member
        companion = v.companion
        member_reasons = v.memberReasons.map(Self.code)
        companion_reasons = v.companionReasons.map(Self.code)
        why_them = PlanText.whyThem(v, in: a, names: names)
        why = PlanText.reasons(v.reasons, names: names)
        reasons = v.reasons.map(Self.code)
        gain = PlanScoreJSON(v.gain)
        reach_before = v.reachBefore
        reach_after = v.reachAfter
        contact_strength = v.strength.value
        route = v.route.map { r in
            zip(r.steps, r.factors).map { step, factor in
                switch step {
                case .contact(let m, let p, let s, let d, let planned):
                    IntroStepJSON(
                        from: m, to: p, kind: "contact", strength: s.label, days_ago: d, planned_visit: planned,
                        factor: factor)
                case .tie(let f, let t, let type):
                    IntroStepJSON(from: f, to: t, kind: type.rawValue, factor: factor)
                }
            }
        }
        route_strength = v.route?.strength
        route_text = PlanText.way(v, names: names)
        cold_approach = v.coldApproach.map { c in
            switch c {
            case .throughColleague(let p, let m, let r, let planned):
                ColdJSON(kind: "colleague", person: p, member: m, relation: r.rawValue, planned_visit: planned)
            case .formalRequest(let d): ColdJSON(kind: "formal-request", department: d)
            }
        }
    }

    /// Stable codes for why a member goes: `peer-of-top`, `peer-of-buyer:technical-buyer`,
    /// `knows-person`, `route-starts-here`, `owns-account`, `spreads:MEMBER`, `only-one-to-send`.
    static func code(_ r: MemberReason) -> String {
        switch r {
        case .peerOfTop: "peer-of-top"
        case .peerOfBuyer(let role): "peer-of-buyer:\(role.rawValue)"
        case .sponsorOfBuyer(let role): "sponsor-of-buyer:\(role.rawValue)"
        case .knowsPerson: "knows-person"
        case .routeStartsHere: "route-starts-here"
        case .ownsAccount: "owns-account"
        case .spreads(_, let thread, _): "spreads:\(thread)"
        case .onlyOneToSend: "only-one-to-send"
        }
    }

    /// Stable codes for reasons: `top-decision-maker-never-met`, `department-not-contacted:财务部`...
    static func code(_ r: VisitReason) -> String {
        switch r {
        case .topDecisionMakerNeverMet: "top-decision-maker-never-met"
        case .keyPersonNotReached: "key-person-not-reached"
        case .departmentNotContacted(let d): "department-not-contacted:\(d)"
        case .staleContact(let m, _): "stale-contact:\(m)"
        case .stanceUnknown: "stance-unknown"
        case .opensRoute(let n): "opens-route:\(n)"
        case .raisesReach: "raises-reach"
        case .secondThread(let m, _): "second-thread:\(m)"
        }
    }
}
