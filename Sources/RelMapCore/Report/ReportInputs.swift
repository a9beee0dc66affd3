/// Builds what an account page shows from the account alone: scores, gaps and the visit
/// plan. The diagram comes from the caller, because drawing it needs Graphviz, which the
/// core library does not link.
extension AccountReportInput {
    /// The page input for `analysis`: its gaps and the default five-visit plan (empty when
    /// planning finds nothing).
    public static func make(
        _ analysis: AccountAnalysis, svg: String?, svgProblem: String? = nil,
        history: AccountHistory? = nil
    ) -> AccountReportInput {
        let gaps = GapAdapters.reportGaps(GapFinder.gaps(in: analysis))
        // The default request names no id, so planning cannot fail on it; an empty plan
        // is shown as such rather than stopping the report.
        let visits = (try? VisitPlanner.plan(analysis)).map(PlanAdapters.reportVisits) ?? []
        return AccountReportInput(
            analysis: analysis, gaps: gaps, visits: visits, svg: svg, svgProblem: svgProblem,
            history: history)
    }
}
