/// Limits and defaults for reading account files (docs/limits.md).
///
/// The limits stop hostile or broken files early with a clear error instead of a hang or
/// a crash; the defaults are far above any real account (the benchmarks load one graph
/// of 100,000 people) and a flag raises them.
public struct LoadOptions: Sendable {
    /// Largest file read, in bytes.
    public var maxFileBytes: Int = 256 << 20
    /// Most YAML nodes one file may expand to, aliases included ("billion laughs").
    public var maxNodes: Int = 20_000_000
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int = 64
    /// Longest single text value, in characters.
    public var maxStringLength: Int = 100_000
    /// Most people in one account.
    public var maxPeople: Int = 1_000_000
    /// Most files read from one folder.
    public var maxFiles: Int = 100_000
    /// The day used when a file gives no `as_of`, and to judge a map's age.
    public var today: Day
    /// How a message past a limit names the setting that raises it (the CLI: its flag).
    public var settingNames: SettingNames = { $0.apiName }
    /// Whether to warn about people nobody on the team reaches. It is the one costly warning
    /// (a reach search per account, which analysis does again), so a caller that drops the
    /// warnings turns it off.
    public var warnsOfUnreachedPeople = true

    /// The default limits; `today` fills in a missing `as_of`.
    public init(today: Day) { self.today = today }
}
