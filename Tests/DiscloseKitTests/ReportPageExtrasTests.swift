import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// What a government site's report page carries besides the report: 政府网站 metadata, 公开日期,
/// 更新日期 and contact, key figures with their changes, the unit's other years, the way back to
/// the 目录, 编制/实有人数, a favicon.
final class ReportPageExtrasTests: XCTestCase {
    func render(_ site: FixtureSite) throws -> [String: String] {
        let content = try site.write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let builder = SiteBuilder(options: .init(content: content, contentDisplay: "Content",
                                                 templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                 output: content.deletingLastPathComponent().appendingPathComponent("Output")))
        let (files, result) = builder.render()
        XCTAssertEqual(result.diagnostics.errorCount, 0, result.diagnosticsText(.zh))
        return (files ?? [:]).compactMapValues { String(data: $0, encoding: .utf8) }
    }

    func fixture() -> FixtureSite {
        var site = FixtureSite()
        site.files["site.yaml"] = FixtureSite.site + "\nsite_id_code: \"5105000001\"\ncolumn_name: 财政预决算\n"
        site.files["test-zzb/unit.yaml"] = FixtureSite.unit + "\ncontact: 办公室 0830-1234567\n"
        site.edit("test-zzb/2023/report.yaml", replacing: "kind: 部门", with: "kind: 部门\npublished_on: 2024-09-20\nupdated_on: 2024-10-08")
        return site
    }

    func testReportPagesCarryTheGovernmentSiteMetadata() throws {
        let page = try XCTUnwrap(try render(fixture())["test-zzb/2023/index.html"])
        for (name, content) in [("SiteName", "测试站点"), ("SiteDomain", "example.gov.cn"), ("SiteIDCode", "5105000001"),
                                ("ColumnName", "财政预决算"), ("ArticleTitle", "中国共产党测试县委员会组织部2023年度部门决算"),
                                ("PubDate", "2024-09-20"), ("ContentSource", "中国共产党测试县委员会组织部"),
                                ("Url", "https://example.gov.cn/test-zzb/2023/")] {
            XCTAssertTrue(page.contains("<meta name=\"\(name)\" content=\"\(content)\">"), name)
        }
        XCTAssertTrue(page.contains("<meta name=\"Keywords\" content=\"测试县委组织部,2023年度,部门决算"))
        XCTAssertTrue(page.contains("<meta name=\"Description\""))
        XCTAssertTrue(page.contains("公开日期：<time datetime=\"2024-09-20\">"))
        XCTAssertTrue(page.contains("更新日期：<time datetime=\"2024-10-08\">"))
        XCTAssertTrue(page.contains("联系方式：办公室 0830-1234567"))
        XCTAssertTrue(page.contains("<link rel=\"icon\" href=\"../../assets/favicon.svg\""))
    }

    func testWithoutTheOptionalFieldsNothingIsInvented() throws {
        let files = try render(FixtureSite())
        let page = try XCTUnwrap(files["test-zzb/2023/index.html"])
        XCTAssertFalse(page.contains("PubDate"))
        XCTAssertFalse(page.contains("公开日期"))
        XCTAssertFalse(page.contains("联系方式"))
        XCTAssertFalse(page.contains("SiteIDCode"))
        XCTAssertTrue(page.contains("<meta name=\"ColumnName\" content=\"部门决算\">"))
        XCTAssertTrue(page.contains("<meta name=\"SiteName\" content=\"测试站点\">"))
        XCTAssertNotNil(files["assets/favicon.svg"])
        XCTAssertTrue(try XCTUnwrap(files["404.html"]).contains("<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg%20xmlns="))
    }

    func testTheTopOfAReportHasItsKeyFiguresAndTheOtherYears() throws {
        let files = try render(FixtureSite())
        let page = try XCTUnwrap(files["test-zzb/2023/index.html"])
        for label in ["收、支总计", "财政拨款收、支总计", "“三公”经费", "机关运行经费"] {
            XCTAssertTrue(page.contains("<dt>\(label)</dt>"), label)
        }
        // Five 返回目录 links, one per part, and a 目录 that lists every 附表.
        XCTAssertEqual(page.components(separatedBy: "<a href=\"#toc-title\">返回目录</a>").count - 1, 5)
        let tables = page.matches(of: /<section class="appendix-table" id="(table-[^"]+)"/).map { String($0.1) }
        XCTAssertFalse(tables.isEmpty)
        for anchor in tables { XCTAssertTrue(page.contains("<li><a href=\"#\(anchor)\">"), anchor) }
    }

    func testKeyFigureChangesAreWordedFromLastYearsFigures() {
        XCTAssertEqual(ReportExtras.figure("x", YearOnYear(current: .field(Figure(Amount(DecimalNumber("350.64")!, .wanYuan), at: .file("t"), path: "t")), previous: DecimalNumber("329.04")!))["change"] as? String, "比上年增加21.60（6.56%）")
        XCTAssertEqual(ReportExtras.figure("x", YearOnYear(current: .field(Figure(Amount(DecimalNumber("3474.81")!, .wanYuan), at: .file("t"), path: "t")), previous: DecimalNumber("3834.78")!))["change"] as? String, "比上年减少359.97（9.39%）")
        XCTAssertEqual(ReportExtras.figure("x", YearOnYear(current: .field(Figure(Amount(DecimalNumber("6")!, .wanYuan), at: .file("t"), path: "t")), previous: DecimalNumber("6")!))["change"] as? String, "与上年持平")
        XCTAssertEqual(ReportExtras.figure("x", YearOnYear(current: .field(Figure(Amount(DecimalNumber("6")!, .wanYuan), at: .file("t"), path: "t")), previous: nil))["change"] as? String, "上年数未公开")
        XCTAssertEqual(ReportExtras.figure("x", YearOnYear(current: .field(Figure(Amount(DecimalNumber("6")!, .wanYuan), at: .file("t"), path: "t")), previous: DecimalNumber("0")!))["change"] as? String, "比上年增加6.00")
    }

    func testTheYearSwitchLinksTheUnitsOtherReports() throws {
        XCTAssertFalse(try XCTUnwrap(try render(FixtureSite())["test-zzb/2023/index.html"]).contains("class=\"year-switch\""), "one year: no switch")
        let years = ReportExtras.years([2022, 2024, 2023], current: 2023)
        XCTAssertEqual(years.map { $0["year"] as? Int }, [2024, 2023, 2022])
        XCTAssertEqual(years.map { $0["url"] as? String }, ["../2024/index.html", "../2023/index.html", "../2022/index.html"])
        XCTAssertEqual(years.map { $0["current"] as? Bool }, [false, true, false])
    }
}
