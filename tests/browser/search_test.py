#!/usr/bin/env python3
"""Site search in a real browser, on a generated site of 200 reports with realistic unit names
(county departments, 街道, 学校, 医院 in five counties and districts of two cities).

It generates the content (disclose-bench generate, then real-looking names written into unit.yaml),
builds it with `disclose build --search`, serves it over HTTP on 127.0.0.1 and queries the search page
in headless Chromium: unit names, parts of names, regions, years and item words. Then it changes one
report and rebuilds incrementally, and the new word is found. Index size and build time are printed
(they go into docs/performance.md).

Usage: search_test.py BIN BENCH_BIN WORKDIR   (prints "search: N passed, M failed"; exit 1 on failure)
"""
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

BIN, BENCH, WORK = (os.path.abspath(a) for a in sys.argv[1:4])
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s %s" % (name, str(detail)[:600]))


# Five places; ten units each. (region, place, committee kind)
PLACES = [
    ("四川省达州市渠县", "渠县", "县"),
    ("四川省达州市宣汉县", "宣汉县", "县"),
    ("四川省达州市通川区", "通川区", "区"),
    ("四川省攀枝花市米易县", "米易县", "县"),
    ("四川省攀枝花市仁和区", "仁和区", "区"),
]
STREETS = {"渠县": "渠江街道", "宣汉县": "东乡街道", "通川区": "东城街道", "米易县": "攀莲镇", "仁和区": "大河中路街道"}


def units_of(region, place, level):
    """(name, short name, kind, supervisor) of the ten units of one place."""
    committee = "县委" if level == "县" else "区委"
    return [
        ("中国共产党%s委员会组织部" % place, "%s%s组织部" % (place, committee), "部门", ""),
        ("%s财政局" % place, "%s财政局" % place, "部门", ""),
        ("%s教育局" % place, "%s教育局" % place, "部门", ""),
        ("%s卫生健康局" % place, "%s卫健局" % place, "部门", ""),
        ("%s机关事务服务中心" % place, "%s机关事务中心" % place, "部门", ""),
        ("%s%s办事处" % (place, STREETS[place]), "%s" % STREETS[place], "部门", ""),
        ("%s第一中学" % place, "%s一中" % place, "单位", "%s教育局" % place),
        ("%s实验小学" % place, "%s实验小学" % place, "单位", "%s教育局" % place),
        ("%s人民医院" % place, "%s人民医院" % place, "单位", "%s卫生健康局" % place),
        ("%s中医医院" % place, "%s中医院" % place, "单位", "%s卫生健康局" % place),
    ]


