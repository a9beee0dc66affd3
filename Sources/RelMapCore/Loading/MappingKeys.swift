/// The keys one kind of mapping in an account file allows (docs/format.md, format v1).
///
/// `rawValue` numbers the keys from 0 in the order messages list them ("allowed keys:
/// id, name, ..."), so that a decoded mapping keeps its values in a plain array and the
/// decoder's `fields[.reportsTo]` is an index, not a search by text.
protocol MappingKey: RawRepresentable<Int>, CaseIterable, Sendable {
    /// Every key as the file writes it, in `rawValue` order.
    static var spellings: [String] { get }
    /// `spellings` packed, for matching keys without making text of them (`ShortText`).
    static var packedSpellings: [ShortText] { get }
}

extension MappingKey {
    /// The key as the file writes it.
    var spelling: String { Self.spellings[rawValue] }

    /// The key spelled `text`, if the set has one. This runs for every key of every
    /// mapping, so it compares packed bytes, with no `String` made.
    static func named(_ text: ShortText) -> Self? { packedSpellings.firstIndex(of: text).flatMap(Self.init(rawValue:)) }
}

enum TopKey: Int, MappingKey {
    case relmap, account, team, people, relations, contacts, interactions, notes
    static let spellings = ["relmap", "account", "team", "people", "relations", "contacts", "interactions", "notes"]
    static let packedSpellings = ShortText.all(spellings)
}

enum AccountKey: Int, MappingKey {
    case id, name, tier, value, currency, stage, asOf, notes
    static let spellings = ["id", "name", "tier", "value", "currency", "stage", "as_of", "notes"]
    static let packedSpellings = ShortText.all(spellings)
}

enum MemberKey: Int, MappingKey {
    case id, name, role, notes
    static let spellings = ["id", "name", "role", "notes"]
    static let packedSpellings = ShortText.all(spellings)
}

enum PersonKey: Int, MappingKey {
    case id, name, title, department, level, roles, stance, influence, reportsTo, notes
    static let spellings = [
        "id", "name", "title", "department", "level", "roles", "stance", "influence", "reports_to", "notes",
    ]
    static let packedSpellings = ShortText.all(spellings)
}

enum RelationKey: Int, MappingKey {
    case from, to, type, strength, notes
    static let spellings = ["from", "to", "type", "strength", "notes"]
    static let packedSpellings = ShortText.all(spellings)
}

enum ContactKey: Int, MappingKey {
    case member, person, strength, last, notes
    static let spellings = ["member", "person", "strength", "last", "notes"]
    static let packedSpellings = ShortText.all(spellings)
}

enum InteractionKey: Int, MappingKey {
    case date, member, people, kind, note, notes
    static let spellings = ["date", "member", "people", "kind", "note", "notes"]
    static let packedSpellings = ShortText.all(spellings)
}

/// A mapping's entries under the keys its kind allows, by key: what
/// `NodeReader.mapping` gives once it has reported unknown, repeated and missing keys.
struct Fields<Key: MappingKey> {
    private let pairs: YAMLPairs
    /// For each key (by `rawValue`), the index in `pairs` of its first occurrence, or -1.
    /// A fixed-size vector rather than an array: one is made for every mapping in the
    /// file, and this way none allocates. Every key set has at most 16 keys
    /// (YAMLComposerTests checks); a mapping has far fewer than 2^31 entries (the file size limit).
    private var slots = SIMD16<Int32>(repeating: -1)

    init(pairs: YAMLPairs) { self.pairs = pairs }

    /// The key and value written under `key`, if any.
    subscript(key: Key) -> YAMLPair? {
        guard let i = position(of: key) else { return nil }
        return pairs[i]
    }

    /// The value written under `key`, if any.
    func value(of key: Key) -> YAMLNode? {
        guard let i = position(of: key) else { return nil }
        return pairs.value(at: i)
    }

    /// Where the value under `key` starts, if the key is written.
    func mark(of key: Key) -> YAMLMark? {
        guard let i = position(of: key) else { return nil }
        return pairs.value(at: i).mark
    }

    /// Where `key` was first written, if it was.
    func position(of key: Key) -> Int? {
        let slot = Int(slots[key.rawValue])
        return slot >= 0 ? slot : nil
    }

    mutating func set(_ key: Key, toPairAt index: Int) { slots[key.rawValue] = Int32(truncatingIfNeeded: index) }
}
