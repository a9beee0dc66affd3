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
    private static func nestingProblem(in bytes: UnsafeBufferPointer<UInt8>, file: String, maxDepth: Int) -> Diagnostic?
    {
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
        // The table through a pointer, so that the loop skipping plain text (most of every
        // file) is a load and a test per byte, with no bounds checks.
        return isMarkup.withUnsafeBufferPointer { isMarkup -> Diagnostic? in
            var i = 0
            while i < bytes.count {
                defer { i += 1 }
                // Past the indentation, only markup changes anything: go straight to the next.
                if !atLineStart {
                    while i < bytes.count && !isMarkup[Int(bytes[i])] { i += 1 }
                    if i == bytes.count { break }
                }
                // Indentation (an eighth of the varied benchmark files) is counted in a loop
                // of its own: a space there changes nothing but the count.
                if atLineStart {
                    while i < bytes.count && bytes[i] == 0x20 {
                        indent += 1
                        if indent > maxIndent || dashes > maxDepth { return tooDeep(at: i) }
                        i += 1
                    }
                    if i == bytes.count { break }
                }
                let c = bytes[i]
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
                } else if c == UInt8(ascii: "#") && isSpaceBefore(i, in: bytes) {
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

    /// The bytes the scan acts on once past a line's indentation: line breaks, quotes,
    /// comment signs and brackets. A backslash is not among them: as this scan always
    /// has, it lets `\"` end a double-quoted string. What it misses the composer survives
    /// (it keeps no call stack) and `TreeSize` refuses after parsing.
    private static let isMarkup: [Bool] = (0...255).map { b in
        "\n\"'#[]{}".utf8.contains(UInt8(b))
    }
}
