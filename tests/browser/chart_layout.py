#!/usr/bin/env python3
"""Renders every chart SVG of a built site in headless Chromium and checks, from the real text
bounding boxes, that no two text elements overlap and that all text lies inside the chart.

Then loads the report, unit and chart (embed) pages at 320, 390 and 1280 px and in print, and measures
every visible chart text in the page: its font size times the scale the chart is drawn at must be at
least 12 CSS px on screen and 9 pt in print. Screenshots of the report pages at each width go to
<site>/../chart-screenshots.

Usage: chart_layout.py OUTPUT_DIR [--min-pie-items N]   (exit 1 when a chart has a problem)
  --min-pie-items N: the site must contain a pie whose legend has at least N items (generated sites).
"""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHECK = r"""
<script>
window.addEventListener('load', function () {
  var problems = [], charts = 0;
  document.querySelectorAll('svg').forEach(function (svg) {
    charts++;
    var name = svg.getAttribute('data-file');
    var vb = svg.viewBox.baseVal;
    var boxes = [];
    svg.querySelectorAll('text').forEach(function (t) {
      if (!t.textContent.trim()) return;
      var b = t.getBBox();
      boxes.push({text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height});
      if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
        problems.push(name + ': text outside the chart: ' + t.textContent);
    });
    for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      var ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      var oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      // Glyph boxes include line gap: only a real overlap of more than 2px each way counts.
      if (ox > 2 && oy > 2) problems.push(name + ': "' + a.text + '" overlaps "' + b.text + '"');
    }
  });
  document.getElementById('result').textContent = JSON.stringify({charts: charts, problems: problems});
});
</script>
"""


MEASURE = r"""
var minimum = arguments[0], small = [], measured = 0, legend = 0;
document.querySelectorAll('svg text').forEach(function (t) {
  var svg = t.ownerSVGElement;
  if (!svg || !t.textContent.trim()) return;
  var box = svg.getBoundingClientRect();
  if (box.width === 0 || getComputedStyle(svg).display === 'none') return;
  var m = t.getScreenCTM();
  var size = parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(m.a * m.a + m.b * m.b);
  measured++;
  if (size < minimum - 0.01) small.push((svg.closest('figure') || svg).id + ' ' + svg.getAttribute('data-layout') + ': "' + t.textContent + '" ' + size.toFixed(2) + 'px');
});
document.querySelectorAll('svg[data-layout]').forEach(function (svg) {
  if (svg.getBoundingClientRect().width === 0) return;
  var swatches = svg.querySelectorAll('path[data-angle]').length;
  if (swatches > legend) legend = swatches;
});
return {measured: measured, small: small, pieItems: legend};
"""


def measure_pages(out, min_pie_items):
    """Chart text as shown in pages, at phone and desktop widths and in print."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(arg)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    d = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    shots = os.path.join(os.path.dirname(os.path.abspath(out)), "chart-screenshots")
    os.makedirs(shots, exist_ok=True)
    reports = sorted(glob.glob(os.path.join(out, "*", "*", "index.html")))
    units = sorted(glob.glob(os.path.join(out, "*", "index.html")))
    embeds = sorted(glob.glob(os.path.join(out, "*", "*", "charts", "*.html")))
    # Every report page of a small site; of a large one the twelve with the most pie items.
    def pie_items(report):
        folder = os.path.join(os.path.dirname(report), "charts")
        return max([open(p, encoding="utf-8").read().count("data-angle=") for p in glob.glob(os.path.join(folder, "*.svg"))] or [0])
    if len(reports) > 12:
        reports = sorted(reports, key=lambda r: (-pie_items(r), r))[:12]
    embeds = sorted(glob.glob(os.path.join(os.path.dirname(reports[0]), "charts", "*.html")))
    pages = reports + units[:3] + embeds
    problems, measured, most_pie_items = [], 0, 0
    try:
        for width in (320, 390, 1280):
            d.set_window_size(width, 900)
            for page in pages:
                d.get("file://" + os.path.abspath(page))
                result = d.execute_script(MEASURE, 12)
                measured += result["measured"]
                most_pie_items = max(most_pie_items, result["pieItems"])
                problems += ["%s @%dpx: %s" % (os.path.relpath(page, out), width, p) for p in result["small"]]
                if page == reports[0]:
                    height = d.execute_script("return Math.min(document.body.scrollHeight, 16000);")
                    d.set_window_size(width, height)
                    d.save_screenshot(os.path.join(shots, "report-%d.png" % width))
                    d.set_window_size(width, 900)
        # Print: A4 with the site's 18 mm side margins is 174 mm (658 CSS px) of text width.
        d.set_window_size(658, 900)
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        for page in reports[:6]:
            d.get("file://" + os.path.abspath(page))
            result = d.execute_script(MEASURE, 12)
            measured += result["measured"]
            problems += ["%s in print: %s (under 9 pt)" % (os.path.relpath(page, out), p) for p in result["small"]]
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    finally:
        d.quit()
    if min_pie_items and most_pie_items < min_pie_items:
        problems.append("no pie with %d items in the pages checked (largest: %d)" % (min_pie_items, most_pie_items))
    for problem in problems[:40]:
        print("  " + problem)
    print("chart-text: %d chart texts measured in %d pages at 320/390/1280 px and in print, %d too small; largest pie %d items"
          % (measured, len(pages), len(problems), most_pie_items))
    return problems


def main():
    args = [a for a in sys.argv[1:]]
    min_pie_items = 0
    if "--min-pie-items" in args:
        i = args.index("--min-pie-items")
        min_pie_items = int(args[i + 1])
        del args[i:i + 2]
    out = args[0] if args else "Output"
    files = sorted(glob.glob(os.path.join(out, "**", "charts", "*.svg"), recursive=True))
    if not files:
        print("chart-layout: no charts found")
        return 1
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        print("chart-layout: chromium not installed")
        return 1
    parts = []
    for path in files:
        svg = open(path, encoding="utf-8").read()
        svg = svg.replace("<svg ", '<svg data-file="%s" ' % html.escape(os.path.relpath(path, out)), 1)
        parts.append("<div>%s</div>" % svg)
    page = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>%s<pre id="result">pending</pre>%s</body></html>' % ("".join(parts), CHECK)
    with tempfile.TemporaryDirectory() as tmp:
        index = os.path.join(tmp, "charts.html")
        open(index, "w", encoding="utf-8").write(page)
        dom = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
                              "--dump-dom", "file://" + index], capture_output=True, text=True, timeout=120).stdout
    match = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    if not match or match.group(1) == "pending":
        print("chart-layout: the check did not run")
        return 1
    result = json.loads(html.unescape(match.group(1)))
    for problem in result["problems"]:
        print("  " + problem)
    print("chart-layout: %d charts checked, %d problems" % (result["charts"], len(result["problems"])))
    small = measure_pages(out, min_pie_items)
    return 1 if result["problems"] or small else 0


if __name__ == "__main__":
    sys.exit(main())
