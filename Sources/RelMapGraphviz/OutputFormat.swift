/// A file format Graphviz can write a laid-out graph in.
///
/// The raw value is Graphviz's own name for the format (its `-T` flag), so it can be
/// handed to the C library as is.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Scalable vector graphics, written by Graphviz's core renderer. Text stays text, so
    /// an SVG viewer needs the font named in `fontname` to show Chinese labels.
    case svg
    /// A bitmap drawn by the cairo plugin; glyphs come from the fonts installed here.
    case png
    /// A vector document drawn by the cairo plugin, with the fonts embedded.
    case pdf
}
