import Foundation
import Testing
@testable import RelMapCore
import RelMapSynthetic

/// The edit engine on small texts: each edit kind changes exactly the lines it must and
/// the result loads to the intended account.
@Suite struct EditingEngineTests {
    static let text = """
        # header comment
        relmap: 1
        account:
          id: acme            # the id
          name: Acme
          as_of: 2026-11-01
        team:
          - {id: wang, name: Wang}
          - {id: li, name: Li, role: engineer}
        people:
          # Office
          - id: zhao
            name: Zhao
            department: Office
            roles: [decision-maker]
            stance: neutral   # keep me
          - {id: qian, name: Qian, department: Office, reports_to: zhao, stance: supporter}

          - id: sun
            name: 'Sun'
            reports_to: qian
        relations:
          - {from: qian, to: zhao, type: influences, strength: 0.8}
          - {from: sun, to: qian, type: ally}
        contacts:
          - {member: wang, person: qian, strength: strong, last: 2026-10-01}
          - member: li
            person: sun
            strength: weak
        interactions:
          - {date: 2026-10-01, member: wang, people: [qian, sun], kind: visit}
          - {date: 2026-09-01, member: li, people: [sun]}
        # trailing comment

        """

    func apply(_ edits: [AccountEdit], to text: String = Self.text) throws -> EditResult {
        try AccountEditor.apply(edits, to: text, path: "t.yaml", options: testOptions())
    }

    /// The diff's changed lines, as "-old" / "+new".
    func changed(_ before: String, _ after: String) -> [String] {
        LineDiff(old: before, new: after).lines.compactMap {
            switch $0 {
            case .same: nil
            case .removed(let s): "-" + s
            case .added(let s): "+" + s
            }
        }
    }

