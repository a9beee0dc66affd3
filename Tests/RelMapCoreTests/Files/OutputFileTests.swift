import Foundation
import Testing
@testable import RelMapCore

@Suite("Writing output files safely")
struct OutputFileTests {
    typealias Scratch = TempFolder

    static var ours: Data { Data("<!-- \(OutputFile.mark) -->\n<svg/>".utf8) }

    @Test func writesANewFileAndLeavesNoTemporaryFileBehind() throws {
        let s = Scratch()
        try OutputFile.write(Self.ours, named: "a.svg", in: s.path)
        #expect(s.contents("a.svg") == String(decoding: Self.ours, as: UTF8.self))
        #expect(s.names() == ["a.svg"])
    }

    @Test func replacesAFileRelmapWrote() throws {
        let s = Scratch()
        try s.put("// \(OutputFile.mark): old\ndigraph relmap {}", "a.dot")
        try OutputFile.write(Self.ours, named: "a.dot", in: s.path)
        #expect(s.contents("a.dot") == String(decoding: Self.ours, as: UTF8.self))
    }

    @Test func recognisesTheMarkNearTheEndOfALargeFile() throws {
        // PDFs carry the mark near their end.
        let s = Scratch()
        try s.put(String(repeating: "x", count: 100_000) + "/Producer (\(OutputFile.mark))\n%%EOF\n", "a.pdf")
        try OutputFile.write(Self.ours, named: "a.pdf", in: s.path)
        #expect(s.contents("a.pdf") == String(decoding: Self.ours, as: UTF8.self))
    }

    @Test func refusesToReplaceAFileRelmapDidNotWriteAndLeavesItAlone() throws {
        let s = Scratch()
        try s.put("my own notes", "a.svg")
        #expect(throws: OutputError.notOurs(s.file("a.svg"))) {
            try OutputFile.write(Self.ours, named: "a.svg", in: s.path)
        }
        #expect(s.contents("a.svg") == "my own notes")
        #expect(s.names() == ["a.svg"])
    }

    @Test func refusesAMarkBuriedInTheMiddleOfALargeFile() throws {
        let s = Scratch()
        let filler = String(repeating: "x", count: 50_000)
        try s.put(filler + OutputFile.mark + filler, "a.svg")
        #expect(throws: OutputError.notOurs(s.file("a.svg"))) {
            try OutputFile.write(Self.ours, named: "a.svg", in: s.path)
        }
    }

    @Test func neverReplacesAnInputFileEvenOneThatCarriesTheMark() throws {
        let s = Scratch()
        try s.put("# \(OutputFile.mark)\nrelmap: 1\n", "a.svg")
        let inputs: Set<FileIdentity> = [try #require(FileIdentity(path: s.file("a.svg")))]
        #expect(throws: OutputError.isInput(s.file("a.svg"))) {
            try OutputFile.write(Self.ours, named: "a.svg", in: s.path, protecting: inputs)
        }
        #expect(s.contents("a.svg")?.hasSuffix("relmap: 1\n") == true)
    }

    @Test func neverWritesThroughASymbolicLink() throws {
        let s = Scratch(), elsewhere = Scratch()
        try elsewhere.put("// \(OutputFile.mark)\n", "target.svg")
        try FileManager.default.createSymbolicLink(
            atPath: s.file("a.svg"), withDestinationPath: elsewhere.file("target.svg"))
        #expect(throws: OutputError.isLink(s.file("a.svg"))) {
            try OutputFile.write(Self.ours, named: "a.svg", in: s.path)
        }
        #expect(elsewhere.contents("target.svg") == "// \(OutputFile.mark)\n")
        #expect(
            (try? FileManager.default.destinationOfSymbolicLink(atPath: s.file("a.svg")))
                == elsewhere.file("target.svg"))
    }

    @Test(arguments: ["../escape.svg", "sub/a.svg", "..", ".", "", "a\u{0}b"])
    func refusesNamesThatAreNotPlainFileNames(name: String) throws {
        let s = Scratch()
        #expect(throws: OutputError.invalidName(name)) { try OutputFile.write(Self.ours, named: name, in: s.path) }
        #expect(s.names().isEmpty)
    }

    @Test func refusesToReplaceAFolder() throws {
        let s = Scratch()
        try FileManager.default.createDirectory(atPath: s.file("a.svg"), withIntermediateDirectories: false)
        #expect(throws: OutputError.notAFile(s.file("a.svg"))) {
            try OutputFile.write(Self.ours, named: "a.svg", in: s.path)
        }
    }

    @Test func prepareFolderCreatesMissingFolders() throws {
        let s = Scratch()
        try OutputFile.prepareFolder(s.file("x/y/z"))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: s.file("x/y/z"), isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test func prepareFolderNamesThePathItCannotCreate() throws {
        let s = Scratch()
        try s.put("a file", "plain")
        #expect {
            try OutputFile.prepareFolder(s.file("plain/sub"))
        } throws: { error in
            guard case .cannotCreateFolder(let path, _) = error as? OutputError else { return false }
            return path == s.file("plain/sub")
        }
        #expect(throws: OutputError.notAFolder(s.file("plain"))) { try OutputFile.prepareFolder(s.file("plain")) }
    }

    @Test func writingIntoAMissingFolderFailsWithItsPath() throws {
        let s = Scratch()
        #expect {
            try OutputFile.write(Self.ours, named: "a.svg", in: s.file("missing"))
        } throws: { error in
            guard case .cannotWrite(let path, _) = error as? OutputError else { return false }
            return path == s.file("missing")
        }
    }

    @Test func markIsLookedForOnlyNearTheEnds() {
        #expect(OutputFile.isMarked(Self.ours))
        #expect(!OutputFile.isMarked(Data("relmap: 1\naccount: {id: a}".utf8)))
    }
}
