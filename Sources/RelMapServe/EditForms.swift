import RelMapCore

/// A form value the server refuses before the engine sees it, in a sentence for the page.
struct FormProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Turns the add and remove forms into the engine's edits, with what `relmap add` and
/// `relmap remove` take: the same keys, the same checks (docs/editing.md). Everything
/// about ids (unknown, repeated, badly formed) is left to the engine, which says it in
/// the CLI's own words.
enum EditForms {
    /// The kinds of item the page adds and removes.
    static let kinds: Set<String> = ["person", "relation", "contact"]

    static func add(_ kind: String, _ form: FormFields) throws(FormProblem) -> (
        edit: AccountEdit, summary: String, anchor: String
    ) {
        switch kind {
        case "person":
            let person = try person(form)
            return (.addPerson(person), "add person \(person.id)", "#p-\(person.id)")
        case "relation":
            let relation = try relation(form)
            return (
                .addRelation(relation), "add relation \(relation.from) -> \(relation.to) (\(relation.type.rawValue))",
                "#p-\(relation.from)"
            )
        default:
            let contact = try contact(form)
            return (.addContact(contact), "add contact \(contact.member) -> \(contact.person)", "#p-\(contact.person)")
        }
    }

    static func remove(_ kind: String, _ form: FormFields) throws(FormProblem) -> (
        edit: AccountEdit, summary: String, anchor: String
    ) {
        switch kind {
        case "person":
            let id = try required(form, "person", "请选择要删除的人 · Choose the person to remove.")
            return (.removePerson(id), "remove person \(id)", "#workspace")
        case "relation":
            let from = try required(form, "from", "请选择关系的一方 · Choose one side of the tie.")
            let to = try required(form, "to", "请选择关系的另一方 · Choose the other side of the tie.")
            let type = try relationType(form.first("type") ?? "", optional: true)
            return (.removeRelation(from: from, to: to, type: type), "remove relation \(from) -> \(to)", "#p-\(from)")
        default:
            let member = try required(form, "member", "请选择我方人员 · Choose the team member.")
            let person = try required(form, "person", "请选择对方人员 · Choose the person.")
            return (
                .removeContact(member: member, person: person), "remove contact \(member) -> \(person)", "#p-\(person)"
            )
        }
    }

    /// A new person: `id` and `name` required, the other fields as `relmap add person`
    /// takes them (an empty field is left out of the file).
    static func person(_ form: FormFields) throws(FormProblem) -> Person {
        let id = try required(
            form, "id", "新人员需要一个 id（字母、数字、- 和 _）· A new person needs an id (letters, digits, - and _).")
        let name = try required(form, "name", "新人员需要姓名 · A new person needs a name.")
        var person = Person(id: id, name: name)
        for key in ["title", "department", "stance", "influence", "reports_to", "notes"] {
            guard let raw = form.first(key) else { continue }
            let value =
                key == "notes"
                ? raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                : raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty { continue }
            switch try field(key, value) {
            case .title(let s): person.title = s
            case .department(let s): person.department = s
            case .stance(let s): person.stance = s
            case .influence(let n): person.influence = n
            case .reportsTo(let s): person.reportsTo = s
            case .notes(let s): person.notes = s
            default: break
            }
        }
        if case .roles(let roles) = try field("roles", form.all("roles").joined(separator: ",")) {
            person.roles = roles
        }
        return person
    }

    /// A tie: `from`, `to`, `type`, and `strength` in (0, 1] (1 when empty).
    static func relation(_ form: FormFields) throws(FormProblem) -> Relation {
        let from = try required(form, "from", "请选择关系的一方 · Choose who influences (or one side).")
        let to = try required(form, "to", "请选择关系的另一方 · Choose the other side.")
        guard let type = try relationType(form.first("type") ?? "", optional: false) else {
            throw FormProblem("type: influences, ally or rival")
        }
        var strength = 1.0
        let text = (form.first("strength") ?? "").trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            guard let x = Double(text), x > 0, x <= 1 else {
                throw FormProblem("strength: '\(text)' is not a number in (0, 1]")
            }
            strength = x
        }
        return Relation(from: from, to: to, type: type, strength: strength)
    }

    /// A contact: `member`, `person`, `strength` (weak, medium, strong; medium when
    /// empty) and `last` (YYYY-MM-DD, optional).
    static func contact(_ form: FormFields) throws(FormProblem) -> Contact {
        let member = try required(form, "member", "请选择我方人员 · Choose the team member.")
        let person = try required(form, "person", "请选择对方人员 · Choose the person.")
        var contact = Contact(
            member: member, person: person, strength: try strength(form.first("strength") ?? "") ?? .medium)
        let last = (form.first("last") ?? "").trimmingCharacters(in: .whitespaces)
        if !last.isEmpty {
            guard let day = Day(iso: last) else {
                throw FormProblem("日期格式应为 YYYY-MM-DD · last: '\(last)' is not a date (YYYY-MM-DD)")
            }
            contact.last = day
        }
        return contact
    }

    /// weak, medium or strong; nil when empty.
    static func strength(_ text: String) throws(FormProblem) -> ContactStrength? {
        switch text {
        case "": nil
        case "weak": .weak
        case "medium": .medium
        case "strong": .strong
        default: throw FormProblem("strength: weak, medium or strong")
        }
    }

    private static func relationType(_ text: String, optional: Bool) throws(FormProblem) -> RelationType? {
        if text.isEmpty, optional { return nil }
        guard let type = RelationType(rawValue: text) else {
            throw FormProblem("type: '\(text)' is not influences, ally or rival")
        }
        return type
    }

    private static func required(_ form: FormFields, _ key: String, _ problem: String) throws(FormProblem) -> String {
        let value = (form.first(key) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw FormProblem(problem) }
        return value
    }

    private static func field(_ key: String, _ value: String) throws(FormProblem) -> PersonField {
        do { return try PersonField.parse(key: key, value: value) } catch { throw FormProblem(error.description) }
    }
}
