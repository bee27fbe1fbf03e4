import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest
import ZIPFoundation

/// Hostile workbooks and CSV files end within seconds with a diagnostic: merges, cells, rows ×
/// columns and CSV width count against one budget; a cell the XML parser cannot read is named.
final class ImportBudgetTests: XCTestCase {
    /// A minimal workbook with one sheet whose XML is `sheet`.
    func workbook(sheet: String, shared: String? = nil) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="总表" r:id="rId1"/></sheets></workbook>"#)
        try add("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#)
        try add("xl/worksheets/sheet1.xml", sheet)
        if let shared { try add("xl/sharedStrings.xml", shared) }
        return try XCTUnwrap(archive.data)
    }

    func testAMergeStormEndsWithinSecondsWithADiagnostic() throws {
        // Cells at A1 and Z2000, then 30,000 copies of one huge merged range and 30,000 distinct ones.
        let cells = #"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收入支出决算总表</t></is></c></row><row r="2000"><c r="Z2000"><v>1</v></c></row></sheetData>"#
        for merges in [String(repeating: #"<mergeCell ref="A1:XFD1048576"/>"#, count: 30_000),
                       (0..<30_000).map { #"<mergeCell ref="A\#($0 % 50 + 1):Z\#(2000 - $0 % 50)"/>"# }.joined()] {
            let data = try workbook(sheet: "<worksheet>\(cells)<mergeCells>\(merges)</mergeCells></worksheet>")
            let started = Date()
            XCTAssertThrowsError(try XLSXWorkbook(data: data)) { error in
                guard case .tooLarge(let what) = error as? XLSXWorkbook.Failure else { return XCTFail("\(error)") }
                XCTAssertTrue(what.contains("合并单元格"), what)
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        }
        // The same range many times counts once: an honest sheet with repeated merges still reads.
        let repeated = String(repeating: #"<mergeCell ref="A1:Z1"/>"#, count: 1000)
        let sheet = try XLSXWorkbook(data: try workbook(sheet: "<worksheet>\(cells)<mergeCells>\(repeated)</mergeCells></worksheet>")).sheets[0]
        XCTAssertEqual(sheet.merges, [XLSXWorkbook.Merge(top: 0, left: 0, bottom: 0, right: 25)])
    }

    func testACSVWidthBombEndsWithinSecondsWithADiagnostic() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wide = "收入支出决算总表" + String(repeating: ",", count: 20_000) + "\n" + String(repeating: "a,1\n", count: 200)
        let tall = String(repeating: "收入,1\n", count: 1_100_000)
        for (name, text) in [("wide.csv", wide), ("tall.csv", tall)] {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            let started = Date()
            XCTAssertThrowsError(try ReportImport.sheets(at: url)) { error in
                let message = (error as? ReportImport.Failure)?.message(.zh) ?? "\(error)"
                XCTAssertTrue(message.contains("过大") && message.contains("列"), message)
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        }
        // A wide row within the budget still reads, every row as wide as the widest.
        let sheet = try ImportSheet.readCSV(name: "ok.csv", text: "a,b,c\n1\n\"x,\"\"y\"\"\"\r\nlast")
        XCTAssertEqual(sheet.rows, [["a", "b", "c"], ["1", "", ""], ["x,\"y\"", "", ""], ["last", "", ""]])
    }

    func testAnXMLEntityInACellIsReportedWithTheCellNotReadAsZero() throws {
        let sheet = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收入支出决算总表</t></is></c></row><row r="5"><c r="B5"><v>12&foo;3</v></c></row></sheetData></worksheet>"#
        XCTAssertThrowsError(try XLSXWorkbook(data: try workbook(sheet: sheet))) { error in
            guard case .malformed(let what) = error as? XLSXWorkbook.Failure else { return XCTFail("\(error)") }
            XCTAssertTrue(what.contains("总表!B5") && what.contains("实体"), what)
        }
        let shared = #"<sst><si><t>收入</t></si><si><t>a&bar;b</t></si></sst>"#
        let plain = #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
        XCTAssertThrowsError(try XLSXWorkbook(data: try workbook(sheet: plain, shared: shared))) { error in
            guard case .malformed(let what) = error as? XLSXWorkbook.Failure else { return XCTFail("\(error)") }
            XCTAssertTrue(what.contains("第 2 个字符串"), what)
        }
        // Standard entities are text as usual.
        let fine = #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b</t></is></c></row></sheetData></worksheet>"#
        XCTAssertEqual(try XLSXWorkbook(data: try workbook(sheet: fine)).sheets[0].cell(0, 0), "a & b")
    }
}