    @Test func setStanceChangesOneLineAndKeepsItsComment() throws {
        let r = try apply([.setPerson("zhao", [.stance(.supporter)])])
        #expect(
            changed(Self.text, r.text) == ["-    stance: neutral   # keep me", "+    stance: supporter  # keep me"])
        #expect(r.account.person("zhao")?.stance == .supporter)
        #expect(r.changes.map(\.description) == ["changed person zhao: stance neutral -> supporter"])
    }

    @Test func setInFlowMappingAndNewKeyInFormatOrder() throws {
        let r = try apply([.setPerson("qian", [.influence(4), .title("部长: 设备")]), .setPerson("zhao", [.influence(5)])])
        #expect(
            changed(Self.text, r.text) == [
                "-  - {id: qian, name: Qian, department: Office, reports_to: zhao, stance: supporter}",
                "+    influence: 5",
                "+  - {id: qian, name: Qian, title: \"部长: 设备\", department: Office, reports_to: zhao, stance: supporter, influence: 4}",
            ])
        #expect(r.account.person("qian")?.title == "部长: 设备")
        #expect(r.account.person("zhao")?.influence == 5)
    }

    @Test func clearingAFieldWritesNull() throws {
        let r = try apply([.setPerson("sun", [.reportsTo(nil), .notes(nil)])])
        #expect(changed(Self.text, r.text) == ["-    reports_to: qian", "+    reports_to: null"])
        #expect(r.account.person("sun")?.reportsTo == nil)
    }

    @Test func logAppendsAnInteractionAndUpdatesContacts() throws {
        let log = InteractionLog(
            date: Day(iso: "2026-11-05")!, member: "wang", people: ["qian", "zhao"], kind: "visit",
            strength: nil, note: "技术交流: 下次带工程师")
        let r = try apply([.log(log)])
        #expect(
            changed(Self.text, r.text) == [
                "-  as_of: 2026-11-01",
                "+  as_of: 2026-11-05",
                "-  - {member: wang, person: qian, strength: strong, last: 2026-10-01}",
                "+  - {member: wang, person: qian, strength: strong, last: 2026-11-05}",
                // The new contact follows the style of the item before it, a block mapping.
                "+  - member: wang", "+    person: zhao", "+    strength: medium", "+    last: 2026-11-05",
                "+  - {date: 2026-11-05, member: wang, people: [qian, zhao], kind: visit, note: \"技术交流: 下次带工程师\"}",
            ])
        #expect(r.account.interactions.last?.note == "技术交流: 下次带工程师")
        #expect(r.account.asOf == Day(iso: "2026-11-05"))
        #expect(
            r.changes.map(\.description) == [
                "added interaction: 2026-11-05 wang met qian, zhao (visit)",
                "changed contact wang -> qian: last 2026-10-01 -> 2026-11-05",
                "added contact wang -> zhao: strength medium, last 2026-11-05",
                "changed account.as_of: 2026-11-01 -> 2026-11-05",
            ])
    }

    @Test func aLoggedCallOrEmailIsNotCalledAMeeting() throws {
        for (kind, verb) in [("call", "called"), ("email", "e-mailed"), ("meeting", "met")] {
            let log = InteractionLog(date: Day(iso: "2026-11-05")!, member: "wang", people: ["qian"], kind: kind)
            let r = try apply([.log(log)])
            #expect(r.changes.first?.description == "added interaction: 2026-11-05 wang \(verb) qian (\(kind))")
        }
    }

    @Test func logIntoBlockContactAddsTheMissingKeys() throws {
        let log = InteractionLog(date: Day(iso: "2026-10-20")!, member: "li", people: ["sun"], strength: .medium)
        let r = try apply([.log(log)])
        #expect(
            changed(Self.text, r.text) == [
                "-    strength: weak", "+    strength: medium", "+    last: 2026-10-20",
                "+  - {date: 2026-10-20, member: li, people: [sun]}",
            ])
    }

    @Test func anOlderVisitDoesNotMoveLastBack() throws {
        let log = InteractionLog(date: Day(iso: "2026-08-01")!, member: "wang", people: ["qian"])
        let r = try apply([.log(log)])
        #expect(changed(Self.text, r.text) == ["+  - {date: 2026-08-01, member: wang, people: [qian]}"])
    }

    @Test func addPersonFollowsTheBlockStyleOfTheLastItem() throws {
        let r = try apply([
            .addPerson(
                Person(
                    id: "li-ming", name: "李明", title: "采购部长", department: "采购部", roles: [.gatekeeper, .influencer],
                    stance: .skeptic, influence: 3, reportsTo: "zhao", notes: "yes"))
        ])
        #expect(
            changed(Self.text, r.text) == [
                "+  - id: li-ming", "+    name: 李明", "+    title: 采购部长", "+    department: 采购部",
                "+    roles: [gatekeeper, influencer]", "+    stance: skeptic", "+    influence: 3",
                "+    reports_to: zhao",
                "+    notes: \"yes\"",
            ])
        #expect(r.account.person("li-ming")?.notes == "yes")
    }

    @Test func addRelationContactAndMemberAreOneLineEach() throws {
        let r = try apply([
            .addRelation(Relation(from: "zhao", to: "sun", type: .rival, strength: 0.5)),
            .addContact(Contact(member: "li", person: "zhao", strength: .weak, last: Day(iso: "2026-10-30"))),
            .addMember(TeamMember(id: "he", name: "何文斌", role: "service engineer")),
        ])
        #expect(
            changed(Self.text, r.text) == [
                "+  - {id: he, name: 何文斌, role: service engineer}",
                "+  - {from: zhao, to: sun, type: rival, strength: 0.5}",
                "+  - member: li", "+    person: zhao", "+    strength: weak", "+    last: 2026-10-30",
            ])
        #expect(
            r.account.contacts.last
                == Contact(
                    member: "li", person: "zhao", strength: .weak, last: Day(iso: "2026-10-30"),
                    location: r.account.contacts.last?.location))
    }

    @Test func removePersonTakesTiesContactsAndSaysSo() throws {
        let r = try apply([.removePerson("qian")])
        #expect(r.account.person("qian") == nil)
        #expect(r.account.person("sun")?.reportsTo == "zhao")
        #expect(r.account.relations.isEmpty)
        #expect(r.account.contacts.count == 1)
        #expect(r.account.interactions.map(\.people) == [["sun"], ["sun"]])
        #expect(
            r.changes.map(\.description) == [
                "removed person qian: Qian",
                "changed person sun: reports_to qian -> zhao (qian was removed)",
                "changed interaction 2026-10-01 wang: no longer lists qian",
                "removed relation sun -> qian: ally",
                "removed relation qian -> zhao: influences",
                "removed contact wang -> qian",
            ])
        // The relations list left empty becomes `[]`; comments and the blank line stay.
        #expect(r.text.contains("relations: []\ncontacts:\n"))
        #expect(
            r.text.contains("# Office\n") && r.text.contains("# trailing comment\n")
                && r.text.contains("supporter}\n\n  - id: sun") == false)
        #expect(changed(Self.text, r.text).count == 10)
    }

    @Test func removeMemberTakesTheirContactsAndInteractions() throws {
        let r = try apply([.removeMember("li")])
        #expect(r.account.team.map(\.id) == ["wang"])
        #expect(r.account.contacts.map(\.member) == ["wang"])
        #expect(r.account.interactions.count == 1)
        #expect(LineDiff(old: Self.text, new: r.text).changedLineCount == 5)
    }

    @Test func removeRelationMatchesSymmetricTiesEitherWay() throws {
        let r = try apply([.removeRelation(from: "qian", to: "sun", type: nil)])
        #expect(r.account.relations.map(\.type) == [.influences])
        #expect(changed(Self.text, r.text) == ["-  - {from: sun, to: qian, type: ally}"])
        #expect(throws: EditError.notFound("no relation from zhao to qian")) {
            try apply([.removeRelation(from: "zhao", to: "qian", type: nil)])
        }
    }

    @Test func unknownIdsAreRefusedWithASuggestion() {
        #expect(throws: EditError.notFound("no person with id 'zaho'; did you mean 'zhao'?")) {
            try apply([.setPerson("zaho", [.stance(.blocker)])])
        }
        #expect(throws: EditError.notFound("no team member with id 'wagn'; did you mean 'wang'?")) {
            try apply([.log(InteractionLog(date: Day(iso: "2026-11-01")!, member: "wagn", people: ["zhao"]))])
        }
        #expect(throws: EditError.alreadyExists("there is already a person with id 'sun'")) {
            try apply([.addPerson(Person(id: "sun", name: "X"))])
        }
    }

    @Test func anEditThatBreaksTheFileIsRefusedWithTheLoadersFindings() throws {
        do {
            _ = try apply([.setPerson("zhao", [.reportsTo("sun")])])
            Issue.record("a reporting cycle was accepted")
        } catch let error as EditError {
            #expect(error.diagnostics.map(\.message).contains { $0.contains("reporting cycle") })
            #expect(error.diagnostics.first?.location.file == "t.yaml (after the change)")
        }
    }

    @Test func aFileWithErrorsIsNotEdited() {
        #expect {
            try apply(
                [.setPerson("zhao", [.stance(.blocker)])],
                to: Self.text.replacingOccurrences(of: "stance: neutral", with: "stance: neutrall"))
        } throws: { ($0 as? EditError)?.diagnostics.isEmpty == false }
    }

    @Test func jsonFilesAreRefused() {
        #expect(throws: EditError.notYAML("a.json")) {
            try AccountEditor.apply([], to: "{}", path: "a.json", options: testOptions())
        }
    }

    @Test(arguments: [
        "王磊", "account manager", "a: b", "#hash", "x #y", "- dash", "yes", "No", "null", "~", "123", "0x1F", "1e3",
        ".inf",
        "line\nbreak", "tab\there", "quote \" and ' apostrophe", "back\\slash", "{braces}", "[brackets]", "trailing ",
        " leading",
        "", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick", "|pipe", ">gt", "ｆｕｌｌ：width", "\u{2028}ls",
        "\u{85}nel",
        "emoji 👍🏽", "'", "\"", "a,b", "?", "?x", ": x", "C:\\path", "mid\u{FEFF}bom", "x: {y: [z]}",
    ])
    func hostileTextSurvivesExactly(_ note: String) throws {
        let r = try apply([.setPerson("zhao", [.notes(note)]), .setPerson("qian", [.title(note)])])
        #expect(r.account.person("zhao")?.notes == note)
        #expect(r.account.person("qian")?.title == note)
        #expect(LineDiff(old: Self.text, new: r.text).changedLineCount == 3)
        let log = try apply([
            .log(
                InteractionLog(date: Day(iso: "2026-10-02")!, member: "wang", people: ["zhao"], kind: note, note: note))
        ])
        #expect(log.account.interactions.last?.note == note)
        #expect(log.account.interactions.last?.kind == note)
    }

    @Test func aFileWithoutInteractionsGetsTheSection() throws {
        let text = account()
        let r = try apply(
            [.log(InteractionLog(date: Day(iso: "2026-10-20")!, member: "wang", people: ["zhao"]))], to: text)
        #expect(
            changed(text, r.text) == [
                "+  - {member: wang, person: zhao, strength: medium, last: 2026-10-20}",
                "+interactions:", "+  - {date: 2026-10-20, member: wang, people: [zhao]}",
            ])
    }

    @Test func anEmptyFlowListBecomesABlockList() throws {
        let text = account(rest: "relations: []  # ties\n  # e.g. - {from: a, to: b, type: ally}\ncontacts: []")
        let r = try apply([.addRelation(Relation(from: "qian", to: "zhao", type: .influences))], to: text)
        #expect(
            changed(text, r.text) == [
                "-relations: []  # ties", "+relations:  # ties", "+  - {from: qian, to: zhao, type: influences}",
            ])
    }

    @Test func crlfAndByteOrderMarkAreKept() throws {
        let text = "\u{FEFF}" + Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let r = try apply(
            [.addMember(TeamMember(id: "he", name: "He")), .setPerson("zhao", [.stance(.blocker)])], to: text)
        #expect(r.text.hasPrefix("\u{FEFF}# header"))
        #expect(r.text.contains("  - {id: he, name: He}\r\n"))
        #expect(!r.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(r.account.person("zhao")?.stance == .blocker)
    }
}

