@testable import DiscloseKit
import Foundation
import XCTest

/// Reading workbooks written by other software (openpyxl fixtures) and by `disclose export`.
final class XLSXReaderTests: XCTestCase {
    private func fixture(_ name: String) throws -> XLSXWorkbook {
        try XLSXWorkbook(data: Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/xlsx/\(name).xlsx")))
    }

    func testSharedStringsMergedHeadersAndNumbers() throws {
        let sheet = try XCTUnwrap(try fixture("merged-headers").sheets.first)
        XCTAssertEqual(sheet.name, "收入支出决算总表")
        XCTAssertEqual(sheet.cell(0, 0), "收入支出决算总表")
        XCTAssertEqual(sheet.cell(1, 3), "单位：万元")
        XCTAssertEqual(sheet.rows[2], ["收入", "", "支出", ""])
        XCTAssertEqual(sheet.rows[4], ["一、一般公共预算财政拨款收入", "3474.67", "一、一般公共服务支出", "2810.86"])
        XCTAssertEqual(sheet.rows[5][1], "", "an empty amount stays empty, not 0")
        XCTAssertEqual(Set(sheet.merges), [.init(top: 0, left: 0, bottom: 0, right: 3), .init(top: 2, left: 0, bottom: 2, right: 1),
                                           .init(top: 2, left: 2, bottom: 2, right: 3)])
    }

    func testYuanBlankRowsAndExtraColumnsAreReadAsWritten() throws {
        let yuan = try XCTUnwrap(try fixture("yuan").sheets.first)
        XCTAssertEqual(yuan.cell(1, 3), "单位：元")
        XCTAssertEqual(yuan.cell(4, 1), "34746700")
        let blank = try XCTUnwrap(try fixture("blank-rows").sheets.first)
        XCTAssertEqual(blank.rows[6], ["", "", "", ""])
        XCTAssertEqual(blank.rows[7][0], "八、其他收入")
        let extra = try XCTUnwrap(try fixture("extra-column").sheets.first)
        XCTAssertEqual(extra.rows[2], ["收入", "", "支出", "", "备注"])
        XCTAssertEqual(extra.rows[4][4], "无")
        XCTAssertTrue(extra.merges.contains(.init(top: 2, left: 4, bottom: 3, right: 4)))
    }

    func testReadsBackWhatExportWrites() throws {
        guard case .workbook(let data, let count) = try ReportExport.xlsx(
            content: repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content", unitID: "miyi-zzb", year: 2020) else {
            return XCTFail("miyi-zzb/2020 should export")
        }
        let book = try XLSXWorkbook(data: data)
        XCTAssertEqual(book.sheets.count, count)
        let first = book.sheets[0]
        XCTAssertEqual(first.name, "1 收入支出决算总表")
        XCTAssertEqual(first.cell(0, 0), "一、收入支出决算总表")
        XCTAssertEqual(first.cell(4, 0), "一、一般公共预算财政拨款收入")
        XCTAssertNotNil(Decimal(string: first.cell(4, 1)))
        XCTAssertTrue(first.merges.contains(.init(top: 0, left: 0, bottom: 0, right: 3)))
    }

    func testRejectsWhatIsNotAWorkbookAndHugeSheets() {
        XCTAssertThrowsError(try XLSXWorkbook(data: Data("not a zip".utf8))) {
            XCTAssertEqual($0 as? XLSXWorkbook.Failure, .notAWorkbook("not a ZIP file"))
        }
        XCTAssertEqual(XLSXWorkbook.position("B5")?.row, 4)
        XCTAssertEqual(XLSXWorkbook.position("$AA$10")?.column, 26)
        XCTAssertNil(XLSXWorkbook.position("ZZZZ1"))
        XCTAssertNil(XLSXWorkbook.position("A0"))
    }
}
