/// The text of the diagram: node labels (HTML-like, built from escaped pieces only) and
/// tooltips (plain text, escaped by the writer). Formatting only: every number comes
/// from the analysis.
enum DiagramLabels {
    /// Longest name in a label, in characters; the full name is in the tooltip.
    static let nameLimit = 24
    /// Widest line of a title in a label, in display columns (a CJK character is 2).
    static let titleWidth = 24
    /// Most lines a title may take in a label.
    static let titleLines = 2
    /// Longest note in a tooltip, in characters.
    static let noteLimit = 300
    /// Longest name, title or department in a tooltip, in characters.
    static let tooltipFieldLimit = 200

    /// A person's label: name (larger for more influence), title on at most two lines,
    /// the influence score, the badges of our team's contacts (`DiagramBadges.row`), and
    /// one red band per gap mark.
    static func person(_ p: PersonAnalysis, marks: [DiagramGapMark], badges: String = "") -> String {
        let text = DiagramStyle.textColour(p.person.stance)
        let size = DiagramStyle.nameSize(influence: p.influence)
        let small = DiagramStyle.smallTextSize
        var rows = [
            cell("<FONT POINT-SIZE=\"\(size)\" COLOR=\"\(text)\"><B>\(html(p.person.name, nameLimit))</B></FONT>")
        ]
        for line in wrap(p.person.title ?? "", width: titleWidth, lines: titleLines) {
            rows.append(cell("<FONT POINT-SIZE=\"\(small)\" COLOR=\"\(text)\">\(DOTEscaping.htmlText(line))</FONT>"))
        }
        rows.append(
            cell("<FONT POINT-SIZE=\"\(small)\" COLOR=\"\(text)\">influence \(Int(p.influence.rounded()))</FONT>"))
        if !badges.isEmpty { rows.append(badges) }
        for mark in marks {
            rows.append(
                "<TR><TD BGCOLOR=\"\(DiagramStyle.gap)\"><FONT POINT-SIZE=\"\(small)\" COLOR=\"#ffffff\">\(DiagramStyle.gapSign) \(mark.label)</FONT></TD></TR>"
            )
        }
        return table(rows)
    }

    /// A team member's label: their badge beside the name, so a reader can tell whose
    /// initials the badges on people are, and their role.
    static func member(_ m: TeamMember, initials: String) -> String {
        let badge =
            "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR>"
            + DiagramBadges.cell(initials, current: 1, stale: false) + "</TR></TABLE>"
        var rows = [
            "<TR><TD>\(badge)</TD><TD><FONT POINT-SIZE=\"12\"><B>\(html(m.name, nameLimit))</B></FONT></TD></TR>"
        ]
        if let role = m.role, !role.isEmpty {
            rows.append(
                "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"\(DiagramStyle.smallTextSize)\">\(html(role, nameLimit))</FONT></TD></TR>"
            )
        }
        return table(rows)
    }

