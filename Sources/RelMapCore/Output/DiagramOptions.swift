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
    public var layout: DiagramLayout
    /// The font family for every label.
    public var fontName: String
    /// Draw the legend.
    public var legend: Bool
    /// Which contacts get a line besides their badge.
    public var contactEdges: ContactEdges

    public init(hideTeam: Bool = false, focus: DiagramFocus? = nil, layout: DiagramLayout = .dot,
                fontName: String = DiagramOptions.defaultFont, legend: Bool = true,
                contactEdges: ContactEdges = .strong) {
        self.hideTeam = hideTeam
        self.focus = focus
        self.layout = layout
        self.fontName = fontName
        self.legend = legend
        self.contactEdges = contactEdges
    }

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
