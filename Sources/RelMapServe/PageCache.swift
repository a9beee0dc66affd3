import Foundation

/// Account pages already made, by everything they are made from: the file version, the
/// day, and which diagram they show. Only the CSRF value differs between sessions, so a
/// page is kept with a placeholder in its place, random per server run (no file can
/// hold it), and each request fills in its own value.
final class PageCache: @unchecked Sendable {
    let csrfSlot = "csrf-slot-" + UUID().uuidString
    private let lock = NSLock()
    private var pages: [String: String] = [:]
    private static let limit = 64

    /// The page under `key` with `csrf` filled in, made by `make` (given the placeholder)
    /// when it is not kept yet.
    func page(_ key: String, csrf: String, make: (String) throws -> String) rethrows -> String {
        let page: String
        if let kept = lock.withLock({ pages[key] }) {
            page = kept
        } else {
            page = try make(csrfSlot)
            lock.withLock {
                if pages.count >= Self.limit { pages.removeAll() }
                pages[key] = page
            }
        }
        return page.replacingOccurrences(of: csrfSlot, with: csrf)
    }
}
