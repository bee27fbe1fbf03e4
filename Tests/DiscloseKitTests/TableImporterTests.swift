import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Reading 附表 from spreadsheets: tables by their titles, columns by their header words, amounts in
/// 元 or 万元, whatever the positions (`disclose import`, before anything is written).
final class TableImporterTests: XCTestCase {
    private func plan(_ fixture: String, unit: MoneyUnit = .wanYuan) throws -> ImportPlan {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/xlsx/\(fixture).xlsx")
        return TableImporter(unit: unit, unitName: "中国共产党泸州市委员会组织部").plan(for: try ReportImport.sheets(at: url))
    }

    private func value(_ plan: ImportPlan, _ path: String) -> String? {
        plan.scalars.first { $0.path.joined(separator: ".") == path }?.value
    }

    private func items(_ plan: ImportPlan, _ path: String) -> [String] {
        (plan.lists.first { $0.path.joined(separator: ".") == path }?.items ?? []).map { item in
            item.fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
    }

    func testSummaryTableIsReadByItsWordsWithMergedHeaders() throws {
        let plan = try plan("merged-headers")
        XCTAssertEqual(plan.tables.map(\.layout.rawValue), ["income-expenditure-summary"])
        XCTAssertEqual(value(plan, "income.general_budget"), "3474.67")
        XCTAssertEqual(value(plan, "income.government_fund"), "0", "a blank amount cell is zero")
        XCTAssertEqual(value(plan, "income.other"), "0.14")
        XCTAssertEqual(value(plan, "income.total"), "3474.81")
        XCTAssertEqual(value(plan, "expenditure.total"), "3474.67")
        XCTAssertEqual(plan.scalars.first { $0.path == ["income", "general_budget"] }?.sources, ["收入支出决算总表!B5"])
        // The 类 lines on the 支出 side are compared with a 支出 detail table; with none in the workbook
        // they are kept as the stated class totals (functional_stated, every fund).
        XCTAssertTrue(plan.notices.isEmpty, "\(plan.notices.map(\.message.zh))")
        XCTAssertEqual(plan.cells["收入支出决算总表!D5"], .imported("functional_stated 201 all total"))
        XCTAssertEqual(plan.lists.first { $0.path == ["functional_stated"] }?.items.map { $0.fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ") },
                       [#"code="201" fund=all total=2810.86"#, #"code="205" fund=all total=90"#, #"code="208" fund=all total=139.85"#])
    }

    func testBlankRowsYuanAndExtraColumnsGiveTheSameFigures() throws {
        let reference = try plan("merged-headers").scalars.map { "\($0.path.joined(separator: "."))=\($0.value)" }
        for fixture in ["blank-rows", "yuan", "extra-column"] {
            let other = try plan(fixture)
            XCTAssertEqual(other.scalars.map { "\($0.path.joined(separator: "."))=\($0.value)" }, reference, fixture)
        }
        // 34746700 元 is 3474.67 万元, and the other way round for a report kept in 元.
        XCTAssertEqual(value(try plan("yuan", unit: .yuan), "income.general_budget"), "34746700")
        XCTAssertEqual(value(try plan("merged-headers", unit: .yuan), "income.other"), "1400")
        // A column of words (备注: 无) holds no figure and is not listed; a column of figures is.
        let extra = try plan("extra-column")
        XCTAssertEqual(extra.notices.map(\.place), [])
        let figures = ImportSheet.csv(name: "t.csv", text: "收入支出决算总表\n单位：万元\n项目,决算数,上年数\n一、一般公共预算财政拨款收入,100,90\n")
        let plan = TableImporter(unit: .wanYuan).plan(for: [figures])
        XCTAssertEqual(plan.notices.map(\.place), ["t.csv!C3"])
        XCTAssertTrue(plan.notices[0].message.zh.contains("“上年数”列"), plan.notices[0].message.zh)
        XCTAssertEqual(plan.cells["t.csv!C4"], .unplaced("没有对应的字段"))
    }

    /// A finance-system export: 行次 and 栏次 columns and rows, full codes in one column, 项目支出 before
    /// 基本支出, amounts in 元, the 三公 table grouped by 预算数/决算数, and a sheet that is no 附表.
    func testFinanceSystemWorkbookIsReadWhateverTheColumnOrder() throws {
        let plan = try plan("finance-system")
        XCTAssertEqual(plan.tables.map(\.layout.rawValue), ["income-expenditure-summary", "expenditure", "general-budget", "three-public"])
        XCTAssertEqual(value(plan, "income.general_budget"), "2810.86")
        XCTAssertEqual(value(plan, "income.other"), "0.14")
        XCTAssertEqual(value(plan, "expenditure.total"), "2811")
        XCTAssertEqual(plan.scalars.first { $0.path == ["expenditure", "total"] }?.sources, ["公开01表!F8", "公开03表!E5"])
        XCTAssertEqual(value(plan, "expenditure.basic"), "1183.52")
        XCTAssertEqual(value(plan, "expenditure.project"), "1627.48")
        // 2013250 spends 109.24, of which 109.10 is 一般公共预算: the rest is non-appropriation money.
        XCTAssertEqual(items(plan, "functional"), [
            #"code="2011105" fund=general_budget basic=0 project=10.88"#,
            #"code="2013201" fund=general_budget basic=1074.28 project=0"#,
            #"code="2013202" fund=general_budget basic=0 project=1616.6"#,
            #"code="2013250" fund=general_budget basic=109.1 project=0"#,
            #"code="2013250" fund=other basic=0.14 project=0"#,
        ])
        XCTAssertEqual(value(plan, "three_public.budget.reception"), "5")
        XCTAssertEqual(value(plan, "three_public.actual.reception"), "1.58")
        XCTAssertEqual(value(plan, "three_public.actual.vehicle_operation"), "6")
        XCTAssertEqual(value(plan, "three_public.budget.overseas"), "0")
        XCTAssertEqual(plan.notices.map(\.place), [], "\(plan.notices.map(\.message.zh))")
        XCTAssertEqual(plan.skipped, ["填表说明"], "a sheet with no figures is listed, not warned about")
    }

    func testSheetsThatDisagreeAreReportedAndTheFirstFigureKept() {
        let summary = ImportSheet.csv(name: "总表.csv", text: "收入支出决算总表\n单位：万元\n收入,,支出,\n项目,决算数,项目,决算数\n一、一般公共预算财政拨款收入,100.00,本年支出合计,100.00\n")
        let appropriation = ImportSheet.csv(name: "财政拨款.csv", text: """
            \u{FEFF}财政拨款收入支出决算总表\r\n单位：万元\r\n收入,,支出,,,,\r\n项目,决算数,项目,合计,一般公共预算财政拨款,政府性基金预算财政拨款,国有资本经营预算财政拨款\r\n\
            一、一般公共预算财政拨款,"1,000.00",,,,,\r\n年初财政拨款结转和结余,3,年末财政拨款结转和结余,2,2,0,0\r\n\
            　　一般公共预算财政拨款,3,,,,,\r\n其中：某项,9,,,,,\r\n
            """)
        let plan = TableImporter(unit: .wanYuan).plan(for: [summary, appropriation])
        XCTAssertEqual(value(plan, "income.general_budget"), "100")
        XCTAssertEqual(value(plan, "appropriation.carryover_beginning.general_budget"), "3")
        XCTAssertEqual(value(plan, "appropriation.carryover_ending.general_budget"), "2")
        XCTAssertEqual(plan.notices.map(\.kind), [.conflict, .unplaced], "\(plan.notices.map(\.message.zh))")
        XCTAssertEqual(plan.notices[0].place, "财政拨款.csv!B5")
        XCTAssertTrue(plan.notices[0].message.zh.contains("income.general_budget 在 财政拨款.csv!B5 为 1000，但 总表.csv!B5 为 100"), plan.notices[0].message.zh)
        XCTAssertEqual(plan.notices[1].place, "财政拨款.csv!A8")
    }

    func testSpreadsheetNumbers() {
        XCTAssertEqual(SheetGrid.number("1074.2799999999999"), DecimalNumber("1074.28"), "binary noise of a stored double")
        XCTAssertEqual(SheetGrid.number("0.30000000000000004"), DecimalNumber("0.3"))
        XCTAssertEqual(SheetGrid.number("1,074.28"), DecimalNumber("1074.28"))
        XCTAssertEqual(SheetGrid.number("34746700"), DecimalNumber("34746700"))
        XCTAssertEqual(SheetGrid.number("1.5E3"), DecimalNumber("1500"))
        XCTAssertEqual(SheetGrid.number("2.5E-2"), DecimalNumber("0.025"))
        XCTAssertEqual(SheetGrid.number("-12.5"), DecimalNumber("-12.5"))
        XCTAssertEqual(SheetGrid.number("(12.5)"), DecimalNumber("-12.5"))
        XCTAssertEqual(SheetGrid.number("—"), .zero)
        XCTAssertNil(SheetGrid.number("十二"))
        XCTAssertNil(SheetGrid.number("12.5万"))
        XCTAssertNil(SheetGrid.number("1.2.3"))
    }

    func testCSVFilesAsDiscloseBuildWritesThem() {
        let sheet = ImportSheet.csv(name: "t.csv", text: "\u{FEFF}a,\"b,c\",\"say \"\"hi\"\"\"\r\n'=1,,x\r\n")
        XCTAssertEqual(sheet.rows, [["a", "b,c", "say \"hi\""], ["=1", "", "x"]])
        XCTAssertEqual(sheet.reference(1, 27), "t.csv!AB2")
    }

    func testCSVSavedByChineseExcelInGB18030IsRead() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/xlsx/gb18030.csv")
        let plan = TableImporter(unit: .wanYuan).plan(for: try ReportImport.sheets(at: url))
        XCTAssertEqual(plan.tables.map(\.layout.rawValue), ["income-expenditure-summary"])
        XCTAssertEqual(value(plan, "income.general_budget"), "3474.67")
    }

    func testCodesFromSeparateOrCombinedColumns() {
        XCTAssertEqual(TableImporter.code(lei: "201", kuan: "32", xiang: "01"), "2013201")
        XCTAssertEqual(TableImporter.code(lei: "201", kuan: "20132", xiang: ""), "20132")
        XCTAssertEqual(TableImporter.code(lei: "201", kuan: "20132", xiang: "2013201"), "2013201")
        XCTAssertEqual(TableImporter.code(lei: "201", kuan: "", xiang: ""), "201")
        XCTAssertEqual(SheetGrid.label("（一）一般公共预算财政拨款"), "一般公共预算财政拨款")
        XCTAssertEqual(SheetGrid.label("八、其他收入"), "其他收入")
        XCTAssertEqual(SheetGrid.label("其中：授予小微企业合同金额"), "授予小微企业合同金额")
    }

    /// Sheets of random words, numbers, codes and merges (some inverted or outside the grid): the
    /// importer reports what it cannot place and never crashes.
    func testRandomSheetsNeverCrashTheImporter() {
        var random = SeededRandom(seed: 7)
        let words = ["收入支出决算总表", "支出决算表", "一般公共预算财政拨款支出决算表", "财政拨款“三公”经费支出决算表", "机关运行经费", "单位：元",
                     "单位：万元", "编制单位：某部门", "科目编码", "类", "款", "项", "科目名称", "项目", "合计", "基本支出", "项目支出", "预算数",
                     "决算数", "栏次", "行次", "一、一般公共预算财政拨款收入", "年初财政拨款结转和结余", "201", "20132", "2013201", "30101",
                     "1.5E400", "-", "(3)", "1,2,3", "0.30000000000000004", "", "", "", "备注", "人员经费合计", "其中：小微企业", "辆", "主要领导干部用车"]
        for _ in 0..<300 {
            let rows = random.int(0...12), columns = random.int(0...9)
            let grid = (0..<rows).map { _ in (0..<columns).map { _ in words[random.int(0...(words.count - 1))] } }
            let merges = (0..<random.int(0...4)).map { _ in
                XLSXWorkbook.Merge(top: random.int(-2...14), left: random.int(-2...11), bottom: random.int(-2...14), right: random.int(-2...11))
            }
            let plan = TableImporter(unit: .wanYuan).plan(for: [ImportSheet(name: "s", rows: grid, merges: merges)])
            XCTAssertTrue(plan.scalars.allSatisfy { DecimalNumber($0.value) != nil || $0.path.last == "label" })
        }
    }
}
