#!/usr/bin/env python3
"""Cross-checks the bundled code lists against the code+name pairs the seed reports print.

The seeds (../shared/seeds and ../shared/seeds/other-provinces) are real published disclosures. The
Shanghai ones print their tables with codes and names; the Sichuan ones name 科目 in the narrative as
"类名（类）款名（款）项名（项）" without codes, so those are matched by their name path.

A pair is taken only when the name is complete on its line (followed by an amount or another code,
not cut by a line break). Output: one line per pair, `year,code,name,source,verdict`, where verdict is
`ok`, `differs:<bundled name>` or `missing`. With --write, the agreed pairs go to
Tests/Fixtures/seed-code-names.csv (the test that keeps the lists and the seeds in step).
Run from the repository root: python3 scripts/codes/seed-code-names.py [--seeds DIR] [--write]
"""
import csv
import os
import re
import sys

CODES = "Sources/DiscloseCore/Resources/codes"
CJK = r"[\u4e00-\u9fff（）()、·\-—]+"
NAME_CHAR = r"[\u4e00-\u9fff]"
# 类 款 项 printed as separate columns ("208   05   01   行政单位离退休   84.65").
SPLIT = re.compile(rf"^\s*(2[0-3]\d)(?:\s+(\d\d))?(?:\s+(\d\d))?\s+({CJK})\s+(?=[-\d])")
# A whole code then its name; several per line in the two-column economic tables.
WHOLE = re.compile(rf"(?<![\d.,])(\d{{7}}|\d{{5}}|\d{{3}})\s+({CJK})(?=\s+[-\d])")
# Sichuan narrative: 一般公共服务（类）组织事务（款）行政运行（项）
PATH = re.compile(rf"({NAME_CHAR}+?)（类）({NAME_CHAR}+?)（款）({NAME_CHAR}+?)（项）")
# Narrative words that follow a code in a sentence ("2013201 支出决算为…"): not a name.
NOT_A_NAME = ("支出决算", "决算数", "万元")


def load(kind, year):
    path = f"{CODES}/{kind}-{year}.csv"
    rows = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows[row["code"]] = row
    return rows


ECONOMIC_CLASSES = {"301", "302", "303", "307", "309", "310", "311", "312", "313", "399"}


def plausible(code):
    """A number shaped like a 功能分类 (类 201–234) or 经济分类 code, not a count in a sentence."""
    if code[0] == "2":
        return 201 <= int(code[:3]) <= 234
    return code[:3] in ECONOMIC_CLASSES


def kind_of(code):
    return "economic" if code[0] in "3" else "functional"


def seed_year(text):
    m = re.search(r"(20[12]\d)\s*年度", text)
    return int(m.group(1)) if m else None


def pairs_in(path):
    text = open(path, encoding="utf-8").read()
    year = seed_year(text)
    found = []
    for line in text.splitlines():
        m = SPLIT.match(line)
        if m and (m.group(2) or m.group(3) is None):
            code = m.group(1) + (m.group(2) or "") + (m.group(3) or "")
            found.append((year, code, m.group(4)))
            continue
        for m in WHOLE.finditer(line):
            code = m.group(1)
            name = m.group(2)
            if not plausible(code) or any(w in name for w in NOT_A_NAME):
                continue
            if len(code) == 3 and line[:m.start()].strip():
                continue  # a 3-digit number inside a sentence or a row, not a 类 code
            found.append((year, code, name))
    # Soft-wrapped Sichuan lines: join the text so a path can span a line break.
    joined = re.sub(r"\s+", "", text)
    for m in PATH.finditer(joined):
        found.append((year, None, (m.group(1), m.group(2), m.group(3))))
    return found


def resolve_path(rows, names):
    lei, kuan, xiang = names
    for code, row in rows.items():
        if len(code) != 7 or row["name"] != xiang:
            continue
        k = rows.get(code[:5])
        l = rows.get(code[:3])
        if k and l and k["name"] == kuan and l["name"].startswith(lei.removesuffix("支出")):
            return code
    return None


def main():
    seeds = "../shared/seeds"
    if "--seeds" in sys.argv:
        seeds = sys.argv[sys.argv.index("--seeds") + 1]
    files = sorted(os.path.join(d, f) for d in (seeds, os.path.join(seeds, "other-provinces"))
                   if os.path.isdir(d) for f in os.listdir(d) if f.endswith(".txt"))
    agreed, report = set(), []
    for path in files:
        for year, code, name in pairs_in(path):
            source = os.path.basename(path)
            if code is None:
                rows = load("functional", year)
                code = resolve_path(rows, name)
                label = "（类）".join(name[:1]) + "/" + name[1] + "/" + name[2]
                verdict = "ok" if code else "path-unresolved"
                report.append((year, code or "-", label, source, verdict))
                if code:
                    agreed.add((year, code, name[2], source))
                continue
            rows = load(kind_of(code), year)
            row = rows.get(code)
            if row is None:
                verdict = "missing"
            elif row["name"] == name:
                verdict = "ok"
            elif name in row["name"]:
                # A name cut by the PDF's line wrapping, or the table's own short form.
                verdict = f"part-of:{row['name']}"
            else:
                verdict = f"differs:{row['name']}"
            report.append((year, code, name, source, verdict))
            if verdict == "ok":
                agreed.add((year, code, name, source))
    for line in sorted(set(report), key=lambda r: (r[4] == "ok", r[0], r[1], r[3])):
        print(",".join(str(x) for x in line))
    if "--write" in sys.argv:
        with open("Tests/Fixtures/seed-code-names.csv", "w", encoding="utf-8") as f:
            f.write("year,code,name,source\n")
            for year, code, name, source in sorted(agreed):
                f.write(f"{year},{code},{name},{source}\n")


main()
