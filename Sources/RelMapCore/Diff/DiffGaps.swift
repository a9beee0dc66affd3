/// One gap as the diff sees it: a key that stays the same while the gap stays open, so
/// that two versions can be matched, and the words to show.
///
/// The diff does not find gaps itself: a `GapSource` lists an analysis's gaps, which
/// keeps the gap rules in one place (Gaps/) and lets the diff run without them.
public struct DiffGap: Sendable, Hashable, Comparable {
    /// Stable across versions, e.g. `not-reached:zhao` or `no-coach`.
    public var key: String
    /// `high`, `medium`, `low`, or whatever the gap analysis calls its levels.
    public var severity: String
    /// The gap's one-line reason.
    public var text: String
    /// Sorts gaps most severe first; a larger number is more severe.
    public var weight: Double

    /// A gap as the diff compares it; `weight` 0 sorts it by key alone.
    public init(key: String, severity: String, text: String, weight: Double = 0) {
        self.key = key
        self.severity = severity
        self.text = text
        self.weight = weight
    }

    /// Most severe (largest weight) first, then by key, so the order never depends on input order.
    public static func < (a: DiffGap, b: DiffGap) -> Bool {
        (-a.weight, a.key) < (-b.weight, b.key)
    }
}

/// Lists the gaps of one analysis. Plug one into `DiffOptions.gaps` to get the
/// "gaps opened and closed" section.
public typealias GapSource = @Sendable (AccountAnalysis) -> [DiffGap]

/// Gaps found in the new version and not the old (opened), and the reverse (closed),
/// most severe first.
public struct GapChanges: Sendable, Hashable {
    /// Gaps the new version has and the old did not, most severe first.
    public var opened: [DiffGap]
    /// Gaps the old version had and the new does not, most severe first.
    public var closed: [DiffGap]

    /// True when no gap opened or closed.
    public var isEmpty: Bool { opened.isEmpty && closed.isEmpty }

    /// Matches gaps by key; a gap in both versions is neither opened nor closed.
    public static func between(old: [DiffGap], new: [DiffGap]) -> GapChanges {
        let oldKeys = Set(old.map(\.key)), newKeys = Set(new.map(\.key))
        return GapChanges(
            opened: new.filter { !oldKeys.contains($0.key) }.sorted(),
            closed: old.filter { !newKeys.contains($0.key) }.sorted())
    }
}
