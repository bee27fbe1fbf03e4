import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Import you can trust: every numeric cell of a recognised table is imported, structure, compared or
/// reported as not placed; every figure equals its source cell converted exactly; sheets that disagree
/// are reported with both cells; decisions in import.yaml survive a re-import.
final class ImportAccountingTests: XCTestCase {
    static let fixtures = ["merged-headers.xlsx", "yuan.xlsx", "blank-rows.xlsx", "extra-column.xlsx", "finance-system.xlsx",
                           "officer-yuan.xlsx", "shanghai-9.xlsx", "gb18030.csv",
                           // `disclose export` of the three sample reports, frozen: real exports as a finance officer gets them.
                           "export-luzhou-zzb-2020.xlsx", "export-miyi-zzb-2020.xlsx", "export-panzhihua-xiqu-zzb-2023.xlsx"]

    private func sheets(_ fixture: String) throws -> [ImportSheet] {
        try ReportImport.sheets(at: repositoryRoot.appendingPathComponent("Tests/Fixtures/xlsx/\(fixture)"))
    }

    private func plan(_ fixture: String, unitName: String? = nil, decisions: ImportDecisions = ImportDecisions()) throws -> ImportPlan {
        TableImporter(unit: .wanYuan, unitName: unitName, decisions: decisions).plan(for: try sheets(fixture))
    }

    private func value(_ plan: ImportPlan, _ path: String) -> String? {
        plan.scalars.first { $0.path.joined(separator: ".") == path }?.value
    }

    /// Every sample report's own export, as a workbook.
    private func sampleWorkbooks() throws -> [(String, [ImportSheet])] {
        let load = ContentLoader(root: repositoryRoot.appendingPathComponent("Content")).load()
        return try ImportRoundTripTests.samples.map { unit, year in
            let report = try XCTUnwrap(load.tree?.reports.first { $0.unitID == unit && $0.year == year })
            let data = try XLSXWriter.workbook(TableBuilder(report: report, unitName: unit).tables(), unitName: unit)
            return ("\(unit)/\(year)", ImportSheet.sheets(of: try XLSXWorkbook(data: data)))
        }
    }

    private func allCases() throws -> [(String, [ImportSheet])] {
        try Self.fixtures.map { ($0, try sheets($0)) } + sampleWorkbooks()
    }

    // MARK: Every number accounted for

    func testEveryNumericCellOfEveryRecognisedTableEndsInExactlyOneGroup() throws {
        for (name, sheets) in try allCases() {
            let plan = TableImporter(unit: .wanYuan).plan(for: sheets)
            let recognised = Set(plan.tables.map(\.sheet))
            var numeric = 0
            for sheet in sheets where recognised.contains(sheet.name) {
                for r in sheet.rows.indices {
                    for c in sheet.rows[r].indices where !sheet.cell(r, c).isEmpty && SheetGrid.number(sheet.cell(r, c)) != nil {
                        numeric += 1
                        XCTAssertNotNil(plan.cells[sheet.reference(r, c)], "\(name): \(sheet.reference(r, c)) “\(sheet.cell(r, c))” is in no group")
                    }
                }
            }
            XCTAssertEqual(plan.cells.count, numeric, "\(name): only numeric cells are accounted, each once")
            // A cell not placed is always said.
            for (cell, fate) in plan.cells where fate.group == "unplaced" {
                let row = cell.split(separator: "!").first.map(String.init) ?? cell
                XCTAssertTrue(plan.notices.contains { $0.place.hasPrefix(row) }, "\(name): \(cell) not placed without a notice")
            }
        }
    }

    func testTheSampleExportsPlaceEveryNumberAndDisagreeNowhere() throws {
        for (name, sheets) in try sampleWorkbooks() {
            let plan = TableImporter(unit: .wanYuan).plan(for: sheets)
            XCTAssertEqual(plan.count("unplaced"), 0, "\(name): \(plan.cells.filter { $0.value.group == "unplaced" }.map(\.key).sorted())")
            XCTAssertEqual(plan.notices.map(\.message.zh), [], name)
            XCTAssertGreaterThan(plan.count("compared"), 10, "\(name): totals and repeated figures are compared")
        }
    }

