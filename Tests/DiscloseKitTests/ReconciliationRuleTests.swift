import DiscloseCore
import DiscloseKit
import XCTest

/// Every reconciliation rule (勾稽关系) with a case where the figures agree and one where they don't.
/// The fixture is FixtureSite: income 100.00 = spending 80.00 basic + 20.00 project.
final class ReconciliationRuleTests: XCTestCase {
    typealias Edit = @Sendable (inout FixtureSite) -> Void
    let accounts = "test-zzb/2023/accounts.yaml"
    let report = "test-zzb/2023/report.yaml"
    let performance = "test-zzb/2023/performance.yaml"

    struct Case {
        let rule: RuleID
        /// Sets up the feature the rule looks at, consistently.
        let passing: [Edit]
        /// Breaks one figure.
        let failing: [Edit]
        /// Where the finding must point: file and line.
        let at: (String, Int)
    }

    static func replace(_ path: String, _ old: String, _ new: String) -> Edit {
        { site in site.edit(path, replacing: old, with: new) }
    }

    static func file(_ path: String, _ text: String) -> Edit {
        { site in site.files[path] = text }
    }

    static func performanceFile(self_evaluated: Int = 1, overall: String = "", project: String = ProjectText.consistent) -> Edit {
        file("test-zzb/2023/performance.yaml", """
        management:
          with_targets: 1
          monitored: 1
          self_evaluated: \(self_evaluated)
        \(overall)
        projects:
        \(project)
        """)
    }

    enum ProjectText {
        static let consistent = """
          - name: 干部培训经费
            department: 测试县委组织部
            implementer: 测试县委组织部
            category: 常年项目
            funds:
              budget: 20.00
              actual: 20.00
              rate: 100
              weight: 10
              score: 10
              sources:
                - {source: 本级财政资金, budget: 20.00, actual: 20.00}
            goals:
              - target: 完成年度培训任务
            indicators:
              - {level1: 产出指标, level2: 数量指标, level3: 培训期数, target: 4期, actual: 4期, weight: 90, score: 90}
        """
    }

    static var previousReport: Edit { { site in
        site.files["test-zzb/2022/report.yaml"] = FixtureSite.report.replacingOccurrences(of: "year: 2023", with: "year: 2022")
        site.files["test-zzb/2022/accounts.yaml"] = FixtureSite.accounts
        site.files["test-zzb/2022/duties.md"] = FixtureSite.duties
    } }

    static var previousFigures: Edit { replace("test-zzb/2023/accounts.yaml", "appropriation:\n",
                                         "previous:\n  grand_total: 90.00\n  general_budget_expenditure: 90.00\nappropriation:\n") }

