import DiscloseCore
import DiscloseKit
import XCTest

/// Totals and subtotals as a source prints them: recorded in the content, carried by the model with
/// their place, and kept beside the sum of their rows in `ReportFigures`.
final class StatedFiguresTests: XCTestCase {
    /// The fixture's rows: 2013201 basic 80.00, 2013202 project 20.00 (general budget).
    static let stated = """
    functional_stated:
      - {code: "201", total: 100.01, basic: 80.00, project: 20.01}
      - code: "20132"
        fund: all
        total: 100.00
      - {fund: general_budget, total: 99.99, budget: 120.00}
    """

    func load(_ edit: (inout FixtureSite) -> Void) throws -> Report {
        var site = FixtureSite()
        edit(&site)
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = Checker.check(content: root, displayRoot: "Content")
        XCTAssertEqual(result.diagnostics.filter { $0.rule.description.hasPrefix("SCHEMA") || $0.rule.description.hasPrefix("YAML") }.map(\.message.zh), [])
        return try XCTUnwrap(result.load.tree?.reports.first)
    }

    func withStatedFigures(_ site: inout FixtureSite) {
        let accounts = "test-zzb/2023/accounts.yaml"
        site.edit(accounts, replacing: "basic_expenditure:", with: Self.stated + "\nbasic_expenditure:")
        site.edit(accounts, replacing: #"personnel: {total: 70.00, items: ["30101"]}"#,
                  with: #"personnel: {total: 70.00, items: [{code: "30101", amount: 70.00}], stated_classes: [{code: "301", amount: 70.01}]}"#)
        site.edit(accounts, replacing: "carryover_ending: {general_budget: 0, government_fund: 0, state_capital: 0}\n",
                  with: "carryover_ending: {general_budget: 0, government_fund: 0, state_capital: 0}\n  stated: {income_total: 100.02, income_grand_total: 100.03}\n")
    }

    func testTheModelCarriesStatedLinesWithTheirPlace() throws {
        let report = try load(withStatedFigures)
        let lines = report.accounts.functionalStated
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0].code?.value, "201")
        XCTAssertEqual(lines[0].scope, .generalBudget, "fund defaults to the general budget, as for the rows")
        XCTAssertEqual(lines[0].columns[.total]?.value, DecimalNumber("100.01")!)
        XCTAssertEqual(lines[0].columns[.total]?.path, "functional_stated[0].total")
        XCTAssertTrue(lines[0].columns[.total]?.location.file.hasSuffix("test-zzb/2023/accounts.yaml") ?? false)
        XCTAssertGreaterThan(lines[0].columns[.total]?.location.line ?? 0, 30)
        XCTAssertEqual(lines[1].scope, .all)
        XCTAssertNil(lines[2].code, "a line without a code is the 合计 row")
        XCTAssertEqual(report.accounts.basic.personnel.statedClasses.first?.amount.value, DecimalNumber("70.01")!)
        XCTAssertEqual(report.accounts.appropriation.stated.incomeTotal?.value, DecimalNumber("100.02")!)
        XCTAssertEqual(report.accounts.appropriation.stated.incomeGrandTotal?.path, "appropriation.stated.income_grand_total")
    }

    func testReportFiguresKeepStatedAndDerivedSideBySide() throws {
        let figures = ReportFigures(try load(withStatedFigures))
        // 类 201 of the general budget: the rows sum to 100.00, the source prints 100.01.
        let cls = try XCTUnwrap(figures.functional[.generalBudget]?.line("201"))
        XCTAssertEqual(cls.figure(.total).derived, DecimalNumber("100.00")!)
        XCTAssertEqual(cls.figure(.total).stated?.value, DecimalNumber("100.01")!)
        XCTAssertEqual(cls.figure(.total).shown, DecimalNumber("100.01")!)
        XCTAssertTrue(cls.figure(.total).statedDiffers)
        XCTAssertEqual(cls.figure(.basic).shown, DecimalNumber("80.00")!)
        XCTAssertFalse(cls.figure(.basic).statedDiffers)
        XCTAssertEqual(cls.figure(.project).sources.map(\.path), ["functional[0].project", "functional[1].project"])
        // The 合计 row and the general-budget total.
        XCTAssertEqual(figures.generalBudget.derived, DecimalNumber("100.00")!)
        XCTAssertEqual(figures.generalBudget.shown, DecimalNumber("99.99")!)
        XCTAssertEqual(figures.generalBudget.provenance, "Σ functional[fund∈general_budget, 合计].total")
        // The total 年初预算 is stated although no row has a budget.
        XCTAssertEqual(figures.generalBudgetBudget, DecimalNumber("120.00")!)
        // A stated line in another scope does not leak into the general budget's.
        XCTAssertNil(figures.functional[.generalBudget]?.line("20132")?.stated)
        XCTAssertEqual(figures.functional[.all]?.line("20132")?.figure(.total).stated?.value, DecimalNumber("100.00")!)
        // Economic 类 301: item 70.00, printed 70.01.
        let c301 = try XCTUnwrap(figures.personnel.lines.first { $0.code == "301" }?.figure)
        XCTAssertEqual(c301.derived, DecimalNumber("70.00")!)
        XCTAssertEqual(c301.shown, DecimalNumber("70.01")!)
        // 财政拨款收入支出决算总表.
        XCTAssertEqual(figures.appropriation.income.derived, DecimalNumber("100.00")!)
        XCTAssertEqual(figures.appropriation.income.shown, DecimalNumber("100.02")!)
        XCTAssertEqual(figures.appropriation.grandTotal.stated?.value, DecimalNumber("100.03")!)
        XCTAssertEqual(figures.appropriation.grandTotal.derived, DecimalNumber("100.02")!, "the sum of what the table shows")
        XCTAssertNil(figures.appropriation.expenditure.stated)
    }

    func testWithoutStatedFiguresEveryFigureIsTheSumOfItsRows() throws {
        let figures = ReportFigures(try load { _ in })
        XCTAssertEqual(figures.generalBudget.shown, DecimalNumber("100.00")!)
        XCTAssertNil(figures.generalBudget.stated)
        XCTAssertEqual(figures.generalBudgetBasic.shown, DecimalNumber("80.00")!)
        XCTAssertNil(figures.generalBudgetBudget, "no row has a budget")
        XCTAssertEqual(figures.functional[.generalBudget]?.lines.map(\.code), ["201", "20132", "2013201", "2013202"])
        XCTAssertEqual(figures.appropriation.grandTotal.shown, DecimalNumber("100.00")!)
        XCTAssertEqual(figures.threePublicActual.total.shown, DecimalNumber("0.40")!)
        XCTAssertEqual(figures.generalBudgetShare, DecimalNumber("100.00")!)
    }

    /// Tables (and so the CSV and XLSX exports, which write the table cells) print the stated figures.
    func testTablesPrintTheStatedFigures() throws {
        let figures = ReportFigures(try load(withStatedFigures))
        let tables = Dictionary(uniqueKeysWithValues: TableBuilder(figures: figures, unitName: "测试县委组织部").tables().map { ($0.id, $0) })
        let generalBudget = try XCTUnwrap(tables["general-budget"])
        XCTAssertEqual(generalBudget.bodyRows[0].dropFirst().map(\.plain), ["99.99", "80.00", "20.00"], "the 合计 row as stated (basic and project as summed)")
        let class201 = try XCTUnwrap(generalBudget.bodyRows.first { $0.first?.text == "201" })
        XCTAssertEqual(class201[4...].map(\.plain), ["100.01", "80.00", "20.01"])
        let expenditure = try XCTUnwrap(tables["expenditure"])
        XCTAssertEqual(expenditure.bodyRows.first { $0[0].text == "201" && $0[1].text == "32" }?[4].plain, "100.00")
        let basic = try XCTUnwrap(tables["general-budget-basic"])
        XCTAssertEqual(basic.bodyRows.first { $0.first?.text == "301" }?[2].plain, "70.01")
        let summary = try XCTUnwrap(tables["appropriation-summary"])
        XCTAssertEqual(summary.bodyRows.first { $0.first?.text == "本年收入合计" }?[1].plain, "100.02")
        XCTAssertEqual(summary.bodyRows.last?[1].plain, "100.03")
        let csv = CSVWriter.csv(generalBudget)
        XCTAssertTrue(csv.contains("201,,,一般公共服务支出,100.01,80.00,20.01"), csv)
    }

    /// `disclose new` carries last year's figures as that report shows them: stated totals where recorded.
    func testCarryOverTakesTheStatedFigures() throws {
        let report = try load { site in
            withStatedFigures(&site)
            site.edit("test-zzb/2023/accounts.yaml", replacing: "reception: 0.40}", with: "reception: 0.40, total: 0.41}")
        }
        let carried = Dictionary(uniqueKeysWithValues: PreviousYearFigures.carried(from: report).map { ($0.path, $0) })
        XCTAssertEqual(carried["previous.general_budget_expenditure"]?.value, DecimalNumber("99.99")!)
        XCTAssertEqual(carried["previous.general_budget_expenditure"]?.source?.line, report.accounts.functionalStated[2].location.line)
        XCTAssertEqual(carried["previous.appropriation_total"]?.value, DecimalNumber("100.03")!)
        XCTAssertEqual(carried["three_public.previous.total"]?.value, DecimalNumber("0.41")!)
        XCTAssertNil(carried["three_public.previous.vehicle"], "no 小计 was printed")
    }
}
