#!/usr/bin/env python3
"""The printed documents (disclose build --pdf), checked the way a reader or an auditor would: with
poppler's pdfinfo, pdffonts, pdftotext and pdftoppm on the PDFs of the sample reports.

For each report: a sane page count; tagged (PDF/UA) with title, author and language; every font
embedded; the cover with unit, year and 公开日期; every 附表 with its 公开NN表 number, title, 编制单位 and
单位 line; the 目录's page numbers pointing at the pages where each part, section and 附表 starts;
the running header (unit · year · part) on every page but the cover; the 三公 table on a landscape
page; “续表” with the table's name on every page a table continues onto; 行次/栏次 on the 总表.
Then: the same content gives byte-identical PDFs; an incremental build after one report changed
rewrites that report's PDF only; the engine missing leaves the site built without PDFs; an engine that
fails names each report and makes the next build a full one. Selected
pages are rendered to PNG under WORKDIR/png/ (and checked not to be blank) for a person to look at.

Usage: pdf_test.py BIN CONTENT TEMPLATES WORKDIR   (prints "pdf: N passed, M failed"; exit 1 on failure)
"""
import html
import os
import re
import shutil
import subprocess
import sys
import zlib

BIN, CONTENT, TEMPLATES, WORK = (os.path.abspath(a) for a in sys.argv[1:5])
passed, failed = 0, 0
PUBLISHED = ("luzhou-zzb/2020", "2021-09-10", "2021年9月10日")


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s %s" % (name, str(detail)[:800]))


def run(*args, env=None):
    return subprocess.run(args, capture_output=True, text=True, env=env)


def build(output, *extra, env=None):
    return run(BIN, "build", "--content", os.path.join(WORK, "content"), "--templates", TEMPLATES,
               "--output", output, "--pdf", *extra, env=env)


def pages_text(pdf):
    """Text of each page (index 0 = page 1), in reading layout."""
    count = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf).stdout, re.M).group(1))
    return [run("pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-").stdout for n in range(1, count + 1)]


def flat(text):
    """Text without spaces and line breaks: pdftotext spaces CJK glyphs and wraps long headings."""
    return re.sub(r"\s+", "", text)


def pdf_objects_contain(pdf, token):
    """Whether the PDF, with its compressed object streams inflated, contains `token` (e.g. the catalog's /Lang)."""
    data = open(pdf, "rb").read()
    if token in data:
        return True
    for m in re.finditer(rb"stream\r?\n", data):
        try:
            if token in zlib.decompressobj().decompress(data[m.end():m.end() + 4000000]):
                return True
        except zlib.error:
            continue
    return False


def outline_entries(pdf):
    """How many /Title entries the inflated objects hold (the outline's items, plus the document info's)."""
    data = open(pdf, "rb").read()
    count, outlines = 0, b"/Outlines" in data
    for m in re.finditer(rb"stream\r?\n", data):
        try:
            inflated = zlib.decompressobj().decompress(data[m.end():m.end() + 4000000])
        except zlib.error:
            continue
        outlines = outlines or b"/Outlines" in inflated
        count += len(re.findall(rb"/Title\b", inflated))
    return count if outlines else 0


def page_size(pdf, n):
    m = re.search(r"size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", "-f", str(n), "-l", str(n), pdf).stdout)
    return float(m.group(1)), float(m.group(2))


def dark_fraction(png_path):
    """Share of dark pixels of a greyscale PGM written by pdftoppm -gray (no imaging library needed)."""
    with open(png_path, "rb") as f:
        data = f.read()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end():]
    return sum(1 for b in pixels if b < 128) / float(width * height), width, height


def snapshot(pdf, n, name):
    """Page n as PNG (for people) and PGM (for the blank-page check)."""
    folder = os.path.join(WORK, "png")
    os.makedirs(folder, exist_ok=True)
    base = os.path.join(folder, name)
    run("pdftoppm", "-png", "-r", "70", "-f", str(n), "-l", str(n), "-singlefile", pdf, base)
    run("pdftoppm", "-gray", "-r", "30", "-f", str(n), "-l", str(n), "-singlefile", pdf, base)
    fraction, width, height = dark_fraction(base + ".pgm")
    os.remove(base + ".pgm")
    return fraction, width, height


