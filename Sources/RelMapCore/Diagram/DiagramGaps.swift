/// A gap the diagram marks on a person: a red outline and a red band in the label.
public enum DiagramGapMark: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The top decision-maker has never been met by anyone on our team (docs/gaps.md:
    /// reaching the end of a deal without meeting them is "very dangerous").
    case topDecisionMakerNeverMet
    /// A key person (influence 60 or more) whom nobody on our team reaches, directly or
    /// through an ally.
    case keyPersonNotReached

    /// The words in the label's band.
    public var label: String {
        switch self {
        case .topDecisionMakerNeverMet: "never met"
        case .keyPersonNotReached: "not reached"
        }
    }

    /// The sentence in the tooltip and the legend.
    public var sentence: String {
        switch self {
        case .topDecisionMakerNeverMet: "top decision-maker: nobody on our team has met this person"
        case .keyPersonNotReached: "key person: nobody on our team reaches this person"
        }
    }

    /// The order marks are listed in: the gravest first.
    public static func < (a: DiagramGapMark, b: DiagramGapMark) -> Bool { a.rank < b.rank }

    private var rank: Int {
        switch self {
        case .topDecisionMakerNeverMet: 0
        case .keyPersonNotReached: 1
        }
    }
}

/// The gaps the diagram marks, derived from the analysis alone.
///
/// This is the one place the diagram decides what a gap is. It is deliberately small: the
/// full gap analysis (severities, reasons, stale contacts, bridges) lives in Gaps/, and
/// once it exists this function should ask it rather than repeat its rules.
public enum DiagramGaps {
    /// Influence at or above which an unreached person is marked (0...100 scale).
    public static let keyInfluence = 60.0

    /// The marks of each person who has any, by index into `analysis.people`.
    ///
    /// - A person with influence >= 60 and reach 0 is a key person not reached.
    /// - A decision-maker at the top of the reporting tree (no `reports_to`) with no direct
    ///   contact at all in `analysis.contacts`, however faded, was never met. Reach through
    ///   an ally does not count: someone else's word is not a meeting.
    ///
    /// O(people + contacts).
    public static func marks(in analysis: AccountAnalysis) -> [Int: [DiagramGapMark]] {
        let contacted = Set(analysis.contacts.map(\.person))
        var marks: [Int: [DiagramGapMark]] = [:]
        for (i, p) in analysis.people.enumerated() {
            var found: [DiagramGapMark] = []
            let isTop = i < analysis.graph.manager.count && analysis.graph.manager[i] < 0
            if isTop, p.person.roles.contains(.decisionMaker), !contacted.contains(p.person.id) {
                found.append(.topDecisionMakerNeverMet)
            }
            if p.influence >= keyInfluence, p.reach == 0 {
                found.append(.keyPersonNotReached)
            }
            if !found.isEmpty { marks[i] = found }
        }
        return marks
    }
}
