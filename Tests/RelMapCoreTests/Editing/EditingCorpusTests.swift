import Foundation
import Testing
@testable import RelMapCore

/// Every sample in graphs/ and every valid fixture, each edit kind: the result loads to
/// the intended account, the diff has exactly the lines the edit needs (counted from the
/// loader's own tree of the original, not from the engine's spans), and comments stay.
@Suite struct EditingCorpusTests {
    /// graphs/*.yaml and every fixture *.yaml that loads without errors, relative paths.
    static let files: [String] = {
        let roots = ["graphs", "Tests/RelMapCoreTests/Fixtures"]
        var found: [String] = []
        for root in roots {
            let enumerator = FileManager.default.enumerator(atPath: Repo.path(root))
            while let name = enumerator?.nextObject() as? String {
                guard name.hasSuffix(".yaml") else { continue }
                let path = root + "/" + name
                if load(try! String(contentsOfFile: Repo.path(path), encoding: .utf8), path: path).account != nil {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }()

    @Test func theCorpusHoldsTheSamplesAndTheFixtures() {
        #expect(Self.files.filter { $0.hasPrefix("graphs/") }.count >= 6)
        #expect(Self.files.count >= 100)
        #expect(!Self.files.contains { $0.contains("invalid/") })
    }

    @Test(arguments: files)
    func everyEditKind(_ path: String) throws {
        let text = try String(contentsOfFile: Repo.path(path), encoding: .utf8)
        let oracle = try #require(Oracle(text))
        let original = try #require(load(text, path: path).account)
        func apply(_ edits: [AccountEdit]) throws -> (EditResult, LineDiff) {
            let result = try AccountEditor.apply(edits, to: text, path: path, options: testOptions())
            return (result, LineDiff(old: text, new: result.text))
        }
        let first = original.people[0], last = original.people[original.people.count - 1]
        let firstNode = try #require(oracle.item("people", 0))
        let lastNode = try #require(oracle.item("people", original.people.count - 1))

        // set: a stance, and a hostile CJK title.
        let stance: Stance = first.stance == .blocker ? .champion : .blocker
        var (result, diff) = try apply([.setPerson(first.id, [.stance(stance)])])
        var expected = original
        expected.people[0].stance = stance
        #expect(stripped(result.account) == stripped(expected))
        #expect(diff.changedLineCount == oracle.setLines(firstNode, "stance"), "set stance")
        #expect(oracle.commentsSurvive(in: result.text))

        let title = "总经理: \"老赵\" #1 {yes}\n第二行"
        (result, diff) = try apply([.setPerson(last.id, [.title(title)])])
        expected = original
        expected.people[original.people.count - 1].title = title
        #expect(stripped(result.account) == stripped(expected))
        #expect(diff.changedLineCount == oracle.setLines(lastNode, "title"), "set title")

        // log: the first member meets the last person, a day after anything in the file.
        let member = original.team[0].id
        let dates = [original.asOf] + original.contacts.compactMap(\.last) + original.interactions.map(\.date)
        let date = (dates.max() ?? original.asOf).adding(days: 1)
        let note = "下次带工程师 #demo: yes, 'quoted' \\ done"
        (result, diff) = try apply([
            .log(InteractionLog(date: date, member: member, people: [last.id], kind: "visit", note: note))
        ])
        expected = original
        expected.interactions.append(
            Interaction(date: date, member: member, people: [last.id], kind: "visit", note: note))
        var lines = oracle.appendLines("interactions", fields: 5)
        if let c = original.contacts.firstIndex(where: { $0.member == member && $0.person == last.id }) {
            expected.contacts[c].last = date
            lines += oracle.setLines(try #require(oracle.item("contacts", c)), "last")
        } else {
            expected.contacts.append(Contact(member: member, person: last.id, strength: .medium, last: date))
            lines += oracle.appendLines("contacts", fields: 4)
        }
        if oracle.writesAsOf {
            expected.asOf = date
            lines += 2
        }
        #expect(stripped(result.account) == stripped(expected))
        #expect(diff.changedLineCount == lines, "log")
        #expect(oracle.commentsSurvive(in: result.text))

        // add: a person, a tie between two people with none yet, a member, a contact.
        let newPerson = Person(
            id: "edit-new", name: "新人 李: yes", department: "采购部", roles: [.gatekeeper],
            stance: .skeptic, reportsTo: first.id)
        (result, diff) = try apply([.addPerson(newPerson)])
        expected = original
        expected.people.append(newPerson)
        #expect(stripped(result.account) == stripped(expected))
        #expect(diff.changedLineCount == oracle.appendLines("people", fields: 6, preferBlock: true), "add person")

        if let (a, b) = untied(original) {
            (result, diff) = try apply([.addRelation(Relation(from: a, to: b, type: .influences, strength: 0.5))])
            expected = original
            expected.relations.append(Relation(from: a, to: b, type: .influences, strength: 0.5))
            #expect(stripped(result.account) == stripped(expected))
            #expect(diff.changedLineCount == oracle.appendLines("relations", fields: 4), "add relation")
        }

        (result, diff) = try apply([.addMember(TeamMember(id: "edit-m", name: "新同事", role: "service"))])
        expected = original
        expected.team.append(TeamMember(id: "edit-m", name: "新同事", role: "service"))
        #expect(stripped(result.account) == stripped(expected))
        #expect(diff.changedLineCount == oracle.appendLines("team", fields: 3), "add member")

        if let p = original.people.first(where: { p in
            !original.contacts.contains { $0.member == member && $0.person == p.id }
        }) {
            (result, diff) = try apply([
                .addContact(Contact(member: member, person: p.id, strength: .strong, last: original.asOf))
            ])
            expected = original
            expected.contacts.append(Contact(member: member, person: p.id, strength: .strong, last: original.asOf))
            #expect(stripped(result.account) == stripped(expected))
            #expect(diff.changedLineCount == oracle.appendLines("contacts", fields: 4), "add contact")
        }

        // remove: a contact, a relation, a person with everything that names them.
        if let contact = original.contacts.first {
            (result, diff) = try apply([.removeContact(member: contact.member, person: contact.person)])
            expected = original
            expected.contacts.removeAll { $0.member == contact.member && $0.person == contact.person }
            #expect(stripped(result.account) == stripped(expected))
            #expect(diff.changedLineCount == oracle.removeLines("contacts", [0]), "remove contact")
        }
        if let relation = original.relations.first {
            (result, diff) = try apply([.removeRelation(from: relation.from, to: relation.to, type: relation.type)])
            let gone = original.relations.indices.filter { i in
                let r = original.relations[i]
                return r.type == relation.type
                    && ((r.from == relation.from && r.to == relation.to)
                        || (r.type.isSymmetric && r.from == relation.to && r.to == relation.from))
            }
            expected = original
            for i in gone.reversed() { expected.relations.remove(at: i) }
            #expect(stripped(result.account) == stripped(expected))
            #expect(diff.changedLineCount == oracle.removeLines("relations", gone), "remove relation")
        }

        (result, diff) = try apply([.removePerson(last.id)])
        expected = original
        let index = original.people.count - 1
        expected.people.removeLast()
        var removeLines = oracle.removeLines("people", [index])
        for (j, q) in original.people.enumerated() where q.reportsTo == last.id {
            expected.people[j].reportsTo = last.reportsTo
            removeLines += 2
        }
        let ties = original.relations.indices.filter {
            original.relations[$0].from == last.id || original.relations[$0].to == last.id
        }
        expected.relations = original.relations.enumerated().filter { !ties.contains($0.offset) }.map(\.element)
        removeLines += oracle.removeLines("relations", ties)
        let contacts = original.contacts.indices.filter { original.contacts[$0].person == last.id }
        expected.contacts = original.contacts.enumerated().filter { !contacts.contains($0.offset) }.map(\.element)
        removeLines += oracle.removeLines("contacts", contacts)
        let alone = original.interactions.indices.filter {
            original.interactions[$0].people.allSatisfy { $0 == last.id }
        }
        for (k, i) in original.interactions.enumerated() where i.people.contains(last.id) && !alone.contains(k) {
            expected.interactions[k].people.removeAll { $0 == last.id }
            removeLines += try #require(oracle.item("interactions", k)).peopleLines
        }
        for k in alone.reversed() { expected.interactions.remove(at: k) }
        removeLines += oracle.removeLines("interactions", alone)
        #expect(stripped(result.account) == stripped(expected))
        #expect(diff.changedLineCount == removeLines, "remove person")
        #expect(result.changes.first == EditChange(.removed, "person \(last.id)", last.name))
    }

    /// Two people with no tie between them, either way round.
    func untied(_ account: Account) -> (String, String)? {
        for a in account.people {
            for b in account.people
            where a.id != b.id
                && !account.relations.contains(where: {
                    ($0.from == a.id && $0.to == b.id) || ($0.from == b.id && $0.to == a.id)
                })
            { return (a.id, b.id) }
        }
        return nil
    }
}

/// The account without the places its parts were written: what an edit must keep.
func stripped(_ account: Account) -> Account {
    var a = account
    a.location = nil
    for i in a.team.indices { a.team[i].location = nil }
    for i in a.people.indices { a.people[i].location = nil }
    for i in a.relations.indices { a.relations[i].location = nil }
    for i in a.contacts.indices { a.contacts[i].location = nil }
    for i in a.interactions.indices { a.interactions[i].location = nil }
    return a
}

/// How many lines an edit of the original text should change, worked out from the
/// loader's composed tree and the text's lines alone.
struct Oracle {
    let lines: [[Unicode.Scalar]]
    let root: YAMLNode
    let comments: [String]

    init?(_ text: String) {
        guard let document = try? YAMLComposer.compose(text, maxDepth: 64) else { return nil }
        root = document.root
        let split = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines = split.map { Array($0.unicodeScalars) }
        comments = split.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.map(String.init)
    }

    struct Item {
        var node: YAMLNode
        var flow: Bool
        /// How many lines the item covers.
        var span: Int
        var keys: [String]
        /// Lines that change when one id leaves the item's `people` list.
        var peopleLines: Int
    }

    func section(_ key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = root.content else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    func item(_ key: String, _ i: Int) -> Item? {
        guard case .sequence(let items)? = section(key)?.content, items.indices.contains(i) else { return nil }
        return describe(items[i])
    }

    func describe(_ node: YAMLNode) -> Item {
        var keys: [String] = []
        var peopleLines = 2
        if case .mapping(let pairs) = node.content {
            keys = pairs.compactMap(\.key.scalarText)
            if let people = pairs.first(where: { $0.key.scalarText == "people" })?.value, !isFlow(people) {
                peopleLines = 1
            }
        }
        return Item(
            node: node, flow: isFlow(node), span: lastLine(node) - node.mark.line + 1, keys: keys,
            peopleLines: peopleLines)
    }

    func isFlow(_ node: YAMLNode) -> Bool {
        let line = lines[node.mark.line - 1]
        guard node.mark.column - 1 < line.count else { return false }
        let c = line[node.mark.column - 1]
        return c == "{" || c == "["
    }

    func lastLine(_ node: YAMLNode) -> Int {
        switch node.content {
        case .scalar: node.mark.line
        case .mapping(let pairs): pairs.map { lastLine($0.value) }.max() ?? node.mark.line
        case .sequence(let items): items.map(lastLine).max() ?? node.mark.line
        }
    }

    /// Setting `key` on an item: one line rewritten, or one line added to a block mapping.
    func setLines(_ item: Item, _ key: String) -> Int {
        item.flow || item.keys.contains(key) ? 2 : 1
    }

    /// Appending an item of `fields` keys to the list `key`.
    func appendLines(_ key: String, fields: Int, preferBlock: Bool = false) -> Int {
        guard let list = section(key), !list.isNull else { return 1 + (preferBlock ? fields : 1) }
        guard case .sequence(let items) = list.content else { return 0 }
        if isFlow(list) { return items.isEmpty ? 2 + (preferBlock ? fields : 1) : 2 }
        guard let last = items.last else { return 0 }
        return describe(last).flow ? 1 : fields
    }

    /// Removing items from the list `key`: their lines, and `key: []` when none is left.
    func removeLines(_ key: String, _ indices: [Int]) -> Int {
        guard !indices.isEmpty, case .sequence(let items)? = section(key)?.content else { return 0 }
        return indices.map { describe(items[$0]).span }.reduce(0, +) + (indices.count == items.count ? 2 : 0)
    }

    /// Whether `account.as_of` is written (not null).
    var writesAsOf: Bool {
        guard case .mapping(let pairs)? = section("account")?.content,
            let value = pairs.first(where: { $0.key.scalarText == "as_of" })?.value
        else { return false }
        return !value.isNull
    }

    /// Every comment line of the original is still in `text`, as often.
    func commentsSurvive(in text: String) -> Bool {
        let after = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var counts: [String: Int] = [:]
        for line in after { counts[line, default: 0] += 1 }
        for line in comments { counts[line, default: 0] -= 1 }
        return counts.values.allSatisfy { $0 >= 0 }
    }
}
