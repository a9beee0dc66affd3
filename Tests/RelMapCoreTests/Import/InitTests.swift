import Foundation
import Testing
@testable import RelMapCore

/// The starting file `relmap init` writes: every section, an example, the docs, and it
/// passes `relmap check` as written.
struct InitTests {
    @Test(arguments: StarterFile.Language.allCases)
    func theStarterFilePassesCheckWithoutAnyWarning(_ language: StarterFile.Language) throws {
        let text = try StarterFile.text(id: "north-steel", name: "华北钢铁集团", language: language, asOf: testToday)
        let loaded = AccountLoader.load(data: Data(text.utf8), path: "north-steel.yaml", options: testOptions())
        #expect(findings(loaded) == [])
        let account = try #require(loaded.account)
        #expect(account.id == "north-steel")
        #expect(account.name == "华北钢铁集团")
        #expect(account.asOf == testToday)
        #expect(!account.team.isEmpty && !account.people.isEmpty && !account.relations.isEmpty)
        #expect(!account.contacts.isEmpty && !account.interactions.isEmpty)
    }

    @Test(arguments: StarterFile.Language.allCases)
    func theStarterFileHasEverySectionTheDocsAndTheMark(_ language: StarterFile.Language) throws {
        let text = try StarterFile.text(id: "a", name: nil, language: language, asOf: testToday)
        for key in [
            "relmap: 1", "account:", "  tier:", "  value:", "  currency:", "  stage:", "  as_of:", "team:", "people:",
            "    title:", "    department:", "    level:", "    roles:", "    stance:", "    influence:",
            "    reports_to:", "    notes:", "relations:", "contacts:", "interactions:",
        ] {
            #expect(text.contains("\n" + key), "\(language): \(key)")
        }
        #expect(text.contains("docs/format.md"))
        // The first line points editors at the schema (docs/format.md, "Editor help").
        #expect(text.hasPrefix("# yaml-language-server: $schema=relmap.schema.json\n# \(OutputFile.mark) init."))
        #expect(OutputFile.isMarked(Data(text.utf8)))
    }

    @Test func theNameIsQuotedWhenYAMLWouldMisreadIt() throws {
        let text = try StarterFile.text(id: "acme", name: "Acme: Steel #1", language: .en, asOf: testToday)
        #expect(text.contains("\n  name: \"Acme: Steel #1\"\n"))
        let account = AccountLoader.load(data: Data(text.utf8), path: "a.yaml", options: testOptions()).account
        #expect(account?.name == "Acme: Steel #1")
        // With no name, the id stands in for it.
        #expect(
            try StarterFile.text(id: "acme", name: nil, language: .zh, asOf: testToday).contains("\n  name: acme\n"))
    }

    @Test func theDateKeepsTheCommentsAligned() throws {
        let text = try StarterFile.text(id: "a", name: nil, language: .en, asOf: testToday)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  as_of:") })
        #expect(String(line).distance(of: "#") == 30)
    }

    @Test(arguments: ["", "bad id", "north/steel", "赵"])
    func anInvalidIdIsRefused(_ id: String) {
        #expect(throws: ImportError.self) { try StarterFile.text(id: id, name: nil, language: .zh, asOf: testToday) }
    }
}
