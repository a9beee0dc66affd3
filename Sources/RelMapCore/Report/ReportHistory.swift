/// How the report reads an account's history for its trend chart: the newest
/// `versions` commits of the file, without gaps (the chart does not show them). Two git
/// processes per account file, next to the Graphviz process each diagram already takes
/// (docs/history.md, "In the report").
public enum ReportHistory {
    /// Most versions one chart shows.
    public static let versions = 30

    /// The file's history, or nil when it is not in git (or git is missing): the page
    /// then shows no chart, which is not an error.
    public static func read(_ path: String) -> AccountHistory? {
        var options = HistoryOptions(limit: versions)
        options.gaps = false
        return try? AccountHistory.read(path, options: options)
    }
}