    /// The diagram's title: account name, id, tier, stage, day, and the account's shares.
    static func title(_ a: AccountAnalysis, focus: (name: String, depth: Int)?) -> String {
        let heading = DOTEscaping.htmlText(
            DOTEscaping.truncated(DOTEscaping.oneLine(AnalysisTables.heading(a)), to: 160))
        let s = a.shares
        var rows = [
            "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>\(heading)</B></FONT></TD></TR>",
            "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">coverage \(Formatting.score(s.coverage))  ·  support \(Formatting.score(s.support))  ·  opposition \(Formatting.score(s.opposition))  ·  unknown stance \(Formatting.score(s.unknown))</FONT></TD></TR>",
        ]
        if let focus {
            let steps = focus.depth == 1 ? "1 tie" : "\(focus.depth) ties"
            rows.append(
                "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">focus: \(html(focus.name, nameLimit)) and everyone within \(steps)</FONT></TD></TR>"
            )
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">" + rows.joined() + "</TABLE>"
    }

    /// Everything about a person, for hovering: the full name and title, roles, stance,
    /// scores, the route we reach them by, gap marks and (shortened) notes.
    static func personTooltip(
        _ p: PersonAnalysis, marks: [DiagramGapMark], in a: AccountAnalysis,
        names: (String) -> String, contacts: [String] = []
    ) -> String {
        let person = p.person
        var head = [person.name, person.title, person.department].compactMap { $0 }.filter { !$0.isEmpty }
        head = head.map(field)
        var lines = [head.joined(separator: " · ")]
        lines.append(
            "roles: " + (person.roles.isEmpty ? "none" : person.roles.sorted().map(\.rawValue).joined(separator: ", ")))
        lines.append("stance: \(person.stance.rawValue)")
        lines.append("influence \(Formatting.score(p.influence)) (rank \(p.position) of \(a.people.count))")
        if let route = p.route {
            lines.append(
                "reach \(Formatting.unit(p.reach)) via "
                    + DOTEscaping.oneLine(Formatting.route(route, names: { short(names($0)) })))
        } else {
            lines.append("reach 0.00: nobody on our team reaches this person")
        }
        for contact in contacts { lines.append("contact: " + contact) }
        for mark in marks { lines.append("gap: \(mark.sentence)") }
        if let notes = person.notes, !notes.isEmpty {
            lines.append("notes: " + DOTEscaping.truncated(notes, to: noteLimit))
        }
        return lines.joined(separator: "\n")
    }

    static func memberTooltip(_ m: TeamMember, contacts: Int) -> String {
        let role = m.role.map { " · " + field($0) } ?? ""
        return field(m.name) + role
            + "\n\(contacts) contact\(contacts == 1 ? "" : "s") in this account"
    }

    /// "王磊 → 钱伟: medium contact, last 2026-09-18 (44 days ago), now 0.42 (stale)".
    static func contactTooltip(_ c: CurrentContact, names: (String) -> String, stale: Bool) -> String {
        let last =
            c.last.map { "last \($0.iso)" + (c.daysAgo.map { " (\(Formatting.daysAgo($0)))" } ?? "") } ?? "no date"
        let kind = c.implied ? "contact from the visit log" : "\(c.strength.label) contact"
        return
            "\(short(names(c.member))) → \(short(names(c.person))): \(kind), \(last), now \(Formatting.unit(c.current))"
            + (stale ? " (stale)" : "")
    }

    static func relationTooltip(_ r: Relation, names: (String) -> String) -> String {
        let how = r.type == .influences ? "influences" : r.type == .ally ? "is an ally of" : "is a rival of"
        return "\(short(names(r.from))) \(how) \(short(names(r.to))) (strength \(Formatting.unit(r.strength)))"
    }

    static func reportsToTooltip(report: String, manager: String) -> String {
        "\(short(report)) reports to \(short(manager))"
    }

    // MARK: Pieces

    /// A name, title or department for a tooltip: one line, at most 200 characters.
    static func field(_ text: String) -> String {
        DOTEscaping.truncated(DOTEscaping.oneLine(text), to: tooltipFieldLimit)
    }

    private static func short(_ name: String) -> String {
        DOTEscaping.truncated(DOTEscaping.oneLine(name), to: nameLimit)
    }

    private static func html(_ text: String, _ limit: Int) -> String {
        DOTEscaping.htmlText(DOTEscaping.truncated(DOTEscaping.oneLine(text), to: limit))
    }

    private static func cell(_ content: String) -> String { "<TR><TD>\(content)</TD></TR>" }

    private static func table(_ rows: [String]) -> String {
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">" + rows.joined() + "</TABLE>"
    }

    /// `text` on at most `lines` lines of about equal width, none much wider than `width`
    /// display columns; when it does not fit, the last line ends in "…".
    ///
    /// Balanced rather than greedy, so a title never leaves a lone "）" on its second line.
    /// Latin words stay whole: a line breaks at a space or after the hyphen of a compound
    /// ("Présidente-" / "directrice générale"), and only a word wider than the whole line is
    /// cut. CJK text breaks between any two characters, as Chinese typesetting does, but
    /// never before closing punctuation or after opening punctuation.
    static func wrap(_ text: String, width: Int, lines limit: Int) -> [String] {
        let chars = Array(DOTEscaping.oneLine(text))
        guard !chars.isEmpty, limit > 0, width > 1 else { return [] }
        let total = chars.reduce(0) { $0 + DisplayWidth.of(String($1)) }
        // At least one line: text of only zero-width characters (U+200B, combining marks)
        // has total 0, and the balanced width below divides by the line count.
        let needed = max(1, (total + width - 1) / width)
        if needed <= limit {
            // The narrowest line width at which the text still fits on `needed` lines, with
            // whole words if any width allows it, else cutting a word too long for a line.
            for wholeWords in [true, false] {
                for target in stride(from: (total + needed - 1) / needed, through: width, by: 1) {
                    if let lines = fill(chars, width: target, lines: needed, wholeWords: wholeWords) { return lines }
                }
            }
        }
        var lines = fill(chars, width: width, lines: Int.max, wholeWords: false) ?? []
        guard lines.count > limit else { return lines }
        lines = Array(lines.prefix(limit))
        lines[limit - 1] = DisplayWidth.truncate(lines[limit - 1] + "…", to: width)
        return lines
    }

    /// Greedy lines of at most `width` columns (plus closing punctuation pulled up from the
    /// next line), or nil when that takes more than `maxLines` lines, or (with `wholeWords`)
    /// when a Latin word would have to be cut.
    private static func fill(_ chars: [Character], width: Int, lines maxLines: Int, wholeWords: Bool) -> [String]? {
        let closing: Set<Character> = [
            "）", ")", "，", ",", "、", "。", ".", "：", ":", "；", ";", "！", "!", "？", "?", "」", "』", "】", "》",
        ]
        let opening: Set<Character> = ["（", "(", "「", "『", "【", "《"]
        var lines: [String] = []
        var rest = chars[...]
        while !rest.isEmpty {
            guard lines.count < maxLines else { return nil }
            var fit = rest.startIndex, used = 0
            while fit < rest.endIndex, used + DisplayWidth.of(String(rest[fit])) <= width {
                used += DisplayWidth.of(String(rest[fit]))
                fit += 1
            }
            var cut = max(fit, rest.startIndex + 1)
            if cut < rest.endIndex {
                // A Latin word stays whole: break at the space before it or after the hyphen
                // inside it, whichever is later, if the line has one.
                if isWordCharacter(rest[cut - 1]), isWordCharacter(rest[cut]) {
                    let space = rest[..<cut].lastIndex(of: " ").map { $0 > rest.startIndex ? $0 : nil } ?? nil
                    let hyphen = rest[..<(cut - 1)].lastIndex(of: "-").map { $0 + 1 }
                    if let best = [space, hyphen].compactMap({ $0 }).max(), best > rest.startIndex {
                        cut = best
                    } else if wholeWords {
                        return nil
                    }
                }
                while cut < rest.endIndex, closing.contains(rest[cut]) { cut += 1 }
                while cut - 1 > rest.startIndex, cut < rest.endIndex, opening.contains(rest[cut - 1]) { cut -= 1 }
            }
            lines.append(String(rest[..<cut]))
            rest = rest[cut...].drop { $0 == " " }
        }
        return lines
    }

    /// Letters and digits of scripts that separate words with spaces (not CJK).
    private static func isWordCharacter(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, DisplayWidth.of(scalar) == 1 else { return false }
        return c.isLetter || c.isNumber || c == "-" || c == "'"
    }
}
