#!/usr/bin/env python3
"""Chart embeds in a page of another site: the report page's iframe embed code is pasted into a page
served from a second origin (two local HTTP servers on 127.0.0.1, different ports) and loaded in
headless Chromium at 320, 480 and 800 px. Each iframe must grow to its chart page's posted height:
no inner scrollbar, the source line (来源：…) in view, and the default height close to the real one
at desktop width. The <noscript> PNG must exist.

Usage: embed_test.py SITE_DIR   (exit 1 on any failure)
"""
import functools
import glob
import html
import http.server
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.request

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "Output")
failures, passed = [], 0



def report_pages():
    """The report pages (folders with a report.json), not the comparison pages under compare/."""
    return sorted(os.path.join(os.path.dirname(p), "index.html") for p in glob.glob(os.path.join(SITE, "*", "*", "report.json")))

def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(name)
        print("FAIL %s %s" % (name, detail))


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser closes connections it no longer needs (lazy iframes): not a test failure.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(folder):
    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


def base_url(report, page):
    """The site's base URL, from the report page's canonical link (base + <unit>/<year>/)."""
    m = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    folder = os.path.relpath(os.path.dirname(report), SITE) + "/"
    return m.group(1)[: -len(folder)] if m and m.group(1).endswith(folder) else None


def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu"]:
        options.add_argument(arg)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


INSIDE = r"""
var root = document.documentElement;
var source = null;
document.querySelectorAll('svg').forEach(function (svg) {
  if (svg.getBoundingClientRect().width === 0) return;
  svg.querySelectorAll('text').forEach(function (t) { if (t.textContent.indexOf('来源：') === 0) source = t.getBoundingClientRect(); });
});
return {scrollHeight: root.scrollHeight, scrollWidth: root.scrollWidth, innerHeight: window.innerHeight, innerWidth: window.innerWidth,
        sourceBottom: source ? source.bottom : null, sourceRight: source ? source.right : null};
"""


def main():
    report = report_pages()[0]
    page = open(report, encoding="utf-8").read()
    codes = [html.unescape(c) for c in re.findall(r'<textarea id="figure-[^"]+-iframe"[^>]*>(.*?)</textarea>', page, re.S)]
    check("the report page offers iframe embed codes", len(codes) >= 7, len(codes))
    base = base_url(report, page)
    check("the site has an absolute base URL", base is not None)
    site_server, site_origin = serve(SITE)
    with tempfile.TemporaryDirectory() as host_dir:
        host_server, host_origin = serve(host_dir)
        check("two different origins", site_origin != host_origin)
        codes = [c.replace(base, site_origin) for c in codes] if base else codes
        # The origin check of the script names the chart site's origin.
        codes = [re.sub(r'e\.origin!=="[^"]*"', 'e.origin!=="%s"' % site_origin.rstrip("/"), c) for c in codes]
        for c in codes:
            png = re.search(r'<noscript><img src="([^"]+)"', c)
            ok = False
            if png:
                try:
                    ok = urllib.request.urlopen(png.group(1)).status == 200
                except Exception:  # noqa: BLE001
                    ok = False
            check("noscript PNG is served " + (png.group(1) if png else c[:60]), ok)
        host = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" \
               "<title>门户网站</title></head><body style=\"margin:8px\"><h1>转载的图表</h1>%s</body></html>" % "\n<p>正文</p>\n".join(codes)
        open(os.path.join(host_dir, "index.html"), "w", encoding="utf-8").write(host)
        d = driver()
        try:
            for width in (320, 480, 800):
                d.set_window_size(width, 900)
                d.get(host_origin + "index.html")
                frames = d.find_elements("css selector", "iframe[data-disclose-chart]")
                defaults = [int(f.get_attribute("height")) for f in frames]
                # Let every frame load and post its height.
                for f in frames:
                    d.execute_script("arguments[0].scrollIntoView()", f)
                deadline = time.time() + 15
                while time.time() < deadline:
                    if all(f.value_of_css_property("height") != "%dpx" % h for f, h in zip(frames, defaults)):
                        break
                    time.sleep(0.3)
                time.sleep(0.8)
                for f, default in zip(frames, defaults):
                    name = "%s @%dpx" % (f.get_attribute("data-disclose-chart"), width)
                    frame_height = float(f.value_of_css_property("height")[:-2])
                    d.switch_to.frame(f)
                    inside = d.execute_script(INSIDE)
                    d.switch_to.default_content()
                    check(name + ": no inner vertical scrollbar", inside["scrollHeight"] <= inside["innerHeight"] + 1, inside)
                    check(name + ": no inner horizontal scrollbar", inside["scrollWidth"] <= inside["innerWidth"] + 1, inside)
                    check(name + ": source line in view", inside["sourceBottom"] is not None and inside["sourceBottom"] <= inside["innerHeight"]
                          and inside["sourceRight"] <= inside["innerWidth"] + 1, inside)
                    if width == 800:
                        check(name + ": default height close to the chart's (%d vs %d)" % (default, frame_height),
                              abs(default - frame_height) <= 48, (default, frame_height))
                shot = os.path.join(os.path.dirname(SITE), "embed-%d.png" % width)
                d.set_window_size(width, min(d.execute_script("return document.body.scrollHeight") + 20, 12000))
                d.save_screenshot(shot)
        finally:
            d.quit()
            host_server.shutdown()
            site_server.shutdown()
    print("embed: %d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
