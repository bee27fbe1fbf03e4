import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// What `disclose import` does to a report over time: decisions in import.yaml survive a re-import,
/// unit.yaml's empty name is filled from the workbook, a mistyped unit is refused, and a workbook in
/// 元 gives the same pages as the same workbook in 万元.
final class ImportDecisionsTests: XCTestCase {
    private var roots: [URL] = []

    override func tearDown() {
        for root in roots { try? FileManager.default.removeItem(at: root) }
    }

    private func temporaryContent() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-decisions-\(UUID().uuidString)")
        roots.append(root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        return root.appendingPathComponent("Content")
    }

    private let officer = repositoryRoot.appendingPathComponent("Tests/Fixtures/xlsx/officer-yuan.xlsx")

    func testAReimportAfterAManualDecisionKeepsIt() throws {
        let content = try temporaryContent()
        let folder = content.appendingPathComponent("luzhou-zzb/2024")
        let first = try ReportImport.run(input: officer, content: content, unitID: "luzhou-zzb", year: 2024)
        XCTAssertTrue(first.changed)
        let accountsURL = folder.appendingPathComponent("accounts.yaml")
        var accounts = try String(contentsOf: accountsURL, encoding: .utf8)
        XCTAssertTrue(accounts.contains("\"2080599\""), "the code as the 一般公共预算 table states it")

        // The officer fixes a figure by hand and records her decisions.
        accounts = accounts.replacingOccurrences(of: "reception: 0.9997", with: "reception: 0.9998")
        XCTAssertTrue(accounts.contains("reception: 0.9998"), accounts)
        try Data(accounts.utf8).write(to: accountsURL)
        try Data("""
            # disclose import 每次导入都按这里的决定办
            ignore:
              - cell: 公开01表!F7
                reason: 208 类以支出决算表为准
            codes:
              - from: "2080599"
                to: "2080506"
                sheet: 公开05表
                reason: 一般公共预算表中的科目编码录错
            keep:
              - path: three_public.actual.reception
                reason: 按凭证核对后改定

            """.utf8).write(to: folder.appendingPathComponent("import.yaml"))

        let again = try ReportImport.run(input: officer, content: content, unitID: "luzhou-zzb", year: 2024)
        let after = try String(contentsOf: accountsURL, encoding: .utf8)
        XCTAssertTrue(after.contains("reception: 0.9998"), "the figure kept by hand stays")
        XCTAssertFalse(after.contains("\"2080599\""), after)
        XCTAssertTrue(after.contains("\"2080506\""), after)
        let kept = again.plan.kept.map(\.zh)
        XCTAssertTrue(kept.contains { $0.contains("保留 three_public.actual.reception = 0.9998") && $0.contains("0.9997") }, "\(kept)")
        XCTAssertTrue(kept.contains { $0.contains("科目 2080599 记为 2080506") }, "\(kept)")
        XCTAssertTrue(kept.contains { $0.contains("不导入 公开01表!F7") }, "\(kept)")
        // With the code mapped, the sheets agree: the only differences left were decided away.
        XCTAssertEqual(again.plan.notices.filter { $0.kind == .conflict }.map(\.message.zh), [])
        let summary = ReportImport.summary(again, language: .zh)
        XCTAssertTrue(summary.contains("按 import.yaml 的决定："), summary)
        // import.yaml is a known report file: check does not reject it.
        let check = try XCTUnwrap(again.check)
        XCTAssertFalse(check.diagnostics.contains { $0.location.file.hasSuffix("import.yaml") }, "\(check.diagnostics.map(\.message.zh))")

        // A third import changes nothing.
        let third = try ReportImport.run(input: officer, content: content, unitID: "luzhou-zzb", year: 2024)
        XCTAssertFalse(third.changed)
    }

    func testAMistakeInImportYAMLIsReportedByCheck() throws {
        let content = try temporaryContent()
        try Data("codes:\n  - from: \"2080599\"\n".utf8).write(to: content.appendingPathComponent("luzhou-zzb/2020/import.yaml"))
        let result = Checker.check(content: content)
        XCTAssertTrue(result.diagnostics.contains { $0.rule == .missingField && $0.location.file.hasSuffix("import.yaml") },
                      "\(result.diagnostics.map(\.message.zh))")
    }

