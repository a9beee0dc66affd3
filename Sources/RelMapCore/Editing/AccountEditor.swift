import Foundation

/// Changes an account file as text, the way a careful person would: only the lines an
/// edit needs change; comments, blank lines, key order, flow `{...}` or block style and
/// quoting elsewhere stay as they are (docs/editing.md).
///
/// `apply` is a pure function of the text, so a server can run it on what it read and
/// write the result with `AccountFile.write(_:over:)`, which refuses a file changed in
/// the meantime. Each edit is checked against the account the text loads to before it
/// is made, and the text is loaded again after it: an edit that would leave any error
/// is refused with the loader's findings.
public struct AccountEditor {
    /// The text being edited, without a byte order mark (put back at the end).
    private var text: EditableText
    private var account: Account
    private let path: String
    private let options: LoadOptions

    /// The verb of a logged interaction in the summary: a call or an e-mail is not a meeting,
    /// and a manager reading "met" would take it for one. Other kinds (visit, meeting, free
    /// text) were meetings.
    static func verb(_ kind: String?) -> String {
        switch kind {
        case "call": "called"
        case "email": "e-mailed"
        default: "met"
        }
    }

    /// Applies `edits` in order to `text`, the content of the file at `path` (which names
    /// it in messages; a `.json` path is refused).
    public static func apply(
        _ edits: [AccountEdit], to text: String, path: String,
        options: LoadOptions
    ) throws(EditError) -> EditResult {
        guard (path as NSString).pathExtension.lowercased() != "json" else { throw .notYAML(path) }
        let bom = text.hasPrefix("\u{FEFF}")
        let body = bom ? String(text.dropFirst()) : text
        let loaded = AccountLoader.load(data: Data(body.utf8), path: path, options: options)
        guard let account = loaded.account else { throw .invalidFile(loaded.diagnostics) }
        var editor = AccountEditor(text: try EditableText(body), account: account, path: path, options: options)
        var changes: [EditChange] = []
        var warnings = loaded.diagnostics
        for edit in edits {
            changes += try editor.apply(edit)
            warnings = try editor.reload()
        }
        return EditResult(
            text: (bom ? "\u{FEFF}" : "") + editor.text.text, changes: changes,
            account: editor.account, warnings: warnings)
    }

    /// Loads the edited text; any error refuses the edit.
    private mutating func reload() throws(EditError) -> [Diagnostic] {
        let loaded = AccountLoader.load(
            data: Data(text.text.utf8), path: "\(path) (after the change)", options: options)
        guard let account = loaded.account else { throw .wouldBeInvalid(loaded.diagnostics) }
        self.account = account
        return loaded.diagnostics
    }

    private mutating func apply(_ edit: AccountEdit) throws(EditError) -> [EditChange] {
        switch edit {
        case .log(let log): try self.log(log)
        case .setPerson(let id, let fields): try set(id, fields)
        case .addPerson(let p): try add(p)
        case .addRelation(let r): try add(r)
        case .addContact(let c): try add(c)
        case .addMember(let m): try add(m)
        case .removePerson(let id): try removePerson(id)
        case .removeRelation(let from, let to, let type): try removeRelation(from, to, type)
        case .removeContact(let member, let person): try removeContact(member, person)
        case .removeMember(let id): try removeMember(id)
        }
    }

    // MARK: Log

