import Foundation
import Testing
@testable import RelMapCore

/// Work spread over the cores must give exactly what one thread gives, in the same order.
@Suite("parallel map")
struct ParallelMapTests {
    /// Around the chunk count (64) and far past it, every index once, in order.
    @Test(arguments: [0, 1, 2, 63, 64, 65, 1_000, 100_003])
    func givesWhatAPlainMapGives(count: Int) {
        let spread = ParallelMap.map(count) { i in "\(i):\(i &* 2_654_435_761 % 1_000)" }
        #expect(spread == (0..<count).map { i in "\(i):\(i &* 2_654_435_761 % 1_000)" })
    }

    /// The sample accounts, the generated ones and the file with many mistakes, loaded
    /// together: every file in path order, with the account and the diagnostics (errors
    /// with line and column, warnings) it gives when loaded alone.
    @Test func loadingAFolderGivesWhatLoadingEachFileGives() throws {
        let paths = [Repo.path("graphs"), Repo.fixture("generated"), Repo.fixture("invalid")]
        let report = try AccountLoader.load(paths: paths, options: testOptions())
        let files = try AccountLoader.accountFiles(in: paths, options: testOptions())
        #expect(files.count == 16)
        #expect(report.files.map(\.path) == files)
        #expect(report.files.contains { $0.diagnostics.hasErrors })
        #expect(report.files.contains { $0.diagnostics.contains { $0.severity == .warning } })
        for (loaded, path) in zip(report.files, files) {
            let alone = AccountLoader.load(file: path, options: testOptions())
            #expect(loaded.account == alone.account, "\(path)")
            #expect(loaded.diagnostics == alone.diagnostics, "\(path)")
        }
    }
}