    func testAMistypedUnitIsRefusedAndANewUnitGetsItsNameFromTheWorkbook() throws {
        let content = try temporaryContent()
        XCTAssertThrowsError(try ReportImport.run(input: officer, content: content, unitID: "luzhou-zbb", year: 2024)) { error in
            XCTAssertEqual(error as? ReportImport.Failure, .unknownUnit("luzhou-zbb", ["luzhou-zzb"]))
            XCTAssertTrue((error as? ReportImport.Failure)?.message(.zh).contains("--new-unit") ?? false)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: content.appendingPathComponent("luzhou-zbb").path), "nothing created")

        let outcome = try ReportImport.run(input: officer, content: content, unitID: "new-bureau", year: 2024, newUnit: true)
        XCTAssertEqual(outcome.filled, ["name = 某市某区某某局（取自工作表“公开01表”的编制单位）"])
        let unit = try String(contentsOf: content.appendingPathComponent("new-bureau/unit.yaml"), encoding: .utf8)
        XCTAssertTrue(unit.contains("name: \"某市某区某某局\""), unit)
        XCTAssertFalse(outcome.plan.notices.contains { $0.message.zh.contains("编制单位") }, "an empty unit.yaml is filled, not argued with")
        let summary = ReportImport.summary(outcome, language: .zh)
        XCTAssertTrue(summary.contains("unit.yaml 原来为空，已填写 name = 某市某区某某局"), summary)
        XCTAssertTrue(summary.contains("共导入 ") && summary.contains("处不一致"), summary)
        // Notices come grouped under their sheet.
        XCTAssertTrue(summary.contains("  工作表“公开03表”：\n    "), summary)
    }

    // MARK: Units

    /// The sample's tables with every amount in 元 and the unit lines saying so.
    private func inYuan(_ tables: [TableModel]) -> [TableModel] {
        tables.map { table in
            var table = table
            table.unitLine = table.unitLine.replacingOccurrences(of: "万元", with: "元")
            table.bodyRows = table.bodyRows.map { row in
                row.map { cell in
                    var cell = cell
                    if cell.kind == .number, let plain = cell.plain, plain.contains("."), let value = DecimalNumber(plain) {
                        let yuan = (value * DecimalNumber(10_000)).rounded(to: 2)
                        cell.plain = yuan.formatted(decimals: 2)
                        cell.text = yuan.formatted(decimals: 2, groupingThousands: true)
                    } else if cell.kind == .text && cell.text == "万元" {
                        cell.text = "元"
                        cell.plain = "元"
                    }
                    return cell
                }
            }
            return table
        }
    }

    /// A copy of the sample content whose report has the blank figures file of `disclose new`.
    private func blankReport(_ unit: String, _ year: Int) throws -> URL {
        let content = try temporaryContent()
        let tableSet = try XCTUnwrap(ContentLoader(root: content).load().tree?.reports.first { $0.unitID == unit && $0.year == year }?.tableSetID)
        guard case .success = ReportCreator.create(content: content, unitID: "blank-unit", year: year, tables: tableSet, blank: true) else {
            XCTFail("blank skeleton")
            throw CocoaError(.fileReadUnknown)
        }
        let accounts = content.appendingPathComponent("\(unit)/\(year)/accounts.yaml")
        try FileManager.default.removeItem(at: accounts)
        try FileManager.default.moveItem(at: content.appendingPathComponent("blank-unit/\(year)/accounts.yaml"), to: accounts)
        try FileManager.default.removeItem(at: content.appendingPathComponent("blank-unit"))
        return content
    }

    private func pages(_ content: URL) throws -> [String: Data] {
        let builder = SiteBuilder(options: .init(
            content: content, contentDisplay: "Content", templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
            output: content.deletingLastPathComponent().appendingPathComponent("Output")))
        let (files, result) = builder.render()
        return try XCTUnwrap(files, "\(result.diagnostics.filter { $0.severity == .error }.map(\.message.zh))")
    }

    /// The sample's 附表 as a 万元 workbook and as a 元 workbook: imported into the blank figures file
    /// of `disclose new` they give byte-identical accounts.yaml; imported into the report itself they
    /// change nothing and the site's pages are byte-identical to the sample's.
    func testAYuanWorkbookAndAWanYuanWorkbookGiveTheSamePages() throws {
        let (unit, year) = ("luzhou-zzb", 2020)
        let load = ContentLoader(root: repositoryRoot.appendingPathComponent("Content")).load()
        let report = try XCTUnwrap(load.tree?.reports.first { $0.unitID == unit && $0.year == year })
        let name = try XCTUnwrap(load.tree?.units.first { $0.id == unit }?.name)
        let tables = TableBuilder(report: report, unitName: name).tables()
        let original = try pages(try temporaryContent())
        var figures: [String] = []
        for workbook in [tables, inYuan(tables)] {
            let data = try XLSXWriter.workbook(workbook, unitName: name)
            for blank in [true, false] {
                let content = blank ? try blankReport(unit, year) : try temporaryContent()
                let file = content.deletingLastPathComponent().appendingPathComponent("tables.xlsx")
                try data.write(to: file)
                let outcome = try ReportImport.run(input: file, content: content, unitID: unit, year: year)
                XCTAssertEqual(outcome.plan.notices.map(\.message.zh), [])
                if blank {
                    figures.append(try String(contentsOf: content.appendingPathComponent("\(unit)/\(year)/accounts.yaml"), encoding: .utf8))
                } else {
                    XCTAssertFalse(outcome.changed, "the 元 workbook states the report's own figures")
                    let site = try pages(content)
                    XCTAssertEqual(site.keys.sorted(), original.keys.sorted())
                    for (path, data) in site where original[path] != data { XCTFail("\(path) differs") }
                }
            }
        }
        XCTAssertEqual(figures[0], figures[1], "the same figures from a 元 and a 万元 workbook")
        XCTAssertTrue(figures[1].contains("general_budget: 3474.67"), figures[1])
    }

    /// A report that keeps its figures in 元: the home page and the unit page, whose captions say 万元,
    /// show the same 万元 figures as the same report kept in 万元 (never 元 under a 万元 heading).
    func testAReportInYuanShowsWanYuanOnTheHomeAndUnitPages() throws {
        let wan = FixtureSite()
        var yuan = FixtureSite()
        let accounts = "test-zzb/2023/accounts.yaml"
        // Every amount (the figures with decimals) × 10000, and the unit declared.
        let text = try XCTUnwrap(yuan.files[accounts])
        let regex = try NSRegularExpression(pattern: #"(?<=: )(\d+)\.(\d\d)\b"#)
        var converted = text
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range, in: text)!
            let value = DecimalNumber(String(text[range]))! * DecimalNumber(10_000)
            converted.replaceSubrange(range, with: value.formatted(decimals: 2))
        }
        yuan.files[accounts] = "unit: 元\n" + converted
        XCTAssertTrue(yuan.files[accounts]!.contains("general_budget: 1000000.00"))
        // The performance report quotes Part 2 in 万元: the checker compares it with the 元 figures converted.
        let quoted = ReconciliationRuleTests.performanceFile(overall: "overall:\n  figures:\n    income_total: 100.00")
        var sites: [[String: Data]] = []
        for var site in [wan, yuan] {
            quoted(&site)
            let content = try site.write()
            roots.append(content.deletingLastPathComponent())
            sites.append(try pages(content))
        }
        for path in ["index.html", "test-zzb/index.html"] {
            let a = String(decoding: try XCTUnwrap(sites[0][path], path), as: UTF8.self)
            let b = String(decoding: try XCTUnwrap(sites[1][path], path), as: UTF8.self)
            XCTAssertEqual(a, b, path)
            XCTAssertTrue(a.contains(">100.00<"), a)
            XCTAssertFalse(b.contains("1,000,000.00"), "\(path): 元 under a 万元 heading")
        }
    }

    /// 元 with 分 become six-decimal 万元 figures that check accepts, and pages print two decimals,
    /// rounded half away from zero.
    func testAYuanWorkbookWithFenIsAcceptedAndPrintedToTwoDecimals() throws {
        let content = try temporaryContent()
        let outcome = try ReportImport.run(input: officer, content: content, unitID: "luzhou-zzb", year: 2024)
        let check = try XCTUnwrap(outcome.check)
        XCTAssertEqual(check.diagnostics.filter { $0.rule == .precision }.map(\.message.zh), [])
        let accounts = try String(contentsOf: content.appendingPathComponent("luzhou-zzb/2024/accounts.yaml"), encoding: .utf8)
        XCTAssertTrue(accounts.contains("general_budget: 1203.216425"), accounts)
        XCTAssertEqual(Derived.money(DecimalNumber("1203.216425")!), "1203.22")
        XCTAssertEqual(Derived.money(DecimalNumber("852.341637")!), "852.34")
        XCTAssertEqual(Derived.money(DecimalNumber("0.005")!), "0.01", "half away from zero")
        XCTAssertEqual(Derived.money(DecimalNumber("-0.005")!), "-0.01")
    }
}
