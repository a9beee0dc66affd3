/// Gaps in the shapes other parts of relmap take: the diff's `GapSource` and the report's
/// `ReportGap`. They only restate gaps found by `GapFinder`.
public enum GapAdapters {
    /// Plug into `DiffOptions.gaps` to get "gaps opened and closed" in `relmap diff`.
    public static let diffSource: GapSource = { analysis in
        let names = AnalysisTables.names(in: analysis)
        return GapFinder.gaps(in: analysis).gaps.map { g in
            DiffGap(
                key: g.key, severity: g.severity.rawValue, text: GapSentences.sentence(g, in: analysis, names: names),
                weight: Double(3 - g.severity.rank) * 1000 + g.weight)
        }
    }

    /// The report's form of each gap, most severe first.
    public static func reportGaps(_ report: GapReport) -> [ReportGap] {
        let names = AnalysisTables.names(in: report.analysis)
        return report.gaps.map {
            ReportGap(
                severity: $0.severity.rawValue, kind: $0.kind.rawValue,
                sentence: GapSentences.sentence($0, in: report.analysis, names: names))
        }
    }
}
