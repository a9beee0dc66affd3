import Yams

/// Turns a composed YAML (or JSON) tree into an `Account`, checking the shape and the
/// meaning of every value on the way (product.md, format v1).
///
/// Cross-references (ids that must exist, cycles, duplicates) are checked afterwards by
/// `AccountValidator`, which sees the whole account.
/// An account as decoded, with the key path of each item so that later checks can name
/// `people[3].reports_to` and find its line and column.
struct DecodedAccount {
    /// False when the version or the account header is unusable: then `account` holds
    /// stand-ins and only serves the cross-reference checks.
    var versionOK: Bool
    var account: Account
    var memberPaths: [String]
    var personPaths: [String]
    var relationPaths: [String]
    var contactPaths: [String]
    var interactionPaths: [String]
}

struct AccountDecoder {
    static let supportedVersions = [1]

    static let topKeys = ["relmap", "account", "team", "people", "relations", "contacts", "interactions", "notes"]
    static let accountKeys = ["id", "name", "tier", "value", "currency", "stage", "as_of", "notes"]
    static let memberKeys = ["id", "name", "role", "notes"]
    static let personKeys = ["id", "name", "title", "department", "level", "roles", "stance",
                             "influence", "reports_to", "notes"]
    static let relationKeys = ["from", "to", "type", "strength", "notes"]
    static let contactKeys = ["member", "person", "strength", "last", "notes"]
    static let interactionKeys = ["date", "member", "people", "kind", "note", "notes"]

    let reader: NodeReader
    let options: LoadOptions

    /// The account, or nil when the file is too broken to give one. Problems are in
    /// `reader.diagnostics` either way.
    func decode(_ root: Node) -> DecodedAccount? {
        guard let top = reader.mapping(root, at: "(top level)", allowed: Self.topKeys, required: ["relmap", "account"])
        else { return nil }

        var versionOK = false
        if let (_, v) = top["relmap"] {
            let supported = Self.supportedVersions.map(String.init).joined(separator: ", ")
            if case .scalar(let s) = v, let n = Int(s.string.trimmingSpaces) {
                if Self.supportedVersions.contains(n) { versionOK = true }
                else { reader.error(v, "relmap: unsupported format version \(n); this relmap reads version \(supported)") }
            } else {
                reader.error(v, "relmap: expected the format version, a whole number (supported: \(supported)), found \(NodeReader.describe(v))")
            }
        }

        // Every section is read even when the header is broken, so that all of a
        // file's mistakes are reported in one go.
        let header = decodeAccountHeader(top["account"])
        let team = list(top["team"], "team") { decodeMember($0, $1) }
        let people = list(top["people"], "people") { decodePerson($0, $1) }
        let relations = list(top["relations"], "relations") { decodeRelation($0, $1) }
        let contacts = list(top["contacts"], "contacts") { decodeContact($0, $1) }
        let interactions = list(top["interactions"], "interactions") { decodeInteraction($0, $1) }
        // Items with a broken field are kept (with a stand-in value) so that the
        // cross-reference checks see them; any error means no account is returned.
        var account = header ?? Account(id: "", name: "", asOf: options.today)
        account.team = team.map(\.0)
        account.people = people.map(\.0)
        account.relations = relations.map(\.0)
        account.contacts = contacts.map(\.0)
        account.interactions = interactions.map(\.0)
        if let (_, n) = top["notes"], let notes = reader.notes(n) { account.notes = notes }
        return DecodedAccount(
            versionOK: versionOK && header != nil, account: account, memberPaths: team.map(\.1), personPaths: people.map(\.1),
            relationPaths: relations.map(\.1), contactPaths: contacts.map(\.1),
            interactionPaths: interactions.map(\.1))
    }

    /// Each decoded item with the key path it was read from (`people[3]`).
    private func list<T>(_ entry: (key: Node, value: Node)?, _ path: String,
                         _ item: (Node, String) -> T?) -> [(T, String)] {
        guard let entry, let items = reader.sequence(entry.value, at: path) else { return [] }
        return items.enumerated().compactMap { i, node in
            let itemPath = "\(path)[\(i)]"
            return item(node, itemPath).map { ($0, itemPath) }
        }
    }

