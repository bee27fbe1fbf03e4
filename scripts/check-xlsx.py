#!/usr/bin/env python3
"""Cross-checks `disclose export --xlsx` against the CSV tables of a built site.

For every report of the site, the workbook is exported and opened with openpyxl (an independent
reader of the format); each sheet must hold the same rows and values as the table's CSV: the same
header texts, the same codes and names, and every amount equal as a decimal.

usage: check-xlsx.py <disclose binary> <content dir> <built site dir>
"""
import csv
import os
import subprocess
import sys
import tempfile
from decimal import Decimal

import openpyxl


def csv_tables(folder):
    tables = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".csv"):
            with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            tables[rows[0][0]] = (name, rows)
    return tables


def same(expected, actual):
    """A CSV field and a cell value: equal text, or equal numbers."""
    if actual is None:
        return expected == ""
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        try:
            return Decimal(expected) == Decimal(repr(actual))
        except Exception:
            return False
    if expected.startswith("'") and not str(actual).startswith("'"):
        expected = expected[1:]  # the CSV's guard against formula injection
    return expected == str(actual)


def main():
    binary, content, site = sys.argv[1:4]
    failures, checked, cells = [], 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for unit in sorted(os.listdir(site)):
            unit_dir = os.path.join(site, unit)
            if not os.path.isdir(unit_dir):
                continue
            for year in sorted(os.listdir(unit_dir)):
                tables_dir = os.path.join(unit_dir, year, "tables")
                if not os.path.isdir(tables_dir):
                    continue
                target = os.path.join(tmp, f"{unit}-{year}.xlsx")
                subprocess.run([binary, "export", unit, year, "--xlsx", "--content", content, "--output", target],
                               check=True, stdout=subprocess.DEVNULL)
                book = openpyxl.load_workbook(target)
                expected = csv_tables(tables_dir)
                if len(book.worksheets) != len(expected):
                    failures.append(f"{unit}/{year}: {len(book.worksheets)} sheets, {len(expected)} CSV tables")
                for sheet in book.worksheets:
                    title = sheet["A1"].value
                    if title not in expected:
                        failures.append(f"{unit}/{year}: sheet {sheet.title!r} has no CSV titled {title!r}")
                        continue
                    name, rows = expected[title]
                    values = [list(r) for r in sheet.iter_rows(values_only=True)]
                    if len(values) != len(rows):
                        failures.append(f"{unit}/{year} {name}: {len(values)} rows in the sheet, {len(rows)} in the CSV")
                        continue
                    for index, (want, got) in enumerate(zip(rows, values)):
                        if index == 1:
                            # The CSV has the unit line alone; the sheet adds 编制单位 before it.
                            if want[0] not in [str(v) for v in got if v is not None]:
                                failures.append(f"{unit}/{year} {name} row 2: {got}")
                            continue
                        want = want + [""] * (len(got) - len(want))
                        for column, (w, g) in enumerate(zip(want, got)):
                            cells += 1
                            if not same(w, g):
                                failures.append(f"{unit}/{year} {name} row {index + 1} column {column + 1}: CSV {w!r}, sheet {g!r}")
                    checked += 1
    for failure in failures[:40]:
        print("FAIL", failure)
    print(f"xlsx: {checked} sheets, {cells} cells compared with the CSV tables, {len(failures)} differences")
    sys.exit(1 if failures or checked == 0 else 0)


if __name__ == "__main__":
    main()
