/// Everything one account page shows, computed before any HTML is written: the report
/// only formats (scores, gaps and the plan are computed elsewhere).
public struct AccountReportInput: Sendable {
    /// The account's scores.
    public var analysis: AccountAnalysis
    /// The account's gaps, most severe first.
    public var gaps: [ReportGap]
    /// The planned visits, in the order to make them.
    public var visits: [ReportVisit]
    /// The buying-center diagram as SVG text from Graphviz, or nil when it could not be drawn.
    public var svg: String?
    /// Why there is no diagram, when there is none.
    public var svgProblem: String?
    /// The file's committed versions, for the trend chart; nil when it is not in git.
    public var history: AccountHistory?

    /// A page's input as given; `make` computes one from an analysis.
    public init(
        analysis: AccountAnalysis, gaps: [ReportGap], visits: [ReportVisit], svg: String?, svgProblem: String? = nil,
        history: AccountHistory? = nil
    ) {
        self.analysis = analysis
        self.gaps = gaps
        self.visits = visits
        self.svg = svg
        self.svgProblem = svgProblem
        self.history = history
    }
}

/// One gap as the report shows it.
public struct ReportGap: Sendable, Hashable {
    /// critical, high, medium or low.
    public var severity: String
    /// The gap kind's identifier (`GapKind`'s raw value).
    public var kind: String
    /// The gap in one sentence a sales manager understands.
    public var sentence: String

    /// A gap as shown; nothing is checked.
    public init(severity: String, kind: String, sentence: String) {
        self.severity = severity
        self.kind = kind
        self.sentence = sentence
    }
}

/// One planned visit as the report shows it.
public struct ReportVisit: Sendable, Hashable {
    /// The person to visit, by name.
    public var person: String
    /// The reasons for the visit, in one line.
    public var why: String
    /// Points of coverage and support the visit is expected to add.
    public var coverageGain: Double
    /// Points of support reach, 0...100 scale.
    public var supportGain: Double
    /// Who goes, and why.
    public var member: String
    /// The warmest way in, or the cold approach.
    public var route: String

    /// A visit as shown; nothing is checked.
    public init(person: String, why: String, coverageGain: Double, supportGain: Double, member: String, route: String) {
        self.person = person
        self.why = why
        self.coverageGain = coverageGain
        self.supportGain = supportGain
        self.member = member
        self.route = route
    }
}
