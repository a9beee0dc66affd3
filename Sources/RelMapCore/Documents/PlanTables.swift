/// The tables `relmap plan` prints. Formatting only.
public enum PlanTables {
    /// One row per visit: who, why, gains, who goes, the way in.
    public static func visits(_ plan: VisitPlan) -> Table {
        let names = AnalysisTables.names(in: plan.analysis)
        return Table(
            columns: [
                .init("#", .right), .init("visit", maxWidth: 40), .init("why", maxWidth: 90),
                .init("coverage", .right), .init("support", .right), .init("who goes", maxWidth: 30),
                .init("why them", maxWidth: 110), .init("warmest route in", maxWidth: 160),
            ],
            rows: plan.visits.map { v in
                [
                    String(v.number), GapSentences.who(v.person, plan.analysis),
                    PlanText.reasons(v.reasons, names: names),
                    "+" + Formatting.score(v.gain.coverage), "+" + Formatting.score(v.gain.supportReach),
                    PlanText.who(v, names: names),
                    PlanText.whyThem(v, in: plan.analysis, names: names), PlanText.way(v, names: names),
                ]
            })
    }

    /// One row per visit per account, for CSV, with ids beside names.
    public static func csv(_ plans: [VisitPlan]) -> Table {
        Table(
            columns: [
                "account", "number", "person", "name", "member", "why", "coverage_gain", "support_gain",
                "reach_before", "reach_after", "route", "route_strength", "companion", "why_them",
            ].map { Table.Column($0) },
            rows: plans.flatMap { plan in
                let names = AnalysisTables.names(in: plan.analysis)
                return plan.visits.map { v in
                    [
                        plan.analysis.account.id, String(v.number), v.person, names(v.person), v.member,
                        PlanText.reasons(v.reasons, names: names), Formatting.score(v.gain.coverage),
                        Formatting.score(v.gain.supportReach), Formatting.unit(v.reachBefore),
                        Formatting.unit(v.reachAfter),
                        PlanText.way(v, names: names), v.route.map { Formatting.unit($0.strength) } ?? "",
                        v.companion ?? "", PlanText.whyThem(v, in: plan.analysis, names: names),
                    ]
                }
            })
    }

    /// What to say when the plan is empty; `settings` spells the setting it may name.
    public static func emptyNote(_ plan: VisitPlan, settings: SettingNames = { $0.apiName }) -> String {
        let senders =
            plan.request.member.map { [$0] }
            ?? plan.analysis.account.team.map(\.id).filter { !plan.request.excluded.contains($0) }
        if plan.request.visits <= 0 { return "no visits asked for" }
        if senders.isEmpty { return "nobody on our team to send" }
        if plan.notes.contains(.capacityUsed) { return PlanText.note(.capacityUsed, names: { $0 }, settings: settings) }
        if case .stoppedBelowGain(let t)? = plan.notes.first {
            return PlanText.note(.stoppedBelowGain(threshold: t), names: { $0 })
        }
        return "no visit would raise coverage or support reach"
    }
}
