import Foundation
import Testing

/// `--jobs`: `render` and `report` draw several diagrams at once, each in its own child
/// process. To the user it must look exactly like one at a time: the same files, the
/// same messages in the same order, and a failure that stops the run at the same account.
@Suite("drawing several diagrams at once", .serialized)
struct ParallelDrawingCLITests {
    /// With a dot limit of 15 people six of the seven samples are drawn with sfdp and a warning,
    /// so the order of the messages is checked along with the files.
    @Test func renderWritesTheSameFilesAndMessagesWithOneJobOrFour() throws {
        let folder = TemporaryFolder()
        let one = try CLI.run(["render", "graphs", "-o", folder.path + "/one", "--jobs", "1", "--max-dot-people", "15"])
        let four = try CLI.run([
            "render", "graphs", "-o", folder.path + "/four", "--jobs", "4", "--max-dot-people", "15",
        ])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(four.status == 0, "\(four.stderr)")
        #expect(one.stderr.components(separatedBy: "relmap: warning:").count - 1 == 6, "\(one.stderr)")
        #expect(four.stderr == one.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/one").sorted()
        #expect(names.count == 7)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/four").sorted() == names)
        for name in names {
            let a = FileManager.default.contents(atPath: folder.path + "/one/" + name)
            #expect(a != nil && a == FileManager.default.contents(atPath: folder.path + "/four/" + name), "\(name)")
        }
    }

    /// Three accounts in `in/`, the middle one too big for sfdp within 2 s; and its path.
    static func smallSlowSmall() throws -> (TemporaryFolder, String) {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        _ = try folder.write(GeneratedAccount.yaml(id: "a-small", people: 12), as: "in/a-small.yaml")
        let slow = try folder.write(GeneratedAccount.yaml(id: "b-slow", people: 150), as: "in/b-slow.yaml")
        _ = try folder.write(GeneratedAccount.yaml(id: "c-small", people: 12), as: "in/c-small.yaml")
        return (folder, slow)
    }

    /// The middle account runs past the time limit (sfdp, asked for, has no fallback). The
    /// run draws the other two and lists it at the end, one at a time or three at once.
    @Test func aDiagramPastTheTimeLimitIsListedAndTheOthersDrawn() throws {
        let (folder, slow) = try Self.smallSlowSmall()
        for jobs in ["1", "3"] {
            let out = folder.path + "/out-" + jobs
            let result = try CLI.run([
                "render", folder.path + "/in", "-o", out, "--layout", "sfdp",
                "--render-timeout", "2", "--jobs", jobs,
            ])
            #expect(result.status == 65, "--jobs \(jobs)")
            #expect(
                result.stderr
                    == "relmap: \(slow): Graphviz did not finish the sfdp layout of b-slow within the time limit of "
                    + "2 s; stopped it and wrote no diagram for this account (raise the limit with --render-timeout, or draw part "
                    + "of it with --focus)\nrelmap: 1 of 3 accounts have no diagram:\n  b-slow (\(slow)): Graphviz did not finish the "
                    + "sfdp layout within the time limit of 2 s; stopped it\n", "--jobs \(jobs)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["a-small.svg", "c-small.svg"],
                "--jobs \(jobs)")
        }
    }

    /// With --fail-fast the run stops there: the first diagram is written, the third never
    /// drawn one at a time, and drawn alongside but not written three at a time.
    @Test func withFailFastADiagramPastTheTimeLimitStopsTheRunAtTheSameAccount() throws {
        let (folder, slow) = try Self.smallSlowSmall()
        for jobs in ["1", "3"] {
            let out = folder.path + "/out-" + jobs
            let result = try CLI.run([
                "render", folder.path + "/in", "-o", out, "--layout", "sfdp",
                "--render-timeout", "2", "--jobs", jobs, "--fail-fast",
            ])
            #expect(result.status == 65, "--jobs \(jobs)")
            #expect(
                result.stderr
                    == "relmap: \(slow): Graphviz did not finish the sfdp layout of b-slow within the time limit of "
                    + "2 s; stopped it and wrote no diagram for this account (raise the limit with --render-timeout, or draw part "
                    + "of it with --focus)\n", "--jobs \(jobs)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["a-small.svg"], "--jobs \(jobs)")
        }
    }

    @Test func reportWritesTheSameBytesWithOneJobOrThree() throws {
        let folder = TemporaryFolder()
        let one = try CLI.run(["report", "graphs", "-o", folder.path + "/one", "--jobs", "1"])
        let three = try CLI.run(["report", "graphs", "-o", folder.path + "/three", "--jobs", "3"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(three.status == 0, "\(three.stderr)")
        #expect(three.stderr == one.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/one").sorted()
        #expect(names.count == 8, "an index and a page per account: \(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/three").sorted() == names)
        for name in names {
            let a = FileManager.default.contents(atPath: folder.path + "/one/" + name)
            #expect(a != nil && a == FileManager.default.contents(atPath: folder.path + "/three/" + name), "\(name)")
        }
    }

    @Test(arguments: ["render", "report"])
    func noJobsAtAllIsAUsageError(command: String) throws {
        let folder = TemporaryFolder()
        let result = try CLI.run([command, "graphs/north-steel.yaml", "-o", folder.path + "/out", "--jobs", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --jobs must be 1 or more\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
}
