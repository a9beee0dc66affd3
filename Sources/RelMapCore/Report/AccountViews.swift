/// Turns one account's scores, gaps and plan into the account page's view.
enum AccountViews {
    static func page(_ input: AccountReportInput, stamp: String?) -> AccountPageView {
        let a = input.analysis
        let acc = a.account
        let names = AnalysisTables.names(in: a)
        var facts: [String] = []
        if let tier = acc.tier { facts.append("tier: \(tier.rawValue)") }
        if let stage = acc.stage { facts.append("stage: \(stage.rawValue)") }
        if acc.value != nil { facts.append("value \(Formatting.money(acc.value, acc.currency))") }
        facts.append("\(acc.people.count) people, \(acc.team.count) on our team")
        let svg = input.svg.flatMap(ReportBuilder.safeSVG)
        let trend = TrendChart.points(input.history)
        return AccountPageView(
            lang: lang(of: acc), title: "\(acc.name) – relmap",
            css: ReportStyle.css + (trend == nil ? "" : "\n" + TrendChart.css), js: ReportScript.js,
            scriptHash: ReportScript.cspHash, stamp: stamp,
            name: acc.name, id: acc.id, facts: facts.joined(separator: " · "), asOf: acc.asOf.iso,
            metrics: metrics(a.shares),
            hasTrend: trend != nil, trendSVG: trend.map { TrendChart.svg($0, label: trendCaption($0)) } ?? "",
            trendCaption: trend.map(trendCaption) ?? "", trendLegend: trend.map(trendLegend) ?? [],
            hasSVG: svg != nil, svg: svg ?? "", aspect: svg.flatMap(aspectRatio) ?? "4 / 3",
            svgProblem: input.svgProblem
                ?? (input.svg == nil
                    ? "the diagram could not be drawn" : "the diagram held content that is not allowed in the report"),
            gapCount: input.gaps.count, hasGaps: !input.gaps.isEmpty,
            gaps: input.gaps.map {
                GapView(severity: $0.severity, severityLabel: $0.severity.uppercased(), sentence: $0.sentence)
            },
            hasVisits: !input.visits.isEmpty,
            visits: input.visits.map {
                VisitView(
                    person: $0.person, why: $0.why, coverageGain: Formatting.score($0.coverageGain),
                    supportGain: Formatting.score($0.supportGain), member: $0.member, route: $0.route)
            },
            departments: a.departments.map { d in
                DepartmentView(
                    name: d.name ?? "(no department)", people: d.people, contacted: d.contacted,
                    bars: [
                        bar("influence", d.influenceShare), bar("coverage", d.shares.coverage),
                        bar("support", d.shares.support), bar("opposition", d.shares.opposition),
                    ])
            },
            people: a.ranked.map { p in
                PersonView(
                    rank: p.position, name: p.person.name, id: p.person.id, title: p.person.title ?? "",
                    department: p.person.department ?? "",
                    roles: p.person.roles.sorted().map(\.rawValue).joined(separator: ", "),
                    stance: p.person.stance.rawValue, stanceSort: String((p.person.stance.score ?? -3) + 3),
                    influence: Formatting.score(p.influence), reach: Formatting.unit(p.reach),
                    route: p.route.map { Formatting.route($0, names: names) } ?? "nobody reaches this person")
            })
    }

    /// What the trend chart shows, in words (also the chart's accessible name).
    static func trendCaption(_ points: [TrendChart.Point]) -> String {
        "\(points.count) committed versions of this file, \(points[0].day.iso) to \(points[points.count - 1].day.iso), "
            + "one step per commit (the last \(ReportHistory.versions) at most; docs/history.md)"
    }

    static func trendLegend(_ points: [TrendChart.Point]) -> [TrendLegendView] {
        TrendChart.Series.allCases.map { s in
            let first = s.value(points[0].shares), last = s.value(points[points.count - 1].shares)
            return TrendLegendView(
                name: s.name, colour: s.colour, dash: s.dash ?? "none",
                values: "\(Formatting.score(first)) → \(Formatting.score(last))")
        }
    }

