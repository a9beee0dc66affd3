import Foundation
import Testing
@testable import RelMapCore

/// Every validation rule, each with the exact message a user sees and where it points.
struct ValidationTests {
    @Test func validAccountLoadsWithoutFindings() {
        let file = load(account())
        #expect(findings(file) == ["9:5: warning: people[0]: nobody on our team reaches Zhao (zhao)"])
        #expect(file.account?.people.map(\.id) == ["zhao", "qian"])
    }

    /// Commands that drop warnings (analyze, gaps, plan...) skip the reach search; the
    /// account they get is the same.
    @Test func aCallerThatDropsWarningsSkipsOnlyTheReachWarning() {
        var options = testOptions()
        options.warnsOfUnreachedPeople = false
        let text = account().replacingOccurrences(of: "department: Office, roles", with: "roles")
        let quiet = load(text, options: options)
        #expect(findings(quiet) == findings(load(text)).filter { !$0.contains("nobody on our team reaches") })
        #expect(
            findings(load(text)) == [
                "9:5: warning: people[0]: Zhao (zhao) has no department",
                "9:5: warning: people[0]: nobody on our team reaches Zhao (zhao)",
            ])
        #expect(quiet.account == load(text).account)
    }

    @Test(arguments: [
        // Unknown keys, with the nearest allowed key.
        (
            account(rest: "contacts: []\nrelatoins: []"),
            "12:1: error: (top level): unknown key 'relatoins'; did you mean 'relations'?"
        ),
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, stnce: neutral}"),
            "9:48: error: people[0]: unknown key 'stnce'; did you mean 'stance'?"
        ),
        // Missing required keys.
        (
            account(people: "  - {id: zhao, department: Office}"),
            "9:5: error: people[0]: missing required key 'name'"
        ),
        (
            account(header: "  name: Acme\n  as_of: 2026-11-01"),
            "3:3: error: account: missing required key 'id'"
        ),
        ("account: {id: a, name: A}\n", "1:1: error: (top level): missing required key 'relmap'"),
        // Versions.
        (
            account().replacingOccurrences(of: "relmap: 1", with: "relmap: 2"),
            "1:9: error: relmap: unsupported format version 2; this relmap reads version 1"
        ),
        // Enums with suggestions.
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, stance: suporter}"),
            "9:56: error: people[0].stance: 'suporter' is not a stance; did you mean 'supporter'?"
        ),
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, roles: [boss]}"),
            "9:56: error: people[0].roles[0]: 'boss' is not a buying role; expected one of: decision-maker, economic-buyer, technical-buyer, user-buyer, influencer, coach, gatekeeper"
        ),
        (
            account(header: "  id: acme\n  name: Acme\n  stage: establising"),
            "5:10: error: account.stage: 'establising' is not a stage; did you mean 'establishing'?"
        ),
        (
            account(rest: "relations:\n  - {from: qian, to: zhao, type: influence}"),
            "12:34: error: relations[0].type: 'influence' is not a relation type; did you mean 'influences'?"
        ),
        (
            account(rest: "contacts:\n  - {member: wang, person: qian, strength: strng}"),
            "12:44: error: contacts[0].strength: 'strng' is not a contact strength; did you mean 'strong'?"
        ),
        // Ids.
        (
            account(
                people: "  - {id: zhao, name: Zhao, department: Office}\n  - {id: wang, name: W, department: Office}"),
            "10:10: error: people[1].id: duplicate id 'wang'\n7:10: note: first defined here (team[0])"
        ),
        (
            account(people: "  - {id: zhao li, name: Zhao, department: Office}"),
            "9:10: error: people[0].id: 'zhao li' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'"
        ),
        // References.
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, reports_to: zhoa}"),
            "9:60: error: people[0].reports_to: no person with id 'zhoa'; did you mean 'zhao'?"
        ),
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, reports_to: wang}"),
            "9:60: error: people[0].reports_to: 'wang' is on our team; name a person in the account"
        ),
        (
            account(rest: "relations:\n  - {from: qian, to: zhou, type: ally}"),
            "12:22: error: relations[0].to: no person with id 'zhou'; did you mean 'zhao'?"
        ),
        (
            account(rest: "contacts:\n  - {member: wnag, person: qian}"),
            "12:14: error: contacts[0].member: no team member with id 'wnag'; did you mean 'wang'?"
        ),
        (
            account(rest: "contacts:\n  - {member: zhao, person: qian}"),
            "12:14: error: contacts[0].member: 'zhao' is a person in the account; name a member of our team"
        ),
        (
            account(rest: "interactions:\n  - {date: 2026-10-01, member: wang, people: [qian, zaho]}"),
            "12:53: error: interactions[0].people[1]: no person with id 'zaho'; did you mean 'zhao'?"
        ),
        // Cycles, self-ties, repeats.
        (
            account(
                people:
                    "  - {id: a, name: A, department: O, reports_to: b}\n  - {id: b, name: B, department: O, reports_to: c}\n  - {id: c, name: C, department: O, reports_to: a}",
                rest: ""),
            "9:49: error: people[0].reports_to: reporting cycle a -> b -> c -> a\n10:49: note: people[1].reports_to: 'b' reports to 'c'\n11:49: note: people[2].reports_to: 'c' reports to 'a'"
        ),
        (
            account(people: "  - {id: a, name: A, department: O, reports_to: a}", rest: ""),
            "9:49: error: people[0].reports_to: 'a' reports to itself"
        ),
        (
            account(rest: "relations:\n  - {from: qian, to: qian, type: influences}"),
            "12:22: error: relations[0]: a relation from 'qian' to itself"
        ),
        (
            account(
                rest: "relations:\n  - {from: qian, to: zhao, type: rival}\n  - {from: zhao, to: qian, type: rival}"),
            "13:5: error: relations[1]: the same relation again (zhao rival qian)\n12:5: note: first written here (relations[0])"
        ),
        (
            account(
                rest: "contacts:\n  - {member: wang, person: qian}\n  - {member: wang, person: qian, strength: weak}"),
            "13:5: error: contacts[1]: a second contact between 'wang' and 'qian'; keep one and update its strength and date\n12:5: note: first written here (contacts[0])"
        ),
        // Repeats are found even when an id names nobody.
        (
            account(
                rest: "relations:\n  - {from: qian, to: nobody, type: ally}\n  - {from: nobody, to: qian, type: ally}"),
            "13:5: error: relations[1]: the same relation again (nobody ally qian)\n12:5: note: first written here (relations[0])"
        ),
        (
            account(
                rest:
                    "relations:\n  - {from: wang, to: nobody, type: influences}\n  - {from: wang, to: nobody, type: influences}"
            ),
            "13:5: error: relations[1]: the same relation again (wang influences nobody)\n12:5: note: first written here (relations[0])"
        ),
        (
            account(
                rest:
                    "contacts:\n  - {member: nobody, person: qian}\n  - {member: nobody, person: qian, strength: weak}"),
            "13:5: error: contacts[1]: a second contact between 'nobody' and 'qian'; keep one and update its strength and date\n12:5: note: first written here (contacts[0])"
        ),
        // Numbers out of range.
        (
            account(rest: "relations:\n  - {from: qian, to: zhao, type: influences, strength: 0}"),
            "12:56: error: relations[0].strength: 0 is out of range; strength must be more than 0 and at most 1"
        ),
        (
            account(rest: "contacts:\n  - {member: wang, person: qian, strength: 1.2}"),
            "12:44: error: contacts[0].strength: 1.2 is out of range; strength must be more than 0 and at most 1"
        ),
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, influence: 6}"),
            "9:59: error: people[0].influence: 6 is out of range; influence is the team's judgment from 1 (little) to 5 (decisive)"
        ),
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, level: 0}"),
            "9:55: error: people[0].level: 0 is out of range; level is 1 at the top of the account and larger further down"
        ),
        (
            account(header: "  id: acme\n  name: Acme\n  value: -1"),
            "5:10: error: account.value: -1 is negative; value is yearly sales or potential, 0 or more"
        ),
        (
            account(people: "  - {id: zhao, name: Zhao, department: Office, level: high}"),
            "9:55: error: people[0].level: expected a whole number, found 'high'"
        ),
        // Dates.
        (
            account(header: "  id: acme\n  name: Acme\n  as_of: 2026-13-45"),
            "5:10: error: account.as_of: '2026-13-45' is not a real date; expected YYYY-MM-DD, e.g. 2026-11-01"
        ),
        (
            account(rest: "contacts:\n  - {member: wang, person: qian, last: 2026-02-29}"),
            "12:40: error: contacts[0].last: '2026-02-29' is not a real date; expected YYYY-MM-DD, e.g. 2026-11-01"
        ),
        // Wrong types.
        (
            account(team: "  wang: Wang"),
            "7:3: error: team: expected a list, found a mapping (key: value)"
        ),
        (
            account(header: "  - acme"),
            "3:3: error: account: expected a mapping (key: value), found a list"
        ),
        (
            account(people: "  - zhao"),
            "9:5: error: people[0]: expected a mapping (key: value), found the text 'zhao'"
        ),
        (
            account(people: "  - {id: zhao, name: [Zhao], department: Office}"),
            "9:22: error: people[0].name: expected text, found a list"
        ),
        (
            account().replacingOccurrences(of: "relmap: 1\n", with: "relmap: 1\nrelmap: 1\n"),
            "2:1: error: relmap: key 'relmap' appears twice\n1:1: note: first written here"
        ),
    ])
    func eachRuleReportsItsExactMessage(text: String, expected: String) {
        let file = load(text)
        // The error and its notes, one line each, in this order.
        let lines = expected.split(separator: "\n").map(String.init)
        let got = findings(file, .error)
        #expect(got.indices.contains { Array(got[$0...].prefix(lines.count)) == lines }, "got: \(got)")
        #expect(file.account == nil)
    }

    @Test func contactAfterAsOfIsAWarningNotAnError() {
        let file = load(account(rest: "contacts:\n  - {member: wang, person: qian, last: 2026-12-01}"))
        #expect(
            findings(file, .warning).contains(
                "12:40: warning: contacts[0].last: 2026-12-01 is after the map's as_of date 2026-11-01"))
        #expect(findings(file, .error) == [])
        #expect(file.account != nil)
    }

    @Test func warningsForNoDepartmentUnreachedPersonAndOldMap() {
        let text = account(
            header: "  id: acme\n  name: Acme\n  as_of: 2025-06-01",
            people: "  - {id: zhao, name: Zhao}\n  - {id: qian, name: Qian, department: Office}")
        #expect(
            findings(load(text)) == [
                "5:10: warning: account.as_of: the map describes 2025-06-01, more than a year ago; is it still true?",
                "9:5: warning: people[0]: Zhao (zhao) has no department",
                "9:5: warning: people[0]: nobody on our team reaches Zhao (zhao)",
                "12:58: warning: contacts[0].last: 2026-10-01 is after the map's as_of date 2025-06-01",
            ])
    }

    /// An id repeated within the team, between team and people, and among the people:
    /// each repeat points at the first definition (team first), references go to the
    /// first person with the id, and an id that is both a member and a person is either,
    /// as the reference asks.
    @Test func repeatedIdsPointAtTheFirstDefinitionAndReferencesAtTheFirstPerson() {
        let text = account(
            team: "  - {id: wang, name: Wang}\n  - {id: wang, name: W2}",
            people: """
                  - {id: wang, name: X, department: O}
                  - {id: zhao, name: Zhao, department: O, reports_to: zhao}
                  - {id: zhao, name: Z2, department: O, reports_to: wang}
                """,
            rest: """
                relations:
                  - {from: wang, to: zhao, type: ally}
                  - {from: zhao, to: wang, type: ally}
                contacts:
                  - {member: wang, person: wang, strength: strong, last: 2026-10-01}
                  - {member: wang, person: wang, strength: weak, last: 2026-10-01}
                """)
        #expect(
            findings(load(text)) == [
                "8:10: error: team[1].id: duplicate id 'wang'", "7:10: note: first defined here (team[0])",
                "10:10: error: people[0].id: duplicate id 'wang'", "7:10: note: first defined here (team[0])",
                "11:55: error: people[1].reports_to: 'zhao' reports to itself",
                "12:10: error: people[2].id: duplicate id 'zhao'", "11:10: note: first defined here (people[1])",
                "15:5: error: relations[1]: the same relation again (zhao ally wang)",
                "14:5: note: first written here (relations[0])",
                "18:5: error: contacts[1]: a second contact between 'wang' and 'wang'; keep one and update its strength and date",
                "17:5: note: first written here (contacts[0])",
            ])
    }

    @Test func aBrokenFileReportsEveryMistakeAtOnce() throws {
        let file = AccountLoader.load(file: Repo.fixture("invalid/many-mistakes.yaml"), options: testOptions())
        let errors = findings(file, .error)
        #expect(
            errors == [
                "3:7: error: account.id: 'bad account' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'",
                "5:9: error: account.tier: 'strategik' is not a tier; did you mean 'strategic'?",
                "6:10: error: account.value: -5 is negative; value is yearly sales or potential, 0 or more",
                "7:10: error: account.as_of: '2026-13-45' is not a real date; expected YYYY-MM-DD, e.g. 2026-11-01",
                "8:3: error: account: unknown key 'colour'; allowed keys: id, name, tier, value, currency, stage, as_of, notes (or x-... for your own)",
                "13:9: error: people[0].id: duplicate id 'zhao'",
                "11:10: note: first defined here (team[1])",
                "15:13: error: people[0].stance: 'suporter' is not a stance; did you mean 'supporter'?",
                "16:16: error: people[0].influence: 7 is out of range; influence is the team's judgment from 1 (little) to 5 (decisive)",
                "17:12: error: people[0].level: 0 is out of range; level is 1 at the top of the account and larger further down",
                "18:17: error: people[0].reports_to: no person with id 'zhou'; did you mean 'zhao'?",
                "21:29: error: people[1].roles[1]: 'budget-holder' is not a buying role; expected one of: decision-maker, economic-buyer, technical-buyer, user-buyer, influencer, coach, gatekeeper",
                "22:17: error: people[1].reports_to: reporting cycle qian -> sun -> qian",
                "25:17: note: people[2].reports_to: 'sun' reports to 'qian'",
                "26:5: error: people[3]: missing required key 'name'",
                "28:22: error: relations[0]: a relation from 'qian' to itself",
                "29:49: error: relations[1].strength: 1.5 is out of range; strength must be more than 0 and at most 1",
                "30:5: error: relations[2]: the same relation again (qian ally sun)",
                "29:5: note: first written here (relations[1])",
                "32:28: error: contacts[0].person: no person with id 'qain'; did you mean 'qian'?",
                "32:44: error: contacts[0].strength: 'strongest' is not a contact strength; did you mean 'strong'?",
                "32:61: error: contacts[0].last: '2026-02-30' is not a real date; expected YYYY-MM-DD, e.g. 2026-11-01",
                "33:14: error: contacts[1].member: 'sun' is a person in the account; name a member of our team",
                "35:47: error: interactions[0].people[0]: no person with id 'zhaoo'; did you mean 'zhao'?",
            ])
        #expect(file.account == nil)
    }

    @Test func eachFindingCarriesTheCodeOfItsRule() {
        let file = AccountLoader.load(file: Repo.fixture("invalid/many-mistakes.yaml"), options: testOptions())
        #expect(
            file.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" } == [
                "3:7 bad-id", "5:9 not-in-list", "6:10 out-of-range", "7:10 bad-date", "8:3 unknown-key",
                "13:5 no-department", "13:9 duplicate-id", "15:13 not-in-list", "16:16 out-of-range",
                "17:12 out-of-range",
                "18:17 unknown-reference", "19:5 no-department", "21:29 not-in-list", "22:17 reporting-cycle",
                "23:5 no-department", "26:5 missing-key", "26:5 no-department", "28:22 self-tie", "29:49 out-of-range",
                "30:5 duplicate-relation", "32:28 unknown-reference", "32:44 not-in-list", "32:61 bad-date",
                "33:14 wrong-kind-of-reference", "35:47 unknown-reference",
            ])
        // A warning's kind, which `relmap check` counts by, is its code.
        #expect(file.diagnostics.filter { $0.severity == .warning }.allSatisfy { $0.kind == .noDepartment })
        let more = load(
            account(rest: "contacts:\n  - {member: wang, person: qian}\n  - {member: wang, person: qian}\nrelmap: 1"))
        #expect(
            more.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
                == ["13:5 duplicate-contact", "14:1 repeated-key"])
    }

    @Test func everyCodeIsDocumented() throws {
        let docs =
            try String(contentsOfFile: Repo.path("docs/format.md"), encoding: .utf8)
            + String(contentsOfFile: Repo.path("docs/import.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(docs.contains("`\(code.rawValue)`"), "\(code.rawValue) is not in docs/format.md or docs/import.md")
        }
    }

    @Test func notesMayHoldAnythingAndXKeysAreIgnored() {
        let text = account(
            people: """
                  - id: zhao
                    name: Zhao
                    department: Office
                    x-crm-id: 0031x
                    notes: {likes: golf, avoid: [price talk]}
                """, rest: "x-owner: sales-ops")
        let file = load(text)
        #expect(findings(file, .error) == [])
        #expect(file.account?.people[0].notes == "likes: golf; avoid: price talk")
    }

    @Test func jsonWithTheSameShapeLoadsWithLinesAndColumns() {
        let json = """
            {
            \t"relmap": 1,
            \t"account": {"id": "acme", "name": "Acme", "as_of": "2026-11-01"},
            \t"people": [{"id": "zhao", "name": "Zhao", "department": "O", "stance": "suporter"}]
            }
            """
        let file = load(json, path: "a.json")
        #expect(
            findings(file, .error) == [
                "4:73: error: people[0].stance: 'suporter' is not a stance; did you mean 'supporter'?"
            ])
    }

    /// Strengths and values are read from their bytes when written plainly; the number must
    /// be exactly the one `Double.init` reads, bit for bit, or scores would drift.
    @Test func plainDecimalsReadExactlyAsDoubleDoes() {
        var samples = [
            "0", "1", "0.1", "0.2", "0.3", "0.98", "0.16", "-0", "-0.0", "007", "1.000000000000",
            "123456789012345", "0.00000000000001", "99999999.9999999", "-4.5", "6200000",
        ]
        // Seeded: the same numbers every run, up to 15 digits with the point anywhere.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = String((state >> 11) % 1_000_000_000_000_000)
            let point = Int((state >> 3) % UInt64(digits.count + 1))
            let text = point == 0 ? digits : String(digits.prefix(point)) + "." + digits.dropFirst(point)
            samples.append(text.hasSuffix(".") ? String(text.dropLast()) : text)
        }
        for text in samples {
            let fast = NodeReader.plainDecimal(text)
            #expect(fast?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        // Everything else is left to Double.init (and its message when it fails).
        for text in ["", "-", "1.", ".5", "1e3", "+1", "1_000", "0x10", " 1", "1.2.3", "--1", "1234567890123456"] {
            #expect(NodeReader.plainDecimal(text) == nil, "\(text)")
        }
    }
}