/// Values written in the less common ways: block scalars, structured notes, aliases,
/// a top-level flow mapping.
@Suite struct EditingLayoutTests {
    func apply(_ edits: [AccountEdit], to text: String) throws -> EditResult {
        try AccountEditor.apply(edits, to: text, path: "t.yaml", options: testOptions())
    }

    @Test func aBlockScalarOrAStructuredNoteIsReplacedWhole() throws {
        let text = account(
            people: """
                  - id: zhao
                    name: Zhao
                    notes: |
                      line one
                      line two

                    stance: neutral
                  - id: qian
                    name: Qian
                    notes:
                      met: twice
                      likes: [golf]
                    reports_to: zhao
                """)
        let r = try apply([.setPerson("zhao", [.notes("one line")]), .setPerson("qian", [.notes("短")])], to: text)
        #expect(r.text.contains("    notes: one line\n\n    stance: neutral\n"))
        #expect(r.text.contains("    notes: 短\n    reports_to: zhao\n"))
        #expect(r.account.person("zhao")?.notes == "one line")
        #expect(r.account.person("qian")?.notes == "短")
    }

    @Test func anAliasIsReplacedNotTheAnchor() throws {
        let text = account(
            people: """
                  - {id: zhao, name: Zhao, department: &office 总经办}
                  - {id: qian, name: Qian, department: *office}
                """)
        let r = try apply([.setPerson("qian", [.department("设备部")])], to: text)
        #expect(r.account.person("zhao")?.department == "总经办")
        #expect(r.account.person("qian")?.department == "设备部")
        #expect(LineDiff(old: text, new: r.text).changedLineCount == 2)
    }

