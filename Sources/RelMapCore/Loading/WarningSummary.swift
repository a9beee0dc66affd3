/// What a warning is about. Warnings of one kind repeat across a book of accounts (2,000
/// generated accounts gave 60,000 "nobody on our team reaches" lines), so `relmap check`
/// on several files counts them by kind instead of listing them (docs/format.md, "Checking").
/// A kind is spelled only by its `code` (`DiagnosticCode`), so the two cannot drift apart.
public enum WarningKind: Sendable, Hashable, CaseIterable, Comparable {
    case personNotReached, noDepartment, contactAfterAsOf, interactionAfterAsOf, oldMap

    /// The code a warning of this kind carries.
    public var code: DiagnosticCode {
        switch self {
        case .personNotReached: .personNotReached
        case .noDepartment: .noDepartment
        case .contactAfterAsOf: .contactAfterAsOf
        case .interactionAfterAsOf: .interactionAfterAsOf
        case .oldMap: .oldMap
        }
    }

    /// The kind of a warning with this code; nil for codes no summary counts.
    public init?(code: DiagnosticCode) {
        guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }

    /// The code's spelling (`person-not-reached`).
    public var rawValue: String { code.rawValue }

    /// The kind in a few words, for the summary.
    public var title: String {
        switch self {
        case .personNotReached: "nobody on our team reaches the person"
        case .noDepartment: "person with no department"
        case .contactAfterAsOf: "contact dated after the map's as_of"
        case .interactionAfterAsOf: "interaction dated after the map's as_of"
        case .oldMap: "map more than a year old"
        }
    }

    /// Declaration order, so ties in a summary come out the same every time.
    public static func < (a: WarningKind, b: WarningKind) -> Bool {
        let order = allCases
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

/// The warnings of many files, counted by kind, with the accounts that have the most of
/// each: what a person can read where the full list would be thousands of lines.
public struct WarningSummary: Sendable, Equatable {
    /// One account and how many warnings of the group's kind it has.
    public struct Account: Sendable, Equatable {
        /// The account's id, or the file's path when the file has errors (no account).
        public var name: String
        /// How many warnings of the group's kind the account has.
        public var count: Int
    }

    /// All the warnings of one kind.
    public struct Group: Sendable, Equatable {
        /// nil for warnings that carry no kind.
        public var kind: WarningKind?
        /// How many warnings of this kind, in all files.
        public var count: Int
        /// How many files have at least one.
        public var files: Int
        /// The accounts with the most, most first, then by name; at most `worstShown`.
        public var worst: [Account]

        /// The kind's words, or "other" for warnings without one.
        public var title: String { kind?.title ?? "other" }
    }

    /// The groups, the largest first; equal counts in `WarningKind` order, "other" last.
    public var groups: [Group]

    /// Counts the warnings of every file in `files`; `worstShown` accounts per kind.
    ///
    /// O(warnings + files log files).
    public init(_ files: [LoadedFile], worstShown: Int = 3) {
        // Counted in an array, a slot per kind and one for warnings with none: hashing
        // each warning's kind into dictionaries cost more than the rest of the summary.
        let kinds = WarningKind.allCases
        let codes = kinds.map(\.code)
        let other = kinds.count
        var perKind = [[(name: String, count: Int)]](repeating: [], count: kinds.count + 1)
        var counts = [Int](repeating: 0, count: kinds.count + 1)
        for file in files {
            for d in file.diagnostics where d.severity == .warning {
                counts[codes.firstIndex(of: d.code) ?? other] += 1
            }
            let name = file.account?.id ?? file.path
            for slot in counts.indices where counts[slot] > 0 {
                perKind[slot].append((name, counts[slot]))
                counts[slot] = 0
            }
        }
        groups = perKind.indices.filter { !perKind[$0].isEmpty }.map { slot in
            let accounts = perKind[slot]
            let worst = accounts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
                .prefix(max(0, worstShown)).map { Account(name: $0.name, count: $0.count) }
            return Group(
                kind: slot < kinds.count ? kinds[slot] : nil, count: accounts.reduce(0) { $0 + $1.count },
                files: accounts.count, worst: worst)
        }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            switch (a.kind, b.kind) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            default: return false
            }
        }
    }

    /// Every warning counted.
    public var total: Int { groups.reduce(0) { $0 + $1.count } }
}
