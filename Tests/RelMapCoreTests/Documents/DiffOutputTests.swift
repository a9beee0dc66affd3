import Foundation
import Testing
@testable import RelMapCore

/// How a diff prints: the text a sales leader reads, `relmap.diff/1` JSON, CSV, and
/// the older version read from git.
struct DiffOutputTests {
    @Test func theTextStartsWithTheSharesAndListsOnlySectionsWithChanges() throws {
        let d = try DiffTests.quarter()
        #expect(DiffTables.heading(d) == "华北钢铁集团 (north-steel) · 2026-08-01 -> 2026-11-01")
        let text = DiffTables.sections(d).map { $0.text() }.joined(separator: "\n")
        #expect(
            text.hasPrefix(
                """
                share           2026-08-01  2026-11-01  change
                ──────────────  ──────────  ──────────  ──────
                coverage              11.5        21.2    +9.7
                support               17.4        19.4    +2.0
                opposition             0.0         9.6    +9.6
                unknown stance        30.4        25.8    -4.6
                """))
        #expect(
            DiffTables.sections(d).compactMap(\.title) == [
                "people added (1)", "people removed (1)", "stance changes (4)", "role changes (2)", "other changes (2)",
                "contacts (9 changes; stale after 90 days)", "influence ranks (2 moved)", "departments",
            ])
        #expect(text.contains("钱伟 (qian)     neutral  skeptic    ▼ down        93.3"))
        #expect(
            text.contains(
                "stale     王磊 (wang)       胡明 (hu)         weak, 2026-07-05 (27 days ago)    weak, 2026-07-05 (119 days ago)"
            ))
    }

    @Test func anUnchangedAccountPrintsOnlyItsShares() throws {
        let a = try DiffTests.analysis("north-steel-2026-11.yaml")
        let sections = DiffTables.sections(AccountDiff.between(old: a, new: a))
        #expect(sections.count == 1)
        #expect(sections[0].rows.allSatisfy { $0[3] == "0.0" })
    }

    @Test func jsonHasTheSchemaSortedKeysAndEveryChange() throws {
        let data = try DiffDocument(DiffTests.quarter()).encoded()
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(doc["schema"] as? String == "relmap.diff/1")
        #expect(
            Set(doc.keys) == [
                "schema", "old", "new", "stale_after_days", "people_added", "people_removed",
                "stance_changes", "role_changes", "field_changes", "contact_changes", "rank_changes",
                "shares", "departments",
            ])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"change\" : \"stale\""))
        #expect(text.contains("\"direction\" : \"learned\""))
        // Sorted keys: "contact_changes" is the first key written.
        #expect(text.hasPrefix("{\n  \"contact_changes\""))
        let old = try #require(doc["old"] as? [String: Any])
        #expect(old["as_of"] as? String == "2026-08-01")
    }

    @Test func jsonCarriesGapsOnlyWhenAGapAnalysisWasPlugged() throws {
        let options = DiffOptions(gaps: { _ in [DiffGap(key: "k", severity: "high", text: "t")] })
        let data = try DiffDocument(DiffTests.quarter(options: options)).encoded()
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let gaps = try #require(doc["gaps"] as? [String: Any])
        #expect((gaps["opened"] as? [Any])?.isEmpty == true)
    }

    @Test func csvHasOneRowPerChange() throws {
        let table = DiffCSV.table(try DiffTests.quarter())
        #expect(table.columns.map(\.header) == ["account", "section", "change", "id", "name", "detail", "from", "to"])
        #expect(table.rows.contains(["north-steel", "stance", "down", "su", "苏建平", "stance", "neutral", "blocker"]))
        #expect(table.rows.contains(["north-steel", "people", "added", "qiao", "乔雅", "rank", "", "17"]))
        #expect(table.rows.filter { $0[1] == "contacts" }.count == 9)
        #expect(
            table.csv().hasPrefix(
                "account,section,change,id,name,detail,from,to\r\nnorth-steel,shares,,,华北钢铁集团,coverage,11.5,21.2\r\n"))
    }

    @Test func signedChangesNeverPrintMinusZero() {
        #expect(DiffTables.signed(-0.01) == "0.0")
        #expect(DiffTables.signed(0.06) == "+0.1")
        #expect(DiffTables.signed(-2) == "-2.0")
    }
}

/// Reading the older version of a file from git, in a throwaway repository.
@Suite(.enabled(if: GitHistory.executable() != nil, "git is not installed"))
struct DiffGitTests {
    /// A repository with the August map committed and tagged, and the November map in
    /// the working tree, in a subfolder.
    static func repository() throws -> TempFolder {
        let dir = TempFolder()
        try FileManager.default.createDirectory(atPath: dir.path + "/graphs", withIntermediateDirectories: true)
        let file = dir.path + "/graphs/north-steel.yaml"
        func git(_ args: String...) throws {
            let r = try GitHistory.run(["-c", "user.name=t", "-c", "user.email=t@example.com"] + args, in: dir.path)
            #expect(r.status == 0, "git \(args): \(String(decoding: r.err, as: UTF8.self))")
        }
        try git("init", "-q")
        try FileManager.default.copyItem(atPath: Repo.fixture("diff/north-steel-2026-08.yaml"), toPath: file)
        try git("add", ".")
        try git("commit", "-q", "-m", "August")
        try git("tag", "q3")
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: Repo.fixture("diff/north-steel-2026-11.yaml"), toPath: file)
        return dir
    }

    @Test func theOlderVersionIsReadFromARevisionByItsPathInTheRepository() throws {
        let repo = try Self.repository()
        let (data, name) = try GitHistory.read(repo.path + "/graphs/north-steel.yaml", at: "q3")
        #expect(name == "q3:graphs/north-steel.yaml")
        #expect(data == FileManager.default.contents(atPath: Repo.fixture("diff/north-steel-2026-08.yaml")))
        let old = AccountLoader.load(data: data, path: name, options: testOptions())
        #expect(old.account?.asOf.iso == "2026-08-01")
    }

    @Test func anUnknownRevisionSaysWhatGitSaid() throws {
        let repo = try Self.repository()
        let path = repo.path + "/graphs/north-steel.yaml"
        #expect(throws: GitHistoryError.self) { try GitHistory.read(path, at: "no-such-tag") }
        do {
            _ = try GitHistory.read(path, at: "no-such-tag")
        } catch {
            #expect(
                error.description.hasPrefix("cannot read \(path) at no-such-tag: invalid object name 'no-such-tag'"))
        }
        #expect(
            throws: GitHistoryError.noSuchVersion(
                path: path, revision: "--output=x", gitSays: "a revision cannot start with '-'")
        ) {
            try GitHistory.read(path, at: "--output=x")
        }
    }

    @Test func aFileOutsideAnyRepositoryIsAClearError() throws {
        let dir = TempFolder()
        let path = dir.write("a.yaml", "relmap: 1\n")
        #expect(throws: GitHistoryError.notInRepository(path)) { try GitHistory.read(path, at: "HEAD") }
        #expect(
            GitHistoryError.notInRepository(path).description.hasSuffix(
                "is not inside a git repository; compare two files instead: relmap diff OLD NEW"))
    }
}
