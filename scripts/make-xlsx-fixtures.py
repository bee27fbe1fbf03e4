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


def finance_system(path):
    """A workbook as a finance system might export it: 行次 and 栏次, full codes in one column, columns
    in another order, amounts in 元, the 三公 table grouped by 预算数/决算数, and a sheet that is no 附表.
    Figures: seed 000, class 201 (2810.86 万元), with 0.14 万元 of non-appropriation spending added to
    2013250 to exercise the split by fund."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公开01表"
    sheet.append(["附表1：收入支出决算总表"])
    sheet.append(["公开01表", None, None, None, None, "单位：元"])
    sheet.append(["收入", None, None, "支出", None, None])
    sheet.merge_cells("A3:C3")
    sheet.merge_cells("D3:F3")
    sheet.append(["项    目", "行次", "金额", "项    目", "行次", "金额"])
    sheet.append(["栏    次", None, 1, "栏    次", None, 2])
    sheet.append(["一、一般公共预算财政拨款收入", 1, 28108600, "一、一般公共服务支出", 32, 28110000])
    sheet.append(["八、其他收入", 8, 1400, None, None, None])
    sheet.append(["本年收入合计", 12, 28110000, "本年支出合计", 64, 28110000])

    sheet = book.create_sheet("公开03表")
    sheet.append(["支出决算表"])
    sheet.append(["编制单位：中国共产党泸州市委员会组织部", None, None, None, "金额单位：元"])
    sheet.append(["功能分类科目编码", "科目名称", "项目支出", "基本支出", "本年支出合计"])
    sheet.append(["栏次", None, 2, 1, 3])
    sheet.append(["合计", None, 16274800, 11835200, 28110000])
    for code, name, project, basic in [
        ("201", "一般公共服务支出", 16274800, 11835200),
        ("20111", "纪检监察事务", 108800, None),
        ("2011105", "大案要案查处", 108800, None),
        ("20132", "组织事务", 16166000, 11835200),
        ("2013201", "行政运行", None, 10742800),
        ("2013202", "一般行政管理事务", 16166000, None),
        ("2013250", "事业运行", None, 1092400),
    ]:
        sheet.append([code, "  " + name, project, basic, (project or 0) + (basic or 0)])

    sheet = book.create_sheet("公开06表")
    sheet.append(["一般公共预算财政拨款支出决算表"])
    sheet.append([None, None, None, None, None, None, "单位：元"])
    sheet.append(["科目编码", None, None, "科目名称", "本年支出", None, None])
    sheet.merge_cells("A3:C3")
    sheet.merge_cells("D3:D4")
    sheet.merge_cells("E3:G3")
    sheet.append([None, None, None, None, "小计", "基本支出", "项目支出"])
    sheet.append(["类", "款", "项", None, None, None, None])
    sheet.append(["合计", None, None, None, 28108600, 11833800, 16274800])
    sheet.merge_cells("A6:D6")
    for lei, kuan, xiang, name, basic, project in [
        ("201", "", "", "一般公共服务支出", 11833800, 16274800),
        ("201", "11", "", "纪检监察事务", 0, 108800),
        ("201", "11", "05", "大案要案查处", 0, 108800),
        ("201", "32", "", "组织事务", 11833800, 16166000),
        ("201", "32", "01", "行政运行", 10742800, 0),
        ("201", "32", "02", "一般行政管理事务", 0, 16166000),
        ("201", "32", "50", "事业运行", 1091000, 0),
    ]:
        sheet.append([lei, kuan, xiang, name, basic + project, basic or None, project or None])

    sheet = book.create_sheet("公开09表")
    sheet.append(["财政拨款“三公”经费支出决算表"])
    sheet.append(["单位：万元"])
    sheet.append(["预算数"] + [None] * 5 + ["决算数"] + [None] * 5)
    sheet.merge_cells("A3:F3")
    sheet.merge_cells("G3:L3")
    group = ["合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"]
    sheet.append(group + group)
    sheet.append([None, None, "小计", "公务用车购置费", "公务用车运行费", None] * 2)
    for left in ("A", "G"):
        start = ord(left) - ord("A")
        col = lambda k: chr(ord("A") + start + k)
        sheet.merge_cells(f"{col(0)}4:{col(0)}5")
        sheet.merge_cells(f"{col(1)}4:{col(1)}5")
        sheet.merge_cells(f"{col(2)}4:{col(4)}4")
        sheet.merge_cells(f"{col(5)}4:{col(5)}5")
    sheet.append([11, 0, 6, 0, 6, 5, 7.58, 0, 6, 0, 6, 1.58])

    sheet = book.create_sheet("填表说明")
    sheet.append(["本工作簿由财务软件导出，请勿修改表样。"])
    book.save(path)


def main():
    os.makedirs(HERE, exist_ok=True)
    # Each call rewrites its file (openpyxl stamps the time): regenerate only the fixture you change.
    summary(os.path.join(HERE, "merged-headers.xlsx"))
    summary(os.path.join(HERE, "yuan.xlsx"), unit="元", factor=10000)
    summary(os.path.join(HERE, "blank-rows.xlsx"), blank_rows=True)
    summary(os.path.join(HERE, "extra-column.xlsx"), extra_column=True)
    finance_system(os.path.join(HERE, "finance-system.xlsx"))


if __name__ == "__main__":
    main()
