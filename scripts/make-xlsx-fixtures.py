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


# The officer's workbook of issue 17, in 元 with 分: (code, name, basic, project) per 项 of the
# 支出决算表; the 一般公共预算 table differs where a difference is planted (see officer()).
OFFICER_LINES = [
    ("2013201", "行政运行", 852341637, 0),
    ("2013202", "一般行政管理事务", 0, 126000000),
    ("2013250", "事业运行", 87134788, 0),
    ("2080505", "机关事业单位基本养老保险缴费支出", 61240000, 0),
    ("2080506", "机关事业单位职业年金缴费支出", 24500000, 0),
    ("2210201", "住房公积金", 53000000, 0),
]
CLASS_NAMES = {"201": "一般公共服务支出", "208": "社会保障和就业支出", "221": "住房保障支出",
               "20132": "组织事务", "20805": "行政事业单位养老支出", "22102": "住房改革支出"}


def yuan(fen):
    """分 as a 元 amount: an int when whole, else a float with two decimals (as finance software writes)."""
    return fen // 100 if fen % 100 == 0 else round(fen / 100, 2)


def officer(path):
    """The finance-system export of issue 17: amounts in 元 with 分, a cover sheet and a notes sheet,
    行次 and 栏次, full codes in one column, a 栏次 row (1 … 12) under the 三公 headers with no word
    栏次, footnotes, an empty 政府性基金 table. Planted differences: class 208 is 10,000 元 more in
    公开01表 than in 公开03表; 10,000 元 of 2013250 is non-appropriation money (公开03表 over 公开05表);
    公开05表 lists 2080506 as 2080599."""
    preparer = "编制单位：某市某区某某局"
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "封面"
    cover.append(["2024年度部门决算报表"])
    cover.append([preparer])
    cover.append(["单位负责人：（签章）", None, "财务负责人：（签章）"])

    lines = OFFICER_LINES
    classes = sorted({code[:3] for code, *_ in lines})
    def class_sum(prefix, which):
        return sum(b if which == "basic" else p for code, _, b, p in lines if code.startswith(prefix))
    total = sum(b + p for _, _, b, p in lines)
    non_appropriation = 1000000
    appropriation = total - non_appropriation

    s = book.create_sheet("公开01表")
    s.append(["收入支出决算总表"])
    s.append([preparer, None, None, None, None, "单位：元"])
    s.append(["收入", None, None, "支出", None, None])
    s.merge_cells("A3:C3")
    s.merge_cells("D3:F3")
    s.append(["项    目", "行次", "金额", "项    目", "行次", "金额"])
    s.append(["栏    次", None, 1, "栏    次", None, 2])
    left = [("一、一般公共预算财政拨款收入", 1, appropriation), ("二、政府性基金预算财政拨款收入", 2, 0),
            ("三、国有资本经营预算财政拨款收入", 3, 0), ("四、上级补助收入", 4, 0), ("五、事业收入", 5, 0),
            ("六、经营收入", 6, 0), ("七、附属单位上缴收入", 7, 0), ("八、其他收入", 8, non_appropriation)]
    ordinals = "一二三四五六七八九十"
    right = []
    for i, c in enumerate(classes):
        amount = class_sum(c, "basic") + class_sum(c, "project")
        if c == "208":
            amount += 1000000  # planted: 10,000 元 more than 公开03表
        right.append((f"{ordinals[i]}、{CLASS_NAMES[c]}", 32 + i, amount))
    rows = max(len(left), len(right))
    for i in range(rows):
        a = left[i] if i < len(left) else (None, None, None)
        b = right[i] if i < len(right) else (None, None, None)
        s.append([a[0], a[1], None if a[2] is None else yuan(a[2]), b[0], b[1], None if b[2] is None else yuan(b[2])])
    s.append(["本年收入合计", 12, yuan(total), "本年支出合计", 64, yuan(total)])
    s.append(["使用非财政拨款结余", 13, 0, "结余分配", 65, 0])
    s.append(["年初结转和结余", 14, 0, "年末结转和结余", 66, 0])
    s.append(["总计", 15, yuan(total), "总计", 67, yuan(total)])
    s.append(["注：本表反映部门本年度的总收支和年末结转结余情况。"])

    s = book.create_sheet("公开02表")
    s.append(["财政拨款收入支出决算总表"])
    s.append([preparer, None, None, None, None, "单位：元"])
    s.append(["收入", None, "支出", None, None, None])
    s.merge_cells("A3:B3")
    s.merge_cells("C3:F3")
    s.append(["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"])
    s.append(["一、一般公共预算财政拨款", yuan(appropriation), None, None, None, None])
    s.append(["二、政府性基金预算财政拨款", None, None, None, None, None])
    gb = {c: class_sum(c, "basic") + class_sum(c, "project") - (non_appropriation if c == "201" else 0) for c in classes}
    for i, c in enumerate(classes):
        s.append([None, None, f"{ordinals[i]}、{CLASS_NAMES[c]}", yuan(gb[c]), yuan(gb[c]), None])
    s.append(["本年收入合计", yuan(appropriation), "本年支出合计", yuan(appropriation), yuan(appropriation), None])
    s.append(["年初财政拨款结转和结余", 0, "年末财政拨款结转和结余", 0, 0, 0])
    s.append(["    一般公共预算财政拨款", 0, None, None, None, None])
    s.append(["    政府性基金预算财政拨款", 0, None, None, None, None])
    s.append(["总计", yuan(appropriation), "总计", yuan(appropriation), yuan(appropriation), None])

    s = book.create_sheet("公开03表")
    s.append(["支出决算表"])
    s.append([preparer, None, None, None, "金额单位：元"])
    s.append(["科目编码", "科目名称", "基本支出", "项目支出", "合计"])
    s.append(["栏次", None, 1, 2, 3])
    s.append(["合计", None, yuan(class_sum("", "basic")), yuan(class_sum("", "project")), yuan(total)])
    codes = sorted(set(classes) | {code[:5] for code, *_ in lines} | {code for code, *_ in lines})
    names = dict(CLASS_NAMES, **{code: name for code, name, *_ in lines})
    for code in codes:
        b, p = class_sum(code, "basic"), class_sum(code, "project")
        s.append([code, names[code], yuan(b), yuan(p), yuan(b + p)])
    s.append(["注：本表反映部门本年度各项支出情况。"])
    s.append(["    1. 金额单位为元。"])

    s = book.create_sheet("公开05表")
    s.append(["一般公共预算财政拨款支出决算表"])
    s.append([preparer, None, None, None, None, None, "单位：元"])
    s.append(["科目编码", None, None, "科目名称", "本年支出", None, None])
    s.merge_cells("A3:C3")
    s.merge_cells("D3:D4")
    s.merge_cells("E3:G3")
    s.append([None, None, None, None, "小计", "基本支出", "项目支出"])
    s.append(["类", "款", "项", None, None, None, None])
    s.append(["栏次", None, None, None, 1, 2, 3])
    general = [(("2080599", "其他行政事业单位养老支出", b, p) if code == "2080506" else
                (code, name, b - non_appropriation if code == "2013250" else b, p)) for code, name, b, p in lines]
    gsum = lambda prefix, i: sum(line[i] for line in general if line[0].startswith(prefix))
    s.append(["合计", None, None, None, yuan(gsum("", 2) + gsum("", 3)), yuan(gsum("", 2)), yuan(gsum("", 3))])
    gnames = dict(names, **{"2080599": "其他行政事业单位养老支出"})
    for code in sorted(set(classes) | {g[0][:5] for g in general} | {g[0] for g in general}):
        b, p = gsum(code, 2), gsum(code, 3)
        s.append([code[:3], code[3:5] or None, code[5:] or None, gnames[code], yuan(b + p), yuan(b) if b else None, yuan(p) if p else None])

    s = book.create_sheet("公开06表")
    s.append(["一般公共预算财政拨款基本支出决算表"])
    s.append([preparer, None, None, None, None, "单位：元"])
    s.append(["人员经费", None, None, "公用经费", None, None])
    s.merge_cells("A3:C3")
    s.merge_cells("D3:F3")
    s.append(["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"])
    personnel = [("30101", "基本工资", 400000000), ("30102", "津贴补贴", 320000000), ("30108", "机关事业单位基本养老保险缴费", 61240000),
                 ("30109", "职业年金缴费", 24500000), ("30113", "住房公积金", 53000000), ("30199", "其他工资福利支出", 0)]
    basic_total = gsum("", 2)
    public = [("30201", "办公费", 30000000), ("30211", "差旅费", 20000000), ("30217", "公务接待费", 999700), ("30299", "其他商品和服务支出", 19000300)]
    public_total = sum(a for *_, a in public)
    rest = basic_total - public_total - sum(a for *_, a in personnel)
    personnel[-1] = ("30199", "其他工资福利支出", rest)
    personnel = [("301", "工资福利支出", sum(a for *_, a in personnel))] + personnel
    public = [("302", "商品和服务支出", public_total)] + public
    for i in range(max(len(personnel), len(public))):
        a = personnel[i] if i < len(personnel) else (None, None, None)
        b = public[i] if i < len(public) else (None, None, None)
        s.append([a[0], a[1], None if a[2] is None else yuan(a[2]), b[0], b[1], None if b[2] is None else yuan(b[2])])
    s.append(["人员经费合计", None, yuan(basic_total - public_total), "公用经费合计", None, yuan(public_total)])

    s = book.create_sheet("公开07表")
    s.append(["一般公共预算财政拨款“三公”经费支出决算表"])
    s.append([preparer, None, None, None, None, None, None, None, None, None, None, "单位：元"])
    s.append(["预算数"] + [None] * 5 + ["决算数"] + [None] * 5)
    s.merge_cells("A3:F3")
    s.merge_cells("G3:L3")
    group = ["合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"]
    s.append(group + group)
    s.append([None, None, "小计", "公务用车购置费", "公务用车运行费", None] * 2)
    for start in (0, 6):
        col = lambda k: openpyxl.utils.get_column_letter(start + k + 1)
        s.merge_cells(f"{col(0)}4:{col(0)}5")
        s.merge_cells(f"{col(1)}4:{col(1)}5")
        s.merge_cells(f"{col(2)}4:{col(4)}4")
        s.merge_cells(f"{col(5)}4:{col(5)}5")
    s.append(list(range(1, 13)))  # the column numbers, with no word 栏次
    s.append([60000, 0, 30000, 0, 30000, 30000, 35997, 0, 26000, 0, 26000, 9997])
    s.append(["注：本单位无因公出国（境）费和公务用车购置费。"])

    s = book.create_sheet("公开08表")
    s.append(["政府性基金预算财政拨款收入支出决算表"])
    s.append([preparer, None, None, None, None, None, None, None, "单位：元"])
    s.append(["科目编码", None, None, "科目名称", "年初结转和结余", "本年收入", "本年支出", None, None, "年末结转和结余"])
    s.append([None, None, None, None, None, None, "小计", "基本支出", "项目支出", None])
    s.append(["类", "款", "项", None, None, None, None, None, None, None])
    s.append(["合计", None, None, None, None, None, None, None, None, None])
    s.append(["注：本单位2024年度没有政府性基金预算财政拨款收入、支出及结转结余，故本表为空表。"])

    notes = book.create_sheet("填表说明")
    notes.append(["填表说明"])
    notes.append(["1. 本工作簿由财务软件导出，请勿修改表样。"])
    notes.append(["2. 金额单位为元，保留两位小数。"])
    book.save(path)


def main():
    os.makedirs(HERE, exist_ok=True)
    # Each call rewrites its file (openpyxl stamps the time): regenerate only the fixture you change.
    summary(os.path.join(HERE, "merged-headers.xlsx"))
    summary(os.path.join(HERE, "yuan.xlsx"), unit="元", factor=10000)
    summary(os.path.join(HERE, "blank-rows.xlsx"), blank_rows=True)
    summary(os.path.join(HERE, "extra-column.xlsx"), extra_column=True)
    finance_system(os.path.join(HERE, "finance-system.xlsx"))
    officer(os.path.join(HERE, "officer-yuan.xlsx"))


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 1:
        {"officer": lambda: officer(os.path.join(HERE, "officer-yuan.xlsx"))}[sys.argv[1]]()
    else:
        main()
