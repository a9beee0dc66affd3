import Foundation

/// Paths inside the repository, found from this file so tests run from any folder.
public enum Repo {
    /// The repository's root: this file is Sources/RelMapTestSupport/Repo.swift.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `relative` (e.g. "graphs/north-steel.yaml") from the root.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A file of Tests/RelMapCoreTests/Fixtures, which every test target reads.
    public static func fixture(_ name: String) -> String { path("Tests/RelMapCoreTests/Fixtures/\(name)") }
}
