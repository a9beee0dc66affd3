import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RelMapCore
import RelMapServe
import Testing

/// The comment lines of a file, in order: what an edit must never touch.
func commentLines(_ text: String) -> [String] {
    text.components(separatedBy: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
}

/// Text as the pages show it: HTML-escaped as Mustache escapes.
func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

let serveLoadOptions = LoadOptions(today: Day(iso: "2026-12-01")!)

@Suite struct ServeAddRemoveTests {
    @Test func addingAPersonAppendsThemAndKeepsEveryOtherLine() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            let response = try await submit(
                client, "/north-steel/add/person", from: state,
                fields: [
                    ("id", "gu"), ("name", "顾明"), ("title", "预算专员"),
                    ("department", "财务部"), ("stance", "supporter"), ("roles", "influencer"), ("influence", "2"),
                    ("reports_to", "zheng"), ("notes", ""),
                ])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/north-steel.html?saved=1#p-gu")
            let page = try await client.execute(
                uri: "/north-steel.html", method: .get, headers: [.cookie: state.cookie])
            #expect(page.text.contains(#"<details class="person" id="p-gu""#))
        }
        let after = read(path)
        let diff = LineDiff(old: before, new: after)
        #expect(diff.removedCount == 0 && diff.addedCount > 0)
        #expect(commentLines(after) == commentLines(before))
        let account = try #require(AccountLoader.load(file: path, options: serveLoadOptions).account)
        let gu = try #require(account.person("gu"))
        #expect(
            gu.name == "顾明" && gu.department == "财务部" && gu.stance == .supporter && gu.roles == [.influencer]
                && gu.influence == 2 && gu.reportsTo == "zheng" && gu.notes == nil)
    }

    @Test func addingATieAndAContactAppendsOneLineEach() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            let tie = try await submit(
                client, "/north-steel/add/relation", from: state,
                fields: [
                    ("from", "qiao"), ("to", "zheng"),
                    ("type", "influences"), ("strength", "0.5"),
                ])
            #expect(tie.status == .seeOther)
            let next = try #require(try await openPage(client, "/north-steel.html", cookie: state.cookie).1)
            let contact = try await submit(
                client, "/north-steel/add/contact", from: next,
                fields: [
                    ("member", "wang"), ("person", "zheng"),
                    ("strength", "strong"), ("last", "2026-11-20"),
                ])
            #expect(contact.status == .seeOther)
        }
        let after = read(path)
        let diff = LineDiff(old: before, new: after)
        #expect(diff.removedCount == 0 && diff.addedCount == 2)
        #expect(after.contains("  - {from: qiao, to: zheng, type: influences, strength: 0.5}\n"))
        #expect(after.contains("  - {member: wang, person: zheng, strength: strong, last: 2026-11-20}\n"))
        #expect(commentLines(after) == commentLines(before))
    }

    @Test func removingAPersonAsksFirstListingWhatRelmapRemoveWouldAndThenRemoves() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        // What `relmap remove person FILE su` lists (the same engine, the same lines).
        let expected = try AccountEditor.apply([.removePerson("su")], to: before, path: path, options: serveLoadOptions)
        #expect(expected.changes.count > 4)
        try await copy.onItsPage { client, state in
            let fields = state.formFields + [("person", "su")]
            let ask = try await post(client, "/north-steel/remove/person", cookie: state.cookie, fields: fields)
            #expect(ask.status == .ok)
            #expect(read(path) == before)
            let html = ask.text
            #expect(html.contains("确认删除"))
            for change in expected.changes {
                #expect(html.contains("<li>\(htmlEscaped(change.description))</li>"), "\(change)")
            }
            #expect(html.contains(#"<input type="hidden" name="confirm" value="yes">"#))
            #expect(html.contains(#"action="/north-steel/remove/person""#))
            let done = try await post(
                client, "/north-steel/remove/person", cookie: state.cookie, fields: fields + [("confirm", "yes")])
            #expect(done.status == .seeOther)
        }
        let after = read(path)
        #expect(after == expected.text)
        #expect(commentLines(after) == commentLines(before))
        let account = try #require(AccountLoader.load(file: path, options: serveLoadOptions).account)
        #expect(account.person("su") == nil && account.person("hu")?.reportsTo == "zhou-fz")
    }

    @Test func removingATieAndAContactFromTheirPanelForms() async throws {
        let folder = try servedFolder(["north-steel"])
        let path = "\(folder)/north-steel.yaml"
        let before = read(path)
        try await serveApp(folder).test(.router) { client in
            let (page, state0) = try await openPage(client, "/north-steel.html")
            let state = try #require(state0)
            // qiao's panel offers both; the forms carry these fields.
            #expect(
                page.text.contains(
                    #"<input type="hidden" name="from" value="su"><input type="hidden" name="to" value="qiao"><input type="hidden" name="type" value="rival">"#
                ))
            #expect(
                page.text.contains(
                    #"<input type="hidden" name="member" value="wang"><input type="hidden" name="person" value="qiao">"#
                ))
            let tie =
                state.formFields + [
                    ("from", "su"), ("to", "qiao"), ("type", "rival"),
                    ("confirm", "yes"),
                ]
            #expect(
                try await post(client, "/north-steel/remove/relation", cookie: state.cookie, fields: tie).status
                    == .seeOther)
            let next = try #require(try await openPage(client, "/north-steel.html", cookie: state.cookie).1)
            let contact =
                next.formFields + [
                    ("member", "wang"), ("person", "qiao"), ("confirm", "yes"),
                ]
            #expect(
                try await post(client, "/north-steel/remove/contact", cookie: next.cookie, fields: contact).status
                    == .seeOther)
        }
        let after = read(path)
        let diff = LineDiff(old: before, new: after)
        #expect(diff.removedCount == 2 && diff.addedCount == 0)
        #expect(!after.contains("{from: su, to: qiao, type: rival"))
        #expect(!after.contains("{member: wang, person: qiao,"))
        #expect(commentLines(after) == commentLines(before))
    }

    @Test func aStalePageGets409ForAddsAndRemovalsAndNothingIsWritten() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        try await copy.onItsPage { client, state in
            let other = read(path).replacingOccurrences(of: "    title: 总经理\n", with: "    title: 董事长兼总经理\n")
            try other.write(toFile: path, atomically: true, encoding: .utf8)
            let attempts: [(String, [(String, String)])] = [
                ("/north-steel/add/person", [("id", "gu"), ("name", "顾明")]),
                ("/north-steel/add/relation", [("from", "qiao"), ("to", "zheng"), ("type", "ally")]),
                ("/north-steel/add/contact", [("member", "wang"), ("person", "zheng"), ("strength", "weak")]),
                ("/north-steel/remove/person", [("person", "su")]),
                ("/north-steel/remove/person", [("person", "su"), ("confirm", "yes")]),
                ("/north-steel/remove/relation", [("from", "su"), ("to", "qiao"), ("confirm", "yes")]),
                ("/north-steel/remove/contact", [("member", "wang"), ("person", "qiao"), ("confirm", "yes")]),
            ]
            for (uri, fields) in attempts {
                let response = try await submit(client, uri, from: state, fields: fields)
                #expect(response.status == .conflict, "\(uri) \(fields)")
                #expect(response.text.contains("+    title: 董事长兼总经理"), "\(uri)")
                // A removal re-applied from the conflict page asks again.
                #expect(!response.text.contains(#"name="confirm""#), "\(uri)")
            }
            #expect(read(path) == other)
        }
    }

    @Test func addAndRemoveWithoutCSRFOrFromAnotherSiteAre403() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            for (uri, fields) in [
                ("/north-steel/add/person", [("id", "gu"), ("name", "顾明")]),
                ("/north-steel/remove/person", [("person", "su"), ("confirm", "yes")]),
                ("/north-steel/remove/contact", [("member", "wang"), ("person", "qiao"), ("confirm", "yes")]),
            ] {
                let noCSRF = try await post(client, uri, cookie: state.cookie, fields: [("hash", state.hash)] + fields)
                #expect(noCSRF.status == .forbidden, "\(uri)")
                let crossSite = try await post(
                    client, uri, cookie: state.cookie, fields: state.formFields + fields,
                    origin: "http://evil.example")
                #expect(crossSite.status == .forbidden, "\(uri)")
            }
        }
        #expect(read(path) == before)
    }

    @Test func refusalsSayWhatRelmapSaysAndWriteNothing() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            let twice = try await submit(
                client, "/north-steel/add/person", from: state, fields: [("id", "zhao"), ("name", "赵")])
            #expect(twice.status == .badRequest)
            #expect(twice.text.contains(htmlEscaped("there is already a person with id 'zhao'")))
            let unknown = try await submit(
                client, "/north-steel/remove/person", from: state, fields: [("person", "zhoa")])
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("no person with id"))
            #expect(unknown.text.contains("zhao"))
            let badId = try await submit(
                client, "/north-steel/add/person", from: state, fields: [("id", "a b"), ("name", "x")])
            #expect(badId.status == .unprocessableContent)
            #expect(
                try await submit(client, "/north-steel/add/member", from: state, fields: []).status
                    == .notFound)
            #expect(
                try await submit(client, "/north-steel/remove/..%2Fx", from: state, fields: []).status
                    == .notFound)
        }
        #expect(read(path) == before)
    }

    @Test func hostileNamesAddedThroughTheFormsStayInert() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let hostile = "<script>alert(1)</script>"
        try await copy.onItsPage { client, state in
            let added = try await submit(
                client, "/north-steel/add/person", from: state,
                fields: [
                    ("id", "evil"), ("name", hostile),
                    ("title", "\"><img src=x onerror=alert(2)>"),
                    ("notes", "</textarea><script>alert(3)</script>"),
                ])
            #expect(added.status == .seeOther)
            let (page, next) = try await openPage(client, "/north-steel.html", cookie: state.cookie)
            let after = try #require(next)
            let ask = try await submit(client, "/north-steel/remove/person", from: after, fields: [("person", "evil")])
            let whatIf = try await client.execute(
                uri: "/north-steel/whatif?leave=evil", method: .get, headers: [.cookie: after.cookie])
            for html in [page.text, ask.text, whatIf.text] {
                #expect(!html.contains(hostile))
                #expect(!html.contains("<img src=x"))
                #expect(!html.contains("</textarea><script>"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
        let account = try #require(AccountLoader.load(file: path, options: serveLoadOptions).account)
        #expect(account.person("evil")?.name == hostile)
    }
}
