/// Checks what can only be judged with the whole account in view: ids that must be
/// unique or must exist, reporting cycles, repeated ties, and dates against `as_of`.
struct AccountValidator {
    let decoded: DecodedAccount
    let reader: NodeReader
    let today: Day
    /// Every id of the team and the people, each hashed once, with what it names: one
    /// lookup per reference answers whether it is a person, a member, or neither.
    private let ids: [String: IdEntry]
    /// For each person, the number of the first person with the same id, which the
    /// reporting chains are drawn between.
    private let personNumbers: [Int]
    /// Each repeated id, as a person's or member's position and the first definition's.
    private let repeats: [(repeated: IdEntry.Definition, first: IdEntry.Definition)]

    /// What one id names: the first member and the first person with it, by position.
    private struct IdEntry {
        var member = -1
        var person = -1

        /// A place an id is defined: the team's item or the people's item at `index`.
        enum Definition {
            case member(Int), person(Int)
        }

        /// Where the id is first defined, team first, as people and team share one namespace.
        var first: Definition? { member >= 0 ? .member(member) : person >= 0 ? .person(person) : nil }
    }

    init(decoded: DecodedAccount, reader: NodeReader, today: Day) {
        self.decoded = decoded
        self.reader = reader
        self.today = today
        let team = decoded.account.team, people = decoded.account.people
        var ids: [String: IdEntry] = [:]
        ids.reserveCapacity(team.count + people.count)
        var personNumbers = [Int](repeating: 0, count: people.count)
        var repeats: [(repeated: IdEntry.Definition, first: IdEntry.Definition)] = []
        // By index: `enumerated()` copied every person, all of its fields, for its id.
        for i in team.indices {
            Self.modify(&ids[team[i].id, default: IdEntry()]) { entry in
                if let first = entry.first { repeats.append((.member(i), first)) }
                if entry.member < 0 { entry.member = i }
            }
        }
        for i in people.indices {
            Self.modify(&ids[people[i].id, default: IdEntry()]) { entry in
                if let first = entry.first { repeats.append((.person(i), first)) }
                if entry.person < 0 { entry.person = i }
                personNumbers[i] = entry.person
            }
        }
        self.ids = ids
        self.personNumbers = personNumbers
        self.repeats = repeats
    }

