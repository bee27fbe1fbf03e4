#!/usr/bin/env python3
"""Writes the fixture workbooks in Tests/Fixtures/xlsx/ with openpyxl, the way other spreadsheet
software lays out a 附表 (shared strings, merged headers, 元 or 万元, blank rows, extra columns).

The figures are those of seed 000 (中共泸州市委组织部 2020, 收入支出决算总表). Run it again only to
change the fixtures; the files are committed so tests need no Python.
"""
import os

import openpyxl

HERE = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "xlsx")

ROWS = [
    ("一、一般公共预算财政拨款收入", "3474.67", "一、一般公共服务支出", "2810.86"),
    ("二、政府性基金预算财政拨款收入", "", "五、教育支出", "90.00"),
    ("八、其他收入", "0.14", "八、社会保障和就业支出", "139.85"),
    ("本年收入合计", "3474.81", "本年支出合计", "3474.67"),
]


def summary(path, unit="万元", factor=1, blank_rows=False, extra_column=False):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "收入支出决算总表"
    width = 5 if extra_column else 4
    sheet.append(["收入支出决算总表"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(["编制单位：中国共产党泸州市委员会组织部", None, None, "单位：" + unit])
    sheet.append(["收入", None, "支出", None] + (["备注"] if extra_column else []))
    sheet.merge_cells("A3:B3")
    sheet.merge_cells("C3:D3")
    if extra_column:
        sheet.merge_cells("E3:E4")
    sheet.append(["项目", "决算数", "项目", "决算数"])
    for index, (a, b, c, d) in enumerate(ROWS):
        def amount(text):
            return None if text == "" else round(float(text) * factor, 2)
        sheet.append([a, amount(b), c, amount(d)] + (["无"] if extra_column else []))
        if blank_rows and index == 1:
            sheet.append([])
    book.save(path)


def main():
    os.makedirs(HERE, exist_ok=True)
    summary(os.path.join(HERE, "merged-headers.xlsx"))
    summary(os.path.join(HERE, "yuan.xlsx"), unit="元", factor=10000)
    summary(os.path.join(HERE, "blank-rows.xlsx"), blank_rows=True)
    summary(os.path.join(HERE, "extra-column.xlsx"), extra_column=True)


if __name__ == "__main__":
    main()
