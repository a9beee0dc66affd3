import CSV
import Foundation

/// One column of a CSV file: its position and its header.
public struct CSVColumn: Sendable, Hashable {
    /// 0-based position.
    public var index: Int
    /// The header as written (trimmed).
    public var name: String

    /// The column's letter as a spreadsheet shows it: A, B, ..., Z, AA, AB, ...
    public var letter: String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}

/// One data row of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    /// The row number a spreadsheet shows: the header is row 1.
    public var row: Int
    /// The line of the file the row starts on; later than `row` when a value above holds line breaks.
    public var line: Int
    /// The row's fields as written, untrimmed; may be fewer than the columns.
    public var fields: [String]

    /// The field in `column`, trimmed; empty when the row is short.
    public func value(_ column: CSVColumn?) -> String {
        guard let column, column.index < fields.count else { return "" }
        return Self.trimmed(fields[column.index])
    }

    /// Without white space at either end. Most values have none, and Foundation's
    /// trimmingCharacters bridges every one of them to NSString: 40% of a 200,000-task
    /// import went there (benchmarks/, "import").
    static func trimmed(_ s: String) -> String {
        // Bytes first: an ASCII letter, digit or sign at both ends needs no Character at all.
        guard let head = s.utf8.first, let tail = s.utf8.last else { return s }
        if head > 0x20 && head < 0x80 && tail > 0x20 && tail < 0x80 { return s }
        guard let first = s.first, let last = s.last, first.isWhitespace || last.isWhitespace else { return s }
        guard let start = s.firstIndex(where: { !$0.isWhitespace }), let end = s.lastIndex(where: { !$0.isWhitespace })
        else {
            return ""
        }
        return String(s[start...end])
    }

    /// The field as one line: every run of spaces and line breaks becomes one space.
    /// For names, titles and departments, which tables and diagrams show on one line;
    /// a line break in them is a slip of the keyboard (Alt+Enter in Excel).
    public func oneLine(_ column: CSVColumn?) -> String {
        value(column).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A CSV file read into a header and rows of text.
///
/// Parsing is CSV.swift's (RFC 4180: quoted fields, doubled quotes, commas and line
/// breaks inside quotes, CRLF). It reads one record at a time, which is what gives
/// every row its exact row and line numbers here. It accepts a stray quote without a
/// word, so `QuoteCheck` looks for those first and reports them with line and column.
public struct CSVSheet: Sendable {
    /// The file as the user named it; findings point into it.
    public var path: String
    /// The encoding the bytes were decoded with (given or detected).
    public var encoding: TextEncoding
    /// `,`, `;` or a tab: whichever the header row has most of, comma on a tie.
    public var delimiter: Character
    /// The header row's columns, left to right.
    public var columns: [CSVColumn]
    /// Data rows in file order; rows with nothing in any field are left out.
    public var records: [CSVRecord]

    /// Reads `path` from disk.
    public static func read(
        path: String, options: ImportOptions,
        keep: ((String) -> Bool)? = nil
    ) throws(ImportError) -> Result<CSVSheet, ImportProblem> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .missingInput(path, "no such file")
        }
        guard !isFolder.boolValue else { throw .missingInput(path, "is a folder, expected a CSV file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > options.maxFileBytes {
            return .failure(
                .error(
                    .overLimit, SourceLocation(file: path, line: 1, column: 1),
                    "the file is \(size) bytes, more than the limit of \(options.maxFileBytes)"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .missingInput(path, "cannot read this file")
        }
        return parse(data: data, path: path, encoding: options.encoding, keep: keep, settingNames: options.settingNames)
    }

    /// Reads CSV bytes; `path` names the file in messages. `keep`, when given, says which
    /// headers' values to keep; the others read as empty. `settingNames` words the
    /// encoding setting a file that cannot be decoded asks for.
    public static func parse(
        data: Data, path: String, encoding: TextEncoding?,
        keep: ((String) -> Bool)? = nil, settingNames: @escaping SettingNames = { $0.apiName }
    ) -> Result<CSVSheet, ImportProblem> {
        let decoded: (String, TextEncoding)
        switch CSVTextDecoding.decode(data, path: path, forced: encoding, names: settingNames) {
        case .success(let d): decoded = d
        case .failure(let d): return .failure(d)
        }
        let (text, used) = decoded
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard !text.allSatisfy(\.isWhitespace) else {
            return .failure(.error(.emptyFile, start, "the file is empty; expected a header row with column names"))
        }
        let delimiter = Self.delimiter(of: text)
        if let problem = QuoteCheck.firstProblem(in: text, delimiter: delimiter, path: path) {
            return .failure(ImportProblem([problem]))
        }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter) else {
            return .failure(.error(.csvSyntax, start, "cannot read the header row"))
        }
        var header: [String]?
        var kept: [Bool]?
        var records: [CSVRecord] = []
        var row = 0, line = 1
        while let fields = reader.next() {
            row += 1
            let startLine = line
            // A record ends one line after where its last line break inside quotes left it.
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
            if header == nil {
                header = fields
                kept = keep.map { k in fields.map { k($0) } }
                continue
            }
            if fields.allSatisfy({ $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }) {
                continue
            }
            // Columns nobody reads are not kept: a 72-column export would otherwise hold
            // every value of every row (benchmarks/, "import").
            records.append(
                CSVRecord(
                    row: row, line: startLine,
                    fields: kept.map { k in fields.indices.map { k.count > $0 && !k[$0] ? "" : fields[$0] } } ?? fields)
            )
        }
        guard let names = header, names.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return .failure(
                .error(.csvSyntax, start, "the file has no header row; the first row must name the columns"))
        }
        let columns = names.enumerated().map {
            CSVColumn(index: $0, name: $1.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return .success(
            CSVSheet(
                path: path, encoding: used, delimiter: Character(delimiter), columns: columns,
                records: records))
    }

    /// The column whose header matches one of `names`, ignoring case, spaces, `_` and `-`
    /// ("First Name", "FirstName" and "first_name" are one header).
    public func column(_ names: [String]) -> CSVColumn? {
        let wanted = Set(names.map(Self.headerKey))
        return columns.first { wanted.contains(Self.headerKey($0.name)) }
    }

    static func headerKey(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !" _-\t".unicodeScalars.contains($0) })
    }

    /// Comma unless the header row has more semicolons or tabs (Excel in many European
    /// locales writes `;`; "Unicode text" exports use tabs). The candidates are tried in
    /// this order and only a strictly higher count wins, so a tie always goes the same way:
    /// comma, then semicolon, then tab.
    static func delimiter(of text: String) -> UnicodeScalar {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let candidates: [UnicodeScalar] = [",", ";", "\t"]
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        for c in firstLine.unicodeScalars {
            if c == "\"" {
                quoted.toggle()
            } else if !quoted, let i = candidates.firstIndex(of: c) {
                counts[i] += 1
            }
        }
        var best = 0
        for i in candidates.indices where counts[i] > counts[best] { best = i }
        return candidates[best]
    }

    /// Line breaks inside a value: CRLF, LF and a lone CR each count once.
    static func lineBreaks(in field: String) -> Int {
        field.unicodeScalars.reduce(into: (0, false)) { acc, c in
            if c == "\n" {
                acc.0 += acc.1 ? 0 : 1; acc.1 = false
            } else if c == "\r" {
                acc.0 += 1; acc.1 = true
            } else {
                acc.1 = false
            }
        }.0
    }
}

