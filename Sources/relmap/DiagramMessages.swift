import ArgumentParser
import RelMapCore
import RelMapDrawing

/// What `render` and `report` say about the diagrams `DiagramPipeline` drew, in the same
/// words for both.
extension DiagramOutcome {
    /// The warnings for a diagram that was drawn, but not quite as asked: with another
    /// layout (too many people for dot), or with a fallback. One line each.
    func warnings(for account: Account) -> [String] {
        var lines: [String] = []
        if let warning = layout?.warning { lines.append("relmap: warning: \(account.fileForMessages): \(warning)\n") }
        if case .success(let diagram) = drawing, let fallback = diagram.fallback {
            lines.append(
                "relmap: warning: \(account.fileForMessages): Graphviz could not draw the diagram of "
                    + "\(DisplayWidth.terminalSafe(account.id)) as designed; drew it \(fallback.summary)\n")
        }
        return lines
    }
}

extension DrawingFailure {
    /// 65 when the input is past a limit or asks for what it has not, 70 when Graphviz
    /// failed on DOT that is ours (a bug of ours or of the installation).
    var exitCode: ExitCode { isTheInputs ? .dataError : .internalError }
}

/// The accounts left without a diagram, listed once every other one is done, and the exit
/// code they make.
struct Undrawn {
    private var lines: [String] = []
    /// A limit (65) is the user's to change first; else Graphviz failed (70).
    private(set) var exitCode: ExitCode?

    var count: Int { lines.count }

    mutating func add(_ account: Account, _ reason: String, code: ExitCode) {
        lines.append(
            "  \(DisplayWidth.terminalSafe(account.id)) (\(account.fileForMessages)): "
                + DisplayWidth.terminalSafe(firstLine(reason)))
        if exitCode != .dataError { exitCode = code }
    }

    /// Lists them, when there are any among more than one account (one account's failure
    /// is already told; the list is for finding them among many). `note` follows the count.
    func tell(among accounts: Int, note: String = "") {
        guard !lines.isEmpty, accounts > 1 else { return }
        Terminal.err(
            "relmap: \(lines.count) of \(count: accounts, "account") have no diagram\(note):\n"
                + lines.joined(separator: "\n") + "\n")
    }
}

/// The first line of a message, for a list of one line per account.
func firstLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
}

extension Terminal {
    /// `text` (Graphviz's messages, one per line) as lines of stderr: the first after
    /// `prefix`, the others indented under it, each made safe on its own, so a line break
    /// stays a line break instead of becoming a replacement character.
    static func safeLines(_ prefix: String, _ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { DisplayWidth.terminalSafe(String($0)) }
        guard let first = lines.first else { return prefix + "\n" }
        return ([prefix + first] + lines.dropFirst().map { "    " + $0 }).joined(separator: "\n") + "\n"
    }
}

extension Account {
    /// The account's file, for messages that must name it.
    var fileForMessages: String {
        DisplayWidth.terminalSafe(location?.file ?? id)
    }
}