    lazy var cases: [Case] = [
        Case(rule: "INC-TOTAL", passing: [], failing: [Self.replace(accounts, "  total: 100.00", "  total: 101.00")], at: (accounts, 10)),
        Case(rule: "INC-GRAND", passing: [], failing: [Self.replace(accounts, "  grand_total: 100.00", "  grand_total: 90.00")], at: (accounts, 13)),
        Case(rule: "EXP-TOTAL", passing: [], failing: [Self.replace(accounts, "  total: 100.00\n  balance", "  total: 99.00\n  balance")], at: (accounts, 20)),
        Case(rule: "EXP-GRAND", passing: [], failing: [Self.replace(accounts, "  carryover_ending: 0\n  grand", "  carryover_ending: 5.00\n  grand")], at: (accounts, 23)),
        Case(rule: "BALANCE", passing: [],
             failing: [Self.replace(accounts, "  other: 0\n  total: 100.00", "  other: 1.00\n  total: 101.00"),
                       Self.replace(accounts, "  grand_total: 100.00", "  grand_total: 101.00")], at: (accounts, 23)),
        Case(rule: "BASIC-SPLIT", passing: [], failing: [Self.replace(accounts, "{total: 70.00", "{total: 71.00")], at: (accounts, 35)),
        Case(rule: "BASIC-ITEMS", passing: [Self.replace(accounts, "items: [\"30101\"]", "items: [{code: \"30101\", amount: 70.00}]")],
             failing: [Self.replace(accounts, "items: [\"30101\"]", "items: [{code: \"30101\", amount: 69.00}]")], at: (accounts, 35)),
        Case(rule: "3P-TOTAL", passing: [Self.replace(accounts, "reception: 0.40}", "reception: 0.40, total: 0.40}")],
             failing: [Self.replace(accounts, "reception: 0.40}", "reception: 0.40, total: 0.50}")], at: (accounts, 39)),
        Case(rule: "ROUNDING-TAIL", passing: [Self.replace(accounts, "{amount: 0.40, batches", "{amount: 0.39, batches"),
                                              Self.replace(accounts, "foreign: {amount: 0, batches: 0", "foreign: {amount: 0.01, batches: 1")],
             failing: [Self.replace(accounts, "foreign: {amount: 0, batches: 0", "foreign: {amount: 0.01, batches: 1")], at: (accounts, 41)),
        Case(rule: "UNIT-MAGNITUDE", passing: [Self.replace(accounts, "agency_operating_cost:\n  amount: 10.00\n", "agency_operating_cost:\n  amount: 10.00\n  previous: 9.50\n")],
             failing: [Self.replace(accounts, "agency_operating_cost:\n  amount: 10.00\n", "agency_operating_cost:\n  amount: 100000.00\n  previous: 9.50\n")],
             at: (accounts, 44)),
        Case(rule: "TEXT-ZERO-BASE",
             passing: [Self.replace(accounts, "  reception:\n", "  previous: {overseas: 0, vehicle_purchase: 0, vehicle_operation: 0, reception: 0}\n  reception:\n"),
                       Self.file("test-zzb/2023/paragraphs/three-public-items.md", "公务接待费0.40万元，比上年增加0.40万元，主要是接待任务增加。\n")],
             failing: [Self.replace(accounts, "  reception:\n", "  previous: {overseas: 0, vehicle_purchase: 0, vehicle_operation: 0, reception: 0}\n  reception:\n"),
                       Self.file("test-zzb/2023/paragraphs/three-public-items.md", "公务接待费0.40万元，比上年增加0.40万元，增长100%，主要是接待任务增加。\n")],
             at: ("test-zzb/2023/paragraphs/three-public-items.md", 1)),
        Case(rule: "TEXT-SHARE-PRECISION",
             passing: [Self.replace(accounts, "  general_budget: 100.00\n", "  general_budget: 99.99\n"), Self.replace(accounts, "  other: 0\n", "  other: 0.01\n"),
                       Self.file("test-zzb/2023/paragraphs/income.md", "本年收入合计100.00万元，其中：一般公共预算财政拨款收入99.99万元，占99.99%；其他收入0.01万元，占0.01%。\n")],
             failing: [Self.replace(accounts, "  general_budget: 100.00\n", "  general_budget: 99.99\n"), Self.replace(accounts, "  other: 0\n", "  other: 0.01\n"),
                       Self.file("test-zzb/2023/paragraphs/income.md", "本年收入合计100.00万元，其中：一般公共预算财政拨款收入99.99万元，占100%；其他收入0.01万元，占0.01%。\n")],
             at: ("test-zzb/2023/paragraphs/income.md", 1)),
        Case(rule: "STATED-SUM",
             passing: [Self.replace(accounts, "basic_expenditure:", "functional_stated:\n  - {code: \"201\", total: 100.00, basic: 80.00, project: 20.00}\nbasic_expenditure:")],
             failing: [Self.replace(accounts, "basic_expenditure:", "functional_stated:\n  - {code: \"201\", total: 150.00, basic: 80.00, project: 20.00}\nbasic_expenditure:")],
             at: (accounts, 35)),
        Case(rule: "3P-RECEPTION", passing: [], failing: [Self.replace(accounts, "{amount: 0.40, batches", "{amount: 0.30, batches")], at: (accounts, 39)),
        Case(rule: "3P-RECEPTION-ITEMS",
             passing: [Self.replace(accounts, "persons: 10}", "persons: 10, items: [{purpose: 调研, persons: 10, amount: 0.40}]}")],
             failing: [Self.replace(accounts, "persons: 10}", "persons: 10, items: [{purpose: 调研, persons: 10, amount: 0.30}]}")], at: (accounts, 41)),
        Case(rule: "PROCUREMENT", passing: [Self.replace(accounts, "{goods: 0, works: 0, services: 0, total: 0}", "{goods: 1.00, works: 0, services: 0, total: 1.00, sme: 1.00, micro: 1.00}")],
             failing: [Self.replace(accounts, "{goods: 0, works: 0, services: 0, total: 0}", "{goods: 1.00, works: 0, services: 0, total: 0}")], at: (accounts, 45)),
        Case(rule: "STAFFING", passing: [Self.replace(report, "organization:", "staffing:\n  authorized:\n    total: 5\n    breakdown:\n      - {category: 行政编制, count: 5}\norganization:")],
             failing: [Self.replace(report, "organization:", "staffing:\n  authorized:\n    total: 5\n    breakdown:\n      - {category: 行政编制, count: 4}\norganization:")], at: (report, 6)),
        Case(rule: "PERF-SCORE", passing: [Self.performanceFile(overall: "overall:\n  score: 98\n  score_parts:\n    - {label: 预算管理, score: 48}\n    - {label: 结果应用, score: 50}")],
             failing: [Self.performanceFile(overall: "overall:\n  score: 98\n  score_parts:\n    - {label: 预算管理, score: 48}\n    - {label: 结果应用, score: 49}")], at: (performance, 6)),
        // The likely-cause search names the mistyped row itself (it mends FUNC-KIND and FUND-BALANCE).
        Case(rule: "FUNC-KIND", passing: [], failing: [Self.replace(accounts, "    project: 20.00", "    project: 21.00")], at: (accounts, 33)),
        Case(rule: "FUNC-OVERLAP", passing: [Self.replace(accounts, "basic_expenditure:", "  - {code: \"2013202\", fund: other, basic: 0, project: 0}\nbasic_expenditure:")],
             failing: [Self.replace(accounts, "basic_expenditure:", "  - {code: \"20132\", basic: 0, project: 0}\nbasic_expenditure:")], at: (accounts, 34)),
        Case(rule: "FUND-BALANCE", passing: [],
             failing: [Self.replace(accounts, "carryover_ending: {general_budget: 0", "carryover_ending: {general_budget: 5.00")], at: (accounts, 2)),
        Case(rule: "CARRYOVER-SCOPE",
             passing: [Self.replace(accounts, "  carryover_ending: 0\n  grand_total: 100.00", "  carryover_ending: 5.00\n  grand_total: 105.00"),
                       Self.replace(accounts, "  carryover_beginning: 0\n  grand_total: 100.00", "  carryover_beginning: 5.00\n  grand_total: 105.00"),
                       Self.replace(accounts, "carryover_beginning: {general_budget: 0", "carryover_beginning: {general_budget: 5.00"),
                       Self.replace(accounts, "carryover_ending: {general_budget: 0", "carryover_ending: {general_budget: 5.00")],
             failing: [Self.replace(accounts, "carryover_beginning: {general_budget: 0", "carryover_beginning: {general_budget: 5.00"),
                       Self.replace(accounts, "carryover_ending: {general_budget: 0", "carryover_ending: {general_budget: 5.00")], at: (accounts, 12)),
        Case(rule: "INCOME-BY-FUNC", passing: [Self.replace(accounts, "basic_expenditure:", "income_by_function:\n  - {code: \"2013201\", general_budget: 100.00}\nbasic_expenditure:")],
             failing: [Self.replace(accounts, "basic_expenditure:", "income_by_function:\n  - {code: \"2013201\", general_budget: 90.00}\nbasic_expenditure:")], at: (accounts, 2)),
        Case(rule: "FUND-TABLE",
             passing: [Self.replace(accounts, "agency_operating_cost:", "government_fund:\n  by_code:\n    - {code: \"2120802\", carryover_beginning: 0, income: 0, carryover_ending: 0}\nagency_operating_cost:")],
             failing: [Self.replace(accounts, "agency_operating_cost:", "government_fund:\n  by_code:\n    - {code: \"2120802\", carryover_beginning: 0, income: 0, carryover_ending: 3.00}\nagency_operating_cost:")], at: (accounts, 45)),
        Case(rule: "3P-ECON", passing: [Self.replace(accounts, "items: [\"30201\"]", "items: [\"30201\", {code: \"30217\", amount: 0.40}]")],
             failing: [Self.replace(accounts, "items: [\"30201\"]", "items: [\"30201\", {code: \"30217\", amount: 1.00}]")], at: (accounts, 36)),
        Case(rule: "AGENCY-COST", passing: [], failing: [Self.replace(accounts, "  amount: 10.00", "  amount: 12.00")], at: (accounts, 44)),
        Case(rule: "ATTACH-FIGURES", passing: [Self.performanceFile(overall: "overall:\n  unit: 元\n  figures:\n    income_total: 1000000.00")],
             failing: [Self.performanceFile(overall: "overall:\n  unit: 元\n  figures:\n    income_total: 990000.00")], at: (performance, 8)),
        Case(rule: "VEHICLE-COUNT", passing: [Self.replace(accounts, "  reception:\n", "  vehicles_held: [{type: 轿车, count: 0}]\n  reception:\n")],
             failing: [Self.replace(accounts, "  reception:\n", "  vehicles_held: [{type: 轿车, count: 1}]\n  reception:\n")], at: (accounts, 40)),
        Case(rule: "PROJECT-COUNT", passing: [Self.performanceFile()], failing: [Self.performanceFile(self_evaluated: 3)], at: (performance, 4)),
        Case(rule: "PROJECT-GROUPS",
             passing: [Self.performanceFile(overall: "overall:\n  project_groups:\n    - {label: 常年项目, count: 1, budget: 20.00, actual: 20.00, over_10pct_balance: 0}")],
             failing: [Self.performanceFile(overall: "overall:\n  project_groups:\n    - {label: 常年项目, count: 1, budget: 18.00, actual: 20.00, over_10pct_balance: 0}")], at: (performance, 7)),
        Case(rule: "PROJECT-FUNDS", passing: [Self.performanceFile()],
             failing: [Self.performanceFile(project: ProjectText.consistent.replacingOccurrences(of: "budget: 20.00, actual: 20.00}", with: "budget: 20.00, actual: 19.00}"))], at: (performance, 13)),
        Case(rule: "PROJECT-RATE", passing: [Self.performanceFile()],
             failing: [Self.performanceFile(project: ProjectText.consistent.replacingOccurrences(of: "rate: 100", with: "rate: 95"))], at: (performance, 14)),
        Case(rule: "PROJECT-SCORE", passing: [Self.performanceFile()],
             failing: [Self.performanceFile(project: ProjectText.consistent.replacingOccurrences(of: "weight: 90, score: 90", with: "weight: 90, score: 95"))], at: (performance, 22)),
        Case(rule: "PREV-YEAR", passing: [Self.previousReport, Self.replace(accounts, "appropriation:\n", "previous:\n  grand_total: 100.00\nappropriation:\n")],
             failing: [Self.previousReport, Self.replace(accounts, "appropriation:\n", "previous:\n  grand_total: 90.00\nappropriation:\n")], at: (accounts, 25)),
        Case(rule: "TEXT-AMOUNT", passing: [Self.file("test-zzb/2023/paragraphs/expenditure.md", "2023年本年支出合计100.00万元，其中：基本支出80.00万元，占80%；项目支出20万元，占20%。\n")],
             failing: [Self.file("test-zzb/2023/paragraphs/expenditure.md", "2023年本年支出合计100.00万元，其中：基本支出81.00万元，占80%；项目支出20万元，占20%。\n")],
             at: ("test-zzb/2023/paragraphs/expenditure.md", 1)),
        Case(rule: "TEXT-SHARE", passing: [Self.file("test-zzb/2023/paragraphs/expenditure.md", "本年支出合计100.00万元，其中：基本支出80.00万元，占80.00%。\n")],
             failing: [Self.file("test-zzb/2023/paragraphs/expenditure.md", "本年支出合计100.00万元，其中：基本支出80.00万元，占81.00%。\n")],
             at: ("test-zzb/2023/paragraphs/expenditure.md", 1)),
        Case(rule: "TEXT-CHANGE", passing: [Self.previousFigures, Self.file("test-zzb/2023/paragraphs/total.md", "2023年度收、支总计均为100.00万元。与2022年度相比，收、支总计各增加10.00万元，增长11.11%。\n")],
             failing: [Self.previousFigures, Self.file("test-zzb/2023/paragraphs/total.md", "2023年度收、支总计均为100.00万元。与2022年度相比，收、支总计各增加10.00万元，增长12.00%。\n")],
             at: ("test-zzb/2023/paragraphs/total.md", 1)),
        Case(rule: "TEXT-COMPLETION",
             passing: [Self.replace(accounts, "    basic: 80.00\n    project: 0\n", "    basic: 80.00\n    project: 0\n    budget: 80.00\n"),
                       Self.replace(accounts, "    project: 20.00\n", "    project: 20.00\n    budget: 25.00\n"),
                       Self.file("test-zzb/2023/paragraphs/general-budget-items.md", "2023年一般公共预算财政拨款支出100.00万元，完成预算95.24%。\n")],
             failing: [Self.replace(accounts, "    basic: 80.00\n    project: 0\n", "    basic: 80.00\n    project: 0\n    budget: 80.00\n"),
                       Self.replace(accounts, "    project: 20.00\n", "    project: 20.00\n    budget: 25.00\n"),
                       Self.file("test-zzb/2023/paragraphs/general-budget-items.md", "2023年一般公共预算财政拨款支出100.00万元，完成预算100%。\n")],
             at: ("test-zzb/2023/paragraphs/general-budget-items.md", 1)),
        Case(rule: "TEXT-YEAR", passing: [Self.previousFigures, Self.file("test-zzb/2023/paragraphs/general-budget-overall.md", "2022年一般公共预算财政拨款支出决算为90.00万元。\n")],
             failing: [Self.previousFigures, Self.file("test-zzb/2023/paragraphs/general-budget-overall.md", "2022年一般公共预算财政拨款支出决算为100.00万元。\n")],
             at: ("test-zzb/2023/paragraphs/general-budget-overall.md", 1)),
        Case(rule: "TEXT-PLACEHOLDER", passing: [Self.file("test-zzb/2023/duties.md", "1. 负责全县党的组织建设。\n")],
             failing: [Self.file("test-zzb/2023/duties.md", "1. 负责全县党的组织建设，经费比上年增加/减少。\n")], at: ("test-zzb/2023/duties.md", 1)),
        Case(rule: "TEXT-BUDGET",
             passing: [Self.replace(accounts, "    basic: 80.00\n    project: 0\n", "    basic: 80.00\n    project: 0\n    budget: 80.00\n"),
                       Self.file("test-zzb/2023/paragraphs/general-budget-items.md", "一般公共服务（类）组织事务（款）行政运行（项）支出80.00万元。年初预算为80.00万元，支出决算为80.00万元，完成年初预算的100%。\n")],
             failing: [Self.replace(accounts, "    basic: 80.00\n    project: 0\n", "    basic: 80.00\n    project: 0\n    budget: 80.00\n"),
                       Self.file("test-zzb/2023/paragraphs/general-budget-items.md", "一般公共服务（类）组织事务（款）行政运行（项）支出80.00万元。年初预算为85.00万元，支出决算为80.00万元。\n")],
             at: ("test-zzb/2023/paragraphs/general-budget-items.md", 1)),
        Case(rule: "TEXT-UNIT", passing: [Self.file("test-zzb/2023/paragraphs/agency-operating-cost.md", "2023年机关运行经费决算数为10.00万元，主要用于水电和办公支出。\n")],
             failing: [Self.file("test-zzb/2023/paragraphs/agency-operating-cost.md", "2023年机关运行经费决算数为10.00，主要用于水电和办公支出。\n")],
             at: ("test-zzb/2023/paragraphs/agency-operating-cost.md", 1)),
        Case(rule: "TEXT-RESTATED",
             passing: [Self.file("test-zzb/2023/performance-report.md", "“干部档案数字化”项目预算8.00万元。\n"),
                       Self.file("test-zzb/2023/achievements.md", "完成“干部档案数字化”项目，项目预算8.00万元。\n")],
             failing: [Self.file("test-zzb/2023/performance-report.md", "“干部档案数字化”项目预算8.00万元。\n"),
                       Self.file("test-zzb/2023/achievements.md", "完成“干部档案数字化”项目，项目预算9.00万元。\n")],
             at: ("test-zzb/2023/performance-report.md", 1)),
        Case(rule: "TEXT-PARTS", passing: [Self.file("test-zzb/2023/achievements.md", "全年共支出培训费12.00万元，其中：师资费3.00万元、场地费4.00万元、食宿费5.00万元。\n")],
             failing: [Self.file("test-zzb/2023/achievements.md", "全年共支出培训费12.00万元，其中：师资费3.00万元、场地费4.00万元、食宿费6.00万元。\n")],
             at: ("test-zzb/2023/achievements.md", 1)),
        Case(rule: "TEXT-DATE", passing: [Self.file("test-zzb/2023/achievements.md", "与2022年相比，全年培训干部人数有所增加。\n")],
             failing: [Self.file("test-zzb/2023/achievements.md", "与2021年相比，全年培训干部人数有所增加。\n")], at: ("test-zzb/2023/achievements.md", 1)),
        Case(rule: "TEXT-COUNT", passing: [Self.performanceFile(), Self.file("test-zzb/2023/performance-report.md", "本年开展绩效自评的项目共1个。\n")],
             failing: [Self.performanceFile(), Self.file("test-zzb/2023/performance-report.md", "本年开展绩效自评的项目共3个。\n")],
             at: ("test-zzb/2023/performance-report.md", 1)),
        Case(rule: "TEXT-BRACKET", passing: [Self.file("test-zzb/2023/duties.md", "1. 负责全县党的组织建设（含《党章》学习）。\n")],
             failing: [Self.file("test-zzb/2023/duties.md", "1. 负责全县党的组织建设（含《党章》学习。\n")], at: ("test-zzb/2023/duties.md", 1)),
        Case(rule: "TEXT-SUM", passing: [Self.file("test-zzb/2023/achievements.md", "全县共有村党组织干部30人，其中：书记10人、委员20人。\n")],
             failing: [Self.file("test-zzb/2023/achievements.md", "全县共有村党组织干部30人，其中：书记10人、委员15人。\n")], at: ("test-zzb/2023/achievements.md", 1)),
    ]

