/// A Graphviz layout algorithm.
///
/// The raw value is Graphviz's name for the engine (its `-K` flag).
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Hierarchical layout: ranks top to bottom, honours clusters. Slow beyond a few
    /// hundred nodes (about 26 s for 5,000 here).
    case dot
    /// Spring model; the slowest of the three on large graphs.
    case neato
    /// Multiscale force-directed layout; the one that stays fast on thousands of nodes.
    case sfdp
}
