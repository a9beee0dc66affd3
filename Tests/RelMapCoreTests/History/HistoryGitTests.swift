import Foundation
import Testing
@testable import RelMapCore

/// A git repository made for one test with real git: commits get the author, date and
/// subject the test gives, so their order and days are fixed. Removed afterwards.
final class HistoryRepo {
    static let git: String? = ["/usr/bin/git", "/usr/local/bin/git"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "relmap-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try run("init", "-q")
        try run("config", "user.name", "测试")
        try run("config", "user.email", "test@example.com")
        try run("config", "commit.gpgsign", "false")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` (folders made as needed).
    func write(_ text: String, to name: String) throws {
        let url = URL(fileURLWithPath: file(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// Commits everything as `author` on `day` at 10:00 in UTC+8.
    func commit(_ subject: String, on day: String, author: String = "王磊") throws {
        try run("add", "-A")
        let date = "\(day)T10:00:00+08:00"
        try run(
            "-c", "user.name=\(author)", "commit", "-q", "-m", subject,
            environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
    }

    func run(_ arguments: String..., environment: [String: String] = [:]) throws {
        let git = try #require(Self.git, "git is needed for this test")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: git)
        p.arguments = ["-C", path] + arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "git \(arguments)")
    }

    /// Five commits of one account: a stance moves, a broken edit, a person added, the
    /// file renamed, a person removed and another stance moved.
    static func story() throws -> HistoryRepo {
        let repo = try HistoryRepo()
        let zhao = "  - {id: zhao, name: 赵总, department: 总经办, roles: [decision-maker], stance: neutral}"
        let qian = "  - {id: qian, name: 钱部长, department: 设备部, reports_to: zhao, stance: skeptic}"
        let xu = "  - {id: xu, name: 许秘书, department: 总经办, reports_to: zhao, stance: supporter}"
        let sun = "  - {id: sun, name: 孙工, department: 设备部, reports_to: qian, stance: unknown}"
        func text(
            _ people: [String], header: String = "  id: tiny\n  name: 小钢厂\n  as_of: 2026-09-01",
            contact: String = "xu"
        ) -> String {
            account(
                header: header, people: people.joined(separator: "\n"),
                rest: "contacts:\n  - {member: wang, person: \(contact), strength: strong, last: 2026-08-20}")
        }
        try repo.write(text([zhao, qian, xu]), to: "graphs/tiny.yaml")
        try repo.commit("start the map", on: "2026-09-01")
        let warmer = qian.replacingOccurrences(of: "skeptic", with: "supporter")
        try repo.write(text([zhao, warmer, xu]), to: "graphs/tiny.yaml")
        try repo.commit("钱部长 came round after the demo", on: "2026-09-15")
        try repo.write(
            text([zhao, warmer.replacingOccurrences(of: "supporter", with: "maybe"), xu]), to: "graphs/tiny.yaml")
        try repo.commit("half-done edit", on: "2026-10-01")
        // No as_of: the version describes its commit's day, not the day the test runs.
        try repo.write(text([zhao, warmer, xu, sun], header: "  id: tiny\n  name: 小钢厂"), to: "graphs/tiny.yaml")
        try repo.commit("add 孙工", on: "2026-10-02")
        try repo.run("mv", "graphs/tiny.yaml", "graphs/xiao-gang.yaml")
        try repo.commit("rename the file", on: "2026-10-20")
        let champion = zhao.replacingOccurrences(of: "neutral", with: "champion")
        try repo.write(text([champion, warmer, sun], contact: "qian"), to: "graphs/xiao-gang.yaml")
        try repo.commit(
            #"=HYPERLINK("x") <script>alert(1)</script> & "q", 'a'"#, on: "2026-11-01", author: #"Eve, "the" =cmd"#)
        return repo
    }
}

@Suite(.enabled(if: HistoryRepo.git != nil, "needs git"))
struct HistoryGitTests {
    @Test func everyCommitIsAVersionOldestFirstFollowingTheRename() throws {
        let repo = try HistoryRepo.story()
        let h = try AccountHistory.read(repo.file("graphs/xiao-gang.yaml"))
        #expect(
            h.entries.map(\.commit.day.iso) == [
                "2026-09-01", "2026-09-15", "2026-10-01", "2026-10-02", "2026-10-20", "2026-11-01",
            ])
        #expect(
            h.entries.map(\.commit.path) == [
                "graphs/tiny.yaml", "graphs/tiny.yaml", "graphs/tiny.yaml", "graphs/tiny.yaml",
                "graphs/xiao-gang.yaml", "graphs/xiao-gang.yaml",
            ])
        #expect(h.entries.map(\.commit.author) == ["王磊", "王磊", "王磊", "王磊", "王磊", #"Eve, "the" =cmd"#])
        #expect(h.entries[1].commit.subject == "钱部长 came round after the demo")
        #expect(h.entries.map { $0.snapshot?.people } == [3, 3, nil, 4, 4, 3])
    }

    @Test func aVersionThatDoesNotLoadIsSkippedWithItsFirstError() throws {
        let repo = try HistoryRepo.story()
        let h = try AccountHistory.read(repo.file("graphs/xiao-gang.yaml"))
        #expect(h.skipped.map(\.commit.subject) == ["half-done edit"])
        let problem = try #require(h.entries[2].problem)
        #expect(problem.hasPrefix("line 10: people[1].stance: 'maybe' is not a stance"), "\(problem)")
        // The next version is compared with the last one that loaded.
        #expect(h.entries[3].changes?.added.map(\.id) == ["sun"])
        #expect(h.entries[3].changes?.stances.isEmpty == true)
    }

    @Test func changesNameWhoJoinedLeftAndMoved() throws {
        let repo = try HistoryRepo.story()
        let h = try AccountHistory.read(repo.file("graphs/xiao-gang.yaml"))
        #expect(h.entries[0].changes == nil)
        let warmed = try #require(h.entries[1].changes)
        #expect(
            warmed.stances.map { "\($0.id) \($0.from.rawValue)>\($0.to.rawValue) \($0.direction.rawValue)" } == [
                "qian skeptic>supporter up"
            ])
        #expect(h.entries[4].changes?.isEmpty == true)
        let last = try #require(h.entries[5].changes)
        #expect(last.removed.map(\.name) == ["许秘书"])
        #expect(last.stances.map(\.id) == ["zhao"])
        // Support rose when qian came round; the file without as_of describes its commit's day.
        let support = h.entries.map { $0.snapshot?.shares.support ?? -1 }
        #expect(support[1] > support[0])
        #expect(h.entries[3].snapshot?.asOf.iso == "2026-10-02")
        #expect(h.entries[0].snapshot?.gaps != nil)
    }

    @Test func sinceCutsByAuthorDayAndComparesWithTheVersionBefore() throws {
        let repo = try HistoryRepo.story()
        let h = try AccountHistory.read(
            repo.file("graphs/xiao-gang.yaml"), options: HistoryOptions(since: Day(iso: "2026-10-02")))
        #expect(h.entries.map(\.commit.day.iso) == ["2026-10-02", "2026-10-20", "2026-11-01"])
        #expect(h.entries[0].changes?.added.map(\.id) == ["sun"])
        let none = try AccountHistory.read(
            repo.file("graphs/xiao-gang.yaml"), options: HistoryOptions(since: Day(iso: "2027-01-01")))
        #expect(none.entries.isEmpty)
    }

    @Test func aLimitKeepsTheNewestVersions() throws {
        let repo = try HistoryRepo.story()
        let h = try AccountHistory.read(repo.file("graphs/xiao-gang.yaml"), options: HistoryOptions(limit: 2))
        #expect(h.entries.map(\.commit.day.iso) == ["2026-10-20", "2026-11-01"])
        #expect(h.entries[0].changes == nil)
    }

    @Test func aMergedBranchIsOneVersionOnTheMainLine() throws {
        let repo = try HistoryRepo()
        let people = { (zhao: String, qian: String) in
            "  - {id: zhao, name: 赵总, roles: [decision-maker], stance: \(zhao)}\n\n\n\n  - {id: qian, name: 钱部长, stance: \(qian)}"
        }
        try repo.write(account(people: people("neutral", "skeptic"), rest: ""), to: "a.yaml")
        try repo.commit("one", on: "2026-09-01")
        try repo.run("checkout", "-q", "-b", "side")
        try repo.write(account(people: people("supporter", "skeptic"), rest: ""), to: "a.yaml")
        try repo.commit("side", on: "2026-09-02")
        try repo.run("checkout", "-q", "-")
        try repo.write(account(people: people("neutral", "blocker"), rest: ""), to: "a.yaml")
        try repo.commit("main", on: "2026-09-03")
        try repo.run(
            "merge", "-q", "--no-edit", "side",
            environment: [
                "GIT_AUTHOR_DATE": "2026-09-04T10:00:00+08:00",
                "GIT_COMMITTER_DATE": "2026-09-04T10:00:00+08:00",
            ])
        let h = try AccountHistory.read(repo.file("a.yaml"))
        #expect(h.entries.map(\.commit.day.iso) == ["2026-09-01", "2026-09-03", "2026-09-04"])
        #expect(h.entries[2].changes?.stances.map { "\($0.id) \($0.to.rawValue)" } == ["zhao supporter"])
    }

    @Test func aFileOutsideGitOrNeverCommittedIsAnError() throws {
        let repo = try HistoryRepo.story()
        try repo.write("relmap: 1\n", to: "graphs/new.yaml")
        #expect(throws: GitHistoryError.noCommits(repo.file("graphs/new.yaml"))) {
            try AccountHistory.read(repo.file("graphs/new.yaml"))
        }
        let outside = NSTemporaryDirectory() + "relmap-history-outside-\(UUID().uuidString).yaml"
        #expect(throws: GitHistoryError.notInRepository(outside)) { try AccountHistory.read(outside) }
    }

    @Test func theSameRepositoryGivesTheSameBytes() throws {
        let repo = try HistoryRepo.story()
        let a = try HistoryDocument(AccountHistory.read(repo.file("graphs/xiao-gang.yaml"))).encoded()
        let b = try HistoryDocument(AccountHistory.read(repo.file("graphs/xiao-gang.yaml"))).encoded()
        #expect(a == b)
        #expect(String(decoding: a, as: UTF8.self).contains(#""schema" : "relmap.history/1""#))
    }
}
