import Foundation
import RelMapCore
import RelMapGraphviz
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// End to end: accounts through relmap's DOT writer, read back by libcgraph and by the
/// `dot` program, and rendered by libgvc.
@Suite("Sample accounts rendered through Graphviz")
struct SampleRenderTests {
    @Test(arguments: SampleRender.samples)
    func libcgraphReadsEveryNodeAndEdge(sample: String) throws {
        let a = try SampleRender.analysis(sample)
        let parsed = try Graphviz.parse(dot: try DiagramWriter.dot(a))
        let expected = SampleRender.expectedCounts(a.account)
        #expect(parsed.nodes == expected.nodes)
        #expect(parsed.edges == expected.edges)
    }

    @Test(arguments: SampleRender.samples)
    func theDotProgramReadsAndLaysOutEveryNodeAndEdge(sample: String) throws {
        let a = try SampleRender.analysis(sample)
        guard let counts = try SampleRender.dotProgramCounts(try DiagramWriter.dot(a)) else { return }
        let expected = SampleRender.expectedCounts(a.account)
        #expect(counts.nodes == expected.nodes)
        #expect(counts.edges == expected.edges)
    }

    @Test(arguments: SampleRender.samples)
    func svgHasEveryPersonWithTheFillOfTheirStance(sample: String) throws {
        let a = try SampleRender.analysis(sample)
        let svg = try Graphviz.render(dot: try DiagramWriter.dot(a), format: .svg)
        let nodes = try SampleRender.nodes(inSVG: svg)
        let byTitle = Dictionary(nodes.map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
        for (i, p) in a.people.enumerated() {
            let node = try #require(byTitle["n\(i)"])
            #expect(node.fill == DiagramStyle.fill(p.person.stance))
            #expect(node.texts.contains { $0.text == p.person.name })
        }
        #expect(Set(nodes.map(\.title)).isSuperset(of: a.account.team.indices.map { "t\($0)" }))
        try SampleRender.expectNothingExecutable(in: svg)
    }

    @Test(arguments: SampleRender.samples)
    func chineseAndLatinLabelsFitInsideTheirNodesInSVG(sample: String) throws {
        let svg = try Graphviz.render(dot: try DiagramWriter.dot(try SampleRender.analysis(sample)), format: .svg)
        var checked = 0
        for node in try SampleRender.nodes(inSVG: svg) where node.title.hasPrefix("n") {
            for text in node.texts {
                // The room the text needs at least: exactly 1 em per CJK glyph (the advance of
                // every CJK glyph in WenQuanYi Micro Hei), and 0.45 em for anything else, below
                // any Latin glyph's advance. Without the text-layout plugin, Graphviz sizes CJK
                // text about 11% too narrow and this fails.
                let width =
                    text.text.unicodeScalars.reduce(0.0) { $0 + (DisplayWidth.of($1) == 2 ? 1 : 0.45) } * text.size
                checked += 1
                let left = text.anchor == "middle" ? text.x - width / 2 : text.x
                #expect(left >= node.minX - 0.5, "\(node.title) \(text.text)")
                #expect(left + width <= node.maxX + 0.5, "\(node.title) \(text.text)")
            }
        }
        #expect(checked > 0)
    }

    @Test func svgCarriesTheMarkThatLetsALaterRunReplaceIt() throws {
        let svg = try Graphviz.render(
            dot: try DiagramWriter.dot(try SampleRender.analysis("graphs/north-steel.yaml")), format: .svg)
        #expect(OutputFile.isMarked(svg))
    }

    @Test func pngStartsWithItsSignatureHasASaneSizeAndIsMarked() throws {
        let dot = try DiagramWriter.dot(try SampleRender.analysis("graphs/north-steel.yaml"))
        let png = DiagramFile.stamped(try Graphviz.render(dot: dot, format: .png), format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect((20_000...5_000_000).contains(png.count))
        #expect(OutputFile.isMarked(png))
    }

    @Test func pdfStartsWithItsHeaderEmbedsTheCJKFontAndKeepsValidOffsetsWhenMarked() throws {
        let dot = try DiagramWriter.dot(try SampleRender.analysis("graphs/north-steel.yaml"))
        let pdf = DiagramFile.stamped(try Graphviz.render(dot: dot, format: .pdf), format: .pdf)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect((10_000...5_000_000).contains(pdf.count))
        #expect(OutputFile.isMarked(pdf))
        #expect(pdf.range(of: Data("WenQuanYi".utf8)) != nil)
        // Each object the cross-reference table points at still starts where it says.
        let offsets = try SampleRender.xrefOffsets(pdf)
        #expect(!offsets.isEmpty)
        for (object, offset) in offsets {
            #expect(pdf[offset...].starts(with: Data("\(object) 0 obj".utf8)), "object \(object)")
        }
    }

    @Test(arguments: [LayoutEngine.neato, .sfdp])
    func forceDirectedLayoutsRenderEverySample(engine: LayoutEngine) throws {
        for sample in SampleRender.samples {
            let a = try SampleRender.analysis(sample)
            let layout = try #require(DiagramLayout(rawValue: engine.rawValue))
            let svg = try Graphviz.render(
                dot: try DiagramWriter.dot(a, options: DiagramOptions(layout: layout)), format: .svg, engine: engine)
            #expect(try SampleRender.nodes(inSVG: svg).count == SampleRender.expectedCounts(a.account).nodes)
        }
    }

    @Test func textLayoutPluginIsPresentSoChineseIsMeasured() {
        #expect(Graphviz.pluginReport().hasTextLayout)
    }
}

/// Fixtures and SVG/PDF readers for the end-to-end tests.
enum SampleRender {
    static var repo: URL { Repo.root }

    /// Every sample account: `graphs/*.yaml`.
    static let samples: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent("graphs").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "graphs/\($0)" }
    }()

