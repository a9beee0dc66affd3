import Foundation
import RelMapGraphviz
import Testing

@Suite("Plugins and text layout")
struct PluginStatusTests {
    @Test func reportListsTheFormatsAndEnginesRelmapOffers() {
        let report = Graphviz.pluginReport()

        #expect(report.missingFormats.isEmpty, "missing formats: \(report.missingFormats)")
        #expect(report.missingEngines.isEmpty, "missing engines: \(report.missingEngines)")
        #expect(report.formats == report.formats.sorted())
        #expect(report.startupMessages.isEmpty, "Graphviz said: \(report.startupMessages)")
    }

    @Test func reportSaysWhetherATextLayoutPluginIsRegistered() throws {
        // Debian's libgvc6 ships pango's text layout; this machine must have it for the
        // width test below to mean anything.
        #expect(Graphviz.pluginReport().hasTextLayout)
    }

    @Test func chineseLabelBoxIsAtLeastAsWideAsItsGlyphs() throws {
        try #require(Graphviz.pluginReport().hasTextLayout)
        let label = "赵建国 总经理"
        let fontSize = 14.0
        // margin=0, width=0: the box is exactly as wide as Graphviz measured the text.
        let dot = """
            digraph {
                node [fontname="WenQuanYi Micro Hei", fontsize=\(fontSize), shape=box,
                      margin=0, width=0, height=0];
                n0 [label="\(label)"];
            }
            """

        let svg = try Graphviz.render(dot: dot, format: .svg)
        let width = try #require(try svgNodes(in: svg).first?.width)

        let cjkGlyphs = label.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        #expect(cjkGlyphs == 6)
        #expect(width >= Double(cjkGlyphs) * fontSize * 0.9)
    }
}