    private mutating func log(_ log: InteractionLog) throws(EditError) -> [EditChange] {
        _ = try memberIndex(log.member)
        guard !log.people.isEmpty else { throw .notFound("name at least one person met") }
        for (i, id) in log.people.enumerated() {
            _ = try personIndex(id)
            if log.people[..<i].contains(id) { throw .alreadyExists("\(id) is named twice") }
        }
        let people = "[" + log.people.map(YAMLScalar.text).joined(separator: ", ") + "]"
        try appendItem(
            to: "interactions",
            [
                ("date", log.date.iso), ("member", YAMLScalar.text(log.member)), ("people", people),
                ("kind", log.kind.map(YAMLScalar.text)), ("note", log.note.map(YAMLScalar.text)),
            ], preferBlock: false)
        var changes = [
            EditChange(
                .added, "interaction",
                "\(log.date.iso) \(log.member) \(Self.verb(log.kind)) \(log.people.joined(separator: ", "))"
                    + (log.kind.map { " (\($0))" } ?? ""))
        ]
        for id in log.people {
            let subject = "contact \(log.member) -> \(id)"
            guard let c = account.contacts.firstIndex(where: { $0.member == log.member && $0.person == id }) else {
                let strength = log.strength ?? .medium
                try appendItem(
                    to: "contacts",
                    [
                        ("member", YAMLScalar.text(log.member)), ("person", YAMLScalar.text(id)),
                        ("strength", AccountFileWriter.strength(strength)), ("last", log.date.iso),
                    ], preferBlock: false)
                changes.append(
                    EditChange(
                        .added, subject, "strength \(AccountFileWriter.strength(strength)), last \(log.date.iso)"))
                continue
            }
            let contact = account.contacts[c]
            var parts: [String] = []
            let place: [EditableText.Step] = [.key("contacts"), .index(c)]
            if contact.last.map({ log.date > $0 }) ?? true {
                try text.set("last", to: log.date.iso, in: place, order: ContactKey.spellings)
                parts.append("last \(contact.last?.iso ?? "none") -> \(log.date.iso)")
            }
            if let strength = log.strength,
                AccountFileWriter.strength(strength) != AccountFileWriter.strength(contact.strength)
            {
                try text.set(
                    "strength", to: AccountFileWriter.strength(strength), in: place, order: ContactKey.spellings)
                parts.append(
                    "strength \(AccountFileWriter.strength(contact.strength)) -> \(AccountFileWriter.strength(strength))"
                )
            }
            if !parts.isEmpty { changes.append(EditChange(.changed, subject, parts.joined(separator: ", "))) }
        }
        // A visit after the day the map describes moves that day forward (else every
        // later date is a warning); a map without `as_of` already means today.
        if let asOf = text.node([.key("account"), .key("as_of")]),
            asOf.scalarText.map({ !$0.isEmpty && $0 != "null" && $0 != "~" }) ?? true,
            log.date > account.asOf
        {
            try text.set("as_of", to: log.date.iso, in: [.key("account")], order: AccountKey.spellings)
            changes.append(EditChange(.changed, "account.as_of", "\(account.asOf.iso) -> \(log.date.iso)"))
        }
        return changes
    }

    // MARK: Set

    private mutating func set(_ id: String, _ fields: [PersonField]) throws(EditError) -> [EditChange] {
        let i = try personIndex(id)
        var changes: [EditChange] = []
        for field in fields {
            let current = field.current(in: account.people[i])
            guard current != field else { continue }
            let place: [EditableText.Step] = [.key("people"), .index(i)]
            // Clearing a field that is not written leaves nothing to do.
            if field.yaml == "null", text.node(place + [.key(field.key)]) == nil { continue }
            try text.set(field.key, to: field.yaml, in: place, order: PersonKey.spellings)
            changes.append(EditChange(.changed, "person \(id)", "\(field.key) \(current.shown) -> \(field.shown)"))
        }
        return changes
    }

    // MARK: Add

    private mutating func add(_ p: Person) throws(EditError) -> [EditChange] {
        if account.person(p.id) != nil { throw .alreadyExists("there is already a person with id '\(p.id)'") }
        let fields: [(String, String?)] = [
            ("id", YAMLScalar.text(p.id)), ("name", YAMLScalar.text(p.name)), ("title", p.title.map(YAMLScalar.text)),
            ("department", p.department.map(YAMLScalar.text)), ("level", p.level.map(String.init)),
            ("roles", p.roles.isEmpty ? nil : PersonField.roles(p.roles).yaml), ("stance", p.stance.rawValue),
            ("influence", p.influence.map(String.init)), ("reports_to", p.reportsTo.map(YAMLScalar.text)),
            ("notes", p.notes.map(YAMLScalar.text)),
        ]
        try appendItem(to: "people", fields, preferBlock: true)
        return [EditChange(.added, "person \(p.id)", p.name)]
    }

