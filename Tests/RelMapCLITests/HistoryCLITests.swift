import Foundation
import Testing

/// `relmap history` and the report's trend chart, run as a user runs them, on a git
/// repository built with real git in each test.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
struct HistoryCLITests {
    static let hostileSubject = #"=HYPERLINK("x") <script>alert(1)</script> & "q", 'a'"#
    static let hostileAuthor = #"Eve, "the" =cmd"#

    /// A repository holding graphs/north-steel.yaml over four commits: the sample, two
    /// stances moved, a broken edit, then the file renamed and fixed in a commit with a
    /// hostile subject and author.
    final class Repo {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "relmap-history-cli-" + UUID().uuidString)
        deinit { try? FileManager.default.removeItem(at: url) }

        func git(_ args: String..., date: String? = nil, author: String = "王磊") throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            p.arguments =
                [
                    "-C", url.path, "-c", "user.name=\(author)", "-c", "user.email=t@example.com", "-c",
                    "commit.gpgsign=false",
                ] + args
            var env = ProcessInfo.processInfo.environment
            if let date {
                env["GIT_AUTHOR_DATE"] = "\(date)T09:30:00+08:00"; env["GIT_COMMITTER_DATE"] = "\(date)T09:30:00+08:00"
            }
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try #require(p.terminationStatus == 0, "git \(args)")
        }

        func write(_ text: String, _ name: String) throws {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: false, encoding: .utf8)
        }

        init() throws {
            let sample = try String(
                contentsOf: CLI.repo.appendingPathComponent("graphs/north-steel.yaml"), encoding: .utf8)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try git("init", "-q")
            try write(sample, "graphs/north-steel.yaml")
            try git("add", "-A")
            try git("commit", "-q", "-m", "map as of the kick-off", date: "2026-08-01")
            let moved = sample.replacingOccurrences(of: "stance: skeptic", with: "stance: supporter")
            try write(moved, "graphs/north-steel.yaml")
            try git("commit", "-q", "-a", "-m", "after the plant visit", date: "2026-09-10")
            try write(moved + "people: []\n", "graphs/north-steel.yaml")
            try git("commit", "-q", "-a", "-m", "pasted twice", date: "2026-10-05")
            try git("mv", "graphs/north-steel.yaml", "graphs/华北钢铁.yaml")
            try write(moved, "graphs/华北钢铁.yaml")
            try git(
                "commit", "-q", "-a", "-m", HistoryCLITests.hostileSubject, date: "2026-11-01",
                author: HistoryCLITests.hostileAuthor)
        }
    }

    @Test func theTableHasOneRowPerCommitAndNamesTheSkippedVersion() throws {
        let repo = try Repo()
        let r = try CLI.run(["history", "graphs/华北钢铁.yaml"], cwd: repo.url)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "华北钢铁集团 (north-steel) · graphs/华北钢铁.yaml · 4 versions, 1 skipped")
        let rows = lines.dropFirst(4).filter { !$0.isEmpty }
        #expect(rows.map { String($0.prefix(10)) } == ["2026-08-01", "2026-09-10", "2026-10-05", "2026-11-01"])
        #expect(rows[0].contains("first version"))
        #expect(rows[1].contains("→supporter"))
        #expect(rows[2].contains("skipped: line "))
        #expect(rows[3].contains("no change to people or stances"))
        #expect(r.stderr.hasPrefix("relmap: skipped 1 version that does not load: "))
        #expect(r.stderr.hasSuffix(" (2026-10-05)\n"))
        // Dates come from the commits, whatever the machine's time zone.
        let elsewhere = try CLI.run(
            ["history", "graphs/华北钢铁.yaml"], environment: ["TZ": "America/Los_Angeles"], cwd: repo.url)
        #expect(elsewhere.stdout == r.stdout)
    }

    @Test func sinceKeepsLaterCommits() throws {
        let repo = try Repo()
        let r = try CLI.run(["history", "graphs/华北钢铁.yaml", "--since", "2026-09-10", "--format", "csv"], cwd: repo.url)
        #expect(r.status == 0)
        let rows = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 4)
        #expect(rows[1].contains(",2026-09-10,"))
        // The first row shown is still compared with the version before it.
        #expect(rows[1].contains(":skeptic>supporter"))
        let bad = try CLI.run(["history", "graphs/华北钢铁.yaml", "--since", "10/09/2026"], cwd: repo.url)
        #expect(bad.status == 64)
        #expect(
            bad.stderr.hasPrefix(
                "Error: The value '10/09/2026' is invalid for '--since <date>': '10/09/2026' is not a date (YYYY-MM-DD)\n"
            ))
    }

    @Test func csvQuotesHostileSubjectsAndAuthors() throws {
        let repo = try Repo()
        let r = try CLI.run(["history", "graphs/华北钢铁.yaml", "--format", "csv"], cwd: repo.url)
        let rows = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            rows[0]
                == "commit,date,author_date,author,subject,path,status,as_of,people,coverage,support,opposition,unknown,critical,high,medium,low,people_added,people_removed,stance_changes,problem"
        )
        #expect(rows.count == 5)
        // Quotes doubled, commas inside quotes, a leading = made inert for spreadsheets.
        #expect(
            rows[4].contains(
                #","Eve, ""the"" =cmd","'=HYPERLINK(""x"") <script>alert(1)</script> & ""q"", 'a'",graphs/华北钢铁.yaml,loaded,"#
            ))
        #expect(rows[3].contains(",graphs/north-steel.yaml,skipped,"))
    }

    @Test func jsonListsEveryVersion() throws {
        let repo = try Repo()
        let r = try CLI.run(["history", "graphs/华北钢铁.yaml", "--format", "json"], cwd: repo.url)
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "relmap.history/1")
        #expect(json["skipped"] as? Int == 1)
        let versions = try #require(json["versions"] as? [[String: Any]])
        #expect(versions.map { $0["loaded"] as? Bool } == [true, true, false, true])
        #expect(versions[3]["subject"] as? String == Self.hostileSubject)
        #expect(versions[3]["author"] as? String == Self.hostileAuthor)
        #expect((versions[2]["problem"] as? String)?.hasPrefix("line ") == true)
        let changes = try #require(versions[1]["changes"] as? [String: Any])
        #expect((changes["stance_changes"] as? [Any])?.isEmpty == false)
    }

    @Test func outsideGitOrNeverCommittedExits66() throws {
        let repo = try Repo()
        try repo.write("relmap: 1\n", "graphs/new.yaml")
        let uncommitted = try CLI.run(["history", "graphs/new.yaml"], cwd: repo.url)
        #expect(uncommitted.status == 66)
        #expect(
            uncommitted.stderr
                == "relmap: no commit in git holds graphs/new.yaml; commit it first (git add, git commit)\n")
        let outside = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "relmap-no-git-\(UUID().uuidString).yaml")
        try "relmap: 1\n".write(to: outside, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        let r = try CLI.run(["history", outside.path])
        #expect(r.status == 66)
        #expect(
            r.stderr
                == "relmap: \(outside.path) is not inside a git repository; relmap history reads the versions git holds\n"
        )
        #expect(r.stdout == "")
    }

    @Test func theReportChartsAFileInGitAndNotOneOutside() throws {
        let repo = try Repo()
        let out = repo.url.appendingPathComponent("out")
        let r = try CLI.run(["report", "graphs", "-o", out.path], cwd: repo.url)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("north-steel.html"), encoding: .utf8)
        #expect(page.contains(#"<h2 id="trend-h">Trend</h2>"#))
        #expect(page.contains("3 committed versions of this file, 2026-08-01 to 2026-11-01"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

        let plain = try CLI.run(["report", "graphs", "-o", out.path, "--no-history"], cwd: repo.url)
        #expect(plain.status == 0)
        #expect(
            !(try String(contentsOf: out.appendingPathComponent("north-steel.html"), encoding: .utf8)).contains("trend")
        )

        let outside = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "relmap-no-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repo.url.appendingPathComponent("graphs/华北钢铁.yaml"),
            to: outside.appendingPathComponent("north-steel.yaml"))
        let copy = try CLI.run(["report", outside.path, "-o", outside.appendingPathComponent("out").path])
        #expect(copy.status == 0)
        #expect(
            !(try String(contentsOf: outside.appendingPathComponent("out/north-steel.html"), encoding: .utf8)).contains(
                "trend"))
    }

    @Test(.enabled(if: ReportBrowserTests.chromium != nil, "needs Chromium"))
    func theChartRendersInABrowserWithNoErrorsAndRunsNoSubject() throws {
        let repo = try Repo()
        let out = repo.url.appendingPathComponent("out")
        #expect(try CLI.run(["report", "graphs", "-o", out.path], cwd: repo.url).status == 0)
        let page = try ReportBrowserTests.open(out.appendingPathComponent("north-steel.html"))
        #expect(page.console == [])
        #expect(page.requests == [])
        let start = try #require(page.dom.range(of: "class=\"trend-chart\""))
        let chart = page.dom[start.lowerBound...]
        let end = try #require(chart.range(of: "</svg>"))
        // Three versions that load (the broken one is left out), three lines each.
        #expect(chart[..<end.lowerBound].components(separatedBy: "<circle").count - 1 == 9)
        #expect(!page.dom.contains("<script>alert"))
        #expect(page.dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
