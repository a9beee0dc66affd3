/// Checks what can only be judged with the whole account in view: ids that must be
/// unique or must exist, reporting cycles, repeated ties, and dates against `as_of`.
struct AccountValidator {
    let decoded: DecodedAccount
    let reader: NodeReader
    let today: Day

    private var account: Account { decoded.account }

    func validate() {
        checkIds()
        checkReportsTo()
        checkRelations()
        checkContacts()
        checkInteractions()
        checkDates()
    }

    private var personIds: [String] { account.people.map(\.id) }
    private var memberIds: [String] { account.team.map(\.id) }

    /// People and team share one namespace: a contact or interaction names both kinds.
    private func checkIds() {
        var seen: [String: String] = [:]  // id -> path where it was first defined
        let all = Array(zip(account.team.map(\.id), decoded.memberPaths)) + Array(zip(account.people.map(\.id), decoded.personPaths))
        for (id, path) in all {
            if let first = seen[id] {
                let line = reader.mark("\(first).id", or: nil).line
                reader.error(at: reader.mark("\(path).id", or: nil),
                             "\(path).id: duplicate id '\(id)'; first defined at line \(line) (\(first))")
            } else {
                seen[id] = path
            }
        }
    }

    /// A reference to a person: exists, and is not one of our own team.
    private func checkPerson(_ id: String, at path: String, fallback: SourceLocation?) {
        guard !personIds.contains(id) else { return }
        let location = reader.mark(path, or: fallback)
        if memberIds.contains(id) {
            reader.error(at: location, "\(path): '\(id)' is on our team; name a person in the account")
        } else {
            reader.error(at: location, "\(path): no person with id '\(id)'\(Suggestion.didYouMean(id, in: personIds))")
        }
    }

    private func checkMember(_ id: String, at path: String, fallback: SourceLocation?) {
        guard !memberIds.contains(id) else { return }
        let location = reader.mark(path, or: fallback)
        if personIds.contains(id) {
            reader.error(at: location, "\(path): '\(id)' is a person in the account; name a member of our team")
        } else {
            reader.error(at: location, "\(path): no team member with id '\(id)'\(Suggestion.didYouMean(id, in: memberIds))")
        }
    }

    private func checkReportsTo() {
        var manager: [String: String] = [:]
        for (person, path) in zip(account.people, decoded.personPaths) {
            guard let boss = person.reportsTo else { continue }
            checkPerson(boss, at: "\(path).reports_to", fallback: person.location)
            if personIds.contains(boss), manager[person.id] == nil { manager[person.id] = boss }
        }
        // Walk up from each person in file order; a walk that meets itself is a cycle.
        // Each cycle is reported once, at the first of its people in the file.
        var reported = Set<String>()
        for (person, path) in zip(account.people, decoded.personPaths) where !reported.contains(person.id) {
            var chain = [person.id]
            var position = [person.id: 0]
            var current = person.id
            while let next = manager[current] {
                if let start = position[next] {
                    let cycle = Array(chain[start...])
                    if cycle.first == person.id {
                        reported.formUnion(cycle)
                        let names = (cycle + [cycle[0]]).joined(separator: " -> ")
                        let message = cycle.count == 1
                            ? "\(path).reports_to: '\(person.id)' reports to itself"
                            : "\(path).reports_to: reporting cycle \(names)"
                        reader.error(at: reader.mark("\(path).reports_to", or: person.location), message)
                    }
                    break
                }
                position[next] = chain.count
                chain.append(next)
                current = next
            }
        }
    }

    private func checkRelations() {
        var seen: [String: String] = [:]
        for (relation, path) in zip(account.relations, decoded.relationPaths) {
            checkPerson(relation.from, at: "\(path).from", fallback: relation.location)
            checkPerson(relation.to, at: "\(path).to", fallback: relation.location)
            if relation.from == relation.to {
                reader.error(at: reader.mark("\(path).to", or: relation.location),
                             "\(path): a relation from '\(relation.from)' to itself")
                continue
            }
            // Ally and rival read the same both ways round.
            let ends = relation.type.isSymmetric ? [relation.from, relation.to].sorted() : [relation.from, relation.to]
            let key = "\(relation.type.rawValue) \(ends[0]) \(ends[1])"
            if let first = seen[key] {
                let line = reader.mark("\(first).from", or: nil).line
                reader.error(at: relation.location ?? reader.mark(path, or: nil),
                             "\(path): the same relation again (\(relation.from) \(relation.type.rawValue) \(relation.to)); first at line \(line) (\(first))")
            } else {
                seen[key] = path
            }
        }
    }

    private func checkContacts() {
        var seen: [String: String] = [:]
        for (contact, path) in zip(account.contacts, decoded.contactPaths) {
            checkMember(contact.member, at: "\(path).member", fallback: contact.location)
            checkPerson(contact.person, at: "\(path).person", fallback: contact.location)
            let key = "\(contact.member) \(contact.person)"
            if let first = seen[key] {
                let line = reader.mark("\(first).member", or: nil).line
                reader.error(at: contact.location ?? reader.mark(path, or: nil),
                             "\(path): a second contact between '\(contact.member)' and '\(contact.person)'; first at line \(line) (\(first)); keep one and update its strength and date")
            } else {
                seen[key] = path
            }
        }
    }

    private func checkInteractions() {
        for (interaction, path) in zip(account.interactions, decoded.interactionPaths) {
            checkMember(interaction.member, at: "\(path).member", fallback: interaction.location)
            for (i, id) in interaction.people.enumerated() {
                checkPerson(id, at: "\(path).people[\(i)]", fallback: interaction.location)
            }
        }
    }

    /// Dates after `as_of` are probably typos, but not fatal: they are warnings.
    private func checkDates() {
        let asOf = account.asOf
        for (contact, path) in zip(account.contacts, decoded.contactPaths) {
            if let last = contact.last, last > asOf {
                reader.warning(at: reader.mark("\(path).last", or: contact.location),
                               "\(path).last: \(last) is after the map's as_of date \(asOf)")
            }
        }
        for (interaction, path) in zip(account.interactions, decoded.interactionPaths) where interaction.date > asOf {
            reader.warning(at: reader.mark("\(path).date", or: interaction.location),
                           "\(path).date: \(interaction.date) is after the map's as_of date \(asOf)")
        }
        for (person, path) in zip(account.people, decoded.personPaths) where person.department == nil {
            reader.warning(at: person.location ?? reader.mark(path, or: nil),
                           "\(path): \(person.name) (\(person.id)) has no department")
        }
        if asOf.days(until: today) > 365 {
            reader.warning(at: reader.mark("account.as_of", or: account.location),
                           "account.as_of: the map describes \(asOf), more than a year ago; is it still true?")
        }
    }
}
