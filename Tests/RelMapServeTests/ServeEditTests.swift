import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RelMapCore
import RelMapServe
import Testing

@Suite struct ServeEditTests {
    /// The fields of zhao's form as the page shows them, with the stance changed.
    static func zhaoForm(_ state: PageState, stance: String) -> [(String, String)] {
        state.formFields + [
            ("person", "zhao"), ("stance", stance), ("influence", "5"),
            ("title", "总经理"), ("department", "总经办"), ("reports_to", ""), ("notes", "只看投资回报；我方至今无人见过"),
        ]
    }

    @Test func savingAStanceChangesOneLineAndKeepsComments() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            let response = try await post(
                client, "/north-steel/set", cookie: state.cookie, fields: Self.zhaoForm(state, stance: "supporter"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/north-steel.html?saved=1#p-zhao")
            // The page after the save shows the new version and says so.
            let (after, newState) = try await openPage(client, "/north-steel.html?saved=1", cookie: state.cookie)
            #expect(after.text.contains("已保存"))
            #expect(newState?.hash == ContentHash.sha256(Data(read(path).utf8)))
        }
        let after = read(path)
        let diff = LineDiff(old: before, new: after)
        #expect(diff.removedCount == 1 && diff.addedCount == 1)
        #expect(after.contains("    stance: supporter\n    influence: 5\n    reports_to: null\n    notes: 只看投资回报"))
        #expect(after.contains("  # 总经办\n"))
        #expect(after.hasPrefix("# 华北钢铁集团"))
    }

