import Foundation

/// Cheap checks on raw text, made before the YAML parser sees it, so that hostile input
/// is refused with a clear message instead of exhausting the parser's stack.
enum TextScan {
    /// The line and column of the first byte that is not UTF-8.
    static func firstInvalidUTF8(in data: Data, file: String) -> SourceLocation {
        let bytes = [UInt8](data)
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                String(validating: bytes[i..<i + length], as: UTF8.self) != nil
            else { break }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Refuses text whose lists and mappings nest deeper than `maxDepth`. It counts
    /// `[` and `{` outside quotes and comments, and leading `- ` markers and indentation
    /// on each line; it over-counts rather than under-counts, and no real account comes
    /// near the limit.
    static func nestingProblem(in text: String, file: String, maxDepth: Int) -> Diagnostic? {
        var text = text
        return text.withUTF8 { nestingProblem(in: $0, file: file, maxDepth: maxDepth) }
    }

    /// The scan over UTF-8 bytes: every character it acts on is ASCII, and no byte of a
    /// longer character is, so it looks at bytes and works out the two things that need
    /// characters only when it needs them: the column of a refusal (one per character,
    /// counted back to the line's start) and the character before a `'` or `#`.
    ///
    /// Each line is read in two parts: its start (indentation, counted a run of spaces
    /// at a time, and `-`, `?`, `:` markers) and the rest, where only markup
    /// changes anything: the rest is skipped eight bytes at a time (`markupCandidates`),
    /// and a comment straight to its line's end.
    private static func nestingProblem(in bytes: UnsafeBufferPointer<UInt8>, file: String, maxDepth: Int) -> Diagnostic?
    {
        guard let p = bytes.baseAddress else { return nil }
        let n = bytes.count
        let maxIndent = 200
        func tooDeep(at i: Int, line: Int, lineStart: Int) -> Diagnostic {
            let column = bytes[lineStart...i].count { $0 & 0xC0 != 0x80 }
            return .error(
                .overLimit, SourceLocation(file: file, line: line, column: column),
                "the file nests deeper than the limit of \(maxDepth) levels")
        }
        let newline = UInt8(ascii: "\n")
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var line = 1, lineStart = 0
        var depth = 0
        var quote: UInt8 = 0  // the open quote, 0 outside quotes
        var i = 0
        while i < n {
            // The line's start. Its markers count even inside a quoted string, and none of
            // them is markup, so they leave the quote as it is.
            var indent = 0, dashes = 0
            while i < n {
                let c = p[i]
                if c == 0x20 {
                    // A run of spaces, up to eight at a time: the run is the zero bytes
                    // at the word's start once each space is made zero.
                    var run = 1
                    if i &+ 8 <= n {
                        let others =
                            UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) ^ spaces
                        run = others == 0 ? 8 : others.trailingZeroBitCount &>> 3
                    }
                    if indent &+ run > maxIndent {
                        return tooDeep(at: i &+ (maxIndent &- indent), line: line, lineStart: lineStart)
                    }
                    indent &+= run
                    i &+= run
                } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":") {
                    dashes += 1
                    if dashes > maxDepth { return tooDeep(at: i, line: line, lineStart: lineStart) }
                    i += 1
                } else {
                    break
                }
            }
            // The rest of the line, through its line break.
            while i < n {
                while i &+ 8 <= n {
                    let m = markupCandidates(
                        UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)))
                    if m != 0 {
                        i &+= m.trailingZeroBitCount &>> 3
                        break
                    }
                    i &+= 8
                }
                while i < n && !isMarkup(p[i]) { i += 1 }
                if i == n { break }
                let c = p[i]
                if c == newline {
                    i += 1
                    line += 1
                    lineStart = i
                    break
                }
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || (c == UInt8(ascii: "'") && !isWordBefore(i, in: bytes)) {
                    quote = c
                } else if c == UInt8(ascii: "#") && isSpaceBefore(i, in: bytes) {
                    // Nothing in a comment counts: on to its line break.
                    guard let end = memchr(p + i, Int32(newline), n - i) else { return nil }
                    i = UnsafeRawPointer(end).assumingMemoryBound(to: UInt8.self) - p
                    continue
                } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    depth += 1
                    if depth > maxDepth { return tooDeep(at: i, line: line, lineStart: lineStart) }
                } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    depth = max(0, depth - 1)
                }
                i += 1
            }
        }
        return nil
    }

    /// The bytes of `word` (eight bytes, the first in the lowest) that may be markup, as
    /// the high bit of each: exact up to the first, which is all the scan uses. A byte
    /// is a candidate when it is a line break, one of `"#&'` (`&` is the one byte that
    /// shares their pattern and is no markup), `[` or `{`, or `]` or `}`; no byte of a
    /// longer character is, as each has its high bit set.
    @inline(__always)
    private static func markupCandidates(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // The high bit of each zero byte of `v`; above the first zero byte a borrow can
        // mark more, which is why only the first counts.
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & (ones &* 0x80) }
        return zeroBytes(word ^ (ones &* 0x0A))
            | zeroBytes((word & (ones &* 0xFA)) ^ (ones &* 0x22))
            | zeroBytes((word & (ones &* 0xDF)) ^ (ones &* 0x5B))
            | zeroBytes((word & (ones &* 0xDF)) ^ (ones &* 0x5D))
    }

    /// Whether the scan acts on `b` once past a line's start: line breaks, quotes,
    /// comment signs and brackets. A backslash is not among them: as this scan always
    /// has, it lets `\"` end a double-quoted string. What it misses the composer survives
    /// (it keeps no call stack) and `TreeSize` refuses after parsing.
    @inline(__always)
    private static func isMarkup(_ b: UInt8) -> Bool {
        switch b {
        case 0x0A, 0x22, 0x23, 0x27, 0x5B, 0x5D, 0x7B, 0x7D: true
        default: false
        }
    }

    /// Whether the character before `i` is a space, a tab or a line break (or there is
    /// none), so a `#` there starts a comment.
    private static func isSpaceBefore(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i > 0 else { return true }
        let b = bytes[i - 1]
        return b == 0x20 || b == 0x09 || b == 0x0A
    }

    /// Whether the character before `i` is a letter or digit, so a `'` there is an
    /// apostrophe, not a quote.
    private static func isWordBefore(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i > 0 else { return false }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let c = character.unicodeScalars.first else { return false }
        return c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}
