import ArgumentParser
import Foundation
import RelMapDrawing

/// The limits on drawing one diagram (`RenderLimits`, docs/limits.md, "Rendering"), as
/// options. Shared by `render`, `report` and `serve`.
struct RenderLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stop Graphviz when one diagram takes longer than this.", valueName: "seconds"))
    var renderTimeout: Double = 60

    @Option(
        help: ArgumentHelp(
            "Most people drawn with the dot layout; a larger diagram is drawn with sfdp, with a warning.",
            valueName: "n"))
    var maxDotPeople: Int = RenderLimits.defaultDotPeople

    @Option(
        help: ArgumentHelp("Most people in one diagram; draw part of a larger account with --focus.", valueName: "n"))
    var maxDiagramPeople: Int = RenderLimits.defaultDiagramPeople

    @Option(
        help: ArgumentHelp(
            "Diagrams drawn at once, each by a process of its own (default: one per core).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard renderTimeout > 0, renderTimeout.isFinite else {
            throw ValidationError("--render-timeout must be a positive number of seconds")
        }
        guard maxDotPeople > 0, maxDiagramPeople > 0 else { throw ValidationError("limits must be positive numbers") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    var values: RenderLimits {
        RenderLimits(
            renderTimeout: renderTimeout, maxDotPeople: maxDotPeople, maxDiagramPeople: maxDiagramPeople, jobs: jobs)
    }
}
