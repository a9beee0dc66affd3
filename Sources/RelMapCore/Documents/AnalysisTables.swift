/// The tables `relmap analyze` prints, built from an analysis. Formatting only.
public enum AnalysisTables {
    /// One line naming the account: "华北钢铁集团 (north-steel) · strategic · establishing · as of 2026-11-01".
    public static func heading(_ a: AccountAnalysis) -> String {
        let acc = a.account
        var parts = ["\(acc.name) (\(acc.id))"]
        if let tier = acc.tier { parts.append(tier.rawValue) }
        if let stage = acc.stage { parts.append(stage.rawValue) }
        if acc.value != nil { parts.append(Formatting.money(acc.value, acc.currency)) }
        parts.append("as of \(acc.asOf)")
        return parts.joined(separator: " · ")
    }

    /// One line of the four shares: coverage, support, opposition and unknown stance, one decimal each.
    public static func sharesLine(_ s: Shares) -> String {
        "coverage \(Formatting.score(s.coverage))  support \(Formatting.score(s.support))  opposition \(Formatting.score(s.opposition))  unknown stance \(Formatting.score(s.unknown))"
    }

    /// The people by influence rank: position, person, title, department, roles, stance, influence, reach.
    public static func people(_ a: AccountAnalysis) -> Table {
        Table(
            columns: [
                .init("#", .right), .init("person", maxWidth: 24), .init("title", maxWidth: 18),
                .init("department", maxWidth: 16), .init("roles", maxWidth: 28), .init("stance"),
                .init("influence", .right), .init("reach", .right),
            ],
            rows: a.ranked.map { p in
                [
                    String(p.position), "\(p.person.name) (\(p.person.id))", p.person.title ?? "",
                    p.person.department ?? "", Formatting.roles(p.person.roles), p.person.stance.rawValue,
                    Formatting.score(p.influence), Formatting.unit(p.reach),
                ]
            })
    }

    /// One row per department in the analysis' order: people, contacted, influence share and the three shares.
    public static func departments(_ a: AccountAnalysis) -> Table {
        Table(
            columns: [
                .init("department", maxWidth: 24), .init("people", .right), .init("contacted", .right),
                .init("influence%", .right), .init("coverage", .right), .init("support", .right),
                .init("opposition", .right),
            ],
            rows: a.departments.map { d in
                [
                    d.name ?? "(none)", String(d.people), String(d.contacted), Formatting.score(d.influenceShare),
                    Formatting.score(d.shares.coverage), Formatting.score(d.shares.support),
                    Formatting.score(d.shares.opposition),
                ]
            })
    }

    /// One row per person per account, for CSV: every column a spreadsheet needs.
    public static func peopleCSV(_ analyses: [AccountAnalysis]) -> Table {
        Table(
            columns: [
                "account", "rank", "id", "name", "title", "department", "level", "roles", "stance",
                "influence", "reach", "route",
            ].map { Table.Column($0) },
            rows: analyses.flatMap { a -> [[String]] in
                let nameOf = names(in: a)
                return a.ranked.map { p -> [String] in
                    [
                        a.account.id, String(p.position), p.person.id, p.person.name, p.person.title ?? "",
                        p.person.department ?? "", p.person.level.map(String.init) ?? "",
                        p.person.roles.map(\.rawValue).joined(separator: ";"), p.person.stance.rawValue,
                        Formatting.score(p.influence), Formatting.unit(p.reach),
                        p.route.map { Formatting.route($0, names: nameOf) } ?? "",
                    ]
                }
            })
    }

    /// Display names by id, for routes: people and team members.
    public static func names(in a: AccountAnalysis) -> (String) -> String {
        var byId: [String: String] = [:]
        for m in a.account.team { byId[m.id] = m.name }
        for p in a.account.people { byId[p.id] = p.name }
        return { byId[$0] ?? $0 }
    }

    /// "赵建国 (zhao): influence 100.0 = own weight 21.3 + via 许秘书 (xu-ms, influences 0.8) 40.2 + ...".
    public static func explanation(_ a: AccountAnalysis, id: String) -> String? {
        guard let i = a.graph.index[id] else { return nil }
        let top = a.people.map(\.rank).max() ?? 0
        guard top > 0 else { return nil }
        let parts = Influence.explain(
            i, scores: a.people.map(\.rank), personalization: a.personalization,
            graph: a.graph, parameters: a.parameters, scale: 100 / top)
        let p = a.people[i]
        let names = names(in: a)
        var lines = [
            "\(p.person.name) (\(id)): influence \(Formatting.score(p.influence)), rank \(p.position) of \(a.people.count)"
        ]
        lines.append(
            "  own weight     \(Formatting.score(parts.own))   (judgment \(p.person.influence ?? a.parameters.defaultJudgment)/5, role \(p.person.mainRole?.rawValue ?? "none"), level \(Influence.effectiveLevels(account: a.account, graph: a.graph)[i]))"
        )
        for v in parts.via {
            let other = a.graph.ids[v.from]
            let influences = a.account.relations.contains { $0.type == .influences && $0.from == id && $0.to == other }
            let reports = a.account.people[i].reportsTo == other
            let how = [influences ? "influences" : nil, reports ? "reports to" : nil].compactMap { $0 }.joined(
                separator: " + ")
            lines.append(
                "  via \(names(other)) (\(other)): \(Formatting.score(v.part))   (\(how), weight \(Formatting.unit(v.weight)))"
            )
        }
        let sum = parts.own + parts.via.reduce(0) { $0 + $1.part }
        lines.append("  sum            \(Formatting.score(sum))")
        lines.append(
            "  reach          \(Formatting.unit(p.reach))"
                + (p.route.map { "   via " + Formatting.route($0, names: names) }
                    ?? "   (nobody on our team reaches this person)"))
        return lines.joined(separator: "\n")
    }
}
