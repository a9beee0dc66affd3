/// How an account moved over its committed versions: one entry per commit that changed
/// the file, oldest first (docs/history.md).
public struct AccountHistory: Sendable {
    /// The file as the user named it.
    public var path: String
    /// The versions shown, oldest first.
    public var entries: [HistoryEntry]
    /// The first day shown, when the history was cut with `since`.
    public var since: Day?

    /// A history of `entries`, oldest first; `AccountHistory.read` builds one from git.
    public init(path: String, entries: [HistoryEntry], since: Day? = nil) {
        self.path = path
        self.entries = entries
        self.since = since
    }

    /// The versions that did not load, oldest first.
    public var skipped: [HistoryEntry] { entries.filter { $0.snapshot == nil } }

    /// The newest version that loaded: its account names the history.
    public var latest: HistorySnapshot? { entries.last { $0.snapshot != nil }?.snapshot }
}

/// One commit's version of the account.
public struct HistoryEntry: Sendable {
    /// The commit this version comes from.
    public var commit: FileCommit
    /// The version's scores; nil when it did not load.
    public var snapshot: HistorySnapshot?
    /// Why the version was skipped (its first error); nil when it loaded.
    public var problem: String?
    /// What changed since the previous version that loaded; nil for a skipped version
    /// and for the first version that loaded.
    public var changes: HistoryChanges?

    /// One version; give `problem` when `snapshot` is nil.
    public init(commit: FileCommit, snapshot: HistorySnapshot?, problem: String? = nil, changes: HistoryChanges? = nil)
    {
        self.commit = commit
        self.snapshot = snapshot
        self.problem = problem
        self.changes = changes
    }
}

/// The figures of one version: what a history row and a trend chart show.
public struct HistorySnapshot: Sendable, Hashable {
    /// The account's id in this version.
    public var accountId: String
    /// The account's name in this version.
    public var accountName: String
    /// The day the version's map describes (its `as_of`, or the commit's day).
    public var asOf: Day
    /// How many people the version's map holds.
    public var people: Int
    /// Coverage, support, opposition and unknown stance in this version.
    public var shares: Shares
    /// Gaps by severity; nil when the history was read without gaps (the report's chart).
    public var gaps: SeverityCounts?

    /// The figures of one version, as `AccountHistory.read` computes them.
    public init(accountId: String, accountName: String, asOf: Day, people: Int, shares: Shares, gaps: SeverityCounts?) {
        self.accountId = accountId
        self.accountName = accountName
        self.asOf = asOf
        self.people = people
        self.shares = shares
        self.gaps = gaps
    }
}

/// People who joined or left the map, and stances that moved, between two versions.
public struct HistoryChanges: Sendable, Hashable {
    /// A person by id and name.
    public struct Named: Sendable, Hashable {
        /// The person's id.
        public var id: String
        /// The person's name in the version they are in.
        public var name: String
    }

    /// In the newer version's file order.
    public var added: [Named]
    /// In the older version's file order.
    public var removed: [Named]
    /// The most influential people first, as in `relmap diff`.
    public var stances: [AccountDiff.StanceChange]

    /// True when nobody joined or left and no stance moved.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && stances.isEmpty }
}
