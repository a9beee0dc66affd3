/// A table as data: a title, headed columns and rows of text. One value renders as an
/// aligned text table, Markdown or CSV, so every command prints the same way.
public struct Table: Sendable, Hashable {
    /// Where a column's cells sit: numbers right, text left.
    public enum Alignment: Sendable, Hashable { case left, right }

    /// One column: its header, alignment and widest cell in a text table.
    public struct Column: Sendable, Hashable {
        /// The header text; any script.
        public var header: String
        /// Where the cells sit in a text or Markdown table (CSV ignores it).
        public var alignment: Alignment
        /// The widest a cell may print in a text table; longer text is cut with "…".
        public var maxWidth: Int

        /// A column; cells wider than `maxWidth` display columns are cut with "…" in a text table.
        public init(_ header: String, _ alignment: Alignment = .left, maxWidth: Int = 40) {
            self.header = header
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    /// A line printed above the table (a Markdown heading); CSV leaves it out.
    public var title: String?
    /// The columns, left to right.
    public var columns: [Column]
    /// The cells, one array per row; a short row is padded with empty cells.
    public var rows: [[String]]

    /// A table; the rows may be added later.
    public init(title: String? = nil, columns: [Column], rows: [[String]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Columns padded to the display width of their widest cell (CJK counts double),
    /// two spaces apart; the header is underlined. Every cell is made terminal-safe.
    ///
    /// `width`: the terminal's width in columns, if known. When the table is wider, the
    /// last left-aligned column is wrapped onto continuation lines (at spaces, or between
    /// Chinese characters) to fit, and shown whole rather than cut at its `maxWidth`; it
    /// keeps at least `minimumWrapWidth` columns. A table that fits prints exactly as
    /// without `width`.
    public func text(width: Int? = nil) -> String {
        let cells = ([columns.map(\.header)] + rows).map { row in
            columns.indices.map { i in
                DisplayWidth.truncate(DisplayWidth.terminalSafe(i < row.count ? row[i] : ""), to: columns[i].maxWidth)
            }
        }
        var widths = columns.indices.map { i in cells.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
        let natural = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        guard let width, natural > width, let wrapped = columns.lastIndex(where: { $0.alignment == .left }) else {
            return lines(cells, widths).joined()
        }
        let others = natural - widths[wrapped]
        let room = max(Self.minimumWrapWidth, width - others)
        let full = ([columns.map(\.header)] + rows).map { row in
            DisplayWidth.terminalSafe(wrapped < row.count ? row[wrapped] : "")
        }
        let pieces = full.map { DisplayWidth.wrap($0, to: room) }
        widths[wrapped] = pieces.flatMap { $0 }.map(DisplayWidth.of).max() ?? 0
        var out: [String] = []
        for (r, row) in cells.enumerated() {
            var first = row
            first[wrapped] = pieces[r][0]
            out += lines([first], widths, header: r == 0)
            for more in pieces[r].dropFirst() {
                var next = [String](repeating: "", count: columns.count)
                next[wrapped] = more
                out += lines([next], widths, header: false, continuation: true)
            }
        }
        return out.joined()
    }

    /// The fewest columns a wrapped column keeps, however narrow the terminal.
    public static let minimumWrapWidth = 20

    /// The title (with the first row only), each row as a line, the header underlined.
    private func lines(_ rows: [[String]], _ widths: [Int], header: Bool = true, continuation: Bool = false) -> [String]
    {
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(cell)))
                let last = i == row.count - 1
                parts.append(columns[i].alignment == .right ? pad + cell : (last ? cell : cell + pad))
            }
            // A continuation line has blank cells after the wrapped one: no trailing spaces.
            var text = parts.joined(separator: "  ")
            while continuation, text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var out: [String] = []
        if header {
            if let title { out.append(DisplayWidth.terminalSafe(title) + "\n") }
            out.append(line(rows[0]))
            out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
            out += rows.dropFirst().map(line)
        } else {
            out += rows.map(line)
        }
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
        for row in rows {
            out += "| " + columns.indices.map { cell($0 < row.count ? row[$0] : "") }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// RFC 4180 CSV with a header row. A cell that a spreadsheet would run as a formula
    /// (starting with = + - @, tab or CR) gets a leading apostrophe.
    public func csv() -> String {
        var out = columns.map { Self.csvCell($0.header) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += columns.indices.map { Self.csvCell($0 < row.count ? row[$0] : "") }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One CSV field: quoted when it holds a comma, quote or line break, and with a leading `'`
    /// when a spreadsheet would run it as a formula.
    public static func csvCell(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
            s = "'" + s
        }
        // The bytes first: most cells hold none of the four, and a scan of characters
        // (grapheme breaking) costs far more. A character equal to one of them is that
        // byte alone, so a cell without the bytes has none of the characters.
        let special = s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if special, s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            s = "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

import Foundation
