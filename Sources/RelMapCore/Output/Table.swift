/// A table as data: a title, headed columns and rows of text. One value renders as an
/// aligned text table, Markdown or CSV, so every command prints the same way.
public struct Table: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, right }

    public struct Column: Sendable, Hashable {
        public var header: String
        public var alignment: Alignment
        /// The widest a cell may print in a text table; longer text is cut with "…".
        public var maxWidth: Int

        public init(_ header: String, _ alignment: Alignment = .left, maxWidth: Int = 40) {
            self.header = header
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public var title: String?
    public var columns: [Column]
    public var rows: [[String]]

    public init(title: String? = nil, columns: [Column], rows: [[String]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Columns padded to the display width of their widest cell (CJK counts double),
    /// two spaces apart; the header is underlined. Every cell is made terminal-safe.
    public func text() -> String {
        let cells = ([columns.map(\.header)] + rows).map { row in
            columns.indices.map { i in
                DisplayWidth.truncate(DisplayWidth.terminalSafe(i < row.count ? row[i] : ""), to: columns[i].maxWidth)
            }
        }
        let widths = columns.indices.map { i in cells.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                let last = i == row.count - 1
                parts.append(columns[i].alignment == .right ? pad + cell : (last ? cell : cell + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = ""
        if let title { out += DisplayWidth.terminalSafe(title) + "\n" }
        out += line(cells[0]) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells.dropFirst() { out += line(row) + "\n" }
        return out
    }

    /// A GitHub-flavoured Markdown table; `|` in cells is escaped, newlines become spaces.
    public func markdown() -> String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "<", with: "&lt;")
        }
        var out = ""
        if let title { out += "### \(cell(title))\n\n" }
        out += "| " + columns.map { cell($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + columns.indices.map { cell($0 < row.count ? row[$0] : "") }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// RFC 4180 CSV with a header row. A cell that a spreadsheet would run as a formula
    /// (starting with = + - @, tab or CR) gets a leading apostrophe.
    public func csv() -> String {
        var out = columns.map { Self.csvCell($0.header) }.joined(separator: ",") + "\r\n"
        for row in rows { out += columns.indices.map { Self.csvCell($0 < row.count ? row[$0] : "") }.joined(separator: ",") + "\r\n" }
        return out
    }

    public static func csvCell(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
            s = "'" + s
        }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            s = "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

import Foundation
