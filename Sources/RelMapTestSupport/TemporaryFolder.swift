import Foundation

/// A fresh folder under the system's temporary folder for one test, removed with its
/// contents when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    // @unchecked: `path` and `url` never change after init; the folder is the test's own.
    public let path: String
    public var url: URL { URL(fileURLWithPath: path) }

    /// `prefix` starts the folder's name, so a folder left by a killed run says which tests made it.
    public init(prefix: String = "relmap-test") {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { path + "/" + name }

    /// The path of `name` inside the folder (the name OutputFile tests use).
    public func file(_ name: String) -> String { path(name) }

    /// Writes `text` as UTF-8 to `name` and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let file = path(name)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }

    /// Writes `text` as UTF-8 to `name` and returns its path; throws when it cannot.
    @discardableResult
    public func write(_ text: String, as name: String) throws -> String {
        let file = path(name)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    /// Writes `text` to `name`; throws when it cannot.
    public func put(_ text: String, _ name: String) throws { try write(text, as: name) }

    /// The text of `name`, nil when there is no such file.
    public func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of `name`, nil when there is no such file.
    public func contents(_ name: String) -> String? { read(name) }

    /// The bytes of `name`, nil when there is no such file.
    public func data(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    /// The names in the folder, sorted.
    public func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}
