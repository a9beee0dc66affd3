/// The tables `relmap whatif` prints: before -> after, side by side. Formatting only.
public enum WhatIfTables {
    /// "what if: 乔雅 leaves the account; 王磊 meets 郑丽华 (medium contact)".
    public static func changes(_ c: WhatIfComparison) -> String {
        let before = c.before.analysis.account
        let name = AnalysisTables.names(in: c.before.analysis)
        let parts = c.changes.map { change -> String in
            switch change {
            case .leave(let id):
                before.person(id) != nil ? "\(name(id)) leaves the account" : "\(name(id)) leaves our team"
            case .stance(let id, let stance):
                "\(name(id)) becomes \(stance.rawValue) (was \(before.person(id)?.stance.rawValue ?? "unknown"))"
            case .contact(let m, let p, let strength):
                "\(name(m)) meets \(name(p)) (\(strength.label) contact, dated \(before.asOf))"
            }
        }
        return "what if: " + (parts.isEmpty ? "nothing changes" : parts.joined(separator: "; "))
    }

    /// Coverage, support, opposition, unknown stance and gap counts, before and after.
    public static func scores(_ c: WhatIfComparison) -> Table {
        let b = c.before.analysis.shares, a = c.after.analysis.shares
        func row(_ name: String, _ x: Double, _ y: Double) -> [String] {
            [name, Formatting.score(x), Formatting.score(y), signed(y - x)]
        }
        var rows = [
            row("coverage", b.coverage, a.coverage), row("support", b.support, a.support),
            row("opposition", b.opposition, a.opposition), row("unknown stance", b.unknown, a.unknown),
        ]
        let cb = c.before.counts, ca = c.after.counts
        for severity in GapSeverity.allCases {
            rows.append([
                "\(severity.rawValue) gaps", String(cb[severity]), String(ca[severity]),
                signed(ca[severity] - cb[severity]),
            ])
        }
        return Table(
            columns: [.init("measure"), .init("before", .right), .init("after", .right), .init("change", .right)],
            rows: rows)
    }

    /// The people whose rank, influence, reach or stance changed.
    public static func people(_ c: WhatIfComparison) -> Table {
        let name = AnalysisTables.names(in: c.before.analysis)
        return Table(
            columns: [
                .init("person", maxWidth: 30), .init("rank", .right), .init("influence", .right),
                .init("reach", .right), .init("stance"),
            ],
            rows: c.people.map { p in
                [
                    name(p.id), arrow(p.positionBefore.map(String.init), p.positionAfter.map(String.init)),
                    arrow(p.influenceBefore.map(Formatting.score), p.influenceAfter.map(Formatting.score)),
                    arrow(p.reachBefore.map(Formatting.unit), p.reachAfter.map(Formatting.unit)),
                    arrow(p.stanceBefore?.rawValue, p.stanceAfter?.rawValue),
                ]
            })
    }

    /// Gaps opened and closed.
    public static func gaps(_ c: WhatIfComparison) -> Table {
        let rows =
            c.opened.map {
                [
                    "opened", $0.severity.rawValue, GapSentences.kindLabel($0.kind),
                    GapSentences.sentence($0, in: c.after.analysis),
                ]
            }
            + c.closed.map {
                [
                    "closed", $0.severity.rawValue, GapSentences.kindLabel($0.kind),
                    GapSentences.sentence($0, in: c.before.analysis),
                ]
            }
            + c.regraded.map {
                [
                    "regraded", "\($0.before.severity.rawValue) -> \($0.after.severity.rawValue)",
                    GapSentences.kindLabel($0.after.kind), GapSentences.sentence($0.after, in: c.after.analysis),
                ]
            }
        return Table(
            columns: [.init("gap"), .init("severity"), .init("kind", maxWidth: 30), .init("sentence", maxWidth: 400)],
            rows: rows)
    }

    /// Everything in one long table for CSV: section, subject, before, after.
    public static func csv(_ c: WhatIfComparison) -> Table {
        let id = c.before.analysis.account.id
        var rows = scores(c).rows.map { [id, "score", $0[0], $0[1], $0[2], ""] }
        for p in c.people {
            rows.append([
                id, "rank", p.id, p.positionBefore.map(String.init) ?? "", p.positionAfter.map(String.init) ?? "", "",
            ])
            rows.append([
                id, "influence", p.id, p.influenceBefore.map(Formatting.score) ?? "",
                p.influenceAfter.map(Formatting.score) ?? "", "",
            ])
            rows.append([
                id, "reach", p.id, p.reachBefore.map(Formatting.unit) ?? "", p.reachAfter.map(Formatting.unit) ?? "",
                "",
            ])
            rows.append([id, "stance", p.id, p.stanceBefore?.rawValue ?? "", p.stanceAfter?.rawValue ?? "", ""])
        }
        for g in c.opened {
            rows.append([id, "gap", g.key, "", g.severity.rawValue, GapSentences.sentence(g, in: c.after.analysis)])
        }
        for g in c.closed {
            rows.append([id, "gap", g.key, g.severity.rawValue, "", GapSentences.sentence(g, in: c.before.analysis)])
        }
        for (b, a) in c.regraded {
            rows.append([
                id, "gap", a.key, b.severity.rawValue, a.severity.rawValue,
                GapSentences.sentence(a, in: c.after.analysis),
            ])
        }
        return Table(
            columns: ["account", "section", "subject", "before", "after", "detail"].map { Table.Column($0) }, rows: rows
        )
    }

    /// "17 -> 19", "48.0 -> (gone)", or just "17" when nothing changed.
    static func arrow(_ before: String?, _ after: String?) -> String {
        let b = before ?? "(none)", a = after ?? "(gone)"
        return b == a ? b : "\(b) -> \(a)"
    }

    static func signed(_ x: Double) -> String {
        let s = Formatting.score(x)
        return s == "0.0" || s == "-0.0" ? "0.0" : (x > 0 ? "+" + s : s)
    }

    static func signed(_ x: Int) -> String { x > 0 ? "+\(x)" : String(x) }
}