    /// The official 三公 table has a row of column numbers (1 … 12) under its headers, with no word 栏次:
    /// it is structure, and the real row below it is imported.
    func testColumnNumberRowsAreStructureWhereverTheyAppear() throws {
        let plan = try plan("officer-yuan.xlsx")
        XCTAssertEqual(value(plan, "three_public.actual.vehicle_operation"), "2.6", "26000 元, not the column number 3")
        XCTAssertEqual(value(plan, "three_public.actual.reception"), "0.9997")
        XCTAssertEqual(value(plan, "three_public.budget.reception"), "3")
        for column in "ABCDEFGHIJKL" {
            XCTAssertEqual(plan.cells["公开07表!\(column)6"], .structure("栏次"))
        }
        XCTAssertEqual(plan.cells["公开07表!G7"], .compared("与各项之和相同"), "the 合计 column is compared with its items")
        XCTAssertEqual(plan.cells["公开01表!B6"], .structure("行次"))

        XCTAssertTrue(SheetGrid.isColumnNumberRow(["1", "2", "3"]))
        XCTAssertTrue(SheetGrid.isColumnNumberRow(["甲", "乙", "1", "2", "3", "4"]))
        XCTAssertTrue(SheetGrid.isColumnNumberRow(["", "1", "2", "3", "", "1", "2", "3"]), "side-by-side groups count again from 1")
        XCTAssertTrue(SheetGrid.isColumnNumberRow(["栏次", "", "1"]))
        XCTAssertFalse(SheetGrid.isColumnNumberRow(["26000", "9997", "0"]))
        XCTAssertFalse(SheetGrid.isColumnNumberRow(["1", "2"]), "two numbers are not enough to tell")
        XCTAssertFalse(SheetGrid.isColumnNumberRow(["1", "3", "4"]))
        XCTAssertFalse(SheetGrid.isColumnNumberRow(["201", "一般公共服务支出", "1", "2", "3"]))

        // Anywhere in a sheet: a column-number row after the first figures is skipped as well.
        let late = ImportSheet.csv(name: "三公.csv", text: """
            财政拨款“三公”经费支出决算表
            单位：元
            预算数,,,,,,决算数,,,,,
            合计,因公出国（境）费,公务用车购置及运行费,,,公务接待费,合计,因公出国（境）费,公务用车购置及运行费,,,公务接待费
            ,,小计,公务用车购置费,公务用车运行费,,,,小计,公务用车购置费,公务用车运行费,
            60000,0,30000,0,30000,30000,35997,0,26000,0,26000,9997
            1,2,3,4,5,6,7,8,9,10,11,12
            """)
        let fromLate = TableImporter(unit: .wanYuan).plan(for: [late])
        XCTAssertEqual(value(fromLate, "three_public.actual.reception"), "0.9997")
        XCTAssertEqual(fromLate.cells["三公.csv!L7"], .structure("栏次"))
    }

    func testFootnotesAreTextAndCoverAndNotesSheetsAreNotWarnedAbout() throws {
        let plan = try plan("officer-yuan.xlsx")
        XCTAssertEqual(plan.skipped, ["封面", "填表说明"])
        XCTAssertFalse(plan.notices.contains { $0.message.zh.contains("注：") || $0.place.hasPrefix("封面") || $0.place.hasPrefix("填表说明") },
                       "\(plan.notices.map(\.message.zh))")
        XCTAssertTrue(plan.emptyTables.contains("公开08表"))
        XCTAssertFalse(plan.notices.contains { $0.place.hasPrefix("公开08表") }, "an empty table is not listed: \(plan.notices.map(\.message.zh))")
        XCTAssertFalse(plan.notices.contains { $0.message.zh.contains("科目名称") }, "the standard name columns are not listed")
    }

    // MARK: Every figure equals its source cell

