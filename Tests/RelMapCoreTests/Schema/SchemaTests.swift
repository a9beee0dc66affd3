import Foundation
import Testing
@testable import RelMapCore

/// The JSON Schema of the account file (`AccountSchema`), checked with a real validator:
/// Python's jsonschema (draft 2020-12, dates checked) through scripts/validate_schema.py.
struct SchemaTests {
    /// Each file's problems as the validator gives them ("people/0/stance: enum"), by path.
    private func validate(_ files: [String]) throws -> [String: [String]] {
        let data = try PythonRunner.run(
            [Repo.path("scripts/validate_schema.py"), Repo.path("docs/relmap.schema.json")] + files)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
    }

    /// Every account file the repository holds: samples and test fixtures.
    private func repositoryAccountFiles() throws -> [String] {
        var files: [String] = []
        for folder in ["graphs", "Tests"] {
            let found = FileManager.default.enumerator(atPath: Repo.path(folder))?.compactMap { $0 as? String } ?? []
            files += found.filter { $0.hasSuffix(".yaml") && !$0.contains("yaml-test-suite/") }.map {
                Repo.path("\(folder)/\($0)")
            }
        }
        return files.sorted()
    }

    @Test func theCommittedSchemaIsTheOneRelmapPrints() throws {
        let committed = try String(contentsOfFile: Repo.path("docs/relmap.schema.json"), encoding: .utf8)
        #expect(AccountSchema.text == committed, "run: swift run relmap schema > docs/relmap.schema.json")
    }

    @Test func theSchemaOffersEveryKeyAndWordTheLoaderReads() throws {
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(AccountSchema.text.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let top = try #require(schema["properties"] as? [String: Any])
        #expect(Set(top.keys) == Set(TopKey.spellings))
        let person = try #require((top["people"] as? [String: Any])?["items"] as? [String: Any])
        let properties = try #require(person["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == Set(PersonKey.spellings))
        #expect(
            (properties["stance"]?["enum"] as? [Any])?.compactMap { $0 as? String } == Stance.allCases.map(\.rawValue))
        #expect(properties.values.allSatisfy { ($0["description"] as? String)?.isEmpty == false })
    }

    @Test func everyFileRelmapAcceptsIsValidForTheSchema() throws {
        let dir = TempFolder()
        var files = try repositoryAccountFiles()
        for language in StarterFile.Language.allCases {
            files.append(
                dir.write(
                    "starter-\(language).yaml",
                    try StarterFile.text(id: "a", name: "甲", language: language, asOf: testToday)))
        }
        // A block reused through a merge key is checked as merged (docs/format.md).
        files.append(
            dir.write(
                "merge-keys.yaml",
                """
                relmap: 1
                x-office: &office {department: 总经办, stance: neutral}
                account: {id: a, name: A, as_of: 2026-11-01}
                team: [{id: w, name: W}]
                people:
                  - {id: zhao, name: 赵总, <<: *office, roles: [decision-maker]}
                  - {id: xu, name: 许秘书, <<: *office, stance: supporter}
                contacts: [{member: w, person: xu}]
                """))
        // A JSON account, as VS Code's json.schemas setting would check it.
        files.append(
            dir.write(
                "json-account.json",
                """
                {"relmap": 1, "account": {"id": "a", "name": "甲", "tier": "key", "as_of": "2026-11-01"},
                 "team": [{"id": "w", "name": "W"}],
                 "people": [{"id": "p", "name": "P", "roles": "coach", "stance": "champion", "influence": 4, "level": null}],
                 "contacts": [{"member": "w", "person": "p", "strength": 0.7, "last": "2026-10-01"}]}
                """))
        let accepted = files.filter { !AccountLoader.load(file: $0, options: testOptions()).diagnostics.hasErrors }
        // Every sample and fixture but the one broken on purpose (Fixtures/invalid).
        #expect(accepted.count == files.count - 1)
        #expect(accepted.count > 100)
        let report = try validate(accepted)
        for file in accepted {
            #expect(report[file] == [], "\(file)")
        }
    }