    private func decodeAccountHeader(_ entry: (key: Node, value: Node)?) -> Account? {
        guard let entry,
              let m = reader.mapping(entry.value, at: "account", allowed: Self.accountKeys, required: ["id", "name"])
        else { return nil }
        let id = m["id"].flatMap { reader.identifier($0.value, at: "account.id") }
        let name = m["name"].flatMap { reader.text($0.value, at: "account.name") }
        let tier = m["tier"].flatMap { optional($0.value) { reader.word($0, at: "account.tier", as: Tier.self, kind: "tier") } }
        let stage = m["stage"].flatMap { optional($0.value) { reader.word($0, at: "account.stage", as: Stage.self, kind: "stage") } }
        let currency = m["currency"].flatMap { reader.text($0.value, at: "account.currency", optional: true) }
        var value: Double?
        if let (_, v) = m["value"], !NodeReader.isNull(v), let n = reader.number(v, at: "account.value") {
            if n < 0 { reader.error(v, "account.value: \(format(n)) is negative; value is yearly sales or potential, 0 or more") }
            else { value = n }
        }
        var asOf = options.today
        if let (_, v) = m["as_of"], !NodeReader.isNull(v) {
            asOf = reader.day(v, at: "account.as_of") ?? options.today
        }
        return Account(id: id ?? "", name: name ?? "", tier: tier, value: value, currency: currency, stage: stage,
                       asOf: asOf, notes: m["notes"].flatMap { reader.notes($0.value) },
                       location: reader.location(of: entry.key))
    }

    private func decodeMember(_ node: Node, _ path: String) -> TeamMember? {
        guard let m = reader.mapping(node, at: path, allowed: Self.memberKeys, required: ["id", "name"]) else { return nil }
        let id = m["id"].flatMap { reader.identifier($0.value, at: "\(path).id") }
        let name = m["name"].flatMap { reader.text($0.value, at: "\(path).name") }
        let role = m["role"].flatMap { reader.text($0.value, at: "\(path).role", optional: true) }
        guard let id else { return nil }
        return TeamMember(id: id, name: name ?? id, role: role, location: reader.location(of: node))
    }

    private func decodePerson(_ node: Node, _ path: String) -> Person? {
        guard let m = reader.mapping(node, at: path, allowed: Self.personKeys, required: ["id", "name"]) else { return nil }
        let id = m["id"].flatMap { reader.identifier($0.value, at: "\(path).id") }
        let name = m["name"].flatMap { reader.text($0.value, at: "\(path).name") }
        let title = m["title"].flatMap { reader.text($0.value, at: "\(path).title", optional: true) }
        let department = m["department"].flatMap { reader.text($0.value, at: "\(path).department", optional: true) }
        let level = m["level"].flatMap { optional($0.value) {
            reader.integer($0, at: "\(path).level", in: 1...1000, meaning: "level is 1 at the top of the account and larger further down")
        } }
        let influence = m["influence"].flatMap { optional($0.value) {
            reader.integer($0, at: "\(path).influence", in: 1...5, meaning: "influence is the team's judgment from 1 (little) to 5 (decisive)")
        } }
        var stance = Stance.unknown
        if let (_, v) = m["stance"], !NodeReader.isNull(v) {
            stance = reader.word(v, at: "\(path).stance", as: Stance.self, kind: "stance") ?? .unknown
        }
        var roles: [BuyingRole] = []
        if let (_, v) = m["roles"] {
            // A single role may be written without brackets.
            let items: [Node] = if case .scalar = v, !NodeReader.isNull(v) { [v] } else { reader.sequence(v, at: "\(path).roles") ?? [] }
            for (i, item) in items.enumerated() {
                guard let role = reader.word(item, at: "\(path).roles[\(i)]", as: BuyingRole.self, kind: "buying role") else { continue }
                if roles.contains(role) { reader.error(item, "\(path).roles[\(i)]: role '\(role.rawValue)' is listed twice") }
                else { roles.append(role) }
            }
        }
        let reportsTo = m["reports_to"].flatMap { optional($0.value) { reader.identifier($0, at: "\(path).reports_to") } }
        guard let id else { return nil }
        return Person(id: id, name: name ?? id, title: title, department: department, level: level, roles: roles,
                      stance: stance, influence: influence, reportsTo: reportsTo,
                      notes: m["notes"].flatMap { reader.notes($0.value) }, location: reader.location(of: node))
    }

