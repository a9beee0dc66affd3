import Foundation

/// The date forms CRM and spreadsheet exports write, read without guessing.
enum ImportDates {
    /// `2026-10-30` (Data Loader), `2026-10-30T08:00:00.000Z` or `2026-10-30 08:00:00`
    /// (date and time: the date part is the day, as the CRM's own user saw it),
    /// `2026/10/30` and `2026/9/3` (Chinese locales), `2026.10.30`, and `2026年10月30日`.
    /// Day-first and month-first forms (`10/30/2026`, `30/10/2026`) are refused: for
    /// days up to 12 they cannot be told apart, and a wrong guess is silent.
    static func day(_ raw: String) -> Day? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }) { text = String(text[..<t]) }
        if text.hasSuffix("日") {
            text = String(text.dropLast()).replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    static let expected = "expected a date such as 2026-10-30 or 2026/10/30 (year first)"
}
