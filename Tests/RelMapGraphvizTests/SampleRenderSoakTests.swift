import Foundation
import RelMapCore
import RelMapGraphviz
import Testing

/// Many renders in one process, to watch memory. Slow (minutes), so it runs only when
/// RELMAP_SOAK is set to the number of renders, e.g.
/// `RELMAP_SOAK=10000 swift test --filter SampleRenderSoak`. It prints the resident set
/// size every tenth of the way; docs/diagrams.md ("Memory") has the figures measured.
@Suite("Rendering the same account many times")
struct SampleRenderSoakTests {
    static let renders = Int(ProcessInfo.processInfo.environment["RELMAP_SOAK"] ?? "") ?? 0

    @Test(.enabled(if: renders > 0))
    func residentMemoryGrowsOnlyByGraphvizsKnownLeak() throws {
        // north-steel: 30 people in 6 departments, the shape the leak was measured on.
        let dot = try DiagramWriter.dot(try SampleRender.analysis("graphs/north-steel.yaml"))
        let format = OutputFormat(rawValue: ProcessInfo.processInfo.environment["RELMAP_SOAK_FORMAT"] ?? "svg") ?? .svg
        for _ in 0..<20 { _ = try Graphviz.render(dot: dot, format: format) }
        let start = Self.residentKB()
        var last = start
        let clock = ContinuousClock()
        let began = clock.now
        for i in 1...Self.renders {
            _ = try Graphviz.render(dot: dot, format: format)
            if i % max(1, Self.renders / 10) == 0 {
                last = Self.residentKB()
                print(
                    "soak: \(i) \(format.rawValue) renders, RSS \(last) kB (+\(last - start) kB), \(clock.now - began)")
            }
        }
        let perRender = Double(last - start) / Double(Self.renders)
        print("soak: growth \(String(format: "%.1f", perRender)) kB per render")
        // Graphviz 2.42 itself leaks 55.6 kB per render of this very DOT (measured with a
        // plain C loop of agmemread, gvLayout, gvRenderData, gvFreeLayout, agclose: 22 kB
        // without the clusters, 36 kB without the HTML-like labels); anything well beyond
        // that would be a leak of ours.
        #expect(perRender < 70)
    }

    @Test(.enabled(if: renders > 0))
    func everySampleInEveryFormatInOneProcess() throws {
        let start = Self.residentKB()
        for sample in SampleRender.samples {
            let dot = try DiagramWriter.dot(try SampleRender.analysis(sample))
            for format in OutputFormat.allCases { _ = try Graphviz.render(dot: dot, format: format) }
        }
        let end = Self.residentKB()
        print(
            "soak: every sample as SVG, PNG and PDF in one process: RSS \(start) kB before, \(end) kB after, peak \(Self.residentKB(field: "VmHWM:")) kB"
        )
        #expect(end - start < 100_000)
    }

    /// `field` (VmRSS: now, VmHWM: the peak) from /proc/self/status, in kB (0 where there
    /// is no /proc).
    static func residentKB(field: String = "VmRSS:") -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix(field) }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }
}
