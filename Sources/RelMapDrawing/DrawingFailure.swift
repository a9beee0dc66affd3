import Foundation
import RelMapCore
import RelMapGraphviz

/// Why an account has no diagram.
public enum DrawingFailure: Error, Sendable {
    /// The person in --focus is not in this account's diagram.
    case focus(String)
    /// Graphviz failed on the design and on every fallback; this is its failure on the design.
    case graphviz(GraphvizWorker.Failure)
    /// More people than --max-diagram-people; nothing was drawn.
    case tooLarge(DiagramTooLarge)

    /// Why, in words, for the list at the end of a run.
    public var reason: String {
        switch self {
        case .focus(let problem): "--focus: " + problem
        case .graphviz(let failure): failure.description
        case .tooLarge: "more than --max-diagram-people"
        }
    }

    /// Whether the input is past a limit the user can change (too many people, a layout
    /// past --render-timeout, like a file past --max-file-size) or asks for what it does
    /// not have (--focus), rather than Graphviz failing on DOT that is ours: a bug of ours
    /// or of the installation. The CLI exits 65 for the first, 70 for the second.
    public var isTheInputs: Bool {
        switch self {
        case .focus, .tooLarge, .graphviz(.timedOut): true
        case .graphviz: false
        }
    }
}

/// A diagram as Graphviz drew it, finished (`DiagramFile.finished`) and ready to write,
/// and the fallback that drew it (nil: the design itself).
public struct DrawnDiagram: Sendable {
    public var data: Data
    public var fallback: DiagramFallback?

    public init(data: Data, fallback: DiagramFallback?) {
        self.data = data
        self.fallback = fallback
    }
}