    /// The cell "sheet!A1" of a workbook: its text and the unit its sheet prints amounts in.
    private func cell(_ reference: String, in sheets: [ImportSheet]) -> (text: String, unit: MoneyUnit)? {
        let parts = reference.split(separator: "!", maxSplits: 1).map(String.init)
        guard parts.count == 2, let sheet = sheets.first(where: { $0.name == parts[0] }) else { return nil }
        let letters = parts[1].prefix { $0.isLetter }, digits = parts[1].dropFirst(letters.count)
        guard let row = Int(digits) else { return nil }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (sheet.cell(row - 1, column), SheetGrid(sheet).unit ?? .wanYuan)
    }

    func testEveryImportedFigureEqualsItsSourceCellConvertedExactly() throws {
        for (name, sheets) in try allCases() {
            let plan = TableImporter(unit: .wanYuan).plan(for: sheets)
            var checked = 0
            for scalar in plan.scalars where scalar.path.last != "label" {
                let source = try XCTUnwrap(scalar.sources.first)
                guard let (text, unit) = cell(source, in: sheets) else { return XCTFail("\(name): \(source) is not a cell") }
                // A blank amount cell is 0.
                let number = text.isEmpty ? .zero : try XCTUnwrap(SheetGrid.number(text), "\(name): \(source) “\(text)”")
                let expected = Amount(number, unit).converted(to: .wanYuan).value
                XCTAssertEqual(DecimalNumber(scalar.value), expected, "\(name): \(scalar.path) from \(source) “\(text)”")
                checked += 1
            }
            // List figures: each imported cell is the field of its item.
            let functional = plan.lists.first { $0.path == ["functional"] }?.items ?? []
            for (reference, fate) in plan.cells {
                guard case .imported(let target) = fate, target.hasPrefix("functional ") else { continue }
                let parts = target.split(separator: " ").map(String.init)
                let (code, fund, key) = (parts[1], parts[2], parts[3])
                let (text, unit) = try XCTUnwrap(cell(reference, in: sheets))
                let expected = Amount(try XCTUnwrap(SheetGrid.number(text)), unit).converted(to: .wanYuan).value
                let item = functional.first { item in
                    item.fields.contains { $0 == ("code", "\"\(code)\"") } && item.fields.contains { $0 == ("fund", fund) }
                }
                let field = item?.fields.first { $0.key == key }.flatMap { DecimalNumber($0.value) } ?? .zero
                XCTAssertEqual(field, expected, "\(name): functional \(code) \(fund) \(key) from \(reference) “\(text)”")
                checked += 1
            }
            XCTAssertGreaterThan(checked, 1, name)
        }
    }

