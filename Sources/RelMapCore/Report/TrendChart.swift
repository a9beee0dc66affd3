/// The account page's trend: coverage, support and opposition over the file's committed
/// versions, as a small inline SVG line chart drawn here (no script, no library).
///
/// The chart is as wide as the page and 180 px high. Horizontal positions are
/// percentages and everything else is in pixels, so lines stretch with the page while
/// text and dots keep their size: it reads the same on a 390 px phone and a 1400 px
/// screen. Versions are evenly spaced (one step per commit, not to time scale), so a
/// day of several commits stays readable. All text is escaped here.
enum TrendChart {
    /// One version on the chart.
    struct Point {
        var day: Day
        var commit: String
        var subject: String
        var shares: Shares
    }

    /// The lines, in drawing order, in the report's bar colours; dashes tell them apart
    /// without colour.
    enum Series: String, CaseIterable {
        case coverage, support, opposition
        var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
        var colour: String {
            ["coverage": "#2458a6", "support": "#1a7f5a", "opposition": "#b3261e"][rawValue] ?? "#000"
        }
        var dash: String? { ["support": "7 4", "opposition": "2 3"][rawValue] }
        func value(_ s: Shares) -> Double {
            switch self {
            case .coverage: s.coverage
            case .support: s.support
            case .opposition: s.opposition
            }
        }
    }

    static let height = 180.0
    /// Pixels left of the plot for the axis numbers; below it for the dates.
    static let left = 34.0, top = 10.0, bottom = 26.0
    /// The plot's width as a percentage of the chart, after the `left` offset: the last
    /// point stays inside a 342 px chart (a 390 px phone less the page's padding).
    static let span = 88.0

    /// The loaded versions of a history, oldest first: nil when fewer than two (no trend).
    static func points(_ history: AccountHistory?) -> [Point]? {
        guard let history else { return nil }
        let points = history.entries.compactMap { e in
            e.snapshot.map {
                Point(day: e.commit.day, commit: e.commit.shortHash, subject: e.commit.subject, shares: $0.shares)
            }
        }
        return points.count >= 2 ? points : nil
    }

    /// The chart as one `<svg>` element.
    static func svg(_ points: [Point], label: String) -> String {
        let maximum = points.flatMap { p in Series.allCases.map { $0.value(p.shares) } }.max() ?? 0
        // A round top (10, 20 ... 100) so small moves are visible and the scale is readable.
        let topValue = min(100, max(10, (maximum / 10).rounded(.up) * 10))
        let plot = height - top - bottom
        func y(_ v: Double) -> String { number(top + plot * (1 - min(max(v, 0), topValue) / topValue)) }
        func x(_ i: Int) -> String { number(points.count == 1 ? 0 : span * Double(i) / Double(points.count - 1)) + "%" }

        var out =
            ##"<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" width="100%" height="\##(number(height))" role="img" aria-label="\##(text(label))">"##
        out += "<title>\(text(label))</title>"
        out += ##"<g font-size="12" fill="#5b6475">"##
        for tick in [0, topValue / 2, topValue] {
            out +=
                ##"<text x="\##(number(left - 6))" y="\##(y(tick))" dy="4" text-anchor="end">\##(number(tick))</text>"##
        }
        out += "</g>"
        out += ##"<g transform="translate(\##(number(left)),0)">"##
        for tick in [0, topValue / 2, topValue] {
            out +=
                ##"<line x1="0" x2="\##(number(span))%" y1="\##(y(tick))" y2="\##(y(tick))" stroke="#d9dde5" stroke-width="1"/>"##
        }
        for s in Series.allCases {
            let dash = s.dash.map { ##" stroke-dasharray="\##($0)""## } ?? ""
            out += ##"<g class="trend-\##(s.rawValue)" stroke="\##(s.colour)" fill="\##(s.colour)">"##
            for i in points.indices.dropFirst() {
                out +=
                    ##"<line x1="\##(x(i - 1))" y1="\##(y(s.value(points[i - 1].shares)))" x2="\##(x(i))" y2="\##(y(s.value(points[i].shares)))" stroke-width="2"\##(dash)/>"##
            }
            for (i, p) in points.enumerated() {
                let tip =
                    "\(p.day.iso) \(p.commit) \(p.subject): \(s.name.lowercased()) \(Formatting.score(s.value(p.shares)))"
                out +=
                    ##"<circle cx="\##(x(i))" cy="\##(y(s.value(p.shares)))" r="3"><title>\##(text(tip))</title></circle>"##
            }
            out += "</g>"
        }
        let baseline = number(height - 6)
        out += ##"<g font-size="12" fill="#5b6475">"##
        out += ##"<text x="0" y="\##(baseline)" text-anchor="start">\##(points[0].day.iso)</text>"##
        out +=
            ##"<text x="\##(number(span))%" y="\##(baseline)" text-anchor="end">\##(points[points.count - 1].day.iso)</text>"##
        out += "</g></g></svg>"
        return out
    }

    /// A number as SVG wants it: at most two decimals, no exponent, no trailing zeros.
    static func number(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var s = String(format: "%.2f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// Text for SVG content or a quoted attribute: XML-forbidden characters dropped,
    /// `& < > " '` as entities.
    static func text(_ raw: String) -> String { DOTEscaping.xmlText(raw) }

    /// Sizes the chart and its legend; added to the account page's stylesheet.
    static let css = """
        .trend { margin: 16px 0 0; }
        .trend svg { display: block; max-width: 960px; }
        .trend .legend { display: flex; flex-wrap: wrap; gap: 2px 18px; list-style: none; padding: 0; margin: 0 0 4px; font-size: 0.9rem; }
        .trend .legend svg { display: inline-block; vertical-align: middle; margin-right: 6px; }
        """
}
