import Foundation
import RelMapCore
import RelMapGraphviz
import Testing

/// The fallbacks `relmap render` tries when Graphviz fails on the design
/// (docs/diagrams.md, "When Graphviz fails"): each is the same diagram with one thing
/// changed, draws every person, and says in its output which fallback it is.
@Suite("Diagram fallbacks")
struct RenderFallbackTests {
    @Test(arguments: DiagramFallback.allCases)
    func eachFallbackDrawsEveryPersonAndSaysWhichItIs(fallback: DiagramFallback) throws {
        let analysis = try SampleRender.analysis("graphs/north-steel.yaml")
        let options = DiagramOptions(layout: fallback == .neato ? .neato : .dot, fallback: fallback)
        let dot = try DiagramWriter.dot(analysis, options: options)
        #expect(dot.contains("\n// Drawn \(fallback.summary): Graphviz could not draw the design itself"))
        let svg = try Graphviz.render(
            dot: dot, format: .svg, engine: fallback == .neato ? .neato : .dot,
            lines: fallback == .neato ? .straight : .asWritten)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<!-- Written by relmap; drawn \(fallback.summary) -->"))
        let people = try svgNodes(in: svg).filter {
            $0.title.first == "n" && $0.title.dropFirst().allSatisfy(\.isNumber)
        }
        #expect(people.count == analysis.account.people.count)
    }

    /// Each fallback changes only what it names; the design keeps newrank, routed splines
    /// and a box per department.
    @Test func eachFallbackChangesOnlyWhatItNames() throws {
        let analysis = try SampleRender.analysis("graphs/north-steel.yaml")
        func dot(_ fallback: DiagramFallback?) throws -> String {
            try DiagramWriter.dot(analysis, options: DiagramOptions(fallback: fallback))
        }
        let departments = Set(analysis.account.people.compactMap(\.department)).count
        let design = try dot(nil)
        #expect(design.contains("newrank=true") && design.contains("splines=spline"))
        let designBoxes = design.components(separatedBy: "subgraph cluster_").count - 1
        #expect(designBoxes > departments)
        #expect(!design.contains("drawn"))
        let withoutNewrank = try dot(.withoutNewrank)
        #expect(withoutNewrank.contains("newrank=false") && withoutNewrank.contains("splines=spline"))
        let curved = try dot(.curvedLines)
        #expect(curved.contains("newrank=true") && curved.contains("splines=curved"))
        let boxless = try dot(.withoutDepartmentBoxes)
        #expect(boxless.contains("newrank=true") && boxless.contains("splines=spline"))
        // Every department's box is gone, and only those.
        #expect(boxless.components(separatedBy: "subgraph cluster_").count - 1 == designBoxes - departments)
    }
}

extension DiagramFallback: CustomTestStringConvertible {
    public var testDescription: String { summary }
}
