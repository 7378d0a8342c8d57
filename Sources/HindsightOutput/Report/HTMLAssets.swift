/// The HTML report's inline stylesheet and script; constant text, never mixed with report data.
enum HTMLAssets {
    /// Light and dark themes, class colours, tables and charts.
    static let style = """
        :root{--bg:#f5f6f8;--surface:#fff;--text:#1b2230;--muted:#5f6b7c;--faint:#8a94a3;--border:#e2e5ea;--hover:#f3f5f9;
        --accent:#3b5bdb;--added:#2b8a3e;--removed:#c92a2a;--bar:#7b93e8;--fix:#e8590c;--warn-bg:#fff4e0;--warn:#8a4b00;
        --hotspot:#e03131;--churning:#e67700;--active:#1c7ed6;--new:#7048e8;--stable:#2f9e44;
        --mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;color-scheme:light dark}
        @media (prefers-color-scheme:dark){:root{--bg:#0e1117;--surface:#161b22;--text:#e6edf3;--muted:#9aa6b4;--faint:#6e7a89;
        --border:#2a313c;--hover:#1c222b;--accent:#7c9cff;--added:#57c26b;--removed:#ff7b72;--bar:#5c7cfa;--fix:#ff922b;
        --warn-bg:#3a2a10;--warn:#ffd08a;--hotspot:#ff6b6b;--churning:#ffa94d;--active:#4dabf7;--new:#9775fa;--stable:#51cf66}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
        "Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
        main{max-width:1360px;margin:0 auto;padding:32px 28px 56px}
        code{font-family:var(--mono);font-size:.92em}
        .muted{color:var(--faint)}
        .masthead{margin-bottom:20px}
        .brand{margin:0;font-size:12px;font-weight:700;letter-spacing:.14em;text-transform:uppercase;color:var(--accent)}
        h1{margin:2px 0 8px;font-size:30px;line-height:1.2;letter-spacing:-.01em}
        .meta{margin:0;display:flex;flex-wrap:wrap;gap:6px 10px;color:var(--muted)}
        .meta>span{background:var(--surface);border:1px solid var(--border);border-radius:999px;padding:2px 12px}
        .warning{background:var(--warn-bg);color:var(--warn);border:1px solid currentColor;border-radius:10px;padding:10px 14px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(132px,1fr));gap:12px;margin:20px 0}
        .card{background:var(--surface);border:1px solid var(--border);border-radius:12px;padding:14px}
        .card p{margin:0}
        .card .label{font-size:12px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
        .card{min-width:0}
        .card .value{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums;margin:2px 0;line-height:1.3;
        overflow-wrap:anywhere}
        .card .value.long{font-size:21px}
        .card .value.longer{font-size:18px}
        .card .value.longest{font-size:15px}
        .card .note{font-size:12px;color:var(--faint);line-height:1.35}
        .card.warn .value{color:var(--hotspot)}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:20px}
        .panel,.settings{background:var(--surface);border:1px solid var(--border);border-radius:14px;padding:20px 22px;margin-top:20px;
        box-shadow:0 1px 2px rgba(16,24,40,.04)}
        .charts .panel{margin-top:0}
        main>.panel{content-visibility:auto;contain-intrinsic-size:auto 900px}
        h2{margin:0;font-size:17px;letter-spacing:-.005em}
        h3{margin:0 0 8px;font-size:14px;display:flex;flex-wrap:wrap;align-items:center;gap:8px}
        .sub{margin:2px 0 14px;color:var(--muted);font-size:13px}
        .none{margin:0;padding:28px;text-align:center;color:var(--faint);border:1px dashed var(--border);border-radius:10px}
        svg{display:block;width:100%;height:auto;font-size:11px;overflow:visible}
        svg .grid line{stroke:var(--border);stroke-dasharray:2 3}
        svg .axis line{stroke:var(--faint)}
        svg .tick{fill:var(--muted);font-variant-numeric:tabular-nums}
        svg .axis-label{fill:var(--muted);font-size:12px;font-weight:600}
        .dot{fill:var(--c);fill-opacity:.72;stroke:var(--surface);stroke-width:1.5}
        .dot:hover{fill-opacity:1;stroke:var(--text)}
        .dot-label{fill:var(--text);font-size:11px;font-family:var(--mono);paint-order:stroke;stroke:var(--surface);stroke-width:3px}
        .bar{fill:var(--bar)}
        .fixbar{fill:var(--fix)}
        .trend{fill:none;stroke:var(--accent);stroke-width:2;stroke-linejoin:round}
        .point{fill:var(--accent);stroke:var(--surface);stroke-width:1.5}
        .point.provisional{fill:var(--surface);stroke:var(--accent)}
        .week:hover .bar{fill:var(--accent)}
        .legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;margin:10px 0 0;padding:0;font-size:12px;color:var(--muted)}
        .legend li{display:flex;align-items:center;gap:6px}
        .swatch{display:inline-block;width:10px;height:10px;border-radius:50%;background:var(--c)}
        .swatch.commits{background:var(--bar);border-radius:2px}
        .swatch.fixes{background:var(--fix);border-radius:2px}
        .k-hotspot{--c:var(--hotspot)}.k-churning{--c:var(--churning)}.k-active{--c:var(--active)}.k-new{--c:var(--new)}
        .k-stable{--c:var(--stable)}
        .table-wrap{overflow-x:auto}
        .table-wrap.tall{max-height:36em;overflow-y:auto;border:1px solid var(--border);border-radius:10px}
        .tall thead th{position:sticky;top:0;z-index:1;background:var(--surface)}
        table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
        th,td{padding:8px 7px;border-bottom:1px solid var(--border);text-align:right;white-space:nowrap;vertical-align:top}
        th.text,td.text{text-align:left}
        thead th{font-size:11px;font-weight:650;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
        border-bottom:2px solid var(--border);vertical-align:bottom;white-space:normal;line-height:1.3}
        th button{all:unset;cursor:pointer;border-radius:4px}
        th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
        .js th button::after{content:"\\2195";margin-left:4px;opacity:.35}
        .js th[aria-sort=ascending] button::after{content:"\\2191";opacity:1}
        .js th[aria-sort=descending] button::after{content:"\\2193";opacity:1}
        tbody tr:hover{background:var(--hover)}
        tbody tr:last-child td{border-bottom:0}
        td.file{white-space:normal;min-width:170px;max-width:300px;overflow-wrap:anywhere}
        td.wrap{white-space:normal;min-width:90px;max-width:200px;overflow-wrap:anywhere}
        td.partner{min-width:130px}
        td.owner{min-width:100px}
        td.classes{white-space:normal;min-width:150px}
        .more td{padding:3px 7px}
        .more td:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere;font-family:var(--mono);
        font-size:12.5px;box-shadow:inset 3px 0 0 var(--c,transparent)}
        .more td:nth-child(2){text-align:left;color:var(--c)}
        .filter{display:none;margin:0 0 10px;align-items:center;gap:10px;color:var(--muted);font-size:13px}
        .js .filter{display:flex}
        .filter input{font:inherit;color:var(--text);background:var(--surface);border:1px solid var(--border);
        border-radius:8px;padding:5px 10px;width:min(100%,360px)}
        .files tbody td:first-child{box-shadow:inset 3px 0 0 var(--c,transparent)}
        .path{font-family:var(--mono);font-size:12.5px}
        .reason{margin-top:2px;font-size:12px;color:var(--faint);line-height:1.35}
        .badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:11.5px;font-weight:650;color:var(--c);
        border:1px solid var(--c);background:transparent;background:color-mix(in srgb,var(--c) 13%,transparent);cursor:help}
        .tag,.pill{display:inline-block;padding:0 7px;border-radius:999px;font-size:11px;border:1px solid var(--border);color:var(--muted)}
        .chip{display:inline-flex;align-items:center;gap:4px;margin-right:8px;font-size:12px;color:var(--muted)}
        .added{color:var(--added)}.removed{color:var(--removed)}
        .split{font-size:11.5px;line-height:1.3;margin-top:1px;white-space:normal}
        .share{color:var(--faint);font-size:12px}
        .meter{display:block;height:3px;margin:4px 0 0 auto;border-radius:2px;background:var(--accent);opacity:.45}
        .files .meter{background:var(--c,var(--accent))}
        .recurring{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:14px}
        .fixfile{border:1px solid var(--border);border-radius:10px;padding:14px 16px;min-width:0}
        .regions{list-style:none;margin:0;padding:0}
        .regions>li{margin:8px 0}
        .lines{font-family:var(--mono);font-weight:650;font-size:12.5px;background:var(--hover);border:1px solid var(--border);
        border-radius:6px;padding:0 6px}
        .commits{margin:6px 0 0;padding-left:20px;font-size:13px}
        .commits li{margin:3px 0;overflow-wrap:anywhere}
        .sha{font-family:var(--mono);font-size:12px;color:var(--accent)}
        .date{color:var(--faint);font-size:12px;font-variant-numeric:tabular-nums}
        span.author{color:var(--muted);font-size:12px}
        span.author::before{content:"\\2014 "}
        .fof{display:inline-block;padding:0 7px;border-radius:999px;font-size:11px;font-weight:650;color:var(--fix);
        border:1px solid var(--fix)}
        li.again{list-style-type:"\\21BB  "}
        details{margin-top:10px;font-size:13px}
        summary{cursor:pointer;color:var(--muted)}
        td.commitcell{white-space:normal;min-width:220px;overflow-wrap:anywhere}
        .arrow{color:var(--faint)}
        .settings h2{margin-bottom:0}
        .settings dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px 28px;margin:0}
        .settings dt{font-size:11px;font-weight:650;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
        .settings dd{margin:0;font-size:13px;overflow-wrap:anywhere}
        .colophon{margin:18px 0 0;font-size:12px;color:var(--faint)}
        @media (max-width:600px){main{padding:20px 14px}.charts,.recurring{grid-template-columns:1fr}}
        @media print{.panel,.settings,.card{box-shadow:none;break-inside:avoid}main>.panel{content-visibility:visible}}
        """

