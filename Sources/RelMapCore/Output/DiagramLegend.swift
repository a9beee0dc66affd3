/// The legend: every colour, shape and line of the diagram, drawn with the same style
/// values the diagram uses, so the two cannot drift apart. Fixed text only.
///
/// It is one row, so it takes the height of one level and does not dwarf a small account:
/// the seven roles as real nodes (a table cannot draw a shape), then one HTML-like table
/// with the stance swatches, the gap marks, and a sample of each kind of line drawn as a
/// cell border. Invisible edges between neighbours keep the row in this order.
enum DiagramLegend {
    /// The kinds of line the legend shows; the contact lines only when our team is drawn.
    enum Line: CaseIterable {
        case reportsTo, influences, ally, rival, contact, staleContact

        /// The words beside the sample; `staleDays` is the half-life contacts fade by.
        func label(staleDays: Int) -> String {
            switch self {
            case .reportsTo: "reports to"
            case .influences: "influences (wider: stronger)"
            case .ally: "allies"
            case .rival: "rivals"
            case .contact: "our contact (wider, darker: stronger today)"
            case .staleContact: "stale contact (last one over \(staleDays) days ago)"
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
    static func lines(showsTeam: Bool) -> [Line] {
        Line.allCases.filter { showsTeam || ($0 != .contact && $0 != .staleContact) }
    }

    /// How many nodes and edges the legend adds: the seven roles and the key table, and
    /// seven invisible edges (between neighbours in dot, from the key to each role else).
    static let counts = (nodes: BuyingRole.allCases.count + 1, edges: BuyingRole.allCases.count)

    static func write(_ out: inout DOTText, showsTeam: Bool, layout: DiagramLayout, staleDays: Int) {
        out.comment("Legend.")
        let body = { (sub: inout DOTText) in
            if layout.drawsClusters {
                sub.defaults("graph", [("label", .label("legend")), ("tooltip", .label("legend")), ("style", .label("rounded")),
                                       ("color", .keyword(DiagramStyle.departmentBorder)), ("fontsize", .int(13)),
                                       ("labeljust", .keyword("l"))])
            }
            var row: [String] = []
            for (k, role) in BuyingRole.allCases.enumerated() {
                sub.node("legend_role_\(k)", [("shape", .keyword(DiagramStyle.shape(role))), ("fillcolor", .keyword("#ffffff")),
                                               ("color", .keyword(DiagramStyle.border)), ("fontsize", .int(9)),
                                               ("margin", .label("0.05,0.03")), ("label", .label(role.rawValue))])
                row.append("legend_role_\(k)")
            }
            sub.node("legend_key", [("shape", .keyword("plaintext")), ("style", .label("")),
                                    ("label", .html(key(showsTeam: showsTeam, staleDays: staleDays)))])
            row.append("legend_key")
            if layout.drawsClusters {
                sub.sameRank(row)
                for (left, right) in zip(row, row.dropFirst()) {
                    sub.edge(left, right, [("style", .keyword("invis"))])
                }
            } else {
                // No clusters or rows in force-directed layouts: short invisible springs
                // from the key to each role keep the legend in one clump.
                for role in row.dropLast() {
                    sub.edge("legend_key", role, [("style", .keyword("invis")), ("len", .number(0.3)), ("weight", .int(5))])
                }
            }
        }
        if layout.drawsClusters {
            out.subgraph("cluster_legend", body)
        } else {
            body(&out)
        }
    }

    /// The key table: stance swatches, the gap mark and what size means, and line samples.
    static func key(showsTeam: Bool, staleDays: Int) -> String {
        var swatches = ""
        for stance in Stance.allCases {
            let dashed = DiagramStyle.isDashed(stance) ? " STYLE=\"dashed\"" : ""
            swatches += "<TD BGCOLOR=\"\(DiagramStyle.fill(stance))\" COLOR=\"\(DiagramStyle.border)\"\(dashed)>"
                + "<FONT POINT-SIZE=\"9\" COLOR=\"\(DiagramStyle.textColour(stance))\">\(stance.rawValue)</FONT></TD>"
        }
        var rows = [
            "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">fill: stance toward us</FONT></TD></TR>",
            "<TR><TD COLSPAN=\"3\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"2\"><TR>\(swatches)</TR></TABLE></TD></TR>",
            "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">larger name, wider border: more influence (0-100)</FONT></TD></TR>",
            "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><TABLE BORDER=\"\(Int(DiagramStyle.gapBorderWidth) - 1)\" COLOR=\"\(DiagramStyle.gap)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
                + "<TR><TD BGCOLOR=\"\(DiagramStyle.gap)\"><FONT POINT-SIZE=\"9\" COLOR=\"#ffffff\">\(DiagramStyle.gapSign) \(DiagramGapMark.topDecisionMakerNeverMet.label)</FONT></TD>"
                + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">top decision-maker nobody has met</FONT></TD></TR>"
                + "<TR><TD BGCOLOR=\"\(DiagramStyle.gap)\"><FONT POINT-SIZE=\"9\" COLOR=\"#ffffff\">\(DiagramStyle.gapSign) \(DiagramGapMark.keyPersonNotReached.label)</FONT></TD>"
                + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">key person (influence \(Int(DiagramGaps.keyInfluence))+) nobody reaches</FONT></TD></TR>"
                + "</TABLE></TD></TR>",
        ]
        for line in lines(showsTeam: showsTeam) { rows.append(sampleRow(line, staleDays: staleDays)) }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
    }

    /// One line sample: a cell whose border is the line, centred by an empty cell below it
    /// (no FIXEDSIZE: fixed-size nested cells trip an assertion in Graphviz 2.42 that
    /// aborts the process), then an arrowhead glyph when the line has one, then the words.
    private static func sampleRow(_ line: Line, staleDays: Int) -> String {
        let s = line.sample
        let dashed = s.dashed ? " STYLE=\"dashed\"" : ""
        let stroke = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
            + "<TR><TD WIDTH=\"40\" HEIGHT=\"6\" BORDER=\"\(s.width)\" SIDES=\"\(s.sides)\" COLOR=\"\(s.colour)\"\(dashed)></TD></TR>"
            + "<TR><TD WIDTH=\"40\" HEIGHT=\"6\"></TD></TR></TABLE>"
        let arrow = s.arrow ? "<FONT POINT-SIZE=\"8\" COLOR=\"\(s.colour)\">▶</FONT>" : ""
        return "<TR><TD>\(stroke)</TD><TD ALIGN=\"LEFT\">\(arrow)</TD>"
            + "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(line.label(staleDays: staleDays))</FONT></TD></TR>"
    }
}
