import ArgumentParser
import Foundation
import RelMapCore

/// Why a command stops: the sentence the user reads and the exit code a script reads.
/// Commands throw it and `RelMapCommand.main` prints it, once, as `relmap: MESSAGE`
/// (what ArgumentParser's `MessageInfo` does for its own errors). A usage mistake found
/// while parsing stays a `ValidationError`, printed by ArgumentParser with the usage line.
struct CommandFailure: Error {
    /// The sentence, without the `relmap: ` prefix; nil when everything is already told
    /// (each diagnostic, or the list of accounts without a diagram).
    var message: String?
    var exitCode: ExitCode

    init(_ exitCode: ExitCode, _ message: String? = nil) {
        self.exitCode = exitCode
        self.message = message
    }

    /// 64: a flag's value does not fit the accounts (an unknown id), found after loading.
    static func usage(_ message: String) -> CommandFailure { CommandFailure(.validationFailure, message) }
    /// 65: an account file has an error, or is past a limit.
    static func dataError(_ message: String? = nil) -> CommandFailure { CommandFailure(.dataError, message) }
    /// 66: an input is missing or unreadable.
    static func noInput(_ message: String) -> CommandFailure { CommandFailure(.noInput, message) }
    /// 70: relmap or Graphviz failed on good input.
    static func internalError(_ message: String) -> CommandFailure { CommandFailure(.internalError, message) }
    /// 73: an output cannot be written.
    static func cannotCreate(_ message: String) -> CommandFailure { CommandFailure(.cannotCreate, message) }

    /// An account file (or the schema) not saved, exit 73; the flag that would replace
    /// the file is the CLI's to name.
    init(_ error: AccountFileSaveError) {
        switch error {
        case .exists(let path):
            self.init(.cannotCreate, "\(path): already exists; relmap never overwrites a file without --force")
        case .output(.notOurs(let path)):
            self.init(
                .cannotCreate,
                "\(path): exists and was not written by relmap; "
                    + "even with --force relmap replaces only files it wrote, so remove it or choose another name")
        case .output:
            self.init(.cannotCreate, error.description)
        }
    }

    /// `relmap: MESSAGE` and a line break, or nothing; the message is made safe for a
    /// terminal here, so no caller has to remember to.
    var text: String { message.map(Terminal.told) ?? "" }
}
