import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// `disclose build`: the site's files, their determinism, the atomic replacement of Output/, and escaping.
final class SiteBuildTests: XCTestCase {
    var templates: URL { repositoryRoot.appendingPathComponent("Templates") }

    func builder(content: URL, output: URL) -> SiteBuilder {
        SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: templates, templatesDisplay: "Templates", output: output))
    }

    func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("disclose-site-\(UUID().uuidString)")
    }

    func render(_ content: URL) throws -> [String: Data] {
        let (files, result) = builder(content: content, output: temporary().appendingPathComponent("Output")).render()
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [])
        return try XCTUnwrap(files)
    }

    func testTheSampleSiteHasEveryStableURL() throws {
        let files = try render(repositoryRoot.appendingPathComponent("Content"))
        for path in ["index.html", "404.html", "sitemap.xml", "assets/site.css", "luzhou-zzb/index.html", "luzhou-zzb/2020/index.html",
                     "luzhou-zzb/2020/report.json", "miyi-zzb/2020/tables/agency-assets-procurement.csv",
                     "panzhihua-xiqu-zzb/2023/tables/three-public.csv", "panzhihua-xiqu-zzb/2023/tables/income-expenditure-summary.csv"] {
            XCTAssertNotNil(files[path], path)
        }
        // The table set decides the tables: 14 for 泸州 2020, 15 for 米易 2020, 13 for 西区 2023.
        XCTAssertEqual(files.keys.filter { $0.hasPrefix("luzhou-zzb/2020/tables/") }.count, 14)
        XCTAssertEqual(files.keys.filter { $0.hasPrefix("miyi-zzb/2020/tables/") }.count, 15)
        XCTAssertEqual(files.keys.filter { $0.hasPrefix("panzhihua-xiqu-zzb/2023/tables/") }.count, 13)
        let sitemap = String(decoding: files["sitemap.xml"]!, as: UTF8.self)
        XCTAssertTrue(sitemap.contains("<loc>https://example.gov.cn/juesuan/luzhou-zzb/2020/</loc>"), sitemap)
    }

    func testWorkbooksAreBuiltOnRequestAndLinkedFromTheReport() throws {
        let content = repositoryRoot.appendingPathComponent("Content")
        let plain = try render(content)
        XCTAssertNil(plain["luzhou-zzb/2020/tables.xlsx"])
        XCTAssertFalse(String(decoding: plain["luzhou-zzb/2020/index.html"]!, as: UTF8.self).contains("tables.xlsx"))
        let (files, _) = SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: templates, templatesDisplay: "Templates",
                                                    output: temporary(), workbooks: true)).render()
        let workbook = try XCTUnwrap(files?["luzhou-zzb/2020/tables.xlsx"])
        // The same workbook as `disclose export` writes.
        guard case .workbook(let exported, _) = try ReportExport.xlsx(content: content, displayRoot: "Content", unitID: "luzhou-zzb", year: 2020) else {
            return XCTFail("the sample report exports")
        }
        XCTAssertEqual(workbook, exported)
        let page = String(decoding: try XCTUnwrap(files?["luzhou-zzb/2020/index.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains(#"<a href="tables.xlsx" download="luzhou-zzb-2020-附表.xlsx">全部附表（Excel）</a>"#), page)
    }

    func testPart2SentencesComeFromTheData() throws {
        let files = try render(repositoryRoot.appendingPathComponent("Content"))
        let page = String(decoding: files["panzhihua-xiqu-zzb/2023/index.html"]!, as: UTF8.self)
        XCTAssertTrue(page.contains("2023年度收、支总计均为350.64万元。与2022年度相比，收、支总计各增加21.60万元，增长6.56%。"))
        XCTAssertTrue(page.contains("其中：一般公共预算财政拨款收入295.00万元，占92.95%；政府性基金预算财政拨款收入22.34万元，占7.04%；其他收入0.02万元，占0.01%。"))
        // The share the published document got wrong (6.66%) is derived correctly.
        XCTAssertTrue(page.contains("住房保障支出20.14万元，占6.67%"))
        XCTAssertTrue(page.contains("机关运行经费支出27.37万元，比2022年度增加2.72万元，增长11.03%。"))
        let luzhou = String(decoding: files["luzhou-zzb/2020/index.html"]!, as: UTF8.self)
        XCTAssertTrue(luzhou.contains("收、支总计各减少359.97万元，下降9.39%"))
        XCTAssertTrue(luzhou.contains("公务用车购置及运行维护费支出决算与2019年度持平"))
        XCTAssertTrue(luzhou.contains("2020年度本部门没有使用政府性基金预算财政拨款安排的支出。"))
        XCTAssertFalse(luzhou.contains("nil"))
    }

    func testTablesFollowTheOfficialLayouts() throws {
        let files = try render(repositoryRoot.appendingPathComponent("Content"))
        let summary = String(decoding: files["panzhihua-xiqu-zzb/2023/tables/income-expenditure-summary.csv"]!, as: UTF8.self)
        XCTAssertTrue(summary.hasPrefix("\u{FEFF}一、收入支出决算总表\r\n单位：万元\r\n"))
        XCTAssertTrue(summary.contains("一、一般公共预算财政拨款收入,295.00,一、一般公共服务支出,220.27\r\n"), summary)
        XCTAssertTrue(summary.contains("总计,350.64,总计,350.64\r\n"))
        let fund = String(decoding: files["luzhou-zzb/2020/tables/government-fund.csv"]!, as: UTF8.self)
        XCTAssertTrue(fund.contains("说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"), fund)
        let gpb = String(decoding: files["panzhihua-xiqu-zzb/2023/tables/general-budget.csv"]!, as: UTF8.self)
        XCTAssertTrue(gpb.contains("201,32,01,行政运行,208.55,208.55,\r\n"), gpb)
        XCTAssertTrue(gpb.contains("合计,,,,301.96,283.91,18.05\r\n"), gpb)
    }

    func testTwoBuildsAreByteIdentical() throws {
        let content = repositoryRoot.appendingPathComponent("Content")
        let first = try render(content), second = try render(content)
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (path, data) in first { XCTAssertEqual(data, second[path], path) }
    }

    func testAFailingBuildLeavesTheOutputByteIdentical() throws {
        let root = temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output")
        var site = FixtureSite()
        let content = try site.write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        XCTAssertTrue(builder(content: content, output: output).build().written)
        let before = try snapshot(output)
        XCTAssertFalse(before.isEmpty)
        site.edit("test-zzb/2023/accounts.yaml", replacing: "  total: 100.00", with: "  total: 101.00")
        let broken = try site.write()
        defer { try? FileManager.default.removeItem(at: broken.deletingLastPathComponent()) }
        let result = builder(content: broken, output: output).build()
        XCTAssertFalse(result.written)
        XCTAssertTrue(result.diagnostics.contains { $0.rule == "INC-TOTAL" })
        XCTAssertEqual(try snapshot(output), before)
        // No staging folder is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["Output"])
    }

    func testASuccessfulBuildReplacesTheOutputAndCleansLeftovers() throws {
        let root = temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("stale.html"))
        // An earlier disclose output (it carries the marker), so it may be replaced.
        try Data().write(to: output.appendingPathComponent(OutputOwnership.markerName))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".Output.staging-123"), withIntermediateDirectories: true)
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        XCTAssertTrue(builder(content: content, output: output).build().written)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("test-zzb/2023/index.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["Output"])
    }

    func testAnOutputThatWouldDestroyContentIsRefused() throws {
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        for output in [content, content.deletingLastPathComponent(), URL(fileURLWithPath: "/")] {
            let result = builder(content: content, output: output).build()
            XCTAssertFalse(result.written, output.path)
            XCTAssertTrue(result.diagnostics.contains { $0.rule == "OUTPUT-UNSAFE" }, output.path)
        }
    }

    func testHostileContentRendersInert() throws {
        var site = FixtureSite()
        site.files["test-zzb/unit.yaml"] = FixtureSite.unit.replacingOccurrences(of: "name: 中国共产党测试县委员会组织部", with: "name: \"测试<b>局</b> & \\\"甲\\\" '乙'\"")
        site.files["test-zzb/2023/duties.md"] = """
        1. 负责组织建设。<script>alert(1)</script>
        2. [点击](javascript:alert(2)) <img src=x onerror=alert(3)>

        <iframe src="https://evil.example"></iframe>
        """
        site.edit("test-zzb/2023/accounts.yaml", replacing: "agency_operating_cost:\n  amount: 10.00",
                  with: "agency_operating_cost:\n  amount: 10.00\n  reason: \"<script>alert(4)</script>人员增加\"")
        let files = try render(try site.write())
        let page = String(decoding: files["test-zzb/2023/index.html"]!, as: UTF8.self)
        // The only script is the site's own copy-button file.
        let scripts = page.components(separatedBy: "<script").dropFirst()
        XCTAssertEqual(scripts.count, 1, "script tag passed through")
        XCTAssertTrue(scripts.allSatisfy { $0.hasPrefix(" src=\"../../assets/copy.js\" defer></script>") })
        XCTAssertFalse(page.contains("javascript:"))
        XCTAssertFalse(page.contains("onerror"))
        XCTAssertFalse(page.contains("<iframe"))
        XCTAssertFalse(page.contains("<b>局</b>"))
        XCTAssertTrue(page.contains("测试&lt;b&gt;局&lt;/b&gt; &amp; &quot;甲&quot; &#39;乙&#39;"), "unit name not escaped")
        let json = String(decoding: files["test-zzb/2023/report.json"]!, as: UTF8.self)
        XCTAssertFalse(json.contains("<b>"))
        let home = String(decoding: files["index.html"]!, as: UTF8.self)
        XCTAssertFalse(home.contains("<b>局</b>"))
    }

    func testCSVCellsCannotRunSpreadsheetFormulas() {
        XCTAssertEqual(CSVWriter.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVWriter.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVWriter.field("-5.00"), "-5.00")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
    }

    func snapshot(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: dir.path) else { return [:] }
        for case let path as String in e {
            var isDir: ObjCBool = false
            let url = dir.appendingPathComponent(path)
            if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { out[path] = try Data(contentsOf: url) }
        }
        return out
    }
}

