import Foundation
import RelMapGraphviz
import Testing

@Suite("Rendering DOT to bytes")
struct RenderTests {
    // Named: an anonymous graph's SVG <title> is a counter that grows with every graph the
    // process reads ("%3", "%7", ...), so its bytes would differ from render to render.
    static let tinyGraph = """
        digraph relmap {
            node [style=filled, fillcolor="#ffcc00"];
            n0 [label="Alpha"]; n1 [label="Beta"]; n2 [label="Gamma"];
            n0 -> n1; n1 -> n2;
        }
        """

    @Test func svgHasATitleAndTheGivenFillForEveryNode() throws {
        let svg = try Graphviz.render(dot: Self.tinyGraph, format: .svg)
        let nodes = try svgNodes(in: svg)

        #expect(nodes.map(\.title).sorted() == ["n0", "n1", "n2"])
        #expect(nodes.allSatisfy { $0.fill == "#ffcc00" })
        #expect(nodes.flatMap(\.texts).sorted() == ["Alpha", "Beta", "Gamma"])
    }

    @Test func pngStartsWithThePNGSignature() throws {
        let png = try Graphviz.render(dot: Self.tinyGraph, format: .png)

        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect((1_000...1_000_000).contains(png.count))
    }

    @Test func pdfStartsWithThePDFHeader() throws {
        let pdf = try Graphviz.render(dot: Self.tinyGraph, format: .pdf)

        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect((1_000...1_000_000).contains(pdf.count))
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineLaysOutEveryNode(engine: LayoutEngine) throws {
        let svg = try Graphviz.render(dot: Self.tinyGraph, format: .svg, engine: engine)

        #expect(try svgNodes(in: svg).map(\.title).sorted() == ["n0", "n1", "n2"])
    }

    @Test func chineseLabelsReachTheSVGText() throws {
        let dot = """
            digraph {
                node [fontname="WenQuanYi Micro Hei"];
                n0 [label="赵建国\\n总经理"]; n1 [label="李秀英 采购部"];
                n0 -> n1;
            }
            """
        let svg = try Graphviz.render(dot: dot, format: .svg)
        let texts = try svgNodes(in: svg).flatMap(\.texts)

        #expect(texts.contains("赵建国"))
        #expect(texts.contains("总经理"))
        #expect(texts.contains("李秀英 采购部"))
    }

    @Test func concurrentRendersAllSucceedWithIdenticalBytes() async throws {
        let expected = try Graphviz.render(dot: Self.tinyGraph, format: .svg)

        let results = try await withThrowingTaskGroup(of: [Data].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try (0..<20).map { _ in try Graphviz.render(dot: Self.tinyGraph, format: .svg) }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        #expect(results.count == 160)
        #expect(results.allSatisfy { $0 == expected })
    }
}