/// Finds quoting that CSV.swift would silently read as something else: text after a
/// closing quote (`"abc"x`), which would swallow the rest of the file into one field,
/// and a quoted value that is never closed.
enum QuoteCheck {
    static func firstProblem(in text: String, delimiter: UnicodeScalar, path: String) -> Diagnostic? {
        var line = 1, column = 0
        var inQuotes = false, atFieldStart = true, justClosed = false
        var openedAt = (1, 1)
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\n" && previousCR { previousCR = false; continue }
            previousCR = c == "\r"
            let isBreak = c == "\n" || c == "\r"
            column += 1
            if inQuotes {
                if c == "\"" { inQuotes = false; justClosed = true }
            } else if justClosed && c == "\"" {
                inQuotes = true  // a doubled quote inside a quoted value
                justClosed = false
            } else if justClosed && c != delimiter && !isBreak {
                return .error(
                    .csvSyntax, SourceLocation(file: path, line: line, column: column),
                    "text after the closing quote of a value; inside quotes write a quote twice (\"\"), and put the whole value in quotes"
                )
            } else if c == "\"" && atFieldStart {
                inQuotes = true
                openedAt = (line, column)
            } else {
                justClosed = false
            }
            atFieldStart = c == delimiter || isBreak
            if c == delimiter || isBreak { justClosed = false }
            if isBreak { line += 1; column = 0 }
        }
        if inQuotes {
            return .error(
                .csvSyntax, SourceLocation(file: path, line: openedAt.0, column: openedAt.1),
                "this quoted value is never closed; everything after it would be read as one value")
        }
        return nil
    }
}