    @Test func aFlowTopLevelIsEditedInPlaceOrRefusedClearly() throws {
        let text = "{relmap: 1, account: {id: a, name: A}, team: [{id: w, name: W}], people: [{id: z, name: Z}]}\n"
        let r = try apply(
            [.setPerson("z", [.stance(.supporter)]), .addMember(TeamMember(id: "v", name: "V"))], to: text)
        #expect(
            r.text
                == "{relmap: 1, account: {id: a, name: A}, team: [{id: w, name: W}, {id: v, name: V}], people: [{id: z, name: Z, stance: supporter}]}\n"
        )
        #expect(throws: EditError.unsupportedLayout("the top level is written as a flow mapping ({...})")) {
            try apply([.log(InteractionLog(date: Day(iso: "2026-10-01")!, member: "w", people: ["z"]))], to: text)
        }
    }

    @Test func theLastItemOfABlockListLeavesAnEmptyList() throws {
        let text = account(
            rest: "contacts:\n  - {member: wang, person: qian, strength: strong, last: 2026-10-01}  # only one\n# end\n"
        )
        let r = try apply([.removeContact(member: "wang", person: "qian")], to: text)
        #expect(r.text.hasSuffix("contacts: []\n# end\n\n"))
        #expect(r.account.contacts.isEmpty)
    }
}

