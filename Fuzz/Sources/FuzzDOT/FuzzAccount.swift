import RelMapCore

/// A valid account drawn from fuzz bytes: the shape RelMapSynthetic gives (a reporting
/// tree, departments, ties of every kind, a team with contacts and a visit log), with
/// every text a user can type taken from the bytes.
///
/// "Valid" is what the loader would accept from a file (AccountValidator): ids unique
/// across people and team, managers that exist and no reporting cycle, no tie from a
/// person to themself or given twice, one contact per member and person, and every
/// reference naming someone who exists. The text itself is anything at all, because
/// the writer's escaping must not depend on what the loader happens to let through.
enum FuzzAccount {
    static let asOf = Day(daysSinceEpoch: 20_758)

    static func make(_ bytes: inout FuzzBytes) -> Account {
        let departments = (0..<bytes.int(0...5)).map { _ in bytes.text(12) }
        var people: [Person] = []
        for i in 0..<bytes.int(1...40) {
            var p = Person(id: id("p", i, &bytes), name: nonEmpty(bytes.text(16)))
            if bytes.chance(70) { p.title = bytes.text(24) }
            if !departments.isEmpty, bytes.chance(85) { p.department = bytes.pick(departments) }
            if bytes.chance(30) { p.level = bytes.int(1...1000) }
            p.roles = BuyingRole.allCases.filter { _ in bytes.chance(15) }
            p.stance = bytes.pick(Stance.allCases)
            if bytes.chance(70) { p.influence = bytes.int(1...5) }
            // A manager listed earlier: a tree, so never a cycle.
            if i > 0, bytes.chance(80) { p.reportsTo = people[bytes.int(0...(i - 1))].id }
            if bytes.chance(30) { p.notes = bytes.text(60) }
            people.append(p)
        }
        let team = (0..<bytes.int(0...5)).map { j in
            TeamMember(
                id: id("t", j, &bytes), name: nonEmpty(bytes.text(16)), role: bytes.chance(50) ? bytes.text(12) : nil)
        }

        var relations: [Relation] = []
        var ties = Set<String>()
        for _ in 0..<bytes.int(0...(2 * people.count)) {
            let a = bytes.pick(people).id, b = bytes.pick(people).id
            let type = bytes.pick(RelationType.allCases)
            let (x, y) = type.isSymmetric && b < a ? (b, a) : (a, b)
            guard a != b, ties.insert("\(type) \(x) \(y)").inserted else { continue }
            relations.append(Relation(from: a, to: b, type: type, strength: Double(bytes.int(1...100)) / 100))
        }

        var contacts: [Contact] = []
        var interactions: [Interaction] = []
        if !team.isEmpty {
            var pairs = Set<String>()
            for _ in 0..<bytes.int(0...people.count) {
                let m = bytes.pick(team).id, p = bytes.pick(people).id
                guard pairs.insert(m + " " + p).inserted else { continue }
                let strength = bytes.pick([
                    ContactStrength.weak, .medium, .strong, .value(Double(bytes.int(1...100)) / 100),
                ])
                // Dates after as_of are allowed (a warning in a file), and so is none.
                let last = bytes.chance(85) ? asOf.adding(days: bytes.int(-900...30)) : nil
                contacts.append(Contact(member: m, person: p, strength: strength, last: last))
            }
            // Interactions without a contact imply one, which the diagram draws too.
            for _ in 0..<bytes.int(0...6) {
                let met = Array(Set((0..<bytes.int(1...3)).map { _ in bytes.pick(people).id })).sorted()
                interactions.append(
                    Interaction(
                        date: asOf.adding(days: bytes.int(-900...30)), member: bytes.pick(team).id,
                        people: met, kind: bytes.chance(50) ? bytes.text(8) : nil,
                        note: bytes.chance(50) ? bytes.text(30) : nil))
            }
        }
        return Account(
            id: "fuzz", name: nonEmpty(bytes.text(20)), tier: bytes.chance(50) ? bytes.pick(Tier.allCases) : nil,
            stage: bytes.chance(50) ? bytes.pick(Stage.allCases) : nil, asOf: asOf,
            notes: bytes.chance(30) ? bytes.text(40) : nil, team: team, people: people,
            relations: relations, contacts: contacts, interactions: interactions)
    }

    /// `p3`, `t0`: unique by construction; sometimes with letters, `-` and `_` in front,
    /// which tooltips show.
    private static func id(_ kind: String, _ n: Int, _ bytes: inout FuzzBytes) -> String {
        guard bytes.chance(30) else { return "\(kind)\(n)" }
        let letters = Array("abcxyzABCXYZ09-_")
        return String((0..<bytes.int(1...6)).map { _ in bytes.pick(letters) }) + "-\(kind)\(n)"
    }

    /// A name is required in a file; an empty one gets a placeholder.
    private static func nonEmpty(_ text: String) -> String { text.isEmpty ? "?" : text }
}