    private func decodeRelation(_ node: Node, _ path: String) -> Relation? {
        guard let m = reader.mapping(node, at: path, allowed: Self.relationKeys, required: ["from", "to", "type"]) else { return nil }
        let from = m["from"].flatMap { reader.identifier($0.value, at: "\(path).from") }
        let to = m["to"].flatMap { reader.identifier($0.value, at: "\(path).to") }
        let type = m["type"].flatMap { reader.word($0.value, at: "\(path).type", as: RelationType.self, kind: "relation type") }
        var strength = 1.0
        if let (_, v) = m["strength"], !NodeReader.isNull(v) {
            strength = unitStrength(v, at: "\(path).strength") ?? 1
        }
        guard let from, let to, let type else { return nil }
        return Relation(from: from, to: to, type: type, strength: strength, location: reader.location(of: node))
    }

    private func decodeContact(_ node: Node, _ path: String) -> Contact? {
        guard let m = reader.mapping(node, at: path, allowed: Self.contactKeys, required: ["member", "person"]) else { return nil }
        let member = m["member"].flatMap { reader.identifier($0.value, at: "\(path).member") }
        let person = m["person"].flatMap { reader.identifier($0.value, at: "\(path).person") }
        var strength = ContactStrength.medium
        if let (_, v) = m["strength"], !NodeReader.isNull(v) {
            if case .scalar(let s) = v, let word = ["weak": ContactStrength.weak, "medium": .medium, "strong": .strong][s.string] {
                strength = word
            } else if case .scalar(let s) = v, Double(s.string.trimmingSpaces) != nil {
                if let x = unitStrength(v, at: "\(path).strength") { strength = .value(x) }
            } else {
                let raw = (v.string ?? "")
                let hint = Suggestion.nearest(to: raw, in: ["weak", "medium", "strong"]).map { "did you mean '\($0)'?" }
                    ?? "expected weak, medium, strong or a number in (0, 1]"
                reader.error(v, "\(path).strength: '\(raw.isEmpty ? NodeReader.describe(v) : raw)' is not a contact strength; \(hint)")
            }
        }
        var last: Day?
        if let (_, v) = m["last"], !NodeReader.isNull(v) { last = reader.day(v, at: "\(path).last") }
        guard let member, let person else { return nil }
        return Contact(member: member, person: person, strength: strength, last: last, location: reader.location(of: node))
    }

    private func decodeInteraction(_ node: Node, _ path: String) -> Interaction? {
        guard let m = reader.mapping(node, at: path, allowed: Self.interactionKeys, required: ["date", "member", "people"]) else { return nil }
        let date = m["date"].flatMap { reader.day($0.value, at: "\(path).date") }
        let member = m["member"].flatMap { reader.identifier($0.value, at: "\(path).member") }
        var people: [String] = []
        if let (_, v) = m["people"] {
            let items: [Node] = if case .scalar = v, !NodeReader.isNull(v) { [v] } else { reader.sequence(v, at: "\(path).people") ?? [] }
            people = items.enumerated().compactMap { i, n in reader.identifier(n, at: "\(path).people[\(i)]") }
            if items.isEmpty { reader.error(v, "\(path).people: name at least one person met") }
        }
        let kind = m["kind"].flatMap { reader.text($0.value, at: "\(path).kind", optional: true) }
        let note = m["note"].flatMap { reader.notes($0.value) }
        guard let member, !people.isEmpty else { return nil }
        return Interaction(date: date ?? Day(daysSinceEpoch: 0), member: member, people: people, kind: kind, note: note,
                           location: reader.location(of: node))
    }

    /// A strength in (0, 1].
    private func unitStrength(_ node: Node, at path: String) -> Double? {
        guard let x = reader.number(node, at: path) else { return nil }
        guard x > 0, x <= 1 else {
            reader.error(node, "\(path): \(format(x)) is out of range; strength must be more than 0 and at most 1")
            return nil
        }
        return x
    }

    /// Runs `read` unless the value is null, so `key: null` means "not given".
    private func optional<T>(_ node: Node, _ read: (Node) -> T?) -> T? {
        NodeReader.isNull(node) ? nil : read(node)
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
