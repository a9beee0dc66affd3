/// How many gaps of each severity an account has.
public struct SeverityCounts: Sendable, Hashable, Codable {
    /// Critical gaps.
    public var critical = 0
    /// High gaps.
    public var high = 0
    /// Medium gaps.
    public var medium = 0
    /// Low gaps.
    public var low = 0

    /// The counts of `gaps` by severity; no gaps gives all zeros.
    public init(_ gaps: [Gap] = []) {
        for gap in gaps {
            switch gap.severity {
            case .critical: critical += 1
            case .high: high += 1
            case .medium: medium += 1
            case .low: low += 1
            }
        }
    }

    /// The count of one severity.
    public subscript(severity: GapSeverity) -> Int {
        switch severity {
        case .critical: critical
        case .high: high
        case .medium: medium
        case .low: low
        }
    }
}

/// The gaps of one account, with the scores they were found from.
public struct GapReport: Sendable {
    /// The scores the gaps were found from.
    public var analysis: AccountAnalysis
    /// Most severe first (see `GapFinder.gaps`).
    public var gaps: [Gap]
    /// The rules the gaps were found and weighed with.
    public var parameters: GapParameters
    /// How many gaps of each severity were found: all of them, also after `atLeast` has
    /// left the milder ones out of `gaps`.
    public var counts: SeverityCounts

    /// Only the gaps at `minimum` severity or worse; `counts` still counts all.
    public func atLeast(_ minimum: GapSeverity) -> GapReport {
        var copy = self
        copy.gaps = gaps.filter { $0.severity <= minimum }
        return copy
    }
}

/// Finds the gaps in our coverage of an account (docs/gaps.md).
public enum GapFinder {
    /// Every gap of the analysis. Pure: the same analysis gives the same list.
    ///
    /// Order: severity (critical first), then kind in `GapKind` order, then each kind's
    /// own order (people most influential first; stale contacts by the person's
    /// influence; single threads by influence lost). Cost: O(n + m) for every kind, single
    /// threads included (two dominator trees and a few small searches, `SingleThread.risks`).
    public static func gaps(in analysis: AccountAnalysis, parameters: GapParameters = GapParameters()) -> GapReport {
        let neverMet = PersonGaps.neverMet(analysis, parameters)
        let skip = Set(neverMet.flatMap(\.people))
        var found: [Gap] = neverMet
        let notReached = PersonGaps.notReached(analysis, parameters, skipping: skip)
        found += byInfluence(notReached, analysis)
        // One gap per person: the two above already say when a stance is unknown.
        found += byInfluence(
            PersonGaps.stanceUnknown(analysis, parameters, skipping: skip.union(notReached.flatMap(\.people))), analysis
        )
        found += AccountGaps.departmentsNotContacted(analysis, parameters)
        found += StaleContacts.gaps(analysis, parameters)
        let threads = SingleThread.significant(
            SingleThread.risks(in: analysis), in: analysis, keyInfluence: parameters.keyInfluence)
        found += threads.map { risk in
            let weight =
                parameters.singleThreadHole
                * AccountGaps.groupWeight(share: risk.lostShare, top: risk.topLostInfluence, parameters)
            return Gap(detail: .singleThread(risk), weight: weight, parameters: parameters)
        }
        found += byInfluence(PersonGaps.opponents(analysis, parameters), analysis)
        found += AccountGaps.noCoach(analysis, parameters)
        found += AccountGaps.narrowSupport(analysis, parameters)
        let kindOrder = Dictionary(uniqueKeysWithValues: GapKind.allCases.enumerated().map { ($1, $0) })
        // Each gap's severity and kind are looked up once, not in every comparison.
        let rank = found.map { (severity: $0.severity, kind: kindOrder[$0.kind] ?? 0) }
        let ordered = found.indices.sorted { i, j in
            let (a, b) = (rank[i], rank[j])
            if a.severity != b.severity { return a.severity < b.severity }
            return a.kind != b.kind ? a.kind < b.kind : i < j
        }.map { found[$0] }
        return GapReport(analysis: analysis, gaps: ordered, parameters: parameters, counts: SeverityCounts(ordered))
    }

    /// Person gaps most influential first, then by id.
    private static func byInfluence(_ gaps: [Gap], _ analysis: AccountAnalysis) -> [Gap] {
        // Each gap's influence is looked up (by id) once, not in every comparison; sorting
        // the positions compares exactly as sorting the gaps did.
        let influence = gaps.map { g in g.people.first.flatMap { analysis.person($0)?.influence } ?? 0 }
        return gaps.indices.sorted { i, j in
            let (x, y) = (influence[i], influence[j])
            return x != y ? x > y : gaps[i].key < gaps[j].key
        }.map { gaps[$0] }
    }
}
