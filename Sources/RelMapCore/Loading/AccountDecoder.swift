/// Turns a composed YAML (or JSON) tree into an `Account`, checking the shape and the
/// meaning of every value on the way (docs/format.md, format v1).
///
/// Cross-references (ids that must exist, cycles, duplicates) are checked afterwards by
/// `AccountValidator`, which sees the whole account.
struct AccountDecoder {
    static let supportedVersions = [1]

    let reader: NodeReader
    let options: LoadOptions

    /// The account, or nil when the file is too broken to give one. Problems are in
    /// `reader.diagnostics` either way.
    func decode(_ root: YAMLNode) -> DecodedAccount? {
        guard let top = reader.mapping(root, at: .topLevel, keys: TopKey.self, required: [.relmap, .account])
        else { return nil }

        var versionOK = false
        if let v = top[.relmap]?.value {
            let supported = Self.supportedVersions.map(String.init).joined(separator: ", ")
            if let text = v.scalarText, let n = Int(text.trimmingSpaces) {
                if Self.supportedVersions.contains(n) {
                    versionOK = true
                } else {
                    reader.error(
                        .unsupportedVersion, v,
                        "relmap: unsupported format version \(n); this relmap reads version \(supported)")
                }
            } else {
                reader.error(
                    .unsupportedVersion, v,
                    "relmap: expected the format version, a whole number (supported: \(supported)), found \(NodeReader.describe(v))"
                )
            }
        }

        // Every section is read even when the header is broken, so that all of a
        // file's mistakes are reported in one go.
        let header = decodeAccountHeader(top[.account])
        let team = list(top[.team], "team") { decodeMember($0, $1) }
        let people = list(top[.people], "people") { decodePerson($0, $1) }
        let relations = list(top[.relations], "relations") { decodeRelation($0, $1) }
        let contacts = list(top[.contacts], "contacts") { decodeContact($0, $1) }
        let interactions = list(top[.interactions], "interactions") { decodeInteraction($0, $1) }
        // Items with a broken field are kept (with a stand-in value) so that the
        // cross-reference checks see them; any error means no account is returned.
        var account = header?.account ?? Account(id: "", name: "", asOf: options.today)
        account.team = team.items
        account.people = people.items
        account.relations = relations.items
        account.contacts = contacts.items
        account.interactions = interactions.items
        if let n = top[.notes]?.value, let notes = reader.notes(n) { account.notes = notes }
        return DecodedAccount(
            versionOK: versionOK && header != nil, account: account, asOfMark: header?.asOfMark,
            members: team.sources, people: people.sources, relations: relations.sources,
            contacts: contacts.sources, interactions: interactions.sources)
    }

    /// Each decoded item and, in a second array in the same order, where it came from;
    /// `item` gets the item's node, its index in the list and its path (`people[3]`).
    /// Two arrays rather than one of pairs: splitting pairs afterwards copied every
    /// person and relation once more, then freed the pairs.
    private func list<T, Source>(
        _ entry: YAMLPair?, _ name: String,
        _ item: (YAMLNode, ValuePath) -> (T, Source)?
    ) -> (items: [T], sources: [Source]) {
        let path = ValuePath(name)
        guard let entry, let nodes = reader.sequence(entry.value, at: path) else { return ([], []) }
        var items: [T] = [], sources: [Source] = []
        items.reserveCapacity(nodes.count)
        sources.reserveCapacity(nodes.count)
        for (i, node) in nodes.enumerated() {
            if let (one, source) = item(node, path.item(i)) {
                items.append(one)
                sources.append(source)
            }
        }
        return (items, sources)
    }

    private func decodeAccountHeader(_ entry: YAMLPair?) -> (account: Account, asOfMark: YAMLMark?)? {
        let path = ValuePath("account")
        guard let entry,
            let m = reader.mapping(entry.value, at: path, keys: AccountKey.self, required: [.id, .name])
        else { return nil }
        let id = m.value(of: .id).flatMap { reader.identifier($0, at: path.key("id")) }
        let name = m.value(of: .name).flatMap { reader.text($0, at: path.key("name")) }
        let tier = m.value(of: .tier).flatMap {
            optional($0) { reader.word($0, at: path.key("tier"), as: Tier.self, kind: "tier") }
        }
        let stage = m.value(of: .stage).flatMap {
            optional($0) { reader.word($0, at: path.key("stage"), as: Stage.self, kind: "stage") }
        }
        let currency = m.value(of: .currency).flatMap { reader.text($0, at: path.key("currency"), optional: true) }
        var value: Double?
        if let v = m.value(of: .value), !v.isNull, let n = reader.number(v, at: path.key("value")) {
            if n < 0 {
                reader.error(
                    .outOfRange, v,
                    "account.value: \(format(n)) is negative; value is yearly sales or potential, 0 or more")
            } else {
                value = n
            }
        }
        var asOf = options.today
        var asOfMark: YAMLMark?
        if let v = m.value(of: .asOf), !v.isNull {
            asOfMark = v.mark
            asOf = reader.day(v, at: path.key("as_of")) ?? options.today
        }
        let account = Account(
            id: id ?? "", name: name ?? "", tier: tier, value: value, currency: currency, stage: stage,
            asOf: asOf, notes: m.value(of: .notes).flatMap { reader.notes($0) },
            location: reader.location(of: entry.key))
        return (account, asOfMark)
    }

