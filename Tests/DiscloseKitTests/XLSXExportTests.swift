import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest
import ZIPFoundation

/// `disclose export --xlsx`: the 附表 as a workbook in the official layouts.
final class XLSXExportTests: XCTestCase {
    private func export(_ unit: String, _ year: Int) throws -> Data {
        let outcome = try ReportExport.xlsx(content: repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content",
                                            unitID: unit, year: year)
        guard case .workbook(let data, _) = outcome else {
            XCTFail("\(unit)/\(year) should export")
            return Data()
        }
        return data
    }

    private func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return out
    }

    func testSampleReportExportsEveryTableWithMergedHeadersAndNumericAmounts() throws {
        let data = try export("luzhou-zzb", 2020)
        let files = try parts(data)
        XCTAssertEqual(Set(files.keys), Set(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                              "xl/styles.xml"] + (1...14).map { "xl/worksheets/sheet\($0).xml" }))
        let workbook = try XCTUnwrap(files["xl/workbook.xml"])
        XCTAssertTrue(workbook.contains(#"<sheet name="1 收入支出决算总表" sheetId="1" r:id="rId1"/>"#), workbook)
        XCTAssertTrue(workbook.contains(#"<sheet name="10 一般公共预算财政拨款“三公”经费支出决算表" sheetId="10""#), workbook)

        let summary = try XCTUnwrap(files["xl/worksheets/sheet1.xml"])
        // Title across the table, 收入 and 支出 header groups merged, the unit line at the right.
        XCTAssertTrue(summary.contains(#"<mergeCell ref="A1:D1"/><mergeCell ref="A3:B3"/><mergeCell ref="C3:D3"/>"#), summary)
        XCTAssertTrue(summary.contains(#"<c r="D2" s="10" t="inlineStr"><is><t xml:space="preserve">单位：万元</t></is></c>"#), summary)
        // 一般公共预算财政拨款收入 3474.67 and 一般公共服务支出 2810.86 as numbers, not text.
        XCTAssertTrue(summary.contains(#"<c r="B5" s="3"><v>3474.67</v></c>"#), summary)
        XCTAssertTrue(summary.contains(#"<c r="D5" s="3"><v>2810.86</v></c>"#), summary)

        let detail = try XCTUnwrap(files["xl/worksheets/sheet5.xml"])
        // 科目编码 spans 类/款/项; codes stay text so 201 keeps its digits as written.
        XCTAssertTrue(detail.contains(#"<mergeCell ref="A3:C3"/>"#), detail)
        XCTAssertTrue(detail.contains(#"<c r="A6" s="8" t="inlineStr"><is><t xml:space="preserve">201</t></is></c>"#), detail)
        XCTAssertTrue(detail.contains(#"<c r="E6" s="3"><v>2810.86</v></c>"#), detail)
        // The header rows stay in view while scrolling.
        XCTAssertTrue(detail.contains(#"<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>"#), detail)

        XCTAssertEqual(data, try export("luzhou-zzb", 2020), "the same content gives the same bytes")
    }

    func testReportsWithErrorsOrMissingAreNotExported() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: 1OO")
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        guard case .refused(let result) = try ReportExport.xlsx(content: root, displayRoot: "Content", unitID: "test-zzb", year: 2023) else {
            return XCTFail("a report with errors must not be exported")
        }
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.rule), [.malformedNumber])
        guard case .noSuchReport = try ReportExport.xlsx(content: root, displayRoot: "Content", unitID: "test-zzb", year: 1999) else {
            return XCTFail("no such report")
        }
    }

    func testCellReferencesSheetNamesAndEscaping() {
        XCTAssertEqual([0, 25, 26, 51, 701, 702].map(XLSXWriter.columnName), ["A", "Z", "AA", "AZ", "ZZ", "AAA"])
        XCTAssertEqual(XLSXWriter.sheetName(index: 0, title: "a/b:c*d?e[f]g\\h"), "1 abcdefgh")
        XCTAssertEqual(XLSXWriter.sheetName(index: 11, title: String(repeating: "表", count: 40)).count, 31)
        XCTAssertEqual(Markup.escape("<b>&\"x\"\u{1}\u{7}'"), "&lt;b&gt;&amp;&quot;x&quot;&#39;", "one escaper for HTML, SVG and workbook XML")
    }
}
