/// Writes the buying-center diagram of an analysed account as DOT text (docs/diagrams.md).
///
/// Pure and deterministic: the same analysis and options give byte-identical text. Node
/// and cluster IDs are generated (`n0`... for people in file order, `t0`... for our team,
/// `cluster_0`... for departments in the order the file first names them); user text
/// appears only in labels and tooltips, escaped by `DOTEscaping`.
public enum DiagramWriter {
    /// The first line of every DOT file relmap writes, as a `//` comment. It marks the
    /// file as relmap's own, so a later run may replace it (see `OutputFile`).
    public static let header = "\(OutputFile.mark): the buying-center diagram of one account (docs/diagrams.md)."

    /// The diagram of `analysis` as DOT.
    ///
    /// Throws only for a focus on a person the account does not have.
    public static func dot(_ analysis: AccountAnalysis, options: DiagramOptions = DiagramOptions())
        throws(DiagramFocusError) -> String
    {
        let account = analysis.account
        let shown =
            try options.focus.map { f throws(DiagramFocusError) in try f.neighbourhood(in: account) }
            ?? Array(account.people.indices)
        let visible = Set(shown)
        var personNode: [String: String] = [:]
        for i in shown where personNode[account.people[i].id] == nil { personNode[account.people[i].id] = "n\(i)" }
        let names = AnalysisTables.names(in: analysis)
        let marks = DiagramGaps.marks(in: analysis)
        let contacts = options.hideTeam ? [] : analysis.contacts.filter { personNode[$0.person] != nil }
        let team = options.hideTeam ? [] : teamShown(account, contacts: contacts, focused: options.focus != nil)
        let initials = Dictionary(
            zip(account.team.map(\.id), DiagramBadges.initials(of: account.team)), uniquingKeysWith: { a, _ in a })
        let shownMembers = Set(team.map(\.member.id))
        let badged = contacts.filter { shownMembers.contains($0.member) }
        let lines = badged.filter { c in
            switch options.contactEdges {
            case .all: true
            case .strong: DiagramStyle.isStrongTie(c, parameters: analysis.parameters)
            case .none: false
            }
        }
        let contactsOf = PersonContacts(
            badged, team: account.team, initials: initials, parameters: analysis.parameters, names: names)

        var out = DOTText()
        out.comment(header)
        if let fallback = options.fallback {
            out.comment(
                "Drawn \(fallback.summary): Graphviz could not draw the design itself (docs/diagrams.md, \"When Graphviz fails\")."
            )
        }
        out.block("digraph relmap") { body in
            graphDefaults(&body, analysis, options)
            body.blank()
            people(
                &body, analysis, shown: shown, marks: marks, names: names, contactsOf: contactsOf,
                clusters: options.drawsDepartmentBoxes)
            if !team.isEmpty {
                body.blank()
                teamCluster(&body, team, contacts: contacts, initials: initials, clusters: options.layout.drawsClusters)
            }
            body.blank()
            ties(&body, analysis, visible: visible, names: names)
            if !lines.isEmpty {
                body.blank()
                contactLines(
                    &body, lines, analysis: analysis, team: team, personNode: personNode, names: names,
                    all: options.contactEdges == .all)
            }
            if options.legend {
                body.blank()
                DiagramLegend.write(
                    &body, showsTeam: !team.isEmpty, contactEdges: options.contactEdges, layout: options.layout,
                    staleDays: Int(analysis.parameters.halfLifeDays.rounded()))
            }
        }
        return out.text
    }

    // MARK: Parts

    private static func graphDefaults(_ out: inout DOTText, _ a: AccountAnalysis, _ options: DiagramOptions) {
        let focusName = options.focus.flatMap { f in a.account.person(f.personId).map { ($0.name, f.depth) } }
        var graph: [(String, DOTValue)] = [
            // Graphviz copies this into the SVG as an XML comment: the mark, and a fallback used.
            ("comment", .label(OutputFile.mark + (options.fallback.map { "; drawn \($0.summary)" } ?? ""))),
            ("label", .html(DiagramLabels.title(a, focus: focusName))),
            ("labelloc", .keyword("t")), ("labeljust", .keyword("l")),
            ("fontname", .label(options.fontName)), ("fontsize", .int(12)),
            ("tooltip", .tooltip(DiagramLabels.field(a.account.name) + " (" + DiagramLabels.field(a.account.id) + ")")),
            ("bgcolor", .keyword("white")), ("pad", .number(0.3)),
        ]
        switch options.layout {
        case .dot:
            // newrank: rank rows across department boxes, so one level is one row everywhere.
            graph += [
                ("rankdir", .keyword("TB")), ("newrank", .bool(options.fallback != .withoutNewrank)),
                ("nodesep", .number(0.3)),
                ("ranksep", .number(0.55)),
                ("splines", .keyword(options.fallback == .curvedLines ? "curved" : "spline")),
            ]
        case .neato, .sfdp:
            // No hierarchy in these engines: keep labels apart and let lines bend around nodes.
            graph += [("overlap", .keyword("prism")), ("sep", .label("+14")), ("splines", .bool(true))]
        }
        out.defaults("graph", graph)
        out.defaults(
            "node",
            [
                ("fontname", .label(options.fontName)), ("fontsize", .int(10)),
                ("style", .label("filled")), ("margin", .label("0.1,0.05")),
            ])
        out.defaults(
            "edge", [("fontname", .label(options.fontName)), ("fontsize", .int(8)), ("arrowsize", .number(0.7))])
    }

