import Foundation
import Testing

/// `relmap import`, `relmap diff` and `relmap init` as a user runs them: what is
/// written, what is refused, exit codes, and that what is written passes `relmap check`.
struct ImportDiffInitCLITests {
    static let export = "Tests/RelMapCoreTests/Fixtures/import/salesforce"
    static let diff = "Tests/RelMapCoreTests/Fixtures/diff"

    /// A fresh folder for outputs, removed afterwards.
    typealias Scratch = TemporaryFolder

    static func importSalesforce(to output: String, _ extra: [String] = []) throws -> CLIResult {
        try CLI.run(
            [
                "import", "salesforce", export, "-o", output, "--name", "华东精密机械", "--as-of", "2026-11-01",
                "--salesforce-account", "0015g00000HdPmAAAQ",
            ] + extra)
    }

    @Test func aSalesforceExportImportsToAFileThatPassesCheck() throws {
        let dir = Scratch()
        let out = dir.path("huadong-precision.yaml")
        let r = try Self.importSalesforce(to: out)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "")
        #expect(r.stderr.contains("wrote \(out): 10 people, 3 team members, 9 contacts, 19 interactions\n"))
        #expect(r.stderr.contains("activities counted: 11 meetings, 8 calls, 2 e-mails\n"))
        #expect(
            r.stderr.contains(
                "left out: 2 open tasks, 2 activities with leads or other accounts, 1 contact role of other accounts\n")
        )
        let text = try #require(dir.read("huadong-precision.yaml"))
        #expect(text.contains("\n  id: huadong-precision "))
        let check = try CLI.run(["check", out])
        #expect(check.status == 0)
        #expect(check.stdout == "1 file, 0 errors, 3 warnings\n")
    }

    @Test func importNeverOverwritesWithoutForceAndForceReplacesItsOwnFile() throws {
        let dir = Scratch()
        let out = dir.path("a.yaml")
        #expect(try Self.importSalesforce(to: out).status == 0)
        try "# my edits\n".write(toFile: out, atomically: false, encoding: .utf8)
        let refused = try Self.importSalesforce(to: out)
        #expect(refused.status == 73)
        #expect(
            refused.stderr.hasSuffix("relmap: \(out): already exists; relmap never overwrites a file without --force\n")
        )
        #expect(dir.read("a.yaml") == "# my edits\n")
        // --force replaces only a file relmap wrote: not this hand-edited one...
        #expect(try Self.importSalesforce(to: out, ["--force"]).status == 73)
        #expect(dir.read("a.yaml") == "# my edits\n")
        // ...but an earlier import, which carries relmap's mark.
        try FileManager.default.removeItem(atPath: out)
        #expect(try Self.importSalesforce(to: out).status == 0)
        #expect(try Self.importSalesforce(to: out, ["--force"]).status == 0)
    }

    @Test func anExportOfSeveralAccountsFailsWithExit65AndWritesNothing() throws {
        let dir = Scratch()
        let r = try CLI.run(["import", "salesforce", Self.export, "-o", dir.path("a.yaml")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("choose one with --salesforce-account ID (an account id or name)\n"))
        #expect(r.stderr.hasSuffix("relmap: 1 error; nothing was written\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("a.yaml")))
    }

    @Test func badRowsFailUnlessSkippedAndEachIsReportedWithRowAndColumn() throws {
        let dir = Scratch()
        let file = "Tests/RelMapCoreTests/Fixtures/import/csv/bad-rows.csv"
        let failed = try CLI.run(["import", "csv", file, "-o", dir.path("x.yaml")])
        #expect(failed.status == 65)
        #expect(
            failed.stderr.contains(
                "\(file):5:1: error: [bad-row] row 5, column D (influence): '9' is not an influence from 1 (little) to 5 (decisive)"
            ))
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.yaml")))
        let skipped = try CLI.run(["import", "csv", file, "-o", dir.path("x.yaml"), "--skip-bad-rows"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("left out: 4 bad rows\n"))
        #expect(try CLI.run(["check", dir.path("x.yaml")]).status == 0)
    }

    /// The core names a setting; the CLI spells it as the flag to type (SettingFlags).
    /// Each message here is one a user acts on by adding that flag.
    @Test func everySettingAMessageAsksForIsNamedByItsFlag() throws {
        let dir = Scratch()
        let sample = "graphs/north-steel.yaml"
        let big = try CLI.run(["check", "--max-file-size", "100", sample])
        #expect(big.stderr.contains("more than the limit of 100; raise it with --max-file-size\n"), "\(big.stderr)")
        let many = try CLI.run(["check", "--max-people", "1", sample])
        #expect(many.stderr.contains("more than the limit of 1; raise it with --max-people\n"), "\(many.stderr)")
        let noneFree = ["wang", "chen-se", "liu-vp", "he-fae"].flatMap { ["--capacity", "\($0)=0"] }
        for format in ["table", "markdown", "json"] {
            let plan = try CLI.run(["plan", sample, "--format", format] + noneFree)
            #expect(
                plan.status == 0 && plan.stdout.contains("every member has used their --capacity"), "\(plan.stdout)")
        }
        let expectations: [(String, [String], String)] = [
            (
                "name,last\nA,2026-10-32\n", [],
                "or 10/30/2026 with --date-format mdy (use --skip-bad-rows to leave such rows out)\n"
            ),
            (
                "name,last\nA,03/04/2023\n", [],
                "say which with --date-format mdy (US: month/day/year) or --date-format dmy (day/month/year)\n"
            ),
            (
                "name,last\nA,1/23/2023\nB,23/01/2023\n", [],
                "fix the file, or say which with --date-format mdy or dmy\n"
            ),
            ("name,company\nA,X\nB,Y\n", [], "choose one with --company NAME, or pass --all-in-one\n"),
            ("Who,Job\nA,B\n", [], "map one with --map name=COLUMN (the file has: Who, Job)\n"),
            ("Contact,Job\nA,B\n", ["--map", "name=Contakt"], "--map name=Contakt: no such column; did you mean"),
        ]
        for (i, (text, flags, expected)) in expectations.enumerated() {
            let file = dir.write("in\(i).csv", text)
            let r = try CLI.run(["import", "csv", file, "-o", dir.path("out\(i).yaml")] + flags)
            #expect(r.status == 65 && r.stderr.contains(expected), "\(text): \(r.stderr)")
        }
    }

    @Test func aGB18030FileImportsToStandardOutputWithANote() throws {
        let r = try CLI.run([
            "import", "csv", "Tests/RelMapCoreTests/Fixtures/import/csv/people-gb18030.csv", "-o", "-",
            "--id", "suzhou", "--as-of", "2026-11-01",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\n    name: 赵建国\n"))
        #expect(
            r.stderr.hasPrefix("note: read Tests/RelMapCoreTests/Fixtures/import/csv/people-gb18030.csv as GB18030"))
    }

    @Test func eachRealCRMExportImportsInOneRunAndPassesCheck() throws {
        let dir = Scratch()
        let fixtures = "Tests/RelMapCoreTests/Fixtures/import"
        let runs: [(String, [String], String)] = [
            (
                "dupre.yaml",
                ["salesforce", "\(fixtures)/data-export", "--salesforce-account", "Hôtellerie Dupré Groupe"],
                "8 people, 2 team members, 5 contacts, 21 interactions"
            ),
            (
                "harbor.yaml", ["salesforce", "\(fixtures)/report-us", "--salesforce-account", "Harbor & Finch"],
                "3 people, 2 team members, 3 contacts, 4 interactions"
            ),
            (
                "northwind.yaml", ["hubspot", "\(fixtures)/hubspot-contacts.csv", "--company", "Northwind Traders"],
                "4 people, 2 team members, 3 contacts, 0 interactions"
            ),
            (
                "fabrikam.yaml", ["dynamics", "\(fixtures)/dynamics-contacts.csv", "--company", "Fabrikam AS"],
                "4 people, 2 team members, 4 contacts, 0 interactions"
            ),
        ]
        for (file, args, wrote) in runs {
            let r = try CLI.run(["import"] + args + ["-o", dir.path(file), "--as-of", "2023-06-30"])
            #expect(r.status == 0, "\(file): \(r.stderr)")
            #expect(r.stderr.contains("wrote \(dir.path(file)): \(wrote)\n"), "\(r.stderr)")
            let check = try CLI.run(["check", dir.path(file)])
            #expect(check.status == 0, "\(check.stdout)")
        }
        let export = try CLI.run([
            "import", "salesforce", "\(fixtures)/data-export", "-o", "-", "--id", "dupre",
            "--as-of", "2023-06-30", "--salesforce-account", "0018a00001DupReAAA",
        ])
        #expect(
            export.stderr.contains(
                "note: read Contact.csv, Task.csv, Event.csv, Account.csv, Opportunity.csv as Windows-1252"))
        #expect(export.stderr.contains("activities counted: 12 meetings, 9 calls, 2 e-mails\n"))
        #expect(
            export.stderr.contains(
                "left out: 5 deleted rows, 2 duplicate contacts (merged), 4 open tasks, 48 list or mass e-mails, 5 activities with leads or other accounts, 1 planned or undated activity, 1 contact role of other accounts, 1 role only on lost or long-closed deals (in notes)\n"
            ))
        #expect(export.stdout.contains("\n  name: Hôtellerie Dupré Groupe\n"))
    }

    @Test func aHeaderOnlyContactCSVExits65AndTheEncodingHintWorksAsWritten() throws {
        let dir = Scratch()
        try FileManager.default.createDirectory(atPath: dir.path("empty"), withIntermediateDirectories: true)
        try "Id,AccountId,FirstName,LastName\n".write(
            toFile: dir.path("empty/Contact.csv"), atomically: false, encoding: .utf8)
        let empty = try CLI.run(["import", "salesforce", dir.path("empty"), "-o", dir.path("e.yaml")])
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("there is nobody to import"))

        try FileManager.default.createDirectory(atPath: dir.path("sjis"), withIntermediateDirectories: true)
        let bytes = Data("Id,LastName\n003A,".utf8) + Data([0xCF, 0xB2, 0xB8, 0x0A])  // ﾏｲｸ in Shift-JIS
        _ = FileManager.default.createFile(atPath: dir.path("sjis/Contact.csv"), contents: bytes)
        let refused = try CLI.run(["import", "salesforce", dir.path("sjis"), "-o", dir.path("s.yaml")])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("name its encoding, e.g. --encoding shift_jis"))
        let named = try CLI.run([
            "import", "salesforce", dir.path("sjis"), "-o", dir.path("s.yaml"), "--encoding", "shift_jis",
        ])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(dir.read("s.yaml")?.contains("name: ﾏｲｸ") == true)
    }

    @Test func anUnknownEncodingOrDateFormatExits64() throws {
        let enc = try CLI.run(["import", "csv", "x.csv", "-o", "-", "--id", "a", "--encoding", "klingon-8"])
        #expect(enc.status == 64)
        #expect(
            enc.stderr.hasPrefix(
                "Error: The value 'klingon-8' is invalid for '--encoding <encoding>': 'klingon-8' is not an encoding iconv knows"
            ))
        let dates = try CLI.run(["import", "csv", "x.csv", "-o", "-", "--id", "a", "--date-format", "ymd"])
        #expect(dates.status == 64)
        #expect(
            dates.stderr.contains(
                "'--date-format <mdy|dmy>': 'ymd' is not mdy (month/day/year) or dmy (day/month/year)\n"))
        let asOf = try CLI.run(["import", "csv", "x.csv", "-o", "-", "--id", "a", "--as-of", "2026-02-30"])
        #expect(asOf.status == 64)
        #expect(asOf.stderr.contains("'--as-of <date>': '2026-02-30' is not a date (YYYY-MM-DD)\n"))
    }

    @Test func usageMistakesExit64() throws {
        let map = try CLI.run(["import", "csv", "x.csv", "-o", "-", "--id", "a", "--map", "titel=Job"])
        #expect(map.status == 64)
        #expect(map.stderr.contains("'--map <field=column,...>': 'titel' is not a field; did you mean 'title'?\n"))
        // Repeated --map values add up, and must agree; the usage line is import csv's.
        let twice = try CLI.run([
            "import", "csv", "x.csv", "-o", "-", "--id", "a", "--map", "name=A", "--map", "title=T,name=B",
        ])
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("Error: --map: name is mapped twice ('A' and 'B')\nUsage: relmap import csv "))
        #expect(try CLI.run(["import", "csv", "x.csv", "-o", "-"]).status == 64)  // no --id for stdout
        #expect(try CLI.run(["diff", "\(Self.diff)/north-steel-2026-11.yaml"]).status == 64)
        #expect(try CLI.run(["init", "bad id"]).status == 64)
    }

    @Test func diffOfTwoVersionsPrintsTheQuarterlyReview() throws {
        let r = try CLI.run(["diff", "\(Self.diff)/north-steel-2026-08.yaml", "\(Self.diff)/north-steel-2026-11.yaml"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("华北钢铁集团 (north-steel) · 2026-08-01 -> 2026-11-01\n\nshare "))
        for title in [
            "people added (1)", "people removed (1)", "stance changes (4)", "contacts (9 changes; stale after 90 days)",
        ] {
            #expect(r.stdout.contains("\n\(title)\n"), "\(title)")
        }
        let json = try CLI.run([
            "diff", "--format", "json", "\(Self.diff)/north-steel-2026-08.yaml",
            "\(Self.diff)/north-steel-2026-11.yaml",
        ])
        #expect(json.stdout.contains("\"schema\" : \"relmap.diff/1\""))
    }

    @Test func diffOfABrokenFileExits65AndOfAMissingOne66() throws {
        let broken = try CLI.run([
            "diff", "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml",
            "\(Self.diff)/north-steel-2026-11.yaml",
        ])
        #expect(broken.status == 65)
        #expect(broken.stdout == "")
        #expect(try CLI.run(["diff", "nope.yaml", "\(Self.diff)/north-steel-2026-11.yaml"]).status == 66)
        let dir = Scratch()
        try FileManager.default.copyItem(
            atPath: CLI.repo.appendingPathComponent("\(Self.diff)/north-steel-2026-11.yaml").path,
            toPath: dir.path("n.yaml"))
        let notGit = try CLI.run(["diff", dir.path("n.yaml"), "--git", "HEAD"])
        #expect(notGit.status == 66)
        #expect(
            notGit.stderr.contains("is not inside a git repository; compare two files instead: relmap diff OLD NEW"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
    func diffWithGitComparesTheFileWithItsCommittedVersion() throws {
        let dir = Scratch()
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            p.arguments = ["-C", dir.url.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "git \(args)")
        }
        let file = dir.path("graphs/north-steel.yaml")
        try FileManager.default.createDirectory(atPath: dir.path("graphs"), withIntermediateDirectories: true)
        let fixture = { (name: String) in CLI.repo.appendingPathComponent("\(Self.diff)/\(name)").path }
        try git("init", "-q")
        try FileManager.default.copyItem(atPath: fixture("north-steel-2026-08.yaml"), toPath: file)
        try git("add", ".")
        try git("commit", "-q", "-m", "August")
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: fixture("north-steel-2026-11.yaml"), toPath: file)

        let fromGit = try CLI.run(["diff", "graphs/north-steel.yaml", "--git", "HEAD"], cwd: dir.url)
        let fromFiles = try CLI.run(["diff", fixture("north-steel-2026-08.yaml"), fixture("north-steel-2026-11.yaml")])
        #expect(fromGit.status == 0, "\(fromGit.stderr)")
        #expect(fromGit.stdout == fromFiles.stdout)
        let json = try CLI.run(["diff", "graphs/north-steel.yaml", "--git", "HEAD", "--format", "json"], cwd: dir.url)
        #expect(json.stdout.contains("\"source\" : \"HEAD:graphs/north-steel.yaml\""))
        let unknown = try CLI.run(["diff", "graphs/north-steel.yaml", "--git", "v1999"], cwd: dir.url)
        #expect(unknown.status == 66)
        #expect(unknown.stderr.hasPrefix("relmap: cannot read graphs/north-steel.yaml at v1999: "))
    }

    @Test func initWritesAFileThatPassesCheckAndRefusesToOverwrite() throws {
        let dir = Scratch()
        let first = try CLI.run(["init", "north-steel", "--name", "华北钢铁集团"], cwd: dir.url)
        #expect(first.status == 0)
        #expect(
            first.stderr == "wrote north-steel.yaml; replace the examples, then run: relmap check north-steel.yaml\n")
        #expect(try CLI.run(["check", dir.path("north-steel.yaml")]).stdout == "1 file, 0 errors, 0 warnings\n")
        let before = dir.read("north-steel.yaml")
        let again = try CLI.run(["init", "north-steel", "--lang", "en"], cwd: dir.url)
        #expect(again.status == 73)
        #expect(
            again.stderr
                == "relmap: north-steel.yaml: already exists; init never writes over a file (choose another name with -o)\n"
        )
        #expect(dir.read("north-steel.yaml") == before)
        let english = try CLI.run(["init", "acme", "--lang", "en", "-o", "-"])
        #expect(english.stdout.contains("# roles: decision-maker | economic-buyer"))
    }
}
