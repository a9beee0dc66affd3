/// Checks what can only be judged with the whole account in view: ids that must be
/// unique or must exist, reporting cycles, repeated ties, and dates against `as_of`.
struct AccountValidator {
    let decoded: DecodedAccount
    let reader: NodeReader
    let today: Day
    /// Ids in file order, for "did you mean" (ties go to the first listed), and by id
    /// (the position of the first with it) for the many membership tests: one lookup per
    /// reference instead of a scan, which also gives the number the duplicate checks key on.
    private let personIds: [String]
    private let memberIds: [String]
    private let personNumber: [String: Int]
    private let memberNumber: [String: Int]

    init(decoded: DecodedAccount, reader: NodeReader, today: Day) {
        self.decoded = decoded
        self.reader = reader
        self.today = today
        personIds = decoded.account.people.map(\.id)
        memberIds = decoded.account.team.map(\.id)
        personNumber = Self.firstPositions(personIds)
        memberNumber = Self.firstPositions(memberIds)
    }

    /// Each id's position in `ids`, the first where it repeats.
    private static func firstPositions(_ ids: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where positions[id] == nil { positions[id] = i }
        return positions
    }

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
    private func checkIds() {
        var seen: [String: (path: ValuePath, id: YAMLMark?)] = [:]  // id -> where it was first defined
        seen.reserveCapacity(account.team.count + account.people.count)
        // By position, team first: zipping copies of the ids with copies of the paths
        // into one array cost a copy of every person's path and id.
        func visit(_ id: String, _ path: ValuePath, _ mark: YAMLMark?) {
            if let first = seen[id] {
                reader.error(
                    .duplicateId, at: place(mark, or: nil), "\(path.key("id")): duplicate id '\(id)'",
                    notes: [Diagnostic.Note(place(first.id, or: nil), "first defined here (\(first.path))")])
            } else {
                seen[id] = (path, mark)
            }
        }
        let team = decoded.account.team, people = decoded.account.people
        for i in 0..<min(team.count, decoded.members.count) {
            visit(team[i].id, decoded.members[i].path, decoded.members[i].id)
        }
        for i in 0..<min(people.count, decoded.people.count) {
            visit(people[i].id, decoded.people[i].path, decoded.people[i].id)
        }
    }

    /// A reference to a person: exists, and is not one of our own team. The person's
    /// number when it does.
    @discardableResult
    private func checkPerson(
        _ id: String, at path: @autoclosure () -> ValuePath, mark: YAMLMark?, fallback: SourceLocation?
    ) -> Int? {
        if let number = personNumber[id] { return number }
        let location = place(mark, or: fallback)
        if memberNumber[id] != nil {
            reader.error(
                .wrongKindOfReference, at: location, "\(path()): '\(id)' is on our team; name a person in the account")
        } else {
            reader.error(
                .unknownReference, at: location,
                "\(path()): no person with id '\(id)'\(Suggestion.didYouMean(id, in: personIds))")
        }
        return nil
    }

    /// A reference to a member of our team; the member's number when there is one.
    @discardableResult
    private func checkMember(
        _ id: String, at path: @autoclosure () -> ValuePath, mark: YAMLMark?, fallback: SourceLocation?
    ) -> Int? {
        if let number = memberNumber[id] { return number }
        let location = place(mark, or: fallback)
        if personNumber[id] != nil {
            reader.error(
                .wrongKindOfReference, at: location,
                "\(path()): '\(id)' is a person in the account; name a member of our team")
        } else {
            reader.error(
                .unknownReference, at: location,
                "\(path()): no team member with id '\(id)'\(Suggestion.didYouMean(id, in: memberIds))")
        }
        return nil
    }

    private func checkReportsTo() {
        // People are numbered by the first person with each id; an id's manager is the
        // first valid `reports_to` written for it.
        let people = account.people
        var manager = [Int](repeating: -1, count: people.count)
        for (i, person) in people.enumerated() {
            guard let boss = person.reportsTo else { continue }
            let source = decoded.people[i]
            let b = checkPerson(
                boss, at: source.path.key("reports_to"), mark: source.reportsTo, fallback: person.location)
            if let me = personNumber[person.id], let b, manager[me] < 0 { manager[me] = b }
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

    private func checkRelations() {
        // The ends by number (`IdNumbers`): the same id, the same number.
        // The type by its position in `allCases`: as a `String` raw-value enum it would
        // hash its word, and hashing it cost more than the rest of the check.
        struct Tie: Hashable { var type: Int, from: Int, to: Int }
        var seen: [Tie: Int] = [:]  // -> the first relation's position in `decoded.relations`
        seen.reserveCapacity(account.relations.count)
        var numbers = IdNumbers(first: personIds.count)
        for (k, (relation, source)) in zip(account.relations, decoded.relations).enumerated() {
            let from = numbers.number(
                relation.from,
                known:
                    checkPerson(
                        relation.from, at: source.path.key("from"), mark: source.from, fallback: relation.location))
            let to = numbers.number(
                relation.to,
                known:
                    checkPerson(relation.to, at: source.path.key("to"), mark: source.to, fallback: relation.location))
            if from == to {
                reader.error(
                    .selfTie, at: place(source.to, or: relation.location),
                    "\(source.path): a relation from '\(relation.from)' to itself")
                continue
            }
            // Ally and rival read the same both ways round.
            let type =
                switch relation.type {
                case .influences: 0
                case .ally: 1
                case .rival: 2
                }
            let key =
                relation.type.isSymmetric && to < from
                ? Tie(type: type, from: to, to: from)
                : Tie(type: type, from: from, to: to)
            if let firstPosition = seen[key] {
                let first = decoded.relations[firstPosition]
                reader.error(
                    .duplicateRelation, at: relation.location ?? place(nil, or: nil),
                    "\(source.path): the same relation again (\(relation.from) \(relation.type.rawValue) \(relation.to))",
                    notes: [firstWritten(account.relations[firstPosition].location, first.path)])
            } else {
                seen[key] = k
            }
        }
    }

    private func checkContacts() {
        // Members and people by number (`IdNumbers`), each kind numbered apart.
        struct Pair: Hashable { var member: Int, person: Int }
        var seen: [Pair: Int] = [:]  // -> the first contact's position in `decoded.contacts`
        seen.reserveCapacity(account.contacts.count)
        var members = IdNumbers(first: memberIds.count), people = IdNumbers(first: personIds.count)
        for (k, (contact, source)) in zip(account.contacts, decoded.contacts).enumerated() {
            let member = members.number(
                contact.member,
                known:
                    checkMember(
                        contact.member, at: source.path.key("member"), mark: source.member, fallback: contact.location))
            let person = people.number(
                contact.person,
                known:
                    checkPerson(
                        contact.person, at: source.path.key("person"), mark: source.person, fallback: contact.location))
            let key = Pair(member: member, person: person)
            if let firstPosition = seen[key] {
                let first = decoded.contacts[firstPosition]
                reader.error(
                    .duplicateContact, at: contact.location ?? place(nil, or: nil),
                    "\(source.path): a second contact between '\(contact.member)' and '\(contact.person)'; keep one and update its strength and date",
                    notes: [firstWritten(account.contacts[firstPosition].location, first.path)])
            } else {
                seen[key] = k
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
