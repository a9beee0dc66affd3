import Foundation
import RelMapCore
import RelMapGraphviz

/// The limits on drawing one diagram (docs/limits.md, "Rendering"): how long Graphviz may
/// work on it, how many people the dot layout takes before the diagram is drawn with sfdp,
/// and how many people a diagram may have at all; and how many diagrams are drawn at once.
public struct RenderLimits: Sendable, Equatable {
    /// dot's layout of a generated account with a tie per person took 0.7 s of CPU for 800
    /// people, 2.0 s for 1,200 and 3.4 s for 1,600, growing with about the square of the
    /// size; sfdp with straight lines took 1.1 s for 1,200 (docs/limits.md, "Rendering").
    public static let defaultDotPeople = 1_000
    /// sfdp with straight lines took 8.5 s of CPU for 4,800 people and 27 s for 9,600, and
    /// a diagram of thousands of people cannot be read on a wall anyway.
    public static let defaultDiagramPeople = 5_000

    /// Seconds Graphviz may work on one diagram before its child process is stopped.
    public var renderTimeout: Double
    /// Most people drawn with the dot layout; a larger diagram is drawn with sfdp.
    public var maxDotPeople: Int
    /// Most people in one diagram.
    public var maxDiagramPeople: Int
    /// Diagrams drawn at once; nil: one per core.
    public var jobs: Int?

    public init(
        renderTimeout: Double = 60, maxDotPeople: Int = Self.defaultDotPeople,
        maxDiagramPeople: Int = Self.defaultDiagramPeople, jobs: Int? = nil
    ) {
        self.renderTimeout = renderTimeout
        self.maxDotPeople = maxDotPeople
        self.maxDiagramPeople = maxDiagramPeople
        self.jobs = jobs
    }

    /// How many diagrams to draw at once: each Graphviz child keeps one core busy while
    /// the parent waits for it.
    public var width: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The layout to draw `people` people with when `asked` was asked for.
    public func layout(people: Int, asked: DiagramLayout) -> Result<LayoutChoice, DiagramTooLarge> {
        if people > maxDiagramPeople { return .failure(DiagramTooLarge(people: people, limit: maxDiagramPeople)) }
        if asked == .dot, people > maxDotPeople {
            return .success(.switched(to: .sfdp, people: people, limit: maxDotPeople))
        }
        return .success(.asked(asked))
    }
}

/// Which layout a diagram is drawn with.
public enum LayoutChoice: Sendable, Equatable {
    case asked(DiagramLayout)
    /// dot would take too long for this many people; `limit` is --max-dot-people.
    case switched(to: DiagramLayout, people: Int, limit: Int)

    public var layout: DiagramLayout {
        switch self {
        case .asked(let layout), .switched(let layout, _, _): return layout
        }
    }

    /// A diagram switched away from dot gets straight lines: curved lines routed around
    /// the nodes cost sfdp far more than the layout itself (`LineRouting`).
    public var lines: LineRouting {
        if case .switched = self { return .straight }
        return .asWritten
    }

    /// The warning to print, or nil when the layout is the one asked for.
    public var warning: String? {
        guard case .switched(let layout, let people, let limit) = self else { return nil }
        return "the diagram has \(people) people, more than the dot layout draws quickly (limit \(limit)); "
            + "drawing it with \(layout.rawValue) and straight lines instead, without department boxes (raise the limit with --max-dot-people, "
            + "or draw part of it with --focus)"
    }
}

/// A diagram with more people than --max-diagram-people.
public struct DiagramTooLarge: Error, Sendable, Equatable, CustomStringConvertible {
    public let people: Int
    public let limit: Int

    public var description: String {
        "the diagram has \(people) people, more than the limit of \(limit) for one diagram; "
            + "draw part of it with --focus, or raise the limit with --max-diagram-people"
    }
}

extension Account {
    /// How many people the diagram of this account shows with `focus`.
    public func peopleDrawn(focus: DiagramFocus?) -> Int {
        guard let focus else { return people.count }
        return (try? focus.neighbourhood(in: self).count) ?? people.count
    }
}
