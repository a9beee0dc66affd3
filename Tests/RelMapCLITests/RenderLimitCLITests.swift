import Foundation
import Testing

/// `relmap render`'s limits on one diagram (docs/limits.md, "Rendering"): the time limit
/// on Graphviz's child process, the switch from dot to sfdp for large diagrams, and the
/// hard limit on people in one diagram.
@Suite("render limits", .serialized)
struct RenderLimitCLITests {
    /// sfdp with curved lines routed around the nodes took 7 s for these 150 people here
    /// (docs/limits.md), over ten times the 0.5 s limit, so a fast machine exceeds it too.
    /// Without the kill the run would exit 0 with the SVG written.
    @Test func aLayoutPastTheTimeLimitIsStoppedWithExit65AndNoFile() throws {
        let folder = TemporaryFolder()
        let input = try folder.write(GeneratedAccount.yaml(id: "slow", people: 150), as: "slow.yaml")
        let out = folder.path + "/out"
        let result = try CLI.run(["render", input, "-o", out, "--layout", "sfdp", "--render-timeout", "0.5"])
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "relmap: \(input): Graphviz did not finish the sfdp layout of slow within the time limit of 0.5 s; "
                + "stopped it and wrote no diagram for this account (raise the limit with --render-timeout, or draw part of it with --focus)\n"
        )
        // The folder is made before drawing starts; nothing, not even a temporary file, is in it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [])
    }

    @Test func theSameGraphFinishesWithinAGenerousLimit() throws {
        let folder = TemporaryFolder()
        let input = try folder.write(GeneratedAccount.yaml(id: "small", people: 12), as: "small.yaml")
        let result = try CLI.run(["render", input, "-o", folder.path + "/out", "--render-timeout", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/small.svg"))
    }

    @Test func aDiagramPastTheDotLimitIsDrawnWithSfdpAndAWarning() throws {
        let folder = TemporaryFolder()
        let input = try folder.write(GeneratedAccount.yaml(id: "wide", people: 12), as: "wide.yaml")
        let result = try CLI.run(["render", input, "-o", folder.path + "/out", "--max-dot-people", "10"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "relmap: warning: \(input): the diagram has 12 people, more than the dot layout draws quickly "
                + "(limit 10); drawing it with sfdp and straight lines instead, without department boxes (raise the limit with --max-dot-people, "
                + "or draw part of it with --focus)\n")
        let svg = try String(contentsOfFile: folder.path + "/out/wide.svg", encoding: .utf8)
        // Every person is drawn, and there are no department boxes: sfdp drew it, not dot.
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 >= 12)
        #expect(!svg.contains("class=\"cluster\""))
    }

    @Test func aDiagramWithinTheDotLimitIsDrawnWithDotSilently() throws {
        let folder = TemporaryFolder()
        let input = try folder.write(GeneratedAccount.yaml(id: "narrow", people: 12), as: "narrow.yaml")
        let result = try CLI.run(["render", input, "-o", folder.path + "/out", "--max-dot-people", "12"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            try String(contentsOfFile: folder.path + "/out/narrow.svg", encoding: .utf8).contains("class=\"cluster\""))
    }

    @Test func aDiagramPastTheHardLimitIsListedAndTheOthersDrawnWithExit65() throws {
        let folder = TemporaryFolder()
        let small = try folder.write(GeneratedAccount.yaml(id: "fits", people: 5), as: "a-fits.yaml")
        let large = try folder.write(GeneratedAccount.yaml(id: "huge", people: 12), as: "b-huge.yaml")
        let out = folder.path + "/out"
        let result = try CLI.run(["render", small, large, "-o", out, "--max-diagram-people", "10"])
        #expect(result.status == 65)
        #expect(
            result.stderr == "relmap: \(large): the diagram has 12 people, more than the limit of 10 for one diagram; "
                + "draw part of it with --focus, or raise the limit with --max-diagram-people\n"
                + "relmap: 1 of 2 accounts have no diagram:\n  huge (\(large)): the diagram has 12 people, more than the limit of 10 "
                + "for one diagram; draw part of it with --focus, or raise the limit with --max-diagram-people\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["fits.svg"])
    }

    @Test func withFailFastADiagramPastTheHardLimitStopsWithExit65AndWritesNothing() throws {
        let folder = TemporaryFolder()
        let small = try folder.write(GeneratedAccount.yaml(id: "fits", people: 5), as: "a-fits.yaml")
        let large = try folder.write(GeneratedAccount.yaml(id: "huge", people: 12), as: "b-huge.yaml")
        let out = folder.path + "/out"
        let result = try CLI.run(["render", small, large, "-o", out, "--max-diagram-people", "10", "--fail-fast"])
        #expect(result.status == 65)
        #expect(
            result.stderr == "relmap: \(large): the diagram has 12 people, more than the limit of 10 for one diagram; "
                + "draw part of it with --focus, or raise the limit with --max-diagram-people\nrelmap: nothing was written\n"
        )
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func theHardLimitCountsOnlyThePeopleInFocus() throws {
        let folder = TemporaryFolder()
        let input = try folder.write(GeneratedAccount.yaml(id: "huge", people: 40), as: "huge.yaml")
        // p39 reports to p12, who reports to p3, who reports to p0: a handful of people at depth 1.
        let result = try CLI.run([
            "render", input, "-o", folder.path + "/out", "--max-diagram-people", "10", "--focus", "p39",
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: ["0", "-1", "nan"])
    func aTimeLimitThatIsNotAPositiveNumberIsAUsageError(value: String) throws {
        let result = try CLI.run(["render", "graphs/north-steel.yaml", "-o", "-", "--render-timeout", value])
        #expect(result.status == 64)
    }
}

/// A valid account of `people` people: a reporting tree three wide, departments of about
/// ten people, and an influence tie per person, written as YAML.
enum GeneratedAccount {
    static func yaml(id: String, people: Int) -> String {
        var text = """
            relmap: 1
            account:
              id: \(id)
              name: Generated \(id)
              as_of: 2026-11-01
            team:
              - {id: t0, name: Member 0, role: account manager}
            people:

            """
        let stances = ["champion", "supporter", "neutral", "skeptic", "blocker"]
        for i in 0..<people {
            let boss = i == 0 ? "" : ", reports_to: p\((i - 1) / 3)"
            text +=
                "  - {id: p\(i), name: Person \(i), title: Title \(i % 7), department: Dept \(i / 10), "
                + "stance: \(stances[i % stances.count]), influence: \(i % 5 + 1)\(boss)}\n"
        }
        text += "relations:\n"
        for i in 1..<max(2, people) where people > 1 {
            text +=
                "  - {from: p\(i), to: p\((i * 7 + 3) % people == i ? 0 : (i * 7 + 3) % people), type: influences, strength: 0.5}\n"
        }
        text += "contacts:\n  - {member: t0, person: p0, strength: strong, last: 2026-10-01}\n"
        return text
    }
}
