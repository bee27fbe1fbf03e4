#!/usr/bin/env python3
"""Writes the fixture workbooks in Tests/Fixtures/xlsx/ with openpyxl, the way other spreadsheet
software lays out a 附表 (shared strings, merged headers, 元 or 万元, blank rows, extra columns).

export-<unit>-<year>.xlsx are not written here: they are `disclose export` of the three sample
reports, frozen (`.build/debug/disclose export <unit> <year> -o Tests/Fixtures/xlsx/export-<unit>-<year>.xlsx`).

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


# Seed 01 of other-provinces (上海市普陀区财政局 2024): (code, name, income total, appropriation income,
# other income, basic, project) per line of the 收入决算表 and 支出决算表, in 万元 as published.
SHANGHAI_LINES = [
    ("201", "一般公共服务支出", "2112.86", "2106.66", "6.20", "1503.52", "603.14"),
    ("20106", "财政事务", "2112.86", "2106.66", "6.20", "1503.52", "603.14"),
    ("2010601", "行政运行", "1511.90", "1511.89", "0.01", "1503.52", "8.37"),
    ("2010602", "一般行政管理事务", "16.19", "10.00", "6.19", "", "10.00"),
    ("2010607", "信息化建设", "135.25", "135.25", "", "", "135.25"),
    ("2010608", "财政委托业务支出", "449.52", "449.52", "", "", "449.52"),
    ("208", "社会保障和就业支出", "326.72", "326.72", "", "326.72", ""),
    ("20805", "行政事业单位养老支出", "326.72", "326.72", "", "326.72", ""),
    ("2080501", "行政单位离退休", "84.65", "84.65", "", "84.65", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "160.75", "160.75", "", "160.75", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "80.38", "80.38", "", "80.38", ""),
    ("2080599", "其他行政事业单位养老支出", "0.94", "0.94", "", "0.94", ""),
    ("210", "卫生健康支出", "60.99", "60.99", "", "60.99", ""),
    ("21011", "行政事业单位医疗", "60.99", "60.99", "", "60.99", ""),
    ("2101101", "行政单位医疗", "60.99", "60.99", "", "60.99", ""),
    ("221", "住房保障支出", "445.69", "445.69", "", "445.69", ""),
    ("22102", "住房改革支出", "445.69", "445.69", "", "445.69", ""),
    ("2210201", "住房公积金", "187.19", "187.19", "", "187.19", ""),
    ("2210203", "购房补贴", "258.50", "258.50", "", "258.50", ""),
]
SHANGHAI_CLASSES = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
                    "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
                    "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
                    "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
                    "债务还本支出", "债务付息支出", "抗疫特别国债安排的支出"]
# As published: the 总表 prints class 208 as 326.71 (the 支出决算表 326.72), a rounding tail.
SHANGHAI_SUMMARY_CLASSES = {"一般公共服务支出": "2106.66", "社会保障和就业支出": "326.71", "卫生健康支出": "60.99", "住房保障支出": "445.69"}


def num(text):
    return None if text == "" else float(text)


def shanghai(path):
    """A Shanghai district's nine tables (财政部 9-table set), laid out as published: 类/款/项 under
    支出功能分类科目编码, the 合计 row at the bottom of the 一般公共预算 table, all 26 classes listed
    in the 总表 (most blank), the 基本支出 table with 类 rows, 预算数/决算数 at the lowest header level
    of the 三公 table, empty fund tables with a 注. Figures: seed 01 of other-provinces, with its real
    rounding tails (类 208 326.71 in the 总表, 326.72 in the 支出决算表; 合计 2940.05 against 类 rows
    adding up to 2940.06; 301 printed 2082.85 against 款 rows adding up to 2082.86)."""
    ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
                "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六"]
    book = openpyxl.Workbook()
    s = book.active
    s.title = "1收入支出决算总表"
    s.append(["收入支出决算总表"])
    s.append([None, None, None, "单位：万元"])
    s.append(["收入", None, "支出", None])
    s.merge_cells("A3:B3")
    s.merge_cells("C3:D3")
    s.append(["项目", "决算数", "项目", "决算数"])
    left = [("一、一般公共预算财政拨款收入", 2940.05), ("二、政府性基金预算财政拨款收入", None), ("三、国有资本经营预算财政拨款收入", None),
            ("四、上级补助收入", None), ("五、事业收入", None), ("六、经营收入", None), ("七、附属单位上缴收入", None), ("八、其他收入", 6.20)]
    for i, name in enumerate(SHANGHAI_CLASSES):
        a = left[i] if i < len(left) else (None, None)
        s.append([a[0], a[1], f"{ordinals[i]}、{name}", num(SHANGHAI_SUMMARY_CLASSES.get(name, ""))])
    s.append(["本年收入合计", 2946.25, "本年支出合计", 2940.05])
    s.append(["使用非财政拨款结余（含专用结余）", None, "结余分配", None])
    s.append(["年初结转和结余", 49.14, "年末结转和结余", 55.34])
    s.append(["总计", 2995.39, "总计", 2995.39])

    def code_header(sheet, columns, first_row):
        sheet.append(["项目"] + [None] * (len(columns) + 3))
        sheet.append(["支出功能分类科目编码", None, None, "科目名称"] + columns)
        sheet.append(["类", "款", "项", None] + [None] * len(columns))
        last = openpyxl.utils.get_column_letter(4 + len(columns))
        sheet.merge_cells(f"A{first_row}:{last}{first_row}")
        sheet.merge_cells(f"A{first_row + 1}:C{first_row + 1}")

    def split(code):
        return [code[:3], code[3:5] or None, code[5:] or None]

    s = book.create_sheet("2收入决算表")
    s.append(["收入决算表"])
    s.append([None] * 10 + ["单位：万元"])
    code_header(s, ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], 3)
    s.append(["合计", None, None, None, 2946.25, 2940.05, None, None, None, None, 6.20])
    for code, name, total, appropriation, other, _, _ in SHANGHAI_LINES:
        s.append(split(code) + [name, num(total), num(appropriation), None, None, None, None, num(other)])

    s = book.create_sheet("3支出决算表")
    s.append(["支出决算表"])
    s.append([None] * 9 + ["单位：万元"])
    code_header(s, ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], 3)
    s.append(["合计", None, None, None, 2940.05, 2336.91, 603.14, None, None, None])
    for code, name, _, _, _, basic, project in SHANGHAI_LINES:
        total = round((num(basic) or 0) + (num(project) or 0), 2)
        s.append(split(code) + [name, total, num(basic), num(project), None, None, None])

    s = book.create_sheet("4财政拨款收入支出决算总表")
    s.append(["财政拨款收入支出决算总表"])
    s.append([None, None, None, None, None, "单位：万元"])
    s.append(["收入", None, "支出", None, None, None])
    s.merge_cells("A3:B3")
    s.merge_cells("C3:F3")
    s.append(["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"])
    left = [("一、一般公共预算财政拨款", 2940.05), ("二、政府性基金预算财政拨款", None), ("三、国有资本经营预算财政拨款", None)]
    for i, name in enumerate(SHANGHAI_CLASSES):
        a = left[i] if i < len(left) else (None, None)
        v = num(SHANGHAI_SUMMARY_CLASSES.get(name, ""))
        s.append([a[0], a[1], f"{ordinals[i]}、{name}", v, v, None])
    s.append(["本年收入合计", 2940.05, "本年支出合计", 2940.05, 2940.05, None])
    s.append(["年初财政拨款结转和结余", 21.63, "年末财政拨款结转和结余", 21.63, 21.63, None])
    s.append(["一、一般公共预算财政拨款", 21.63, None, None, None, None])
    s.append(["二、政府性基金预算财政拨款", None, None, None, None, None])
    s.append(["总计", 2961.68, "总计", 2961.68, 2961.68, None])

    s = book.create_sheet("5一般公共预算财政拨款支出决算表")
    s.append(["一般公共预算财政拨款支出决算表"])
    s.append([None] * 6 + ["单位：万元"])
    code_header(s, ["合计", "基本支出", "项目支出"], 3)
    for code, name, _, _, _, basic, project in SHANGHAI_LINES:
        total = round((num(basic) or 0) + (num(project) or 0), 2)
        s.append(split(code) + [name, total, num(basic), num(project)])
    s.append(["合计", None, None, None, 2940.05, 2336.91, 603.14])

    s = book.create_sheet("6一般公共预算财政拨款基本支出决算表")
    s.append(["一般公共预算财政拨款基本支出决算表"])
    s.append([None] * 5 + ["单位：万元"])
    s.append(["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"])
    personnel = [("301", "工资福利支出", 2082.85), ("30101", "基本工资", 262.33), ("30102", "津贴补贴", 1238.58),
                 ("30108", "机关事业单位基本养老保险缴费", 160.75), ("30109", "职业年金缴费", 80.38), ("30110", "职工基本医疗保险缴费", 60.99),
                 ("30112", "其他社会保障缴费", 1.61), ("30113", "住房公积金", 187.19), ("30199", "其他工资福利支出", 91.03),
                 ("303", "对个人和家庭的补助", 69.41), ("30302", "退休费", 69.10), ("30309", "奖励金", 0.31)]
    public = [("302", "商品和服务支出", 171.07), ("30201", "办公费", 21.21), ("30202", "印刷费", 7.61), ("30204", "手续费", 0.09),
              ("30207", "邮电费", 4.88), ("30211", "差旅费", 1.20), ("30213", "维修（护）费", 2.83), ("30215", "会议费", 4.05),
              ("30226", "劳务费", 2.01), ("30228", "工会经费", 24.42), ("30229", "福利费", 42.77), ("30239", "其他交通费用", 48.49),
              ("30299", "其他商品和服务支出", 11.51), ("310", "资本性支出", 13.58), ("31002", "办公设备购置", 13.58)]
    for i in range(max(len(personnel), len(public))):
        a = personnel[i] if i < len(personnel) else (None, None, None)
        b = public[i] if i < len(public) else (None, None, None)
        s.append([a[0], a[1], a[2], b[0], b[1], b[2]])
    s.append(["人员经费合计", None, 2152.26, "公用经费合计", None, 184.65])

    s = book.create_sheet("7财政拨款三公经费支出决算表")
    s.append(["财政拨款“三公”经费支出决算表"])
    s.append([None] * 11 + ["单位：万元"])
    s.append(["财政拨款“三公”经费"] + [None] * 11)
    s.merge_cells("A3:L3")
    s.append(["合计", None, "因公出国（境）费", None, "公务用车购置及运行费", None, None, None, None, None, "公务接待费", None])
    s.append([None, None, None, None, "小计", None, "公务用车购置费", None, "公务用车运行费", None, None, None])
    s.append(["预算数", "决算数"] * 6)
    for rng in ("A4:B5", "C4:D5", "E4:J4", "E5:F5", "G5:H5", "I5:J5", "K4:L5"):
        s.merge_cells(rng)
    s.append([0.95, None, None, None, None, None, None, None, None, None, 0.95, None])

    for title, sheet_name in [("政府性基金预算财政拨款收入支出决算表", "8政府性基金预算财政拨款收入支出决算表"),
                              ("国有资本经营预算财政拨款收入支出决算表", "9国有资本经营预算财政拨款收入支出决算表")]:
        s = book.create_sheet(sheet_name)
        s.append([title])
        s.append([None] * 9 + ["单位：万元"])
        s.append(["项目", None, None, None, "年初结转和结余", "本年收入", "本年支出", None, None, "年末结转和结余"])
        s.append(["支出功能分类科目编码", None, None, "科目名称", None, None, "小计", "基本支出", "项目支出", None])
        s.append(["类", "款", "项", None, None, None, None, None, None, None])
        s.append(["合计", None, None, None, None, None, None, None, None, None])
        s.append([f"注：本单位无{title[:-7]}财政拨款支出，故本表无数据。"])
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
    shanghai(os.path.join(HERE, "shanghai-9.xlsx"))


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 1:
        {"officer": lambda: officer(os.path.join(HERE, "officer-yuan.xlsx")),
         "shanghai": lambda: shanghai(os.path.join(HERE, "shanghai-9.xlsx"))}[sys.argv[1]]()
    else:
        main()
