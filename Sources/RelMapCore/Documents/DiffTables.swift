import Foundation

/// The tables `relmap diff` prints, built from a diff. Formatting only.
public enum DiffTables {
    /// "华北钢铁集团 (north-steel) · 2026-08-01 -> 2026-11-01".
    public static func heading(_ d: AccountDiff) -> String {
        let ids = d.old.id == d.new.id ? d.new.id : "\(d.old.id) -> \(d.new.id)"
        return "\(d.new.name) (\(ids)) · \(d.old.asOf) -> \(d.new.asOf)"
    }

    /// Every section with something in it, in reading order: shares, people, stances,
    /// roles, other changes, contacts, ranks, departments, gaps.
    public static func sections(_ d: AccountDiff) -> [Table] {
        var out = [shares(d)]
        if !d.added.isEmpty { out.append(people("people added (\(d.added.count))", d.added)) }
        if !d.removed.isEmpty { out.append(people("people removed (\(d.removed.count))", d.removed)) }
        if !d.stances.isEmpty {
            out.append(
                Table(
                    title: "stance changes (\(d.stances.count))",
                    columns: [
                        .init("person", maxWidth: 24), .init("from"), .init("to"), .init("change"),
                        .init("influence", .right),
                    ],
                    rows: d.stances.map { s in
                        [
                            "\(s.name) (\(s.id))", s.from.rawValue, s.to.rawValue, arrow(s.direction),
                            Formatting.score(s.influence),
                        ]
                    }))
        }
        if !d.roles.isEmpty {
            out.append(
                Table(
                    title: "role changes (\(d.roles.count))",
                    columns: [
                        .init("person", maxWidth: 24), .init("added", maxWidth: 50), .init("removed", maxWidth: 50),
                    ],
                    rows: d.roles.map { r in
                        [
                            "\(r.name) (\(r.id))", r.added.map(\.rawValue).joined(separator: ", "),
                            r.removed.map(\.rawValue).joined(separator: ", "),
                        ]
                    }))
        }
        if !d.fields.isEmpty {
            out.append(
                Table(
                    title: "other changes (\(d.fields.count))",
                    columns: [
                        .init("person", maxWidth: 24), .init("field"), .init("from", maxWidth: 40),
                        .init("to", maxWidth: 40),
                    ], rows: d.fields.map { f in ["\(f.name) (\(f.id))", f.field, f.from ?? "-", f.to ?? "-"] }))
        }
        if !d.contacts.isEmpty { out.append(contacts(d)) }
        if !d.ranks.isEmpty {
            out.append(
                Table(
                    title: "influence ranks (\(d.ranks.count) moved)",
                    columns: [
                        .init("person", maxWidth: 24), .init("rank", .right), .init("move", .right),
                        .init("influence", .right), .init("change", .right),
                    ],
                    rows: d.ranks.map { r in
                        [
                            "\(r.name) (\(r.id))", "\(r.fromRank) -> \(r.toRank)",
                            r.rise > 0 ? "▲\(r.rise)" : r.rise < 0 ? "▼\(-r.rise)" : "=",
                            "\(Formatting.score(r.fromInfluence)) -> \(Formatting.score(r.toInfluence))",
                            signed(r.toInfluence - r.fromInfluence),
                        ]
                    }))
        }
        if !d.departments.isEmpty {
            out.append(
                Table(
                    title: "departments",
                    columns: [
                        .init("department", maxWidth: 24), .init("coverage", .right), .init("support", .right),
                        .init("opposition", .right), .init("unknown stance", .right),
                    ],
                    rows: d.departments.map { c in
                        [
                            c.department ?? "(none)", move(c.from?.coverage, c.to?.coverage),
                            move(c.from?.support, c.to?.support),
                            move(c.from?.opposition, c.to?.opposition), move(c.from?.unknown, c.to?.unknown),
                        ]
                    }))
        }
        if let gaps = d.gaps, !gaps.isEmpty {
            let rows =
                gaps.opened.map { ["opened", $0.severity, $0.text] }
                + gaps.closed.map { ["closed", $0.severity, $0.text] }
            out.append(
                Table(
                    title: "gaps (\(gaps.opened.count) opened, \(gaps.closed.count) closed)",
                    columns: [.init("gap"), .init("severity"), .init("reason", maxWidth: 80)], rows: rows))
        }
        return out
    }

    /// The account's shares before and after, with the change.
    public static func shares(_ d: AccountDiff) -> Table {
        let rows: [(String, KeyPath<Shares, Double>)] = [
            ("coverage", \.coverage), ("support", \.support), ("opposition", \.opposition),
            ("unknown stance", \.unknown),
        ]
        return Table(
            columns: [
                .init("share"), .init(d.old.asOf.iso, .right), .init(d.new.asOf.iso, .right), .init("change", .right),
            ],
            rows: rows.map { name, key in
                let a = d.shares.from?[keyPath: key], b = d.shares.to?[keyPath: key]
                return [
                    name, a.map(Formatting.score) ?? "-", b.map(Formatting.score) ?? "-",
                    a.flatMap { a in b.map { signed($0 - a) } } ?? "",
                ]
            })
    }

    static func people(_ title: String, _ entries: [AccountDiff.PersonEntry]) -> Table {
        Table(
            title: title,
            columns: [
                .init("rank", .right), .init("person", maxWidth: 24), .init("title", maxWidth: 18),
                .init("department", maxWidth: 16), .init("roles", maxWidth: 28), .init("stance"),
                .init("influence", .right),
            ],
            rows: entries.map { e in
                [
                    String(e.rank), "\(e.person.name) (\(e.person.id))", e.person.title ?? "",
                    e.person.department ?? "",
                    Formatting.roles(e.person.roles), e.person.stance.rawValue, Formatting.score(e.influence),
                ]
            })
    }

    static func contacts(_ d: AccountDiff) -> Table {
        Table(
            title: "contacts (\(d.contacts.count) changes; stale after \(d.staleAfterDays) days)",
            columns: [
                .init("change"), .init("member", maxWidth: 20), .init("person", maxWidth: 24),
                .init("before", maxWidth: 36), .init("now", maxWidth: 36),
            ],
            rows: d.contacts.map { c in
                [
                    c.kind.rawValue, "\(c.memberName) (\(c.member))", "\(c.personName) (\(c.person))",
                    c.from.map(contact) ?? "-", c.to.map(contact) ?? "-",
                ]
            })
    }

    /// "medium, 2026-10-30 (12 days ago)".
    public static func contact(_ c: CurrentContact) -> String {
        guard let last = c.last, let days = c.daysAgo else { return "\(c.strength.label), no date" }
        return "\(c.strength.label), \(last) (\(Formatting.daysAgo(days)))"
    }

    static func arrow(_ d: AccountDiff.StanceDirection) -> String {
        switch d {
        case .up: "▲ up"
        case .down: "▼ down"
        case .learned: "learned"
        case .lost: "lost track"
        }
    }

    /// "+7.3", "-2.0", "0.0".
    public static func signed(_ x: Double) -> String {
        let s = Formatting.score(x)
        return s == "0.0" || s == "-0.0" ? "0.0" : (x > 0 ? "+" + s : s)
    }

    /// "31.2 -> 38.5", "- -> 12.0", or the one number when it did not move.
    static func move(_ a: Double?, _ b: Double?) -> String {
        let from = a.map(Formatting.score) ?? "-", to = b.map(Formatting.score) ?? "-"
        return from == to ? to : "\(from) -> \(to)"
    }
}