    func testEveryRuleHasAPassingAndAFailingCase() {
        let tested = Set(cases.map(\.rule))
        let defined = Set(ReconciliationRules.all.map(\.id))
        XCTAssertEqual(defined.subtracting(tested), [], "rules without tests")
        XCTAssertEqual(tested.subtracting(defined), [], "tests of unknown rules")
    }

    func testEachRuleStaysQuietWhenTheFiguresAgree() throws {
        for c in cases {
            var site = FixtureSite()
            for edit in c.passing { edit(&site) }
            let findings = try site.check()
            XCTAssertEqual(findings.filter { $0.rule == c.rule }, [],
                           "\(c.rule) fired on its passing case: \(findings.map { "\($0.location) \($0.rule) \($0.message.zh)" })")
        }
    }

    func testEachRuleFiresAndPointsAtTheFigure() throws {
        for c in cases {
            var site = FixtureSite()
            for edit in c.failing { edit(&site) }
            let findings = try site.check()
            let fired = findings.filter { $0.rule == c.rule }
            XCTAssertFalse(fired.isEmpty, "\(c.rule) did not fire; got \(findings.map { "\($0.location) \($0.rule) \($0.message.zh)" })")
            guard let first = fired.first else { continue }
            XCTAssertEqual(first.location.file, "Content/\(c.at.0)", "\(c.rule) file")
            XCTAssertEqual(first.location.line, c.at.1, "\(c.rule) line: \(first.message.zh)")
            XCTAssertFalse(first.message.zh.isEmpty)
            XCTAssertFalse(first.message.en.isEmpty)
            // Structural checks passed: only reconciliation findings.
            XCTAssertEqual(findings.filter { $0.rule.rawValue.hasPrefix("SCHEMA") || $0.rule.rawValue.hasPrefix("YAML") }, [], "\(c.rule)")
        }
    }