    private mutating func add(_ r: Relation) throws(EditError) -> [EditChange] {
        _ = try personIndex(r.from)
        _ = try personIndex(r.to)
        try appendItem(
            to: "relations",
            [
                ("from", YAMLScalar.text(r.from)), ("to", YAMLScalar.text(r.to)), ("type", r.type.rawValue),
                ("strength", r.strength == 1 ? nil : YAMLScalar.number(r.strength)),
            ], preferBlock: false)
        return [
            EditChange(
                .added, "relation \(r.from) -> \(r.to)",
                r.type.rawValue + (r.strength == 1 ? "" : " \(YAMLScalar.number(r.strength))"))
        ]
    }

    private mutating func add(_ c: Contact) throws(EditError) -> [EditChange] {
        _ = try memberIndex(c.member)
        _ = try personIndex(c.person)
        if account.contacts.contains(where: { $0.member == c.member && $0.person == c.person }) {
            throw .alreadyExists(
                "\(c.member) already has a contact with \(c.person); record a new meeting with relmap log")
        }
        let strength = AccountFileWriter.strength(c.strength)
        try appendItem(
            to: "contacts",
            [
                ("member", YAMLScalar.text(c.member)), ("person", YAMLScalar.text(c.person)),
                ("strength", strength), ("last", c.last?.iso),
            ], preferBlock: false)
        return [
            EditChange(
                .added, "contact \(c.member) -> \(c.person)",
                "strength \(strength)" + (c.last.map { ", last \($0.iso)" } ?? ""))
        ]
    }

    private mutating func add(_ m: TeamMember) throws(EditError) -> [EditChange] {
        if account.member(m.id) != nil { throw .alreadyExists("there is already a team member with id '\(m.id)'") }
        try appendItem(
            to: "team",
            [("id", YAMLScalar.text(m.id)), ("name", YAMLScalar.text(m.name)), ("role", m.role.map(YAMLScalar.text))],
            preferBlock: false)
        return [EditChange(.added, "member \(m.id)", m.name)]
    }

    // MARK: Remove

    private mutating func removePerson(_ id: String) throws(EditError) -> [EditChange] {
        let i = try personIndex(id)
        let person = account.people[i]
        var changes: [EditChange] = []
        // First the changes that keep every item where it is, then removals, each list
        // from its last item up so that the numbers still to remove stay right.
        for (j, q) in account.people.enumerated() where q.reportsTo == id {
            let manager = person.reportsTo
            try text.set(
                "reports_to", to: manager.map(YAMLScalar.text) ?? "null", in: [.key("people"), .index(j)],
                order: PersonKey.spellings)
            changes.append(
                EditChange(.changed, "person \(q.id)", "reports_to \(id) -> \(manager ?? "none") (\(id) was removed)"))
        }
        var emptied: [Int] = []
        for (k, interaction) in account.interactions.enumerated() where interaction.people.contains(id) {
            let subject = "interaction \(interaction.date.iso) \(interaction.member)"
            if interaction.people.allSatisfy({ $0 == id }) {
                emptied.append(k)
                changes.append(EditChange(.removed, subject, "it met only \(id)"))
                continue
            }
            for m in interaction.people.indices.reversed() where interaction.people[m] == id {
                try text.remove(m, from: [.key("interactions"), .index(k), .key("people")])
            }
            changes.append(EditChange(.changed, subject, "no longer lists \(id)"))
        }
        for (r, relation) in account.relations.enumerated().reversed() where relation.from == id || relation.to == id {
            try text.remove(r, from: [.key("relations")])
            changes.append(EditChange(.removed, "relation \(relation.from) -> \(relation.to)", relation.type.rawValue))
        }
        for (c, contact) in account.contacts.enumerated().reversed() where contact.person == id {
            try text.remove(c, from: [.key("contacts")])
            changes.append(EditChange(.removed, "contact \(contact.member) -> \(id)"))
        }
        for k in emptied.reversed() { try text.remove(k, from: [.key("interactions")]) }
        try text.remove(i, from: [.key("people")])
        return [EditChange(.removed, "person \(id)", person.name)] + changes
    }

