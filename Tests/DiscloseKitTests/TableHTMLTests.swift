import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// A 附表 whose functional code is split into 类/款/项 columns is written in two layouts at once: the
/// official split one (wide screens, print) and one with a single 科目编码 column (phones). Each layout
/// on its own must be a whole table grid, and each code must appear once per layout.
final class TableHTMLTests: XCTestCase {
    struct Cell {
        var tag: String
        var classes: Set<String>
        var colspan: Int
        var rowspan: Int
        var text: String
    }

    /// The rows of a table's markup (thead and tbody together), cell by cell.
    static func rows(_ html: String) -> [[Cell]] {
        html.components(separatedBy: "<tr>").dropFirst().map { row in
            let body = row.components(separatedBy: "</tr>")[0]
            let pattern = try! NSRegularExpression(pattern: "<(th|td)([^>]*)>([^<]*)</(?:th|td)>")
            return pattern.matches(in: body, range: NSRange(body.startIndex..., in: body)).map { m in
                let attributes = String(body[Range(m.range(at: 2), in: body)!])
                func attribute(_ name: String) -> String? {
                    guard let r = attributes.range(of: " \(name)=\"") else { return nil }
                    return String(attributes[r.upperBound...].prefix { $0 != "\"" })
                }
                return Cell(tag: String(body[Range(m.range(at: 1), in: body)!]),
                            classes: Set((attribute("class") ?? "").split(separator: " ").map(String.init)),
                            colspan: Int(attribute("colspan") ?? "1")!, rowspan: Int(attribute("rowspan") ?? "1")!,
                            text: String(body[Range(m.range(at: 3), in: body)!]))
            }
        }
    }

    /// The cells one layout shows: all but those of the other layout.
    static func layout(_ rows: [[Cell]], hiding other: String) -> [[Cell]] {
        rows.map { $0.filter { !$0.classes.contains(other) } }
    }

    /// Every row of `rows` (header rows and body rows as separate groups) covers exactly `columns` grid
    /// columns once the row spans from above are counted.
    static func assertWholeGrid(_ rows: [[Cell]], headerRows: Int, columns: Int, _ message: String, line: UInt = #line) {
        for group in [Array(rows.prefix(headerRows)), Array(rows.dropFirst(headerRows))] {
            var carried = [Int](repeating: 0, count: group.count + 8)   // grid cells taken by spans from above, per row
            for (r, row) in group.enumerated() {
                let width = row.map(\.colspan).reduce(0, +) + carried[r]
                XCTAssertEqual(width, columns, "\(message): row \(r) is \(width) columns wide: \(row.map(\.text))", line: line)
                for cell in row where cell.rowspan > 1 {
                    for below in 1..<cell.rowspan where r + below < carried.count { carried[r + below] += cell.colspan }
                }
            }
        }
    }

    func sampleTables() throws -> [TableModel] {
        let tree = try XCTUnwrap(Checker.check(content: repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content").load.tree)
        let report = try XCTUnwrap(tree.reports.first { $0.folder.hasSuffix("luzhou-zzb/2020") })
        return TableBuilder(report: report, unitName: "").tables()
    }

    func testCodeTablesCarryASplitAndAJoinedLayoutThatAreEachAWholeGrid() throws {
        let tables = try sampleTables()
        let coded = tables.filter { $0.splitCodeColumns != nil }
        XCTAssertGreaterThanOrEqual(coded.count, 6, tables.map(\.id).description)
        for table in coded {
            let rows = Self.rows(TableHTML.html(table))
            let split = Self.layout(rows, hiding: "joined-code"), joined = Self.layout(rows, hiding: "split-codes")
            Self.assertWholeGrid(split, headerRows: table.headerRows.count, columns: table.columnCount, "\(table.id) split")
            Self.assertWholeGrid(joined, headerRows: table.headerRows.count, columns: table.columnCount - 2, "\(table.id) joined")
            // The joined layout has one 科目编码 heading over both header rows, and no 类/款/项.
            let joinedHeads = joined.prefix(table.headerRows.count).flatMap { $0 }.map(\.text)
            XCTAssertEqual(joinedHeads.filter { $0 == "科目编码" }.count, 1, table.id)
            XCTAssertFalse(joinedHeads.contains("类") || joinedHeads.contains("款") || joinedHeads.contains("项"), table.id)
            XCTAssertTrue(split.prefix(table.headerRows.count).flatMap { $0 }.map(\.text).contains("款"), table.id)
            // Every body row: in the joined layout its first cell is the whole code, equal to the split cells joined.
            for (row, cells) in zip(table.bodyRows, rows.dropFirst(table.headerRows.count)) where row.first?.kind == .code {
                let codes = row.prefix(3).map(\.text).joined()
                let joinedCells = cells.filter { $0.classes.contains("joined-code") }
                XCTAssertEqual(joinedCells.map(\.text), [codes], table.id)
                XCTAssertEqual(joinedCells.first?.classes.contains("code"), true)
                XCTAssertEqual(cells.filter { $0.classes.contains("split-codes") }.map(\.text), row.prefix(3).map(\.text), table.id)
            }
        }
        // The 合计 row spans the code and name columns in both layouts.
        let expenditure = try XCTUnwrap(coded.first { $0.id == "expenditure" })
        let total = Self.rows(TableHTML.html(expenditure))[expenditure.headerRows.count].filter { $0.text == "合计" }
        XCTAssertEqual(total.map(\.colspan), [4, 2])
        XCTAssertEqual(total.map(\.tag), ["th", "th"])
    }

    func testTablesWithoutSplitCodesAndThePrintedSheetAreWrittenOnce() throws {
        for table in try sampleTables() {
            let printed = TableHTML.html(table, caption: false, joinedCodes: false)
            XCTAssertFalse(printed.contains("joined-code") || printed.contains("split-codes"), table.id)
            if table.splitCodeColumns == nil {
                XCTAssertEqual(TableHTML.html(table), TableHTML.html(table, joinedCodes: false), table.id)
            }
        }
    }
}
