import Foundation
import Testing

/// `relmap schema` as a user runs it: the bytes printed are the committed
/// docs/relmap.schema.json, and `-o` writes it beside the accounts, where the modeline of
/// the files `relmap init` writes finds it, without ever replacing a file of the user's.
struct SchemaCLITests {
    typealias Scratch = ImportDiffInitCLITests.Scratch

    @Test func schemaPrintsTheCommittedSchema() throws {
        let r = try CLI.run(["schema"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let committed = try String(
            contentsOf: CLI.repo.appendingPathComponent("docs/relmap.schema.json"), encoding: .utf8)
        #expect(r.stdout == committed)
    }

    @Test func schemaWritesBesideTheAccountsAndReplacesOnlyItsOwnFile() throws {
        let dir = Scratch()
        #expect(try CLI.run(["init", "acme", "--lang", "en", "-o", dir.path("acme.yaml")]).status == 0)
        #expect(dir.read("acme.yaml")?.hasPrefix("# yaml-language-server: $schema=relmap.schema.json\n") == true)
        let first = try CLI.run(["schema", "-o", dir.path("relmap.schema.json")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "wrote \(dir.path("relmap.schema.json"))\n")
        let again = try CLI.run(["schema", "-o", dir.path("relmap.schema.json")])
        #expect(again.status == 0, "\(again.stderr)")
        // The folder still checks as one account: the schema beside it is no account.
        let check = try CLI.run(["check", dir.url.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("1 file, 0 errors"))

        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: dir.path("mine.json")))
        let refused = try CLI.run(["schema", "-o", dir.path("mine.json")])
        #expect(refused.status == 73)
        #expect(dir.read("mine.json") == "mine\n")
    }
}
