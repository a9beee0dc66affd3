import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RelMapCore
import RelMapServe
import Testing

@Suite struct ServeRouteTests {
    @Test func portfolioListsEveryAccountWithStrictHeaders() async throws {
        let folder = try servedFolder()
        try await serveApp(folder).test(.router) { client in
            for uri in ["/", "/index.html"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("华北钢铁集团"))
                #expect(html.contains(#"href="north-steel.html""#))
                #expect(html.contains(#"<script src="/static/report.js"></script>"#))
                // No inline script at all: every <script> loads a file of this server.
                #expect(
                    html.components(separatedBy: "<script").count - 1 == html.components(
                        separatedBy: "<script src=\"/static/"
                    ).count - 1)
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.hasPrefix("default-src 'self'"))
                #expect(csp.contains("script-src 'self';"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func accountPageShowsDiagramGapsPlanAndAnEditPanelPerPerson() async throws {
        let folder = try servedFolder(["north-steel"])
        try await serveApp(folder).test(.router) { client in
            let (response, state) = try await openPage(client, "/north-steel.html")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<svg"))
            #expect(html.contains(#"id="gaps-h""#) && html.contains(#"id="plan-h""#))
            #expect(html.contains(#"<details class="person" id="p-zhao" data-node="n0">"#))
            #expect(html.contains(#"action="/north-steel/set""#) && html.contains(#"action="/north-steel/log""#))
            let text = read("\(folder)/north-steel.yaml")
            #expect(state?.hash == ContentHash.sha256(Data(text.utf8)))
            #expect(state?.csrf.count == 64)
        }
    }

    @Test func staticFilesAreAFixedList() async throws {
        let folder = try servedFolder(["north-steel"])
        try await serveApp(folder).test(.router) { client in
            for (name, type) in [
                ("report.css", "text/css"), ("serve.css", "text/css"), ("report.js", "text/javascript"),
                ("serve.js", "text/javascript"),
            ] {
                let response = try await client.execute(uri: "/static/\(name)", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true)
            }
            for uri in ["/static/", "/static/nope.js", "/static/..%2F..%2FPackage.swift", "/static/../Package.swift"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
            }
        }
    }

    @Test func unknownIdsAndPathsOutsideTheFolderAre404() async throws {
        let folder = try servedFolder(["north-steel"])
        // A file beside the folder that a path from the request would reach.
        try "secret".write(toFile: folder + "/../relmap-serve-secret.html", atomically: true, encoding: .utf8)
        try await serveApp(folder).test(.router) { client in
            for uri in [
                "/nobody.html", "/north-steel", "/north-steel.yaml", "/../relmap-serve-secret.html",
                "/..%2Frelmap-serve-secret.html",
                "/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/north-steel.html/../../etc/passwd",
                "/etc/passwd",
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.text.contains("secret"))
            }
            let cookie = try await openPage(client, "/north-steel.html").1?.cookie
            for uri in ["/nobody/set", "/..%2Fnorth-steel/set"] {
                let response = try await post(
                    client, uri, cookie: cookie, fields: [("person", "zhao"), ("stance", "supporter")])
                #expect(response.status == .notFound, "\(uri)")
            }
        }
    }

    @Test func hostileNamesAreEscapedOnEveryPage() async throws {
        let folder = try servedFolder([])
        let hostile = "<script>alert(1)</script>"
        try """
        relmap: 1
        account: {id: hostile, name: "\(hostile)", as_of: 2026-11-01}
        team:
          - {id: me, name: "<img src=x onerror=alert(2)>"}
        people:
          - {id: p1, name: "\(hostile)", title: "\\"><b>x</b>", department: "<i>d</i>", stance: neutral, influence: 3}
        contacts:
          - {member: me, person: p1, strength: medium, last: 2026-10-01}

        """.write(toFile: folder + "/hostile.yaml", atomically: true, encoding: .utf8)
        try await serveApp(folder).test(.router) { client in
            for uri in ["/", "/hostile.html"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok)
                let html = response.text
                #expect(!html.contains(hostile), "\(uri)")
                #expect(!html.contains("<img src=x"), "\(uri)")
                #expect(!html.contains("<b>x</b>"), "\(uri)")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
            }
        }
    }

    @Test func tooLargeABodyIsRefused() async throws {
        let folder = try servedFolder(["north-steel"])
        let before = read("\(folder)/north-steel.yaml")
        try await serveApp(folder).test(.router) { client in
            let state = try #require(try await openPage(client, "/north-steel.html").1)
            let response = try await submit(
                client, "/north-steel/set", from: state,
                fields: [
                    ("person", "zhao"),
                    ("notes", String(repeating: "长", count: 40_000)),
                ])
            #expect(response.status == .contentTooLarge)
        }
        #expect(read("\(folder)/north-steel.yaml") == before)
    }
}
