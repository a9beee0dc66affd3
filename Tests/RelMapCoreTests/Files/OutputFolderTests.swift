import Foundation
import Testing
@testable import RelMapCore

/// The folder `render` and `report` write into protects every account file they read.
@Suite("Output folder and its inputs")
struct OutputFolderTests {
    typealias Scratch = OutputFileTests.Scratch

    @Test func createsAMissingFolderAndWritesInIt() throws {
        let s = try Scratch()
        let folder = try OutputFolder(
            s.file("out/report"), protectingInputsOf: [Repo.path("graphs")], options: testOptions())
        try folder.write(OutputFileTests.ours, named: "index.html")
        #expect(FileManager.default.fileExists(atPath: s.file("out/report/index.html")))
    }

    /// An input marked as relmap's (it even says so in a comment) and an output of the same
    /// name in the same folder: the input wins, whatever path named it.
    @Test(arguments: ["folder", "file"])
    func anInputIsNeverReplacedWhetherItsFileOrItsFolderWasGiven(given: String) throws {
        let s = try Scratch()
        let text = "# \(OutputFile.mark)\nrelmap: 1\n"
        try s.put(text, "north-steel.yaml")
        let paths = given == "folder" ? [s.path] : [s.file("north-steel.yaml")]
        let folder = try OutputFolder(s.path, protectingInputsOf: paths, options: testOptions())
        #expect(throws: OutputError.isInput(s.file("north-steel.yaml"))) {
            try folder.write(OutputFileTests.ours, named: "north-steel.yaml")
        }
        #expect(s.contents("north-steel.yaml") == text)
    }

    /// A hard link to an input under the output's name is the input.
    @Test func aHardLinkToAnInputIsTheInput() throws {
        let s = try Scratch()
        try s.put("# \(OutputFile.mark)\n", "in.yaml")
        try FileManager.default.linkItem(atPath: s.file("in.yaml"), toPath: s.file("tiny.svg"))
        let folder = try OutputFolder(s.path, protectingInputsOf: [s.file("in.yaml")], options: testOptions())
        #expect(throws: OutputError.isInput(s.file("tiny.svg"))) {
            try folder.write(OutputFileTests.ours, named: "tiny.svg")
        }
    }

    @Test func aFileInTheWayOfTheFolderFailsBeforeAnyWork() throws {
        let s = try Scratch()
        try s.put("x", "taken")
        #expect(throws: OutputError.notAFolder(s.file("taken"))) {
            try OutputFolder(s.file("taken"), protectingInputsOf: [], options: testOptions())
        }
    }
}
