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
                  String(validating: bytes[i..<i + length], as: UTF8.self) != nil else { break }
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
        var line = 1, column = 0
        var depth = 0
        var quote: Unicode.Scalar?
        var inComment = false
        var atLineStart = true
        var indent = 0, dashes = 0
        var previous: Unicode.Scalar = "\n"
        let maxIndent = 200
        for c in text.unicodeScalars {
            column += 1
            if c == "\n" {
                line += 1
                column = 0
                inComment = false
                atLineStart = true
                indent = 0
                dashes = 0
                previous = c
                continue
            }
            if atLineStart {
                if c == " " { indent += 1 }
                else if c == "-" || c == "?" || c == ":" { dashes += 1 }
                else { atLineStart = false }
                if indent > maxIndent || dashes > maxDepth {
                    return .error(SourceLocation(file: file, line: line, column: column),
                                  "the file nests deeper than the limit of \(maxDepth) levels")
                }
            }
            if inComment { continue }
            if let q = quote {
                if c == q { quote = nil }
                else if c == "\\" && q == "\"" { previous = c; continue }
            } else if c == "\"" || (c == "'" && !isWordScalar(previous)) {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\t" || previous == "\n") {
                inComment = true
            } else if c == "[" || c == "{" {
                depth += 1
                if depth > maxDepth {
                    return .error(SourceLocation(file: file, line: line, column: column),
                                  "the file nests deeper than the limit of \(maxDepth) levels")
                }
            } else if c == "]" || c == "}" {
                depth = max(0, depth - 1)
            }
            previous = c
        }
        return nil
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}
