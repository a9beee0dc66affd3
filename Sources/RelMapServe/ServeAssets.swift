import RelMapCore

/// The files the pages load (CSS and script are files, not inline, so the
/// Content-Security-Policy can forbid inline script). A fixed list: no file is ever read
/// from disk by name, so there is no directory to list or to climb out of.
enum ServeAssets {
    static func asset(_ name: String) -> (type: String, body: String)? {
        switch name {
        case "report.css": ("text/css; charset=utf-8", ReportBuilder.stylesheet)
        case "serve.css": ("text/css; charset=utf-8", css)
        case "report.js": ("text/javascript; charset=utf-8", ReportBuilder.script)
        case "serve.js": ("text/javascript; charset=utf-8", js + "\n" + DiagramRefresh.js)
        default: nil
        }
    }

    static let css = #"""
        .en { font-weight: normal; color: var(--muted); font-size: 0.85em; }
        .notice { background: #fff4d6; border: 1px solid #e0c46c; padding: 8px 12px; border-radius: 6px; }
        .serve-nav { margin: 0; }
        .serve-layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 24px; align-items: start; }
        .workspace { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; border-left: 1px solid var(--line);
          padding: 8px 0 24px 16px; box-sizing: border-box; }
        .workspace h2 { margin-top: 8px; }
        details.person { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 8px; background: var(--paper); }
        details.person[open] { border-color: var(--accent); box-shadow: 0 0 0 2px rgba(36, 88, 166, 0.15); }
        details.person summary { cursor: pointer; padding: 4px 0; }
        dl.facts-list { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 0.9rem; margin: 6px 0; }
        dl.facts-list dt { color: var(--muted); }
        dl.facts-list dd { margin: 0; overflow-wrap: anywhere; }
        form.edit { display: grid; gap: 8px; margin: 8px 0 12px; }
        form.edit label { display: grid; gap: 2px; font-size: 0.9rem; }
        form.edit label.check { display: inline-flex; gap: 4px; margin-right: 10px; align-items: center; }
        form.edit input[type=text], form.edit input[type=number], form.edit input[type=date], form.edit input[type=password],
        form.edit select, form.edit textarea { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 4px; width: 100%; box-sizing: border-box; }
        form.edit fieldset { border: 1px solid var(--line); border-radius: 4px; }
        form.edit button { font: inherit; padding: 8px 12px; background: var(--accent); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        pre.diff { background: var(--band); padding: 8px; overflow-x: auto; font-size: 0.85rem; }
        .viewport svg g.node { cursor: pointer; }
        .viewport svg g.node.selected polygon, .viewport svg g.node.selected ellipse, .viewport svg g.node.selected path { stroke-width: 3px; stroke: var(--accent); }
        form.signin { max-width: 420px; }
        .workspace h3 { margin: 20px 0 6px; }
        .workspace h4 { margin: 10px 0 2px; font-size: 0.9rem; }
        form.inline { display: inline; margin: 0; }
        ul.items { list-style: none; padding: 0; margin: 2px 0 6px; font-size: 0.85rem; }
        ul.items li { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 3px 0; border-bottom: 1px dashed var(--line); }
        ul.items li span { overflow-wrap: anywhere; }
        button.small { font: inherit; font-size: 0.8rem; padding: 2px 8px; background: var(--paper); color: var(--accent);
          border: 1px solid var(--line); border-radius: 4px; cursor: pointer; white-space: nowrap; }
        button.small.danger { color: #b42318; border-color: #e8b4ae; }
        form.edit button.danger { background: #b42318; }
        .panel-actions { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px; margin: 10px 0 6px; font-size: 0.9rem; }
        details.add { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 8px; background: var(--paper); }
        details.add summary { cursor: pointer; padding: 4px 0; }
        form.whatif fieldset { display: grid; gap: 6px; }
        .tone-good { color: #1a7f37; font-weight: 600; }
        .tone-bad { color: #b42318; font-weight: 600; }
        .whatif-result { margin-top: 8px; }
        .workspace .whatif-result h2 { font-size: 1.05rem; }
        .whatif-result table { width: 100%; font-size: 0.9rem; }
        .wi-sentence { font-weight: 600; }
        ul.wi-gaps li.wi-opened { border-left: 4px solid #b42318; padding-left: 8px; }
        ul.wi-gaps li.wi-closed { border-left: 4px solid #1a7f37; padding-left: 8px; }
        ul.wi-gaps li.wi-regraded { border-left: 4px solid #c9a227; padding-left: 8px; }
        .wi-change { font-weight: 600; }
        .whatif-layout { display: grid; grid-template-columns: 340px minmax(0, 1fr); gap: 24px; align-items: start; }
        ul.changes li { margin: 4px 0; overflow-wrap: anywhere; }
        @media (max-width: 560px) {
          .whatif-result thead .en { display: none; }
          .whatif-result th, .whatif-result td { padding: 4px 6px; }
        }
        @media (max-width: 900px) {
          .whatif-layout { grid-template-columns: minmax(0, 1fr); }
          .serve-layout { grid-template-columns: minmax(0, 1fr); }
          .workspace { position: static; max-height: none; border-left: 0; border-top: 1px solid var(--line); padding: 8px 0; }
        }
        """#

    /// Clicking (not dragging) a person in the diagram opens their panel. It reads node
    /// titles Graphviz wrote and ids the server wrote; it writes no HTML.
    static let js = #"""
        (function () {
          "use strict";
          // Graphviz titles each person's node n0, n1, ... in file order; each panel carries the same name.
          function openPanel(panel, scroll) {
            if (!panel) { return; }
            document.querySelectorAll("details.person[open]").forEach(function (d) { if (d !== panel) { d.open = false; } });
            panel.open = true;
            var node = panel.getAttribute("data-node");
            document.querySelectorAll(".viewport svg g.node").forEach(function (g) {
              var t = g.querySelector("title");
              g.classList.toggle("selected", !!t && t.textContent === node);
            });
            if (scroll) { panel.scrollIntoView({ block: "nearest" }); }
            if (history.replaceState) { history.replaceState(null, "", "#" + panel.id); }
          }
          document.querySelectorAll(".viewport svg").forEach(function (svg) {
            var down = null;
            svg.addEventListener("pointerdown", function (event) {
              var node = event.target.closest ? event.target.closest("g.node") : null;
              down = node ? { node: node, x: event.clientX, y: event.clientY } : null;
            }, true);
            svg.addEventListener("pointerup", function (event) {
              if (!down) { return; }
              var moved = Math.abs(event.clientX - down.x) + Math.abs(event.clientY - down.y);
              var title = down.node.querySelector("title");
              down = null;
              if (moved >= 6 || !title || !/^n[0-9]+$/.test(title.textContent)) { return; }
              openPanel(document.querySelector('details.person[data-node="' + title.textContent + '"]'), true);
            }, true);
          });
          if (location.hash.indexOf("#p-") === 0) { openPanel(document.getElementById(decodeURIComponent(location.hash.slice(1))), false); }
          // The what-if form on the account page: each change fetches the comparison (HTML the
          // server escaped, as on every page) and shows it under the form. Without script the
          // form is an ordinary GET to the what-if page.
          var form = document.getElementById("whatif-form"), out = document.getElementById("whatif-result");
          if (form && out && window.fetch && window.URLSearchParams && window.FormData) {
            var shown = 0;
            var show = function () {
              var query = new URLSearchParams(new FormData(form));
              query.set("part", "1");
              var asked = ++shown;
              fetch(form.getAttribute("action") + "?" + query.toString(), { credentials: "same-origin" })
                .then(function (r) { return r.text(); })
                .then(function (html) { if (asked === shown) { out.innerHTML = html; } })
                .catch(function () { out.textContent = "无法计算 · Could not compute the what-if."; });
            };
            form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
            form.addEventListener("change", show);
          }
        })();
        """#
}