def toc_entries(pages):
    """(title, page) from the 目录 pages: a line ending in leader dots and a page number."""
    entries = []
    for text in pages[1:4]:
        if "目" not in text and not entries:
            continue
        for line in text.splitlines():
            m = re.match(r"^\s*(\S.*?)\s*[.．·…]{3,}[.．·…\s]*(\d+)\s*$", line)
            if m:
                entries.append((flat(m.group(1)), int(m.group(2))))
    return entries


def check_report(unit, year, pdf, unit_name, kind, web_parts, web_tables):
    name = "%s/%s" % (unit, year)
    document = "%s年度%s决算" % (year, kind)
    info = run("pdfinfo", pdf).stdout
    pages = pages_text(pdf)
    check(name + " page count", 8 <= len(pages) <= 150, len(pages))
    check(name + " tagged", re.search(r"^Tagged:\s+yes", info, re.M), info)
    check(name + " title", re.search(r"^Title:\s+%s%s" % (re.escape(unit_name), document), info, re.M), info)
    check(name + " author", re.search(r"^Author:\s+%s\s*$" % re.escape(unit_name), info, re.M), info)
    check(name + " language zh-CN", pdf_objects_contain(pdf, b"/Lang (zh-CN)"), "no /Lang (zh-CN) in the catalog")
    fonts = run("pdffonts", pdf).stdout.splitlines()[2:]
    check(name + " fonts present", len(fonts) > 0, fonts)
    for line in fonts:
        columns = line.split()
        # name type… encoding emb sub uni object ID: emb is the fifth field from the end.
        check(name + " font embedded " + columns[0], columns[-5] == "yes", line)
    check(name + " CJK fonts", any("CJK" in line for line in fonts), fonts)

    # Cover: unit, year; 公开日期 where report.yaml has one; no running header on it.
    cover = flat(pages[0])
    check(name + " cover unit", flat(unit_name) in cover, cover[:200])
    check(name + " cover year", document in cover, cover[:200])
    if name == PUBLISHED[0]:
        check(name + " cover 公开日期", "公开日期：" + PUBLISHED[2] in cover, cover[:200])
        check(name + " creation date from published_on", re.search(r"^CreationDate:.*2021", info, re.M), info)
    check(name + " no header on cover", "第1页" not in cover, cover[:200])

    # Running header and page numbers on every other page.
    running = flat("%s · %s" % (unit_name, document))
    total = len(pages)
    for n, text in enumerate(pages[1:], start=2):
        f = flat(text)
        check("%s page %d running header" % (name, n), running in f, f[:160])
        check("%s page %d page number" % (name, n), "第%d页共%d页" % (n, total) in f, f[-80:])

    # 目录: every entry's page starts that part, section or 附表.
    entries = toc_entries(pages)
    check(name + " 目录 entries", len(entries) >= 20, entries)
    parts = [e for e in entries if e[0].startswith("第") and "部分" in e[0][:5]]
    # The parts in the report profile's order, as the web page lists them (Sichuan: five; Shanghai: four,
    # the 决算表 second).
    check(name + " 目录 lists the page's parts in its order", [p[0] for p in parts] == [flat(w) for w in web_parts],
          (parts, web_parts))
    sheets = [e for e in entries if re.search(r"公开\d\d表", e[0])]
    for title, page in entries:
        ok = 1 <= page <= total
        target = flat(pages[page - 1]) if ok else ""
        if re.search(r"（(公开\d\d表)）$", title):
            sheet = re.search(r"（(公开\d\d表)）$", title).group(1)
            table_title = re.sub(r"^[一二三四五六七八九十]+、", "", title[: -len(sheet) - 2])
            ok = ok and sheet in target and table_title in target and ("（续表）" not in target.split(sheet)[0])
        else:
            # The heading itself (without the part's own header line) is on the page.
            body = target.replace(running, "", 1)
            ok = ok and title in body
        check("%s 目录 → page %d: %s" % (name, page, title), ok, target[:300])
        # …and not on an earlier page (the entry points at where it starts).
        if ok and page > 3 and not re.search(r"公开\d\d表", title):
            earlier = [n + 1 for n in range(2, page - 1) if title in flat(pages[n]).replace(running, "", 1)
                       and "目录" not in flat(pages[n])[:80]]
            check("%s 目录 %s starts on page %d" % (name, title, page), not earlier, earlier)

    # Every 附表: sheet number, title, 编制单位 and 单位 on its first page.
    check(name + " every 附表 in 目录", len(sheets) == web_tables and web_tables >= 9, (sheets, web_tables))
    check(name + " bookmarks for the parts and every 附表", outline_entries(pdf) >= len(parts) + len(sheets), outline_entries(pdf))
    for title, page in sheets:
        sheet = re.search(r"公开\d\d表", title).group(0)
        target = flat(pages[page - 1])
        check("%s %s 编制单位" % (name, sheet), "编制单位：" + flat(unit_name) in target, target[:300])
        check("%s %s 单位：万元" % (name, sheet), "单位：万元" in target, target[:300])
        # Landscape for the wide 三公 tables, portrait for the two-column 总表.
        width, height = page_size(pdf, page)
        if "三公" in title:
            check("%s %s landscape" % (name, sheet), width > height, (width, height))
        if "收入支出决算总表" in title and "财政拨款" not in title:
            check("%s %s portrait" % (name, sheet), height > width, (width, height))
            check("%s %s 行次 and 栏次" % (name, sheet), "行次" in target and "栏次" in target, target[:400])

    # 续表: a page a table runs onto names the table again, with its repeated header.
    continued = 0
    for n, text in enumerate(pages[1:], start=2):
        f = flat(text)
        m = re.search(r"(公开\d\d表)(.+?)（续表）", f)
        if not m:
            continue
        continued += 1
        previous = flat(pages[n - 2])
        check("%s page %d 续表 follows its table" % (name, n), m.group(1) in previous, previous[:200])
        check("%s page %d 续表 repeats the header" % (name, n), "科目" in f or "项目" in f, f[:300])
    return pages, continued, sheets


