import Foundation
import RelMapCore
import RelMapGraphviz

/// Paths inside the repository, and the built `relmap`, which serves as the Graphviz worker
/// (`GraphvizWorker`): the pipeline is tested with the child processes the CLI uses.
enum Drawing {
    static let repo: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let options = LoadOptions(today: Day(iso: "2026-11-20")!)

    /// The built `relmap` beside the test bundle, else in the default build folder.
    static func worker() throws -> GraphvizWorker {
        let candidates = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            repo.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("relmap").path }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.joined(separator: ", ")])
        }
        return GraphvizWorker(executable: found)
    }

    /// The account of a file in the repository (`graphs/north-steel.yaml`).
    static func account(_ relative: String) throws -> Account {
        let loaded = AccountLoader.load(file: repo.appendingPathComponent(relative).path, options: options)
        guard let account = loaded.account else { throw CocoaError(.fileReadCorruptFile) }
        return account
    }

    /// Every sample account in graphs/, in file order.
    static func samples() throws -> [Account] {
        try AccountLoader.load(paths: [repo.appendingPathComponent("graphs").path], options: options).accounts
    }

    /// Accounts on which Graphviz 2.43's dot fails (Tests/RelMapCLITests/Fixtures/fallback).
    static let aborts = "Tests/RelMapCLITests/Fixtures/fallback/synthetic-3-aborts.yaml"
    static let loops = "Tests/RelMapCLITests/Fixtures/fallback/synthetic-105-loops.yaml"
    static let routing = "Tests/RelMapCLITests/Fixtures/fallback/synthetic-50-routesplines.yaml"
}
