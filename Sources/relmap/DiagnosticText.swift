import Foundation
import RelMapCore

extension Terminal {
    /// `path:line:col: error: [code] message`, with the severity coloured on a terminal;
    /// then, given the file's text, the line with a caret under the column; then each note
    /// as `path:line:col: note: message`, which editors link like the finding itself.
    static func format(_ d: Diagnostic, source: SourceText? = nil) -> String {
        let colour = colourOnStderr
        let safe = DisplayWidth.terminalSafe
        let severity =
            d.severity == .error
            ? paint("error:", "1;31", when: colour) : paint("warning:", "1;33", when: colour)
        var text = "\(safe(d.location.description)): \(severity) [\(d.code.rawValue)] \(safe(d.message))\n"
        if let snippet = source?.snippet(at: d.location) {
            let number = String(snippet.lineNumber)
            let gutter = String(repeating: " ", count: number.count)
            text += " \(number) | \(snippet.text)\n"
            text +=
                " \(gutter) | \(String(repeating: " ", count: snippet.caretOffset))\(paint("^", "1;32", when: colour))\n"
        }
        for note in d.notes {
            text +=
                "\(safe(note.location.description)): \(paint("note:", "1;36", when: colour)) \(safe(note.message))\n"
        }
        return text
    }
}

/// The text of each file findings are printed for, read once, for the lines under them.
/// A file that cannot be read again simply gets no lines.
struct SourceTexts {
    private var texts: [String: SourceText?] = [:]

    mutating func text(of path: String) -> SourceText? {
        if let known = texts[path] { return known }
        let text = FileManager.default.contents(atPath: path).map { SourceText(String(decoding: $0, as: UTF8.self)) }
        texts[path] = text
        return text
    }
}
