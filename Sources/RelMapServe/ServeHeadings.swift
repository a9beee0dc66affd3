/// Chinese-first headings for the report's sections inside the serve pages, in the form
/// the serve pages use everywhere ("缺口 Gaps"): the Chinese, then the report's own
/// English words beside it, so a page and the written report are easy to match up.
///
/// The written report keeps its English headings (its pages are compared byte for byte);
/// the serve pages rewrite them here. Each pattern is an opening tag the report's
/// template writes itself: user text is HTML-escaped, so it can never contain `<h2 id=`
/// and is never rewritten. ServeRouteTests checks that every pattern still matches.
enum ServeHeadings {
    static let account: [(String, String)] = [
        (#"<nav><a href="index.html">← Portfolio</a></nav>"#, #"<nav><a href="index.html">← 客户组合 Portfolio</a></nav>"#),
        (
            #"<h2 id="diagram-h">Buying center</h2>"#,
            #"<h2 id="diagram-h">采购决策圈 <span class="en">Buying center</span></h2>"#
        ),
        (#"<h2 id="gaps-h">Gaps ("#, #"<h2 id="gaps-h">缺口 <span class="en">Gaps</span> ("#),
        (#"<h2 id="plan-h">Next visits</h2>"#, #"<h2 id="plan-h">拜访计划 <span class="en">Next visits</span></h2>"#),
        (#"<h2 id="dept-h">Departments</h2>"#, #"<h2 id="dept-h">部门 <span class="en">Departments</span></h2>"#),
        (#"<h2 id="people-h">People</h2>"#, #"<h2 id="people-h">人员 <span class="en">People</span></h2>"#),
        (#"<div class="label">Coverage</div>"#, #"<div class="label">覆盖率 <span class="en">Coverage</span></div>"#),
        (#"<div class="label">Support</div>"#, #"<div class="label">支持度 <span class="en">Support</span></div>"#),
        (#"<div class="label">Opposition</div>"#, #"<div class="label">反对度 <span class="en">Opposition</span></div>"#),
        (
            #"<div class="label">Unknown stance</div>"#,
            #"<div class="label">立场未知 <span class="en">Unknown stance</span></div>"#
        ),
    ]

    /// Shown only when the file has committed versions.
    static let trend = (#"<h2 id="trend-h">Trend</h2>"#, #"<h2 id="trend-h">趋势 <span class="en">Trend</span></h2>"#)

    static let portfolio: [(String, String)] = [
        (#"<h1>Key-account portfolio</h1>"#, #"<h1>大客户组合 <span class="en">Key-account portfolio</span></h1>"#),
        (
            #"<h2 id="accounts-h">Accounts, by value at risk</h2>"#,
            #"<h2 id="accounts-h">客户（按风险价值）<span class="en">Accounts, by value at risk</span></h2>"#
        ),
        (
            #"<h2 id="conc-h">Concentration of value</h2>"#,
            #"<h2 id="conc-h">价值集中度 <span class="en">Concentration of value</span></h2>"#
        ),
        (
            #"<h2 id="mix-h">Accounts by tier and stage</h2>"#,
            #"<h2 id="mix-h">级别与阶段 <span class="en">Accounts by tier and stage</span></h2>"#
        ),
    ]

    /// Shown only when some file has errors.
    static let skipped = (
        #"<h2 id="skipped-h">Files skipped because of errors</h2>"#,
        #"<h2 id="skipped-h">有错误而跳过的文件 <span class="en">Files skipped because of errors</span></h2>"#
    )

    static func account(_ html: String) -> String { rewrite(html, account + [trend]) }
    static func portfolio(_ html: String) -> String { rewrite(html, portfolio + [skipped]) }

    private static func rewrite(_ html: String, _ pairs: [(String, String)]) -> String {
        var out = html
        for (english, chineseFirst) in pairs {
            if let r = out.range(of: english) { out.replaceSubrange(r, with: chineseFirst) }
        }
        return out
    }
}
