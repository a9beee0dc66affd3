import Foundation
import Testing
import RelMapCore

/// `relmap check`, `relmap analyze` (and `relmap gaps --width`) as a user runs them: exit codes, where text goes,
/// and what it says.
struct CheckAndAnalyzeCLITests {
    @Test func checkOfTheSamplesPassesWithASummaryLine() throws {
        let r = try CLI.run(["check", "graphs"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("6 files, 0 errors, "))
        #expect(r.stdout.hasSuffix(" warnings\n"))
    }

    @Test func checkOfABrokenFileReportsEveryErrorAndExits65() throws {
        let r = try CLI.run(["check", "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml"])
        #expect(r.status == 65)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 21)
        #expect(errors.first == "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml:3:7: error: account.id: 'bad account' is not a valid id; use only letters A-Z a-z, digits, '-' and '_'")
        #expect(r.stdout == "1 file, 21 errors, 4 warnings\n")
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

    @Test func anUnknownFlagIsAUsageErrorExit64() throws {
        let r = try CLI.run(["analyze", "--colour", "graphs"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Unknown option '--colour'"))
    }

    @Test func analyzeOfABrokenFileWritesNothingToStdout() throws {
        let r = try CLI.run(["analyze", "graphs/north-steel.yaml", "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml"])
        #expect(r.status == 65)
        #expect(r.stdout == "")
        #expect(r.stderr.hasSuffix("relmap: 21 errors in 1 file; nothing was written (run 'relmap check' to see warnings too)\n"))
    }

    @Test func analyzeTableListsPeopleByInfluenceAlignedByDisplayWidth() throws {
        let r = try CLI.run(["analyze", "Tests/RelMapCoreTests/Fixtures/tiny.yaml"])
        #expect(r.status == 0)
        #expect(r.stdout == """
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
        #expect(accounts.map { $0["id"] as? String } == ["beibei-maternity", "delta-logistics", "harbor-retail", "huaxin-beverage", "jiangnan-hospital", "north-steel"])
    }

    @Test func analyzeCSVHasOneRowPerPersonAndAHeader() throws {
        let r = try CLI.run(["analyze", "--format", "csv", "Tests/RelMapCoreTests/Fixtures/tiny.yaml"])
        let lines = r.stdout.split(separator: "\r\n")
        #expect(lines.first == "account,rank,id,name,title,department,level,roles,stance,influence,reach,route")
        #expect(lines.count == 4)
        #expect(lines[1] == "tiny,1,zhao,赵总,总经理,总经办,1,decision-maker,neutral,100.0,0.36,\"王磊 -> 许秘书 (strong, today) -> 赵总 (influences)\"")
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
        #expect(wrapped.stdout.contains("                                            decision-maker, and nobody reaches them through others\n"))
        let zero = try CLI.run(["gaps", "graphs/north-steel.yaml", "--width", "0"])
        #expect(zero.status == 64)
        #expect(zero.stdout == "")
    }
}