    private static func people(
        _ out: inout DOTText, _ a: AccountAnalysis, shown: [Int], marks: [Int: [DiagramGapMark]],
        names: (String) -> String, contactsOf: PersonContacts, clusters: Bool
    ) {
        // Departments in the order the file first names them: the order its author chose.
        var departments: [String] = []
        var members: [String: [Int]] = [:]
        var loose: [Int] = []
        for i in shown {
            guard let d = a.account.people[i].department, !d.isEmpty, clusters else { loose.append(i); continue }
            if members[d] == nil { departments.append(d) }
            members[d, default: []].append(i)
        }
        out.comment("People, one box per department; shape by role, fill by stance, border by influence.")
        for (k, d) in departments.enumerated() {
            out.subgraph("cluster_\(k)") { sub in
                sub.defaults(
                    "graph",
                    [
                        ("label", .label(DOTEscaping.truncated(DOTEscaping.oneLine(d), to: 40))),
                        ("tooltip", .tooltip(DiagramLabels.field(d))),
                        ("style", .label("rounded,filled")), ("color", .keyword(DiagramStyle.departmentBorder)),
                        ("fillcolor", .keyword(DiagramStyle.departmentBackground)),
                        ("fontsize", .int(13)), ("labeljust", .keyword("l")),
                    ])
                for i in members[d] ?? [] {
                    personNode(&sub, a, i, marks: marks[i] ?? [], names: names, contactsOf: contactsOf)
                }
            }
        }
        for i in loose { personNode(&out, a, i, marks: marks[i] ?? [], names: names, contactsOf: contactsOf) }
    }

    private static func personNode(
        _ out: inout DOTText, _ a: AccountAnalysis, _ i: Int, marks: [DiagramGapMark],
        names: (String) -> String, contactsOf: PersonContacts
    ) {
        let p = a.people[i]
        let role = p.person.mainRole
        var style = ["filled"]
        if DiagramStyle.isRounded(role) { style.append("rounded") }
        if DiagramStyle.isDashed(p.person.stance) { style.append("dashed") }
        let gap = !marks.isEmpty
        out.node(
            "n\(i)",
            [
                ("shape", .keyword(DiagramStyle.shape(role))),
                ("style", .label(style.joined(separator: ","))),
                ("fillcolor", .keyword(DiagramStyle.fill(p.person.stance))),
                ("color", .keyword(gap ? DiagramStyle.gap : DiagramStyle.border)),
                (
                    "penwidth",
                    .number(gap ? DiagramStyle.gapBorderWidth : DiagramStyle.borderWidth(influence: p.influence))
                ),
                (
                    "label",
                    .html(
                        DiagramLabels.person(p, marks: marks, badges: DiagramBadges.row(contactsOf.badges(p.person.id)))
                    )
                ),
                (
                    "tooltip",
                    .tooltip(
                        DiagramLabels.personTooltip(
                            p, marks: marks, in: a, names: names,
                            contacts: contactsOf.sentences(p.person.id)))
                ),
            ])
    }

    /// The members drawn: everyone, or with a focus only those who reach someone shown.
    private static func teamShown(_ account: Account, contacts: [CurrentContact], focused: Bool) -> [(
        index: Int, member: TeamMember
    )] {
        let reaching = Set(contacts.map(\.member))
        return account.team.enumerated().filter { !focused || reaching.contains($0.element.id) }.map {
            ($0.offset, $0.element)
        }
    }

    private static func teamCluster(
        _ out: inout DOTText, _ team: [(index: Int, member: TeamMember)],
        contacts: [CurrentContact], initials: [String: String], clusters: Bool
    ) {
        out.comment("Our team, on one row; each member's badge marks the people they reach.")
        let write = { (sub: inout DOTText) in
            for (i, m) in team {
                sub.node(
                    "t\(i)",
                    [
                        ("shape", .keyword("box")), ("style", .label("rounded,filled")),
                        ("fillcolor", .keyword(DiagramStyle.teamFill)), ("color", .keyword(DiagramStyle.teamBorder)),
                        ("penwidth", .number(1.5)),
                        ("label", .html(DiagramLabels.member(m, initials: initials[m.id] ?? "?"))),
                        (
                            "tooltip",
                            .tooltip(DiagramLabels.memberTooltip(m, contacts: contacts.count { $0.member == m.id }))
                        ),
                    ])
            }
        }
        guard clusters else { write(&out); return }
        out.subgraph("cluster_team") { sub in
            sub.defaults(
                "graph",
                [
                    ("label", .label("our team")), ("tooltip", .label("our team")), ("style", .label("rounded,filled")),
                    ("color", .keyword(DiagramStyle.teamBorder)),
                    ("fillcolor", .keyword(DiagramStyle.teamBackground)),
                    ("fontsize", .int(13)), ("labeljust", .keyword("l")),
                ])
            write(&sub)
            sub.sameRank(team.map { "t\($0.index)" })
        }
    }

