import Testing
@testable import RelMapCore

@Suite("Escaping user text for DOT")
struct DiagramEscapingTests {
    @Test func quotedLabelEscapesBackslashBeforeQuote() {
        // A backslash before a quote must stay a backslash: `a\"` as name must not
        // become `\\"` (which would end the string) nor `\"` (a quote that eats the `a`).
        #expect(DOTEscaping.quotedLabel(#"a\""#) == #""a\\\"""#)
    }

    @Test func quotedLabelEscapesQuotesSoANameCannotEndTheString() {
        #expect(
            DOTEscaping.quotedLabel(#"x"; n9 [label="pwned"]; n0 -> n9; "#)
                == #""x\"; n9 [label=\"pwned\"]; n0 -> n9; ""#)
    }

    @Test func quotedLabelKeepsATrailingBackslashInsideTheString() {
        #expect(DOTEscaping.quotedLabel(#"C:\"#) == #""C:\\""#)
    }

    @Test func quotedLabelTurnsGraphvizEscapesIntoLiteralText() {
        // \N would be replaced by the node's ID, \G by the graph's name.
        #expect(DOTEscaping.quotedLabel(#"\N \G \L"#) == #""\\N \\G \\L""#)
    }

    @Test func quotedLabelWritesLineBreaksAsBackslashNAndDropsCRAndNUL() {
        #expect(DOTEscaping.quotedLabel("a\nb\r\nc\rd\u{0}e") == #""a\nb\nc\nde""#)
    }

    @Test func quotedLabelEscapesAmpersandSoEntitiesStayLiteral() {
        #expect(DOTEscaping.quotedLabel("R&D &lt;x&gt;") == #""R&amp;D &amp;lt;x&amp;gt;""#)
    }

    @Test func quotedTooltipShowsABackslashAsFullwidthReverseSolidus() {
        #expect(DOTEscaping.quotedTooltip(#"a\Nb"#) == "\"a\u{FF3C}Nb\"")
    }

    @Test func htmlTextEscapesEveryXMLSpecialCharacter() {
        #expect(
            DOTEscaping.htmlText(#"<script>alert("x" & 'y')</script>"#)
                == "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;")
    }

    @Test func htmlTextDoublesBackslashesAndFlattensLineBreaks() {
        #expect(DOTEscaping.htmlText("a\\N\nb\tc") == #"a\\N b c"#)
    }

    @Test func xmlSafeDropsControlCharactersXMLForbids() {
        #expect(DOTEscaping.xmlSafe("a\u{1}b\u{1B}[31mc\u{FFFF}d\te\nf") == "ab[31mcd\te\nf")
    }

    @Test func truncatedCutsToTheLimitWithAnEllipsis() {
        #expect(DOTEscaping.truncated("abcdef", to: 4) == "abc…")
        #expect(DOTEscaping.truncated("abcd", to: 4) == "abcd")
        #expect(DOTEscaping.truncated("赵建国赵建国", to: 3) == "赵建…")
    }

    @Test func oneLineCollapsesLineBreaksAndSpaces() {
        #expect(DOTEscaping.oneLine("  a \n\n b\tc  ") == "a b c")
    }

    @Test(arguments: ["", "plain", "\"", "\\", "\\\\\"", "a\nb", "&amp;", "<>", "node", "}", "-> n0", "\u{0}", "赵\\N钱"])
    func quotedLabelIsOneWellFormedDOTString(text: String) {
        let quoted = DOTEscaping.quotedLabel(text)
        // Walk the string as DOT's lexer does: it must end exactly at the last character.
        let chars = Array(quoted)
        #expect(chars.first == "\"")
        var i = 1
        var closedAt: Int?
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "\"" { closedAt = i; break }
            i += 1
        }
        #expect(closedAt == chars.count - 1)
    }

    // MARK: Wrapping titles

    @Test func wrapBalancesChineseTitlesWithoutOrphanPunctuation() {
        let lines = DiagramLabels.wrap("副总经理（分管采购、财务）", width: 24, lines: 2)
        #expect(lines.count == 2)
        #expect(!lines.contains { $0.hasPrefix("）") || $0.hasSuffix("（") })
        #expect(lines.joined() == "副总经理（分管采购、财务）")
    }

    @Test func wrapKeepsLatinWordsWhole() {
        let lines = DiagramLabels.wrap("Director of Allocation and Replenishment", width: 24, lines: 2)
        #expect(lines == ["Director of Allocation", "and Replenishment"])
    }

    @Test("a French title breaks after the hyphen of its compound, never inside a word")
    func wrapBreaksLatinCompoundsAtTheirHyphen() {
        let lines = DiagramLabels.wrap("Présidente-directrice générale", width: 24, lines: 2)
        #expect(lines == ["Présidente-", "directrice générale"])
        let long = DiagramLabels.wrap("Responsable achats informatiques", width: 24, lines: 2)
        #expect(long == ["Responsable achats", "informatiques"])
    }

    @Test("a word wider than a whole line is still cut rather than dropped")
    func wrapCutsAWordWiderThanTheLine() {
        let lines = DiagramLabels.wrap("Supercalifragilisticexpialidocious", width: 24, lines: 2)
        #expect(lines.joined() == "Supercalifragilisticexpialidocious")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 24 })
    }

    @Test func wrapTruncatesTextThatNeedsMoreLines() {
        let lines = DiagramLabels.wrap(String(repeating: "很长的头衔", count: 10), width: 24, lines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 24 })
    }

    @Test func wrapLeavesShortTextOnOneLine() {
        #expect(DiagramLabels.wrap("总经理", width: 24, lines: 2) == ["总经理"])
        #expect(DiagramLabels.wrap("", width: 24, lines: 2) == [])
    }
}