    static func analysis(_ relative: String) throws -> AccountAnalysis {
        let options = LoadOptions(today: try #require(Day(iso: "2026-11-20")))
        let file = AccountLoader.load(file: repo.appendingPathComponent(relative).path, options: options)
        return Analyzer.analyze(try #require(file.account))
    }

    /// What the diagram must hold, counted from the account itself: a node per person and
    /// team member, a line per reporting line, tie and strong contact that is not stale
    /// (the others are badges only, by default); plus the legend, one node.
    static func expectedCounts(_ account: Account, team: Bool = true) -> (nodes: Int, edges: Int) {
        let ids = Set(account.people.map(\.id)), members = Set(account.team.map(\.id))
        let reports = account.people.count { p in p.reportsTo.map { ids.contains($0) && $0 != p.id } ?? false }
        let ties = account.relations.count { ids.contains($0.from) && ids.contains($0.to) && $0.from != $0.to }
        let parameters = ScoringParameters()
        let contacts = CurrentContacts.of(account, parameters: parameters).count {
            members.contains($0.member) && ids.contains($0.person)
                && DiagramStyle.isStrongTie($0, parameters: parameters)
        }
        return (account.people.count + (team ? account.team.count : 0) + 1, reports + ties + (team ? contacts : 0))
    }

    /// Nodes and edges as the `dot` program reads and lays them out (`-Tplain`), or nil
    /// when `dot` is not installed.
    static func dotProgramCounts(_ dot: String) throws -> (nodes: Int, edges: Int)? {
        guard let text = try dotProgramPlain(dot) else { return nil }
        let lines = text.split(separator: "\n")
        return (lines.count { $0.hasPrefix("node ") }, lines.count { $0.hasPrefix("edge ") })
    }

    /// The `dot` program's layout of `dot` as `-Tplain` text, or nil when `dot` is not installed.
    static func dotProgramPlain(_ dot: String) throws -> String? {
        guard
            let program = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first(
                where: FileManager.default.isExecutableFile)
        else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-Tplain"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return text
    }

    struct Text { var text: String; var x: Double; var size: Double; var anchor: String }
    struct Node { var title: String; var fill: String?; var minX: Double; var maxX: Double; var texts: [Text] }

    /// The nodes of a Graphviz SVG: title, the fill and horizontal extent of the shape, texts.
    static func nodes(inSVG data: Data) throws -> [Node] {
        let document = try XMLDocument(data: data, options: [])
        guard let root = document.rootElement() else { return [] }
        return descendants(of: root).filter { $0.localName == "g" && attribute($0, "class") == "node" }.map { group in
            let inside = descendants(of: group)
            let shape = inside.first { ["polygon", "ellipse", "path"].contains($0.localName ?? "") }
            var low = 0.0, high = 0.0
            if let shape, shape.localName == "ellipse" {
                let cx = Double(attribute(shape, "cx") ?? "") ?? 0, rx = Double(attribute(shape, "rx") ?? "") ?? 0
                (low, high) = (cx - rx, cx + rx)
            } else if let points = shape.flatMap({ attribute($0, "points") }) {
                let xs = points.split(separator: " ").compactMap {
                    $0.split(separator: ",").first.flatMap { Double($0) }
                }
                (low, high) = (xs.min() ?? 0, xs.max() ?? 0)
            } else if let d = shape.flatMap({ attribute($0, "d") }) {
                // A rounded box (a person with no buying role) is a path of "x,y" points.
                let pairs = d.split { !"0123456789.-,".contains($0) }
                let xs = pairs.compactMap { $0.split(separator: ",").first.flatMap { Double($0) } }
                (low, high) = (xs.min() ?? 0, xs.max() ?? 0)
            }
            let texts = inside.filter { $0.localName == "text" }.map { t in
                Text(
                    text: t.stringValue ?? "", x: Double(attribute(t, "x") ?? "") ?? 0,
                    size: Double(attribute(t, "font-size") ?? "") ?? 14, anchor: attribute(t, "text-anchor") ?? "start")
            }
            return Node(
                title: inside.first { $0.localName == "title" }?.stringValue ?? "",
                fill: shape.flatMap { attribute($0, "fill") }, minX: low, maxX: high, texts: texts)
        }
    }

    /// Fails the test if the SVG has a script element, an event-handler attribute or a
    /// javascript: link anywhere.
    static func expectNothingExecutable(in data: Data) throws {
        let document = try XMLDocument(data: data, options: [])
        let all = document.rootElement().map { [$0] + descendants(of: $0) } ?? []
        #expect(!all.contains { ($0.localName ?? "").lowercased() == "script" })
        for element in all {
            for a in element.attributes ?? [] {
                #expect(!(a.localName ?? a.name ?? "").lowercased().hasPrefix("on"), "\(a.name ?? "")")
                #expect(!(a.stringValue ?? "").lowercased().contains("javascript:"))
            }
        }
    }

    /// (object number, byte offset) of every in-use entry of a classic PDF xref table.
    static func xrefOffsets(_ pdf: Data) throws -> [(Int, Int)] {
        let marker = try #require(pdf.range(of: Data("startxref".utf8), options: .backwards))
        let tail = String(decoding: pdf[marker.upperBound...], as: UTF8.self)
        let offset = try #require(Int(tail.split(whereSeparator: \.isWhitespace).first ?? ""))
        // The table is ASCII; everything before it may be binary, so it is cut out by bytes.
        let table = String(decoding: pdf[(pdf.startIndex + offset)...].prefix(1 << 20), as: UTF8.self)
        let lines = table.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "xref", lines.count > 2 else { return [] }
        let header = lines[1].split(separator: " ").compactMap { Int($0) }
        guard header.count == 2, lines.count >= 2 + header[1] else { return [] }
        return (0..<header[1]).compactMap { k in
            let parts = lines[2 + k].split(separator: " ")
            guard parts.count == 3, parts[2] == "n", let at = Int(parts[0]) else { return nil }
            return (header[0] + k, pdf.startIndex + at)
        }
    }

    private static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    private static func descendants(of element: XMLElement) -> [XMLElement] {
        let children = element.children?.compactMap { $0 as? XMLElement } ?? []
        return children + children.flatMap(descendants(of:))
    }
}
