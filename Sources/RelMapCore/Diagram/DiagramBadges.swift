/// Our team's contacts drawn on the person they reach: one small badge per member, with the
/// member's initials, shaded like the contact line would be (docs/diagrams.md, "Our team").
///
/// Lines from a team box to everyone it reaches cross the whole drawing (north-steel: 12
/// contact lines over 9 departments); a badge says the same thing where the eye already is.
enum DiagramBadges {
    /// One contact as drawn on its person.
    typealias Badge = (initials: String, contact: CurrentContact, stale: Bool)

    /// Most badges on one row of a label; more wrap to the next row.
    static let perRow = 4

    /// The initials of each member of `team`, in the same order, different from each other.
    ///
    /// A Chinese (or other CJK) name gives its first character, the surname: 王磊 -> 王. A
    /// Latin name gives the first letters of its first and last words: Kate Morgan -> KM.
    /// When two members would share initials, both take a longer form (王磊, 王芳; KaM, KeM),
    /// and if those collide too a number is added in team order (KM1, KM2). Deterministic:
    /// it depends only on the names and their order.
    static func initials(of team: [TeamMember]) -> [String] {
        let forms = team.map { Self.forms(of: $0) }
        var level = [Int](repeating: 0, count: team.count)
        func chosen(_ i: Int) -> String { forms[i][min(level[i], forms[i].count - 1)] }
        for _ in 0..<2 {
            var counts: [String: Int] = [:]
            for i in team.indices { counts[chosen(i), default: 0] += 1 }
            let clashing = team.indices.filter { counts[chosen($0), default: 0] > 1 }
            if clashing.isEmpty { break }
            for i in clashing { level[i] += 1 }
        }
        var result = team.indices.map(chosen)
        var counts: [String: Int] = [:]
        for text in result { counts[text, default: 0] += 1 }
        var seen: [String: Int] = [:]
        for i in result.indices where counts[result[i], default: 0] > 1 {
            let text = result[i]
            seen[text, default: 0] += 1
            result[i] = text + String(seen[text, default: 1])
        }
        return result
    }

    /// The forms a member's initials can take, shortest first.
    private static func forms(of member: TeamMember) -> [String] {
        let name = DOTEscaping.oneLine(DOTEscaping.xmlSafe(member.name))
        let words = name.split(separator: " ").map(String.init).filter { $0.first.map(isMeaningful) ?? false }
        guard let first = words.first, let head = first.first else {
            return [String(member.id.prefix(2)).uppercased()].filter { !$0.isEmpty } + ["?"]
        }
        if DisplayWidth.of(String(head)) == 2 {
            // CJK: the surname first; the whole given name when surnames are shared.
            let whole = first.count <= 3 ? first : String(first.prefix(3))
            return [String(head), String(first.prefix(2)), whole]
        }
        let last = words.count > 1 ? words[words.count - 1].first : nil
        let short = String(head).uppercased() + (last.map { String($0).uppercased() } ?? "")
        let longer = String(first.prefix(2)).capitalized + (last.map { String($0).uppercased() } ?? "")
        return [short, longer]
    }

    private static func isMeaningful(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The badges of one person, or "" when nobody on our team reaches them: a row of small
    /// cells, in team order, each holding `initials`, shaded by the contact's strength today.
    static func row(_ badges: [Badge]) -> String {
        guard !badges.isEmpty else { return "" }
        var rows: [String] = []
        var start = 0
        while start < badges.count {
            let slice = badges[start..<min(badges.count, start + perRow)]
            let cells = slice.map { cell($0.initials, current: $0.contact.current, stale: $0.stale) }
            rows.append("<TR>" + cells.joined() + "</TR>")
            start += perRow
        }
        // Graphviz hands a nested table the whole width of its cell and shares the extra
        // among the columns; empty cells on both sides take most of it, so a badge stays
        // the size of its initials under a long title.
        let spacers = String(repeating: "<TD></TD>", count: 4)
        let badgeTable =
            "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
            + rows.joined() + "</TABLE>"
        return "<TR><TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
            + spacers + "<TD>" + badgeTable + "</TD>" + spacers + "</TR></TABLE></TD></TR>"
    }

    /// One badge: filled by strength today, or white with a dashed grey border when stale.
    static func cell(_ initials: String, current: Double, stale: Bool) -> String {
        let text = DOTEscaping.htmlText(initials)
        let size = DiagramStyle.badgeTextSize
        if stale {
            return "<TD BGCOLOR=\"#ffffff\" COLOR=\"\(DiagramStyle.staleContact)\" STYLE=\"dashed\">"
                + "<FONT POINT-SIZE=\"\(size)\" COLOR=\"\(DiagramStyle.staleBadgeText)\">\(text)</FONT></TD>"
        }
        return "<TD BGCOLOR=\"\(DiagramStyle.badgeFill(current: current))\" COLOR=\"\(DiagramStyle.teamBorder)\">"
            + "<FONT POINT-SIZE=\"\(size)\" COLOR=\"\(DiagramStyle.badgeText(current: current))\">"
            + "<B>\(text)</B></FONT></TD>"
    }
}

/// The contacts drawn on each person, in team order: what their badges and tooltip show.
struct PersonContacts {
    private var byPerson: [String: [DiagramBadges.Badge]] = [:]
    private let names: (String) -> String

    init(
        _ contacts: [CurrentContact], team: [TeamMember], initials: [String: String],
        parameters: ScoringParameters, names: @escaping (String) -> String
    ) {
        self.names = names
        var order: [String: Int] = [:]
        for (k, m) in team.enumerated() where order[m.id] == nil { order[m.id] = k }
        let sorted = contacts.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.member] ?? Int.max, order[b.element.member] ?? Int.max)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        for c in sorted {
            let stale = DiagramStyle.isStale(c, parameters: parameters)
            byPerson[c.person, default: []].append((initials[c.member] ?? "?", c, stale))
        }
    }

    func badges(_ person: String) -> [DiagramBadges.Badge] { byPerson[person] ?? [] }

    /// One line per contact for the tooltip, as a contact line's own tooltip says it.
    func sentences(_ person: String) -> [String] {
        badges(person).map { DiagramLabels.contactTooltip($0.contact, names: names, stale: $0.stale) }
    }
}