def main():
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    content = os.path.join(WORK, "content")
    shutil.copytree(CONTENT, content)
    # One report with a 公开日期, for the cover and the document date.
    path = os.path.join(content, PUBLISHED[0], "report.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"^(year: .*)$", r"\1\npublished_on: %s" % PUBLISHED[1], text, count=1, flags=re.M)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

    site = os.path.join(WORK, "site")
    built = build(site)
    check("build --pdf", built.returncode == 0, built.stdout + built.stderr)
    reports = []
    for unit in sorted(os.listdir(content)):
        unit_yaml = os.path.join(content, unit, "unit.yaml")
        if not os.path.isfile(unit_yaml):
            continue
        unit_name = re.search(r"^name:\s*(.+)$", open(unit_yaml, encoding="utf-8").read(), re.M).group(1).strip()
        for year in sorted(os.listdir(os.path.join(content, unit))):
            if year.isdigit():
                report_yaml = open(os.path.join(content, unit, year, "report.yaml"), encoding="utf-8").read()
                kind = re.search(r"^kind:\s*(\S+)", report_yaml, re.M).group(1)
                reports.append((unit, year, unit_name, kind))
    check("three sample reports", len(reports) >= 3, reports)

    continued_total = 0
    for unit, year, unit_name, kind in reports:
        pdf = os.path.join(site, unit, year, "report.pdf")
        check("%s/%s report.pdf written" % (unit, year), os.path.isfile(pdf), pdf)
        if not os.path.isfile(pdf):
            continue
        page_html = open(os.path.join(site, unit, year, "index.html"), encoding="utf-8").read()
        check("%s/%s page links the PDF" % (unit, year),
              'href="report.pdf" download="%s-%s年度%s决算.pdf"' % (unit_name, year, kind) in page_html, "no link")
        nav = page_html[page_html.find('<nav class="toc"'):]
        nav = nav[:nav.find("</nav>")]
        web_parts = [html.unescape(t) for t in re.findall(r'<li><a href="#part-\d+">([^<]*)</a>', nav)]
        web_tables = len(re.findall(r'<li><a href="#table-', nav))
        pages, continued, sheets = check_report(unit, year, pdf, unit_name, kind, web_parts, web_tables)
        continued_total += continued
        # Pages for people to look at: cover, 目录, the first part, the 三公 table, a continued table.
        tag = "%s-%s" % (unit, year)
        selected = [(1, "cover"), (2, "toc")]
        first_part = next((n + 1 for n, t in enumerate(pages) if n > 1 and flat(t).find("第一部分") >= 0), None)
        if first_part:
            selected.append((first_part, "part1"))
        three = next((p for t, p in sheets if "三公" in t), None)
        if three:
            selected.append((three, "three-public"))
        cont = next((n + 1 for n, t in enumerate(pages) if "（续表）" in flat(t)), None)
        if cont:
            selected.append((cont, "continued"))
        for n, label in selected:
            fraction, width, height = snapshot(pdf, n, "%s-p%02d-%s" % (tag, n, label))
            check("%s page %d (%s) not blank" % (tag, n, label), fraction > 0.002, fraction)
            if label == "three-public":
                check("%s page %d (%s) landscape image" % (tag, n, label), width > height, (width, height))
    check("some table continues onto a second page (续表 seen)", continued_total > 0, continued_total)

    # Same content, same bytes: a full rebuild gives identical PDFs.
    first = {r: open(os.path.join(site, r[0], r[1], "report.pdf"), "rb").read() for r in reports}
    again = build(site, "--full")
    check("second full build", again.returncode == 0, again.stderr)
    for r in reports:
        data = open(os.path.join(site, r[0], r[1], "report.pdf"), "rb").read()
        check("%s/%s PDF byte-identical on rebuild" % r[:2], data == first[r], "%d vs %d bytes" % (len(data), len(first[r])))

    # Incremental: one report's narrative changes; only its PDF is rewritten.
    stamps = {r: os.stat(os.path.join(site, r[0], r[1], "report.pdf")).st_mtime_ns for r in reports}
    changed = reports[0]
    duties = os.path.join(content, changed[0], changed[1], "duties.md")
    with open(duties, "a", encoding="utf-8") as f:
        f.write("\n本段为测试增量生成而添加。\n")
    inc = build(site)
    check("incremental build", inc.returncode == 0 and "重新生成 1 份报告" in inc.stdout, inc.stdout + inc.stderr)
    for r in reports:
        path = os.path.join(site, r[0], r[1], "report.pdf")
        if r == changed:
            check("changed report's PDF rewritten", open(path, "rb").read() != first[r], path)
            check("changed report's PDF has the new sentence", "本段为测试增量生成而添加" in
                  flat(run("pdftotext", path, "-").stdout), path)
        else:
            check("%s/%s PDF untouched" % r[:2], os.stat(path).st_mtime_ns == stamps[r], path)

    # No engine: the site is built, no PDF, no link, and the message says what to install.
    env = dict(os.environ, DISCLOSE_WEASYPRINT=os.path.join(WORK, "no-such-weasyprint"))
    bare = os.path.join(WORK, "site-without-engine")
    missing = build(bare, env=env)
    check("build without engine succeeds", missing.returncode == 0, missing.stdout + missing.stderr)
    check("without engine: says what to install", "pip install weasyprint" in missing.stderr, missing.stderr)
    check("without engine: no PDF", not any(os.path.exists(os.path.join(bare, r[0], r[1], "report.pdf")) for r in reports), bare)
    check("without engine: no link", all("report.pdf" not in open(os.path.join(bare, r[0], r[1], "index.html"), encoding="utf-8").read()
                                         for r in reports), bare)

    # An engine that fails: the site is built, each failure is named, and the next build starts afresh.
    fake = os.path.join(WORK, "failing-weasyprint")
    with open(fake, "w") as f:
        f.write('#!/bin/sh\nif [ "$1" = "--version" ]; then echo "WeasyPrint version 70.0"; exit 0; fi\n'
                'echo "cannot typeset" >&2; exit 3\n')
    os.chmod(fake, 0o755)
    env = dict(os.environ, DISCLOSE_WEASYPRINT=fake)
    broken = os.path.join(WORK, "site-with-failing-engine")
    failing = build(broken, env=env)
    check("failing engine: site built", failing.returncode == 0, failing.stdout + failing.stderr)
    check("failing engine: each report named", all("%s/%s 的 PDF 生成失败" % r[:2] in failing.stderr for r in reports), failing.stderr)
    check("failing engine: no PDF", not any(os.path.exists(os.path.join(broken, r[0], r[1], "report.pdf")) for r in reports), broken)
    retry = build(broken, env=env)
    check("failing engine: the next build is a full one", "已生成" in retry.stdout and "没有变化" not in retry.stdout, retry.stdout)

    print("pdf: %d passed, %d failed (pages for people in %s)" % (passed, failed, os.path.join(WORK, "png")))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
