import ArgumentParser
import Foundation
import RelMapCore
import RelMapGraphviz

/// The limits on drawing one diagram (docs/limits.md, "Rendering"): how long Graphviz may
/// work on it, how many people the dot layout takes before relmap switches to sfdp, and
/// how many people a diagram may have at all. Shared by `render` and `report`.
struct RenderLimitOptions: ParsableArguments {
    /// dot's layout of a generated account with a tie per person took 0.7 s of CPU for 800
    /// people, 2.0 s for 1,200 and 3.4 s for 1,600, growing with about the square of the
    /// size; sfdp with straight lines took 1.1 s for 1,200 (docs/limits.md, "Rendering").
    static let defaultDotPeople = 1_000
    /// sfdp with straight lines took 8.5 s of CPU for 4,800 people and 27 s for 9,600, and
    /// a diagram of thousands of people cannot be read on a wall anyway.
    static let defaultDiagramPeople = 5_000

    @Option(help: ArgumentHelp("Stop Graphviz when one diagram takes longer than this.", valueName: "seconds"))
    var renderTimeout: Double = 60

    @Option(help: ArgumentHelp("Most people drawn with the dot layout; a larger diagram is drawn with sfdp, with a warning.",
                               valueName: "n"))
    var maxDotPeople: Int = Self.defaultDotPeople

    @Option(help: ArgumentHelp("Most people in one diagram; draw part of a larger account with --focus.", valueName: "n"))
    var maxDiagramPeople: Int = Self.defaultDiagramPeople

    @Option(help: ArgumentHelp("Diagrams drawn at once, each by a process of its own (default: one per core).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        guard renderTimeout > 0, renderTimeout.isFinite else { throw ValidationError("--render-timeout must be a positive number of seconds") }
        guard maxDotPeople > 0, maxDiagramPeople > 0 else { throw ValidationError("limits must be positive numbers") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    /// How many diagrams to draw at once: each Graphviz child keeps one core busy while
    /// the parent waits for it.
    var width: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The layout to draw `people` people with when `asked` was asked for.
    func layout(people: Int, asked: DiagramLayout) -> Result<LayoutChoice, DiagramTooLarge> {
        if people > maxDiagramPeople { return .failure(DiagramTooLarge(people: people, limit: maxDiagramPeople)) }
        if asked == .dot, people > maxDotPeople { return .success(.switched(to: .sfdp, people: people, limit: maxDotPeople)) }
        return .success(.asked(asked))
    }

    /// `60 s`, `0.2 s`: a time limit as the user typed it.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Which layout a diagram is drawn with.
enum LayoutChoice: Equatable {
    case asked(DiagramLayout)
    /// dot would take too long for this many people; `limit` is --max-dot-people.
    case switched(to: DiagramLayout, people: Int, limit: Int)

    var layout: DiagramLayout {
        switch self {
        case .asked(let layout), .switched(let layout, _, _): return layout
        }
    }

    /// A diagram switched away from dot gets straight lines: curved lines routed around
    /// the nodes cost sfdp far more than the layout itself (`LineRouting`).
    var lines: LineRouting {
        if case .switched = self { return .straight }
        return .asWritten
    }

    /// The warning to print, or nil when the layout is the one asked for.
    var warning: String? {
        guard case .switched(let layout, let people, let limit) = self else { return nil }
        return "the diagram has \(people) people, more than the dot layout draws quickly (limit \(limit)); "
            + "drawing it with \(layout.rawValue) and straight lines instead, without department boxes (raise the limit with --max-dot-people, "
            + "or draw part of it with --focus)"
    }
}

/// A diagram with more people than --max-diagram-people.
struct DiagramTooLarge: Error, CustomStringConvertible {
    let people: Int
    let limit: Int

    var description: String {
        "the diagram has \(people) people, more than the limit of \(limit) for one diagram; "
            + "draw part of it with --focus, or raise the limit with --max-diagram-people"
    }
}

extension Account {
    /// How many people the diagram of this account shows with `focus`.
    func peopleDrawn(focus: DiagramFocus?) -> Int {
        guard let focus else { return people.count }
        return (try? focus.neighbourhood(in: self).count) ?? people.count
    }

    /// The account's file, for messages that must name it.
    var fileForMessages: String {
        DisplayWidth.terminalSafe(location?.file ?? id)
    }
}