def generate():
    content = os.path.join(WORK, "content")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    subprocess.run([BENCH, "generate", "--units", "50", "--years", "4", "--last-year", "2024", "--out", content],
                   check=True, stdout=subprocess.DEVNULL)
    units = []
    for p, (region, place, level) in enumerate(PLACES):
        for u, (name, short, kind, supervisor) in enumerate(units_of(region, place, level)):
            index = p * 10 + u
            uid = "unit-%04d" % index
            folder = os.path.join(content, uid)
            old_name, old_short = "测试市第%d局" % (index + 1), "第%d局" % (index + 1)
            for root, _, files in os.walk(folder):
                for f in files:
                    path = os.path.join(root, f)
                    text = open(path, encoding="utf-8").read()
                    new = text.replace(old_name, name)
                    if f == "report.yaml" and kind == "单位":
                        new = new.replace("kind: 部门", "kind: 单位")
                    if new != text:
                        open(path, "w", encoding="utf-8").write(new)
            lines = ["name: %s" % name, "short_name: %s" % short, "level: %s" % level, "region: %s" % region]
            if supervisor:
                lines.append("supervisor: %s" % supervisor)
            open(os.path.join(folder, "unit.yaml"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
            units.append({"id": uid, "name": name, "short": short, "kind": kind, "region": region, "supervisor": supervisor})
    return content, units


def build(content, site):
    started = time.time()
    run = subprocess.run([BIN, "build", "--content", content, "--output", site, "--search"], capture_output=True, text=True)
    return run, time.time() - started


def folder_size(path):
    total, count = 0, 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
            count += 1
    return total, count


class Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def driver():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]:
        options.add_argument(arg)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def query(d, base, q):
    """The search page's answer: unit ids named, report links listed under them, full-text result URLs
    and the full-text count from the status line."""
    d.get(base + "search/index.html?q=" + urllib.parse.quote(q))
    WebDriverWait(d, 30).until(lambda d: d.find_element("id", "search-status").text and "正在" not in d.find_element("id", "search-status").text)
    return d.execute_script("""
        const units = [...document.querySelectorAll('#search-names-list > li')].map(li => li.dataset.unit);
        const reports = [...document.querySelectorAll('#search-names-list a[data-report]')].map(a => a.dataset.report);
        const text = [...document.querySelectorAll('#search-text-list > li')].map(li => li.dataset.url);
        const status = document.getElementById('search-status').textContent;
        const m = status.match(/全文匹配 (\\d+) 个页面/);
        return {units, reports, text, status, total: m ? Number(m[1]) : -1};
    """)


def expected_units(units, word):
    """Units whose names (or the usual 中共… spellings), region or 主管部门 contain the word."""
    out = []
    for u in units:
        names = [u["name"], u["short"]]
        if u["name"].startswith("中国共产党"):
            rest = u["name"][len("中国共产党"):]
            names += ["中共" + re.sub(r"([省市州县区旗])委员会", r"\1委", rest), "中共" + u["short"]]
        if any(word in n for n in names + [u["region"], u["supervisor"]]):
            out.append(u["id"])
    return out


def main():
    content, units = generate()
    site = os.path.join(WORK, "site")
    run, seconds = build(content, site)
    check("build --search succeeds", run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:])
    check("build says the index was made", "已建立站内搜索索引" in run.stdout, run.stdout[-500:] + run.stderr[-500:])
    index_bytes, index_files = folder_size(os.path.join(site, "pagefind"))
    names_bytes = os.path.getsize(os.path.join(site, "search", "names.json"))
    print("search: 200 reports built with --search in %.1f s; pagefind index %.2f MB in %d files; names.json %.1f KB"
          % (seconds, index_bytes / 1e6, index_files, names_bytes / 1e3))
    server = serve(site)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    d = driver()
    try:
        by_id = {u["id"]: u for u in units}
        # Whole names, parts of names, 中共… spellings: exactly the units that contain them, listed first.
        for q in ["渠县", "县委组织部", "组织部", "中共渠县县委组织部", "中国共产党渠县委员会组织部", "渠县人民医院", "人民医院", "街道", "一中", "教育局"]:
            r = query(d, base, q)
            expected = expected_units(units, q)
            check("names %s" % q, sorted(r["units"]) == sorted(expected), (r["units"], expected))
            check("names %s: 4 reports per unit" % q, len(r["reports"]) == 4 * len(expected), len(r["reports"]))
        # The exact name comes first.
        r = query(d, base, "渠县教育局")
        check("exact name first", r["units"][:1] == ["unit-0002"], r["units"])
        r = query(d, base, "渠县")
        check("the place's units come before the others", set(r["units"][:10]) == {"unit-%04d" % i for i in range(10)}, r["units"])
        # Regions: a city, a county.
        for q in ["达州市", "攀枝花市", "四川省达州市宣汉县"]:
            r = query(d, base, q)
            expected = [u["id"] for u in units if q in u["region"] or q in u["name"] or q in u["supervisor"]]
            check("region %s" % q, sorted(r["units"]) == sorted(expected), (len(r["units"]), len(expected)))
        # Years: only that year's reports, every unit's.
        for q in ["2023", "2023年", "２０２２年度"]:
            year = re.sub(r"\D", "", q.translate({0xFF10 + i: 48 + i for i in range(10)}))
            r = query(d, base, q)
            check("year %s names" % q, len(r["reports"]) == 50 and all("/%s/" % year in x for x in r["reports"]), r["reports"][:5])
        r = query(d, base, "渠县 2023")
        check("place and year", sorted(r["reports"]) == sorted("unit-%04d/2023/index.html" % i for i in range(10)), r["reports"])
        # Item words: full text finds every report; with a year, that year's only.
        for q in ["三公经费", "机关运行经费", "政府采购"]:
            r = query(d, base, q)
            check("item %s: every report found" % q, r["total"] >= 200, r["status"])
            check("item %s: results are report or unit pages" % q,
                  r["text"] and all(re.match(r"^unit-\d{4}/(\d{4}/)?index\.html$", u) for u in r["text"]), r["text"][:5])
            r = query(d, base, q + " 2022")
            check("item %s with a year" % q, r["total"] == 50 and all("/2022/" in u for u in r["text"]), (r["total"], r["text"][:5]))
        # A report page's search box leads to the search page with the query.
        d.get(base + "unit-0000/2024/index.html")
        box = d.find_element("id", "site-search-q")
        box.send_keys("组织部")
        box.submit()
        WebDriverWait(d, 30).until(lambda d: "search/index.html" in d.current_url and "正在" not in d.find_element("id", "search-status").text)
        check("header search box", "q=" in d.current_url and d.find_element("id", "search-names-list").text.count("组织部") >= 5, d.current_url)

        # Incremental build: a new word in one report is indexed.
        word = "滨江生态修复示范工程"
        duties = os.path.join(content, "unit-0007", "2024", "duties.md")
        with open(duties, "a", encoding="utf-8") as f:
            f.write("\n本年度还承担了%s的配套服务。\n" % word)
        run, seconds2 = build(content, site)
        check("incremental build", run.returncode == 0 and "已更新" in run.stdout and "已建立站内搜索索引" in run.stdout, run.stdout[-800:] + run.stderr[-800:])
        r = query(d, base, word)
        check("incremental index finds the new word", r["text"] == ["unit-0007/2024/index.html"], (r["text"], r["status"]))
        print("search: incremental rebuild with re-index %.1f s" % seconds2)
        run = subprocess.run([BIN, "build", "--content", content, "--output", site, "--search"], capture_output=True, text=True)
        check("no-op rebuild after indexing", run.returncode == 0 and "没有变化" in run.stdout, run.stdout[-500:])

        # The preview serves the site from memory, with its own index made after the first build.
        preview = subprocess.Popen([BIN, "preview", "--content", content, "--output", os.path.join(WORK, "preview-output"), "--port", str(free_port())],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            port = preview.args[-1]
            pbase = "http://127.0.0.1:%s/" % port
            deadline = time.time() + 300
            ready = False
            while time.time() < deadline and not ready:
                time.sleep(1)
                try:
                    import urllib.request
                    ready = urllib.request.urlopen(pbase + "pagefind/pagefind.js", timeout=5).status == 200
                except Exception:
                    pass
            check("preview serves a search index", ready)
            if ready:
                r = query(d, pbase, "三公经费 2022")
                check("preview full text with a year", r["total"] == 50, r["status"])
                r = query(d, pbase, "渠县")
                check("preview names", sorted(r["units"]) == sorted(expected_units(units, "渠县")), r["units"])
        finally:
            preview.kill()
            preview.wait()
    finally:
        d.quit()
        server.shutdown()
    print("search: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
