import Crypto
import Foundation

/// The report's only script, inline and small: sortable tables and a pan-and-zoom
/// diagram. It reads nothing from the network and writes no HTML from data (only
/// reorders existing rows and changes the SVG's viewBox), so it cannot run user text.
enum ReportScript {
    static let js = #"""
        (function () {
          "use strict";
          function cellValue(row, index) {
            var cell = row.cells[index];
            var key = cell.getAttribute("data-sort");
            var text = key !== null ? key : cell.textContent.trim();
            var number = parseFloat(text);
            return isNaN(number) || !/^-?[0-9.]+$/.test(text) ? text : number;
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            var headers = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(headers, function (th, index) {
              var button = th.querySelector("button");
              if (!button) { return; }
              button.addEventListener("click", function () {
                var ascending = th.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
                th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = cellValue(a, index), y = cellValue(b, index);
                  var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          document.querySelectorAll(".diagram").forEach(function (figure) {
            var svg = figure.querySelector("svg");
            if (!svg || !svg.viewBox || !svg.viewBox.baseVal) { return; }
            var base = svg.viewBox.baseVal;
            var home = { x: base.x, y: base.y, w: base.width, h: base.height };
            var view = { x: home.x, y: home.y, w: home.w, h: home.h };
            function apply() { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h); }
            function zoom(factor, cx, cy) {
              var nw = Math.min(home.w * 4, Math.max(home.w / 12, view.w * factor));
              var k = nw / view.w;
              view.x = cx - (cx - view.x) * k; view.y = cy - (cy - view.y) * k;
              view.w = nw; view.h = view.h * k; apply();
            }
            function centre() { return [view.x + view.w / 2, view.y + view.h / 2]; }
            function toSvg(event) {
              var rect = svg.getBoundingClientRect();
              var scale = Math.max(view.w / rect.width, view.h / rect.height);
              var offsetX = (rect.width * scale - view.w) / 2, offsetY = (rect.height * scale - view.h) / 2;
              return [view.x - offsetX + (event.clientX - rect.left) * scale, view.y - offsetY + (event.clientY - rect.top) * scale, scale];
            }
            figure.querySelector("[data-zoom=in]").addEventListener("click", function () { var c = centre(); zoom(0.8, c[0], c[1]); });
            figure.querySelector("[data-zoom=out]").addEventListener("click", function () { var c = centre(); zoom(1.25, c[0], c[1]); });
            figure.querySelector("[data-zoom=reset]").addEventListener("click", function () { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); });
            svg.addEventListener("wheel", function (event) {
              event.preventDefault();
              var p = toSvg(event); zoom(event.deltaY < 0 ? 0.85 : 1.18, p[0], p[1]);
            }, { passive: false });
            var drag = null;
            svg.addEventListener("pointerdown", function (event) { var p = toSvg(event); drag = { x: event.clientX, y: event.clientY, s: p[2] }; svg.setPointerCapture(event.pointerId); });
            svg.addEventListener("pointermove", function (event) {
              if (!drag) { return; }
              view.x -= (event.clientX - drag.x) * drag.s; view.y -= (event.clientY - drag.y) * drag.s;
              drag.x = event.clientX; drag.y = event.clientY; apply();
            });
            svg.addEventListener("pointerup", function () { drag = null; });
          });
        })();
        """#

    /// The CSP source naming this script: `sha256-<base64 of its digest>`.
    static let cspHash: String = "sha256-" + Data(SHA256.hash(data: Data(js.utf8))).base64EncodedString()
}
