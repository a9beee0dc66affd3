/// The legend: every colour, shape, badge and line of the diagram, with the same style
/// values the diagram uses, so the two cannot drift apart. Fixed text only.
///
/// One node, one narrow block: an HTML-like table of two columns, the shapes named beside
/// the roles they stand for on the left, and on the right the stance swatches, the gap
/// marks, the contact badges and a sample of each kind of line. The legend before it drew
/// the seven role shapes as nodes on one row beside a tall key: on north-steel it took
/// about a third of the width. Shapes as nodes cannot be stacked in dot without giving
/// the legend rows of its own, which the people's rows stretch apart.
enum DiagramLegend {
    /// The kinds of line the legend shows; the contact lines only when our team is drawn.
    enum Line: CaseIterable {
        case reportsTo, influences, ally, rival, contact, staleContact

        /// The words beside the sample; `staleDays` is the half-life contacts fade by.
        func label(staleDays: Int, contactEdges: ContactEdges) -> String {
            switch self {
            case .reportsTo: "reports to"
            case .influences: "influences (wider: stronger)"
            case .ally: "allies"
            case .rival: "rivals"
            case .contact: contactEdges == .all ? "our contact (darker: stronger today)" : "our strong contact"
            case .staleContact: "stale contact (over \(staleDays) days)"
            }
        }

        /// The sample: border width, which sides of the cell, colour, dashed, arrowhead.
        var sample: (width: Int, sides: String, colour: String, dashed: Bool, arrow: Bool) {
            switch self {
            case .reportsTo: (1, "B", DiagramStyle.reportsTo, false, false)
            case .influences: (3, "B", DiagramStyle.influences, false, true)
            case .ally: (2, "TB", DiagramStyle.ally, false, false)
            case .rival: (2, "B", DiagramStyle.rival, true, false)
            case .contact: (3, "B", DiagramStyle.contactColour(current: 0.8), false, true)
            case .staleContact: (1, "B", DiagramStyle.staleContact, true, true)
            }
        }
    }

    /// The lines shown for a diagram with or without our team.
    static func lines(showsTeam: Bool, contactEdges: ContactEdges = .all) -> [Line] {
        Line.allCases.filter { line in
            switch line {
            case .contact: showsTeam && contactEdges != .none
            case .staleContact: showsTeam && contactEdges == .all
            default: true
            }
        }
    }

    /// The ID of the legend's one node.
    static let nodeID = "legend"

    static func write(
        _ out: inout DOTText, showsTeam: Bool, contactEdges: ContactEdges = .strong,
        layout: DiagramLayout, staleDays: Int
    ) {
        out.comment("Legend: one node, a table of two columns.")
        out.node(
            nodeID,
            [
                ("shape", .keyword("plaintext")), ("style", .label("")), ("tooltip", .label("legend")),
                ("label", .html(key(showsTeam: showsTeam, contactEdges: contactEdges, staleDays: staleDays))),
            ])
    }

    /// How each shape is named in the legend.
    static func shapeName(_ role: BuyingRole?) -> String {
        switch DiagramStyle.shape(role) {
        case "doubleoctagon": "double octagon"
        case "note": "note (folded corner)"
        case "box" where DiagramStyle.isRounded(role): "rounded box"
        case let shape: shape
        }
    }

