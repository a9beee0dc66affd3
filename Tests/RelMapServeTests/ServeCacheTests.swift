import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RelMapCore
@testable import RelMapServe
import Testing

/// Holds diagram drawing back until the test lets it go (or, so that a page that waits
/// for Graphviz fails the test instead of hanging it, until a time limit has passed).
private final class DrawGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var closedUntil: Date?

    func close(atMost seconds: TimeInterval) { condition.withLock { closedUntil = Date().addingTimeInterval(seconds) } }

    func open() {
        condition.withLock { closedUntil = nil }
        condition.broadcast()
    }

    func pass() {
        condition.lock()
        while let until = closedUntil, until > Date() { _ = condition.wait(until: until) }
        condition.unlock()
    }

    /// A diagram that says which stance zhao had in the version drawn.
    var renderer: DiagramRenderer {
        { analysis in
            self.pass()
            let stance = analysis.account.people.first { $0.id == "zhao" }?.stance.rawValue ?? "?"
            return (
                #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>zhao-is-\#(stance)</text></svg>"#,
                nil
            )
        }
    }
}

/// What `relmap serve` keeps between requests (docs/serve.md, Speed): files parsed again
/// only when they changed, and diagrams drawn in the background.
@Suite struct ServeCacheTests {
    @Test func afterASaveThePageShowsThePreviousDiagramUntilTheNewOneIsDrawn() async throws {
        let folder = try servedFolder(["north-steel"])
        let gate = DrawGate()
        defer { gate.open() }
        try await serveApp(folder, renderer: gate.renderer).test(.router) { client in
            let (first, state) = try await openPage(client, "/north-steel.html")
            let page = try #require(state)
            #expect(first.text.contains("zhao-is-neutral"))
            #expect(!first.text.contains("data-diagram-poll"))

            // A minute, not seconds: the requests below must all run while the gate is closed, and
            // under a fully parallel test run on 2 cores they once took over 10 s.
            gate.close(atMost: 60)
            let saved = try await post(
                client, "/north-steel/set", cookie: page.cookie,
                fields: ServeEditTests.zhaoForm(page, stance: "supporter"))
            #expect(saved.status == .seeOther)
            let (during, newState) = try await openPage(client, "/north-steel.html?saved=1", cookie: page.cookie)
            let newHash = try #require(newState?.hash)
            #expect(newHash != page.hash)
            // Not waiting for Graphviz: the old diagram, a notice, and the address to poll.
            #expect(during.text.contains("zhao-is-neutral"))
            #expect(during.text.contains(#"data-diagram-poll="/north-steel/diagram?hash=\#(newHash)""#))
            // The panel already shows the new version.
            #expect(during.text.contains(#"<option value="supporter" selected>"#))
            let drawing = try await client.execute(
                uri: "/north-steel/diagram?hash=\(newHash)", method: .get, headers: [.cookie: page.cookie])
            #expect(drawing.status == .accepted)

            gate.open()
            var status = HTTPResponse.Status.accepted
            for _ in 0..<500 where status == .accepted {
                try await Task.sleep(nanoseconds: 10_000_000)
                status = try await client.execute(
                    uri: "/north-steel/diagram?hash=\(newHash)", method: .get, headers: [.cookie: page.cookie]
                ).status
            }
            #expect(status == .ok)
            let (after, _) = try await openPage(client, "/north-steel.html", cookie: page.cookie)
            #expect(after.text.contains("zhao-is-supporter"))
            #expect(!after.text.contains("zhao-is-neutral"))
            #expect(!after.text.contains("data-diagram-poll"))
            let unknown = try await client.execute(
                uri: "/north-steel/diagram?hash=00", method: .get, headers: [.cookie: page.cookie])
            #expect(unknown.status == .notFound)
        }
    }

    @Test func thePortfolioShowsAChangeAnotherToolMade() async throws {
        let folder = try servedFolder(["north-steel", "harbor-retail"])
        let path = "\(folder)/north-steel.yaml"
        try await serveApp(folder).test(.router) { client in
            let before = try await client.execute(uri: "/", method: .get)
            #expect(before.text.contains("华北钢铁集团"))
            try read(path).replacingOccurrences(of: "name: 华北钢铁集团", with: "name: 华北钢铁新集团")
                .write(toFile: path, atomically: false, encoding: .utf8)
            let after = try await client.execute(uri: "/", method: .get)
            #expect(after.text.contains("华北钢铁新集团"))
        }
    }

    @Test func aFileIsParsedAgainOnlyWhenItsBytesChanged() throws {
        let folder = try servedFolder(["north-steel", "harbor-retail"])
        let path = "\(folder)/north-steel.yaml"
        let cache = FileCache(settle: 0.2)
        let options = LoadOptions(today: Day(iso: "2026-12-01")!)
        func zhao(_ scanned: [(path: String, version: FileCache.Version, file: LoadedFile)]) -> Stance? {
            scanned.first { $0.path == path }?.file.account?.people.first { $0.id == "zhao" }?.stance
        }
        #expect(zhao(try cache.scan(folder, options: options)) == .neutral)
        #expect(cache.parses == 2 && cache.reads == 2)
        // Just written files are read (and hashed) again until they have settled, but
        // not parsed again while their bytes are the same.
        Thread.sleep(forTimeInterval: 0.4)
        _ = try cache.scan(folder, options: options)
        #expect(cache.parses == 2 && cache.reads == 4)
        // Settled and unchanged: stat alone vouches for them.
        _ = try cache.scan(folder, options: options)
        #expect(cache.parses == 2 && cache.reads == 4)

        // Another tool rewrites one in place, same size, and puts its modification time back.
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        let text = read(path).replacingOccurrences(
            of: "    stance: neutral\n    influence: 5\n    reports_to: null\n    notes: 只看",
            with: "    stance: skeptic\n    influence: 5\n    reports_to: null\n    notes: 只看")
        #expect(text.utf8.count == read(path).utf8.count && text != read(path))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        #expect(zhao(try cache.scan(folder, options: options)) == .skeptic)
        #expect(cache.parses == 3 && cache.reads == 5)
    }
}
