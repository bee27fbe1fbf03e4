#!/usr/bin/env python3
"""Renders every chart SVG of a built site in headless Chromium and checks, from the real text
bounding boxes, that no two text elements overlap and that all text lies inside the chart.

Usage: chart_layout.py OUTPUT_DIR   (exit 1 when a chart has a problem)
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


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "Output"
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
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