    private func decodeMember(_ node: YAMLNode, _ path: ValuePath) -> (TeamMember, MemberSource)? {
        guard let m = reader.mapping(node, at: path, keys: MemberKey.self, required: [.id, .name]) else { return nil }
        let id = m.value(of: .id).flatMap { reader.identifier($0, at: path.key("id")) }
        let name = m.value(of: .name).flatMap { reader.text($0, at: path.key("name")) }
        let role = m.value(of: .role).flatMap { reader.text($0, at: path.key("role"), optional: true) }
        guard let id else { return nil }
        return (
            TeamMember(id: id, name: name ?? id, role: role, location: reader.location(of: node)),
            MemberSource(path: path, id: m.mark(of: .id))
        )
    }

    private func decodePerson(_ node: YAMLNode, _ path: ValuePath) -> (Person, PersonSource)? {
        guard let m = reader.mapping(node, at: path, keys: PersonKey.self, required: [.id, .name]) else { return nil }
        let id = m.value(of: .id).flatMap { reader.identifier($0, at: path.key("id")) }
        let name = m.value(of: .name).flatMap { reader.text($0, at: path.key("name")) }
        let title = m.value(of: .title).flatMap { reader.text($0, at: path.key("title"), optional: true) }
        let department = m.value(of: .department).flatMap {
            reader.text($0, at: path.key("department"), optional: true)
        }
        let level = m.value(of: .level).flatMap {
            optional($0) {
                reader.integer(
                    $0, at: path.key("level"), in: 1...1000,
                    meaning: "level is 1 at the top of the account and larger further down")
            }
        }
        let influence = m.value(of: .influence).flatMap {
            optional($0) {
                reader.integer(
                    $0, at: path.key("influence"), in: 1...5,
                    meaning: "influence is the team's judgment from 1 (little) to 5 (decisive)")
            }
        }
        var stance = Stance.unknown
        if let v = m.value(of: .stance), !v.isNull {
            stance = reader.word(v, at: path.key("stance"), as: Stance.self, kind: "stance") ?? .unknown
        }
        var roles: [BuyingRole] = []
        if let v = m.value(of: .roles) {
            // A single role may be written without brackets.
            let items: [YAMLNode] =
                if v.isScalar, !v.isNull { [v] } else {
                    reader.sequence(v, at: path.key("roles")).map(Array.init) ?? []
                }
            for (i, item) in items.enumerated() {
                guard
                    let role = reader.word(
                        item, at: path.key("roles").item(i), as: BuyingRole.self, kind: "buying role")
                else { continue }
                if roles.contains(role) {
                    reader.error(
                        .listedTwice, item, "\(path.key("roles").item(i)): role '\(role.rawValue)' is listed twice")
                } else {
                    roles.append(role)
                }
            }
        }
        let reportsTo = m.value(of: .reportsTo).flatMap {
            optional($0) { reader.identifier($0, at: path.key("reports_to")) }
        }
        guard let id else { return nil }
        let person = Person(
            id: id, name: name ?? id, title: title, department: department, level: level, roles: roles,
            stance: stance, influence: influence, reportsTo: reportsTo,
            notes: m.value(of: .notes).flatMap { reader.notes($0) }, location: reader.location(of: node))
        // A null `reports_to` is "not given": nothing to point at.
        let reportsToMark = m.value(of: .reportsTo).flatMap { $0.isNull ? nil : $0.mark }
        return (person, PersonSource(path: path, id: m.mark(of: .id), reportsTo: reportsToMark))
    }

