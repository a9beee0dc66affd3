import Foundation
import RelMapSynthetic
import Testing
@testable import RelMapCore

/// The scan for deep nesting before parsing: the same verdicts, at the same places, as
/// the plain byte-by-byte scan it replaced (`ByteByByteScan`, kept here as the reference).
struct TextScanTests {
    private func scan(_ text: String, maxDepth: Int = 3) -> String? {
        TextScan.nestingProblem(in: text, file: "a.yaml", maxDepth: maxDepth)?.description
    }

    /// The refusal at `line` and `column` under the limit of 3 levels.
    private func refusal(_ line: Int, _ column: Int) -> String {
        "a.yaml:\(line):\(column): error: [over-limit] the file nests deeper than the limit of 3 levels"
    }

    @Test func theRefusalIsAtTheBracketOverTheLimitCountedInCharacters() {
        // Four bytes of CJK before the bracket that goes over: the column counts characters.
        #expect(scan("名字: [[[[x]]]]\n") == refusal(1, 8))
        #expect(scan("a: b\n名字: [[[ [x]]]]\n") == refusal(2, 9))
        #expect(scan("名字: [[[x]]]\n") == nil)
    }

    @Test func bracketsInQuotesAndCommentsDoNotCount() {
        #expect(scan("a: \"[[[[\"\nb: '{{{{'\nc: x # [[[[\n#[[[[\n") == nil)
        // A `#` right after text is no comment, and an apostrophe inside a word no quote.
        #expect(scan("a: x#[[[[\n") == refusal(1, 9))
        #expect(scan("a: it's [[[[\n") == refusal(1, 12))
        #expect(scan("a: 张's [[[[\n") == refusal(1, 11))
        // A quote runs over line breaks; a comment ends at its line's (CRLF too).
        #expect(scan("a: \"x\n  [[[[\"\n") == nil)
        #expect(scan("a: x # c\r\nb: [[[[\r\n") == refusal(2, 7))
        #expect(scan("a: [[[ # no line break after the comment [") == nil)
    }

    @Test func markersAndIndentationAtLineStartsCount() {
        #expect(scan("- - - x\n") == nil)
        #expect(scan("- - - - x\n") == refusal(1, 7))
        #expect(scan("? : - x\n") == nil)
        #expect(scan(String(repeating: " ", count: 200) + "x\n") == nil)
        #expect(scan("a:\n" + String(repeating: " ", count: 201) + "x\n") == refusal(2, 201))
    }

    /// Indentation over the limit, at every place in a run of spaces read a word at a time.
    @Test func indentationOverTheLimitIsRefusedAtTheSpaceOverIt() {
        for prefix in ["", "a:\n", "- ", "-  - ", "名: |\n"] {
            for spaces in 190...215 {
                let text = prefix + String(repeating: " ", count: spaces) + "x: 1\n"
                let verdict = scan(text, maxDepth: 64)
                #expect(verdict == ByteByByteScan.nestingProblem(in: text, maxDepth: 64)?.description)
                let lastLine = prefix.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                #expect((verdict != nil) == (lastLine.filter { $0 == " " }.count + spaces > 200))
            }
        }
    }

    /// Every position of a bracket in an eight-byte word, and text that ends without a
    /// line break, at each length around a word's.
    @Test func markupAtEveryPositionOfAWordIsSeen() {
        for before in 0..<20 {
            for after in 0..<10 {
                let text = String(repeating: "x", count: before) + "[[[[" + String(repeating: "y", count: after)
                #expect(scan(text) == ByteByByteScan.nestingProblem(in: text, maxDepth: 3)?.description)
                #expect(scan(text) != nil)
            }
        }
    }

    /// Random text from the pieces the scan reads (brackets, quotes, apostrophes, `#`,
    /// markers, CRLF, tabs, CJK and accented letters, bytes that look like markup to a
    /// word-wide test) gives the reference's verdict for limits from 1 to 6.
    @Test func randomTextGetsTheByteByByteVerdict() {
        let pieces = [
            "[", "]", "{", "}", "[[", "{[", "\"", "'", "x'", "#", " ", "    ", "-", "?", ":", "\n", "\r\n", "\t",
            "a", "9", "é", "中", "名字", "&", "Y", "_", "y", "\\", "~", "\u{7F}", "\u{FEFF}", "; plain words go here ",
        ]
        var rng = SplitMix64(seed: 25)
        var refused = 0
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let maxDepth = Int.random(in: 1...6, using: &rng)
            let expected = ByteByByteScan.nestingProblem(in: text, maxDepth: maxDepth)
            #expect(TextScan.nestingProblem(in: text, file: "a.yaml", maxDepth: maxDepth) == expected, "\(text)")
            if expected != nil { refused += 1 }
        }
        // Both verdicts occur often enough to compare.
        #expect(refused > 500 && refused < 3500, "\(refused) of 4000 refused")
    }
}

/// The scan as it was before it skipped eight bytes at a time: one byte per step.
private enum ByteByByteScan {
    static func nestingProblem(in text: String, maxDepth: Int) -> Diagnostic? {
        let bytes = Array(text.utf8)
        let file = "a.yaml"
        var line = 1, lineStart = 0
        var depth = 0
        var quote: UInt8?
        var inComment = false
        var atLineStart = true
        var indent = 0, dashes = 0
        let maxIndent = 200
        func tooDeep(at i: Int) -> Diagnostic {
            let column = bytes[lineStart...i].count { $0 & 0xC0 != 0x80 }
            return .error(
                .overLimit, SourceLocation(file: file, line: line, column: column),
                "the file nests deeper than the limit of \(maxDepth) levels")
        }
        for (i, c) in bytes.enumerated() {
            if c == 0x0A {
                line += 1
                lineStart = i + 1
                inComment = false
                atLineStart = true
                indent = 0
                dashes = 0
                continue
            }
            if atLineStart {
                if c == 0x20 {
                    indent += 1
                } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":") {
                    dashes += 1
                } else {
                    atLineStart = false
                }
                if indent > maxIndent || dashes > maxDepth { return tooDeep(at: i) }
            }
            if inComment { continue }
            if let q = quote {
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || (c == UInt8(ascii: "'") && !isWordBefore(i, in: bytes)) {
                quote = c
            } else if c == UInt8(ascii: "#") && (i == 0 || [0x20, 0x09, 0x0A].contains(bytes[i - 1])) {
                inComment = true
            } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                depth += 1
                if depth > maxDepth { return tooDeep(at: i) }
            } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            }
        }
        return nil
    }

    private static func isWordBefore(_ i: Int, in bytes: [UInt8]) -> Bool {
        guard i > 0 else { return false }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let c = String(decoding: bytes[start..<i], as: UTF8.self).unicodeScalars.first else { return false }
        return c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}
