/// The pages `relmap serve` adds around the report's own views. Every `{{value}}` is
/// HTML-escaped by swift-mustache; `{{{content}}}` is only ever HTML made here or by the
/// report's templates (which escape too). No inline script: the Content-Security-Policy
/// allows scripts from this server's files only.
enum ServeTemplates {
    static let layout = #"""
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="relmap serve">
    <title>{{title}}</title>
    <link rel="stylesheet" href="/static/report.css">
    <link rel="stylesheet" href="/static/serve.css">
    </head>
    <body class="{{bodyClass}}">
    <main>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{{content}}}
    </main>
    <script src="/static/report.js"></script>
    <script src="/static/serve.js"></script>
    </body>
    </html>

    """#

    /// The account page: the report's view, then the editing panel beside it.
    static let account = #"""
    <div class="serve-layout">
    <div class="serve-report">
    {{{report}}}
    </div>
    <aside class="workspace" id="workspace" aria-labelledby="ws-h">
    <h2 id="ws-h">编辑 <span class="en">Edit</span></h2>
    <p class="meta">点图中的人打开其资料 · Click a person in the diagram. 文件 File <code>{{fileName}}</code> · 版本 <code>{{shortHash}}</code></p>
    {{#people}}
    <details class="person" id="p-{{id}}" data-node="{{node}}"{{#open}} open{{/open}}>
    <summary><strong>{{name}}</strong> <span class="meta">{{title}}</span> <span class="stance stance-{{stance}}">{{stanceLabel}}</span></summary>
    <dl class="facts-list">
    <dt>部门 Department</dt><dd>{{department}}</dd>
    <dt>角色 Roles</dt><dd>{{roles}}</dd>
    <dt>影响力 Influence</dt><dd>{{influenceShare}}（第 {{rank}} 位 · rank {{rank}}）</dd>
    <dt>可达度 Reach</dt><dd>{{reach}}</dd>
    <dt>最佳路径 Route</dt><dd>{{route}}</dd>
    </dl>
    <form method="post" action="/{{accountId}}/set" class="edit">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}"><input type="hidden" name="person" value="{{id}}">
    <label>立场 Stance <select name="stance">{{#stances}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stances}}</select></label>
    <fieldset><legend>角色 Roles</legend><input type="hidden" name="roles_shown" value="1">
    {{#roleChoices}}<label class="check"><input type="checkbox" name="roles" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/roleChoices}}
    </fieldset>
    <label>影响力 Influence (1–5) <input type="number" name="influence" min="1" max="5" value="{{influence}}"></label>
    <label>职务 Title <input type="text" name="title" value="{{title}}"></label>
    <label>部门 Department <input type="text" name="department" value="{{department}}"></label>
    <label>汇报给 Reports to <select name="reports_to"><option value="">（无 none）</option>{{#managers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/managers}}</select></label>
    <label>备注 Notes <textarea name="notes" rows="3">{{notes}}</textarea></label>
    <button type="submit">保存 Save</button>
    </form>
    </details>
    {{/people}}
    <h3 id="log-h">记录拜访 <span class="en">Log a visit</span></h3>
    {{#canLog}}
    <form method="post" action="/{{accountId}}/log" class="edit" aria-labelledby="log-h">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}">
    <label>我方人员 Member <select name="member">{{#members}}<option value="{{value}}">{{label}}</option>{{/members}}</select></label>
    <fieldset><legend>见了谁 People met</legend>
    {{#people}}<label class="check"><input type="checkbox" name="people" value="{{id}}"> {{name}}</label>{{/people}}
    </fieldset>
    <label>方式 Kind <select name="kind"><option value="visit">拜访 visit</option><option value="meeting">会议 meeting</option><option value="call">电话 call</option><option value="email">邮件 email</option></select></label>
    <label>关系强度 Strength <select name="strength"><option value="">不变 unchanged</option><option value="weak">弱 weak</option><option value="medium">中 medium</option><option value="strong">强 strong</option></select></label>
    <label>日期 Date <input type="date" name="date" value="{{today}}" required></label>
    <label>记录 Note <textarea name="note" rows="3"></textarea></label>
    <button type="submit">记录 Log</button>
    </form>
    {{/canLog}}
    {{^canLog}}<p class="empty">这个客户还没有我方人员 · Add a team member to the file first.</p>{{/canLog}}
    </aside>
    </div>
    """#

    static let portfolio = #"""
    <p class="meta serve-nav">relmap serve · {{folder}}</p>
    {{{report}}}
    """#

    /// 409: the file changed since the page was made; nothing was written.
    static let conflict = #"""
    <header class="page">
    <nav><a href="/{{accountId}}.html">← 返回 Back to {{accountName}}</a></nav>
    <h1>未保存：文件已被别人修改 <span class="en">Not saved: the file changed on disk</span></h1>
    <p>你打开页面之后，<code>{{fileName}}</code> 已被修改（可能是同事或其他工具）。你的修改还没有写入。
    Someone or something changed the file after this page was loaded; your change was not written.</p>
    </header>
    <section aria-labelledby="yours-h">
    <h2 id="yours-h">你的修改 <span class="en">Your change</span></h2>
    <ul>{{#yours}}<li><code>{{name}}</code>: {{value}}</li>{{/yours}}</ul>
    <form method="post" action="{{action}}" class="edit">
    {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
    <button type="submit">在最新版本上重新应用 Re-apply to the current version</button>
    </form>
    </section>
    <section aria-labelledby="disk-h">
    <h2 id="disk-h">磁盘上的变化 <span class="en">What changed on disk</span></h2>
    {{#hasDiff}}<pre class="diff">{{diff}}</pre>{{/hasDiff}}
    {{^hasDiff}}<p class="empty">无法显示差异：页面所基于的版本已不在缓存中 · The version the page was made from is no longer known, so the difference cannot be shown.</p>{{/hasDiff}}
    </section>
    """#

    /// An edit the engine refused (bad value, invalid result, unknown id).
    static let refused = #"""
    <header class="page">
    <nav><a href="/{{accountId}}.html">← 返回 Back to {{accountName}}</a></nav>
    <h1>未保存 <span class="en">Not saved</span></h1>
    <p>{{message}}</p>
    {{#hasFindings}}<ul>{{#findings}}<li>{{.}}</li>{{/findings}}</ul>{{/hasFindings}}
    <p>文件没有改动 · Nothing was written.</p>
    </header>
    """#

    static let signIn = #"""
    <header class="page">
    <h1>登录 <span class="en">Sign in</span></h1>
    <p>这个 relmap 工作区需要令牌 · This workspace needs its token (ask whoever started <code>relmap serve</code>).</p>
    </header>
    {{#failed}}<p class="notice" role="alert">令牌不对 · That is not the token.</p>{{/failed}}
    <form method="post" action="/signin" class="edit signin">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>令牌 Token <input type="password" name="token" autocomplete="current-password" required></label>
    <label>你的名字（用于提交记录）Your name (for commits) <input type="text" name="name" autocomplete="name"></label>
    <button type="submit">登录 Sign in</button>
    </form>
    """#
}
