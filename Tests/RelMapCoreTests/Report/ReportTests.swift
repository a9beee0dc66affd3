import Foundation
import Testing
@testable import RelMapCore

/// The HTML report's pages as text: escaping, the content policy, determinism.
/// (Tests/RelMapCLITests/ReportBrowserTests opens them in a real browser.)
struct ReportTests {
    static func hostileAccount() -> Account {
        var account = loadTiny()
        account.name = "<script>document.title='pwned'</script> & \"Co\""
        account.people[0].name = "<img src=x onerror=\"document.body.dataset.pwned=1\">"
        account.people[1].title = "</td></tr></table><b>bold</b>"
        account.people[2].department = "'><svg onload=alert(1)>"
        return account
    }

    static func pages(_ accounts: [Account], gaps: [ReportGap] = [], svg: String? = nil) throws -> [ReportPage] {
        let inputs = accounts.map {
            AccountReportInput(
                analysis: Analyzer.analyze($0), gaps: gaps,
                visits: [
                    ReportVisit(
                        person: "<b>x</b>", why: "why & because", coverageGain: 1.25, supportGain: 0.5, member: "王磊",
                        route: "王磊 -> 许秘书")
                ],
                svg: svg)
        }
        return try ReportBuilder.pages(portfolio: Portfolio(inputs))
    }

    @Test func everyPieceOfUserTextIsEscaped() throws {
        let pages = try Self.pages(
            [Self.hostileAccount()], gaps: [ReportGap(severity: "critical", kind: "k", sentence: "<script>x</script>")])
        for page in pages {
            #expect(!page.html.contains("<script>document"), "\(page.fileName)")
            #expect(!page.html.contains("<img src=x"), "\(page.fileName)")
            #expect(!page.html.contains("<svg onload"), "\(page.fileName)")
            #expect(!page.html.contains("<b>"), "\(page.fileName)")
            #expect(!page.html.contains("<script>x"), "\(page.fileName)")
        }
        let account = try #require(pages.first { $0.fileName == "tiny.html" })
        #expect(account.html.contains("&lt;img src=x onerror=&quot;document.body.dataset.pwned=1&quot;&gt;"))
        #expect(
            account.html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; &amp; &quot;Co&quot;"))
        // Exactly one script element on each page: ours.
        for page in pages { #expect(page.html.components(separatedBy: "<script").count == 2, "\(page.fileName)") }
    }

    @Test func theContentPolicyNamesTheHashOfTheOneScript() throws {
        let page = try #require(try Self.pages([loadTiny()]).first)
        let start = try #require(page.html.range(of: "<script>"))
        let end = try #require(page.html.range(of: "</script>", range: start.upperBound..<page.html.endIndex))
        let script = String(page.html[start.upperBound..<end.lowerBound])
        // The CSP names the digest in base64; ContentHash gives it in hex.
        let hex = Array(ContentHash.sha256(Data(script.utf8)).utf8)
        let digest = Data(
            stride(from: 0, to: hex.count, by: 2).compactMap {
                UInt8(String(decoding: hex[$0...$0 + 1], as: UTF8.self), radix: 16)
            })
        #expect(digest.count == 32)
        let hash = "sha256-" + digest.base64EncodedString()
        #expect(page.html.contains("script-src '\(hash)'"))
        #expect(page.html.contains("default-src 'none'"))
    }

    @Test func pagesAreByteIdenticalForTheSameInput() throws {
        let a = try Self.pages([loadTiny()]), b = try Self.pages([loadTiny()])
        #expect(a == b)
        #expect(a.map(\.fileName) == ["index.html", "tiny.html"])
    }

    @Test func unsafeSVGIsRefusedAndTheRestIsInlinedWithoutItsProlog() {
        let prolog = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n"
        #expect(
            ReportBuilder.safeSVG(prolog + "<svg viewBox=\"0 0 1 1\"><g/></svg>")
                == "<svg viewBox=\"0 0 1 1\"><g/></svg>")
        #expect(ReportBuilder.safeSVG("<svg><script>alert(1)</script></svg>") == nil)
        #expect(ReportBuilder.safeSVG("<svg onload=\"alert(1)\"></svg>") == nil)
        #expect(ReportBuilder.safeSVG("<svg><a xlink:href=\"javascript:alert(1)\"/></svg>") == nil)
        #expect(ReportBuilder.safeSVG("<svg><foreignObject/></svg>") == nil)
        #expect(ReportBuilder.safeSVG("no svg here") == nil)
    }

    @Test func aRefusedDiagramIsSaidOnThePage() throws {
        let page = try #require(try Self.pages([loadTiny()], svg: "<svg><script>1</script></svg>").last)
        #expect(page.html.contains("No diagram: the diagram held content that is not allowed in the report"))
    }
}
