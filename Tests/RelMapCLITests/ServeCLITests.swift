import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RelMapCore
import Testing

/// `relmap serve` as a user starts it: refusals, the URL it prints, a stop on SIGTERM,
/// and a real browser (headless Chromium through Selenium) editing an account.
struct ServeCLITests {
    /// A fresh folder holding copies of the samples.
    static func samples() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relmap-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: CLI.repo.appendingPathComponent("graphs").path)
        where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(
                at: CLI.repo.appendingPathComponent("graphs/\(name)"), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// A GET through Foundation's HTTP client; the body and the status.
    static func get(_ url: URL) throws -> (Data, Int) {
        final class Box: @unchecked Sendable { var data = Data(); var status = 0; var error: Error? }
        let box = Box(), done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: url) { data, response, error in
            box.data = data ?? Data()
            box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            box.error = error
            done.signal()
        }.resume()
        done.wait()
        if let error = box.error { throw error }
        return (box.data, box.status)
    }

    @Test func refusesToServeBeyondLoopbackWithoutAToken() throws {
        let result = try CLI.run(
            ["serve", "graphs", "--host", "0.0.0.0", "--port", "0"], environment: ["RELMAP_TOKEN": ""])
        #expect(result.status == 64)
        #expect(result.stderr.contains("without a token"))
        let missing = try CLI.run(["serve", "no-such-folder"])
        #expect(missing.status == 66)
    }

    @Test func printsItsURLAnswersAndStopsOnSIGTERM() throws {
        let executable = try #require(CLI.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "graphs", "--port", "0"]
        process.currentDirectoryURL = CLI.repo
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("relmap serve: http://127.0.0.1:"))
        let url = try #require(text.split(separator: " ").dropFirst(2).first.flatMap { URL(string: String($0)) })
        let (page, status) = try Self.get(url)
        #expect(status == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("华北钢铁集团"))
        // DNS rebinding: a request that names another host is not answered with data.
        let rebound = Process()
        rebound.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        rebound.arguments = [
            "python3", "-c",
            """
            import http.client, sys
            c = http.client.HTTPConnection("127.0.0.1", \(url.port ?? 0)); c.request("GET", "/north-steel.html", headers={"Host": "evil.example"})
            r = c.getresponse(); body = r.read().decode(); print(r.status, "华北" in body)
            """,
        ]
        let reboundOut = Pipe()
        rebound.standardOutput = reboundOut
        try rebound.run()
        let answer = String(decoding: reboundOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        rebound.waitUntilExit()
        #expect(answer == "421 False\n")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}

/// Whether the real-browser test can run here: Chromium, chromedriver and Python's selenium.
enum ServeBrowser {
    static let available: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
            ReportBrowserTests.chromium != nil
        else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import selenium"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()
}

struct ServeBrowserTests {
    @Test(
        .enabled(
            if: ServeBrowser.available,
            "needs chromium, chromedriver and Python's selenium (scripts/setup installs them)"))
    func aUserChangesAStanceInTheBrowserAndTheFileChanges() throws {
        let folder = try ServeCLITests.samples()
        let path = folder.appendingPathComponent("north-steel.yaml").path
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let executable = try #require(CLI.executable)
        var arguments = [
            "python3", "scripts/serve_browser_test.py", "--relmap", executable.path, "--folder", folder.path,
        ]
        if let shots = ProcessInfo.processInfo.environment["RELMAP_SERVE_SCREENSHOTS"] {
            arguments += ["--screenshots", shots]
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.currentDirectoryURL = CLI.repo
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(said)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        // zhao's stance (first browser), wu-zg's (second, after the conflict page) and su's
        // (saved from the what-if) changed, and gu was added; nothing else moved.
        #expect(
            after.contains(
                "  - id: zhao\n    name: 赵建国\n    title: 总经理\n    department: 总经办\n    level: 1\n    roles: [decision-maker, economic-buyer]\n    stance: supporter\n"
            ))
        #expect(
            after.contains(
                "    roles: [economic-buyer, gatekeeper]\n    stance: neutral\n    influence: 4\n    reports_to: zhou-fz\n    notes: 与竞争对手"
            ))
        #expect(
            after.contains(
                "  - id: gu\n    name: 顾明\n    department: 财务部\n    stance: supporter\n    reports_to: zheng\n"))
        let diff = LineDiff(old: before, new: after)
        #expect(diff.removedCount == 3)
        #expect(diff.addedCount == 3 + 5)
        #expect(
            after.components(separatedBy: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
                == before.components(separatedBy: "\n").filter {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
                })
    }
}
