/// What changed in one account between two versions of its map: the quarterly review
/// a sales leader makes (docs/import.md, "What changed: relmap diff").
///
/// People are matched by id. Every list is in a stable order, so the same two files
/// always give the same diff.
public struct AccountDiff: Sendable {
    /// One side of the comparison.
    public struct Version: Sendable, Hashable {
        /// The account's id in this version.
        public var id: String
        /// The account's name in this version.
        public var name: String
        /// The day this version's map describes; contacts are faded up to it.
        public var asOf: Day
        /// The file, or `REV:path` for a version read from git.
        public var source: String?
    }

    /// A person who is in one version only, with their place in that version.
    public struct PersonEntry: Sendable, Hashable {
        /// The person as that version writes them.
        public var person: Person
        /// Their influence (0...100) in that version.
        public var influence: Double
        /// Their 1-based influence rank in that version.
        public var rank: Int
    }

    /// Which way a stance moved.
    public enum StanceDirection: String, Sendable, Hashable, Codable {
        /// Toward champion.
        case up
        /// Toward blocker.
        case down
        /// From unknown to a known stance.
        case learned
        /// From a known stance back to unknown.
        case lost
    }

    /// A person whose stance toward us moved.
    public struct StanceChange: Sendable, Hashable {
        /// The person's id.
        public var id: String
        /// The person's name in the new version.
        public var name: String
        /// The stance in the old version.
        public var from: Stance
        /// The stance in the new version.
        public var to: Stance
        /// Which way it moved, read from the stance scores.
        public var direction: StanceDirection
        /// The person's influence in the new version: how much the change matters.
        public var influence: Double
    }

    /// A person who took on or gave up buying roles.
    public struct RoleChange: Sendable, Hashable {
        /// The person's id.
        public var id: String
        /// The person's name in the new version.
        public var name: String
        /// Roles the new version gives and the old did not, heaviest first.
        public var added: [BuyingRole]
        /// Roles the old version gave and the new does not, heaviest first.
        public var removed: [BuyingRole]
    }

    /// A change of title, department, manager or the team's 1...5 judgment.
    public struct FieldChange: Sendable, Hashable {
        /// The person's id.
        public var id: String
        /// The person's name in the new version.
        public var name: String
        /// The account file's key: `title`, `department`, `reports_to`, `influence`, `level`.
        public var field: String
        /// The old value as text; nil when the old version left it out.
        public var from: String?
        /// The new value as text; nil when the new version leaves it out.
        public var to: String?
    }

    /// What happened to a contact between the versions.
    public enum ContactChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A team member reaches someone they did not before.
        case gained
        /// A contact that is no longer in the map.
        case lost
        /// Fresh before, older than the stale limit now.
        case stale
        /// Stale before, fresh again now.
        case revived
        /// The declared strength went up or down.
        case stronger, weaker
    }

    /// A change to one (team member, person) contact, with the contact as the scores
    /// saw it on each version's `as_of` day (nil on the side where it does not exist).
    public struct ContactChange: Sendable, Hashable {
        /// What happened to the contact.
        public var kind: ContactChangeKind
        /// The team member's id.
        public var member: String
        /// The team member's name, from the new version if they are still in it.
        public var memberName: String
        /// The person's id.
        public var person: String
        /// The person's name, from the new version if they are still in it.
        public var personName: String
        /// The contact in the old version; nil when it was gained.
        public var from: CurrentContact?
        /// The contact in the new version; nil when it was lost.
        public var to: CurrentContact?
    }

    /// A person present in both versions whose influence rank or score moved.
    public struct RankChange: Sendable, Hashable {
        /// The person's id.
        public var id: String
        /// The person's name in the new version.
        public var name: String
        /// The 1-based influence rank in the old version.
        public var fromRank: Int
        /// The 1-based influence rank in the new version.
        public var toRank: Int
        /// Influence (0...100) in the old version.
        public var fromInfluence: Double
        /// Influence (0...100) in the new version.
        public var toInfluence: Double
        /// Positive when the person rose (a smaller rank number).
        public var rise: Int { fromRank - toRank }
    }

    /// Coverage, support, opposition and unknown stance before and after.
    public struct ShareChange: Sendable, Hashable {
        /// The department, or nil for the whole account (and for people with none, in `departments`).
        public var department: String?
        /// The shares in the old version; nil when the department is new.
        public var from: Shares?
        /// The shares in the new version; nil when the department is gone.
        public var to: Shares?
    }

    /// The earlier version.
    public var old: Version
    /// The later version.
    public var new: Version
    /// People only in the new version, by their new influence rank.
    public var added: [PersonEntry]
    /// People only in the old version, by their old influence rank.
    public var removed: [PersonEntry]
    /// Stance changes, of the most influential people first.
    public var stances: [StanceChange]
    /// Role changes, in the new version's rank order.
    public var roles: [RoleChange]
    /// Changed title, department, manager, level or 1...5 judgment, in the new version's rank order.
    public var fields: [FieldChange]
    /// Contact changes by kind (in `ContactChangeKind` order), then in the new file's order of people.
    public var contacts: [ContactChange]
    /// Rank or influence moves past `DiffOptions`' thresholds, biggest moves first.
    public var ranks: [RankChange]
    /// The whole account's shares before and after (`department` is nil).
    public var shares: ShareChange
    /// Departments whose shares moved, largest in the new version first, then those that are gone.
    public var departments: [ShareChange]
    /// Gaps opened and closed; nil when no gap analysis was plugged in.
    public var gaps: GapChanges?
    /// Days after which a contact counts as stale.
    public var staleAfterDays: Int

    /// True when nothing about the people, their stances, roles, contacts or ranks changed.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && stances.isEmpty && roles.isEmpty && fields.isEmpty
            && contacts.isEmpty && ranks.isEmpty && (gaps?.isEmpty ?? true)
    }
}