    @Test func rolesAreCheckboxesAndAnUnchangedFormLeavesTheirLineAlone() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            let roles = [("roles_shown", "1"), ("roles", "decision-maker"), ("roles", "economic-buyer")]
            // The stance changes; the roles are sent back as the page showed them.
            let same = try await post(
                client, "/north-steel/set", cookie: state.cookie,
                fields: Self.zhaoForm(state, stance: "supporter") + roles)
            #expect(same.status == .seeOther)
            let diff = LineDiff(old: before, new: read(path))
            #expect(diff.removedCount == 1 && diff.addedCount == 1)
            let next = try #require(try await openPage(client, "/north-steel.html", cookie: state.cookie).1)
            let changed = try await post(
                client, "/north-steel/set", cookie: next.cookie,
                fields: Self.zhaoForm(next, stance: "supporter") + [
                    ("roles_shown", "1"), ("roles", "economic-buyer"), ("roles", "coach"),
                ])
            #expect(changed.status == .seeOther)
        }
        #expect(read(path).contains("    roles: [economic-buyer, coach]\n    stance: supporter\n"))
    }

    @Test func logAVisitAppendsAnInteraction() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        try await copy.onItsPage { client, state in
            let response = try await submit(
                client, "/north-steel/log", from: state,
                fields: [
                    ("member", "wang"), ("people", "zhao"),
                    ("people", "sun-fz"),
                    ("kind", "meeting"), ("strength", "strong"), ("date", "2026-11-20"), ("note", "季度会议：谈试点"),
                ])
            #expect(response.status == .seeOther)
        }
        let loaded = AccountLoader.load(file: path, options: LoadOptions(today: Day(iso: "2026-12-01")!))
        let account = try #require(loaded.account)
        let last = try #require(account.interactions.last)
        #expect(last.people == ["zhao", "sun-fz"] && last.member == "wang" && last.note == "季度会议：谈试点")
        #expect(account.asOf == Day(iso: "2026-11-20"))
    }

    @Test func aStalePageGets409WithWhatChangedAndCanReapply() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        try await copy.onItsPage { client, state in
            // Someone else changes the file after the page was made.
            let other = read(path).replacingOccurrences(of: "    title: 总经理\n", with: "    title: 董事长兼总经理\n")
            try other.write(toFile: path, atomically: true, encoding: .utf8)
            let response = try await post(
                client, "/north-steel/set", cookie: state.cookie, fields: Self.zhaoForm(state, stance: "skeptic"))
            #expect(response.status == .conflict)
            let html = response.text
            #expect(html.contains("-    title: 总经理"))
            #expect(html.contains("+    title: 董事长兼总经理"))
            #expect(read(path) == other)
            // The conflict page's form carries the change with the file's current version.
            let newHash = try #require(firstMatch(#"name="hash" value="([0-9a-f]+)""#, in: html))
            #expect(newHash == ContentHash.sha256(Data(other.utf8)))
            #expect(html.contains(#"name="stance" value="skeptic""#))
            var fields = Self.zhaoForm(state, stance: "skeptic").filter { $0.0 != "hash" && $0.0 != "title" }
            fields.append(("hash", newHash))
            let again = try await post(client, "/north-steel/set", cookie: state.cookie, fields: fields)
            #expect(again.status == .seeOther)
        }
        let final = read(path)
        #expect(final.contains("    title: 董事长兼总经理\n"))
        #expect(final.contains("    stance: skeptic\n"))
    }

    @Test func postsWithoutCSRFOrFromAnotherSiteAre403() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            var noCSRF = Self.zhaoForm(state, stance: "blocker")
            noCSRF.removeAll { $0.0 == "csrf" }
            #expect(
                try await post(client, "/north-steel/set", cookie: state.cookie, fields: noCSRF).status == .forbidden)
            var wrong = noCSRF
            wrong.append(("csrf", String(repeating: "0", count: 64)))
            #expect(
                try await post(client, "/north-steel/set", cookie: state.cookie, fields: wrong).status == .forbidden)
            // A valid CSRF value of another session is no use either.
            let other = try #require(try await openPage(client, "/north-steel.html").1)
            var foreign = noCSRF
            foreign.append(("csrf", other.csrf))
            #expect(
                try await post(client, "/north-steel/set", cookie: state.cookie, fields: foreign).status == .forbidden)
            let good = Self.zhaoForm(state, stance: "blocker")
            #expect(
                try await post(
                    client, "/north-steel/set", cookie: state.cookie, fields: good, origin: "http://evil.example"
                ).status == .forbidden)
            #expect(
                try await post(client, "/north-steel/set", cookie: state.cookie, fields: good, origin: nil).status
                    == .forbidden)
            // GET never changes anything.
            #expect(try await client.execute(uri: "/north-steel/set", method: .get).status == .notFound)
        }
        #expect(read(path) == before)
    }

    @Test func anInvalidValueWritesNothing() async throws {
        let copy = try NorthSteelCopy()
        let path = copy.path
        let before = read(path)
        try await copy.onItsPage { client, state in
            var fields = Self.zhaoForm(state, stance: "supporter")
            fields.removeAll { $0.0 == "influence" }
            fields.append(("influence", "9"))
            let response = try await post(client, "/north-steel/set", cookie: state.cookie, fields: fields)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("influence"))
            let unknown = try await submit(
                client, "/north-steel/set", from: state,
                fields: [
                    ("person", "nobody"), ("stance", "supporter"),
                ])
            #expect(unknown.status == .badRequest)
        }
        #expect(read(path) == before)
    }

    @Test func withATokenEveryRequestNeedsToSignIn() async throws {
        let folder = try servedFolder(["north-steel"])
        let token = "s3cret-token-0123456789"
        try await serveApp(folder, token: token).test(.router) { client in
            for uri in ["/", "/north-steel.html", "/static/serve.js", "/nobody.html"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .forbidden, "\(uri)")
                #expect(!response.text.contains("华北钢铁"))
            }
            let (signIn, _) = try await openPage(client, "/signin")
            let cookie = try #require(sessionCookie(signIn))
            let csrf = try #require(firstMatch(#"name="csrf" value="([0-9a-f]+)""#, in: signIn.text))
            let wrong = try await post(
                client, "/signin", cookie: cookie, fields: [("csrf", csrf), ("token", "s3cret-token-0123456788")])
            #expect(wrong.status == .forbidden)
            #expect(sessionCookie(wrong) == nil)
            let right = try await post(
                client, "/signin", cookie: cookie, fields: [("csrf", csrf), ("token", token), ("name", "王磊")])
            #expect(right.status == .seeOther)
            let signedIn = try #require(sessionCookie(right))
            #expect(signedIn != cookie)
            let page = try await client.execute(uri: "/north-steel.html", method: .get, headers: [.cookie: signedIn])
            #expect(page.status == .ok)
            #expect(page.text.contains("华北钢铁集团"))
            // A cookie this server did not sign is worth nothing.
            let forged = signedIn.replacingOccurrences(of: "relmap_session=a.", with: "relmap_session=a.0")
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: forged]).status == .forbidden)
        }
    }

    @Test func withCommitEachSaveIsAGitCommit() async throws {
        let folder = try servedFolder(["north-steel"])
        func git(_ args: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", folder] + args
            p.environment = [
                "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@x",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder,
            ]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        _ = try git(["init", "-q"])
        _ = try git(["add", "."])
        _ = try git(["commit", "-q", "-m", "start"])
        try await serveApp(folder, commit: true, author: "王磊 <wang@example.com>").test(.router) { client in
            let state = try #require(try await openPage(client, "/north-steel.html").1)
            let response = try await post(
                client, "/north-steel/set", cookie: state.cookie, fields: Self.zhaoForm(state, stance: "supporter"))
            #expect(response.status == .seeOther)
        }
        let log = try git(["log", "--format=%an <%ae>|%s"])
        #expect(log.hasPrefix("王磊 <wang@example.com>|relmap serve: set zhao"))
        #expect(log.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2)
        #expect(try git(["status", "--porcelain"]).isEmpty)
    }

    @Test func aNonLoopbackHostNeedsAToken() {
        #expect(ServeOptions(folder: "graphs", host: "0.0.0.0").problem?.contains("without a token") == true)
        #expect(ServeOptions(folder: "graphs", host: "0.0.0.0", token: "short").problem?.contains("too short") == true)
        #expect(ServeOptions(folder: "graphs", host: "0.0.0.0", token: "0123456789abcdef0123").problem == nil)
        #expect(ServeOptions(folder: "graphs").problem == nil)
    }
}
