import Foundation
import RelMapGraphviz

/// `--commit`: each save becomes a commit of that one file in the folder's repository,
/// made by the real git, so `git log` and `relmap history` show it.
enum GitCommit {
    /// Commits `path`; returns what went wrong, or nil.
    static func commit(path: String, message: String, author: String?) -> String? {
        guard let git = executable() else { return "git is not installed" }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: path).lastPathComponent
        let (who, email) = identity(author)
        let environment = [
            "GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": who, "GIT_COMMITTER_EMAIL": email,
            "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
        ]
        for arguments in [["add", "--", name], ["commit", "--quiet", "--no-verify", "-m", message, "--", name]] {
            let outcome: ChildProcess.Outcome
            do {
                outcome = try ChildProcess.run(
                    "/usr/bin/env", envArguments(environment) + [git, "-C", folder] + arguments,
                    input: Data(), timeLimit: 30)
            } catch {
                return "cannot run git: \(error)"
            }
            guard outcome.status == 0, !outcome.signalled else {
                let said = String(decoding: outcome.stderr + outcome.stdout, as: UTF8.self)
                return "git \(arguments[0]) failed: " + said.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return nil
    }

    /// `Name <email>` or `Name` (then a local address that says where it came from).
    static func identity(_ author: String?) -> (String, String) {
        let text = (author ?? "").trimmingCharacters(in: .whitespaces)
        if let open = text.firstIndex(of: "<"), text.hasSuffix(">") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces)
            let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            if !name.isEmpty, !email.isEmpty { return (name, email) }
        }
        let name = text.isEmpty ? "relmap serve" : text
        return (name, "relmap-serve@localhost")
    }

    private static func envArguments(_ environment: [String: String]) -> [String] {
        environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    private static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
