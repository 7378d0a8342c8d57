#!/usr/bin/env python3
"""The HTML report on real repositories: page size, render time, and headless Chromium's load time.

Usage: python3 bench/html.py [--config FILE] [--screenshots DIR] [--runs N] [--chromium PATH]
                             [--variant NAME=ARGS ...] HINDSIGHT REPO [REPO ...]

  HINDSIGHT        the hindsight binary to measure (e.g. .build/release/hindsight)
  REPO             one or more git clones with a Hindsight index (run `hindsight mine` first: the
                   report runs with --no-mine, so only rendering is timed); measured one after another
  --config FILE    a .hindsight.yml for every hindsight command (bench/corpus.yml for the corpus)
  --screenshots D  write each page's screenshot to D/<repo>-<variant>.png (default: a temporary
                   directory, printed at the end); look at them, the numbers cannot see everything
  --runs N         runs per measurement; the table gives medians (default 3)
  --chromium PATH  the browser (default: chromium, chromium-browser or google-chrome on PATH)
  --variant N=ARGS a row per variant: extra `report` arguments, split on spaces (default: two rows,
                   `default=` and `vendored=--include-vendored`, the latter the page of every file,
                   vendored and fixture trees included)

For each repository and variant:

 1. render: `HINDSIGHT report --repo R --no-mine --format html --output F [--config FILE] ARGS`,
    N times; the wall seconds (median) and the page's size in bytes. The files in full and in the
    compact table are counted from the page (`<tr class="k-` rows of each table).
 2. Chromium load: a copy of the page with one inline script appended after the page's own script
    (the page's CSP allows inline scripts) is loaded with
    `chromium --headless=new --disable-gpu --no-sandbox --window-size=1400,4000 --dump-dom file://COPY`. The script runs when
    the whole document is parsed and the page's script has run, forces style and layout
    (`getBoundingClientRect` on the body) and records `performance.now()`: milliseconds from
    navigation start to a laid-out page, paint excluded. Median of N runs. Browser start-up is not in it.
 3. Chromium screenshot: the wall seconds of
    `chromium --headless=new --disable-gpu --no-sandbox --hide-scrollbars --window-size=1400,4000
    --screenshot=PNG file://PAGE` (start-up, load, layout, paint, PNG), median of N, next to the same
    command on about:blank (the start-up floor on this machine) in the table's heading.
 4. Layout checks, by the appended script in the real browser, with the browser's own font metrics:
    tables wider than their panel (a `.table-wrap` whose content scrolls sideways), summary figures
    wider than their card or broken over two lines, SVG text outside its panel's padding, and chart labels that cover a
    circle other than their own or another label. Each must be 0.

Prints progress to stderr, and to stdout one Markdown table per repository and the load average
before and after (the machine may be shared: compare medians, not single runs).
Exit status: 0; 1 when a page could not be rendered or loaded; 2 for a usage error.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

#: The script appended to a copy of the page: times the laid-out page and checks the layout.
PROBE = r"""<script>
(function () {
  "use strict";
  document.body.getBoundingClientRect();
  var layout = performance.now();
  function inside(inner, outer, slack) {
    return inner.left >= outer.left - slack && inner.right <= outer.right + slack &&
      inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
  }
  function content(element) {
    var box = element.getBoundingClientRect(), style = getComputedStyle(element);
    return { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight),
             top: box.top + parseFloat(style.paddingTop), bottom: box.bottom - parseFloat(style.paddingBottom) };
  }
  function textBox(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect();
  }
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  var wideTables = [], wideFigures = [], outsideText = [], coveredCircles = [];
  document.querySelectorAll(".table-wrap").forEach(function (wrap) {
    var excess = wrap.scrollWidth - wrap.clientWidth;
    if (excess > 1) { wideTables.push(wrap.closest("section").id + " +" + excess + "px"); }
  });
  document.querySelectorAll(".card").forEach(function (card) {
    var value = card.querySelector(".value");
    if (!value) { return; }
    var range = document.createRange();
    range.selectNodeContents(value);
    var lines = new Set(Array.prototype.map.call(range.getClientRects(), function (r) { return Math.round(r.top); }));
    if (!inside(textBox(value), content(card), 0.5) || lines.size > 1) { wideFigures.push(value.textContent); }
  });
  document.querySelectorAll(".panel svg text").forEach(function (text) {
    var panel = content(text.closest("section"));
    if (!inside(text.getBoundingClientRect(), panel, 0.5)) { outsideText.push(text.textContent); }
  });
  var circles = Array.prototype.map.call(document.querySelectorAll("#hotspots circle"), function (circle) {
    var box = circle.getBoundingClientRect();
    return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2, r: box.width / 2 };
  });
  var labels = Array.prototype.map.call(document.querySelectorAll("#hotspots .dot-label"), function (label) {
    return { name: label.textContent, box: label.getBoundingClientRect() };
  });
  labels.forEach(function (label, index) {
    var covered = circles.filter(function (c) {
      var x = Math.min(Math.max(c.x, label.box.left), label.box.right);
      var y = Math.min(Math.max(c.y, label.box.top), label.box.bottom);
      return (c.x - x) * (c.x - x) + (c.y - y) * (c.y - y) < c.r * c.r;
    }).length;
    var others = labels.filter(function (other, j) { return j !== index && overlaps(label.box, other.box); }).length;
    if (covered > 0 || others > 0) { coveredCircles.push(label.name); }
  });
  document.documentElement.setAttribute("data-bench", JSON.stringify({
    layoutMs: layout, wideTables: wideTables, wideFigures: wideFigures, outsideText: outsideText,
    coveredLabels: coveredCircles, labels: labels.length
  }));
})();
</script>
"""

#: The window of every Chromium run: a desktop width, and tall enough to show the first sections whole.
WINDOW = "--window-size=1400,4000"
BENCH_ATTRIBUTE = re.compile(r'data-bench="([^"]*)"')


class Failure(Exception):
    """A step that could not run; its message goes into the table."""


def log(message):
    print(message, file=sys.stderr, flush=True)


def load_average():
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            return " ".join(handle.read().split()[:3])
    except OSError:
        return "unknown"


def timed(args, timeout=600):
    """Runs `args`; returns (wall seconds, stdout). Raises Failure on a non-zero exit."""
    start = time.monotonic()
    try:
        result = subprocess.run(args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise Failure(f"timed out after {timeout} s: {' '.join(args[:3])}") from error
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise Failure(f"{os.path.basename(args[0])} exited {result.returncode}: {detail[0]}")
    return elapsed, result.stdout


def chromium_command(browser):
    return [browser, "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars"]


def probe_page(page, browser, work):
    """Loads a probed copy of `page` and returns the appended script's findings."""
    with open(page, encoding="utf-8") as handle:
        html = handle.read()
    closing = html.rfind("</body>")
    if closing < 0:
        raise Failure("the page has no </body>")
    copy = os.path.join(work, "probed-" + os.path.basename(page))
    with open(copy, "w", encoding="utf-8") as handle:
        handle.write(html[:closing] + PROBE + html[closing:])
    _, dom = timed(chromium_command(browser) + [WINDOW, "--dump-dom", "file://" + copy], timeout=300)
    match = BENCH_ATTRIBUTE.search(dom.decode("utf-8", "replace"))
    if not match:
        raise Failure("the probe did not run (no data-bench in the dumped DOM)")
    # This file is html.py, so the standard library's html module is shadowed: unescape by hand.
    text = match.group(1)
    for entity, character in [("&quot;", '"'), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'"), ("&amp;", "&")]:
        text = text.replace(entity, character)
    return json.loads(text)


def screenshot(target, browser, png):
    seconds, _ = timed(
        chromium_command(browser) + [WINDOW, "--screenshot=" + png, target], timeout=300)
    return seconds


def count_rows(html, table):
    """Rows of the `table` (a table class) in the page."""
    start = html.find(f'<table class="sortable {table}"')
    if start < 0:
        return 0
    end = html.find("</table>", start)
    return html.count('<tr class="k-', start, end)


def measure(hindsight, repo, name, extra, options, work, shots):
    page = os.path.join(work, f"{os.path.basename(os.path.abspath(repo))}-{name}.html")
    command = [hindsight, "report", "--repo", repo, "--no-mine", "--format", "html", "--output", page, "--quiet"]
    command += options.config_args + extra
    renders = []
    for run in range(options.runs):
        log(f"  {name}: render {run + 1}/{options.runs}")
        renders.append(timed(command)[0])
    with open(page, encoding="utf-8") as handle:
        html = handle.read()
    loads, walls, findings = [], [], None
    png = os.path.join(shots, os.path.basename(page)[: -len(".html")] + ".png")
    for run in range(options.runs):
        log(f"  {name}: chromium {run + 1}/{options.runs}")
        findings = probe_page(page, options.chromium, work)
        loads.append(findings["layoutMs"])
        walls.append(screenshot("file://" + page, options.chromium, png))
    return {
        "name": name, "args": " ".join(extra) or "(none)", "bytes": os.path.getsize(page),
        "full": count_rows(html, "files"), "compact": count_rows(html, "more"),
        "render": statistics.median(renders), "load": statistics.median(loads),
        "screenshot": statistics.median(walls), "findings": findings, "png": png,
    }


def describe(findings):
    parts = []
    for key, label in [("wideTables", "wide tables"), ("wideFigures", "wide figures"),
                       ("outsideText", "SVG text outside"), ("coveredLabels", "labels over circles")]:
        items = findings[key]
        parts.append(f"{label}: {len(items)}" + (f" ({', '.join(items[:3])})" if items else ""))
    return "; ".join(parts)


def table(repo, rows, blank):
    print(f"\n### {os.path.basename(os.path.abspath(repo))}\n")
    print(f"Chromium start-up floor (about:blank screenshot): {blank:.2f} s.\n")
    print("| variant | report args | files in full | compact rows | page bytes | hindsight s | "
          "Chromium layout ms | screenshot s | layout checks |")
    print("|---|---|--:|--:|--:|--:|--:|--:|---|")
    for row in rows:
        if "error" in row:
            print(f"| {row['name']} | {row['args']} | – | – | – | – | – | – | {row['error']} |")
            continue
        print(f"| {row['name']} | `{row['args']}` | {row['full']:,} | {row['compact']:,} | {row['bytes']:,} | "
              f"{row['render']:.2f} | {row['load']:.0f} | {row['screenshot']:.2f} | {describe(row['findings'])} |")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hindsight")
    parser.add_argument("repos", nargs="+")
    parser.add_argument("--config")
    parser.add_argument("--screenshots")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium")
    parser.add_argument("--variant", action="append", default=[])
    options = parser.parse_args()
    options.config_args = ["--config", os.path.abspath(options.config)] if options.config else []
    options.chromium = options.chromium or next(
        (found for found in map(shutil.which, ["chromium", "chromium-browser", "google-chrome"]) if found), None)
    variants = options.variant or ["default=", "vendored=--include-vendored"]
    options.variants = [(v.split("=", 1)[0], v.split("=", 1)[1].split()) for v in variants if "=" in v]
    if not os.access(options.hindsight, os.X_OK) or not options.chromium or options.runs < 1:
        parser.error("need an executable HINDSIGHT, a Chromium (--chromium) and --runs of at least 1")
    if len(options.variants) != len(variants):
        parser.error("a --variant is NAME=ARGS")
    for repo in options.repos:
        if not os.path.isdir(repo):
            parser.error(f"no such repository: {repo}")
    options.hindsight = os.path.abspath(options.hindsight)
    return options


def main():
    options = parse_arguments()
    shots = options.screenshots or tempfile.mkdtemp(prefix="hindsight-html-shots-")
    os.makedirs(shots, exist_ok=True)
    status = 0
    print(f"Load average before: {load_average()}.")
    with tempfile.TemporaryDirectory(prefix="hindsight-html-") as work:
        blank = statistics.median(
            screenshot("about:blank", options.chromium, os.path.join(work, "blank.png")) for _ in range(options.runs))
        for repo in options.repos:
            log(f"{repo}")
            rows = []
            for name, extra in options.variants:
                try:
                    rows.append(measure(options.hindsight, repo, name, extra, options, work, shots))
                except Failure as error:
                    rows.append({"name": name, "args": " ".join(extra) or "(none)", "error": str(error)})
                    status = 1
            table(repo, rows, blank)
    print(f"\nLoad average after: {load_average()}. Medians of {options.runs} runs. Screenshots: {shots}")
    return status


if __name__ == "__main__":
    sys.exit(main())
