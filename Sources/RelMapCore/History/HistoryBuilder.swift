import Foundation

/// Settings for reading a history.
public struct HistoryOptions: Sendable {
    /// Show only commits authored on or after this day. The first one shown is still
    /// compared with the version before it.
    public var since: Day?
    /// Read only the newest this many commits (the report's chart reads a bounded number).
    public var limit: Int?
    /// Count gaps by severity in each version (the chart does not need them).
    public var gaps = true
    /// Limits for loading each version; `today` is replaced by each commit's day, so a
    /// history never depends on the day it is read.
    public var load = LoadOptions(today: Day(daysSinceEpoch: 0))

    /// Every commit (or the newest `limit`) from `since` on, gaps counted, versions loaded with the default limits.
    public init(since: Day? = nil, limit: Int? = nil) {
        self.since = since
        self.limit = limit
    }
}

extension AccountHistory {
    /// Reads every committed version of the account file at `path` from git and scores
    /// each one. Versions that do not load are kept as skipped entries, with the reason.
    public static func read(_ path: String, options: HistoryOptions = HistoryOptions()) throws(GitHistoryError)
        -> AccountHistory
    {
        let commits = try GitFileLog.commits(of: path, limit: options.limit)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let contents = try GitFileLog.contents(of: commits, in: folder)
        return build(path: path, versions: Array(zip(commits, contents).reversed()), options: options)
    }

    /// Scores versions given oldest first. Pure: the same versions give the same history.
    /// Versions are loaded and scored in parallel; only those shown and the one before
    /// the first shown are loaded.
    public static func build(path: String, versions: [(commit: FileCommit, data: Data?)], options: HistoryOptions)
        -> AccountHistory
    {
        let first = options.since.map { since in versions.firstIndex { $0.commit.day >= since } ?? versions.count } ?? 0
        let shown = ParallelMap.map(versions.count - first) { score(versions[first + $0], options: options) }
        // The newest earlier version that loads, to compare the first one shown with.
        var previous: Scored?
        for i in stride(from: first - 1, through: 0, by: -1) {
            let s = score(versions[i], options: options)
            if s.analysis != nil { previous = s; break }
        }
        var entries: [HistoryEntry] = []
        for s in shown {
            guard let analysis = s.analysis, let snapshot = s.snapshot else {
                entries.append(HistoryEntry(commit: s.commit, snapshot: nil, problem: s.problem))
                continue
            }
            let changes = previous?.analysis.map { changesBetween(old: $0, new: analysis) }
            entries.append(HistoryEntry(commit: s.commit, snapshot: snapshot, changes: changes))
            previous = s
        }
        return AccountHistory(path: path, entries: entries, since: options.since)
    }

    private struct Scored: Sendable {
        var commit: FileCommit
        var analysis: AccountAnalysis?
        var snapshot: HistorySnapshot?
        var problem: String?
    }

    private static func score(_ version: (commit: FileCommit, data: Data?), options: HistoryOptions) -> Scored {
        let commit = version.commit
        guard let data = version.data else {
            let why = commit.object == nil ? "the commit deleted the file" : "git could not read this version"
            return Scored(commit: commit, problem: why)
        }
        var load = options.load
        load.today = commit.day
        let loaded = AccountLoader.load(data: data, path: commit.versionName, options: load)
        guard let account = loaded.account else {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            let first = errors.first.map(\.inline) ?? "it does not load"
            let more = errors.count > 1 ? " (and \(errors.count - 1) more error\(errors.count == 2 ? "" : "s"))" : ""
            return Scored(commit: commit, problem: first + more)
        }
        let analysis = Analyzer.analyze(account)
        let gaps = options.gaps ? GapFinder.gaps(in: analysis).counts : nil
        let snapshot = HistorySnapshot(
            accountId: account.id, accountName: account.name, asOf: account.asOf,
            people: account.people.count, shares: analysis.shares, gaps: gaps)
        return Scored(commit: commit, analysis: analysis, snapshot: snapshot)
    }

    /// People added and removed (matched by id) and stances moved, as `relmap diff` sees them.
    static func changesBetween(old: AccountAnalysis, new: AccountAnalysis) -> HistoryChanges {
        let before = Dictionary(old.account.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Set(new.account.people.map(\.id))
        var stances: [AccountDiff.StanceChange] = []
        for p in new.people {
            guard let was = before[p.person.id], was.stance != p.person.stance else { continue }
            stances.append(
                AccountDiff.StanceChange(
                    id: p.person.id, name: p.person.name, from: was.stance, to: p.person.stance,
                    direction: AccountDiff.direction(was.stance, p.person.stance), influence: p.influence))
        }
        stances.sort { ($0.influence, $1.id) > ($1.influence, $0.id) }
        return HistoryChanges(
            added: new.account.people.filter { before[$0.id] == nil }.map { .init(id: $0.id, name: $0.name) },
            removed: old.account.people.filter { !after.contains($0.id) }.map { .init(id: $0.id, name: $0.name) },
            stances: stances)
    }
}
