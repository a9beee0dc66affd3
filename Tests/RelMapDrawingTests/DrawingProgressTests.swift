import RelMapDrawing
import Testing

/// The one progress line of `render` and `report`.
@Suite("Drawing progress")
struct DrawingProgressTests {
    final class Shown { var text: [String] = [] }

    @Test func onATerminalEachDiagramRewritesTheLineAndTheSummaryEndsIt() {
        let shown = Shown()
        let progress = DrawingProgress(total: 3, onTerminal: true) { shown.text.append($0) }
        progress.drawing(0, id: "north-steel")
        progress.drawing(2, id: "delta\u{1B}[31m")
        progress.finish("wrote 3 SVG files in out")
        #expect(
            shown.text == [
                "\r\u{1B}[Krelmap: rendering 1/3 north-steel",
                // An id is made safe for the terminal: no escape sequence of its own.
                "\r\u{1B}[Krelmap: rendering 3/3 delta\u{FFFD}[31m",
                "\r\u{1B}[Krelmap: wrote 3 SVG files in out\n",
            ])
        #expect(progress.clear == "\r\u{1B}[K")
    }

    @Test func withoutASummaryTheLineIsErased() {
        let shown = Shown()
        DrawingProgress(total: 2, onTerminal: true) { shown.text.append($0) }.finish()
        #expect(shown.text == ["\r\u{1B}[K"])
    }

    /// In a file or a pipe, or for one diagram, nothing is shown and messages need no clearing.
    @Test(arguments: [(3, false), (1, true), (0, true)])
    func offATerminalOrForOneDiagramNothingIsShown(total: Int, onTerminal: Bool) {
        let shown = Shown()
        let progress = DrawingProgress(total: total, onTerminal: onTerminal) { shown.text.append($0) }
        progress.drawing(0, id: "north-steel")
        progress.finish("wrote 1 SVG files")
        #expect(shown.text.isEmpty)
        #expect(progress.clear == "")
        #expect(!progress.isShown)
    }
}
