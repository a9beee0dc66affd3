/// The report's Mustache templates. Every `{{value}}` is HTML-escaped by swift-mustache
/// (& < > " '); the only unescaped insertions (`{{{...}}}`) are our own stylesheet and
/// script, the diagram SVG, which `ReportBuilder.safeSVG` checks first, and the trend
/// chart, which `TrendChart` writes with every text escaped. The
/// Content-Security-Policy allows no request at all and only the one script whose
/// SHA-256 it names (inline event handlers included), as a second line of defence.
enum ReportTemplates {
    static let head = #"""
        <!DOCTYPE html>
        <!-- Written by relmap: a page of the key-account report (docs/report.md). -->
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '{{scriptHash}}'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="generator" content="relmap">
        <title>{{title}}</title>
        <style>{{{css}}}</style>
        </head>
        """#

    static let index =
        head + "<body>\n<main>\n" + indexMain + #"""
            <footer>relmap report. Each account page says the day its map describes.</footer>
            </main>
            <script>{{{js}}}</script>
            </body>
            </html>

            """#

    static let account =
        head + "<body>\n<main>\n" + accountMain + #"""
            <footer>relmap report for {{name}}. Scores are explained in docs/scoring.md; the map describes {{asOf}}.</footer>
            </main>
            <script>{{{js}}}</script>
            </body>
            </html>

