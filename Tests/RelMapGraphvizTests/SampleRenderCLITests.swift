import Foundation
import RelMapCore
import Testing

/// `relmap render` as a user runs it: the built executable, real folders, exit codes.
@Suite("relmap render on the command line", .serialized)
struct SampleRenderCLITests {
    @Test func renderingEveryAccountOrJustOneGivesTheSameBytes() throws {
        let all = Scratch(), one = Scratch()
        #expect(try CLI.run(["render", "graphs", "-o", all.path]).status == 0)
        #expect(try CLI.run(["render", "graphs/north-steel.yaml", "-o", one.path]).status == 0)
        let names = all.names()
        #expect(
            names
                == SampleRender.samples.map {
                    ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: ".svg")
                })
        #expect(all.data("north-steel.svg") == one.data("north-steel.svg"))
    }

    @Test(arguments: ["svg", "png", "pdf"])
    func theSameAccountGivesTheSameBytesOnAnotherRun(format: String) throws {
        let first = Scratch(), second = Scratch()
        #expect(
            try CLI.run(["render", "graphs/huaxin-beverage.yaml", "-o", first.path, "--format", format]).status == 0)
        // A PDF records when it was made; a second later must not matter.
        Thread.sleep(forTimeInterval: 1.1)
        #expect(
            try CLI.run(["render", "graphs/huaxin-beverage.yaml", "-o", second.path, "--format", format]).status == 0)
        let name = "huaxin-beverage.\(format)"
        #expect(first.data(name) != nil)
        #expect(first.data(name) == second.data(name))
    }

    @Test(arguments: ["svg", "png", "pdf", "dot"])
    func aSecondRunReplacesTheFilesOfTheFirst(format: String) throws {
        let out = Scratch()
        let first = try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path, "--format", format])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path, "--format", format])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(out.names() == ["north-steel.\(format)"])
    }

    @Test func withFailFastAnInvalidInputWritesNothingAndExits65() throws {
        let out = Scratch()
        let result = try CLI.run([
            "render", "graphs", "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml", "-o", out.path + "/new",
            "--fail-fast",
        ])
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: out.path + "/new"))
    }

    /// Without --fail-fast the valid accounts are drawn, and the run still exits 65.
    @Test func anInvalidInputIsNamedAndTheOthersDrawnWithExit65() throws {
        let out = Scratch()
        let result = try CLI.run([
            "render", "graphs", "Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml", "-o", out.path + "/new",
        ])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasSuffix(
                "relmap: skipped 1 file with errors: Tests/RelMapCoreTests/Fixtures/invalid/many-mistakes.yaml\n"))
        #expect(out.names().contains("new"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path + "/new").contains("north-steel.svg"))
    }

    @Test func aFolderThatCannotBeCreatedExits73WithItsPath() throws {
        let out = Scratch()
        try out.put("a file, not a folder", "plain")
        let result = try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path + "/plain/sub/"])
        #expect(result.status == 73)
        #expect(result.stderr.contains(out.path + "/plain/sub"))
    }

    @Test func aFileRelmapDidNotWriteIsLeftAloneWithExit73() throws {
        let out = Scratch()
        try out.put("my own drawing", "north-steel.svg")
        let result = try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("was not written by relmap"))
        #expect(out.data("north-steel.svg") == Data("my own drawing".utf8))
    }

    @Test func aWriteThatRunsOutOfSpaceExits73WithThePathAndKeepsTheEarlierFile() throws {
        let out = Scratch()
        let first = try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path])
        #expect(first.status == 0)
        let before = try #require(out.data("north-steel.svg"))
        #expect(before.count > 8 * 1024)
        // The second diagram (PNG, larger than 8 kB) cannot be written whole.
        let result = try CLI.run(
            ["render", "graphs/north-steel.yaml", "-o", out.path, "--format", "png"], fileSizeLimitKB: 8)
        #expect(result.status == 73)
        #expect(result.stderr.contains(out.path + "/north-steel.png"), "\(result.stderr)")
        #expect(out.names() == ["north-steel.svg"], "no partial PNG and no temporary file is left")
        // And replacing the earlier SVG fails the same way, leaving it byte for byte.
        let again = try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path], fileSizeLimitKB: 8)
        #expect(again.status == 73)
        #expect(out.data("north-steel.svg") == before)
        #expect(out.names() == ["north-steel.svg"])
    }

    @Test func aReadOnlyFolderExits73WithThePathAndKeepsTheEarlierFile() throws {
        let out = Scratch()
        #expect(try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path]).status == 0)
        let before = try #require(out.data("north-steel.svg"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: out.path) }
        let result = try CLI.run(["render", "graphs/north-steel.yaml", "-o", out.path], unprivileged: true)
        #expect(result.status == 73)
        #expect(result.stderr == "relmap: \(out.path): cannot write here: Permission denied\n")
        #expect(out.data("north-steel.svg") == before)
        #expect(out.names() == ["north-steel.svg"])
    }

    @Test func anInputFileIsNeverReplacedEvenThroughAHardLink() throws {
        // The input says the magic words in a comment, and is linked under the output name.
        let out = Scratch()
        let input = out.path + "/in.yaml"
        let text = try String(
            contentsOfFile: SampleRender.repo.appendingPathComponent("Tests/RelMapCoreTests/Fixtures/tiny.yaml").path,
            encoding: .utf8)
        try ("# \(OutputFile.mark)\n" + text).write(toFile: input, atomically: false, encoding: .utf8)
        try FileManager.default.linkItem(atPath: input, toPath: out.path + "/tiny.svg")
        let result = try CLI.run(["render", input, "-o", out.path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("is one of the input files"))
        #expect(try String(contentsOfFile: input, encoding: .utf8).hasSuffix(text))
    }

    @Test func aSymbolicLinkInTheOutputFolderIsNotFollowed() throws {
        let out = Scratch(), elsewhere = Scratch()
        try elsewhere.put("// \(OutputFile.mark)\nprecious", "target.svg")
        try FileManager.default.createSymbolicLink(
            atPath: out.path + "/tiny.svg", withDestinationPath: elsewhere.path + "/target.svg")
        let result = try CLI.run(["render", "Tests/RelMapCoreTests/Fixtures/tiny.yaml", "-o", out.path])
        #expect(result.status == 73)
        #expect(elsewhere.data("target.svg") == Data("// \(OutputFile.mark)\nprecious".utf8))
    }

    @Test func dashWritesTheOneDiagramToStandardOutput() throws {
        let result = try CLI.run(["render", "Tests/RelMapCoreTests/Fixtures/tiny.yaml", "-o", "-"])
        #expect(result.status == 0)
        #expect(result.output.starts(with: Data("<?xml".utf8)))
        #expect(try CLI.run(["render", "graphs", "-o", "-"]).status == 64)
    }

    @Test func aFileNameChoosesTheFormat() throws {
        let out = Scratch()
        #expect(
            try CLI.run(["render", "Tests/RelMapCoreTests/Fixtures/tiny.yaml", "-o", out.path + "/map.png"]).status == 0
        )
        #expect(out.data("map.png")?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
    }

    @Test func anUnknownFocusSuggestsTheNearestIdAndExits65() throws {
        let result = try CLI.run(["render", "graphs", "--focus", "qioa", "-o", "-"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("did you mean 'qiao'?"))
    }

    @Test func focusRendersOnlyTheAccountsThatHaveThePerson() throws {
        let out = Scratch()
        #expect(try CLI.run(["render", "graphs", "--focus", "qiao", "--depth", "2", "-o", out.path]).status == 0)
        #expect(out.names() == ["north-steel.svg"])
    }

    @Test func aFontThatIsAPathIsAUsageError() throws {
        #expect(try CLI.run(["render", "graphs", "--font", "/etc/passwd"]).status == 64)
    }

    @Test func contactEdgesAllRestoresALineForEveryContact() throws {
        func teamLines(_ flags: [String]) throws -> Int {
            let result = try CLI.run(["render", "graphs/north-steel.yaml", "-o", "-", "--format", "dot"] + flags)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").count { $0.hasPrefix("\tn") && $0.contains(" -> t") }
        }
        // north-steel: 12 contacts, 3 of them strong and not stale.
        #expect(try teamLines([]) == 3)
        #expect(try teamLines(["--contact-edges", "all"]) == 12)
        #expect(try teamLines(["--contact-edges", "none"]) == 0)
        #expect(
            try CLI.run(["render", "graphs/north-steel.yaml", "-o", "-", "--format", "dot", "--contact-edges", "some"])
                .status == 64)
    }
}

extension SampleRenderCLITests {
    typealias Scratch = TemporaryFolder
}