    private func decodeRelation(_ node: YAMLNode, _ path: ValuePath) -> (Relation, RelationSource)? {
        guard let m = reader.mapping(node, at: path, keys: RelationKey.self, required: [.from, .to, .type]) else {
            return nil
        }
        let from = m.value(of: .from).flatMap { reader.identifier($0, at: path.key("from")) }
        let to = m.value(of: .to).flatMap { reader.identifier($0, at: path.key("to")) }
        let type = m.value(of: .type).flatMap {
            reader.word($0, at: path.key("type"), as: RelationType.self, kind: "relation type")
        }
        var strength = 1.0
        if let v = m.value(of: .strength), !v.isNull {
            strength = unitStrength(v, at: path.key("strength")) ?? 1
        }
        guard let from, let to, let type else { return nil }
        return (
            Relation(from: from, to: to, type: type, strength: strength, location: reader.location(of: node)),
            RelationSource(path: path, from: m.mark(of: .from), to: m.mark(of: .to))
        )
    }

    private func decodeContact(_ node: YAMLNode, _ path: ValuePath) -> (Contact, ContactSource)? {
        guard let m = reader.mapping(node, at: path, keys: ContactKey.self, required: [.member, .person]) else {
            return nil
        }
        let member = m.value(of: .member).flatMap { reader.identifier($0, at: path.key("member")) }
        let person = m.value(of: .person).flatMap { reader.identifier($0, at: path.key("person")) }
        var strength = ContactStrength.medium
        if let v = m.value(of: .strength), !v.isNull {
            let text = v.scalarText
            if let text, let word = Self.strengthWord(text) {
                strength = word
            } else if let text, Double(text.trimmingSpaces) != nil {
                if let x = unitStrength(v, at: path.key("strength")) { strength = .value(x) }
            } else {
                let raw = v.scalarText ?? ""
                let hint =
                    Suggestion.nearest(to: raw, in: ["weak", "medium", "strong"]).map { "did you mean '\($0)'?" }
                    ?? "expected weak, medium, strong or a number in (0, 1]"
                reader.error(
                    .notInList, v,
                    "\(path.key("strength")): '\(raw.isEmpty ? NodeReader.describe(v) : raw)' is not a contact strength; \(hint)"
                )
            }
        }
        var last: Day?
        var lastMark: YAMLMark?
        if let v = m.value(of: .last), !v.isNull {
            lastMark = v.mark
            last = reader.day(v, at: path.key("last"))
        }
        guard let member, let person else { return nil }
        return (
            Contact(
                member: member, person: person, strength: strength, last: last, location: reader.location(of: node)),
            ContactSource(path: path, member: m.mark(of: .member), person: m.mark(of: .person), last: lastMark)
        )
    }

    private func decodeInteraction(_ node: YAMLNode, _ path: ValuePath) -> (Interaction, InteractionSource)? {
        guard let m = reader.mapping(node, at: path, keys: InteractionKey.self, required: [.date, .member, .people])
        else { return nil }
        let date = m.value(of: .date).flatMap { reader.day($0, at: path.key("date")) }
        let member = m.value(of: .member).flatMap { reader.identifier($0, at: path.key("member")) }
        var people: [String] = []
        var peopleMarks: [YAMLMark] = []
        if let v = m.value(of: .people) {
            let items: [YAMLNode] =
                if v.isScalar, !v.isNull { [v] } else {
                    reader.sequence(v, at: path.key("people")).map(Array.init) ?? []
                }
            people = items.enumerated().compactMap { i, n in reader.identifier(n, at: path.key("people").item(i)) }
            peopleMarks = items.map(\.mark)
            if items.isEmpty { reader.error(.emptyList, v, "\(path.key("people")): name at least one person met") }
        }
        let kind = m.value(of: .kind).flatMap { reader.text($0, at: path.key("kind"), optional: true) }
        let note = m.value(of: .note).flatMap { reader.notes($0) }
        guard let member, !people.isEmpty else { return nil }
        return (
            Interaction(
                date: date ?? Day(daysSinceEpoch: 0), member: member, people: people, kind: kind, note: note,
                location: reader.location(of: node)),
            InteractionSource(path: path, date: m.mark(of: .date), member: m.mark(of: .member), people: peopleMarks)
        )
    }

    private static func strengthWord(_ text: String) -> ContactStrength? {
        switch text {
        case "weak": .weak
        case "medium": .medium
        case "strong": .strong
        default: nil
        }
    }

    /// A strength in (0, 1].
    private func unitStrength(_ node: YAMLNode, at path: @autoclosure () -> ValuePath) -> Double? {
        guard let x = reader.number(node, at: path()) else { return nil }
        guard x > 0, x <= 1 else {
            reader.error(
                .outOfRange, node, "\(path()): \(format(x)) is out of range; strength must be more than 0 and at most 1"
            )
            return nil
        }
        return x
    }

    /// Runs `read` unless the value is null, so `key: null` means "not given".
    private func optional<T>(_ node: YAMLNode, _ read: (YAMLNode) -> T?) -> T? {
        node.isNull ? nil : read(node)
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
