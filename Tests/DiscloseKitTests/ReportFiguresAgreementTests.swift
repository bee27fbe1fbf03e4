import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// One figure, one value: for the sample reports and generated ones (with and without stated
/// totals), the Part 2 sentences, the charts, the 附表 cells, report.json and the rules' expected
/// values all give the figure `ReportFigures` holds.
final class ReportFiguresAgreementTests: XCTestCase {
    /// A shared figure: its name, how `ReportFigures` gives it, and the sentence label the narrative rules know it by.
    struct Shared: Sendable {
        let name: String
        let value: @Sendable (ReportFigures) -> DecimalNumber
        let label: String
    }

    static let shared: [Shared] = [
        Shared(name: "财政拨款收、支总计", value: { $0.appropriation.grandTotal.shown }, label: "财政拨款收、支总计"),
        Shared(name: "一般公共预算财政拨款支出", value: { $0.generalBudget.shown }, label: "一般公共预算财政拨款支出"),
        Shared(name: "一般公共预算财政拨款基本支出", value: { $0.generalBudgetBasic.shown }, label: "一般公共预算财政拨款基本支出"),
        Shared(name: "政府性基金预算财政拨款支出", value: { $0.spending(fund: .governmentFund).shown }, label: "政府性基金预算财政拨款支出"),
        Shared(name: "“三公”经费", value: { $0.threePublicActual.total.shown }, label: "“三公”经费"),
        Shared(name: "公务用车购置及运行维护费", value: { $0.threePublicActual.vehicle.shown }, label: "公务用车购置及运行维护费"),
    ]

    static func money(_ d: DecimalNumber) -> String { Derived.money(d) }