    /// Click-to-sort for `table.sortable` and the compact table's filter box; without JavaScript, tables stay in report order.
    static let script = """
        (function () {
          "use strict";
          document.documentElement.classList.add("js");
          function compare(x, y) {
            var a = Number(x), b = Number(y);
            if (x !== "" && y !== "" && !isNaN(a) && !isNaN(b)) { return a - b; }
            return x < y ? -1 : x > y ? 1 : 0;
          }
          function key(cell) {
            var sort = cell ? cell.getAttribute("data-sort") : "";
            return sort === null ? cell.textContent : sort;
          }
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            var heads = table.tHead.rows[0].cells;
            var body = table.tBodies[0];
            var numbered = false;
            Array.prototype.forEach.call(heads, function (head, column) {
              var button = head.querySelector("button");
              if (!button) { return; }
              button.addEventListener("click", function () {
                if (!numbered) {
                  Array.prototype.forEach.call(body.rows, function (row, index) { row.setAttribute("data-order", index); });
                  numbered = true;
                }
                var current = head.getAttribute("aria-sort");
                var next = current ? (current === "descending" ? "ascending" : "descending")
                                   : (head.getAttribute("data-first") || "descending");
                Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
                head.setAttribute("aria-sort", next);
                var sign = next === "ascending" ? 1 : -1;
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (r, s) {
                  var order = compare(key(r.cells[column]) || "", key(s.cells[column]) || "");
                  return order !== 0 ? sign * order : r.getAttribute("data-order") - s.getAttribute("data-order");
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (input) {
            var table = document.getElementById(input.getAttribute("data-filter"));
            var count = input.parentNode.querySelector("output");
            var total = table.tBodies[0].rows.length;
            var timer = 0;
            function apply() {
              var query = input.value.trim().toLowerCase();
              var shown = 0;
              Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
                var match = query === "" ||
                  (row.cells[0].textContent + " " + row.cells[1].textContent).toLowerCase().indexOf(query) >= 0;
                row.hidden = !match;
                if (match) { shown += 1; }
              });
              count.textContent = query === "" ? total + (total === 1 ? " file" : " files")
                                               : shown + " of " + total + " match";
            }
            input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
          });
        })();
        """
}