    private mutating func removeRelation(_ from: String, _ to: String, _ type: RelationType?) throws(EditError)
        -> [EditChange]
    {
        let matches = account.relations.indices.filter { r in
            let relation = account.relations[r]
            guard type == nil || relation.type == type else { return false }
            return (relation.from == from && relation.to == to)
                || (relation.type.isSymmetric && relation.from == to && relation.to == from)
        }
        guard !matches.isEmpty else {
            throw .notFound("no relation from \(from) to \(to)" + (type.map { " of type \($0.rawValue)" } ?? ""))
        }
        var changes: [EditChange] = []
        for r in matches.reversed() {
            let relation = account.relations[r]
            try text.remove(r, from: [.key("relations")])
            changes.insert(
                EditChange(.removed, "relation \(relation.from) -> \(relation.to)", relation.type.rawValue), at: 0)
        }
        return changes
    }

    private mutating func removeContact(_ member: String, _ person: String) throws(EditError) -> [EditChange] {
        _ = try memberIndex(member)
        _ = try personIndex(person)
        let matches = account.contacts.indices.filter {
            account.contacts[$0].member == member && account.contacts[$0].person == person
        }
        guard !matches.isEmpty else { throw .notFound("\(member) has no contact with \(person)") }
        for c in matches.reversed() { try text.remove(c, from: [.key("contacts")]) }
        return [EditChange(.removed, "contact \(member) -> \(person)")]
    }

    private mutating func removeMember(_ id: String) throws(EditError) -> [EditChange] {
        let i = try memberIndex(id)
        var changes = [EditChange(.removed, "member \(id)", account.team[i].name)]
        for (k, interaction) in account.interactions.enumerated().reversed() where interaction.member == id {
            try text.remove(k, from: [.key("interactions")])
            changes.append(EditChange(.removed, "interaction \(interaction.date.iso) \(id)", "logged by \(id)"))
        }
        for (c, contact) in account.contacts.enumerated().reversed() where contact.member == id {
            try text.remove(c, from: [.key("contacts")])
            changes.append(EditChange(.removed, "contact \(id) -> \(contact.person)"))
        }
        try text.remove(i, from: [.key("team")])
        return changes
    }

    // MARK: Helpers

    private func personIndex(_ id: String) throws(EditError) -> Int {
        guard let i = account.people.firstIndex(where: { $0.id == id }) else {
            throw .notFound("no person with id '\(id)'" + Suggestion.didYouMean(id, in: account.people.map(\.id)))
        }
        return i
    }

    private func memberIndex(_ id: String) throws(EditError) -> Int {
        guard let i = account.team.firstIndex(where: { $0.id == id }) else {
            throw .notFound("no team member with id '\(id)'" + Suggestion.didYouMean(id, in: account.team.map(\.id)))
        }
        return i
    }

    /// Appends an item with these fields (nil ones left out) to the top-level list
    /// `section`, creating the list when the file has none.
    private mutating func appendItem(to section: String, _ fields: [(String, String?)], preferBlock: Bool)
        throws(EditError)
    {
        let flow = YAMLScalar.flow(fields)
        let block = fields.compactMap { k, v in v.map { "\(k): \($0)" } }
        if let list = text.node([.key(section)]) {
            if !list.isSequence {
                // `interactions:` with no value (null): give it an empty list first.
                try text.set(section, to: "[]", in: [], order: TopKey.spellings)
            }
            try text.append(to: [.key(section)], flow: flow, block: block, preferBlock: preferBlock)
            return
        }
        let indent = String(repeating: " ", count: text.topLevelItemIndent())
        let lines =
            preferBlock
            ? [indent + "- " + block[0]] + block.dropFirst().map { indent + "  " + $0 }
            : [indent + "- " + flow]
        try text.addTopLevel(section, lines: lines, order: TopKey.spellings)
    }
}
