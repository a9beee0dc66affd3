import Foundation
import HTTPTypes
import Hummingbird

/// An account page made while its diagram is still being drawn (just after a save, or a
/// first view of a large account) shows the previous diagram, or a placeholder, with a
/// notice; its script asks the server whether the new diagram is drawn and then reloads
/// the page, unless the user has started typing in a form (then it offers the reload).
enum DiagramRefresh {
    static func notice(id: String, hash: String, drawing: Bool) throws -> String {
        guard drawing else { return "" }
        return try ServePages.render(template, ["poll": "/\(id)/diagram?hash=\(hash)"])
    }

    static let template = #"""
        <p class="notice drawing" role="status" data-diagram-poll="{{poll}}">正在按这个版本重画关系图，画好后页面自动刷新 · Redrawing the diagram for this version; the page reloads when it is ready.</p>

        """#

    /// Appended to serve.js. Writes only fixed text into the page.
    static let js = #"""
        (function () {
          "use strict";
          var note = document.querySelector("p[data-diagram-poll]");
          if (!note || !window.fetch) { return; }
          var url = note.getAttribute("data-diagram-poll"), typed = false, tries = 0;
          document.addEventListener("input", function () { typed = true; }, true);
          function reload() { location.reload(); }
          function ready() {
            if (!typed) { reload(); return; }
            note.textContent = "新的关系图已画好 · The new diagram is ready. ";
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = "刷新 Reload";
            button.addEventListener("click", reload);
            note.appendChild(button);
          }
          function check() {
            fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
              if (r.status === 202) { if (++tries < 400) { setTimeout(check, 300); } return; }
              if (r.ok || r.status === 404) { ready(); }
            }, function () { if (++tries < 400) { setTimeout(check, 1000); } });
          }
          setTimeout(check, 150);
        })();
        """#
}

extension ServeHandlers {
    /// `GET /ID/diagram?hash=H`: 200 when the diagram of that version of the file is
    /// drawn, 202 while it is being drawn, 404 when it is neither (forgotten, or never
    /// asked for: the page reloads and asks again).
    func diagramStatus(_ request: Request, _ context: ServeContext) async throws -> Response {
        guard let id = context.parameters.get("id"), await workspace.path(for: id) != nil,
            let hash = request.uri.queryParameters.get("hash")
        else { throw HTTPError(.notFound) }
        switch await workspace.isDrawn(String(hash)) {
        case true?: return ServeGuard.text(.ok, "drawn\n")
        case false?: return ServeGuard.text(.accepted, "drawing\n")
        case nil: throw HTTPError(.notFound)
        }
    }
}
