/// Everything one account page shows, computed before any HTML is written: the report
/// only formats (scores, gaps and the plan are computed elsewhere).
public struct AccountReportInput: Sendable {
    public var analysis: AccountAnalysis
    public var gaps: [ReportGap]
    public var visits: [ReportVisit]
    /// The buying-center diagram as SVG text from Graphviz, or nil when it could not be drawn.
    public var svg: String?
    /// Why there is no diagram, when there is none.
    public var svgProblem: String?
    /// The file's committed versions, for the trend chart; nil when it is not in git.
    public var history: AccountHistory?

    public init(analysis: AccountAnalysis, gaps: [ReportGap], visits: [ReportVisit], svg: String?, svgProblem: String? = nil,
                history: AccountHistory? = nil) {
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
    public var kind: String
    public var sentence: String

    public init(severity: String, kind: String, sentence: String) {
        self.severity = severity
        self.kind = kind
        self.sentence = sentence
    }
}

/// One planned visit as the report shows it.
public struct ReportVisit: Sendable, Hashable {
    public var person: String
    public var why: String
    /// Points of coverage and support the visit is expected to add.
    public var coverageGain: Double
    public var supportGain: Double
    public var member: String
    public var route: String

    public init(person: String, why: String, coverageGain: Double, supportGain: Double, member: String, route: String) {
        self.person = person
        self.why = why
        self.coverageGain = coverageGain
        self.supportGain = supportGain
        self.member = member
        self.route = route
    }
}
