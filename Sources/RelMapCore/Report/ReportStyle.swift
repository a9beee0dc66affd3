/// The report's stylesheet, inline in every page so the report works from file:// with
/// no request leaving the page. Colour is never the only signal: severities and stances
/// are also written out, and bars carry their number.
enum ReportStyle {
    static let css = #"""
        :root {
          --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --paper: #ffffff; --band: #f4f6f9;
          --accent: #2458a6; --good: #1a7f5a; --bad: #b3261e; --warn: #a15c00; --unknown: #8a8f98;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
            "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", sans-serif;
          color: var(--ink); background: var(--paper); line-height: 1.45;
        }
        body { margin: 0; }
        main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
        a { color: var(--accent); }
        header.page { border-bottom: 1px solid var(--line); margin-bottom: 16px; padding-bottom: 8px; }
        header.page nav { font-size: 0.9rem; }
        h1 { font-size: 1.6rem; margin: 6px 0 2px; }
        h2 { font-size: 1.2rem; margin: 28px 0 8px; }
        h3 { font-size: 1rem; margin: 16px 0 6px; }
        .meta { color: var(--muted); margin: 0; }
        .metrics { display: grid; grid-template-columns: repeat(4, minmax(150px, 1fr)); gap: 12px; }
        .metric { background: var(--band); border-radius: 8px; padding: 10px 14px; }
        .metric .label { color: var(--muted); font-size: 0.85rem; }
        .metric .value { font-size: 1.6rem; font-weight: 600; }
        .bar { position: relative; height: 8px; background: #e3e7ee; border-radius: 4px; overflow: hidden; min-width: 60px; }
        .bar > span { position: absolute; left: 0; top: 0; bottom: 0; background: var(--accent); }
        .bar.support > span { background: var(--good); }
        .bar.opposition > span { background: var(--bad); }
        .bar.unknown > span { background: var(--unknown); }
        .cellbar { display: flex; align-items: center; gap: 8px; }
        .cellbar .bar { flex: 1; }
        .cellbar .num { min-width: 3.2em; text-align: right; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--band); font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        /* The top gap is a sentence: three lines at most, the whole of it on hover (title). */
        td.gap { min-width: 12em; max-width: 24em; }
        /* The portfolio's twelve columns fit a 1400 px window: headers and amounts may wrap. */
        table.portfolio th, table.portfolio td.risk { white-space: normal; }
        table.portfolio th[scope="row"] { min-width: 9em; }
        td.gap span { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; overflow: hidden; }
        .scroll { overflow-x: auto; }
        .nodiagram { display: inline-block; margin-top: 2px; font-size: 0.8rem; font-weight: 600; color: var(--bad); border: 1px solid var(--bad); border-radius: 3px; padding: 0 5px; }
        th button { all: inherit; cursor: pointer; padding: 0; }
        th button::after { content: " ↕"; color: var(--muted); font-size: 0.8em; }
        th[aria-sort="ascending"] button::after { content: " ↑"; }
        th[aria-sort="descending"] button::after { content: " ↓"; }
        .diagram { border: 1px solid var(--line); border-radius: 8px; margin: 0; }
        .diagram .controls { display: flex; gap: 6px; padding: 6px; border-bottom: 1px solid var(--line); background: var(--band); align-items: center; }
        .diagram .controls button { font: inherit; padding: 2px 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
        .diagram .controls .hint { color: var(--muted); font-size: 0.85rem; margin-left: auto; }
        .viewport { width: 100%; max-height: 80vh; min-height: 320px; overflow: hidden; cursor: grab; touch-action: none; }
        .viewport svg { width: 100%; height: 100%; display: block; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        .gaps, .visits { list-style: none; padding: 0; margin: 0; }
        .gaps li, .visits li { border-left: 4px solid var(--line); padding: 6px 10px; margin-bottom: 8px; background: var(--band); border-radius: 0 6px 6px 0; }
        .sev { display: inline-block; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.04em; padding: 1px 6px; border-radius: 3px; margin-right: 6px; color: #fff; }
        .sev-critical { background: var(--bad); } .gaps li.sev-critical { border-left-color: var(--bad); }
        .sev-high { background: var(--warn); } .gaps li.sev-high { border-left-color: var(--warn); }
        .sev-medium { background: #6b5ca5; } .gaps li.sev-medium { border-left-color: #6b5ca5; }
        .sev-low { background: var(--unknown); } .gaps li.sev-low { border-left-color: var(--unknown); }
        .visits li { border-left-color: var(--good); }
        .visits .who { font-weight: 600; }
        .visits .route, .visits .gain { color: var(--muted); font-size: 0.9rem; }
        .stance { white-space: nowrap; }
        .stance::before { content: ""; display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 4px; border: 1px solid #777; vertical-align: -1px; }
        .stance-champion::before { background: #1a9641; } .stance-supporter::before { background: #a6d96a; }
        .stance-neutral::before { background: #ffffbf; } .stance-skeptic::before { background: #fdae61; }
        .stance-blocker::before { background: #d7191c; } .stance-unknown::before { background: #ddd; border-style: dashed; }
        .empty { color: var(--muted); font-style: italic; }
        footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
        .facts div { background: var(--band); border-radius: 8px; padding: 10px 14px; }
        @media (max-width: 800px) { .metrics { grid-template-columns: 1fr 1fr; } .columns { grid-template-columns: 1fr; } }
        @media print {
          @page { size: A4 landscape; margin: 10mm; }
          main { max-width: none; padding: 0; }
          .diagram .controls, header.page nav { display: none; }
          .viewport { height: auto; min-height: 0; overflow: visible; }
          .viewport svg { height: auto; max-height: 170mm; }
          section { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """#
}
