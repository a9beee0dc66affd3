import Foundation
import RelMapSynthetic
import Testing
@testable import RelMapCore

/// The account file writer: what it writes loads back to the same account, whatever the
/// text in it, and saving never replaces a file it should not.
struct AccountFileWriterTests {
    static func roundTrip(_ account: Account, hints: Bool = false) -> (LoadedFile, String) {
        let text = AccountFileWriter(headerComment: ["test"], hints: hints).yaml(account)
        return (AccountLoader.load(data: Data(text.utf8), path: "t.yaml", options: testOptions()), text)
    }

    @Test(arguments: SampleAccountTests.files)
    func everySampleAccountLoadsBackUnchanged(_ name: String) throws {
        let account = try #require(
            AccountLoader.load(file: Repo.path("graphs/\(name)"), options: testOptions()).account)
        for hints in [false, true] {
            let (loaded, _) = Self.roundTrip(account, hints: hints)
            #expect(findings(loaded, .error) == [])
            #expect(loaded.account?.withoutLocations == account.withoutLocations)
        }
    }

    @Test("random accounts with hostile text load back unchanged (200 seeds)")
    func hostileTextRoundTrips() throws {
        for seed in UInt64(1)...200 {
            let style: SyntheticAccount.NameStyle = seed % 3 == 0 ? .chinese : .hostile
            let account = SyntheticAccount(seed: seed, people: Int(seed % 40) + 1, names: style).make()
            let (loaded, text) = Self.roundTrip(account, hints: seed % 2 == 0)
            #expect(findings(loaded, .error) == [], "seed \(seed)\n\(text.prefix(2000))")
            #expect(loaded.account?.withoutLocations == account, "seed \(seed)")
        }
    }

    @Test(arguments: [
        "", " ", "  padded  ", "null", "Null", "~", "true", "no", "Yes", "off", "y", "N", "123", "1.5", "-1", "0x1F",
        "1e3", ".inf", "nan", "Infinity", "2026-10-30", "a: b", "a #b", "#x", "- x", "? x", ": x", "[x]", "{x}", "a, b",
        "&anchor", "*alias", "!tag", "|", ">", "'quoted'", "\"quoted\"", "%x", "@x", "`x`", "a\nb", "a\r\nb",
        "tab\there",
        "\u{1B}[31mred", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "in\u{FEFF}side", "\u{FFFE}", "\u{E000}",
        "back\\slash",
        "\u{202E}rtl", "😀 emoji", "e\u{301}", "赵建国", "总经理（兼）", "：全角冒号", "R&D", "O'Brien", "a  b", "x-1",
    ])
    func anyTextValueLoadsBackExactly(_ value: String) throws {
        var account = Account(id: "a", name: value, currency: value, asOf: testToday, notes: value)
        account.team = [TeamMember(id: "m", name: value, role: value)]
        account.people = [Person(id: "p", name: value, title: value, department: value, stance: .neutral, notes: value)]
        account.contacts = [Contact(member: "m", person: "p", strength: .value(0.45), last: testToday)]
        account.interactions = [Interaction(date: testToday, member: "m", people: ["p"], kind: value, note: value)]
        let (loaded, text) = Self.roundTrip(account)
        #expect(findings(loaded, .error) == [], "\(text)")
        #expect(loaded.account?.withoutLocations == account, "\(text)")
    }

    @Test func aValueStartingWithAByteOrderMarkLoadsWithoutIt() throws {
        // The loader drops U+FEFF at the start of any scalar, escaped or not; the writer still
        // writes it (escaped), and what loads back is the value without it.
        let account = Account(id: "a", name: "\u{FEFF}bom", asOf: testToday)
        let (loaded, text) = Self.roundTrip(account)
        #expect(text.contains("name: \"\\uFEFFbom\""))
        #expect(loaded.account?.name == "bom")
    }

    @Test func plainWordsStayPlainAndRiskyOnesAreQuoted() {
        #expect(YAMLScalar.text("account manager") == "account manager")
        #expect(YAMLScalar.text("王磊") == "王磊")
        #expect(YAMLScalar.text("zhao-jg") == "zhao-jg")
        #expect(YAMLScalar.text("no") == "\"no\"")
        #expect(YAMLScalar.text("12") == "\"12\"")
        #expect(YAMLScalar.text("a: b") == "\"a: b\"")
        #expect(YAMLScalar.text("line\nbreak\u{2028}") == "\"line\\nbreak\\L\"")
        #expect(YAMLScalar.text("\u{1B}") == "\"\\x1B\"")
    }

    @Test func userTextInACommentCannotStartALineOfYAML() throws {
        var account = Account(id: "a", name: "A", asOf: testToday)
        account.people = [Person(id: "p", name: "P", department: "Sales\nrelmap: 2\u{2028}x: y", stance: .neutral)]
        let text = AccountFileWriter(headerComment: ["evil\nrelmap: 2", "\u{85}x: 1"]).yaml(account)
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("relmap: 2") || $0.hasPrefix("x:") })
        let (loaded, _) = Self.roundTrip(account)
        #expect(loaded.account?.person("p")?.department == "Sales\nrelmap: 2\u{2028}x: y")
    }

    @Test func hintsMarkWhatIsLeftToFillIn() throws {
        var account = Account(id: "a", name: "A", asOf: testToday)
        account.people = [Person(id: "p", name: "P")]
        let text = AccountFileWriter(hints: true).yaml(account)
        #expect(
            text.contains(
                "    stance: unknown           # champion | supporter | neutral | skeptic | blocker | unknown\n"))
        #expect(text.contains("    influence: null           # 1..5, the team's judgment\n"))
        #expect(text.contains("    department: null          # fill in\n"))
        #expect(text.contains("relations: []                 # informal ties"))
        let loaded = AccountLoader.load(data: Data(text.utf8), path: "t.yaml", options: testOptions())
        #expect(loaded.account?.withoutLocations == account)
    }

    @Test func commentsAlignByDisplayWidthSoChineseLinesLineUp() {
        let text = AccountFileWriter().yaml(Account(id: "a", name: "华北钢铁", asOf: testToday))
        let idLine = text.split(separator: "\n").first { $0.hasPrefix("  id:") }
        #expect(idLine.map { String($0).distance(of: "#") } == 30)
    }

    // MARK: Saving

    @Test func savingRefusesAnExistingFileWithoutForce() throws {
        let dir = TempFolder()
        let path = dir.write("a.yaml", "# mine\n")
        #expect(throws: AccountFileSaveError.exists(path)) {
            try AccountFileWriter.save("new\n", to: path, force: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# mine\n")
    }

    @Test func forceReplacesOnlyAFileRelmapWrote() throws {
        let dir = TempFolder()
        let ours = dir.write("ours.yaml", "# \(OutputFile.mark) import\nrelmap: 1\n")
        try AccountFileWriter.save("# \(OutputFile.mark) again\n", to: ours, force: true)
        #expect(try String(contentsOfFile: ours, encoding: .utf8) == "# \(OutputFile.mark) again\n")
        let theirs = dir.write("theirs.yaml", "relmap: 1\n# typed by hand\n")
        #expect(throws: AccountFileSaveError.output(.notOurs(theirs))) {
            try AccountFileWriter.save("x\n", to: theirs, force: true)
        }
        #expect(try String(contentsOfFile: theirs, encoding: .utf8) == "relmap: 1\n# typed by hand\n")
    }

    @Test func savingCreatesTheFolderAndLeavesNoTemporaryFile() throws {
        let dir = TempFolder()
        try AccountFileWriter.save("relmap: 1\n", to: dir.path + "/new/a.yaml", force: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/new") == ["a.yaml"])
    }

    @Test func forceNeverReplacesAnInput() throws {
        let dir = TempFolder()
        let path = dir.write("in.yaml", "# \(OutputFile.mark)\n")
        let input = try #require(FileIdentity(path: path))
        #expect(throws: AccountFileSaveError.output(.isInput(path))) {
            try AccountFileWriter.save("x\n", to: path, force: true, protecting: [input])
        }
    }
}

extension String {
    /// Characters before `needle`, counted in display columns; nil when absent.
    func distance(of needle: Character) -> Int? {
        guard let i = firstIndex(of: needle) else { return nil }
        return DisplayWidth.of(String(self[..<i]))
    }
}