            """#

    /// The portfolio page's content between `<main>` and its footer, shared with `relmap serve`.
    static let indexMain = #"""
        <header class="page">
        <h1>Key-account portfolio</h1>
        <p class="meta">{{accountCount}} accounts{{#totalValue}} · total value {{totalValue}}{{/totalValue}}{{#stamp}} · generated {{stamp}}{{/stamp}}</p>
        </header>
        {{#hasSkipped}}
        <section aria-labelledby="skipped-h">
        <h2 id="skipped-h">Files skipped because of errors</h2>
        <ul>{{#skipped}}<li><code>{{path}}</code>: {{errors}} error(s), first: {{first}}</li>{{/skipped}}</ul>
        </section>
        {{/hasSkipped}}
        <section aria-labelledby="accounts-h">
        <h2 id="accounts-h">Accounts, by value at risk</h2>
        <div class="scroll">
        <table class="sortable portfolio">
        <caption class="meta">Value at risk = value × (1 − reach of decision-makers × (1 − opposition)); see docs/portfolio.md.</caption>
        <thead><tr>
        <th scope="col"><button type="button">Account</button></th><th scope="col"><button type="button">Tier</button></th><th scope="col"><button type="button">Stage</button></th>
        <th scope="col" class="num"><button type="button">Value</button></th><th scope="col" class="num"><button type="button">Coverage</button></th>
        <th scope="col" class="num"><button type="button">Support</button></th><th scope="col" class="num"><button type="button">Opposition</button></th>
        <th scope="col" class="num"><button type="button">Critical</button></th><th scope="col" class="num"><button type="button">High</button></th>
        <th scope="col" class="num"><button type="button">Value at risk</button></th><th scope="col">Top gap</th><th scope="col">Next visit</th>
        </tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row"><a href="{{href}}">{{name}}</a><br><span class="meta">{{id}} · as of {{asOf}}</span>{{#noDiagram}}<br><span class="nodiagram" title="{{noDiagram}}">no diagram</span>{{/noDiagram}}</th><td>{{tier}}</td><td>{{stage}}</td>
        <td class="num" data-sort="{{valueSort}}">{{value}}</td><td class="num">{{coverage}}</td><td class="num">{{support}}</td><td class="num">{{opposition}}</td>
        <td class="num">{{critical}}</td><td class="num">{{high}}</td><td class="num risk" data-sort="{{riskSort}}">{{risk}}</td><td class="gap"><span title="{{topGap}}">{{topGap}}</span></td><td>{{nextVisit}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        </section>
        <section aria-labelledby="conc-h">
        <h2 id="conc-h">Concentration of value</h2>
        {{#concentrations}}
        <h3>{{currency}}: {{total}}</h3>
        <div class="facts">
        <div><strong>{{topFifthShare}}%</strong> of value is held by the top {{topFifthCount}} account(s), the top 20%.</div>
        <div>Herfindahl index <strong>{{herfindahl}}</strong> (0–10,000): as concentrated as <strong>{{effective}}</strong> equal accounts.</div>
        <div>Largest by share: {{#top}}<br>{{name}} <strong>{{share}}%</strong>{{/top}}</div>
        </div>
        {{/concentrations}}
        <p class="meta">Values in different currencies are never added together.</p>
        <h2 id="mix-h">Accounts by tier and stage</h2>
        <table>
        <thead><tr><th scope="col">Tier</th>{{#stages}}<th scope="col" class="num">{{.}}</th>{{/stages}}<th scope="col" class="num">All</th></tr></thead>
        <tbody>{{#mix}}<tr><th scope="row">{{tier}}</th>{{#counts}}<td class="num">{{.}}</td>{{/counts}}<td class="num">{{total}}</td></tr>{{/mix}}</tbody>
        </table>
        </section>

        """#

    /// The account page's content between `<main>` and its footer, shared with `relmap serve`.
    static let accountMain = #"""
        <header class="page">
        <nav><a href="index.html">← Portfolio</a></nav>
        <h1>{{name}} <span class="meta">({{id}})</span></h1>
        <p class="meta">{{facts}} · the map describes {{asOf}}{{#stamp}} · generated {{stamp}}{{/stamp}}</p>
        </header>
        <section aria-label="Summary" class="metrics">
        {{#metrics}}
        <div class="metric"><div class="label">{{label}}</div><div class="value">{{value}}</div><div class="bar {{kind}}" role="img" aria-label="{{label}} {{value}} of 100"><span style="width: {{width}}%"></span></div></div>
        {{/metrics}}
        </section>
        {{#hasTrend}}
        <section aria-labelledby="trend-h" class="trend">
        <h2 id="trend-h">Trend</h2>
        <ul class="legend">{{#trendLegend}}<li><svg width="26" height="10" aria-hidden="true"><line x1="0" y1="5" x2="26" y2="5" stroke="{{colour}}" stroke-width="2" stroke-dasharray="{{dash}}"/></svg>{{name}} {{values}}</li>{{/trendLegend}}</ul>
        {{{trendSVG}}}
        <p class="meta">{{trendCaption}}</p>
        </section>
        {{/hasTrend}}
        <section aria-labelledby="diagram-h">
        <h2 id="diagram-h">Buying center</h2>
        {{#hasSVG}}
        <figure class="diagram" role="group" aria-labelledby="diagram-h">
        <div class="controls"><button type="button" data-zoom="in" aria-label="Zoom in">+</button><button type="button" data-zoom="out" aria-label="Zoom out">−</button><button type="button" data-zoom="reset">Reset</button><span class="hint">Scroll to zoom, drag to pan. Shapes show roles, fill shows stance; see the legend.</span></div>
        <div class="viewport" style="aspect-ratio: {{aspect}}">{{{svg}}}</div>
        </figure>
        {{/hasSVG}}
        {{^hasSVG}}<p class="empty">No diagram: {{svgProblem}}</p>{{/hasSVG}}
        </section>
        <div class="columns">
        <section aria-labelledby="gaps-h">
        <h2 id="gaps-h">Gaps ({{gapCount}})</h2>
        {{#hasGaps}}<ul class="gaps">{{#gaps}}<li class="sev-{{severity}}"><span class="sev sev-{{severity}}">{{severityLabel}}</span>{{sentence}}</li>{{/gaps}}</ul>{{/hasGaps}}
        {{^hasGaps}}<p class="empty">No gaps found.</p>{{/hasGaps}}
        </section>
        <section aria-labelledby="plan-h">
        <h2 id="plan-h">Next visits</h2>
        {{#hasVisits}}<ol class="visits">{{#visits}}<li><span class="who">{{person}}</span> — {{why}}<br><span class="gain">+{{coverageGain}} coverage, +{{supportGain}} support · who goes: {{member}}</span><br><span class="route">{{route}}</span></li>{{/visits}}</ol>{{/hasVisits}}
        {{^hasVisits}}<p class="empty">No visit would raise coverage or support.</p>{{/hasVisits}}
        </section>
        </div>
        <section aria-labelledby="dept-h">
        <h2 id="dept-h">Departments</h2>
        <table>
        <thead><tr><th scope="col">Department</th><th scope="col" class="num">People</th><th scope="col" class="num">Contacted</th><th scope="col">Share of influence</th><th scope="col">Coverage</th><th scope="col">Support</th><th scope="col">Opposition</th></tr></thead>
        <tbody>
        {{#departments}}
        <tr><th scope="row">{{name}}</th><td class="num">{{people}}</td><td class="num">{{contacted}}</td>
        {{#bars}}<td><div class="cellbar"><div class="bar {{kind}}"><span style="width: {{width}}%"></span></div><span class="num">{{value}}</span></div></td>{{/bars}}</tr>
        {{/departments}}
        </tbody>
        </table>
        </section>
        <section aria-labelledby="people-h">
        <h2 id="people-h">People</h2>
        <table class="sortable">
        <thead><tr>
        <th scope="col" class="num"><button type="button">#</button></th><th scope="col"><button type="button">Name</button></th><th scope="col"><button type="button">Title</button></th>
        <th scope="col"><button type="button">Department</button></th><th scope="col"><button type="button">Roles</button></th><th scope="col"><button type="button">Stance</button></th>
        <th scope="col" class="num"><button type="button">Influence</button></th><th scope="col" class="num"><button type="button">Reach</button></th><th scope="col">Warmest route</th>
        </tr></thead>
        <tbody>
        {{#people}}
        <tr><td class="num">{{rank}}</td><th scope="row">{{name}}<br><span class="meta">{{id}}</span></th><td>{{title}}</td><td>{{department}}</td><td>{{roles}}</td>
        <td data-sort="{{stanceSort}}"><span class="stance stance-{{stance}}">{{stance}}</span></td><td class="num">{{influence}}</td><td class="num">{{reach}}</td><td>{{route}}</td></tr>
        {{/people}}
        </tbody>
        </table>
        </section>

        """#
}
