/// How the lines of a laid-out graph are drawn.
public enum LineRouting: String, Sendable, CaseIterable {
    /// As the DOT text says (its `splines` attribute).
    case asWritten
    /// Straight lines (`splines=line`), whatever the DOT says. With neato and sfdp, routing
    /// curved lines around the nodes (`splines=true`) costs far more than the layout itself:
    /// a 200-person relmap diagram took sfdp 20 to 40 s with curves and 0.3 s with straight
    /// lines here (docs/limits.md, "Rendering").
    case straight
}
