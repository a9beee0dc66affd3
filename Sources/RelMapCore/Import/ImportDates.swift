import Foundation

/// The order of day and month in slash dates (`1/23/2023`, `23/01/2023`).
public enum DateOrder: String, Sendable, CaseIterable {
    /// Month first: US reports (`1/23/2023 4:05 PM`).
    case mdy
    /// Day first: European and most other reports (`23/01/2023 16:05`, `23.01.2023`).
    case dmy
}

/// The date forms CRM and spreadsheet exports write.
///
/// Year-first dates are always read: `2026-10-30` (Data Loader), `2026-10-30T08:00:00.000Z`
/// or `2026-10-30 08:00:00` (the date part is the day, as the CRM's own user saw it),
/// `2026/10/30` and `2026/9/3` (Chinese locales), `2026.10.30`, and `2026年10月30日`.
/// Slash dates with the year last (`1/23/2023`, `23.01.2023`, with or without a time
/// such as `4:05 PM`) need an order: given (`--date-format`), or read from the file
/// when one of its dates settles it (a first part over 12 is a day, so the file is
/// day first). A file whose slash dates could all be either (`03/04/2023`) is refused
/// rather than guessed: a wrong guess is silent.
struct ImportDates {
    /// The order for year-last dates; nil when the file has none or cannot tell.
    var order: DateOrder?

    init(order: DateOrder?) { self.order = order }

    /// The day `raw` names, or nil when it is not a date in a form read here.
    func day(_ raw: String) -> Day? {
        switch Self.parts(raw) {
        case .yearFirst(let y, let m, let d): return Day(year: y, month: m, day: d)
        case .yearLast(let a, let b, let y):
            switch order {
            case .mdy: return Day(year: y, month: a, day: b)
            case .dmy: return Day(year: y, month: b, day: a)
            case nil: return nil
            }
        case nil: return nil
        }
    }

    /// What a date text holds before the order is known.
    enum Parts: Equatable {
        case yearFirst(Int, Int, Int)
        case yearLast(Int, Int, Int)
    }

    static func parts(_ raw: String) -> Parts? {
        var text = CSVRecord.trimmed(raw)
        if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }) { text = String(text[..<t]) }
        if text.hasSuffix("日") {
            text = String(text.dropLast()).replacingOccurrences(of: "年", with: "-").replacingOccurrences(
                of: "月", with: "-")
        }
        let parts =
            text.split(separator: "-", omittingEmptySubsequences: false).count == 3
            ? text.split(separator: "-").map(String.init)
            : text.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        if parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) {
            return .yearFirst(a, b, c)
        }
        if parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), !text.contains("-")
        {
            return .yearLast(a, b, c)
        }
        return nil
    }

    /// The reader for a file whose date cells are `values`: `forced` when given, else
    /// the order its year-last dates settle. `.failure` holds the first value that
    /// cannot be settled (all of them could be either) or that contradicts another.
    static func reader(for values: [String], forced: DateOrder?) -> Result<ImportDates, DateProblem> {
        if let forced { return .success(ImportDates(order: forced)) }
        var dayFirst: String?, monthFirst: String?, firstAmbiguous: String?
        for v in values
        where !startsWithYear(v) && (v.utf8.contains(UInt8(ascii: "/")) || v.utf8.contains(UInt8(ascii: "."))) {
            guard case .yearLast(let a, let b, _) = parts(v) else { continue }
            if a > 12 && b <= 12 {
                dayFirst = dayFirst ?? v
            } else if b > 12 && a <= 12 {
                monthFirst = monthFirst ?? v
            } else if a <= 12 && b <= 12 {
                firstAmbiguous = firstAmbiguous ?? v
            }
        }
        switch (dayFirst, monthFirst) {
        case (let d?, let m?): return .failure(.contradictory(dayFirst: d, monthFirst: m))
        case (_?, nil): return .success(ImportDates(order: .dmy))
        case (nil, _?): return .success(ImportDates(order: .mdy))
        case (nil, nil):
            if let v = firstAmbiguous { return .failure(.ambiguous(v)) }
            return .success(ImportDates(order: nil))
        }
    }

    /// `2023-...`, `2023/...`: year first, so nothing to settle (most of a Data Export).
    static func startsWithYear(_ v: String) -> Bool {
        let b = Array(v.utf8.prefix(5))
        return b.count == 5 && b[0..<4].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && !(b[4] >= 0x30 && b[4] <= 0x39)
    }

    /// What a date should look like, naming the setting that reads month-first dates.
    static func expected(_ names: SettingNames) -> String {
        "expected a date such as 2026-10-30, 2026/10/30, or 10/30/2026 with \(names(.dateOrder(.mdy)))"
    }
}

/// Why the slash dates of a file cannot be read without `--date-format`.
enum DateProblem: Error, Equatable {
    case ambiguous(String)
    case contradictory(dayFirst: String, monthFirst: String)

    func message(_ names: SettingNames) -> String {
        switch self {
        case .ambiguous(let v):
            "every slash date in this file could be month first or day first ('\(v)'); say which with \(names(.dateOrder(.mdy))) (US: month/day/year) or \(names(.dateOrder(.dmy))) (day/month/year)"
        case .contradictory(let d, let m):
            "the slash dates in this file disagree: '\(d)' is day first and '\(m)' month first; fix the file, or say which with \(names(.dateOrder(nil)))"
        }
    }
}
