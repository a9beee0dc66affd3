import Foundation
import RelMapCore
import Testing

/// How readable the samples come out of the `dot` program: the legend's share of the
/// drawing and the crossings left after dot's mincross (docs/diagrams.md, "The design").
@Suite("Sample diagrams as the dot program lays them out", .serialized)
struct SampleLayoutTests {
    /// The `dot` program's path, or nil when it is not installed.
    static let dotProgram = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first(
        where: FileManager.default.isExecutableFile)

    /// The crossings dot reports after mincross (`dot -v`: "mincross relmap: N crossings").
    static func crossings(_ dot: String) throws -> Int? {
        guard let program = dotProgram else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-v", "-Tsvg", "-o", "/dev/null"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let counts = text.split(separator: "\n").compactMap { line -> Int? in
            let words = line.split(separator: " ")
            guard line.hasPrefix("mincross relmap: "), words.count >= 4, words[3].hasPrefix("crossings") else {
                return nil
            }
            return Int(words[2])
        }
        return counts.last
    }

    /// The legend's width and height as shares of the whole drawing's (`-Tplain`).
    static func legendShare(_ dot: String) throws -> (width: Double, height: Double)? {
        guard let plain = try SampleRender.dotProgramPlain(dot) else { return nil }
        var size: (Double, Double)?, legend: (Double, Double)?
        for line in plain.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.first == "graph", words.count >= 4, let w = Double(words[2]), let h = Double(words[3]) {
                size = (w, h)
            }
            if words.count >= 6, words[0] == "node", words[1] == "legend", let w = Double(words[4]),
                let h = Double(words[5])
            {
                legend = (w, h)
            }
        }
        guard let size, let legend else { return nil }
        return (legend.0 / size.0, legend.1 / size.1)
    }

    @Test func northSteelsLegendTakesUnderAQuarterOfTheWidth() throws {
        // The one-row legend before took 46% of the width and 24% of the height (SVG of the old DOT).
        let dot = try DiagramWriter.dot(try SampleRender.analysis("graphs/north-steel.yaml"))
        guard let share = try Self.legendShare(dot) else {
            Issue.record("dot's plain output had no graph size or no legend node"); return
        }
        #expect(share.width < 0.25)
        #expect(share.height < 0.2)
    }

    @Test(arguments: SampleRender.samples)
    func theLegendTakesAtMostHalfTheWidthAndAnEighthOfTheArea(sample: String) throws {
        // By area, not height: a wide, flat account (krackhardt-hightech, three levels) gives
        // the same legend 37% of a short drawing's height but 5% of its area; the smallest sample
        // (delta-logistics, 9 people) gives it 11%.
        guard let share = try Self.legendShare(try DiagramWriter.dot(try SampleRender.analysis(sample))) else {
            Issue.record("dot's plain output had no graph size or no legend node"); return
        }
        #expect(share.width < 0.5, "\(share)")
        #expect(share.width * share.height < 0.125, "\(share)")
    }

    @Test func northSteelHasFewCrossingsLeft() throws {
        // Contact lines from a team row above everyone left 50 crossings; badges, lines for
        // the strong contacts only and the team below them leave 2.
        let a = try SampleRender.analysis("graphs/north-steel.yaml")
        guard let crossings = try Self.crossings(try DiagramWriter.dot(a)) else {
            Issue.record("no crossing count from dot -v"); return
        }
        #expect(crossings <= 5)
    }

    @Test(arguments: SampleRender.samples)
    func strongContactLinesCrossNoMoreThanAllOfThem(sample: String) throws {
        let a = try SampleRender.analysis(sample)
        guard let strong = try Self.crossings(try DiagramWriter.dot(a)),
            let all = try Self.crossings(try DiagramWriter.dot(a, options: DiagramOptions(contactEdges: .all)))
        else {
            Issue.record("no crossing count from dot -v"); return
        }
        #expect(strong <= all)
    }
}