    func testAYuanWorkbookConvertsToExactWanYuan() throws {
        let plan = try plan("officer-yuan.xlsx")
        XCTAssertEqual(value(plan, "income.general_budget"), "1203.216425", "12,032,164.25 元")
        XCTAssertEqual(value(plan, "income.other"), "1")
        let functional = plan.lists.first { $0.path == ["functional"] }!.items.map { $0.fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        XCTAssertTrue(functional.contains(#"code="2013201" fund=general_budget basic=852.341637 project=0"#), "\(functional)")
        XCTAssertTrue(functional.contains(#"code="2013250" fund=other basic=1 project=0"#), "\(functional)")
    }

    // MARK: Cross-sheet reconciliation

    func testPlantedDifferencesBetweenSheetsAreEachReportedWithBothCells() throws {
        let plan = try plan("officer-yuan.xlsx")
        let conflicts = plan.notices.filter { $0.kind == .conflict }.map(\.message.zh)
        // Class 208: 10,000 元 more in the 总表 than in the 支出决算表.
        XCTAssertTrue(conflicts.contains { $0.contains("社会保障和就业支出（208）") && $0.contains("公开01表!F7") && $0.contains("86.74")
            && $0.contains("公开03表!E11") && $0.contains("85.74") && $0.contains("相差 1") }, "\(conflicts)")
        // A code of the 一般公共预算 table that the 支出决算表 does not have, and the other way round:
        // neither is booked to another fund.
        XCTAssertTrue(conflicts.contains { $0.contains("2080599") && $0.contains("公开05表") && $0.contains("公开03表") }, "\(conflicts)")
        XCTAssertTrue(conflicts.contains { $0.contains("科目 2080506 在 公开03表") && $0.contains("未记为非财政拨款支出") }, "\(conflicts)")
        let functional = plan.lists.first { $0.path == ["functional"] }!.items
        XCTAssertFalse(functional.contains { $0.title == "2080506 非财政拨款资金" }, "never re-booked as non-appropriation money")
        XCTAssertTrue(functional.contains { $0.title == "2080599 一般公共预算财政拨款" }, "kept as the table states it")
        XCTAssertEqual(plan.cells["公开01表!F7"], .compared("与 公开03表!E11 不同"))
        XCTAssertEqual(plan.notices.filter { $0.kind == .conflict }.count, 3, "\(conflicts)")
        XCTAssertTrue(ReportImport.countsLine(plan, language: .zh).contains("3 处不一致"), ReportImport.countsLine(plan, language: .zh))
    }

    /// A Shanghai district's nine tables as published, with their real rounding tails: each printed
    /// total is kept as printed (stated), each tail is said once, and nothing is called a difference.
    func testAShanghaiWorkbookKeepsItsRoundingTailsAsPrinted() throws {
        let plan = try plan("shanghai-9.xlsx")
        XCTAssertEqual(plan.tables.count, 9)
        XCTAssertEqual(plan.emptyTables, ["8政府性基金预算财政拨款收入支出决算表", "9国有资本经营预算财政拨款收入支出决算表"])
        XCTAssertEqual(plan.notices.filter { $0.kind == .conflict }.map(\.message.zh), [])
        let tails = plan.notices.filter { $0.kind == .assumption }.map(\.message.zh)
        XCTAssertEqual(tails.count, 2, "\(tails)")
        XCTAssertTrue(tails[0].contains("1收入支出决算总表!D12 为 326.71，3支出决算表!E13 为 326.72，相差 0.01，属四舍五入的尾差"), tails[0])
        let stated = plan.lists.first { $0.path == ["functional_stated"] }!.items.map { $0.fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        XCTAssertEqual(stated, ["fund=all total=2940.05 basic=2336.91", "fund=general_budget total=2940.05 basic=2336.91"],
                       "合计 2940.05 printed against 类 rows adding up to 2940.06")
        XCTAssertEqual(plan.lists.first { $0.path == ["basic_expenditure", "personnel", "stated_classes"] }?.items.map(\.title), ["301"])
        XCTAssertEqual(value(plan, "three_public.budget.reception"), "0.95", "预算数/决算数 at the lowest header level")
        XCTAssertEqual(value(plan, "appropriation.carryover_beginning.general_budget"), "21.63")
        let income = plan.lists.first { $0.path == ["income_by_function"] }!.items.map { $0.fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        XCTAssertTrue(income.contains(#"code="2010602" general_budget=10 other=6.19"#), "\(income)")
        XCTAssertEqual(plan.count("unplaced"), 0)
    }

    /// Without a 支出决算表, a class of the 总表 (every fund) may exceed the 财政拨款 tables by its
    /// non-appropriation spending, but never fall short of them.
    func testTheSummaryClassesAgainstTheAppropriationTablesAlone() {
        func plan(_ summaryClass: String) -> ImportPlan {
            let summary = ImportSheet.csv(name: "总表.csv", text: "收入支出决算总表\n单位：万元\n收入,,支出,\n项目,决算数,项目,决算数\n一、一般公共预算财政拨款收入,100,一、一般公共服务支出,\(summaryClass)\n")
            let general = ImportSheet.csv(name: "一般.csv", text: """
                一般公共预算财政拨款支出决算表
                单位：万元
                科目编码,科目名称,合计,基本支出,项目支出
                合计,,100,100,0
                201,一般公共服务支出,100,100,0
                2010101,行政运行,100,100,0
                """)
            return TableImporter(unit: .wanYuan).plan(for: [summary, general])
        }
        let more = plan("110")
        XCTAssertEqual(more.notices.map(\.message.zh), [])
        XCTAssertEqual(more.cells["总表.csv!D5"], .imported("functional_stated 201 all total"), "kept as the stated class total")
        let less = plan("90")
        XCTAssertEqual(less.notices.filter { $0.kind == .conflict }.count, 1, "\(less.notices.map(\.message.zh))")
        XCTAssertTrue(less.notices[0].message.zh.contains("总表.csv!D5 为 90，一般.csv!C5 为 100"), less.notices[0].message.zh)
    }

    /// A code of the 支出决算表 that no 财政拨款 table has is non-appropriation spending only when the
    /// 总表 leaves room for such money; otherwise the sheets disagree, and it is said, not re-booked.
    func testSpendingBeyondTheAppropriationTablesIsBookedOnlyWhenTheSummaryAllowsIt() {
        func plan(otherIncome: String) -> ImportPlan {
            let summary = ImportSheet.csv(name: "总表.csv", text: """
                收入支出决算总表
                单位：万元
                收入,,支出,
                项目,决算数,项目,决算数
                一、一般公共预算财政拨款收入,100,本年支出合计,105
                二、政府性基金预算财政拨款收入,0,,
                三、国有资本经营预算财政拨款收入,0,,
                四、上级补助收入,0,,
                五、事业收入,0,,
                六、经营收入,0,,
                七、附属单位上缴收入,0,,
                八、其他收入,\(otherIncome),,
                使用非财政拨款结余,0,,
                年初结转和结余,0,,
                """)
            let all = ImportSheet.csv(name: "支出.csv", text: """
                支出决算表
                单位：万元
                科目编码,科目名称,基本支出,项目支出,合计
                2010101,行政运行,100,0,100
                2010102,一般行政管理事务,0,5,5
                """)
            let general = ImportSheet.csv(name: "一般.csv", text: """
                一般公共预算财政拨款支出决算表
                单位：万元
                科目编码,科目名称,基本支出,项目支出
                2010101,行政运行,100,0
                """)
            return TableImporter(unit: .wanYuan).plan(for: [summary, all, general])
        }
        let booked = plan(otherIncome: "5")
        XCTAssertTrue(booked.lists.first { $0.path == ["functional"] }!.items.contains { $0.title == "2010102 非财政拨款资金" })
        XCTAssertEqual(booked.notices.filter { $0.kind == .conflict }.count, 0, "\(booked.notices.map(\.message.zh))")
        let refused = plan(otherIncome: "0")
        XCTAssertFalse(refused.lists.first { $0.path == ["functional"] }!.items.contains { $0.title == "2010102 非财政拨款资金" })
        XCTAssertTrue(refused.notices.contains { $0.kind == .conflict && $0.message.zh.contains("科目 2010102 在 支出.csv 中比各财政拨款支出表多出 项目支出 5") },
                      "\(refused.notices.map(\.message.zh))")
    }

    func testATotalsRowThatDisagreesWithItsLinesIsReported() {
        let sheet = ImportSheet.csv(name: "支出.csv", text: """
            支出决算表
            单位：元
            科目编码,科目名称,基本支出,项目支出,合计
            合计,,1000,500,1600
            201,一般公共服务支出,1000,500,1500
            2010101,行政运行,1000,500,1500
            """)
        let plan = TableImporter(unit: .wanYuan).plan(for: [sheet])
        XCTAssertEqual(plan.cells["支出.csv!E4"], .imported("functional_stated 合计 all total"), "kept as stated, and compared")
        XCTAssertEqual(plan.lists.first { $0.path == ["functional_stated"] }?.items.map(\.title), ["合计 all"])
        XCTAssertTrue(plan.notices.contains { $0.kind == .conflict && $0.message.zh.contains("支出.csv!E4 为 0.16") && $0.message.zh.contains("0.15") },
                      "\(plan.notices.map(\.message.zh))")
        XCTAssertEqual(plan.cells["支出.csv!C5"], .compared("与 201 的下级科目之和比较"))
    }
}
