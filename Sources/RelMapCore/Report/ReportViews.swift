/// What the templates see: every value already formatted as text. Plain structs, read by
/// swift-mustache through reflection, so the field names here are the template's names.
struct MetricView { let label, value, kind: String; let width: String }
struct BarView { let kind, value, width: String }
struct DepartmentView { let name: String; let people, contacted: Int; let bars: [BarView] }
struct PersonView {
    let rank: Int
    let name, id, title, department, roles, stance, stanceSort, influence, reach, route: String
}
struct GapView { let severity, severityLabel, sentence: String }
struct VisitView { let person, why, coverageGain, supportGain, member, route: String }
struct TrendLegendView { let name, colour, dash, values: String }

struct AccountPageView {
    let lang, title, css, js, scriptHash: String
    let stamp: String?
    let name, id, facts, asOf: String
    let metrics: [MetricView]
    /// The trend chart (our own escaped SVG, `TrendChart`), when the file has history in git.
    let hasTrend: Bool
    let trendSVG, trendCaption: String
    let trendLegend: [TrendLegendView]
    let hasSVG: Bool
    let svg: String
    /// The diagram's width / height, so its box has the diagram's shape.
    let aspect: String
    let svgProblem: String
    let gapCount: Int
    let hasGaps: Bool
    let gaps: [GapView]
    let hasVisits: Bool
    let visits: [VisitView]
    let departments: [DepartmentView]
    let people: [PersonView]
}

struct PortfolioRowView {
    let href, name, id, asOf, tier, stage, value, valueSort, coverage, support, opposition: String
    let critical, high: Int
    let risk, riskSort, topGap, nextVisit: String
    /// Why the account has no diagram (its page says so where the diagram would be), or nil.
    let noDiagram: String?
}
struct ShareView { let name, share: String }
struct MixRowView { let tier: String; let counts: [Int]; let total: Int }
struct SkippedView { let path: String; let errors: Int; let first: String }

struct ConcentrationView {
    let currency: String
    let total: String
    let topFifthShare: String
    let topFifthCount: Int
    let herfindahl, effective: String
    let top: [ShareView]
}

struct PortfolioPageView {
    let lang, title, css, js, scriptHash: String
    let stamp: String?
    let accountCount: Int
    let totalValue: String?
    let hasSkipped: Bool
    let skipped: [SkippedView]
    let rows: [PortfolioRowView]
    let concentrations: [ConcentrationView]
    let stages: [String]
    let mix: [MixRowView]
}
