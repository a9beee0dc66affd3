import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RelMapCore
@testable import RelMapServe
import Testing

@Suite struct ServeWhatIfTests {
    static let query =
        "leave=qiao&stance_person=su&stance=neutral&contact_member=wang&contact_person=zheng&contact_strength=medium"

    @Test func whatIfShowsRelmapWhatIfsNumbersAndWritesNothing() async throws {
        let folder = try servedFolder(["north-steel"])
        let path = "\(folder)/north-steel.yaml"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let account = try #require(AccountLoader.load(file: path, options: serveLoadOptions).account)
        // What `relmap whatif --leave qiao --stance su=neutral --contact wang:zheng:medium` computes.
        let comparison = try WhatIfComparison.compare(
            account,
            changes: [
                .stance(person: "su", stance: .neutral), .contact(member: "wang", person: "zheng", strength: .medium),
                .leave("qiao"),
            ])
        #expect(!comparison.opened.isEmpty && !comparison.closed.isEmpty)
        try await serveApp(folder).test(.router) { client in
            let page = try await client.execute(uri: "/north-steel/whatif?\(Self.query)", method: .get)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(htmlEscaped(WhatIfTables.changes(comparison))))
            for row in WhatIfTables.scores(comparison).rows {
                let label = WhatIfViews.measures[row[0]] ?? row[0]
                #expect(
                    html.contains(
                        "<th scope=\"row\">\(label)</th><td class=\"num\">\(row[1])</td><td class=\"num\">\(row[2])</td>"
                    ), "\(row)")
            }
            for gap in comparison.opened {
                #expect(html.contains(htmlEscaped(GapSentences.sentence(gap, in: comparison.after.analysis))))
            }
            for gap in comparison.closed {
                #expect(html.contains(htmlEscaped(GapSentences.sentence(gap, in: comparison.before.analysis))))
            }
            // The form shows the choices made; the save form carries the stance and the
            // new contact, never the departure.
            #expect(html.contains(#"<option value="qiao" selected>"#))
            #expect(html.contains(#"<input type="hidden" name="stance_person" value="su">"#))
            #expect(html.contains(#"<input type="hidden" name="contact_last" value="2026-11-01">"#))
            #expect(!html.contains(#"name="leave" value="#))
            // The account page's script asks for the comparison alone.
            let part = try await client.execute(uri: "/north-steel/whatif?\(Self.query)&part=1", method: .get)
            #expect(part.status == .ok)
            #expect(!part.text.contains("<html") && part.text.contains("whatif-result"))
            #expect(part.text.contains(htmlEscaped(WhatIfTables.changes(comparison))))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func savingAWhatIfWritesTheStanceAndTheNewContact() async throws {
        let folder = try servedFolder(["north-steel"])
        let path = "\(folder)/north-steel.yaml"
        let before = read(path)
        try await serveApp(folder).test(.router) { client in
            let (page, state0) = try await openPage(client, "/north-steel/whatif?\(Self.query)")
            let state = try #require(state0)
            #expect(page.status == .ok)
            #expect(state.hash == ContentHash.sha256(Data(before.utf8)))
            let response = try await submit(
                client, "/north-steel/whatif", from: state,
                fields: [
                    ("stance_person", "su"), ("stance", "neutral"),
                    ("contact_member", "wang"), ("contact_person", "zheng"), ("contact_strength", "medium"),
                    ("contact_last", "2026-11-01"),
                ])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/north-steel.html?saved=1#p-zheng")
        }
        let after = read(path)
        let diff = LineDiff(old: before, new: after)
        #expect(diff.removedCount == 1 && diff.addedCount == 2)
        #expect(after.contains("  - {member: wang, person: zheng, strength: medium, last: 2026-11-01}\n"))
        let account = try #require(AccountLoader.load(file: path, options: serveLoadOptions).account)
        #expect(account.person("su")?.stance == .neutral)
        #expect(account.person("qiao") != nil)
        #expect(commentLines(after) == commentLines(before))
    }

    @Test func aDepartureAloneOffersNoSaveAndAnExistingContactIsNotResaved() async throws {
        let folder = try servedFolder(["north-steel"])
        try await serveApp(folder).test(.router) { client in
            let leave = try await client.execute(uri: "/north-steel/whatif?leave=qiao", method: .get)
            #expect(leave.status == .ok)
            #expect(!leave.text.contains(#"method="post" action="/north-steel/whatif""#))
            #expect(leave.text.contains("A departure is not saved"))
            let existing = try await client.execute(
                uri: "/north-steel/whatif?contact_member=wang&contact_person=qiao&contact_strength=strong", method: .get
            )
            #expect(existing.status == .ok)
            #expect(!existing.text.contains(#"method="post" action="/north-steel/whatif""#))
            #expect(existing.text.contains("This contact exists already"))
        }
    }

    @Test func whatIfSavesAreGuardedLikeEveryOtherSave() async throws {
        let folder = try servedFolder(["north-steel"])
        let path = "\(folder)/north-steel.yaml"
        try await serveApp(folder).test(.router) { client in
            let state = try #require(try await openPage(client, "/north-steel/whatif?\(Self.query)").1)
            let fields = [("hash", state.hash), ("stance_person", "su"), ("stance", "neutral")]
            let before = read(path)
            #expect(
                try await post(client, "/north-steel/whatif", cookie: state.cookie, fields: fields).status == .forbidden
            )
            #expect(
                try await post(
                    client, "/north-steel/whatif", cookie: state.cookie, fields: [("csrf", state.csrf)] + fields,
                    origin: "http://evil.example"
                ).status == .forbidden)
            #expect(read(path) == before)
            let other = before.replacingOccurrences(of: "    title: 总经理\n", with: "    title: 董事长兼总经理\n")
            try other.write(toFile: path, atomically: true, encoding: .utf8)
            let stale = try await post(
                client, "/north-steel/whatif", cookie: state.cookie, fields: [("csrf", state.csrf)] + fields)
            #expect(stale.status == .conflict)
            #expect(read(path) == other)
        }
    }

    @Test func unknownAndHostileChoicesAreRefusedInWords() async throws {
        let folder = try servedFolder(["north-steel"])
        let path = "\(folder)/north-steel.yaml"
        let before = read(path)
        try await serveApp(folder).test(.router) { client in
            let typo = try await client.execute(
                uri: "/north-steel/whatif?stance_person=zhoa&stance=supporter", method: .get)
            #expect(typo.status == .badRequest)
            #expect(typo.text.contains("zhao"))
            let hostile = try await client.execute(
                uri: "/north-steel/whatif?leave=%3Cscript%3Ealert(1)%3C%2Fscript%3E&part=1", method: .get)
            #expect(hostile.status == .badRequest)
            #expect(!hostile.text.contains("<script>") && hostile.text.contains("&lt;script&gt;"))
            #expect(try await client.execute(uri: "/nobody/whatif?leave=qiao", method: .get).status == .notFound)
        }
        #expect(read(path) == before)
    }

    @Test func sectionHeadingsAreChineseFirst() async throws {
        let folder = try servedFolder(["north-steel"])
        try await serveApp(folder).test(.router) { client in
            let account = try await client.execute(uri: "/north-steel.html", method: .get).text
            for (english, chineseFirst) in ServeHeadings.account {
                #expect(account.contains(chineseFirst) && !account.contains(english), "\(english)")
            }
            #expect(account.contains(#"缺口 <span class="en">Gaps</span> ("#))
            let portfolio = try await client.execute(uri: "/", method: .get).text
            for (english, chineseFirst) in ServeHeadings.portfolio {
                #expect(portfolio.contains(chineseFirst) && !portfolio.contains(english), "\(english)")
            }
        }
    }
}
