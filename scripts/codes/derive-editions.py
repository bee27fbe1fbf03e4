#!/usr/bin/env python3
"""Derives the bundled code-list editions (Sources/DiscloseCore/Resources/codes/) for 2018–2025.

The starting point is the lists the repository held at commit bd6c50e (functional 2020/2023/2024,
economic 2018). Added to them: 款 and 项 of the 政府收支分类科目 that those lists lacked (written
from the published 科目 structure), the codes that the seed reports in ../shared/seeds and
../shared/seeds/other-provinces print, and each edition's known changes. See
Sources/DiscloseCore/Resources/codes/README.md for what each edition contains and how complete it is.
Run from the repository root: python3 scripts/codes/derive-editions.py
"""
import subprocess

BASE_COMMIT = "bd6c50e"
OUT = "Sources/DiscloseCore/Resources/codes"


def read(path):
    text = subprocess.run(["git", "show", f"{BASE_COMMIT}:{path}"], capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in text.splitlines()[1:]:
        cols = line.split(",")
        if len(cols) >= 3:
            rows[cols[0]] = (cols[1], cols[2], cols[3] if len(cols) > 3 else "")
    return rows


def level(code):
    return {3: "类", 5: "款", 7: "项"}[len(code)]


def parent(code):
    return "" if len(code) == 3 else code[:-2]


# 款/项 missing from the base lists, valid in every edition 2018–2025 (unless an edition removes them).
ADDED = """
20306 国防动员
2030601 兵役征集
2030602 经济动员
2030603 人民防空
2030604 交通战备
2030607 民兵
2030608 边海防
2030699 其他国防动员支出
20399 其他国防支出
2039999 其他国防支出
2089901 其他社会保障和就业支出
2110104 生态环境保护宣传
2110105 环境保护法规、规划及标准
2110106 生态环境国际合作及履约
2110107 生态环境保护行政许可
2110108 应对气候变化管理事务
21102 环境监测与监察
2110203 建设项目环评审查与监督
2110204 核与辐射安全监督
2110299 其他环境监测与监察支出
2110303 噪声
2110304 固体废弃物与化学品
2110305 放射源和放射性废物监管
2110306 辐射
2110307 土壤
2110404 生物及物种资源保护
2110406 自然保护地
21110 能源节约利用
2111001 能源节约利用
21111 污染减排
2111101 生态环境监测与信息
2111102 生态环境执法监察
2111103 减排专项支出
2111104 清洁生产专项支出
2111199 其他污染减排支出
21112 可再生能源
2111201 可再生能源
21113 循环经济
2111301 循环经济
21114 能源管理事务
2111401 行政运行
2111402 一般行政管理事务
2111403 机关服务
2111406 能源科技装备
2111407 能源行业管理
2111408 能源管理
2111411 信息化建设
2111413 农村电网建设
2111450 事业运行
2111499 其他能源管理事务支出
21401 公路水路运输
2140101 行政运行
2140102 一般行政管理事务
2140103 机关服务
2140104 公路建设
2140106 公路养护
2140109 交通运输信息化建设
2140110 公路和运输安全
2140112 公路运输管理
2140114 公路和运输技术标准化建设
2140122 港口设施
2140123 航道维护
2140127 船舶检验
2140128 救助打捞
2140129 内河运输
2140130 远洋运输
2140131 海事管理
2140133 航标事业发展支出
2140136 水路运输管理支出
2140138 口岸建设
2140199 其他公路水路运输支出
21402 铁路运输
2140201 行政运行
2140202 一般行政管理事务
2140203 机关服务
2140204 铁路路网建设
2140205 铁路还贷专项
2140206 铁路安全
2140207 铁路专项运输
2140208 行业监管
2140299 其他铁路运输支出
21403 民用航空运输
2140301 行政运行
2140302 一般行政管理事务
2140303 机关服务
2140304 机场建设
2140305 空管系统建设
2140306 民航还贷专项支出
2140307 民用航空安全
2140308 民航专项运输
2140399 其他民用航空运输支出
21404 成品油价格改革对交通运输的补贴
2140401 对城市公交的补贴
2140402 对农村道路客运的补贴
2140403 对出租车的补贴
2140499 成品油价格改革补贴其他支出
21405 邮政业支出
2140501 行政运行
2140502 一般行政管理事务
2140503 机关服务
2140504 行业监管
2140505 邮政普遍服务与特殊服务
2140599 其他邮政业支出
21406 车辆购置税支出
2140601 车辆购置税用于公路等基础设施建设支出
2140602 车辆购置税用于农村公路建设支出
2140603 车辆购置税用于老旧汽车报废更新补贴
2140699 车辆购置税其他支出
21499 其他交通运输支出
2149901 公共交通运营补助
2149999 其他交通运输支出
21602 商业流通事务
2160201 行政运行
2160202 一般行政管理事务
2160203 机关服务
2160216 食品流通安全补贴
2160217 市场监测及信息管理
2160218 民贸企业补贴
2160219 民贸民品贷款贴息
2160250 事业运行
2160299 其他商业流通事务支出
21606 涉外发展服务支出
2160601 行政运行
2160602 一般行政管理事务
2160603 机关服务
2160607 外商投资环境建设补助资金
2160699 其他涉外发展服务支出
21699 其他商业服务业等支出
2169901 服务业基础设施建设
2169999 其他商业服务业等支出
21701 金融部门行政支出
2170101 行政运行
2170102 一般行政管理事务
2170103 机关服务
2170104 安全防卫
2170150 事业运行
2170199 金融部门其他行政支出
21703 金融发展支出
2170301 政策性银行亏损补贴
2170302 利息费用补贴支出
2170303 补充资本金
2170304 风险基金补助
2170399 其他金融发展支出
21799 其他金融支出
2179902 重点企业贷款贴息
2179999 其他金融支出
21901 一般公共服务
21902 教育
21903 文化旅游体育与传媒
21904 卫生健康
21905 节能环保
21906 农业农村
21907 交通运输
21908 住房保障
21999 其他支出
2200106 自然资源利用与保护
2200107 自然资源社会公益服务
2200108 自然资源行业业务管理
2200109 自然资源调查与确权登记
2200112 土地资源储备支出
2200113 地质矿产资源与环境调查
2200114 地质勘查与矿产资源管理
2200120 海域与海岛管理
2200129 基础测绘与地理信息监管
22005 气象事务
2200501 行政运行
2200502 一般行政管理事务
2200503 机关服务
2200504 气象事业机构
2200506 气象探测
2200507 气象信息传输及管理
2200508 气象预报预测
2200509 气象服务
2200510 气象装备保障维护
2200511 气象基础设施建设与维修
2200599 其他气象事务支出
22099 其他自然资源海洋气象等支出
2209999 其他自然资源海洋气象等支出
22201 粮油物资事务
2220101 行政运行
2220102 一般行政管理事务
2220103 机关服务
2220104 财务和审计支出
2220105 信息统计
2220106 专项业务活动
2220115 粮食风险基金
2220118 粮油市场调控专项资金
2220119 设施建设
2220120 设施安全
2220121 物资保管保养
2220150 事业运行
2220199 其他粮油物资事务支出
22204 粮油储备
2220401 储备粮油补贴
2220402 储备粮油差价补贴
2220403 储备粮（油）库建设
2220404 最低收购价政策支出
2220499 其他粮油储备支出
22205 重要商品储备
2220508 医药储备
2220509 食盐储备
2220511 应急物资储备
2220599 其他重要商品储备支出
22401 应急管理事务
2240101 行政运行
2240102 一般行政管理事务
2240103 机关服务
2240104 灾害风险防治
2240105 国务院安委会专项
2240106 安全监管
2240108 应急救援
2240109 应急管理
2240150 事业运行
2240199 其他应急管理支出
22402 消防救援事务
2240201 行政运行
2240202 一般行政管理事务
2240203 机关服务
2240204 消防应急救援
2240250 事业运行
2240299 其他消防救援事务支出
22405 地震事务
2240501 行政运行
2240502 一般行政管理事务
2240503 机关服务
2240504 地震监测
2240505 地震预测预报
2240506 地震灾害预防
2240507 地震应急救援
2240508 地震环境探察
2240509 防震减灾信息管理
2240510 防震减灾基础管理
2240550 地震事业机构
2240599 其他地震事务支出
22406 自然灾害防治
2240601 地质灾害防治
2240602 森林草原防灾减灾
2240699 其他自然灾害防治支出
22407 自然灾害救灾及恢复重建支出
2240703 自然灾害救灾补助
2240704 自然灾害灾后重建补助
2240799 其他自然灾害救灾及恢复重建支出
22499 其他灾害防治及应急管理支出
2249999 其他灾害防治及应急管理支出
22960 彩票公益金安排的支出
2296002 用于社会福利的彩票公益金支出
2296003 用于体育事业的彩票公益金支出
2296004 用于教育事业的彩票公益金支出
2296006 用于残疾人事业的彩票公益金支出
2296013 用于城乡医疗救助的彩票公益金支出
2296099 用于其他社会公益事业的彩票公益金支出
22999 其他支出
2299901 其他支出
23103 地方政府一般债务还本支出
2310301 地方政府一般债券还本支出
2310399 地方政府其他一般债务还本支出
23104 地方政府专项债务还本支出
23203 地方政府一般债务付息支出
2320301 地方政府一般债券付息支出
2320399 地方政府其他一般债务付息支出
23204 地方政府专项债务付息支出
23303 地方政府一般债务发行费用支出
23304 地方政府专项债务发行费用支出
"""

# The 抗疫特别国债 class exists from the 2020 edition.
ADDED_FROM_2020 = """
23401 基础设施建设
2340101 公共卫生体系建设
2340102 重大疫情防控救治体系建设
2340199 其他基础设施建设
23402 抗疫相关支出
2340201 减免房租补贴
2340202 重点企业贷款贴息
2340203 创业担保贷款贴息
2340204 援企稳岗补贴
2340205 困难群众基本生活补助
2340299 其他抗疫相关支出
"""

# Codes real 2025 reports use. Names printed by the Shanghai 2025 seed where it prints one; an empty
# name where no bundled source names the code (the report's own printed name is shown then).
ADDED_2025 = """
2070113 
2070114 
20709 
2070904 
21219 
2121999 
22198 超长期特别国债安排的支出
2219899 其他住房保障支出
"""


def parse(block):
    out = {}
    for line in block.strip("\n").splitlines():
        code, _, name = line.partition(" ")
        out[code.strip()] = name.strip()
    return out


def write(rows, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("code,name,level,parent\n")
        for code in sorted(rows, key=lambda c: (c[:3], c)):
            name, lvl, par = rows[code]
            f.write(f"{code},{name},{lvl},{par}\n")


def with_codes(rows, block):
    rows = dict(rows)
    for code, name in parse(block).items():
        if code not in rows:
            rows[code] = (name, level(code), parent(code))
    return rows


def rename(rows, code, name):
    if code in rows:
        _, lvl, par = rows[code]
        rows[code] = (name, lvl, par)


def drop(rows, prefix):
    for code in [c for c in rows if c.startswith(prefix)]:
        del rows[code]


f2020, f2023, f2024 = (read(f"{OUT}/functional-{y}.csv") for y in (2020, 2023, 2024))
common = with_codes(f2024, ADDED)
editions = {}
for year in range(2018, 2026):
    rows = dict(common)
    if year >= 2020:
        rows = with_codes(rows, ADDED_FROM_2020)
    else:
        drop(rows, "234")
    if year <= 2020:
        # 扶贫 before the 2021 renaming to 巩固脱贫衔接乡村振兴.
        for code in ("21305", "2130599", "2130701"):
            rename(rows, code, f2020[code][0])
    if year < 2024:
        # 社会工作事务 and 信访事务 became 款 of their own in 2024; before, 信访 was a 项 of 政府办公厅.
        drop(rows, "20139")
        drop(rows, "20140")
        rows["2010308"] = f2020["2010308"]
    if year == 2018:
        # The 2019 edition created 类 224 and renamed 207 and 220 after the 2018 institutional reform.
        drop(rows, "224")
        rename(rows, "207", "文化体育与传媒支出")
        rename(rows, "20701", "文化")
        rename(rows, "220", "国土海洋气象等支出")
        rename(rows, "22001", "国土资源事务")
    if year == 2025:
        rows = with_codes(rows, ADDED_2025)
    editions[year] = rows

for year, rows in editions.items():
    write(rows, f"{OUT}/functional-{year}.csv")

# 部门预算支出经济分类 (from 2018, 财预〔2017〕98号). The base list holds every code used through 2025;
# each edition drops what was not yet in it. See the README for what is verified and what is recalled.
ECONOMIC_ADDED_IN = {
    # 代缴社会保险费 and the 职业年金 subsidy to 313: not in the 2018 reform list.
    "30311": 2019,
    "31304": 2019,
    # 399 split its 赠与 into 经常性/资本性 赠与.
    "39909": 2021,
    "39910": 2021,
}

economic = read(f"{OUT}/economic-2018.csv")
for year in range(2018, 2026):
    rows = {code: row for code, row in economic.items() if ECONOMIC_ADDED_IN.get(code, 2018) <= year}
    write(rows, f"{OUT}/economic-{year}.csv")
