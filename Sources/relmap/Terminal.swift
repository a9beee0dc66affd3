import Foundation
import RelMapCore

/// Where text goes and whether it may be coloured: colour only on a terminal and only
/// when NO_COLOR is unset (no-color.org).
enum Terminal {
    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    static var colourOnStdout: Bool { isTTY(STDOUT_FILENO) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
    static var colourOnStderr: Bool { isTTY(STDERR_FILENO) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    /// The width of the terminal standard output goes to, in columns; nil when it is not
    /// a terminal (a file or a pipe gets whole lines). `COLUMNS` first, as `ls` reads it.
    static var stdoutWidth: Int? {
        guard isTTY(STDOUT_FILENO) else { return nil }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Bytes as they are (a JSON document's), without a copy into a `String` and back.
    static func write(_ bytes: Data) {
        FileHandle.standardOutput.write(bytes)
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `relmap: MESSAGE` and a line break, the message made safe for a terminal: how each
    /// message of relmap's own begins (diagnostics have theirs, `format`). One line.
    static func told(_ message: String) -> String {
        "relmap: " + DisplayWidth.terminalSafe(message) + "\n"
    }

    /// Tells something on stderr and goes on (a warning, files left out); an error that
    /// stops the command is thrown as a `CommandFailure` instead.
    static func tell(_ message: String) { err(told(message)) }

    /// `relmap: warning: MESSAGE`.
    static func warn(_ message: String) { tell("warning: " + message) }

    static func paint(_ text: String, _ code: String, when enabled: Bool) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
