import Mustache

/// The report's views for pages that wrap them in a head and script of their own, as
/// `relmap serve` does: the same Mustache templates and view builders as the written
/// report, so the live pages and the report never show an account differently.
extension ReportBuilder {
    /// The portfolio page's content (title, account table, concentration, mix), without
    /// `<head>`, footer or script. Account links are `ACCOUNT-ID.html`, relative.
    public static func portfolioSection(_ portfolio: Portfolio, skipped: [LoadedFile] = []) throws(ReportError)
        -> String
    {
        try renderSection(ReportTemplates.indexMain, PortfolioViews.page(portfolio, skipped: skipped, stamp: nil))
    }

    /// The account page's content (facts, metrics, diagram, gaps, plan, departments, people),
    /// without `<head>`, footer or script. The SVG passes `safeSVG` first, as in the report.
    public static func accountSection(_ input: AccountReportInput) throws(ReportError) -> String {
        try renderSection(ReportTemplates.accountMain, AccountViews.page(input, stamp: nil))
    }

    /// The report's stylesheet, for a page that links it instead of inlining it.
    public static var stylesheet: String { ReportStyle.css }

    /// The report's script (sortable tables, diagram zoom and pan), for a page that
    /// loads it as a file instead of inlining it.
    public static var script: String { ReportScript.js }

    /// `zh-CN` when most of the account's names are Chinese, else `en`.
    public static func language(of account: Account) -> String { AccountViews.lang(of: account) }

    private static func renderSection(_ template: String, _ view: Any) throws(ReportError) -> String {
        do {
            return try MustacheTemplate(string: template).render(view)
        } catch {
            throw .template(String(describing: error))
        }
    }
}