extension EditingLayoutTests {
    @Test func anchoredItemsAndListsKeepTheirIndentation() throws {
        let text = account(
            people: """
                  - &boss
                    id: zhao
                    name: Zhao
                  - {id: qian, name: Qian, reports_to: zhao}
                """, rest: "relations: &ties []\ncontacts: []")
        let r = try apply(
            [
                .setPerson("zhao", [.stance(.champion)]),
                .addRelation(Relation(from: "qian", to: "zhao", type: .influences)),
                .addPerson(Person(id: "sun", name: "Sun")),
            ], to: text)
        #expect(r.text.contains("  - &boss\n    id: zhao\n    name: Zhao\n    stance: champion\n"))
        #expect(r.text.contains("relations: &ties\n  - {from: qian, to: zhao, type: influences}\ncontacts: []\n"))
        #expect(r.text.contains("  - {id: sun, name: Sun, stance: unknown}\n"))
        let removed = try apply([.removePerson("zhao")], to: r.text)
        #expect(removed.account.people.map(\.id) == ["qian", "sun"])
        #expect(!removed.text.contains("&boss"))
        #expect(removed.text.contains("relations: &ties []\ncontacts: []\n"))
    }
}

/// Generated accounts with hostile names (the writer's output, as `relmap import` makes
/// it): a chain of edits leaves each one's text exactly as given.
@Suite struct EditingGeneratedTests {
    @Test(arguments: 1...12)
    func hostileAccountsTakeAChainOfEdits(_ seed: Int) throws {
        let original = SyntheticAccount(seed: UInt64(seed), people: 25, team: 3, names: .hostile).make()
        let text = AccountFileWriter().yaml(original)
        let loaded = try #require(load(text).account)
        let someone = loaded.people[seed % loaded.people.count]
        let hostile = original.people[(seed + 3) % original.people.count].name + " #\(seed): \"x\"\n"
        let edits: [AccountEdit] = [
            .setPerson(someone.id, [.title(hostile), .stance(.champion)]),
            .log(
                InteractionLog(
                    date: loaded.asOf, member: loaded.team[0].id, people: [someone.id], kind: hostile, note: hostile)),
            .addPerson(Person(id: "added", name: hostile, department: hostile, reportsTo: someone.id)),
            .removePerson(loaded.people[(seed + 1) % loaded.people.count].id),
        ]
        let r = try AccountEditor.apply(edits, to: text, path: "g.yaml", options: testOptions())
        #expect(r.account.person(someone.id)?.title == hostile)
        #expect(r.account.person(someone.id)?.stance == .champion)
        #expect(r.account.interactions.last?.note == hostile)
        #expect(r.account.person("added")?.name == hostile)
        #expect(r.account.person("added")?.department == hostile)
        #expect(r.account.people.count == loaded.people.count)
        #expect(r.text.hasPrefix(String(text.prefix(while: { $0 != "\n" }))))
    }
}

extension EditingLayoutTests {
    @Test func aCommentAlignedInAColumnStaysInIt() throws {
        let text = account(
            people: """
                  - id: zhao
                    name: Zhao
                    title: 总经理              # title
                    stance: unknown           # champion | supporter | neutral | skeptic | blocker | unknown
                    influence: null           # 1..5
                """, rest: "contacts: []")
        let r = try apply([.setPerson("zhao", [.stance(.supporter), .influence(5), .title("总经理兼董事长")])], to: text)
        #expect(
            r.text.contains(
                """
                    title: 总经理兼董事长      # title
                    stance: supporter         # champion | supporter | neutral | skeptic | blocker | unknown
                    influence: 5              # 1..5

                """))
    }
}

extension EditingLayoutTests {
    @Test func aPersonBuiltWithAMergeKeyGetsTheKeyInItsOwnMapping() throws {
        let text = """
            relmap: 1
            x-office: &office {department: 总经办, stance: neutral}
            account: {id: acme, name: Acme, as_of: 2026-11-01}
            team:
              - {id: wang, name: Wang}
            people:
              - <<: *office
                id: zhao
                name: Zhao
              - {<<: *office, id: qian, name: Qian}

            """
        let r = try apply(
            [.setPerson("zhao", [.stance(.supporter)]), .setPerson("qian", [.department("设备部")])], to: text)
        #expect(r.account.person("zhao")?.stance == .supporter)
        #expect(r.account.person("zhao")?.department == "总经办")
        #expect(r.account.person("qian")?.department == "设备部")
        #expect(r.account.person("qian")?.stance == .neutral)
        #expect(r.text.contains("x-office: &office {department: 总经办, stance: neutral}\n"))
        #expect(r.text.contains("    name: Zhao\n    stance: supporter\n"))
        #expect(r.text.contains("  - {<<: *office, id: qian, name: Qian, department: 设备部}\n"))
    }
}
