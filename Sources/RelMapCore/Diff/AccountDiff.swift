/// What changed in one account between two versions of its map: the quarterly review
/// a sales leader makes (docs/import.md, "What changed: relmap diff").
///
/// People are matched by id. Every list is in a stable order, so the same two files
/// always give the same diff.
public struct AccountDiff: Sendable {
    /// One side of the comparison.
    public struct Version: Sendable, Hashable {
        public var id: String
        public var name: String
        public var asOf: Day
        /// The file, or `REV:path` for a version read from git.
        public var source: String?
    }

    /// A person who is in one version only, with their place in that version.
    public struct PersonEntry: Sendable, Hashable {
        public var person: Person
        public var influence: Double
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
        public var id: String
        public var name: String
        public var from: Stance
        public var to: Stance
        public var direction: StanceDirection
        /// The person's influence in the new version: how much the change matters.
        public var influence: Double
    }

    /// A person who took on or gave up buying roles.
    public struct RoleChange: Sendable, Hashable {
        public var id: String
        public var name: String
        public var added: [BuyingRole]
        public var removed: [BuyingRole]
    }

    /// A change of title, department, manager or the team's 1...5 judgment.
    public struct FieldChange: Sendable, Hashable {
        public var id: String
        public var name: String
        /// The account file's key: `title`, `department`, `reports_to`, `influence`, `level`.
        public var field: String
        public var from: String?
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
        public var kind: ContactChangeKind
        public var member: String
        public var memberName: String
        public var person: String
        public var personName: String
        public var from: CurrentContact?
        public var to: CurrentContact?
    }

    /// A person present in both versions whose influence rank or score moved.
    public struct RankChange: Sendable, Hashable {
        public var id: String
        public var name: String
        public var fromRank: Int
        public var toRank: Int
        public var fromInfluence: Double
        public var toInfluence: Double
        /// Positive when the person rose (a smaller rank number).
        public var rise: Int { fromRank - toRank }
    }

    /// Coverage, support, opposition and unknown stance before and after.
    public struct ShareChange: Sendable, Hashable {
        /// The department, or nil for the whole account (and for people with none, in `departments`).
        public var department: String?
        public var from: Shares?
        public var to: Shares?
    }

    public var old: Version
    public var new: Version
    public var added: [PersonEntry]
    public var removed: [PersonEntry]
    public var stances: [StanceChange]
    public var roles: [RoleChange]
    public var fields: [FieldChange]
    public var contacts: [ContactChange]
    public var ranks: [RankChange]
    public var shares: ShareChange
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