    func testNumericFindingsCarryExpectedAndActual() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "{total: 70.00", with: "{total: 71.00")
        let d = try XCTUnwrap(try site.check().first { $0.rule == "BASIC-SPLIT" })
        XCTAssertEqual(d.expected, "70.00")
        XCTAssertEqual(d.actual, "71.00")
        XCTAssertTrue(d.message.zh.contains("相差 1.00"), d.message.zh)
    }

    func testRoundingDifferencesWithinTheIntervalsAreAccepted() throws {
        // Three parts rounded independently may differ from the rounded total by up to (3 + 1) × 0.005.
        XCTAssertTrue(Tolerance.sumConsistent(total: DecimalNumber("10.01")!, parts: ["3.34", "3.33", "3.33"].compactMap(DecimalNumber.init)))
        XCTAssertFalse(Tolerance.sumConsistent(total: DecimalNumber("10.03")!, parts: ["3.34", "3.33", "3.33"].compactMap(DecimalNumber.init)))
        // 001: 基本支出 534.27 vs 人员经费 489.86 + 公用经费 44.43 = 534.29: 0.02 > 0.015.
        XCTAssertFalse(Tolerance.sumConsistent(total: DecimalNumber("534.27")!, parts: ["489.86", "44.43"].compactMap(DecimalNumber.init)))
        // A percentage printed as an integer is checked as an integer: 004's "11%" for 2.72 / 24.65 = 11.03%.
        XCTAssertTrue(Tolerance.rateConsistent(printed: DecimalNumber("11")!, decimals: 0, change: DecimalNumber("2.72")!, previous: DecimalNumber("24.65")!))
        XCTAssertTrue(Tolerance.rateConsistent(printed: DecimalNumber("11.03")!, decimals: 2, change: DecimalNumber("2.72")!, previous: DecimalNumber("24.65")!))
        XCTAssertFalse(Tolerance.rateConsistent(printed: DecimalNumber("11.00")!, decimals: 2, change: DecimalNumber("2.72")!, previous: DecimalNumber("24.65")!))
        // 001: 0.57 over last year's 43.86 is 1.30%, not 1.28% (which divides by this year's 44.43).
        XCTAssertFalse(Tolerance.rateConsistent(printed: DecimalNumber("1.28")!, decimals: 2, change: DecimalNumber("0.57")!, previous: DecimalNumber("43.86")!))
        // 000: 资源勘探 141.73 / 3474.67 = 4.0789% is 4.08%, not the published 4.07%.
        XCTAssertFalse(Tolerance.shareConsistent(printed: DecimalNumber("4.07")!, decimals: 2, part: DecimalNumber("141.73")!, whole: DecimalNumber("3474.67")!))
        // 000: 其他收入 0.14 / 3474.81 printed as 0.01% cannot be a rounding of 0.0040%.
        XCTAssertFalse(Tolerance.shareConsistent(printed: DecimalNumber("0.01")!, decimals: 2, part: DecimalNumber("0.14")!, whole: DecimalNumber("3474.81")!))
        XCTAssertTrue(Tolerance.shareConsistent(printed: DecimalNumber("80.9")!, decimals: 1, part: DecimalNumber("2810.86")!, whole: DecimalNumber("3474.67")!))
    }
}