    /// "W / H" from the SVG's viewBox, for the CSS aspect-ratio of its box.
    static func aspectRatio(_ svg: String) -> String? {
        guard let r = svg.range(of: #"viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)""#, options: .regularExpression)
        else { return nil }
        let numbers = svg[r].split(separator: "\"")[1].split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
        return "\(Formatting.score(numbers[2])) / \(Formatting.score(numbers[3]))"
    }

    static func metrics(_ s: Shares) -> [MetricView] {
        [
            ("Coverage", s.coverage, "coverage"), ("Support", s.support, "support"),
            ("Opposition", s.opposition, "opposition"), ("Unknown stance", s.unknown, "unknown"),
        ].map {
            MetricView(
                label: $0.0, value: Formatting.score($0.1), kind: $0.2, width: Formatting.score(min(100, max(0, $0.1))))
        }
    }

    static func bar(_ kind: String, _ value: Double) -> BarView {
        BarView(kind: kind, value: Formatting.score(value), width: Formatting.score(min(100, max(0, value))))
    }

    /// zh when most names are Chinese, so browsers pick CJK fonts and line breaking.
    static func lang(of account: Account) -> String {
        let chinese = account.people.count { p in
            p.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        }
        return chinese * 2 > account.people.count ? "zh-CN" : "en"
    }
}

/// Turns the portfolio into the index page's view.
enum PortfolioViews {
    static func page(_ portfolio: Portfolio, skipped: [LoadedFile], stamp: String?) -> PortfolioPageView {
        let totals = portfolio.concentrations.map { Formatting.money($0.concentration.totalValue, $0.currency) }
        let total = totals.isEmpty ? nil : totals.joined(separator: " + ")
        let names = Dictionary(
            portfolio.entries.map { ($0.analysis.account.id, $0.analysis.account.name) },
            uniquingKeysWith: { a, _ in a })
        let stages: [Stage?] = Stage.allCases + [nil]
        let tiers: [Tier?] = Tier.allCases + [nil]
        let chinese = portfolio.entries.count { AccountViews.lang(of: $0.analysis.account) == "zh-CN" }
        return PortfolioPageView(
            lang: chinese * 2 > portfolio.entries.count ? "zh-CN" : "en",
            title: "Key-account portfolio – relmap", css: ReportStyle.css, js: ReportScript.js,
            scriptHash: ReportScript.cspHash, stamp: stamp,
            accountCount: portfolio.entries.count, totalValue: total,
            hasSkipped: !skipped.isEmpty,
            skipped: skipped.map { f in
                SkippedView(
                    path: f.path, errors: f.diagnostics.errorCount,
                    first: f.diagnostics.first { $0.severity == .error }.map(\.inline) ?? "")
            },
            rows: portfolio.entries.map { e in
                let acc = e.analysis.account
                return PortfolioRowView(
                    href: ReportBuilder.pageName(acc.id), name: acc.name, id: acc.id, asOf: acc.asOf.iso,
                    tier: acc.tier?.rawValue ?? "", stage: acc.stage?.rawValue ?? "",
                    value: Formatting.money(acc.value, acc.currency), valueSort: String(acc.value ?? -1),
                    coverage: Formatting.score(e.analysis.shares.coverage),
                    support: Formatting.score(e.analysis.shares.support),
                    opposition: Formatting.score(e.analysis.shares.opposition), critical: e.critical, high: e.high,
                    risk: e.valueAtRisk.amount.map {
                        "\(Formatting.money($0, acc.currency)) (\(Formatting.percent(e.valueAtRisk.riskShare)))"
                    } ?? "no value given",
                    riskSort: String(e.valueAtRisk.amount ?? -1),
                    topGap: e.topGap.map { "\($0.severity.uppercased()): \($0.sentence)" } ?? "none",
                    nextVisit: e.nextVisit.map { "\($0.person) (\($0.member))" } ?? "none",
                    noDiagram: e.input.svg == nil ? (e.input.svgProblem ?? "the diagram could not be drawn") : nil)
            },
            concentrations: portfolio.concentrations.map { group in
                let c = group.concentration
                return ConcentrationView(
                    currency: group.currency ?? "no currency given",
                    total: Formatting.money(c.totalValue, group.currency),
                    topFifthShare: Formatting.score(c.topFifthShare), topFifthCount: c.topFifthCount,
                    herfindahl: String(Int(c.herfindahl.rounded())), effective: Formatting.score(c.effectiveAccounts),
                    top: c.top.map { ShareView(name: names[$0.id] ?? $0.id, share: Formatting.score($0.share)) })
            },
            stages: stages.map { $0?.rawValue ?? "(none)" },
            mix: tiers.compactMap { tier in
                guard let row = portfolio.mix[tier] else { return nil }
                let counts = stages.map { row[$0] ?? 0 }
                return MixRowView(tier: tier?.rawValue ?? "(none)", counts: counts, total: counts.reduce(0, +))
            })
    }
}
