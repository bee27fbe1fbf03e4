import DiscloseCore
import DiscloseKit
import Foundation
import XCTest

/// The narrative scanner read as a specification: each kind of sentence real reports write, once where
/// its figures agree with the content (nothing fires) and once with one figure wrong (a rule fires and
/// quotes it). The fixture is FixtureSite: income 100.00 = basic 80.00 (2013201) + project 20.00 (2013202),
/// 公务接待费 0.40 of a 0.50 budget, 2 batches and 10 visitors, one 其他用车 count 0.
final class NarrativeCheckTests: XCTestCase {
    let dir = "test-zzb/2023"

    func check(_ files: [String: String], edits: [(String, String, String)] = []) throws -> [Diagnostic] {
        var site = FixtureSite()
        for (path, text) in files { site.files["\(dir)/\(path)"] = text }
        for (path, old, new) in edits { site.edit("\(dir)/\(path)", replacing: old, with: new) }
        return try site.check()
    }

    func text(_ ds: [Diagnostic]) -> String { ds.map { "\($0.location) \($0.rule) \($0.message.zh)" }.joined(separator: "\n") }

    func assertQuiet(_ ds: [Diagnostic], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ds.filter { $0.rule.rawValue.hasPrefix("TEXT") }, [], text(ds), file: file, line: line)
    }

    /// The rule fired, pointing at the file and line, and its message quotes the stated figure.
    func assertFires(_ ds: [Diagnostic], _ rule: RuleID, in path: String, line: Int, quoting: String,
                     file: StaticString = #filePath, testLine: UInt = #line) {
        let fired = ds.filter { $0.rule == rule && $0.location.file == "Content/\(dir)/\(path)" && $0.location.line == line }
        XCTAssertFalse(fired.isEmpty, "\(rule) did not fire at \(path):\(line); got:\n\(text(ds))", file: file, line: testLine)
        XCTAssertTrue(fired.contains { $0.message.zh.contains(quoting) }, "\(rule) does not quote \(quoting): \(text(fired))", file: file, line: testLine)
    }

    static let withBudgets: [(String, String, String)] = [
        ("accounts.yaml", "    basic: 80.00\n    project: 0\n", "    basic: 80.00\n    project: 0\n    budget: 80.00\n"),
        ("accounts.yaml", "    project: 20.00\n", "    project: 20.00\n    budget: 25.00\n"),
    ]

    // MARK: 1. Linking amounts to items

    func testAnAmountAfterANameWithFullWidthBracketsIsChecked() throws {
        let good = "2023年度公务接待费0.40万元，因公出国（境）费0万元，公务接待费较预算减少0.10万元。\n"
        assertQuiet(try check(["paragraphs/three-public-items.md": good]))
        let bad = try check(["paragraphs/three-public-items.md": "2023年度公务接待费0.40万元，因公出国（境）费0.30万元。\n"])
        assertFires(bad, "TEXT-AMOUNT", in: "paragraphs/three-public-items.md", line: 1, quoting: "0.30")
    }

    func testCodesInBracketsAndClassMarkersNameTheItem() throws {
        let good = "一般公共服务（201）支出100.00万元，其中组织事务（款）行政运行（项）80.00万元。\n"
        assertQuiet(try check(["paragraphs/general-budget-items.md": good]))
        let bad = try check(["paragraphs/general-budget-items.md": "一般公共服务（201）支出100.00万元，其中一般公共服务（类）组织事务（款）行政运行（项）支出81.00万元。\n"])
        assertFires(bad, "TEXT-AMOUNT", in: "paragraphs/general-budget-items.md", line: 1, quoting: "81.00")
    }

    /// Shanghai's item lines: the budget, the actual and the completion rate follow without the name.
    func testAnItemLineIsFollowedThroughItsBudgetActualAndCompletion() throws {
        let line = "一般公共服务（类）组织事务（款）行政运行（项）支出80.00万元。年初预算为80.00万元，支出决算为80.00万元，完成年初预算的100%。\n"
        assertQuiet(try check(["paragraphs/general-budget-items.md": line], edits: Self.withBudgets))
        let budget = try check(["paragraphs/general-budget-items.md": line.replacingOccurrences(of: "年初预算为80.00", with: "年初预算为85.00")], edits: Self.withBudgets)
        assertFires(budget, "TEXT-BUDGET", in: "paragraphs/general-budget-items.md", line: 1, quoting: "85.00")
        let actual = try check(["paragraphs/general-budget-items.md": line.replacingOccurrences(of: "支出决算为80.00", with: "支出决算为79.00")], edits: Self.withBudgets)
        assertFires(actual, "TEXT-AMOUNT", in: "paragraphs/general-budget-items.md", line: 1, quoting: "79.00")
        let rate = try check(["paragraphs/general-budget-items.md": line.replacingOccurrences(of: "100%", with: "98%")], edits: Self.withBudgets)
        assertFires(rate, "TEXT-COMPLETION", in: "paragraphs/general-budget-items.md", line: 1, quoting: "98")
    }

    /// The item line as its own sentence, a 主要用于 sentence, then the figures (the Shanghai layout).
    func testAnItemLineCarriesThroughAPurposeSentence() throws {
        let line = "1、一般公共服务支出（类）组织事务（款）一般行政管理事务（项）。主要用于：干部培训。全年预算为25.00万元，支出决算为20.00万元，完成全年预算数的80.00%。\n"
        assertQuiet(try check(["paragraphs/general-budget-items.md": line], edits: Self.withBudgets))
        let bad = try check(["paragraphs/general-budget-items.md": line.replacingOccurrences(of: "支出决算为20.00", with: "支出决算为21.00")], edits: Self.withBudgets)
        assertFires(bad, "TEXT-AMOUNT", in: "paragraphs/general-budget-items.md", line: 1, quoting: "21.00")
    }

    func testLabelsOfTheReportsOwnWordingAreKnown() throws {
        let good = "本年收入支出总计100.00万元。政府采购中货物采购金额0万元。\n"
        assertQuiet(try check(["achievements.md": good]))
        let bad = try check(["achievements.md": "本年收入支出总计110.00万元。\n"])
        assertFires(bad, "TEXT-AMOUNT", in: "achievements.md", line: 1, quoting: "110.00")
    }

    /// A 项 the report's table prints under its own name ("机关行政运行" for 2013201) is known by that name.
    func testAnItemIsKnownByTheNameTheReportsTablePrints() throws {
        let named = [("accounts.yaml", "  - code: \"2013201\"\n", "  - code: \"2013201\"\n    name: 机关行政运行\n")]
        assertQuiet(try check(["paragraphs/general-budget-items.md": "机关行政运行支出80.00万元。\n"], edits: named))
        let bad = try check(["paragraphs/general-budget-items.md": "机关行政运行支出82.00万元。\n"], edits: named)
        assertFires(bad, "TEXT-AMOUNT", in: "paragraphs/general-budget-items.md", line: 1, quoting: "82.00")
    }

    /// "收、支总计" keeps its 、; a later clause of only "共计支出" speaks of the item named before.
    func testANameWithAPauseMarkAndATotalClauseAreLinked() throws {
        let good = "2023年度财政拨款收、支总计100.00万元。国内公务接待2批次，10人次，共计支出0.40万元，具体包括：调研接待0.40万元。\n"
        assertQuiet(try check(["paragraphs/three-public-items.md": good]))
        let total = try check(["paragraphs/three-public-items.md": good.replacingOccurrences(of: "收、支总计100.00", with: "收、支总计101.00")])
        assertFires(total, "TEXT-AMOUNT", in: "paragraphs/three-public-items.md", line: 1, quoting: "101.00")
        let reception = try check(["paragraphs/three-public-items.md": good.replacingOccurrences(of: "共计支出0.40", with: "共计支出0.50")])
        assertFires(reception, "TEXT-AMOUNT", in: "paragraphs/three-public-items.md", line: 1, quoting: "0.50")
    }

    /// achievements.md used to pass unchecked.
    func testEveryNarrativeFileIsScanned() throws {
        for file in ["achievements.md", "organization.md", "duties.md", "performance-report.md"] {
            let bad = try check([file: "1. 全年机关运行经费10.50万元，主要用于办公设备维护。\n"])
            assertFires(bad, "TEXT-AMOUNT", in: file, line: 1, quoting: "10.50")
        }
    }

    func testAProjectBudgetGivenUnderAnotherWordingIsChecked() throws {
        let project = ReconciliationRuleTests.ProjectText.consistent
        let perf = "management:\n  with_targets: 1\n  monitored: 1\n  self_evaluated: 1\nprojects:\n\(project)"
        let good = "干部培训经费项目全年预算20.00万元，全年执行20.00万元，执行率100%。\n"
        assertQuiet(try check(["performance.yaml": perf, "performance-report.md": good]))
        let bad = try check(["performance.yaml": perf, "performance-report.md": "干部培训经费财政预算资金22.00万元，全年执行20.00万元。\n"])
        assertFires(bad, "TEXT-BUDGET", in: "performance-report.md", line: 1, quoting: "22.00")
    }

    func testAnAmountWithoutItsUnitIsCheckedInTheReportUnitAndReported() throws {
        assertQuiet(try check(["paragraphs/agency-operating-cost.md": "2023年机关运行经费决算数为10.00万元。\n"]))
        let missing = try check(["paragraphs/agency-operating-cost.md": "2023年机关运行经费决算数为10.00，主要用于水电和办公支出。\n"])
        assertFires(missing, "TEXT-UNIT", in: "paragraphs/agency-operating-cost.md", line: 1, quoting: "10.00")
        XCTAssertFalse(missing.contains { $0.rule == "TEXT-AMOUNT" }, text(missing))
        let wrong = try check(["paragraphs/agency-operating-cost.md": "2023年机关运行经费决算数为12.00，主要用于水电和办公支出。\n"])
        assertFires(wrong, "TEXT-AMOUNT", in: "paragraphs/agency-operating-cost.md", line: 1, quoting: "12.00")
        let half = try check(["paragraphs/three-public-items.md": "公务接待费0.4万（含外事接待0万元）。\n"])
        assertFires(half, "TEXT-UNIT", in: "paragraphs/three-public-items.md", line: 1, quoting: "0.4")
    }

    func testUnlinkedAmountsAreListedAsNotChecked() throws {
        var site = FixtureSite()
        site.files["\(dir)/achievements.md"] = "全年举办培训班4期，用款3.50万元。动用党费约100万元。机关运行经费10.00万元。\n"
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = Checker.check(content: root, displayRoot: "Content")
        let listed = Checker.uncheckedNarrativeAmounts(result)
        XCTAssertEqual(listed.map { "\($0.status.rawValue) \($0.value)\($0.unit.rawValue) \($0.location.line):\($0.location.column)" },
                       ["unlinked 3.50万元 1:13", "approximate 100万元 1:25"])
        let json = DiagnosticRenderer.json(result.diagnostics, language: .zh, unchecked: listed)
        XCTAssertTrue(json.contains("\"unchecked_amounts\""), json)
        XCTAssertTrue(json.contains("\"amount\": \"3.50\""), json)
    }

    func testTheSampleContentLeavesNoAmountUnlinked() throws {
        let result = Checker.check(content: repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content")
        XCTAssertFalse(result.hasErrors)
        let listed = Checker.uncheckedNarrativeAmounts(result)
        XCTAssertEqual(listed.filter { $0.status == .unlinked }.map { "\($0.location) \($0.value) \($0.sentence)" }, [])
        // The approximations ("约575万元", "10万元以上") are listed as such, not dropped.
        XCTAssertTrue(listed.contains { $0.status == .approximate && $0.value == DecimalNumber(575) })
    }

    // MARK: 2. Statements compared with statements

    /// No table holds a donation total; the two places that state it are compared with each other.
    func testAnItemOnlyTheTextsNameIsComparedBetweenThem() throws {
        let good = ["achievements.md": "全县8632名党员共捐款126.45万元。\n", "performance-report.md": "疫情期间，全县8632名党员累计捐款126.45万元。\n"]
        assertQuiet(try check(good))
        let bad = try check(["achievements.md": "全县8632名党员共捐款126.45万元。\n", "performance-report.md": "疫情期间，全县8632名党员累计捐款162.45万元。\n"])
        assertFires(bad, "TEXT-RESTATED", in: "performance-report.md", line: 1, quoting: "162.45")
    }

    func testTheSameItemStatedTwiceWithDifferentFiguresQuotesBothPlaces() throws {
        let good = ["performance-report.md": "“干部档案数字化”项目预算8.00万元，年内完成全部录入。\n",
                    "achievements.md": "完成“干部档案数字化”项目，项目预算8.00万元。\n"]
        assertQuiet(try check(good))
        let bad = try check(["performance-report.md": "“干部档案数字化”项目预算8.00万元，年内完成全部录入。\n",
                             "achievements.md": "完成“干部档案数字化”项目，项目预算9.00万元。\n"])
        let fired = bad.filter { $0.rule == "TEXT-RESTATED" }
        XCTAssertEqual(fired.count, 1, text(bad))
        XCTAssertTrue(fired.first?.message.zh.contains("9.00") == true && fired.first?.message.zh.contains("8.00") == true, text(fired))
        XCTAssertEqual(Set(([fired.first?.location] + (fired.first?.related ?? [])).compactMap { $0?.file }),
                       ["Content/\(dir)/achievements.md", "Content/\(dir)/performance-report.md"])
    }

    func testAStatedTotalEqualsThePartsTheTextLists() throws {
        let good = "全年举办培训班4期，共支出培训费12.00万元，其中：师资费3.00万元、场地费4.00万元、食宿费5.00万元。\n"
        assertQuiet(try check(["achievements.md": good]))
        let bad = try check(["achievements.md": good.replacingOccurrences(of: "食宿费5.00", with: "食宿费6.00")])
        assertFires(bad, "TEXT-PARTS", in: "achievements.md", line: 1, quoting: "13.00")
    }

    // MARK: 3. Years and dates

    func testAComparisonIsWithTheYearBeforeTheReport() throws {
        assertQuiet(try check(["achievements.md": "与2022年相比，全年培训干部人数有所增加。较上年多举办2期。\n"]))
        let bad = try check(["achievements.md": "与2021年相比，全年培训干部人数有所增加。\n"])
        assertFires(bad, "TEXT-DATE", in: "achievements.md", line: 1, quoting: "2021")
    }

    func testAnAsOfDateIsTheEndOfTheReportYear() throws {
        assertQuiet(try check(["organization.md": "截至2023年12月31日，本部门共有内设机构3个。截至2023年底，编制全部到位。\n"]))
        let bad = try check(["organization.md": "截至2023年6月30日，本部门共有内设机构3个。\n"])
        assertFires(bad, "TEXT-DATE", in: "organization.md", line: 1, quoting: "2023年6月30日")
    }

    func testAYearAfterTheReportYearIsAnError() throws {
        assertQuiet(try check(["achievements.md": "2024年将继续推进干部教育培训工作。\n"]))
        let bad = try check(["achievements.md": "2024年完成了全部干部档案的数字化。\n"])
        assertFires(bad, "TEXT-DATE", in: "achievements.md", line: 1, quoting: "2024")
    }

    // MARK: 4. Counts

    func testCountsOfProjectsAreComparedWithTheContent() throws {
        let perf = "management:\n  with_targets: 1\n  monitored: 1\n  self_evaluated: 1\noverall:\n  project_groups:\n    - {label: 常年项目, count: 1, budget: 20.00, actual: 20.00, over_10pct_balance: 0}\nprojects:\n\(ReconciliationRuleTests.ProjectText.consistent)"
        let good = "本年开展绩效自评的项目共1个。常年项目1个，预算合计20.00万元，执行20.00万元，结余率超过10%的有0个。\n"
        assertQuiet(try check(["performance.yaml": perf, "performance-report.md": good]))
        let selfEvaluated = try check(["performance.yaml": perf, "performance-report.md": good.replacingOccurrences(of: "项目共1个", with: "项目共3个")])
        assertFires(selfEvaluated, "TEXT-COUNT", in: "performance-report.md", line: 1, quoting: "3个")
        let threshold = try check(["performance.yaml": perf, "performance-report.md": good.replacingOccurrences(of: "的有0个", with: "的有1个")])
        assertFires(threshold, "TEXT-COUNT", in: "performance-report.md", line: 1, quoting: "1个")
        let group = try check(["performance.yaml": perf, "performance-report.md": good.replacingOccurrences(of: "常年项目1个", with: "常年项目2个")])
        assertFires(group, "TEXT-COUNT", in: "performance-report.md", line: 1, quoting: "2个")
    }

    func testVehicleAndReceptionCountsAreComparedWithTheContent() throws {
        let good = "年末其他用车0辆。全年国内公务接待2批次、10人次。\n"
        assertQuiet(try check(["paragraphs/assets.md": good]))
        let vehicles = try check(["paragraphs/assets.md": "年末其他用车1辆。\n"])
        assertFires(vehicles, "TEXT-COUNT", in: "paragraphs/assets.md", line: 1, quoting: "1辆")
        let batches = try check(["paragraphs/assets.md": "全年国内公务接待3批次、10人次。\n"])
        assertFires(batches, "TEXT-COUNT", in: "paragraphs/assets.md", line: 1, quoting: "3批次")
    }

    // MARK: 5. Leftovers and units

    func testTemplateLeftoversAreErrors() throws {
        assertQuiet(try check(["achievements.md": "全年机关运行经费比上年有所减少。\n"]))
        for leftover in ["（注：此处填写主要原因。）", "比上年大小于", "比上年减增加", "[image: 图1]", "本部门（单位）"] {
            let bad = try check(["achievements.md": "全年机关运行经费\(leftover)。\n"])
            XCTAssertTrue(bad.contains { $0.rule == "TEXT-PLACEHOLDER" }, "\(leftover): \(text(bad))")
        }
    }

    func testUnitTyposAndUnbalancedMarksAreErrors() throws {
        assertQuiet(try check(["achievements.md": "全年机关运行经费10.00万元（含《党章》学习资料印制）。\n"]))
        let typo = try check(["achievements.md": "全年机关运行经费10.00元万。\n"])
        assertFires(typo, "TEXT-UNIT", in: "achievements.md", line: 1, quoting: "元万")
        let bracket = try check(["achievements.md": "全年组织学习（含《党章》学习。\n"])
        assertFires(bracket, "TEXT-BRACKET", in: "achievements.md", line: 1, quoting: "括号")
        let quote = try check(["achievements.md": "全年开展“两学一做学习。\n"])
        assertFires(quote, "TEXT-BRACKET", in: "achievements.md", line: 1, quoting: "引号")
    }

    func testTheDraftMarkerIsAWarningForCheckAndAnErrorForBuild() throws {
        var site = FixtureSite()
        site.files["\(dir)/achievements.md"] = "（待填写：重点工作完成情况。）\n"
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let checked = Checker.check(content: root, displayRoot: "Content")
        let warning = try XCTUnwrap(checked.diagnostics.first { $0.rule == "NARRATIVE-TODO" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.zh.contains("disclose build 作为错误"), warning.message.zh)
        XCTAssertFalse(checked.hasErrors)
        let publishing = Checker.check(content: root, displayRoot: "Content", publishing: true)
        XCTAssertEqual(publishing.diagnostics.first { $0.rule == "NARRATIVE-TODO" }?.severity, .error)
        XCTAssertTrue(publishing.hasErrors)
    }
}
