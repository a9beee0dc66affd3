import Foundation
import Testing
@testable import RelMapCore

/// Writing an edited file: only over the version that was read, atomically, keeping the
/// file's permissions, never through a link, nothing written when the edit is refused.
@Suite struct EditingFileTests {
    let folder = TempFolder()
    var path: String { folder.path + "/acme.yaml" }

    func write(_ text: String, mode: Int = 0o644) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    func read() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aChangeOnDiskAfterReadingMakesTheWriteRefuse() throws {
        try write(EditingEngineTests.text)
        let snapshot = try AccountFileSnapshot.read(path, options: testOptions())
        let result = try AccountEditor.apply(
            [.setPerson("zhao", [.stance(.champion)])], to: snapshot.text, path: path,
            options: testOptions())
        // Someone else saves the file in between (a colleague, an editor, git pull).
        let theirs = EditingEngineTests.text.replacingOccurrences(of: "name: Acme", with: "name: Acme Group")
        try write(theirs)
        #expect(throws: EditError.changedOnDisk(path)) { try AccountFile.write(result.text, over: snapshot) }
        #expect(try read() == theirs)
        // Read again, the same edit goes through and keeps their change.
        let fresh = try AccountFileSnapshot.read(path, options: testOptions())
        #expect(fresh.hash != snapshot.hash)
        let again = try AccountEditor.apply(
            [.setPerson("zhao", [.stance(.champion)])], to: fresh.text, path: path, options: testOptions())
        try AccountFile.write(again.text, over: fresh)
        #expect(try read().contains("name: Acme Group\n"))
        #expect(try read().contains("    stance: champion  # keep me\n"))
    }

    @Test func theHashIsTheSHA256OfTheBytes() throws {
        try write("abc")
        #expect(
            try AccountFileSnapshot.read(path, options: testOptions()).hash
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let removed = folder.path + "/gone.yaml"
        #expect(throws: EditError.changedOnDisk(removed)) {
            try AccountFile.write("x", to: removed, expectingHash: "00")
        }
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        ("王磊 <b>", "50cec75021cb6131002844f1f40d1011af02879a53cad0147e6de73ee25d4eba"),
    ])
    func contentHashesAreTheStandardSHA256InLowercaseHex(input: String, hex: String) {
        #expect(ContentHash.sha256(Data(input.utf8)) == hex)
    }

    @Test func contentHashOfAMillionAs() {
        #expect(
            ContentHash.sha256(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func anInvalidEditWritesNothing() throws {
        try write(EditingEngineTests.text)
        #expect {
            try AccountFile.edit(path, [.setPerson("zhao", [.reportsTo("sun")])], options: testOptions())
        } throws: { ($0 as? EditError)?.diagnostics.isEmpty == false }
        #expect(try read() == EditingEngineTests.text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["acme.yaml"])
    }

    @Test func aDryRunWritesNothingAndAWriteKeepsPermissions() throws {
        try write(EditingEngineTests.text, mode: 0o600)
        let (before, dry) = try AccountFile.edit(path, [.removeMember("li")], options: testOptions(), dryRun: true)
        #expect(before.text == EditingEngineTests.text)
        #expect(dry.text != EditingEngineTests.text)
        #expect(try read() == EditingEngineTests.text)
        _ = try AccountFile.edit(path, [.removeMember("li")], options: testOptions())
        #expect(try read() == dry.text)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["acme.yaml"])
    }

    @Test func aLinkIsNotWrittenThrough() throws {
        let target = folder.path + "/real.yaml"
        try EditingEngineTests.text.write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        #expect(throws: EditError.cannotWrite(.isLink(path))) {
            try AccountFile.edit(path, [.setPerson("zhao", [.stance(.champion)])], options: testOptions())
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == EditingEngineTests.text)
    }
}
