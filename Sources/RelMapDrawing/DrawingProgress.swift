import RelMapCore

/// The one progress line of a run that draws many diagrams: "relmap: rendering 3/6
/// north-steel", rewritten in place on stderr, and cleared before any message so that the
/// message has a line of its own. Shown only on a terminal and only for more than one
/// diagram: in a file or a pipe the lines would be noise, and one diagram is quick.
public struct DrawingProgress {
    /// Erases the terminal's current line: carriage return, then "erase to end of line".
    static let eraseLine = "\r\u{1B}[K"

    public let total: Int
    /// Whether the line is shown at all.
    public let isShown: Bool
    private let show: (String) -> Void

    /// `onTerminal`: whether `show`'s text reaches a terminal (the caller knows; this does not).
    public init(total: Int, onTerminal: Bool, show: @escaping (String) -> Void) {
        self.total = total
        isShown = onTerminal && total > 1
        self.show = show
    }

    /// Put before a message printed while the line may be shown.
    public var clear: String { isShown ? Self.eraseLine : "" }

    /// Shows that the diagram at `index` (0-based) of the account `id` is being waited for.
    public func drawing(_ index: Int, id: String) {
        guard isShown else { return }
        show(Self.eraseLine + "relmap: rendering \(index + 1)/\(total) \(DisplayWidth.terminalSafe(id))")
    }

    /// Ends the line: replaced by `summary` on a line of its own ("relmap: wrote 6 SVG
    /// files"), or erased when there is none.
    public func finish(_ summary: String? = nil) {
        guard isShown else { return }
        show(Self.eraseLine + (summary.map { "relmap: \($0)\n" } ?? ""))
    }
}
