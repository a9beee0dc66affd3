import Foundation
import Testing
import RelMapCore

/// `relmap check`, `relmap analyze` (and `relmap gaps --width`) as a user runs them: exit codes, where text goes,
/// and what it says.
struct CheckAndAnalyzeCLITests {
    @Test func checkOfTheSamplesPassesWithASummaryLine() throws {
        let r = try CLI.run(["check", "graphs"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("7 files, 0 errors, "))
        #expect(r.stdout.hasSuffix(" warnings\n"))
    }

    @Test func checkOfABrokenFileReportsEveryErrorAndExits65() throws {
        let r = try CLI.run(["check", "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml"])
        #expect(r.status == 65)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 21)
        #expect(
            errors.first
                == "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml:3:7: error: [bad-id] account.id: 'bad account' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'"
        )
        #expect(r.stdout == "1 file, 21 errors, 4 warnings\n")
        // Each finding: its code, the line with a caret under the column (CJK text counts
        // two columns), then a note where editors link to the first definition.
        let file = "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml"
        #expect(
            r.stderr.contains(
                """
                \(file):13:5: warning: [no-department] people[0]: 赵建国 (zhao) has no department
                 13 |   - id: zhao
                    |     ^
                \(file):13:9: error: [duplicate-id] people[0].id: duplicate id 'zhao'
                 13 |   - id: zhao
                    |         ^
                \(file):11:10: note: first defined here (team[1])
                \(file):15:13: error: [not-in-list] people[0].stance:
                """), "\(r.stderr)")
        #expect(
            r.stderr.contains(
                """
                \(file):30:5: error: [duplicate-relation] relations[2]: the same relation again (qian ally sun)
                 30 |   - {from: qian, to: sun, type: ally}
                    |     ^
                \(file):29:5: note: first written here (relations[1])

                """))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        #expect(try CLI.run(["check", "graphs/north-steel.yaml"]).status == 0)
        #expect(try CLI.run(["check", "--strict", "graphs/north-steel.yaml"]).status == 65)
    }

    @Test func aMissingPathExits66() throws {
        let r = try CLI.run(["check", "no-such-folder"])
        #expect(r.status == 66)
        #expect(r.stderr == "relmap: no-such-folder: no such file or folder\n")
    }

    @Test func anErrorIsPrintedOnceWithItsExitCodeAndMadeSafeForTheTerminal() throws {
        let r = try CLI.run(["analyze", "graphs/north-steel.yaml", "--explain", "no\u{1B}[2Jbody"])
        #expect(r.status == 65)
        #expect(r.stdout == "")
        #expect(r.stderr == "relmap: no person with id 'no\u{FFFD}[2Jbody' in the accounts given\n")
    }

    @Test func anUnknownFlagIsAUsageErrorExit64() throws {
        let r = try CLI.run(["analyze", "--colour", "graphs"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Unknown option '--colour'"))
    }

    @Test func analyzeOfABrokenFileWritesNothingToStdout() throws {
        let r = try CLI.run([
            "analyze", "graphs/north-steel.yaml", "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml",
        ])
        #expect(r.status == 65)
        #expect(r.stdout == "")
        #expect(
            r.stderr.hasSuffix(
                "relmap: 21 errors in 1 file; nothing was written (run 'relmap check' to see warnings too)\n"))
    }

    @Test func analyzeTableListsPeopleByInfluenceAlignedByDisplayWidth() throws {
        let r = try CLI.run(["analyze", "Tests/RelMapCoreTests/Fixtures/tiny.yaml"])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                小钢厂 (tiny) · as of 2026-11-01
                coverage 53.0  support 17.1  opposition 11.8  unknown stance 0.0

                #  person         title     department  roles       stance     influence  reach
                ─  ─────────────  ────────  ──────────  ──────────  ─────────  ─────────  ─────
                1  赵总 (zhao)    总经理    总经办      decision    neutral        100.0   0.36
                2  许秘书 (xu)    秘书      总经办      influencer  supporter       80.9   0.90
                3  钱部长 (qian)  设备部长  设备部      technical   skeptic         55.9   0.30

                department  people  contacted  influence%  coverage  support  opposition
                ──────────  ──────  ─────────  ──────────  ────────  ───────  ──────────
                总经办           2          1        76.4      60.2     22.4         0.0
                设备部           1          1        23.6      30.0      0.0        50.0

                """)
        #expect(!r.stdout.contains("\u{1B}["))
    }

    @Test func analyzeJSONHasTheSchemaAndIsByteIdenticalAcrossRuns() throws {
        let a = try CLI.run(["analyze", "--format", "json", "graphs"])
        let b = try CLI.run(["analyze", "--format", "json", "graphs"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        #expect(doc["schema"] as? String == "relmap.analysis/1")
        let accounts = try #require(doc["accounts"] as? [[String: Any]])
        #expect(
            accounts.map { $0["id"] as? String } == [
                "beibei-maternity", "delta-logistics", "harbor-retail", "huaxin-beverage", "jiangnan-hospital",
                "krackhardt-hightech", "north-steel",
            ])
    }

    @Test func analyzeCSVHasOneRowPerPersonAndAHeader() throws {
        let r = try CLI.run(["analyze", "--format", "csv", "Tests/RelMapCoreTests/Fixtures/tiny.yaml"])
        let lines = r.stdout.split(separator: "\r\n")
        #expect(lines.first == "account,rank,id,name,title,department,level,roles,stance,influence,reach,route")
        #expect(lines.count == 4)
        #expect(
            lines[1]
                == "tiny,1,zhao,赵总,总经理,总经办,1,decision-maker,neutral,100.0,0.36,\"王磊 -> 许秘书 (strong, today) -> 赵总 (influences)\""
        )
    }

    @Test func explainBreaksAScoreIntoParts() throws {
        let r = try CLI.run(["analyze", "Tests/RelMapCoreTests/Fixtures/tiny.yaml", "--explain", "xu"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("via 赵总 (zhao): 66.8   (influences + reports to, weight 1.10)"))
        let missing = try CLI.run(["analyze", "Tests/RelMapCoreTests/Fixtures/tiny.yaml", "--explain", "nobody"])
        #expect(missing.status == 65)
        #expect(missing.stderr == "relmap: no person with id 'nobody' in the accounts given\n")
    }

    @Test func gapsWrapsItsSentencesToTheWidthGivenAndNotWhenPiped() throws {
        let piped = try CLI.run(["gaps", "graphs/north-steel.yaml"])
        #expect(piped.status == 0)
        #expect(piped.stdout.split(separator: "\n").contains { DisplayWidth.of(String($0)) > 100 })
        let wrapped = try CLI.run(["gaps", "graphs/north-steel.yaml", "--width", "100"])
        #expect(wrapped.status == 0)
        #expect(wrapped.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 100 })
        #expect(
            wrapped.stdout.contains(
                "                                            decision-maker, and nobody reaches them through others\n"))
        let zero = try CLI.run(["gaps", "graphs/north-steel.yaml", "--width", "0"])
        #expect(zero.status == 64)
        #expect(zero.stdout == "")
    }

    @Test("plan prints each visit as a block within --width, every word kept; piped, the table is unchanged")
    func planPrintsBlocksWhenItsTableIsWiderThanTheWidth() throws {
        let piped = try CLI.run(["plan", "graphs/north-steel.yaml"])
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("#  visit "))
        let narrow = try CLI.run(["plan", "graphs/north-steel.yaml", "--width", "80"])
        #expect(narrow.status == 0)
        // The account's heading and summary line stay whole, as in `gaps`; the blocks fit.
        let blocks = narrow.stdout.split(separator: "\n").dropFirst(2)
        #expect(blocks.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(narrow.stdout.contains("5  周海涛 (副总经理（分管采购、财务）)  coverage +2.2  support +2.2\n"))
        let phone = try CLI.run(["plan", "graphs/north-steel.yaml", "--width", "60"])
        #expect(phone.stdout.contains("5  周海涛 (副总经理（分管采购、财务）)\n   coverage +2.2  support +2.2\n"))
        #expect(phone.stdout.split(separator: "\n").dropFirst(2).allSatisfy { DisplayWidth.of(String($0)) <= 60 })
        #expect(narrow.stdout.contains("1  赵建国 (总经理)  coverage +4.1  support +4.1\n"))
        #expect(narrow.stdout.contains("   why them          刘振华, executive sponsor: peer of 总经理\n"))
        // Nothing is cut: each visit's "why them" (the CSV's last column) is in the blocks,
        // once the wrapping's line breaks and indentation are taken out.
        let unspaced = { (text: String) in text.filter { $0 != " " && $0 != "\n" && $0 != "\"" } }
        let csv = try CLI.run(["plan", "graphs/north-steel.yaml", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n").dropFirst()
        #expect(rows.count == 5)
        for line in rows {
            let whyThem = String(line.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
            #expect(!whyThem.isEmpty && unspaced(narrow.stdout).contains(unspaced(whyThem)))
        }
        let wide = try CLI.run(["plan", "graphs/north-steel.yaml", "--width", "1000"])
        #expect(wide.stdout == piped.stdout)
        let zero = try CLI.run(["plan", "graphs/north-steel.yaml", "--width", "0"])
        #expect(zero.status == 64)
    }

    // MARK: check on a folder: errors listed, warnings counted by kind

    /// A folder of `count` accounts, `acme-00`..., where account i has i % 5 + 1 people
    /// nobody reaches (one warning each) and, when i % 3 == 0, one person with no
    /// department; plus `broken.yaml`, whose one person has a stance that does not exist.
    /// The day is today, so no account is "more than a year old" whenever the test runs.
    static func folderWithWarningsAndOneError(_ dir: ImportDiffInitCLITests.Scratch, count: Int) throws
        -> (unreached: Int, noDepartment: Int)
    {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let today = formatter.string(from: Date())
        var unreached = 0, noDepartment = 0
        for i in 0..<count {
            let id = String(format: "acme-%02d", i)
            var yaml = "relmap: 1\naccount: {id: \(id), name: Acme \(i), as_of: \(today)}\n"
            yaml += "team:\n  - {id: m, name: Mia Chen}\npeople:\n"
            yaml += "  - {id: p0, name: Reached Person, department: Ops, stance: neutral}\n"
            for j in 1...(i % 5 + 1) {
                let department = (j == 1 && i % 3 == 0) ? "" : ", department: Ops"
                if department.isEmpty { noDepartment += 1 }
                yaml += "  - {id: p\(j), name: Person \(j)\(department), stance: neutral}\n"
                unreached += 1
            }
            yaml += "contacts:\n  - {member: m, person: p0, strength: strong, last: \(today)}\n"
            try yaml.write(toFile: dir.path("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        let broken = """
            relmap: 1
            account: {id: broken, name: Broken, as_of: \(today)}
            team:
              - {id: m, name: Mia Chen}
            people:
              - {id: p0, name: Reached Person, department: Ops, stance: maybe}
            contacts:
              - {member: m, person: p0, strength: strong, last: \(today)}

            """
        try broken.write(toFile: dir.path("broken.yaml"), atomically: true, encoding: .utf8)
        return (unreached, noDepartment)
    }

    @Test func checkOfAFolderListsEveryErrorAndCountsWarningsByKind() throws {
        let dir = ImportDiffInitCLITests.Scratch()
        let expected = try Self.folderWithWarningsAndOneError(dir, count: 30)
        #expect(expected.unreached == 90 && expected.noDepartment == 10)
        let r = try CLI.run(["check", dir.url.path])
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(dir.path("broken.yaml") + ":6:") == true)
        #expect(errors.first?.contains("stance") == true)
        #expect(!lines.contains { $0.contains(": warning: ") })
        #expect(lines.contains("warnings by kind (--warnings all lists each one):"))
        // The worst accounts have 5 unreached people: acme-04, acme-09, acme-14 (by name).
        #expect(
            lines.contains(
                "  90  nobody on our team reaches the person  in 30 files; most: acme-04 (5), acme-09 (5), acme-14 (5)")
        )
        #expect(
            lines.contains(
                "  10  person with no department              in 10 files; most: acme-00 (1), acme-03 (1), acme-06 (1)")
        )
        #expect(r.stdout == "31 files, 1 error, 100 warnings\n")
    }

    @Test func warningsAllListsEveryWarningAsOneLine() throws {
        let dir = ImportDiffInitCLITests.Scratch()
        _ = try Self.folderWithWarningsAndOneError(dir, count: 30)
        let r = try CLI.run(["check", "--warnings", "all", dir.url.path])
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count { $0.contains(": warning: ") } == 100)
        #expect(lines.count { $0.contains(": error: ") } == 1)
        #expect(
            lines.contains {
                $0.hasPrefix(dir.path("acme-04.yaml") + ":")
                    && $0.hasSuffix(
                        ": warning: [person-not-reached] people[5]: nobody on our team reaches Person 5 (p5)")
            })
        #expect(!lines.contains { $0.hasPrefix("warnings by kind") })
        #expect(r.stdout == "31 files, 1 error, 100 warnings\n")
    }

    @Test func checkOfOneFileStillListsItsWarnings() throws {
        let dir = ImportDiffInitCLITests.Scratch()
        _ = try Self.folderWithWarningsAndOneError(dir, count: 5)
        let r = try CLI.run(["check", dir.path("acme-04.yaml")])
        #expect(r.status == 0)
        #expect(r.stderr.split(separator: "\n").count { $0.contains(": warning: ") } == 5)
        #expect(!r.stderr.contains("warnings by kind"))
        #expect(r.stdout == "1 file, 0 errors, 5 warnings\n")
        // --warnings summary asks for the summary on one file too; --quiet prints neither.
        #expect(
            try CLI.run(["check", "--warnings", "summary", dir.path("acme-04.yaml")]).stderr.hasPrefix(
                "warnings by kind"))
        // (Each error is followed by its line and a caret, indented.)
        #expect(
            try CLI.run(["check", "--quiet", dir.url.path]).stderr.split(separator: "\n")
                .filter { !$0.hasPrefix(" ") }.allSatisfy { $0.contains(": error: ") })
    }
}
