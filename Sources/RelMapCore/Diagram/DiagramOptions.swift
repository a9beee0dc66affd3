/// A Graphviz layout engine, as the DOT writer needs to know it.
///
/// The raw value is Graphviz's own name. RelMapCore has no Graphviz in it, so this mirrors
/// RelMapGraphviz's `LayoutEngine`; the CLI maps one to the other by raw value.
public enum DiagramLayout: String, Sendable, CaseIterable {
    /// Top-down hierarchy with departments as boxes: the wall chart. The default.
    case dot
    /// Spring model: ties pull people together, no hierarchy, no department boxes.
    case neato
    /// Force-directed, fast on thousands of people; no department boxes.
    case sfdp

    /// Whether the engine draws clusters (department boxes, the team box, the legend box).
    /// Only dot does; for the others the writer adds spacing rules instead.
    public var drawsClusters: Bool { self == .dot }
}

/// A way of drawing the dot design that avoids a known failure of Graphviz 2.4x's dot
/// layout, tried in this order (the raw value) when the design itself cannot be drawn
/// (docs/diagrams.md, "When Graphviz fails"). The last draws with neato instead of dot.
public enum DiagramFallback: Int, Sendable, CaseIterable, Comparable {
    /// Rows ranked cluster by cluster instead of across the whole drawing (`newrank`
    /// off): avoids "in routesplines, Pshortestpath failed" and the "lost edge" after it.
    case withoutNewrank = 1
    /// Curved lines (`splines=curved`) instead of lines routed round every box: avoids the
    /// same routing failures by not routing.
    case curvedLines
    /// People in their rows with no department boxes: ties between people of one level
    /// in two boxes make dot 2.4x abort (class2.c merge_chain) or loop for ever (flat_rev).
    case withoutDepartmentBoxes
    /// neato, with straight lines, no rows and no boxes: the last resort.
    case neato

    /// How a warning and the comment in the file name it.
    public var summary: String {
        switch self {
        case .withoutNewrank: "without newrank (rows ranked within each department)"
        case .curvedLines: "with curved lines (splines=curved)"
        case .withoutDepartmentBoxes: "without department boxes"
        case .neato: "with the neato layout and straight lines, without rows or department boxes"
        }
    }

    /// In the order they are tried, the design's nearest variation first.
    public static func < (a: DiagramFallback, b: DiagramFallback) -> Bool { a.rawValue < b.rawValue }
}

/// Which of our team's contacts are drawn as lines. Every contact is always shown as a
/// badge of the member's initials on the person; lines across the whole drawing are what
/// made the team's contacts unreadable (docs/diagrams.md, "Our team").
public enum ContactEdges: String, Sendable, Hashable, CaseIterable {
    /// Lines only for strong contacts that are not stale: the ties a plan can lean on.
    case strong
    /// A line for every contact, faded and stale ones included.
    case all
    /// Badges only.
    case none
}

/// What to draw and how: the `relmap render` flags, as a value.
public struct DiagramOptions: Sendable, Hashable {
    /// The font family that has both Latin and Chinese glyphs on most machines relmap runs
    /// on (Debian's fonts-wqy-microhei, 5 MB). Graphviz measures text with it, and an SVG
    /// viewer draws with it, so it must be a family both have; `--font` overrides it.
    public static let defaultFont = "WenQuanYi Micro Hei"

    /// Leave out our team and its contacts (a map of the account alone).
    public var hideTeam: Bool
    /// Draw only the neighbourhood of one person.
    public var focus: DiagramFocus?
    /// The Graphviz layout engine the DOT is written for.
    public var layout: DiagramLayout
    /// The font family for every label.
    public var fontName: String
    /// Draw the legend.
    public var legend: Bool
    /// A variation of the dot design that steers round a Graphviz failure, or nil for the
    /// design itself (docs/diagrams.md, "When Graphviz fails").
    public var fallback: DiagramFallback?
    /// Which contacts get a line besides their badge.
    public var contactEdges: ContactEdges

    /// The default design: dot, legend, our team with lines for strong contacts, the default font.
    public init(
        hideTeam: Bool = false, focus: DiagramFocus? = nil, layout: DiagramLayout = .dot,
        fontName: String = DiagramOptions.defaultFont, legend: Bool = true,
        contactEdges: ContactEdges = .strong, fallback: DiagramFallback? = nil
    ) {
        self.hideTeam = hideTeam
        self.focus = focus
        self.layout = layout
        self.fontName = fontName
        self.legend = legend
        self.fallback = fallback
        self.contactEdges = contactEdges
    }

    /// Whether department boxes are drawn: only by dot, and not in the fallback without them.
    public var drawsDepartmentBoxes: Bool { layout.drawsClusters && fallback != .withoutDepartmentBoxes }

    /// Why `name` cannot be a font name, or nil when it can.
    ///
    /// A font name goes into the DOT as a quoted string, so escaping already makes any
    /// text safe; this only refuses what is plainly not a font family: empty text, control
    /// characters, and paths (some Graphviz renderers read a `fontname` with a slash as a
    /// file to open).
    public static func problem(withFontName name: String) -> String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "the font name is empty" }
        if name.count > 100 { return "the font name is longer than 100 characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the font name contains control characters"
        }
        if name.contains("/") || name.contains("\\") {
            return "'\(name)' looks like a path; give a font family such as 'Noto Sans CJK SC'"
        }
        return nil
    }
}

import Foundation
