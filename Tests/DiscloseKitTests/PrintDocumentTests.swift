import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// The printed document (`disclose build --pdf`): the official sheet layout of the 附表 (行次, 栏次,
/// 公开NN表, 编制单位), the print HTML handed to the engine, and a build without the engine.
/// tests/pdf/pdf_test.py checks the typeset PDFs themselves (make test).
final class PrintDocumentTests: XCTestCase {
    private func sample(_ unit: String) throws -> (report: Report, unit: UnitInfo, tables: [TableModel], site: Site) {
        let tree = try XCTUnwrap(Checker.check(content: repositoryRoot.appendingPathComponent("Content")).load.tree)
        let report = try XCTUnwrap(tree.reports.first { $0.unitID == unit })
        let info = try XCTUnwrap(tree.units.first { $0.id == unit })
        return (report, info, TableBuilder(report: report, unitName: info.name).tables(), tree.site)
    }

    private func texts(_ row: [TableModel.Cell]) -> [String] { row.map(\.text) }

    // MARK: 行次 and 栏次

    func testTheTwoSidedSummaryGetsALineNumberColumnAfterEachItemColumnAndAColumnNumberRow() throws {
        let summary = try XCTUnwrap(sample("luzhou-zzb").tables.first { $0.id == "income-expenditure-summary" })
        let printed = OfficialNumbering.apply(summary)
        XCTAssertEqual(printed.columnCount, 6)
        XCTAssertEqual(texts(printed.headerRows[0]), ["收入", "支出"])
        XCTAssertEqual(printed.headerRows[0].map(\.colspan), [3, 3])
        XCTAssertEqual(texts(printed.headerRows[1]), ["项目", "行次", "决算数", "项目", "行次", "决算数"])
        XCTAssertEqual(texts(printed.headerRows[2]), ["栏次", "", "1", "栏次", "", "2"])
        // The left side is numbered first, the right side continues.
        XCTAssertEqual(texts(printed.bodyRows[0]), ["一、一般公共预算财政拨款收入", "1", "3,474.67", "一、一般公共服务支出", "13", "2,810.86"])
        let lastLeft = printed.bodyRows.last!
        XCTAssertEqual(lastLeft[0].text, "总计")
        XCTAssertEqual(lastLeft[1].text, "12")
        XCTAssertEqual(lastLeft[4].text, "42")
        // Rows where one side has no line get no number there.
        let blankLeft = try XCTUnwrap(printed.bodyRows.first { $0[0].text.isEmpty })
        XCTAssertEqual(blankLeft[1].text, "")
        // Every row keeps the column count.
        for row in printed.bodyRows { XCTAssertEqual(row.map(\.colspan).reduce(0, +), 6, texts(row).joined(separator: "|")) }
        // The web, CSV and workbook table is untouched.
        XCTAssertEqual(summary.columnCount, 4)
    }