    private static func ties(
        _ out: inout DOTText, _ a: AccountAnalysis, visible: Set<Int>,
        names: (String) -> String
    ) {
        let levels = Influence.effectiveLevels(account: a.account, graph: a.graph)
        out.comment("Reporting lines: the manager above, one row per level.")
        for i in a.account.people.indices where visible.contains(i) {
            let boss = a.graph.manager[i]
            guard boss >= 0, boss != i, visible.contains(boss) else { continue }
            out.edge(
                "n\(boss)", "n\(i)",
                [
                    ("color", .keyword(DiagramStyle.reportsTo)), ("penwidth", .number(DiagramStyle.reportsToWidth)),
                    ("arrowhead", .keyword("none")),
                    // A report two levels below the manager sits two rows below; a level typed
                    // far too low (50 under 1) costs at most four rows, not a page of blanks.
                    ("minlen", .int(min(4, max(1, levels[i] - levels[boss])))), ("weight", .int(4)),
                    (
                        "tooltip",
                        .tooltip(
                            DiagramLabels.reportsToTooltip(
                                report: names(a.graph.ids[i]), manager: names(a.graph.ids[boss])))
                    ),
                ])
        }
        out.comment(
            "Informal ties. One between two levels runs downwards (a tie up is written reversed with dir=back),")
        out.comment("so dot routes it between the rows; one within a level does not move anyone.")
        for r in a.account.relations {
            guard let i = a.graph.index[r.from], let j = a.graph.index[r.to], visible.contains(i), visible.contains(j),
                i != j
            else { continue }
            var attributes: [(String, DOTValue)]
            switch r.type {
            case .influences:
                attributes = [
                    ("color", .keyword(DiagramStyle.influences)),
                    ("penwidth", .number(DiagramStyle.influenceWidth(strength: r.strength))),
                ]
            case .ally:
                attributes = [
                    ("color", .label(DiagramStyle.allyColour())),
                    ("penwidth", .number(DiagramStyle.tieWidth(strength: r.strength))),
                ]
            case .rival:
                attributes = [
                    ("color", .keyword(DiagramStyle.rival)), ("style", .keyword("dashed")),
                    ("arrowhead", .keyword("tee")), ("arrowtail", .keyword("tee")),
                    ("penwidth", .number(DiagramStyle.tieWidth(strength: r.strength))),
                ]
            }
            let upwards = levels[i] > levels[j]
            let direction = r.type == .ally ? "none" : r.type == .rival ? "both" : upwards ? "back" : "forward"
            attributes.append(("dir", .keyword(direction)))
            // weight 0: the tie may not pull people out of their rows, only keep the order.
            attributes += levels[i] == levels[j] ? [("constraint", .bool(false))] : [("weight", .int(0))]
            attributes.append(("tooltip", .tooltip(DiagramLabels.relationTooltip(r, names: names))))
            out.edge(upwards ? "n\(j)" : "n\(i)", upwards ? "n\(i)" : "n\(j)", attributes)
        }
    }

    private static func contactLines(
        _ out: inout DOTText, _ contacts: [CurrentContact], analysis: AccountAnalysis,
        team: [(index: Int, member: TeamMember)], personNode: [String: String],
        names: (String) -> String, all: Bool
    ) {
        var memberNode: [String: String] = [:]
        for (i, m) in team where memberNode[m.id] == nil { memberNode[m.id] = "t\(i)" }
        out.comment(
            all
                ? "Our contacts: wider and darker the stronger they are today; stale ones dashed and grey."
                : "Our strong contacts that are not stale; every contact is also a badge on its person.")
        for c in contacts {
            guard let from = memberNode[c.member], let to = personNode[c.person] else { continue }
            let stale = DiagramStyle.isStale(c, parameters: analysis.parameters)
            var attributes: [(String, DOTValue)] = [
                ("color", .keyword(stale ? DiagramStyle.staleContact : DiagramStyle.contactColour(current: c.current))),
                ("penwidth", .number(DiagramStyle.contactWidth(current: c.current))),
            ]
            if stale { attributes.append(("style", .keyword("dashed"))) }
            // Written from the person to the member with the arrow reversed, so the team's
            // row sits below everyone it has a line to: strong contacts are mostly with the
            // people who work with us day to day, low in the account, so the lines stay short
            // instead of falling across every department from the top. Weight 0 keeps
            // contacts from pulling people out of their rows.
            attributes += [
                ("dir", .keyword("back")), ("weight", .int(0)),
                ("tooltip", .tooltip(DiagramLabels.contactTooltip(c, names: names, stale: stale))),
            ]
            out.edge(to, from, attributes)
        }
    }
}
