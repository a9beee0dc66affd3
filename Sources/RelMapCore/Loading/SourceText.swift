/// A file's text split into lines once, to show the line a finding points at with a caret
/// under its column, as compilers do (Yams's `Mark.snippet` does the same for its own
/// parse errors). Columns count Unicode scalars from 1, as libyaml and the loader count.
public struct SourceText: Sendable {
    /// The line a finding points at, made safe for a terminal, and where its caret goes.
    public struct Snippet: Sendable, Equatable {
        /// The line's number, from 1.
        public var lineNumber: Int
        /// The line, or a window of a long line around the column, with `…` where it was cut.
        public var text: String
        /// Display columns (`DisplayWidth`) before the caret: CJK characters take two.
        public var caretOffset: Int
    }

    /// Lines longer than this many characters (minified JSON is one line) are shown as a
    /// window around the column, so one finding is not a screenful.
    static let widest = 120

    private let lines: [Substring]

    /// `text` as read from the file: a byte order mark is dropped as the loader drops it;
    /// lines end at `\n`, `\r\n` or `\r`, as YAML's do.
    public init(_ text: String) {
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    }

    /// The snippet for `location`'s line and column; nil when the text has no such line.
    public func snippet(at location: SourceLocation) -> Snippet? {
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let scalars = Array(lines[location.line - 1].unicodeScalars)
        let caret = min(max(location.column - 1, 0), scalars.count)
        var start = 0, end = scalars.count
        if scalars.count > Self.widest {
            start = max(0, min(caret - Self.widest / 2, scalars.count - Self.widest))
            end = min(scalars.count, start + Self.widest)
        }
        let before = (start > 0 ? "…" : "") + Self.printable(scalars[start..<caret])
        let after = Self.printable(scalars[caret..<end]) + (end < scalars.count ? "…" : "")
        return Snippet(lineNumber: location.line, text: before + after, caretOffset: DisplayWidth.of(before))
    }

    /// A tab is one column to the loader, so it shows as one space; other control
    /// characters are made harmless (`DisplayWidth.terminalSafe`).
    private static func printable(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.lazy.map { $0 == "\t" ? " " : $0 })
        return DisplayWidth.terminalSafe(String(view))
    }
}