    /// Calls `body` on `value` in place: on a dictionary's `[key, default:]`, one lookup
    /// finds the entry or makes it, where reading and then writing it took two.
    private static func modify<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }

    /// Numbers for the ids a duplicate check compares: one already known (`known`, a
    /// person's or member's position), else one past them per other id, which has been
    /// reported but whose repeats are still found. Comparing numbers instead of ids saves
    /// hashing the ids a second time.
    private struct IdNumbers {
        let first: Int
        var others: [String: Int] = [:]

        mutating func number(_ id: String, known: Int?) -> Int {
            if let known { return known }
            if let n = others[id] { return n }
            let n = first + others.count
            others[id] = n
            return n
        }
    }

    private var account: Account { decoded.account }

    func validate() {
        checkIds()
        checkReportsTo()
        checkRelations()
        checkContacts()
        checkInteractions()
        checkDates()
    }

    /// Where a value was written, else where `fallback` was, else the file's start.
    private func place(_ mark: YAMLMark?, or fallback: SourceLocation?) -> SourceLocation {
        mark.map(reader.location) ?? fallback ?? SourceLocation(file: reader.file, line: 1, column: 1)
    }

    /// Where the first of two equal entries was written (`path`, the first's item path).
    private func firstWritten(_ location: SourceLocation?, _ path: ValuePath) -> Diagnostic.Note {
        Diagnostic.Note(place(nil, or: location), "first written here (\(path))")
    }

    /// People and team share one namespace: a contact or interaction names both kinds.
    /// Each repeat of an id is reported in file order, team first, at the first definition.
    private func checkIds() {
        func source(_ definition: IdEntry.Definition) -> (path: ValuePath, id: YAMLMark?)? {
            switch definition {
            case .member(let i): i < decoded.members.count ? (decoded.members[i].path, decoded.members[i].id) : nil
            case .person(let i): i < decoded.people.count ? (decoded.people[i].path, decoded.people[i].id) : nil
            }
        }
        for (repeated, first) in repeats {
            guard let here = source(repeated), let first = source(first) else { continue }
            let id =
                switch repeated {
                case .member(let i): account.team[i].id
                case .person(let i): account.people[i].id
                }
            reader.error(
                .duplicateId, at: place(here.id, or: nil), "\(here.path.key("id")): duplicate id '\(id)'",
                notes: [Diagnostic.Note(place(first.id, or: nil), "first defined here (\(first.path))")])
        }
    }

    /// A reference to a person: exists, and is not one of our own team. The person's
    /// number when it does.
    @discardableResult
    private func checkPerson(
        _ id: String, at path: @autoclosure () -> ValuePath, mark: YAMLMark?, fallback: SourceLocation?
    ) -> Int? {
        let entry = ids[id]
        if let entry, entry.person >= 0 { return entry.person }
        let location = place(mark, or: fallback)
        if let entry, entry.member >= 0 {
            reader.error(
                .wrongKindOfReference, at: location, "\(path()): '\(id)' is on our team; name a person in the account")
        } else {
            reader.error(
                .unknownReference, at: location,
                "\(path()): no person with id '\(id)'\(Suggestion.didYouMean(id, in: account.people.lazy.map(\.id)))")
        }
        return nil
    }

    /// A reference to a member of our team; the member's number when there is one.
    @discardableResult
    private func checkMember(
        _ id: String, at path: @autoclosure () -> ValuePath, mark: YAMLMark?, fallback: SourceLocation?
    ) -> Int? {
        let entry = ids[id]
        if let entry, entry.member >= 0 { return entry.member }
        let location = place(mark, or: fallback)
        if let entry, entry.person >= 0 {
            reader.error(
                .wrongKindOfReference, at: location,
                "\(path()): '\(id)' is a person in the account; name a member of our team")
        } else {
            reader.error(
                .unknownReference, at: location,
                "\(path()): no team member with id '\(id)'\(Suggestion.didYouMean(id, in: account.team.lazy.map(\.id)))"
            )
        }
        return nil
    }

    private func checkReportsTo() {
        // People are numbered by the first person with each id; an id's manager is the
        // first valid `reports_to` written for it.
        let people = account.people
        var manager = [Int](repeating: -1, count: people.count)
        let sources = decoded.people
        for i in people.indices {
            guard let boss = people[i].reportsTo else { continue }
            let b = checkPerson(
                boss, at: sources[i].path.key("reports_to"), mark: sources[i].reportsTo,
                fallback: people[i].location)
            let me = personNumbers[i]
            if let b, manager[me] < 0 { manager[me] = b }
        }
        for cycle in Self.cycles(manager) {
            // Each cycle is reported once, at the first of its people in the file, and
            // named from there up the chain.
            guard let first = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { continue }
            let ordered = Array(cycle[first...] + cycle[..<first])
            let person = people[ordered[0]]
            let source = decoded.people[ordered[0]]
            let path = source.path.key("reports_to")
            let names = (ordered + [ordered[0]]).map { people[$0].id }.joined(separator: " -> ")
            let message =
                cycle.count == 1
                ? "\(path): '\(person.id)' reports to itself"
                : "\(path): reporting cycle \(names)"
            // The rest of the chain as notes, so an editor links every `reports_to` to change.
            let links = zip(ordered.dropFirst(), ordered.dropFirst(2) + [ordered[0]]).map { n, boss in
                Diagnostic.Note(
                    place(decoded.people[n].reportsTo, or: people[n].location),
                    "\(decoded.people[n].path.key("reports_to")): '\(people[n].id)' reports to '\(people[boss].id)'")
            }
            reader.error(.reportingCycle, at: place(source.reportsTo, or: person.location), message, notes: links)
        }
    }

    /// The cycles of a graph where each node has at most one successor (`next[i]`, or
    /// -1), each as its nodes in successor order. O(n): every node is walked once.
    static func cycles(_ next: [Int]) -> [[Int]] {
        enum State { case new, onWalk, done }
        var state = [State](repeating: .new, count: next.count)
        var cycles: [[Int]] = []
        var walk: [Int] = []
        for start in next.indices where state[start] == .new {
            walk.removeAll(keepingCapacity: true)
            var node = start
            while node >= 0, state[node] == .new {
                state[node] = .onWalk
                walk.append(node)
                node = next[node]
            }
            // Meeting the walk itself closes a new cycle; meeting an earlier walk does not.
            if node >= 0, state[node] == .onWalk, let entry = walk.firstIndex(of: node) {
                cycles.append(Array(walk[entry...]))
            }
            for n in walk { state[n] = .done }
        }
        return cycles
    }

    /// The first position recorded for `key`, after recording `position` for it when
    /// there is none: one lookup, where asking and then inserting hashed the key twice.
    /// A key is two numbers (each under 2^30: there are never that many items in a file)
    /// and a kind, packed into one `Int`, which hashes in one step where a struct of
    /// three hashed three.
    private static func firstPosition(of key: Int, _ position: Int, in seen: inout [Int: Int]) -> Int? {
        var first: Int?
        modify(&seen[key, default: -1]) { recorded in
            if recorded < 0 { recorded = position } else { first = recorded }
        }
        return first
    }

    private static func key(_ kind: Int, _ a: Int, _ b: Int) -> Int { kind &<< 60 | a &<< 30 | b }

    private func checkRelations() {
        // The ends by number (`IdNumbers`): the same id, the same number.
        // The type by its position in `allCases`: as a `String` raw-value enum it would
        // hash its word, and hashing it cost more than the rest of the check.
        let relations = account.relations, sources = decoded.relations
        var seen: [Int: Int] = [:]  // tie -> the first relation's position in `decoded.relations`
        seen.reserveCapacity(relations.count)
        var numbers = IdNumbers(first: account.people.count)
        for k in 0..<min(relations.count, sources.count) {
            let from = numbers.number(
                relations[k].from,
                known:
                    checkPerson(
                        relations[k].from, at: sources[k].path.key("from"), mark: sources[k].from,
                        fallback: relations[k].location))
            let to = numbers.number(
                relations[k].to,
                known:
                    checkPerson(
                        relations[k].to, at: sources[k].path.key("to"), mark: sources[k].to,
                        fallback: relations[k].location))
            if from == to {
                reader.error(
                    .selfTie, at: place(sources[k].to, or: relations[k].location),
                    "\(sources[k].path): a relation from '\(relations[k].from)' to itself")
                continue
            }
            // Ally and rival read the same both ways round.
            let type = relations[k].type
            let kind =
                switch type {
                case .influences: 0
                case .ally: 1
                case .rival: 2
                }
            let key = type.isSymmetric && to < from ? Self.key(kind, to, from) : Self.key(kind, from, to)
            if let firstPosition = Self.firstPosition(of: key, k, in: &seen) {
                let relation = relations[k]
                reader.error(
                    .duplicateRelation, at: relation.location ?? place(nil, or: nil),
                    "\(sources[k].path): the same relation again (\(relation.from) \(relation.type.rawValue) \(relation.to))",
                    notes: [firstWritten(relations[firstPosition].location, sources[firstPosition].path)])
            }
        }
    }

    private func checkContacts() {
        // Members and people by number (`IdNumbers`), each kind numbered apart.
        let contacts = account.contacts, sources = decoded.contacts
        var seen: [Int: Int] = [:]  // pair -> the first contact's position in `decoded.contacts`
        seen.reserveCapacity(contacts.count)
        var members = IdNumbers(first: account.team.count), people = IdNumbers(first: account.people.count)
        for k in 0..<min(contacts.count, sources.count) {
            let member = members.number(
                contacts[k].member,
                known:
                    checkMember(
                        contacts[k].member, at: sources[k].path.key("member"), mark: sources[k].member,
                        fallback: contacts[k].location))
            let person = people.number(
                contacts[k].person,
                known:
                    checkPerson(
                        contacts[k].person, at: sources[k].path.key("person"), mark: sources[k].person,
                        fallback: contacts[k].location))
            if let firstPosition = Self.firstPosition(of: Self.key(0, member, person), k, in: &seen) {
                let contact = contacts[k]
                reader.error(
                    .duplicateContact, at: contact.location ?? place(nil, or: nil),
                    "\(sources[k].path): a second contact between '\(contact.member)' and '\(contact.person)'; keep one and update its strength and date",
                    notes: [firstWritten(contacts[firstPosition].location, sources[firstPosition].path)])
            }
        }
    }

    private func checkInteractions() {
        for (interaction, source) in zip(account.interactions, decoded.interactions) {
            checkMember(
                interaction.member, at: source.path.key("member"), mark: source.member, fallback: interaction.location)
            for (i, id) in interaction.people.enumerated() {
                checkPerson(
                    id, at: source.path.key("people").item(i),
                    mark: i < source.people.count ? source.people[i] : nil, fallback: interaction.location)
            }
        }
    }

    /// Dates after `as_of` are probably typos, but not fatal: they are warnings.
    private func checkDates() {
        let asOf = account.asOf
        for (contact, source) in zip(account.contacts, decoded.contacts) {
            if let last = contact.last, last > asOf {
                reader.warning(
                    at: place(source.last, or: contact.location),
                    "\(source.path.key("last")): \(last) is after the map's as_of date \(asOf)", kind: .contactAfterAsOf
                )
            }
        }
        for (interaction, source) in zip(account.interactions, decoded.interactions) where interaction.date > asOf {
            reader.warning(
                at: place(source.date, or: interaction.location),
                "\(source.path.key("date")): \(interaction.date) is after the map's as_of date \(asOf)",
                kind: .interactionAfterAsOf)
        }
        for (person, source) in zip(account.people, decoded.people) where person.department == nil {
            reader.warning(
                at: person.location ?? place(nil, or: nil),
                "\(source.path): \(person.name) (\(person.id)) has no department", kind: .noDepartment)
        }
        if asOf.days(until: today) > 365 {
            reader.warning(
                at: place(decoded.asOfMark, or: account.location),
                "account.as_of: the map describes \(asOf), more than a year ago; is it still true?", kind: .oldMap)
        }
    }
}
