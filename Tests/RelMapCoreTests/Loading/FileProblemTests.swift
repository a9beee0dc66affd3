import Foundation
import Testing
@testable import RelMapCore

/// Files that are not account files at all: each gets one clear error, never a crash or a hang.
struct FileProblemTests {
    @Test func emptyFileSaysHowAnAccountFileStarts() {
        #expect(findings(load("")) == ["1:1: error: the file is empty; an account file starts with 'relmap: 1'"])
        #expect(findings(load("\n  \n")) == ["1:1: error: the file is empty; an account file starts with 'relmap: 1'"])
        #expect(
            findings(load("# only a comment\n")) == [
                "1:1: error: the file is empty; an account file starts with 'relmap: 1'"
            ])
    }

    @Test func nonUTF8BytesArePointedAt() {
        var bytes = Data("relmap: 1\naccount:\n  name: ".utf8)
        bytes.append(contentsOf: [0xD5, 0xD4])  // "赵" in GB18030
        let file = AccountLoader.load(data: bytes, path: "gbk.yaml", options: testOptions())
        #expect(
            findings(file) == [
                "3:9: error: the file is not UTF-8 text; save it as UTF-8 (Excel: 'CSV UTF-8'; iconv -f GB18030 -t UTF-8)"
            ])
    }

    @Test func textThatIsNotYAMLGivesTheParsersPosition() {
        #expect(
            findings(load("relmap: 1\naccount: {id: a, name: [unclosed\n")) == [
                "3:1: error: not valid YAML: did not find expected ',' or ']'",
                "2:24: note: while parsing a flow sequence",
            ])
    }

    @Test func invalidJSONSaysJSON() {
        let file = load("{\"relmap\": 1,, }", path: "a.json")
        #expect(findings(file).first?.hasPrefix("1:14: error: not valid JSON:") == true, "\(findings(file))")
    }

    @Test func aScalarOrListAtTheTopIsTheWrongShape() {
        #expect(
            findings(load("just some words\n")) == [
                "1:1: error: (top level): expected a mapping (key: value), found the text 'just some words'"
            ])
        #expect(
            findings(load("- a\n- b\n")) == ["1:1: error: (top level): expected a mapping (key: value), found a list"])
    }

    @Test func aliasExpansionPastTheLimitIsRefused() {
        // Nine levels of ten: a billion names from a file of a few hundred bytes.
        var text = "relmap: 1\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            text += "x-a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "account: {id: a, name: A}\npeople: *a9\n"
        let start = ContinuousClock.now
        let file = load(text)
        #expect(
            findings(file) == [
                "1:1: error: YAML aliases (*name repeats what &name holds) expand this file to more than 100230 values, far more than it holds; refusing to read it"
            ])
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func aModestAliasBombIsRefusedToo() {
        // 10^6 values from 6 levels: under the absolute limit, but 10,000 times the file.
        var text = "relmap: 1\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...5 {
            text += "x-a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "account: {id: a, name: A}\n"
        #expect(
            findings(load(text)) == [
                "1:1: error: YAML aliases (*name repeats what &name holds) expand this file to more than 100230 values, far more than it holds; refusing to read it"
            ])
    }

    @Test func anAliasUsedOnceOrTwiceIsFine() {
        let text = account(
            rest:
                "x-std: &std {member: wang, strength: strong, last: 2026-10-01}\ncontacts:\n  - {member: wang, person: qian}\n  - {member: wang, person: zhao}"
        )
        #expect(findings(load(text), .error) == [])
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let text =
            "relmap: 1\nx-deep: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            + "\n"
        #expect(findings(load(text)) == ["2:73: error: the file nests deeper than the limit of 64 levels"])
    }

    @Test func aFileOverTheSizeLimitIsNotRead() {
        var options = testOptions()
        options.maxFileBytes = 100
        let file = load(account(), options: options)
        #expect(findings(file).first?.hasSuffix("more than the limit of 100; raise it with maxFileBytes") == true)
    }

    @Test func tooManyPeopleIsAnError() {
        var options = testOptions()
        options.maxPeople = 1
        #expect(
            findings(load(account(), options: options), .error) == [
                "2:1: error: the account has 2 people, more than the limit of 1; raise it with maxPeople"
            ])
    }

    @Test func aVeryLongStringIsRefused() {
        let text = account(header: "  id: acme\n  name: " + String(repeating: "x", count: 200_000))
        #expect(
            findings(load(text)) == ["4:9: error: a text value of 200000 characters is longer than the limit of 100000"]
        )
    }

    @Test func aMissingPathIsAnInputErrorNotADiagnostic() {
        #expect(throws: InputError.notFound("/no/such/folder")) {
            try AccountLoader.load(paths: ["/no/such/folder"], options: testOptions())
        }
    }

    @Test func twoFilesWithOneAccountIdAreAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try account().write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try account().write(to: folder.appendingPathComponent("b.yml"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("readme.txt"), atomically: true, encoding: .utf8)
        let report = try AccountLoader.load(paths: [folder.path], options: testOptions())
        #expect(report.files.map { ($0.path as NSString).lastPathComponent } == ["a.yaml", "b.yml"])
        #expect(report.accounts.map(\.id) == ["acme"])
        #expect(
            findings(report.files[1], .error) == [
                "2:1: error: account.id: 'acme' is already the id of the account in \(folder.path)/a.yaml; account ids must be unique in a folder",
                "\(folder.path)/a.yaml:2:1: note: first defined here",
            ])
    }

    /// Folder listing reads extensions from the bytes; it must pick the same names that
    /// `NSString.pathExtension` picks, odd names included.
    @Test(arguments: [
        "a.yaml", "a.YAML", "a.Yml", "a.json", "a.JSON", "b.c.yml", "a.yaml.bak", "a.txt", "yaml", "a.", "a..yaml",
        ".yaml", "a.yamll", "a.yam", "a.jsonl", "é.yaml", "a\u{301}.yaml", "\u{600}.yaml", "a.\u{301}yaml",
        "a.yaml\u{301}", "a.yaml.\u{301}", "\u{301}.yml", "a.ｙａｍｌ", "a.\u{212A}", "a b.json", "a.y aml",
    ])
    func accountFileExtensionsMatchFoundation(name: String) {
        let foundation = AccountLoader.fileExtensions.contains((name as NSString).pathExtension.lowercased())
        #expect(AccountLoader.hasAccountFileExtension(name) == foundation)
    }

    /// Whether a file is JSON is read from its path's bytes too, folders and all.
    @Test(arguments: [
        "a.json", "dir/a.JSON", "dir.json/a", "dir/.json", "./a.json", "a.json/", "dir/a.json.yaml", "dir/a.jsonx",
        "é/a.json", "dir/é.json", "/a.json", "a.b/c", ".json", "dir/a.\u{301}json",
    ])
    func jsonPathsMatchFoundation(path: String) {
        let foundation = (path as NSString).pathExtension.lowercased() == "json"
        #expect(AccountLoader.hasExtension(path, "json") == foundation)
    }
}