    /// The key table: a framed block titled "legend", roles by shape on the left; stances,
    /// size, gap marks, badges and line samples on the right.
    static func key(showsTeam: Bool, contactEdges: ContactEdges = .strong, staleDays: Int) -> String {
        let small = DiagramStyle.smallTextSize
        func text(_ words: String) -> String { "<FONT POINT-SIZE=\"\(small)\">\(words)</FONT>" }
        func wide(_ content: String) -> String { "<TR><TD COLSPAN=\"6\" ALIGN=\"LEFT\">\(content)</TD></TR>" }
        func left(_ content: String) -> String { "<TD ALIGN=\"LEFT\">\(content)</TD>" }

        var shapes = [wide(text("<B>shape: main role</B>"))]
        for role in BuyingRole.allCases.map(Optional.some) + [nil] {
            shapes.append("<TR>" + left(text(shapeName(role))) + left(text(role?.rawValue ?? "no role")) + "</TR>")
        }

        var swatchRows: [String] = []
        let stances = Array(Stance.allCases)
        for start in stride(from: 0, to: stances.count, by: 3) {
            var cells = ""
            for stance in stances[start..<min(stances.count, start + 3)] {
                let dashed = DiagramStyle.isDashed(stance) ? " STYLE=\"dashed\"" : ""
                cells +=
                    "<TD BGCOLOR=\"\(DiagramStyle.fill(stance))\" COLOR=\"\(DiagramStyle.border)\"\(dashed)>"
                    + "<FONT POINT-SIZE=\"\(small)\" COLOR=\"\(DiagramStyle.textColour(stance))\">\(stance.rawValue)</FONT></TD>"
            }
            swatchRows.append("<TR>\(cells)</TR>")
        }
        func gap(_ mark: DiagramGapMark, _ words: String) -> String {
            "<TR><TD BGCOLOR=\"\(DiagramStyle.gap)\"><FONT POINT-SIZE=\"\(small)\" COLOR=\"#ffffff\">\(DiagramStyle.gapSign) \(mark.label)</FONT></TD>"
                + "<TD ALIGN=\"LEFT\">\(text(words))</TD></TR>"
        }
        var rows = [
            wide(text("<B>fill: stance toward us</B>")),
            wide(
                "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"1\">" + swatchRows.joined()
                    + "</TABLE>"),
            wide(text("larger name, wider border: more influence")),
            wide(
                "<TABLE BORDER=\"\(Int(DiagramStyle.gapBorderWidth) - 1)\" COLOR=\"\(DiagramStyle.gap)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                    + gap(.topDecisionMakerNeverMet, "top decision-maker nobody has met")
                    + gap(
                        .keyPersonNotReached, "key person (influence \(Int(DiagramGaps.keyInfluence))+) nobody reaches")
                    + "</TABLE>"),
        ]
        if showsTeam {
            // Fixed initials: the legend holds no user text.
            let badges =
                DiagramBadges.cell("AB", current: 0.9, stale: false)
                + DiagramBadges.cell("AB", current: 0.3, stale: false)
                + DiagramBadges.cell("AB", current: 0.2, stale: true)
            rows.append(
                wide(
                    "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>" + badges
                        + "<TD BORDER=\"0\" ALIGN=\"LEFT\">"
                        + text(
                            "our contact, by the member's initials:<BR ALIGN=\"LEFT\"/>"
                                + "darker: stronger today; dashed: stale") + "</TD></TR></TABLE>"))
        }
        let samples = lines(showsTeam: showsTeam, contactEdges: contactEdges)
        for start in stride(from: 0, to: samples.count, by: 2) {
            let pair = samples[start..<min(samples.count, start + 2)]
            rows.append(
                "<TR>" + pair.map { sampleCells($0, staleDays: staleDays, contactEdges: contactEdges) }.joined()
                    + "</TR>")
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">"
        return
            "<TABLE BORDER=\"1\" COLOR=\"\(DiagramStyle.departmentBorder)\" STYLE=\"rounded\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\">"
            + "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">legend</FONT></TD></TR>"
            + "<TR><TD VALIGN=\"TOP\">" + table + shapes.joined() + "</TABLE></TD>"
            + "<TD VALIGN=\"TOP\">" + table + rows.joined() + "</TABLE></TD></TR></TABLE>"
    }

    /// One line sample in three cells: a cell whose border is the line, centred by an empty
    /// cell below it (no FIXEDSIZE: fixed-size nested cells trip an assertion in Graphviz
    /// 2.42 that aborts the process), then an arrowhead glyph when the line has one, then
    /// the words.
    private static func sampleCells(_ line: Line, staleDays: Int, contactEdges: ContactEdges) -> String {
        let s = line.sample
        let dashed = s.dashed ? " STYLE=\"dashed\"" : ""
        let stroke =
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
            + "<TR><TD WIDTH=\"30\" HEIGHT=\"5\" BORDER=\"\(s.width)\" SIDES=\"\(s.sides)\" COLOR=\"\(s.colour)\"\(dashed)></TD></TR>"
            + "<TR><TD WIDTH=\"30\" HEIGHT=\"5\"></TD></TR></TABLE>"
        let arrow = s.arrow ? "<FONT POINT-SIZE=\"8\" COLOR=\"\(s.colour)\">▶</FONT>" : ""
        return "<TD>\(stroke)</TD><TD ALIGN=\"LEFT\">\(arrow)</TD>"
            + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(DiagramStyle.smallTextSize)\">\(line.label(staleDays: staleDays, contactEdges: contactEdges))</FONT></TD>"
    }
}
