import Foundation

/// Turns the bytes of a CSV file into text, detecting the encodings that CRM and
/// spreadsheet exports really use, and refusing to guess when it cannot tell: a wrong
/// guess would put mojibake into names that then look plausible in the map.
enum CSVTextDecoding {
    /// Foundation's code for GB18030 (kCFStringEncodingGB_18030_2000 as an NSStringEncoding).
    /// swift-corelibs-foundation decodes it through ICU on Linux as on macOS, and rejects
    /// byte sequences that are not GB18030 instead of replacing them.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text, and the encoding it was read with.
    ///
    /// With no `forced` encoding: a UTF-8 BOM or valid UTF-8 gives UTF-8; a UTF-16 BOM
    /// gives UTF-16; otherwise GB18030 is tried (Excel in Chinese locales saves "CSV"
    /// in it) and accepted only when the result reads as Chinese text.
    static func decode(_ data: Data, path: String, forced: TextEncoding?) -> Result<(String, TextEncoding), ImportProblem> {
        let bytes = [UInt8](data)
        let start = SourceLocation(file: path, line: 1, column: 1)
        let hasUTF8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let hasUTF16BOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])

        switch forced ?? (hasUTF16BOM ? .utf16 : nil) {
        case .utf16:
            guard hasUTF16BOM, let text = String(data: data, encoding: .utf16) else {
                return .failure(.error(start, "the file is not UTF-16 text with a byte order mark; save it as 'CSV UTF-8' instead"))
            }
            return .success((dropBOM(text), .utf16))
        case .gb18030:
            guard let text = String(data: data, encoding: gb18030) else {
                return .failure(.error(start, "the file is not GB18030 text; \(conversionHint(path))"))
            }
            return .success((dropBOM(text), .gb18030))
        case .utf8, nil:
            if let text = String(validating: bytes, as: UTF8.self) {
                return .success((dropBOM(text), .utf8))
            }
            let at = TextScan.firstInvalidUTF8(in: data, file: path)
            if forced == .utf8 || hasUTF8BOM {
                return .failure(.error(at, "the file is not UTF-8 text (the first bad byte is here); \(conversionHint(path))"))
            }
            if let text = String(data: data, encoding: gb18030), readsAsChinese(text) {
                return .success((dropBOM(text), .gb18030))
            }
            return .failure(.error(at, "cannot tell how the file is encoded: it is not UTF-8, and read as GB18030 it is not Chinese text; \(conversionHint(path))"))
        }
    }

    /// How to get a UTF-8 file, the one encoding that is never ambiguous. `from` is
    /// the encoding to convert from, when known.
    static func conversionHint(_ path: String, from: String? = nil) -> String {
        let name = (path as NSString).lastPathComponent
        let source = from ?? "ENCODING"
        let which = from == nil ? " (GB18030 from Chinese Excel, WINDOWS-1252 from Western Excel)" : ""
        return "save it from Excel as 'CSV UTF-8 (逗号分隔)', or convert it: iconv -f \(source) -t UTF-8 '\(name)' > 'utf8-\(name)'\(which)"
    }

    private static func dropBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// True when the text reads as Chinese: nearly every non-ASCII character (95%) is a
    /// Chinese character or CJK punctuation, and none sits inside a Latin word.
    /// Windows-1252 bytes that happen to form valid GB18030 fail one or the other:
    /// "Müller" decodes to an ideograph between 'M' and 'l', where Chinese text never
    /// puts one. Such a guess becomes a clear error instead of mojibake.
    static func readsAsChinese(_ text: String) -> Bool {
        var nonASCII = 0, chinese = 0
        let scalars = Array(text.unicodeScalars)
        func isLatinLetter(_ i: Int) -> Bool {
            scalars.indices.contains(i) && scalars[i].isASCII && scalars[i].properties.isAlphabetic
        }
        for (i, c) in scalars.enumerated() where !c.isASCII {
            nonASCII += 1
            if isLatinLetter(i - 1) && isLatinLetter(i + 1) { return false }
            switch c.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x2027, 0x00B7:
                chinese += 1
            default:
                break
            }
        }
        return nonASCII > 0 && chinese * 100 >= nonASCII * 95
    }
}
