import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// `disclose export` then `disclose import`: the 附表 of every sample report survive the trip through
/// a workbook, into an empty report and into the report itself.
final class ImportRoundTripTests: XCTestCase {
    static let samples = [("luzhou-zzb", 2020), ("miyi-zzb", 2020), ("panzhihua-xiqu-zzb", 2023), ("putuo-shgzb", 2024)]

    private func temporaryContent() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        return root.appendingPathComponent("Content")
    }

    private func workbook(_ content: URL, _ unit: String, _ year: Int) throws -> URL {
        guard case .workbook(let data, _) = try ReportExport.xlsx(content: content, unitID: unit, year: year) else {
            XCTFail("\(unit)/\(year) should export")
            throw CocoaError(.fileReadUnknown)
        }
        let url = content.deletingLastPathComponent().appendingPathComponent("\(unit)-\(year).xlsx")
        try data.write(to: url)
        return url
    }

    /// Every 附表 of the report as CSV text, the way the site publishes them.
    private func tables(_ content: URL, _ unit: String, _ year: Int) throws -> [String] {
        let load = ContentLoader(root: content).load()
        let report = try XCTUnwrap(load.tree?.reports.first { $0.unitID == unit && $0.year == year }, "\(unit)/\(year) loads")
        return TableBuilder(report: report, unitName: unit).tables().map(CSVWriter.csv)
    }

    func testEveryTableIsIdenticalAfterImportingIntoAnEmptyReport() throws {
        for (unit, year) in Self.samples {
            let content = try temporaryContent()
            defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
            let expected = try tables(content, unit, year)
            let file = try workbook(content, unit, year)
            // An empty report: the figures file is the blank skeleton of `disclose new`; what the 附表 do
            // not hold (organisation, narrative) is the sample's, so that the report can be read.
            let folder = content.appendingPathComponent("\(unit)/\(year)")
            let blank = content.appendingPathComponent("\(unit)/blank")
            let tableSet = try XCTUnwrap(ContentLoader(root: content).load().tree?.reports.first { $0.unitID == unit && $0.year == year }?.tableSetID)
            guard case .success = ReportCreator.create(content: content, unitID: "blank-unit", year: year, tables: tableSet, blank: true) else {
                return XCTFail("blank skeleton")
            }
            try FileManager.default.moveItem(at: content.appendingPathComponent("blank-unit/\(year)"), to: blank)
            try FileManager.default.removeItem(at: content.appendingPathComponent("blank-unit"))
            try FileManager.default.removeItem(at: folder.appendingPathComponent("accounts.yaml"))
            try FileManager.default.moveItem(at: blank.appendingPathComponent("accounts.yaml"), to: folder.appendingPathComponent("accounts.yaml"))
            try FileManager.default.removeItem(at: blank)
            let skeleton = try String(contentsOf: folder.appendingPathComponent("accounts.yaml"), encoding: .utf8)
            XCTAssertFalse(skeleton.contains(": 3474.67"), "the figures file starts empty")

            let outcome = try ReportImport.run(input: file, content: content, unitID: unit, year: year)
            XCTAssertTrue(outcome.changed)
            XCTAssertEqual(outcome.plan.notices.map(\.message.zh), [], unit)
            let actual = try tables(content, unit, year)
            XCTAssertEqual(actual.count, expected.count)
            // Every 附表 cell is the same after the round trip; the first differing line says where.
            for (a, e) in zip(actual, expected) where a != e {
                let (al, el) = (a.components(separatedBy: "\r\n"), e.components(separatedBy: "\r\n"))
                let k = zip(al, el).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(al.count, el.count)
                XCTFail("\(unit)/\(year) \(el.first ?? ""): line \(k + 1) is “\(k < al.count ? al[k] : "")”, expected “\(k < el.count ? el[k] : "")”")
            }
            // The skeleton's comments are still there.
            let imported = try String(contentsOf: folder.appendingPathComponent("accounts.yaml"), encoding: .utf8)
            XCTAssertTrue(imported.contains("# 一般公共预算财政拨款收入；必填；金额"), imported)
        }
    }

    func testReimportingAReportsOwnWorkbookChangesNothing() throws {
        for (unit, year) in Self.samples {
            let content = try temporaryContent()
            defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
            let accounts = content.appendingPathComponent("\(unit)/\(year)/accounts.yaml")
            let before = try Data(contentsOf: accounts)
            let outcome = try ReportImport.run(input: try workbook(content, unit, year), content: content, unitID: unit, year: year)
            let after = try Data(contentsOf: accounts)
            XCTAssertFalse(outcome.changed, "\(unit)/\(year): \(String(decoding: after, as: UTF8.self))")
            XCTAssertEqual(after, before, "\(unit)/\(year): comments, spelling and figures untouched")
            XCTAssertEqual(outcome.removed, [])
        }
    }

    /// Totals and subtotals recorded as the source prints them (a 尾差 of 0.01 each) are exported as
    /// printed and imported back as the same records: into an empty report every table is the same,
    /// and into the report itself nothing changes, byte for byte.
    func testStatedSubtotalsSurviveTheRoundTrip() throws {
        let (unit, year) = ("luzhou-zzb", 2020)
        let content = try temporaryContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let accounts = content.appendingPathComponent("\(unit)/\(year)/accounts.yaml")
        var text = try String(contentsOf: accounts, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nbasic_expenditure:", with: """

            functional_stated:
              - {code: "201", total: 2810.87}
              - {code: "20132", fund: all, total: 2799.99}
              - {fund: general_budget, total: 3474.66}
            basic_expenditure:
            """)
        text = text.replacingOccurrences(of: "  budget: 3474.67\n", with: "  budget: 3474.67\n  stated: {income_total: 3474.68}\n")
        text = text.replacingOccurrences(of: "    reception: 1.58\n  previous:", with: "    reception: 1.58\n    total: 7.59\n  previous:")
        try Data(text.utf8).write(to: accounts)
        let expected = try tables(content, unit, year)
        XCTAssertTrue(expected.contains { $0.contains(",2810.87,") }, "the export prints the stated 类 total")
        let file = try workbook(content, unit, year)

        // Into the report itself: nothing changes.
        let again = try ReportImport.run(input: file, content: content, unitID: unit, year: year)
        let after = try String(contentsOf: accounts, encoding: .utf8)
        XCTAssertFalse(again.changed, after)
        XCTAssertEqual(after, text)
        XCTAssertEqual(again.plan.notices.map(\.message.zh), [])

        // Into an empty figures file: the same records, the same tables.
        let blank = ReportSkeleton.yaml(for: .accounts, title: "t")
        try Data(blank.utf8).write(to: accounts)
        _ = try ReportImport.run(input: file, content: content, unitID: unit, year: year)
        let imported = try String(contentsOf: accounts, encoding: .utf8)
        XCTAssertTrue(imported.contains(#"code: "201""#) && imported.contains("total: 2810.87"), imported)
        XCTAssertTrue(imported.contains("income_total: 3474.68"), imported)
        XCTAssertTrue(imported.contains("total: 7.59"), imported)
        let actual = try tables(content, unit, year)
        for (a, e) in zip(actual, expected) where a != e {
            XCTFail("\(e.components(separatedBy: "\r\n").first ?? ""): differs after the round trip")
        }
    }

    func testTheCSVFilesOfABuildImportLikeTheWorkbook() throws {
        let content = try temporaryContent()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let folder = content.deletingLastPathComponent().appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let load = ContentLoader(root: content).load()
        let report = try XCTUnwrap(load.tree?.reports.first { $0.unitID == "miyi-zzb" })
        for table in TableBuilder(report: report, unitName: "米易").tables() {
            try Data(CSVWriter.csv(table).utf8).write(to: folder.appendingPathComponent("\(table.id).csv"))
        }
        let fromCSV = TableImporter(unit: .wanYuan).plan(for: try ReportImport.sheets(at: folder))
        let fromXLSX = TableImporter(unit: .wanYuan).plan(for: try ReportImport.sheets(at: try workbook(content, "miyi-zzb", 2020)))
        XCTAssertEqual(fromCSV.tables.count, 15)
        XCTAssertEqual(fromCSV.scalars.map { "\($0.path)=\($0.value)" }.sorted(), fromXLSX.scalars.map { "\($0.path)=\($0.value)" }.sorted())
        XCTAssertEqual(fromCSV.lists.map { "\($0.path) \($0.items.map { "\($0.fields)" })" }.sorted(), fromXLSX.lists.map { "\($0.path) \($0.items.map { "\($0.fields)" })" }.sorted())
        XCTAssertEqual(fromCSV.notices.map(\.message.zh), [])
    }

    /// Random figures and rows written into every sample accounts.yaml and a skeleton: the editor never
    /// crashes, the result always parses, and each figure reads back as written.
    func testRandomEditsOfRealFilesAlwaysParseAndReadBack() throws {
        var random = SeededRandom(seed: 11)
        var texts = try Self.samples.map { try String(contentsOf: repositoryRoot.appendingPathComponent("Content/\($0.0)/\($0.1)/accounts.yaml"), encoding: .utf8) }
        texts.append(ReportSkeleton.yaml(for: .accounts, title: "t"))
        let paths = [["income", "general_budget"], ["income", "other"], ["expenditure", "basic"], ["appropriation", "carryover_ending", "state_capital"],
                     ["three_public", "actual", "reception"], ["three_public", "reception", "foreign", "amount"], ["procurement", "sme"],
                     ["agency_operating_cost", "amount"], ["new_section", "deep", "value"]]
        for text in texts {
            for _ in 0..<40 {
                var editor = try YAMLTextEditor(text: text)
                var expected: [[String]: String] = [:]
                for _ in 0..<random.int(1...5) {
                    let path = paths[random.int(0...(paths.count - 1))]
                    let value = "\(random.int(0...99999)).\(random.int(0...99))"
                    try editor.setScalar(at: path, to: value)
                    expected[path] = value
                }
                let items = (0..<random.int(0...4)).map { _ in
                    [("code", "\"\(random.int(201...230))\""), ("fund", ["general_budget", "other"][random.int(0...1)]), ("basic", "\(random.int(0...500))"), ("project", "0")]
                }
                _ = try editor.mergeList(at: ["functional"], items: items, identity: ["code", "fund"], defaults: ["fund": "general_budget"], preferFlow: false)
                let (root, diagnostics) = YAMLDocument.parse(editor.text, file: "accounts.yaml")
                let parsed = try XCTUnwrap(root, "\(diagnostics.map(\.message.en))\n\(editor.text)")
                for (path, value) in expected {
                    var node: Node? = parsed
                    for key in path { node = node?[key] }
                    XCTAssertEqual(node?.scalar?.text, value, path.joined(separator: "."))
                }
            }
        }
    }
}
