import Foundation
import Testing

/// `relmap log`, `set`, `add` and `remove` as a user runs them on a copy of a sample:
/// what is printed, what is written (counted with the real `git diff --numstat`), what
/// is refused and with which exit code.
struct EditCLITests {
    typealias Scratch = ImportDiffInitCLITests.Scratch
    static let sample = "graphs/north-steel.yaml"

    /// A scratch copy of north-steel and its original text.
    func copy() throws -> (Scratch, String, String) {
        let scratch = Scratch()
        let text = try String(contentsOfFile: CLI.repo.appendingPathComponent(Self.sample).path, encoding: .utf8)
        let path = scratch.path("north-steel.yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (scratch, path, text)
    }

    /// Lines added and removed between the two files, as git counts them.
    func numstat(_ old: String, _ new: String) throws -> (added: Int, removed: Int) {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "diff", "--no-index", "--numstat", old, new]
        let out = Pipe()
        git.standardOutput = out
        try git.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: "\t")
        return (Int(fields.first ?? "") ?? 0, fields.count > 1 ? Int(fields[1]) ?? 0 : 0)
    }

    func check(_ path: String) throws -> Int32 { try CLI.run(["check", path]).status }

    @Test func logRecordsAVisitInThreeLinesAndPrintsWhatChanged() throws {
        let (scratch, path, text) = try copy()
        let args = [
            "log", path, "--member", "wang", "--person", "zhao", "--kind", "visit", "--strength", "weak",
            "--date", "2026-11-05", "--note", "首次见面: 约了 #2 演示",
        ]
        let dry = try CLI.run(args + ["--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("--- a/"))
        #expect(dry.stdout.contains("\n+  - {member: wang, person: zhao, strength: weak, last: 2026-11-05}\n"))
        #expect(dry.stderr.contains("would make 3 changes; nothing written (--dry-run)"))
        #expect(scratch.read("north-steel.yaml") == text)

        let run = try CLI.run(args)
        #expect(run.status == 0)
        #expect(run.stdout.contains("added interaction: 2026-11-05 wang met zhao (visit)\n"))
        #expect(run.stdout.contains("changed account.as_of: 2026-11-01 -> 2026-11-05\n"))
        let original = CLI.repo.appendingPathComponent(Self.sample).path
        let counts = try numstat(original, path)
        #expect(counts.added == 3 && counts.removed == 1)
        #expect(try check(path) == 0)
        let after = try #require(scratch.read("north-steel.yaml"))
        #expect(after.hasPrefix("# 华北钢铁集团：MES/自动化改造项目"))
        #expect(after.contains("note: \"首次见面: 约了 #2 演示\"}"))
    }

    @Test func setChangesOnlyThoseLinesAndRefusesWhatWouldBreakTheFile() throws {
        let (scratch, path, text) = try copy()
        let run = try CLI.run(["set", path, "zhao", "stance=supporter", "title=总经理（董事）"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("changed person zhao: stance neutral -> supporter\n"))
        let original = CLI.repo.appendingPathComponent(Self.sample).path
        let counts = try numstat(original, path)
        #expect(counts.added == 2 && counts.removed == 2)

        let before = scratch.read("north-steel.yaml")
        let cycle = try CLI.run(["set", path, "zhao", "reports_to=sun-fz"])
        #expect(cycle.status == 65)
        #expect(cycle.stderr.contains("(after the change):"))
        #expect(cycle.stderr.contains("reporting cycle zhao -> sun-fz -> zhao"))
        #expect(scratch.read("north-steel.yaml") == before)

        let unknown = try CLI.run(["set", path, "zaho", "stance=blocker"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no person with id 'zaho'; did you mean 'zhao'?"))
        let usage = try CLI.run(["set", path, "zhao", "stance=suporter"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("did you mean 'supporter'?"))
        #expect(try CLI.run(["set", path, "zhao", "colour=red"]).status == 64)
        let same = try CLI.run(["set", path, "zhao", "stance=supporter"])
        #expect(same.status == 0)
        #expect(same.stderr.contains("nothing to change"))
        #expect(scratch.read("north-steel.yaml") == before)
        #expect(before != text)
    }

    @Test func addEachKindWritesAFileThatPassesCheck() throws {
        let (scratch, path, _) = try copy()
        let steps: [[String]] = [
            [
                "add", "person", path, "xie", "name=谢小东", "title=采购专员", "department=采购部", "roles=gatekeeper",
                "stance=unknown", "reports_to=zhao",
            ],
            ["add", "relation", path, "xie", "zhao", "influences", "strength=0.3"],
            ["add", "member", path, "zhang", "name=张工", "role=solution engineer"],
            ["add", "contact", path, "zhang", "xie", "strength=strong", "last=2026-10-30"],
        ]
        for step in steps {
            let run = try CLI.run(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
            #expect(run.stdout.contains(": 1 change\n  added "))
        }
        let original = CLI.repo.appendingPathComponent(Self.sample).path
        let counts = try numstat(original, path)
        #expect(counts.added == 7 + 3 && counts.removed == 0)  // seven keys of the person, one line each for the rest
        #expect(try check(path) == 0)
        let again = try CLI.run(["add", "contact", path, "zhang", "xie"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("zhang already has a contact with xie"))
        #expect(try CLI.run(["add", "person", path, "nobody"]).status == 64)
        #expect(
            scratch.read("north-steel.yaml")?.contains("  - {id: zhang, name: 张工, role: solution engineer}\n") == true)
    }

    @Test func removePersonSaysWhatGoesWithThem() throws {
        let (scratch, path, _) = try copy()
        let run = try CLI.run(["remove", "person", path, "sun-fz"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("removed person sun-fz: 孙立新\n"))
        #expect(run.stdout.contains("changed person qian: reports_to sun-fz -> zhao (sun-fz was removed)\n"))
        #expect(run.stdout.contains("removed relation lin -> sun-fz: influences\n"))
        #expect(run.stdout.contains("removed contact liu-vp -> sun-fz\n"))
        #expect(try check(path) == 0)
        #expect(try CLI.run(["remove", "relation", path, "zhao", "qian"]).status == 65)
        #expect(try CLI.run(["remove", "contact", path, "wang", "li-bz", "--dry-run"]).status == 0)
        #expect(try CLI.run(["remove", "member", path, "he-fae"]).status == 0)
        #expect(try check(path) == 0)
        #expect(scratch.read("north-steel.yaml")?.contains("he-fae") == false)
    }

    @Test func aFileChangedOnDiskIsNotWrittenOver() throws {
        let (scratch, path, text) = try copy()
        let stale = try CLI.run([
            "set", path, "zhao", "stance=blocker", "--expect-hash", String(repeating: "0", count: 64),
        ])
        #expect(stale.status == 75)
        #expect(stale.stderr.contains("changed on disk since it was read"))
        #expect(scratch.read("north-steel.yaml") == text)

        let sha = Process()
        sha.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sha.arguments = ["sha256sum", path]
        let out = Pipe()
        sha.standardOutput = out
        try sha.run()
        let hash = String(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64))
        sha.waitUntilExit()
        #expect(try CLI.run(["set", path, "zhao", "stance=blocker", "--expect-hash", hash]).status == 0)
        #expect(scratch.read("north-steel.yaml")?.contains("    stance: blocker\n") == true)
    }

    @Test func aLinkIsNotWrittenThroughExit73() throws {
        let (scratch, path, text) = try copy()
        let link = scratch.path("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let run = try CLI.run(["set", link, "zhao", "stance=blocker"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("is a symbolic link"))
        #expect(scratch.read("north-steel.yaml") == text)
    }

    @Test func missingJSONAndBrokenFilesExitWithTheirCodes() throws {
        let scratch = Scratch()
        #expect(try CLI.run(["set", scratch.path("none.yaml"), "zhao", "stance=blocker"]).status == 66)
        let json = scratch.path("a.json")
        try "{\"relmap\": 1}".write(toFile: json, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["set", json, "zhao", "stance=blocker"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("relmap edits YAML account files only"))
        let broken = CLI.repo.appendingPathComponent("Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml").path
        let copy = scratch.path("broken.yaml")
        try FileManager.default.copyItem(atPath: broken, toPath: copy)
        let bad = try CLI.run(["log", copy, "--member", "wang", "--person", "zhao"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("fix them first"))
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == String(contentsOfFile: broken, encoding: .utf8))
    }
}
