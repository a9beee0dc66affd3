import Foundation

/// Turns the bytes of a CSV file into text, detecting the encodings that CRM and
/// spreadsheet exports really use, and refusing to guess when it cannot tell: a wrong
/// guess would put mojibake into names that then look plausible in the map.
enum CSVTextDecoding {
    /// The text, and the encoding it was read with.
    ///
    /// A byte order mark decides first (UTF-8 or UTF-16), even over `forced`: it cannot
    /// be mistaken. Otherwise `forced` is used when given. Otherwise valid UTF-8 is
    /// UTF-8; else GB18030 when the result reads as Chinese (Excel in Chinese locales
    /// saves "CSV" in it); else Windows-1252 when the result reads as Western text
    /// (Western Excel, and Salesforce's export for many orgs); else an error.
    static func decode(
        _ data: Data, path: String, forced: TextEncoding?, names: SettingNames = { $0.apiName }
    ) -> Result<(String, TextEncoding), ImportProblem> {
        let hint = Self.hint(names)
        let bytes = [UInt8](data)
        let start = SourceLocation(file: path, line: 1, column: 1)
        let hasUTF8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let hasUTF16BOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])

        if hasUTF16BOM || forced == .utf16 {
            guard hasUTF16BOM, let text = String(data: data, encoding: .utf16) else {
                return .failure(.error(.encoding, start, "the file is not UTF-16 text with a byte order mark; \(hint)"))
            }
            return .success((dropBOM(text), .utf16))
        }
        if let text = String(validating: bytes, as: UTF8.self), hasUTF8BOM || forced == nil || forced == .utf8 {
            return .success((dropBOM(text), .utf8))
        }
        if hasUTF8BOM || forced == .utf8 {
            let at = TextScan.firstInvalidUTF8(in: data, file: path)
            return .failure(.error(.encoding, at, "the file is not UTF-8 text (the first bad byte is here); \(hint)"))
        }
        if let forced {
            switch Iconv.decode(bytes, from: forced.name) {
            case .success(let text): return .success((dropBOM(text), forced))
            case .failure(let bad):
                return .failure(
                    .error(
                        .encoding, location(ofByte: bad.offset, in: bytes, path: path),
                        "the file is not \(forced.name) text (the first bad byte is here); \(hint)"))
            }
        }
        let at = TextScan.firstInvalidUTF8(in: data, file: path)
        if case .success(let text) = Iconv.decode(bytes, from: TextEncoding.gb18030.name), readsAsChinese(text) {
            return .success((text, .gb18030))
        }
        if case .success(let text) = Iconv.decode(bytes, from: TextEncoding.windows1252.name), readsAsWestern(text) {
            return .success((text, .windows1252))
        }
        return .failure(
            .error(
                .encoding, at,
                "cannot tell how the file is encoded: it is not UTF-8, and it reads neither as Chinese (GB18030) nor as Western text (Windows-1252); \(hint)"
            ))
    }

    /// What to do about a file that cannot be read, in the caller's words for the setting.
    static func hint(_ names: SettingNames) -> String {
        "name its encoding, e.g. \(names(.encoding("shift_jis"))) or \(names(.encoding("big5"))) (any name `iconv -l` lists), or save it from Excel as 'CSV UTF-8 (逗号分隔)'"
    }

    /// Line and column (1-based, counting bytes) of byte `offset`.
    static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1, column = 1
        for b in bytes.prefix(offset) {
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    private static func dropBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// True when the text reads as Chinese: nearly every non-ASCII character (95%) is a
    /// Chinese character or CJK punctuation, and none sits inside a Latin word.
    /// Windows-1252 bytes that happen to form valid GB18030 fail one or the other:
    /// "Müller" decodes to an ideograph between 'M' and 'l', where Chinese text never
    /// puts one.
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

    /// True when Windows-1252 text reads as a Western language: its non-ASCII characters
    /// stand alone or in pairs between ASCII ones ("Müller", "François", "“quoted”"), are
    /// none of the signs Western names never hold (ƒ ‚ „ † ‡ ˆ ‰ ‹ › ˜ ¤ ¦ ¨ ¬ ¯ ´ ¸), and
    /// are not followed by one of @ [ \ ] ^ _ ` { | } ~. East Asian encodings read as
    /// Windows-1252 fail one of these: their lead bytes are above 0x7F and their second
    /// bytes often those signs ("マイク" in Shift-JIS reads "ƒ}ƒCƒN").
    static func readsAsWestern(_ text: String) -> Bool {
        var run = 0
        var previousNonASCII = false
        for c in text.unicodeScalars {
            if c.isASCII {
                if previousNonASCII && "@[\\]^_`{|}~".unicodeScalars.contains(c) { return false }
                run = 0
                previousNonASCII = false
                continue
            }
            run += 1
            previousNonASCII = true
            if run > 2 || neverInNames.contains(c.value) || (0x80...0x9F).contains(c.value) { return false }
        }
        return true
    }

    static let neverInNames: Set<UInt32> = [
        0x0192, 0x201A, 0x201E, 0x2020, 0x2021, 0x02C6, 0x2030, 0x2039, 0x203A, 0x02DC, 0xA4, 0xA6, 0xA8, 0xAC, 0xAF,
        0xB4, 0xB8,
    ]
}
