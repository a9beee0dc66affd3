import ArgumentParser
import Foundation
import RelMapCore

/// The options every editing command (log, set, add, remove) takes.
struct EditOptions: ParsableArguments {
    @Flag(help: "Print the unified diff the edit would write, and write nothing.")
    var dryRun = false

    @Option(
        help: ArgumentHelp("Write only if the file's SHA-256 is still this (hex); else exit 75.", valueName: "sha256"))
    var expectHash: String?

    /// Applies `edits` to `path`, prints what changed (or, with --dry-run, the diff), and
    /// turns every refusal into its message and exit code (docs/editing.md).
    func run(_ path: String, _ edits: [AccountEdit]) throws {
        let options = LoadOptions.commandLine(today: .today)
        do {
            let snapshot = try AccountFileSnapshot.read(path, options: options)
            if let expectHash, expectHash.lowercased() != snapshot.hash { throw EditError.changedOnDisk(path) }
            let result = try AccountEditor.apply(edits, to: snapshot.text, path: path, options: options)
            let changes = result.changes.map { "  " + DisplayWidth.terminalSafe($0.description) + "\n" }.joined()
            if result.changes.isEmpty || result.text == snapshot.text {
                Terminal.err("\(DisplayWidth.terminalSafe(path)): nothing to change; the file already says so\n")
                return
            }
            let count = "\(count: result.changes.count, "change")"
            if dryRun {
                Terminal.out(LineDiff(old: snapshot.text, new: result.text).unified(path: path))
                Terminal.err(
                    "\(DisplayWidth.terminalSafe(path)): would make \(count); nothing written (--dry-run)\n" + changes)
                return
            }
            try AccountFile.write(result.text, over: snapshot)
            Terminal.out("\(DisplayWidth.terminalSafe(path)): \(count)\n" + changes)
        } catch let error as EditError {
            for d in error.diagnostics { Terminal.err(Terminal.format(d)) }
            throw CommandFailure(Self.exitCode(error), error.description + "; nothing was written")
        }
    }

    static func exitCode(_ error: EditError) -> ExitCode {
        switch error {
        case .unreadable: .noInput
        case .notYAML: .validationFailure
        case .invalidFile, .wouldBeInvalid, .notFound, .alreadyExists, .unsupportedLayout: .dataError
        case .changedOnDisk: .changedOnDisk
        case .cannotWrite: .cannotCreate
        }
    }
}

/// `key=value`, split at the first `=`.
func keyValue(_ argument: String) throws -> (key: String, value: String) {
    guard let eq = argument.firstIndex(of: "=") else {
        throw ValidationError("'\(argument)' is not key=value (e.g. stance=supporter)")
    }
    return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
}

/// A person's `key=value`, read once by ArgumentParser (`transform:`).
func personField(_ argument: String) throws -> PersonField {
    let (key, value) = try keyValue(argument)
    do { return try PersonField.parse(key: key, value: value) } catch { throw ValidationError(error.description) }
}

/// A day given on the command line (`--date`, `--since`, `--as-of`, `last=`): exactly YYYY-MM-DD.
func isoDay(_ text: String) throws -> Day {
    guard let day = Day(iso: text) else { throw ValidationError("'\(text)' is not a date (YYYY-MM-DD)") }
    return day
}

/// weak, medium, strong or a number in (0, 1].
func contactStrength(_ text: String) throws -> ContactStrength {
    switch text {
    case "weak": return .weak
    case "medium": return .medium
    case "strong": return .strong
    default:
        guard let x = Double(text), x > 0, x <= 1 else {
            throw ValidationError("strength: '\(text)' is not weak, medium, strong or a number in (0, 1]")
        }
        return .value(x)
    }
}