    /// many-mistakes.yaml holds 21 errors; these 13 are the ones a schema can see. The
    /// other 8 need the whole account (an unknown or wrong-kind id, a cycle, a tie to
    /// oneself or twice), and the schema must not report them.
    @Test func theSchemaRejectsTheSchemaLevelMistakesOfTheBrokenFixture() throws {
        let file = Repo.fixture("invalid/many-mistakes.yaml")
        #expect(
            try validate([file])[file] == [
                "account/as_of: format",  // 2026-13-45
                "account/id: pattern",  // 'bad account'
                "account/tier: enum",  // strategik
                "account/value: minimum",  // -5
                "account: additionalProperties",  // colour
                "contacts/0/last: format",  // 2026-02-30
                "contacts/0/strength: anyOf",  // strongest
                "people/0/influence: maximum",  // 7
                "people/0/level: minimum",  // 0
                "people/0/stance: enum",  // suporter
                "people/1/roles: anyOf",  // budget-holder
                "people/3: required",  // no name
                "relations/1/strength: maximum",  // 1.5
            ])
        #expect(AccountLoader.load(file: file, options: testOptions()).diagnostics.errorCount == 21)
    }

    /// One schema-level mistake per file, each of a kind `relmap check` also reports.
    @Test func eachKindOfSchemaLevelMistakeIsRejected() throws {
        let cases: [(name: String, text: String, problem: String)] = [
            (
                "unknown-key", account(people: "  - {id: zhao, name: Zhao, stnce: neutral}", rest: ""),
                "people/0: additionalProperties"
            ),
            ("unknown-top-key", account(rest: "peeple: []"), "(top level): additionalProperties"),
            (
                "wrong-word", account(people: "  - {id: zhao, name: Zhao, stance: suporter}", rest: ""),
                "people/0/stance: enum"
            ),
            (
                "wrong-relation-type", account(rest: "relations:\n  - {from: zhao, to: qian, type: friend}"),
                "relations/0/type: enum"
            ),
            ("list-as-mapping", account(team: "  wang: {name: Wang}", rest: ""), "team: type"),
            (
                "text-as-number", account(people: "  - {id: zhao, name: Zhao, influence: high}", rest: ""),
                "people/0/influence: type"
            ),
            ("mapping-as-text", account(people: "  - {id: zhao, name: {first: Z}}", rest: ""), "people/0/name: type"),
            ("missing-key", account(rest: "contacts:\n  - {member: wang}"), "contacts/0: required"),
            ("bad-id", account(people: "  - {id: zhao li, name: Zhao}", rest: ""), "people/0/id: pattern"),
            (
                "bad-date", account(header: "  id: acme\n  name: Acme\n  as_of: 11/01/2026"),
                "account/as_of: format; account/as_of: pattern"
            ),
            ("wrong-version", account().replacingOccurrences(of: "relmap: 1", with: "relmap: 2"), "relmap: const"),
            (
                "empty-people", account(rest: "interactions:\n  - {date: 2026-10-01, member: wang, people: []}"),
                "interactions/0/people: anyOf"
            ),
        ]
        let dir = TempFolder()
        let paths = cases.map { dir.write("\($0.name).yaml", $0.text) }
        let report = try validate(paths)
        for (path, c) in zip(paths, cases) {
            #expect(report[path]?.joined(separator: "; ") == c.problem, "\(c.name)")
            #expect(load(c.text).diagnostics.hasErrors, "\(c.name): relmap check accepts it")
        }
    }

    @Test func theSchemaBesideTheAccountsIsNoAccount() throws {
        let dir = TempFolder()
        dir.write("a.yaml", account())
        dir.write(AccountSchema.fileName, AccountSchema.text)
        let report = try AccountLoader.load(paths: [dir.path], options: testOptions())
        #expect(report.files.map { ($0.path as NSString).lastPathComponent } == ["a.yaml"])
        #expect(!report.hasErrors)
    }
}
