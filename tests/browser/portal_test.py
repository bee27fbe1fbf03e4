#!/usr/bin/env python3
"""The portal bundle's article.html after a UEditor-like sanitiser (which strips <style>, <script>,
<iframe> and class attributes), shown in a real browser: every chart image loads from the bundle's
PNGs, tables keep their ruled cells and right-aligned amounts, every part of the report page is there
(five for a Sichuan report, four for a Shanghai one: the report's profile decides).
Screenshots go to <site>/../portal-screenshots.

Usage: portal_test.py SITE_DIR   (a site built with --portal; exit 1 on any failure)
"""
import glob
import os
import re
import shutil
import sys

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "Output")
failures, passed = [], 0


def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(name)
        print("FAIL %s %s" % (name, detail))


def sanitise(html):
    for tag in ("style", "script", "iframe"):
        html = re.sub(r"<%s\b[^>]*>[\s\S]*?</%s>" % (tag, tag), "", html, flags=re.I)
        html = re.sub(r"<%s\b[^>]*/?>" % tag, "", html, flags=re.I)
    return re.sub(r"""\sclass=("[^"]*"|'[^']*'|[^\s>]+)""", "", html, flags=re.I)


PAGE = r"""
var imgs = Array.from(document.images);
var td = document.querySelector('td');
var number = Array.from(document.querySelectorAll('td')).find(function (c) { return /^[0-9,.\-]+$/.test(c.textContent.trim()); });
var text = document.body.innerText;
return {images: imgs.length, loaded: imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length,
        alts: imgs.filter(function (i) { return i.alt.indexOf('来源：') >= 0; }).length,
        border: td ? getComputedStyle(td).borderTopWidth : null, align: number ? getComputedStyle(number).textAlign : null,
        tables: document.querySelectorAll('table').length,
        parts: (text.match(/第[一二三四五六七八九十]+部分/g) || []).filter(function (p, i, all) { return all.indexOf(p) === i; }).sort()};
"""


def main():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    articles = sorted(glob.glob(os.path.join(SITE, "*", "*", "portal", "article.html")))
    check("every report has a portal article", len(articles) == len(glob.glob(os.path.join(SITE, "*", "*", "report.json"))), len(articles))
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files"]:
        options.add_argument(arg)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    d = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    shots = os.path.join(os.path.dirname(SITE), "portal-screenshots")
    os.makedirs(shots, exist_ok=True)
    try:
        for article in articles:
            name = os.path.relpath(article, SITE)
            raw = open(article, encoding="utf-8-sig").read()
            # The parts the report's own page prints (its profile's outline), which the article must keep.
            page = open(os.path.join(os.path.dirname(os.path.dirname(article)), "index.html"), encoding="utf-8").read()
            parts = sorted(set(re.findall(r"第[一二三四五六七八九十]+部分", page)))
            check(name + ": the report page names its parts", len(parts) >= 3, parts)
            clean = sanitise(raw)
            check(name + ": the sanitiser finds nothing to strip", clean == raw)
            # What the CMS page around the pasted fragment looks like: its own document, no site styles.
            host = os.path.join(os.path.dirname(article), "sanitised-preview.html")
            open(host, "w", encoding="utf-8").write(
                '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
                '<title>门户网站文章</title></head><body style="margin:12px">%s</body></html>' % clean)
            try:
                for width in (390, 1280):
                    d.set_window_size(width, 900)
                    d.get("file://" + host)
                    r = d.execute_script(PAGE)
                    label = "%s @%d" % (name, width)
                    check(label + ": seven chart images, all loaded", r["images"] == 7 and r["loaded"] == 7, r)
                    check(label + ": alt text names the source", r["alts"] == 7, r)
                    check(label + ": ruled table cells", r["border"] == "1px", r)
                    check(label + ": amounts right-aligned", r["align"] == "right", r)
                    check(label + ": every part of the report page", r["parts"] == parts, (r["parts"], parts))
                    if article == articles[0]:
                        d.set_window_size(width, min(d.execute_script("return document.body.scrollHeight"), 16000))
                        d.save_screenshot(os.path.join(shots, "article-%d.png" % width))
            finally:
                os.remove(host)
    finally:
        d.quit()
    print("portal: %d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
