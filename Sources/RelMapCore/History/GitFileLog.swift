import Foundation

/// Every committed version of one file, read with two git processes whatever the number
/// of versions: one `git log` lists the commits and the file's blob in each, one
/// `git cat-file --batch` prints all the blobs (docs/history.md, "How it reads git").
public enum GitFileLog {
    /// The commits that changed the file at `path`, newest first, following renames.
    /// Only the first-parent line of the checked-out branch: a merged branch counts as
    /// its merge commit, so each version follows from the one before it, as a trend
    /// should. `limit` keeps only the newest that many.
    public static func commits(of path: String, limit: Int? = nil) throws(GitHistoryError) -> [FileCommit] {
        let file = URL(fileURLWithPath: path)
        let folder = file.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else { throw .notInRepository(path) }
        // --literal-pathspecs: a file named ":(glob)*" is a file name, not pathspec magic.
        // log.showSignature would add GPG text to the output; --no-color, --no-abbrev and
        // -z fix the output's shape whatever the user's configuration.
        var arguments = [
            "--literal-pathspecs", "-c", "log.showSignature=false", "log", "--first-parent", "--follow", "--raw",
            "--no-abbrev", "--no-color", "-z", "--format=%H%x00%aI%x00%an%x00%s",
        ]
        if let limit { arguments.append("--max-count=\(max(limit, 1))") }
        arguments += ["--", file.lastPathComponent]
        let listed = try GitHistory.run(arguments, in: folder)
        guard listed.status == 0 else {
            let says = String(decoding: listed.err, as: UTF8.self)
            if says.contains("not a git repository") { throw .notInRepository(path) }
            throw .cannotRun(
                says.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "fatal: ", with: ""))
        }
        let commits = parse(listed.out)
        if commits.isEmpty { throw .noCommits(path) }
        return commits
    }

    /// The bytes of each commit's version of the file, in the commits' order; nil for a
    /// commit that deleted the file or a blob git cannot find.
    public static func contents(of commits: [FileCommit], in folder: String) throws(GitHistoryError) -> [Data?] {
        let wanted = commits.compactMap(\.object)
        guard !wanted.isEmpty else { return commits.map { _ in nil } }
        let printed = try GitHistory.run(
            ["cat-file", "--batch"], in: folder,
            input: Data(wanted.map { $0 + "\n" }.joined().utf8))
        guard printed.status == 0 else {
            throw .cannotRun(
                String(decoding: printed.err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let blobs = splitBatch(printed.out, count: wanted.count)
        var next = 0
        return commits.map { commit in
            guard commit.object != nil else { return nil }
            defer { next += 1 }
            return next < blobs.count ? blobs[next] : nil
        }
    }

    /// Reads `git log -z --raw --format=%H%x00%aI%x00%an%x00%s`: per commit four
    /// NUL-ended fields, then for each changed path a `:mode mode blob blob status`
    /// field and one path (two for a rename or copy: old, new).
    static func parse(_ output: Data) -> [FileCommit] {
        let fields = output.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var commits: [FileCommit] = []
        // The file's path in the commits older than the last one read: the old name
        // after a rename. A merge lists no raw entry and holds the file there.
        var olderPath: String?
        var i = 0
        while i + 3 < fields.count {
            let hash = fields[i].trimmingCharacters(in: .newlines)
            let date = fields[i + 1], author = fields[i + 2], subject = fields[i + 3]
            i += 4
            var path: String?, object: String?
            // Raw entries begin with ':' (after the newline that ends the header).
            while i < fields.count, fields[i].trimmingCharacters(in: .newlines).hasPrefix(":") {
                let raw = fields[i].trimmingCharacters(in: .newlines).split(separator: " ")
                let status = raw.last.map(String.init) ?? ""
                let renamed = status.hasPrefix("R") || status.hasPrefix("C")
                let paths = renamed ? 2 : 1
                if i + paths < fields.count, path == nil {
                    path = fields[i + paths]
                    olderPath = fields[i + 1]
                    let blob = raw.count >= 4 ? String(raw[3]) : ""
                    object = blob.allSatisfy { $0 == "0" } ? nil : blob
                }
                i += 1 + paths
            }
            guard !hash.isEmpty, let day = Day(iso: String(date.prefix(10))) else { continue }
            if path == nil, let olderPath {
                path = olderPath
                object = "\(hash):\(olderPath)"
            }
            guard let path else { continue }
            commits.append(
                FileCommit(
                    hash: hash, authorDate: date, day: day, author: author, subject: subject,
                    path: path, object: object))
        }
        return commits
    }

    /// Splits `cat-file --batch` output: `<oid> blob <size>\n<bytes>\n` per object, or
    /// `<name> missing\n`.
    static func splitBatch(_ output: Data, count: Int) -> [Data?] {
        var out: [Data?] = []
        var at = output.startIndex
        while out.count < count, at < output.endIndex {
            guard let newline = output[at...].firstIndex(of: 10) else { break }
            let header = String(decoding: output[at..<newline], as: UTF8.self).split(separator: " ")
            at = output.index(after: newline)
            guard header.count == 3, let size = Int(header[2]), size >= 0,
                output.distance(from: at, to: output.endIndex) >= size
            else { out.append(nil); continue }
            let end = output.index(at, offsetBy: size)
            out.append(Data(output[at..<end]))
            at = end < output.endIndex ? output.index(after: end) : end
        }
        return out
    }
}
