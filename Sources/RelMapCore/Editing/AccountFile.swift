import Crypto
import Foundation

/// An account file as read for editing: its text and the SHA-256 of its bytes, so that
/// a later write can tell whether someone else changed the file in between.
public struct AccountFileSnapshot: Sendable, Hashable {
    /// Where the file was read, as given.
    public var path: String
    /// The whole file, byte order mark included when it has one.
    public var text: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var hash: String

    /// Reads the file at `path`. A file that is not UTF-8 is refused with the loader's
    /// own finding.
    public static func read(_ path: String, options: LoadOptions) throws(EditError) -> AccountFileSnapshot {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "\(error.localizedDescription)" : "no such file"
            throw .unreadable(path, reason: reason)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalidFile(AccountLoader.load(data: data, path: path, options: options).diagnostics)
        }
        return AccountFileSnapshot(path: path, text: text, hash: ContentHash.sha256(data))
    }
}

/// Writes edited account files over themselves, never over someone else's change.
public enum AccountFile {
    /// Applies `edits` to the file at `path` and, unless `dryRun`, writes the result
    /// over it; returns the snapshot read and the result. Nothing is written when no
    /// edit changes anything.
    public static func edit(
        _ path: String, _ edits: [AccountEdit], options: LoadOptions,
        dryRun: Bool = false
    ) throws(EditError) -> (before: AccountFileSnapshot, result: EditResult) {
        let snapshot = try AccountFileSnapshot.read(path, options: options)
        let result = try AccountEditor.apply(edits, to: snapshot.text, path: path, options: options)
        if !dryRun, result.text != snapshot.text { try write(result.text, over: snapshot) }
        return (snapshot, result)
    }

    /// Writes `text` at `snapshot.path` atomically (temporary file, fsync, rename; the
    /// file's permissions kept), only if the file's bytes still hash to `snapshot.hash`;
    /// otherwise throws `changedOnDisk` and writes nothing. The hash is read again just
    /// before the rename; a writer racing inside that window of microseconds is not
    /// detected (docs/editing.md).
    public static func write(_ text: String, over snapshot: AccountFileSnapshot) throws(EditError) {
        try write(text, to: snapshot.path, expectingHash: snapshot.hash)
    }

    /// As `write(_:over:)`, for a caller that kept only the path and the hash (a web page
    /// carrying the hash it was made from).
    public static func write(_ text: String, to path: String, expectingHash hash: String) throws(EditError) {
        guard let current = FileManager.default.contents(atPath: path) else {
            throw .changedOnDisk(path)
        }
        guard ContentHash.sha256(current) == hash else { throw .changedOnDisk(path) }
        do { try OutputFile.replace(path, with: Data(text.utf8)) } catch { throw .cannotWrite(error) }
    }
}

/// Content hashes of files, as the edit engine compares them.
public enum ContentHash {
    /// Lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
