import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Across units and years: the comparison tables and the open data say exactly what each report says,
/// the data package is valid Frictionless, and the 公开质量自检 flags late publication, missing tables
/// and coarse detail.
final class AcrossReportsTests: XCTestCase {
    private var root: URL!
    private var content: URL { root.appendingPathComponent("Content") }
    private var output: URL { root.appendingPathComponent("Output") }

    /// Four units of two regions under two 主管部门, three years each.
    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-across-\(UUID().uuidString)")
        var files = ["site.yaml": ConsistentReportGenerator.siteYAML]
        let places = [("四川省达州市渠县", "渠县财政局", ""), ("四川省达州市渠县", "渠县人民医院", "渠县卫生健康局"),
                      ("四川省攀枝花市米易县", "米易县财政局", ""), ("四川省攀枝花市米易县", "米易县中医医院", "米易县卫生健康局")]
        for (index, place) in places.enumerated() {
            let id = "unit-\(index)"
            for (path, text) in ConsistentReportGenerator().unitFiles(seed: 11, unitID: id, index: index, years: [2021, 2022, 2023]) {
                files[path] = text
            }
            files["\(id)/unit.yaml"] = "name: \(place.1)\nshort_name: \(place.1)\nlevel: 县\nregion: \(place.0)\n"
                + (place.2.isEmpty ? "" : "supervisor: \(place.2)\n")
        }
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func build(quality: Bool = true) throws -> SiteBuilder.Result {
        let result = SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: repositoryRoot.appendingPathComponent("Templates"),
                                                templatesDisplay: "Templates", output: output, quality: quality)).build()
        XCTAssertTrue(result.written, "\(result.diagnostics.filter { $0.severity == .error }.map(\.message.zh))")
        return result
    }

    /// A CSV as rows of fields (the site's CSVs quote only fields with commas, quotes or line breaks).
    private func csv(_ path: String) throws -> [[String]] {
        var text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            var fields: [String] = [], field = "", quoted = false
            var chars = Array(line)[...]
            while let c = chars.popFirst() {
                if quoted {
                    if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
                } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
            }
            fields.append(field)
            return fields
        }
    }

    private func reports() throws -> [Report] {
        let check = Checker.check(content: content, displayRoot: "Content")
        return try XCTUnwrap(check.load.tree).reports
    }

    func testComparisonTablesEqualEachReportsFigures() throws {
        _ = try build()
        for year in [2021, 2022, 2023] {
            let rows = try csv("compare/\(year)/index.csv")
            let header = rows[0]
            XCTAssertEqual(rows.count, 5, "every unit of the year")
            func column(_ heading: String) throws -> Int { try XCTUnwrap(header.firstIndex(of: heading), heading) }
            for report in try reports() where report.year == year {
                let figures = ReportFigures(report)
                let row = try XCTUnwrap(rows.first { $0[0] == report.unitID })
                XCTAssertEqual(DecimalNumber(row[try column("收、支总计（万元）")]), figures.grandTotal.shown)
                XCTAssertEqual(DecimalNumber(row[try column("财政拨款支出（万元）")]), figures.appropriation.expenditure.shown)
                XCTAssertEqual(DecimalNumber(row[try column("基本支出（万元）")]), figures.expenditureKinds[.basic]?.shown)
                XCTAssertEqual(DecimalNumber(row[try column("“三公”经费合计（万元）")]), figures.threePublicActual.total.shown)
                XCTAssertEqual(DecimalNumber(row[try column("公务接待费（万元）")]), report.accounts.threePublic.actual.reception.value)
                XCTAssertEqual(DecimalNumber(row[try column("机关运行经费（万元）")]), report.accounts.agencyOperatingCost.amount.value)
                XCTAssertEqual(row[try column("“三公”经费合计比上年增减（%）")], CompareFigures.rate(figures.threePublicChange))
            }
        }
        // A region's table holds that region's units only; a 主管部门's likewise.
        let groups = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("compare/2023").path).filter { $0.hasPrefix("region-") && $0.hasSuffix(".csv") }
        XCTAssertEqual(groups.count, 2)
        for group in groups {
            let rows = try csv("compare/2023/\(group)")
            XCTAssertEqual(Set(rows.dropFirst().map { $0[2] }).count, 1, "one region per table")
            XCTAssertEqual(rows.count, 3)
        }
        let supervisor = "compare/2023/supervisor-\(ComparePages.slug("渠县卫生健康局")).csv"
        XCTAssertEqual(try csv(supervisor).dropFirst().map { $0[1] }, ["渠县人民医院"])
        // The page: sortable table, filters, the chart of the largest 三公经费, linked from the home page.
        let page = try String(contentsOf: output.appendingPathComponent("compare/2023/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("data-sortable"))
        XCTAssertTrue(page.contains("data-filter-column=\"region\""))
        XCTAssertTrue(page.contains("<svg"))
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("href=\"compare/index.html\""))
        // Unit pages: the 三公 and 机关运行经费 trends beside the total.
        let unit = try String(contentsOf: output.appendingPathComponent("unit-1/index.html"), encoding: .utf8)
        XCTAssertTrue(unit.contains("id=\"figure-trend-three-public\""))
        XCTAssertTrue(unit.contains("id=\"figure-trend-agency-cost\""))
    }

    /// A province has thousands of 主管部门: each one's page links back to the year's page, which lists
    /// them all, instead of every page listing every other (quadratic in pages and links).
    func testManyGroupsAreListedOnTheYearsPageOnly() throws {
        func entries(_ count: Int) -> [SiteEntry] {
            (0..<count).map { i in
                SiteEntry(["unitID": "u\(i)", "unitName": "单位\(i)", "year": "2023", "kind": Report.Kind.department.rawValue, "c_grand": "10.00",
                 "region": i % 2 == 0 ? "甲区" : "乙区", "supervisor": "主管\(i)", "url": "u\(i)/2023/index.html"])
            }
        }
        for (count, listedOnGroupPages) in [(5, true), (ComparePages.groupListLimit - 2, true), (150, false)] {
            let compare = ComparePages(entries: entries(count))
            let groups = compare.groups(of: 2023)
            XCTAssertEqual(groups.count, 1 + 2 + count)
            XCTAssertEqual(groups.filter { $0.kind == "主管部门" }.map(\.rows.count), Array(repeating: 1, count: count))
            XCTAssertEqual(groups.first { $0.value == "甲区" }?.rows.map(\.unitID), stride(from: 0, to: count, by: 2).map { "u\($0)" })
            let all = compare.context(groups[0], year: 2023, groups: groups)
            XCTAssertEqual((all["groups"] as? [[String: Any]])?.count, 2 + count)
            let one = compare.context(groups[3], year: 2023, groups: groups)
            XCTAssertEqual((one["groups"] as? [[String: Any]])?.count, listedOnGroupPages ? 2 + count : 0)
            XCTAssertEqual(one["groupsElsewhere"] as? Bool, !listedOnGroupPages)
            XCTAssertEqual(one["groupCount"] as? Int, 2 + count)
            // The years' index (compare/index.html) lists them, or counts them and points to the year's page.
            let index = ComparePages.indexEntry(year: 2023, groups: groups)
            XCTAssertEqual((index["groups"] as? [[String: Any]])?.count, listedOnGroupPages ? 2 + count : 0)
            XCTAssertEqual(index["groupsElsewhere"] as? Bool, !listedOnGroupPages)
            XCTAssertEqual(index["count"] as? Int, count)
        }
    }

    func testTheOpenDataHoldsEveryTableCellAsTheReportsShowIt() throws {
        _ = try build()
        let cells = try csv("data/cells.csv")
        let header = cells[0]
        XCTAssertEqual(header, OpenData.cellFields.map(\.name))
        for report in try reports() {
            let tables = TableBuilder(report: report, unitName: "").tables()
            let mine = cells.filter { $0[1] == report.unitID && $0[3] == String(report.year) }
            // Every amount of every table, once.
            let amounts = tables.flatMap { $0.bodyRows.flatMap { $0.filter { $0.kind == .number && $0.plain.flatMap(DecimalNumber.init) != nil } } }
            XCTAssertEqual(mine.count, amounts.count, "\(report.folder)")
            // The general-budget table's 合计 is the figure the page prints.
            let total = try XCTUnwrap(mine.first { $0[0] == "general-budget" && $0[8] == "合计" && $0[9] == "合计" })
            XCTAssertEqual(DecimalNumber(total[10]), ReportFigures(report).generalBudget.shown)
        }
        // One file per table kind, the same rows.
        let byKind = try csv("data/tables/general-budget.csv")
        XCTAssertEqual(byKind.count - 1, cells.filter { $0[0] == "general-budget" }.count)
        let reportsCSV = try csv("data/reports.csv")
        XCTAssertEqual(reportsCSV.count, 13)
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/all-reports.json"))) as? [String: Any]
        XCTAssertEqual((index?["reports"] as? [[String: Any]])?.count, 12)
    }

    func testTheDataPackageValidates() throws {
        _ = try build()
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import frictionless"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        try XCTSkipIf(probe.terminationStatus != 0, "frictionless is installed by make test (pip install frictionless)")
        let validate = Process()
        validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validate.arguments = ["python3", "-m", "frictionless", "validate", "--json", "datapackage.json"]
        validate.currentDirectoryURL = output.appendingPathComponent("data")
        let pipe = Pipe()
        validate.standardOutput = pipe
        validate.standardError = FileHandle.nullDevice
        try validate.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        validate.waitUntilExit()
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(report["valid"] as? Bool, true, String(decoding: data.prefix(3000), as: UTF8.self))
        XCTAssertEqual(validate.terminationStatus, 0)
    }

    func testAnIncrementalBuildKeepsTheOpenDataAndComparisonsWhole() throws {
        _ = try build()
        let before = try csv("data/cells.csv").count
        // One report changes: its unit is rebuilt alone, the package still holds every report.
        let agency = content.appendingPathComponent("unit-2/2023/accounts.yaml")
        let text = try String(contentsOf: agency, encoding: .utf8)
        try (text + "\n").write(to: agency, atomically: true, encoding: .utf8)
        let again = SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: repositoryRoot.appendingPathComponent("Templates"),
                                               templatesDisplay: "Templates", output: output, quality: true))
        _ = again.buildIncrementally()
        try FileManager.default.removeItem(at: content.appendingPathComponent("unit-3"))
        let removed = again.buildIncrementally()
        XCTAssertEqual(removed.incremental, .units(["unit-3"]))
        XCTAssertLessThan(try csv("data/cells.csv").count, before)
        XCTAssertFalse(try csv("data/cells.csv").contains { $0[1] == "unit-3" })
        XCTAssertFalse(try csv("compare/2023/index.csv").contains { $0[0] == "unit-3" })
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("compare/2023/supervisor-\(ComparePages.slug("米易县卫生健康局")).html").path),
                       "a 主管部门 no unit has any more loses its page")
    }

    // MARK: 公开质量自检

    func testTheSelfCheckFlagsLatePublicationMissingTablesAndCoarseDetail() throws {
        var report = try XCTUnwrap(try reports().first { $0.unitID == "unit-0" && $0.year == 2023 })
        let publication = QualityCheck.Publication(workbooks: true, pdf: true, search: true)
        let good = QualityInputs(diagnostics: [], publication: publication)
        report.approvedOn = "2024-08-01"
        report.publishedOn = "2024-08-15"
        var check = good.check(report, tables: TableBuilder(report: report, unitName: "").tables())
        XCTAssertEqual(check.scores[0].points, 20, check.text())
        XCTAssertEqual(check.scores[3].points, 20, "generated content is detailed to 项 and 款")

        // Late: 44 days after approval.
        report.publishedOn = "2024-09-14"
        check = good.check(report, tables: [])
        XCTAssertEqual(check.scores[0].points, 0)
        XCTAssertTrue(check.scores[0].findings[0].text.contains("第 44 天"), check.text())
        XCTAssertEqual(check.scores[0].findings[0].place, "\(report.folder)/report.yaml")

        // Missing tables: no functional detail, no 收入决算表 detail, no performance.
        report.accounts.functional = []
        report.accounts.incomeByFunction = []
        report.performance = nil
        check = good.check(report, tables: [])
        XCTAssertLessThanOrEqual(check.scores[1].points, 7, check.text())
        XCTAssertTrue(check.scores[1].findings.contains { $0.text.contains("functional") })
        XCTAssertTrue(check.scores[1].findings.contains { $0.text.contains("income_by_function") })

        // Coarse detail: spending only to 类.
        var coarse = try XCTUnwrap(try reports().first { $0.unitID == "unit-0" && $0.year == 2023 })
        coarse.accounts.functional = coarse.accounts.functional.map { row in
            var r = row
            r.code = Located(String(row.code.value.prefix(3)), at: row.code.location)
            return r
        }
        check = good.check(coarse, tables: [])
        XCTAssertLessThan(check.scores[3].points, 20)
        XCTAssertTrue(check.scores[3].findings[0].text.contains("只公开到类或款"), check.text())

        // Errors cost accuracy; a site without Excel, PDF or search costs 公开方式.
        let bad = QualityInputs(diagnostics: [.error("TEXT-AMOUNT", at: SourceLocation(file: ContentPath(root: "Content", unit: report.unitID, year: report.year, file: "duties.md"), line: 3, column: 1),
                                                     zh: "文字与数据不一致。", en: "text and data disagree.")],
                                publication: .init(workbooks: false, pdf: false, search: false))
        check = bad.check(report, tables: [])
        XCTAssertEqual(check.scores[2].points, 8)
        XCTAssertEqual(check.scores[4].points, 10)
    }

    func testTheSelfCheckPagesAndRankingAreBuilt() throws {
        _ = try build(quality: true)
        let page = try String(contentsOf: output.appendingPathComponent("unit-0/2023/quality.html"), encoding: .utf8)
        for dimension in QualityCheck.Dimension.allCases { XCTAssertTrue(page.contains(dimension.rawValue), dimension.rawValue) }
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("unit-0/index.html"), encoding: .utf8).contains("2023/quality.html"))
        let ranking = try String(contentsOf: output.appendingPathComponent("quality/index.html"), encoding: .utf8)
        XCTAssertEqual(ranking.components(separatedBy: "quality.html\"").count - 1, 12, "every report ranked")
        // Without --quality nothing of it is published.
        try FileManager.default.removeItem(at: output)
        _ = try build(quality: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("quality").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("unit-0/2023/quality.html").path))
    }
}
