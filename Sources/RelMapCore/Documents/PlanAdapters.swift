/// Planned visits in the shape the HTML report takes (`ReportVisit`). It only restates a
/// plan made by `VisitPlanner`.
public enum PlanAdapters {
    /// The report's form of each visit, in plan order, with names rather than ids.
    public static func reportVisits(_ plan: VisitPlan) -> [ReportVisit] {
        let names = AnalysisTables.names(in: plan.analysis)
        return plan.visits.map { v in
            ReportVisit(
                person: names(v.person), why: PlanText.reasons(v.reasons, names: names),
                coverageGain: v.gain.coverage, supportGain: v.gain.supportReach,
                member: PlanText.who(v, names: names), route: PlanText.way(v, names: names))
        }
    }
}
