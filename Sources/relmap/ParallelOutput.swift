import Foundation
import RelMapCore

/// A command's output over a folder, made one account at a time on every core and printed
/// in account order (`DataFormat.print(jsonPieces:csv:markdown:table:)`). Made on one
/// thread, the text of 2,000 accounts was half of `relmap gaps` with the other core idle
/// (docs/performance.md); the text is the same either way.
enum ParallelOutput {
    /// `items.map(text).joined(separator:)`, in pieces, each item's text made on every core.
    static func joined<T: Sendable>(_ items: [T], separator: String, _ text: @Sendable (T) -> String) -> [String] {
        var pieces: [String] = []
        pieces.reserveCapacity(items.count * 2)
        for (i, piece) in ParallelMap.map(items.count, { text(items[$0]) }).enumerated() {
            if i > 0 { pieces.append(separator) }
            pieces.append(piece)
        }
        return pieces
    }

    /// `table(items).csv()`, in pieces: each item's rows made as a table of its own on every
    /// core, the header line kept from the first only (a CSV table is its header line and
    /// then its rows, each row its own; header names hold no line break).
    static func csv<T: Sendable>(_ items: [T], _ table: @Sendable ([T]) -> Table) -> [String] {
        guard !items.isEmpty else { return [table([]).csv()] }
        return ParallelMap.map(items.count) { i in
            let text = table([items[i]]).csv()
            guard i > 0, let newline = text.utf8.firstIndex(of: 0x0A) else { return text }
            return String(text[text.utf8.index(after: newline)...])
        }
    }

    /// The JSON document of `make(items)` in pieces (`AccountListDocument.encodedPieces`); a
    /// document that cannot be encoded is an internal error, as with `printable(_:)`.
    static func json<T: Sendable, D: AccountListDocument>(
        _ items: [T], _ what: String, _ make: @escaping @Sendable ([T]) -> D
    ) throws -> [Data] {
        do { return try D.encodedPieces(of: items, make) } catch {
            throw CommandFailure.internalError("cannot write the \(what) as JSON: \(error)")
        }
    }
}
