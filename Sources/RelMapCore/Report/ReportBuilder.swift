import Foundation
import Mustache

/// One file of the report.
public struct ReportPage: Sendable, Hashable {
    /// A plain file name inside the report folder (`index.html`, `ACCOUNT-ID.html`).
    public var fileName: String
    /// The whole page: styles, script and diagram inline, nothing fetched.
    public var html: String
}

/// Why the report could not be built: only a broken template, never the user's data.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    case template(String)
    /// The message for the user, saying it is relmap's own fault.
    public var description: String {
        switch self {
        case .template(let why): "internal error in a report template: \(why)"
        }
    }
}

/// Builds the self-contained HTML report: an index page for the portfolio and one page
/// per account. Pure: the same inputs give byte-identical pages (the only clock in the
/// output is `stamp`, which the caller passes only when the user asks for it).
public enum ReportBuilder {
    /// The index page first, then one page per account in id order; `stamp` is shown on every page when given.
    public static func pages(portfolio: Portfolio, skipped: [LoadedFile] = [], stamp: String? = nil) throws(ReportError)
        -> [ReportPage]
    {
        let index = try render(ReportTemplates.index, PortfolioViews.page(portfolio, skipped: skipped, stamp: stamp))
        var pages = [ReportPage(fileName: "index.html", html: index)]
        for entry in portfolio.entries.sorted(by: { $0.analysis.account.id < $1.analysis.account.id }) {
            let html = try render(ReportTemplates.account, AccountViews.page(entry.input, stamp: stamp))
            pages.append(ReportPage(fileName: pageName(entry.analysis.account.id), html: html))
        }
        return pages
    }

    /// Account ids are `[A-Za-z0-9_-]+` (the loader guarantees it), so the name cannot
    /// leave the report folder.
    public static func pageName(_ accountId: String) -> String { "\(accountId).html" }

    private static func render(_ template: String, _ view: Any) throws(ReportError) -> String {
        do {
            return try MustacheTemplate(string: template).render(view)
        } catch {
            throw .template(String(describing: error))
        }
    }

    /// The SVG to inline, or nil when it is not safe to: the XML prolog and doctype are
    /// dropped (they are not allowed inside HTML), and anything that could run code —
    /// a script element, an event-handler attribute, a javascript: link, foreignObject —
    /// refuses the whole diagram. Graphviz escapes our labels, so this never trips on
    /// relmap's own output; it is the last line of defence.
    public static func safeSVG(_ svg: String) -> String? {
        guard let start = svg.range(of: "<svg") else { return nil }
        let body = String(svg[start.lowerBound...])
        let lowered = body.lowercased()
        let forbidden = ["<script", "javascript:", "<foreignobject", "<iframe", "<embed", "<object"]
        if forbidden.contains(where: lowered.contains) { return nil }
        if lowered.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { return nil }
        return body
    }
}