    /// The sample content and generated units, as files relative to a content root.
    func contentFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let root = repositoryRoot.appendingPathComponent("Content")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        for unit in 0..<4 {
            let generator = ConsistentReportGenerator(statedFigures: unit % 2 == 0)
            files.merge(generator.unitFiles(seed: 77, unitID: "gen-\(unit)", index: unit, years: [2022, 2023])) { a, _ in a }
        }
        // One report whose printed totals carry a rounding tail (尾差): the page must print them as stated.
        let tailed = "gen-0/2023/accounts.yaml"
        files[tailed] = Self.withTail(files[tailed]!)
        return files
    }

    /// Adds 0.01 to the stated 合计 row and the stated 类 lines of the general-budget table.
    static func withTail(_ accounts: String) -> String {
        accounts.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            guard text.hasPrefix("  - {total: ") || (text.hasPrefix("  - {code: \"") && text.dropFirst(12).prefix(4).last == "\""),
                  let start = text.range(of: "total: ")?.upperBound,
                  let end = text[start...].firstIndex(of: ","),
                  let value = DecimalNumber(String(text[start..<end])) else { return text }
            return text.replacingCharacters(in: start..<end, with: Derived.money(value + DecimalNumber("0.01")!))
        }.joined(separator: "\n")
    }

    func check(_ files: [String: String]) throws -> Checker.Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-agree-\(UUID().uuidString)/Content")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return Checker.check(content: root, displayRoot: "Content")
    }

    func testPart2ChartsTablesAndReportJSONPrintTheSameFigures() throws {
        let result = try check(try contentFiles())
        let tree = try XCTUnwrap(result.load.tree)
        XCTAssertEqual(tree.reports.count, 12, "the four samples and eight generated reports")
        var withStated = 0, withTail = 0
        for report in tree.reports {
            let f = ReportFigures(report)
            let at = "\(report.unitID)/\(report.year)"
            if !report.accounts.functionalStated.isEmpty { withStated += 1 }
            if f.generalBudget.statedDiffers {
                withTail += 1
                XCTAssertEqual(f.generalBudget.shown, f.generalBudget.derived + DecimalNumber("0.01")!, at)
                XCTAssertTrue(f.generalBudgetClasses.allSatisfy { $0.figure(.total).statedDiffers }, at)
            }
            let codes = CodeLists.bundled
            let part2 = Part2Context(figures: f, unitName: "测试单位", codes: codes.list(.functional, year: report.year))
            func sentence(_ slot: ParagraphSlot, _ key: String) -> String? { part2.context(for: slot)[key] as? String }
            XCTAssertEqual(sentence(.appropriation, "total"), Self.money(f.appropriation.grandTotal.shown), at)
            XCTAssertEqual(sentence(.generalBudgetOverall, "amount"), Self.money(f.generalBudget.shown), at)
            XCTAssertEqual(sentence(.generalBudgetOverall, "share"), Derived.percent(f.generalBudgetShare), at)
            XCTAssertEqual(sentence(.basic, "amount"), Self.money(f.generalBudgetBasic.shown), at)
            XCTAssertEqual(sentence(.governmentFund, "amount"), Self.money(f.spending(fund: .governmentFund).shown), at)
            XCTAssertEqual(sentence(.threePublicOverall, "amount"), Self.money(f.threePublicActual.total.shown), at)
            let structure = part2.context(for: .generalBudgetStructure)["items"] as? [[String: Any]] ?? []
            XCTAssertEqual(structure.map { $0["amount"] as? String }, f.generalBudgetClasses.filter { !$0.shown(.total).isZero }.map { Self.money($0.shown(.total)) }, at)

            // Charts.
            let charts = Dictionary(uniqueKeysWithValues: ReportCharts.specs(f).map { ($0.id, $0) })
            XCTAssertEqual(charts["4-appropriation"]?.items.last?.value, f.appropriation.grandTotal.shown, at)
            XCTAssertEqual(charts["5-general-budget"]?.items.last?.value, f.generalBudget.shown, at)
            XCTAssertEqual(charts["6-general-budget-structure"]?.items.map(\.value), f.generalBudgetClasses.map { $0.shown(.total) }, at)
            XCTAssertEqual(charts["7-three-public"]?.items[1].value, f.threePublicActual.vehicle.shown, at)
            if let spec = charts["3-expenditure"], let basic = spec.items.first(where: { $0.label == "基本支出" }) {
                XCTAssertEqual(spec.share(basic), Derived.percent(f.expenditureShare(.basic)), "the pie and the sentence give one share: \(at)")
            }

            // 附表 cells.
            let tables = Dictionary(uniqueKeysWithValues: TableBuilder(figures: f, unitName: "测试单位").tables().map { ($0.id, $0) })
            let generalBudget = try XCTUnwrap(tables["general-budget"], at)
            XCTAssertEqual(generalBudget.bodyRows[0].dropFirst().map(\.plain), [f.generalBudget, f.generalBudgetBasic, f.spending(.generalBudget, .project)].map { Self.money($0.shown) }, at)
            for line in f.generalBudgetClasses {
                let row = try XCTUnwrap(generalBudget.bodyRows.first { $0.first?.text == line.code && $0[1].text.isEmpty }, "\(at) \(line.code!)")
                XCTAssertEqual(row[4].plain ?? "0.00", Self.money(line.shown(.total)), "\(at) class \(line.code!)")
            }
            let summary = try XCTUnwrap(tables["appropriation-summary"], at)
            XCTAssertEqual(summary.bodyRows.last?[1].plain, Self.money(f.appropriation.grandTotal.shown), at)
            XCTAssertEqual(summary.bodyRows.last?[4].plain, Self.money(f.generalBudget.shown + f.appropriation.carryoverEndingByFund[.generalBudget]!.shown), at)

            // report.json.
            let unit = try XCTUnwrap(tree.units.first { $0.id == report.unitID })
            let json = ReportJSON.document(figures: f, unit: unit, tables: Array(tables.values), codes: codes)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let totals = try XCTUnwrap(object["totals"] as? [String: Any])
            XCTAssertEqual(totals["general_budget_expenditure"] as? String, Self.money(f.generalBudget.shown), at)
            XCTAssertEqual(totals["appropriation_grand_total"] as? String, Self.money(f.appropriation.grandTotal.shown), at)
            XCTAssertEqual(totals["general_budget_basic"] as? String, Self.money(f.generalBudgetBasic.shown), at)
            let three = (object["three_public"] as? [String: Any])?["actual"] as? [String: Any]
            XCTAssertEqual(three?["total"] as? String, Self.money(f.threePublicActual.total.shown), at)
        }
        XCTAssertEqual(withStated, 4, "half the generated reports record stated totals")
        XCTAssertEqual(withTail, 1, "one prints totals with a rounding tail")
    }

    /// Each shared figure written wrongly in a report's own paragraph: the narrative rule's expected value is
    /// the figure ReportFigures holds (the one the page prints).
    func testTheNarrativeRulesExpectTheFiguresThePagePrints() throws {
        var files = try contentFiles()
        let reportFolders = Set(files.keys.filter { $0.hasSuffix("/accounts.yaml") }.map { String($0.dropLast("/accounts.yaml".count)) })
        for folder in reportFolders {
            files["\(folder)/paragraphs/general-budget-overall.md"] = Self.shared.map { "\($0.label)123456.78万元。" }.joined(separator: "\n\n") + "\n"
        }
        let result = try check(files)
        let tree = try XCTUnwrap(result.load.tree)
        for report in tree.reports {
            let f = ReportFigures(report)
            let file = "Content/\(report.unitID)/\(report.year)/paragraphs/general-budget-overall.md"
            let found = result.diagnostics.filter { $0.rule == "TEXT-AMOUNT" && $0.location.file == file }
            for (index, figure) in Self.shared.enumerated() {
                let line = index * 2 + 1
                let d = found.first { $0.location.line == line }
                XCTAssertEqual(d?.expected, Self.money(figure.value(f)), "\(file):\(line) \(figure.name)")
            }
        }
    }

    /// Reconciliation rules that compare a summed figure report the sum ReportFigures holds.
    func testTheReconciliationRulesExpectTheDerivedFigures() throws {
        var files = try contentFiles()
        let accounts = files.keys.filter { $0.hasPrefix("gen-") && $0.hasSuffix("/accounts.yaml") }.sorted()
        // Break one figure per report: this year's general-budget income (FUND-BALANCE) and, where last year's
        // report is present, last year's general-budget spending (PREV-YEAR).
        for path in accounts {
            var text = files[path]!
            text = text.replacingOccurrences(of: "  general_budget: ", with: "  general_budget: 1", options: [], range: text.range(of: "  general_budget: "))
            if let range = text.range(of: "  general_budget_expenditure: ") {
                text = text.replacingOccurrences(of: "  general_budget_expenditure: ", with: "  general_budget_expenditure: 9", options: [], range: range)
            }
            files[path] = text
        }
        let result = try check(files)
        let tree = try XCTUnwrap(result.load.tree)
        var compared = 0
        for report in tree.reports where report.unitID.hasPrefix("gen-") {
            let f = ReportFigures(report)
            let file = "Content/\(report.unitID)/\(report.year)/accounts.yaml"
            let balance = try XCTUnwrap(result.diagnostics.first { $0.rule == "FUND-BALANCE" && $0.location.file == file }, file)
            let gpb = f.spending(fund: .generalBudget)
            let expected = gpb.derived + f.appropriation.carryoverEndingByFund[.generalBudget]!.derived - f.appropriation.carryoverBeginningByFund[.generalBudget]!.derived
            XCTAssertEqual(balance.expected, Self.money(expected), file)
            compared += 1
            if let previous = tree.reports.first(where: { $0.unitID == report.unitID && $0.year == report.year - 1 }) {
                let prev = try XCTUnwrap(result.diagnostics.first { $0.rule == "PREV-YEAR" && $0.location.file == file && $0.path == "previous.general_budget_expenditure" }, file)
                XCTAssertEqual(prev.expected, Self.money(ReportFigures(previous).generalBudget.shown), file)
                compared += 1
            }
        }
        XCTAssertEqual(compared, 12)
    }
}
