import Foundation
import Testing
@testable import RelMapCore

/// The source line under a finding and the caret under its column (`relmap check`).
struct SourceTextTests {
    static func at(_ line: Int, _ column: Int) -> RelMapCore.SourceLocation {
        RelMapCore.SourceLocation(file: "a.yaml", line: line, column: column)
    }

    @Test func theCaretStandsUnderTheColumnWhereCJKTakesTwoColumns() throws {
        let text = SourceText("\u{FEFF}relmap: 1\r\npeople:\n  - {id: zhao, name: 赵建国, title: 总经理}\n")
        let snippet = try #require(text.snippet(at: Self.at(3, 31)))
        #expect(snippet.lineNumber == 3)
        #expect(snippet.text == "  - {id: zhao, name: 赵建国, title: 总经理}")
        // 30 characters before the column, three of them wide: 33 display columns.
        #expect(snippet.caretOffset == 33)
        #expect(text.snippet(at: Self.at(1, 1)) == SourceText.Snippet(lineNumber: 1, text: "relmap: 1", caretOffset: 0))
        #expect(text.snippet(at: Self.at(5, 1)) == nil)
    }

    @Test func tabsAndControlCharactersCannotMoveTheCaretOrTheTerminal() throws {
        let snippet = try #require(SourceText("a:\tb\u{1B}[2Jc: x\n").snippet(at: Self.at(1, 11)))
        #expect(snippet.text == "a: b\u{FFFD}[2Jc: x")
        #expect(snippet.caretOffset == 10)
    }

    @Test func aLongLineIsShownAsAWindowAroundTheColumn() throws {
        let line = String(repeating: "x", count: 500) + "HERE" + String(repeating: "y", count: 500)
        let snippet = try #require(SourceText(line).snippet(at: Self.at(1, 501)))
        #expect(snippet.text.count == 122)
        #expect(snippet.text.hasPrefix("…x") && snippet.text.hasSuffix("y…"))
        let caret = snippet.text.index(snippet.text.startIndex, offsetBy: snippet.caretOffset)
        #expect(snippet.text[caret...].hasPrefix("HERE"))
    }

    @Test func aFindingInOneLineKeepsItsNotes() {
        let d = Diagnostic.error(
            .duplicateId, Self.at(13, 9), "people[0].id: duplicate id 'zhao'",
            notes: [
                .init(Self.at(11, 10), "first defined here (team[1])"),
                .init(RelMapCore.SourceLocation(file: "b.yaml", line: 2, column: 1), "elsewhere"),
            ])
        #expect(
            d.inline
                == "line 13: people[0].id: duplicate id 'zhao'; line 11: first defined here (team[1]); b.yaml:2:1: elsewhere"
        )
        #expect(
            d.description == """
                a.yaml:13:9: error: [duplicate-id] people[0].id: duplicate id 'zhao'
                a.yaml:11:10: note: first defined here (team[1])
                b.yaml:2:1: note: elsewhere
                """)
    }
}
