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
        <h4>关系 <span class="en">Ties</span></h4>
        {{#hasTies}}<ul class="items">{{#ties}}<li><span>{{label}}</span>
        <form method="post" action="/{{accountId}}/remove/relation" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}"><input type="hidden" name="from" value="{{from}}"><input type="hidden" name="to" value="{{to}}"><input type="hidden" name="type" value="{{type}}"><button type="submit" class="small">删除… <span class="en">Remove…</span></button></form></li>{{/ties}}</ul>{{/hasTies}}
        {{^hasTies}}<p class="empty">无 · none</p>{{/hasTies}}
        <h4>我方联系 <span class="en">Our contacts</span></h4>
        {{#hasContacts}}<ul class="items">{{#contacts}}<li><span>{{label}}</span>
        <form method="post" action="/{{accountId}}/remove/contact" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}"><input type="hidden" name="member" value="{{member}}"><input type="hidden" name="person" value="{{id}}"><button type="submit" class="small">删除… <span class="en">Remove…</span></button></form></li>{{/contacts}}</ul>{{/hasContacts}}
        {{^hasContacts}}<p class="empty">我方无人联系 · nobody on our team</p>{{/hasContacts}}
        <div class="panel-actions">
        <a href="/{{accountId}}/whatif?leave={{id}}">假如此人离开 <span class="en">What if they leave</span></a>
        <form method="post" action="/{{accountId}}/remove/person" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}"><input type="hidden" name="person" value="{{id}}"><button type="submit" class="small danger">删除此人… <span class="en">Remove this person…</span></button></form>
        </div>
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
        <h3 id="whatif-h">假设分析 <span class="en">What-if</span></h3>
        <p class="meta">先看前后对比，保存前不写文件 · Before → after at once; nothing is written until you save.</p>
        {{#whatif}}
        """# + whatIfForm + #"""
            {{/whatif}}
            <div id="whatif-result" aria-live="polite"></div>
            <h3 id="add-h">添加 <span class="en">Add</span></h3>
            <details class="add" id="add-person"><summary>添加人员 <span class="en">Add a person</span></summary>
            <form method="post" action="/{{accountId}}/add/person" class="edit">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}">
            <label>ID（字母、数字、- 和 _）<input type="text" name="id" required pattern="[A-Za-z0-9_\-]+" autocomplete="off"></label>
            <label>姓名 Name <input type="text" name="name" required></label>
            <label>职务 Title <input type="text" name="title"></label>
            <label>部门 Department <input type="text" name="department" list="departments"></label>
            <datalist id="departments">{{#departments}}<option value="{{.}}"></option>{{/departments}}</datalist>
            <label>立场 Stance <select name="stance">{{#newStances}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/newStances}}</select></label>
            <fieldset><legend>角色 Roles</legend>
            {{#newRoles}}<label class="check"><input type="checkbox" name="roles" value="{{value}}"> {{label}}</label>{{/newRoles}}
            </fieldset>
            <label>影响力 Influence (1–5) <input type="number" name="influence" min="1" max="5"></label>
            <label>汇报给 Reports to <select name="reports_to"><option value="">（无 none）</option>{{#personChoices}}<option value="{{value}}">{{label}}</option>{{/personChoices}}</select></label>
            <label>备注 Notes <textarea name="notes" rows="2"></textarea></label>
            <button type="submit">添加 Add</button>
            </form>
            </details>
            {{#hasPeople}}
            <details class="add" id="add-relation"><summary>添加关系 <span class="en">Add a tie</span></summary>
            <form method="post" action="/{{accountId}}/add/relation" class="edit">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}">
            <label>从 From <select name="from" required><option value="">—</option>{{#personChoices}}<option value="{{value}}">{{label}}</option>{{/personChoices}}</select></label>
            <label>类型 Type <select name="type"><option value="influences">影响 influences</option><option value="ally">盟友 ally</option><option value="rival">对立 rival</option></select></label>
            <label>到 To <select name="to" required><option value="">—</option>{{#personChoices}}<option value="{{value}}">{{label}}</option>{{/personChoices}}</select></label>
            <label>强度 Strength (0–1] <input type="number" name="strength" min="0.05" max="1" step="0.05" placeholder="1"></label>
            <button type="submit">添加 Add</button>
            </form>
            </details>
            {{/hasPeople}}
            {{#canLog}}
            <details class="add" id="add-contact"><summary>添加联系 <span class="en">Add a contact</span></summary>
            <form method="post" action="/{{accountId}}/add/contact" class="edit">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}">
            <label>我方人员 Member <select name="member" required>{{#members}}<option value="{{value}}">{{label}}</option>{{/members}}</select></label>
            <label>对方人员 Person <select name="person" required><option value="">—</option>{{#personChoices}}<option value="{{value}}">{{label}}</option>{{/personChoices}}</select></label>
            <label>关系强度 Strength <select name="strength"><option value="weak">弱 weak</option><option value="medium" selected>中 medium</option><option value="strong">强 strong</option></select></label>
            <label>最近联系 Last contact <input type="date" name="last" value="{{today}}"></label>
            <button type="submit">添加 Add</button>
            </form>
            </details>
            {{/canLog}}
            </aside>
            </div>
            """#

    /// The what-if choices, on the account page and again on the what-if page. A GET:
    /// it writes nothing, so it needs no CSRF value.
    static let whatIfForm = #"""
        <form method="get" action="/{{accountId}}/whatif" class="edit whatif" id="whatif-form">
        <label>离开 Leaves <select name="leave"><option value="">（无 nobody）</option><optgroup label="对方 Their side">{{#leavePeople}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/leavePeople}}</optgroup><optgroup label="我方 Our team">{{#leaveMembers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/leaveMembers}}</optgroup></select></label>
        <fieldset><legend>立场变化 Stance change</legend>
        <select name="stance_person" aria-label="谁 Who"><option value="">（无 nobody）</option>{{#stancePeople}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stancePeople}}</select>
        <select name="stance" aria-label="新立场 New stance">{{#stances}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stances}}</select>
        </fieldset>
        <fieldset><legend>新联系 New contact</legend>
        <select name="contact_member" aria-label="我方人员 Member"><option value="">（无 none）</option>{{#contactMembers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/contactMembers}}</select>
        <select name="contact_person" aria-label="对方人员 Person"><option value="">（无 none）</option>{{#contactPeople}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/contactPeople}}</select>
        <select name="contact_strength" aria-label="强度 Strength">{{#strengths}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/strengths}}</select>
        </fieldset>
        <button type="submit">看前后对比 Show before → after</button>
        </form>
        """#

    /// The comparison and its save form: the body of the what-if page, and what the
    /// account page's script puts under its form (`?part=1`).
    static let whatIfResult = #"""
        <section class="whatif-result" aria-labelledby="wi-h">
        <h2 id="wi-h">前后对比 <span class="en">Before → after</span></h2>
        {{^hasComparison}}<p class="empty">请至少选择一项变化 · Choose at least one change.</p>{{/hasComparison}}
        {{#hasComparison}}
        <p class="wi-sentence">{{sentence}}</p>
        <div class="scroll"><table class="wi-scores">
        <thead><tr><th scope="col">指标 <span class="en">Measure</span></th><th scope="col" class="num">之前 <span class="en">Before</span></th><th scope="col" class="num">之后 <span class="en">After</span></th><th scope="col" class="num">变化 <span class="en">Change</span></th></tr></thead>
        <tbody>{{#scores}}<tr><th scope="row">{{label}}</th><td class="num">{{before}}</td><td class="num">{{after}}</td><td class="num tone-{{tone}}">{{change}}</td></tr>{{/scores}}</tbody>
        </table></div>
        <h3>缺口变化 <span class="en">Gaps that open or close</span></h3>
        {{#hasGaps}}<ul class="gaps wi-gaps">{{#gaps}}<li class="wi-{{change}}"><span class="wi-change">{{changeLabel}}</span> <span class="meta">{{severity}} · {{kind}}</span><br>{{sentence}}</li>{{/gaps}}</ul>{{/hasGaps}}
        {{^hasGaps}}<p class="empty">没有缺口出现或消失 · No gap opens or closes.</p>{{/hasGaps}}
        <h3>人员变化 <span class="en">People whose standing changes</span></h3>
        {{#hasPeople}}<div class="scroll"><table class="wi-people">
        <thead><tr><th scope="col">人员 <span class="en">Person</span></th><th scope="col" class="num">排名 <span class="en">Rank</span></th><th scope="col" class="num">影响力 <span class="en">Influence</span></th><th scope="col" class="num">可达度 <span class="en">Reach</span></th><th scope="col">立场 <span class="en">Stance</span></th></tr></thead>
        <tbody>{{#people}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/people}}</tbody>
        </table></div>{{/hasPeople}}
        {{^hasPeople}}<p class="empty">无人变化 · Nobody's rank, influence, reach or stance changes.</p>{{/hasPeople}}
        <h3>保存 <span class="en">Save</span></h3>
        <p class="meta">以上只是假设，文件没有改动 · This is a what-if: nothing has been written.</p>
        {{#canSave}}
        <form method="post" action="/{{accountId}}/whatif" class="edit wi-save">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="hash" value="{{hash}}">
        {{#saveFields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/saveFields}}
        <ul>{{#saveLines}}<li>{{.}}</li>{{/saveLines}}</ul>
        <button type="submit">写入文件 Save to {{fileName}}</button>
        </form>
        {{/canSave}}
        {{#notSaved}}<p class="empty">{{.}}</p>{{/notSaved}}
        {{/hasComparison}}
        </section>
        """#

    /// The what-if page: the form, filled in, and the comparison under it.
    static let whatIf = #"""
        <header class="page">
        <nav><a href="/{{accountId}}.html">← 返回 Back to {{accountName}}</a></nav>
        <h1>假设分析 <span class="en">What-if</span>: {{accountName}}</h1>
        </header>
        <div class="whatif-layout">
        <div>{{#whatif}}
        """# + whatIfForm + #"""
            {{/whatif}}</div>
            <div>
            """# + whatIfResult + #"""

            </div>
            </div>
            """#

    /// A removal, shown before it is done: what `relmap remove` would list, and the diff.
    static let confirm = #"""
        <header class="page">
        <nav><a href="/{{accountId}}.html{{anchor}}">← 取消 Cancel</a></nav>
        <h1>确认删除 <span class="en">Confirm removal</span></h1>
        <p>还没有删除任何内容。确认后，<code>{{fileName}}</code> 将有以下改动（与 <code>relmap remove</code> 相同）：
        Nothing has been removed yet. Confirming makes these changes, as <code>relmap remove</code> would:</p>
        </header>
        <ul class="changes">{{#changes}}<li>{{.}}</li>{{/changes}}</ul>
        <form method="post" action="{{action}}" class="edit confirm">
        {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
        <button type="submit" class="danger">确认删除 Remove</button>
        </form>
        <p><a href="/{{accountId}}.html{{anchor}}">取消，不删除 Cancel, remove nothing</a></p>
        <details><summary>文件的改动 <span class="en">The change to the file</span></summary>
        <pre class="diff">{{diff}}</pre>
        </details>
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