    func testAppropriationSummaryWidensTheExpenditureGroupAndNumbersItsFiveAmountColumns() throws {
        let table = try XCTUnwrap(sample("miyi-zzb").tables.first { $0.id == "appropriation-summary" })
        let printed = OfficialNumbering.apply(table)
        XCTAssertEqual(printed.headerRows[0].map(\.colspan), [3, 6])
        XCTAssertEqual(texts(printed.headerRows[2]), ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"])
        for row in printed.bodyRows { XCTAssertEqual(row.map(\.colspan).reduce(0, +), 9, texts(row).joined(separator: "|")) }
    }

    func testCodedTablesGetAColumnNumberRowUnderTheHeaderAndNoLineNumbers() throws {
        let tables = try sample("luzhou-zzb").tables
        let income = OfficialNumbering.apply(try XCTUnwrap(tables.first { $0.id == "income" }))
        XCTAssertEqual(income.columnCount, 11)
        XCTAssertEqual(texts(income.headerRows.last!), ["栏次", "1", "2", "3", "4", "5", "6", "7"])
        XCTAssertEqual(income.headerRows.last!.first?.colspan, 4, "栏次 spans 类/款/项 and 科目名称")
        let three = OfficialNumbering.apply(try XCTUnwrap(tables.first { $0.id == "general-budget-three-public" }))
        XCTAssertEqual(texts(three.headerRows.last!), (1...12).map(String.init))
        // The side-by-side 基本支出 list has none.
        let basic = try XCTUnwrap(tables.first { $0.id == "general-budget-basic" })
        XCTAssertEqual(OfficialNumbering.apply(basic).headerRows.count, basic.headerRows.count)
    }

    // MARK: Orientation

    func testWideLayoutsPrintOnLandscapePagesAndNarrowOnesOnPortrait() throws {
        let tables = try sample("luzhou-zzb").tables.map(OfficialNumbering.apply)
        let landscape = Dictionary(uniqueKeysWithValues: tables.map { ($0.id, PrintDocument.landscape($0)) })
        XCTAssertEqual(landscape["general-budget-three-public"], true, "12 columns")
        XCTAssertEqual(landscape["income"], true)
        XCTAssertEqual(landscape["income-expenditure-summary"], false)
        XCTAssertEqual(landscape["general-budget"], false)
        XCTAssertEqual(landscape["general-budget-basic"], false)
        // Large figures widen a table: the same layout with eleven-digit amounts no longer fits a portrait page.
        var wide = try XCTUnwrap(tables.first { $0.id == "general-budget-detail" })
        XCTAssertFalse(PrintDocument.landscape(wide))
        wide.bodyRows = wide.bodyRows.map { row in row.map { cell in
            var c = cell
            if c.kind == .number { c.text = "12,345,678,901.00" }
            return c
        } }
        XCTAssertTrue(PrintDocument.landscape(wide), "\(TableWidth.ems(wide)) ems")
    }

    // MARK: The print HTML

    func testPrintHTMLHasCoverTOCAndEveryOfficialSheet() throws {
        var (report, unit, tables, site) = try sample("luzhou-zzb")
        report.publishedOn = "2021-09-10"
        guard case .success(let templates) = TemplateSet.load(repositoryRoot.appendingPathComponent("Templates"), display: "Templates") else {
            return XCTFail("templates did not load")
        }
        let page = ReportPage(report: report, unit: unit, templates: templates, codes: .bundled)
        let css = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/assets/print.css"), encoding: .utf8)
        let document = PrintDocument(page: page, site: site, tables: tables,
                                     charts: ReportCharts.specs(report, codes: .bundled), css: css)
        let html = document.html(templates: templates)
        XCTAssertTrue(html.contains(#"<html lang="zh-CN">"#))
        XCTAssertTrue(html.contains(#"<meta name="author" content="中国共产党泸州市委员会组织部">"#))
        XCTAssertTrue(html.contains(#"<meta name="dcterms.created" content="2021-09-10">"#))
        XCTAssertTrue(html.contains("公开日期：2021年9月10日"))
        XCTAssertTrue(html.contains("target-counter(attr(href url), page)"), "the 目录 takes its page numbers from the engine")
        for (index, table) in tables.enumerated() {
            let sheet = PrintDocument.sheetNumber(index)
            XCTAssertTrue(html.contains(#"<p class="sheet-number">\#(sheet)</p>"#), sheet)
            XCTAssertTrue(html.contains(#"data-continued="\#(sheet)　\#(table.title)（续表）　单位：万元">\#(table.title)</h3>"#), table.title)
            XCTAssertTrue(html.contains(##"<li class="toc-item"><a href="#table-\##(table.id)">\##(table.number)、\##(table.title)（\##(sheet)）</a></li>"##), table.id)
        }
        XCTAssertEqual(html.components(separatedBy: "编制单位：中国共产党泸州市委员会组织部").count - 1, tables.count)
        XCTAssertTrue(html.contains(#"<section class="appendix-table landscape" id="table-general-budget-three-public""#))
        XCTAssertTrue(html.contains(#"<img src="data:image/svg+xml;base64,"#))
        XCTAssertFalse(html.contains("<script"), "nothing for the engine to run")
        XCTAssertEqual(html, document.html(templates: templates), "same report, same HTML")
        XCTAssertEqual(PrintDocument.sheetNumber(0), "公开01表")
        XCTAssertEqual(PrintDocument.sheetNumber(13), "公开14表")
        XCTAssertEqual(PrintDocument.chineseDate("2024-06-05"), "2024年6月5日")
    }

    private func printHTML(_ unit: String) throws -> String {
        let (report, info, tables, site) = try sample(unit)
        guard case .success(let templates) = TemplateSet.load(repositoryRoot.appendingPathComponent("Templates"), display: "Templates") else {
            XCTFail("templates did not load")
            return ""
        }
        let page = ReportPage(report: report, unit: info, templates: templates, codes: .bundled)
        let css = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/assets/print.css"), encoding: .utf8)
        return PrintDocument(page: page, site: site, tables: tables, charts: ReportCharts.specs(report, codes: .bundled), css: css)
            .html(templates: templates)
    }

    /// The 目录's entries as (level, anchor, text), in order.
    private func tocEntries(_ html: String) throws -> [String] {
        let nav = try XCTUnwrap(html.range(of: "<nav class=\"toc\"").flatMap { start in html.range(of: "</nav>", range: start.upperBound..<html.endIndex).map { html[start.lowerBound..<$0.lowerBound] } })
        let pattern = try NSRegularExpression(pattern: ##"<li class="toc-(part|item)"><a href="#([^"]+)">([^<]*)</a></li>"##)
        let text = String(nav)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (1...3).map { String(text[Range(m.range(at: $0), in: text)!]) }.joined(separator: " ")
        }
    }

    /// The printed document follows the report's profile as the web page does: Shanghai's 概况, the nine
    /// 决算表, the 情况说明 with its headings, 名词解释 — and the 目录 lists them in that order.
    func testTheShanghaiPrintFollowsItsProfilesOutlineAndHeadings() throws {
        let html = try printHTML("putuo-shgzb")
        let toc = try tocEntries(html)
        XCTAssertEqual(toc.filter { $0.hasPrefix("part ") }, [
            "part part-1 第一部分 中共上海市普陀区委社会工作部概况",
            "part part-5 第二部分 中共上海市普陀区委社会工作部2024年度部门决算表",
            "part part-2 第三部分 中共上海市普陀区委社会工作部2024年度部门决算情况说明",
            "part part-3 第四部分 名词解释",
        ])
        let tableSet = try XCTUnwrap(sample("putuo-shgzb").tables)
        XCTAssertEqual(tableSet.count, 9)
        let expectedItems = ["item p1-1 一、主要职能", "item p1-2 二、部门决算单位构成"]
            + tableSet.enumerated().map { "item table-\($0.element.id) \($0.element.number)、\($0.element.title)（\(PrintDocument.sheetNumber($0.offset))）" }
            + ["item p2-1 一、收入支出决算总体情况说明", "item p2-2 二、收入决算情况说明", "item p2-3 三、支出决算情况说明",
               "item p2-4 四、财政拨款收入支出决算总体情况说明", "item p2-5 五、一般公共预算财政拨款支出决算情况说明",
               "item p2-6 六、一般公共预算财政拨款基本支出决算情况说明", "item p2-7 七、财政拨款“三公”经费支出决算情况说明",
               "item p2-8 八、政府性基金预算财政拨款收入支出决算情况说明", "item p2-9 九、国有资本经营预算财政拨款收入支出决算情况说明",
               "item p2-10 十、预算绩效管理情况", "item p2-11 十一、其他重要事项的情况说明"]
        XCTAssertEqual(toc.filter { $0.hasPrefix("item ") }, expectedItems)
        XCTAssertEqual(toc.first, "part part-1 第一部分 中共上海市普陀区委社会工作部概况")

        // The pages in the same order: parts, the sheets inside the tables part, the 情况说明's headings.
        let body = String(html[try XCTUnwrap(html.range(of: "</nav>")).upperBound...])
        var order: [Int] = []
        for text in ["<h2 id=\"part-1-title\">第一部分", "<h3 id=\"p1-2-title\">二、部门决算单位构成</h3>",
                     "<section class=\"part part-tables\" id=\"part-5\"", "<p class=\"sheet-number\">公开01表</p>", "<p class=\"sheet-number\">公开09表</p>",
                     "<h2 id=\"part-2-title\">第三部分", "<h3 id=\"p2-1-title\">", "<img src=\"data:image/svg+xml;base64,",
                     "<h3 id=\"p2-11-title\">", "<h2 id=\"part-3-title\">第四部分 名词解释</h2>"] {
            let found = try XCTUnwrap(body.range(of: text), text)
            order.append(body.distance(from: body.startIndex, to: found.lowerBound))
        }
        XCTAssertEqual(order, order.sorted(), "\(order)")
        XCTAssertFalse(body.contains("第五部分"))
        XCTAssertFalse(body.contains("id=\"part-4\""), "Shanghai publishes no 附件 part")
        XCTAssertFalse(body.contains("back-to-toc"), "no screen-only links in print")
        XCTAssertFalse(body.contains("chart-share"), "charts print as images, not the web figure")
        XCTAssertFalse(body.contains("<svg"), "charts print as images, not the web figure")
    }

    func testTheSichuanPrintKeepsItsFivePartsInOrder() throws {
        let toc = try tocEntries(try printHTML("luzhou-zzb"))
        XCTAssertEqual(toc.filter { $0.hasPrefix("part ") }.map { $0.split(separator: " ")[1] }, ["part-1", "part-2", "part-3", "part-4", "part-5"])
        XCTAssertEqual(Array(toc.prefix(3)), ["part part-1 第一部分 部门概况", "item p1-1 一、基本职能及主要工作", "item p1-2 二、机构设置"])
        XCTAssertTrue(toc.contains("item p2-7 七、财政拨款“三公”经费支出决算情况说明"))
        XCTAssertTrue(toc.contains("item p4-2 项目支出绩效自评表（2020年度）"))
        XCTAssertTrue(toc.contains { $0.hasPrefix("item p4-1 ") })
    }

    // MARK: Without the engine

    func testBuildWithPDFButNoEngineWritesTheSiteWithoutPDFsOrLinks() throws {
        XCTAssertNil(PDFEngine.find(environment: ["DISCLOSE_WEASYPRINT": "/nonexistent/weasyprint", "PATH": "/nonexistent"]))
        let site = FixtureSite()
        let content = try site.write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let output = content.deletingLastPathComponent().appendingPathComponent("out")
        let builder = SiteBuilder(options: .init(content: content, contentDisplay: "Content",
                                                 templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                 output: output, pdf: true, pdfEngine: nil))
        let result = builder.build()
        XCTAssertTrue(result.written, result.diagnosticsText(.en))
        XCTAssertEqual(result.pdf, ReportPDF.Summary(engine: nil))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("test-zzb/2023/report.pdf").path))
        let page = try String(contentsOf: output.appendingPathComponent("test-zzb/2023/index.html"), encoding: .utf8)
        XCTAssertFalse(page.contains("report.pdf"))
        XCTAssertTrue(PDFEngine.installHint.zh.contains("python3 -m pip install weasyprint"))
    }

    func testTheDownloadNameSaysUnitYearAndKind() {
        XCTAssertEqual(ReportPDF.downloadName(unitName: "渠县财政局", year: 2024, kind: .department), "渠县财政局-2024年度部门决算.pdf")
        XCTAssertEqual(ReportPDF.downloadName(unitName: "渠县某小学", year: 2024, kind: .unit), "渠县某小学-2024年度单位决算.pdf")
        XCTAssertEqual(ReportPDF.path(unitID: "quxian-czj", year: 2024), "quxian-czj/2024/report.pdf")
    }
}
