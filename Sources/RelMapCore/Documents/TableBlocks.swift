/// A table too wide for the terminal, printed one row per block instead of one per line.
///
/// `relmap plan` has eight columns whose sentences ("why", "why them", the route in) make a
/// line of 300 columns; wrapping only the last column, as `Table.text(width:)` does, still
/// leaves the others far past a laptop's 100 columns. A block keeps every word and fits.
extension Table {
    /// The width `text()` prints at: every column at its widest cell, two spaces apart.
    public var naturalWidth: Int {
        let cells = ([columns.map(\.header)] + rows).map { row in
            columns.indices.map { i in
                DisplayWidth.of(
                    DisplayWidth.truncate(
                        DisplayWidth.terminalSafe(i < row.count ? row[i] : ""), to: columns[i].maxWidth))
            }
        }
        let widths = columns.indices.map { i in cells.map { $0[i] }.max() ?? 0 }
        return widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    /// The text table when it fits in `width` columns (or no width is known), else blocks.
    public func fitted(width: Int?) -> String {
        guard let width, naturalWidth > width else { return text() }
        return blocks(width: width)
    }

    /// Each row as a block: its first `lead` cells on one line, followed by the short
    /// right-aligned cells (the numbers) as "header value" (on a line of their own when
    /// that line would be too wide); then one line per other non-empty
    /// cell, "header  value", the value wrapped under itself to fit `width`. Blocks are
    /// separated by a blank line; nothing is cut.
    public func blocks(width: Int, lead: Int = 2) -> String {
        let lead = min(max(1, lead), columns.count)
        let indent = String(repeating: " ", count: 3)
        let inline = columns.indices.filter { $0 >= lead && columns[$0].alignment == .right }
        let below = columns.indices.filter { $0 >= lead && columns[$0].alignment == .left }
        let labelWidth = below.map { DisplayWidth.of(DisplayWidth.terminalSafe(columns[$0].header)) }.max() ?? 0
        let room = max(Self.minimumWrapWidth, width - indent.count - labelWidth - 2)
        var out: [String] = []
        if let title { out.append(DisplayWidth.terminalSafe(title) + "\n") }
        for (r, row) in rows.enumerated() {
            if r > 0 { out.append("\n") }
            let cell = { (i: Int) in DisplayWidth.terminalSafe(i < row.count ? row[i] : "") }
            let numbers = inline.filter { !cell($0).isEmpty }.map {
                DisplayWidth.terminalSafe(columns[$0].header) + " " + cell($0)
            }
            let leading = (0..<lead).map(cell).filter { !$0.isEmpty }.joined(separator: "  ")
            let oneLine = ([leading] + numbers).joined(separator: "  ")
            if numbers.isEmpty || DisplayWidth.of(oneLine) <= width {
                out.append(oneLine + "\n")
            } else {
                out.append(leading + "\n" + indent + numbers.joined(separator: "  ") + "\n")
            }
            for i in below where !cell(i).isEmpty {
                let header = DisplayWidth.terminalSafe(columns[i].header)
                let label = header + String(repeating: " ", count: labelWidth - DisplayWidth.of(header))
                for (n, piece) in DisplayWidth.wrap(cell(i), to: room).enumerated() {
                    let prefix = n == 0 ? label : String(repeating: " ", count: labelWidth)
                    out.append(indent + prefix + "  " + piece + "\n")
                }
            }
        }
        return out.joined()
    }
}