final class SiteExtrasTests: XCTestCase {
    func testAUnitWithSeveralYearsGetsATrendChart() throws {
        let files = ConsistentReportGenerator().unitFiles(seed: 5, unitID: "u1", index: 0, years: [2021, 2022, 2023])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-trend-\(UUID().uuidString)/Content")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for (path, text) in files.merging(["site.yaml": ConsistentReportGenerator.siteYAML], uniquingKeysWith: { a, _ in a }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let builder = SiteBuilder(options: .init(content: root, contentDisplay: "Content",
                                                 templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                 output: root.deletingLastPathComponent().appendingPathComponent("Output")))
        let (built, result) = builder.render()
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location) \($0.message.zh)" }, [])
        let site = try XCTUnwrap(built)
        let trend = String(decoding: try XCTUnwrap(site["u1/charts/trend.svg"]), as: UTF8.self)
        XCTAssertTrue(trend.contains("2021年度") && trend.contains("2023年度"))
        let unitPage = String(decoding: try XCTUnwrap(site["u1/index.html"]), as: UTF8.self)
        XCTAssertTrue(unitPage.contains("历年收、支总计"))
        // Newest first on the unit page.
        let newest = try XCTUnwrap(unitPage.range(of: "2023/index.html")), oldest = try XCTUnwrap(unitPage.range(of: "2021/index.html"))
        XCTAssertLessThan(newest.lowerBound, oldest.lowerBound)
    }

    func testSymbolicLinksInTemplatesAreNotPublished() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-symlink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
        try FileManager.default.createSymbolicLink(atPath: templates.appendingPathComponent("assets/passwd").path, withDestinationPath: "/etc/passwd")
        guard case .success(let set) = TemplateSet.load(templates, display: "Templates") else { return XCTFail("templates did not load") }
        XCTAssertFalse(set.assets.contains { $0.path == "assets/passwd" })
        XCTAssertTrue(set.assets.contains { $0.path == "assets/site.css" })
    }
}
