import Foundation
import Testing

/// Opens the generated report in a real browser (headless Chromium) and checks what a
/// reader gets: the page renders with no console errors, no request leaves it, the
/// headings, table rows and diagram nodes are in the DOM, and hostile names stay text.
struct ReportBrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Page {
        var dom: String
        var console: [String]
        var requests: [String]
    }

    /// Loads `file` in headless Chromium, lets its script run, and returns the DOM after
    /// it ran, every console message, and every URL the page asked for.
    static func open(_ file: URL) throws -> Page {
        let browser = try #require(chromium, "Chromium is needed for this test: scripts/setup installs it")
        let netLog = FileManager.default.temporaryDirectory.appendingPathComponent("netlog-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: netLog) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
            "--enable-logging=stderr", "--v=0", "--log-net-log=\(netLog.path)",
            "--virtual-time-budget=3000", "--dump-dom", file.absoluteString,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let console = log.split(separator: "\n").filter { $0.contains("CONSOLE") }.map(String.init)
        return Page(dom: dom, console: console, requests: pageRequests(netLog))
    }

    /// The URLs the page itself asked the network for. Chromium's own background
    /// requests (update checks and the like) carry the initiator "not an origin"; a
    /// request from a page opened from file:// carries its opaque origin instead.
    static func pageRequests(_ netLog: URL) -> [String] {
        guard var data = try? Data(contentsOf: netLog) else { return ["(no net log written)"] }
        var json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        if json == nil {
            // A log cut short lacks its closing brackets.
            while let last = data.last, last == UInt8(ascii: ",") || last == UInt8(ascii: "\n") { data.removeLast() }
            data.append(contentsOf: Array("]}".utf8))
            json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        guard let json, let constants = json["constants"] as? [String: Any],
            let types = constants["logEventTypes"] as? [String: Int], let start = types["URL_REQUEST_START_JOB"],
            let events = json["events"] as? [[String: Any]]
        else { return ["(unreadable net log)"] }
        return events.compactMap { event in
            guard event["type"] as? Int == start, let params = event["params"] as? [String: Any],
                let url = params["url"] as? String, params["initiator"] as? String != "not an origin"
            else { return nil }
            return url
        }
    }

    /// The checks below can fail: a page that does make a request and log an error is caught.
    @Test func theDetectorsSeeARequestAndAConsoleErrorWhenAPageMakesThem() throws {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relmap-probe-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        try
            "<!DOCTYPE html><title>probe</title><img src=\"http://127.0.0.1:9/probe.png\"><script>console.error('probe')</script>"
            .write(to: page, atomically: true, encoding: .utf8)
        let opened = try Self.open(page)
        #expect(opened.requests == ["http://127.0.0.1:9/probe.png"])
        #expect(opened.console.count == 1 && opened.console[0].contains("\"probe\""), "\(opened.console)")
    }

    static func writeReport() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-report-\(UUID().uuidString)")
        let r = try CLI.run(["report", "graphs", "Tests/RelMapCLITests/Fixtures/hostile", "-o", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "report: \(folder.path)/index.html\n")
        return folder
    }

    @Test func theIndexRendersWithNoErrorsAndNoRequests() throws {
        let folder = try Self.writeReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try Self.open(folder.appendingPathComponent("index.html"))
        #expect(page.console == [])
        #expect(page.requests == [])
        #expect(page.dom.contains("<h1>Key-account portfolio</h1>"))
        #expect(page.dom.contains("<h2 id=\"accounts-h\">Accounts, by value at risk</h2>"))
        // One row per account, each linking to its page.
        for id in [
            "north-steel", "huaxin-beverage", "beibei-maternity", "jiangnan-hospital", "harbor-retail",
            "delta-logistics", "hostile",
        ] {
            #expect(page.dom.contains("href=\"\(id).html\""), "\(id)")
        }
    }

    @Test func anAccountPageHasItsDiagramTablesAndHeadings() throws {
        let folder = try Self.writeReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try Self.open(folder.appendingPathComponent("north-steel.html"))
        #expect(page.console == [])
        #expect(page.requests == [])
        for heading in ["Buying center", "Departments", "People", "Next visits"] {
            #expect(page.dom.contains(">\(heading)</h2>"), "\(heading)")
        }
        #expect(page.dom.contains("<h1>华北钢铁集团 <span class=\"meta\">(north-steel)</span></h1>"))
        // The people table has one row per person (30), and the diagram one node per person.
        let peopleTable = try #require(page.dom.range(of: "<h2 id=\"people-h\">People</h2>"))
        let rows = page.dom[peopleTable.upperBound...].components(separatedBy: "<tr>").count - 2
        #expect(rows == 30)
        #expect(page.dom.components(separatedBy: "class=\"node\"").count - 1 >= 30)
        // The script ran: the diagram's viewBox was set by it is not checked, but the sort
        // buttons exist and nothing reported an error.
        #expect(page.dom.contains("<button type=\"button\">Influence</button>"))
    }

    @Test func hostileNamesAreShownAsTextAndRunNothing() throws {
        let folder = try Self.writeReport()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["hostile.html", "index.html"] {
            let page = try Self.open(folder.appendingPathComponent(name))
            #expect(page.dom.firstMatch(of: /<body[^>]*data-pwned/) == nil, "\(name): a hostile name ran as code")
            #expect(!page.dom.contains("<title>pwned"), "\(name)")
            #expect(!page.dom.contains("<h1>injected</h1>"), "\(name)")
            #expect(
                page.dom.contains("&lt;/title&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt; &amp; Co \"Ltd\""),
                "\(name): the account's name is shown as text")
            if name == "hostile.html" {
                #expect(
                    page.dom.contains("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"&gt;"))
            }
            #expect(page.console == [], "\(name)")
            #expect(page.requests == [], "\(name)")
        }
    }
}
