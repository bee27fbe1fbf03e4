import DiscloseCore
@testable import DiscloseKit
import XCTest

/// Each report is checked against its own year's code list; names a report prints are kept.
final class CodeEditionCheckTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"

    func testACodeOnlyInALaterEditionNamesThatEdition() throws {
        var site = FixtureSite()
        // 2014001 (信访事务—行政运行) exists from the 2024 edition; the fixture report is for 2023.
        site.edit(accounts, replacing: "code: \"2013202\"", with: "code: \"2014001\"")
        let d = assertDiagnostic(try site.check(), rule: .unknownCode, file: accounts, line: 31, column: 11)
        XCTAssertTrue(d?.message.zh.contains("2024 年版") ?? false, d?.message.zh ?? "")
        XCTAssertTrue(d?.message.zh.contains("2023 年版") ?? false, d?.message.zh ?? "")
    }

    func testACodeWithdrawnBeforeTheReportYearNamesTheEditionThatHadIt() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/report.yaml", replacing: "year: 2023", with: "year: 2024")
        site.files["test-zzb/2024/report.yaml"] = site.files["test-zzb/2023/report.yaml"]
        site.files["test-zzb/2024/accounts.yaml"] = site.files[accounts]!.replacingOccurrences(of: "code: \"2013202\"", with: "code: \"2010308\"")
        site.files["test-zzb/2024/duties.md"] = site.files["test-zzb/2023/duties.md"]
        for file in ["report.yaml", "accounts.yaml", "duties.md"] { site.files["test-zzb/2023/\(file)"] = nil }
        let d = assertDiagnostic(try site.check(), rule: .unknownCode, file: "test-zzb/2024/accounts.yaml", line: 31, column: 11)
        XCTAssertTrue(d?.message.zh.contains("2023 年版") ?? false, d?.message.zh ?? "")
        XCTAssertTrue(d?.message.zh.contains("停用") ?? false, d?.message.zh ?? "")
    }

    func testANamePrintedByTheReportIsAWarningAndIsShownAsPrinted() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  - code: \"2013201\"\n", with: "  - code: \"2013201\"\n    name: 机关行政运行\n")
        let diagnostics = try site.check()
        let d = assertDiagnostic(diagnostics, rule: .misnamedCode, file: accounts, line: 29, column: 11, severity: .warning)
        XCTAssertEqual(d?.expected, "行政运行")
        XCTAssertEqual(diagnostics.errorCount, 0)
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let tree = try XCTUnwrap(Checker.check(content: root, displayRoot: "Content").load.tree)
        let report = try XCTUnwrap(tree.reports.first)
        XCTAssertEqual(report.accounts.functional.first?.name?.value, "机关行政运行")
        XCTAssertEqual(TableBuilder(report: report, unitName: "测试").name(of: "2013201"), "机关行政运行")
        XCTAssertEqual(TableBuilder(report: report, unitName: "测试").name(of: "2013202"), "一般行政管理事务")
    }

    // MARK: 部门经济分类 editions

    func testEconomicEditionsFollowTheChangesSinceThe2018Reform() throws {
        let lists = CodeLists.bundled
        for year in 2018...2025 {
            XCTAssertEqual(lists.list(.economic, year: year)?.edition, year, "an economic edition for \(year)")
        }
        let y2018 = try XCTUnwrap(lists.list(.economic, year: 2018))
        let y2019 = try XCTUnwrap(lists.list(.economic, year: 2019))
        let y2024 = try XCTUnwrap(lists.list(.economic, year: 2024))
        XCTAssertNil(y2018["30311"], "代缴社会保险费 is not in the 2018 reform list")
        XCTAssertEqual(y2019["30311"]?.name, "代缴社会保险费")
        XCTAssertNil(y2019["39909"])
        XCTAssertEqual(lists.list(.economic, year: 2021)?["39909"]?.name, "经常性赠与")
        // Printed by the 2024 and 2025 Shanghai reports (seeds/other-provinces 02, 03, 06).
        XCTAssertEqual(y2024["30217"]?.name, "公务接待费")
        XCTAssertEqual(y2024["30311"]?.name, "代缴社会保险费")
        XCTAssertEqual(lists.list(.economic, year: 2025)?["30231"]?.name, "公务用车运行维护费")
    }

    func testAnEconomicCodeAddedAfterTheReportYearNamesTheEditionThatHasIt() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/report.yaml", replacing: "year: 2023", with: "year: 2018")
        site.edit("test-zzb/2023/report.yaml", replacing: "tables: sichuan-2023", with: "tables: sichuan-2020")
        site.files["test-zzb/2018/report.yaml"] = site.files["test-zzb/2023/report.yaml"]
        site.files["test-zzb/2018/accounts.yaml"] = site.files[accounts]!.replacingOccurrences(of: "items: [\"30101\"]", with: "items: [\"30101\", \"30311\"]")
        site.files["test-zzb/2018/duties.md"] = site.files["test-zzb/2023/duties.md"]
        for file in ["report.yaml", "accounts.yaml", "duties.md"] { site.files["test-zzb/2023/\(file)"] = nil }
        let diagnostics = try site.check()
        let unknown = diagnostics.filter { $0.rule == .unknownCode && $0.actual == "30311" }
        XCTAssertEqual(unknown.count, 1, diagnostics.map { "\($0.rule.rawValue) \($0.message.zh)" }.joined(separator: "\n"))
        XCTAssertTrue(unknown.first?.message.zh.contains("2019 年版") ?? false, unknown.first?.message.zh ?? "")
        XCTAssertTrue(unknown.first?.message.zh.contains("2018 年版") ?? false, unknown.first?.message.zh ?? "")
        XCTAssertTrue(unknown.first?.message.zh.contains("代缴社会保险费") ?? false, unknown.first?.message.zh ?? "")
    }

    // MARK: Names the seed reports print

    /// Every code+name pair a real published report prints in full (Tests/Fixtures/seed-code-names.csv,
    /// written by scripts/codes/seed-code-names.py from ../shared/seeds) is the bundled name of that code
    /// in the edition of the report's year.
    func testEveryNameTheSeedReportsPrintIsTheBundledNameOfItsYear() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/seed-code-names.csv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        XCTAssertGreaterThan(rows.count, 250)
        var years = Set<Int>()
        for row in rows {
            let cols = row.split(separator: ",").map(String.init)
            let year = try XCTUnwrap(Int(cols[0])), code = cols[1], name = cols[2]
            years.insert(year)
            let kind: CodeKind = code.hasPrefix("3") ? .economic : .functional
            let list = try XCTUnwrap(CodeLists.bundled.list(kind, year: year))
            XCTAssertEqual(list.edition, year)
            XCTAssertEqual(list[code]?.name, name, "\(code) as printed by \(cols[3])")
        }
        XCTAssertEqual(years, [2020, 2023, 2024, 2025])
    }

    /// A table that prints its own short name (the 2024 Shanghai 规划和自然资源局 report prints
    /// “2080505 基本养老保险”) keeps it, with a warning.
    func testAShortNameATablePrintsIsAWarningNotAnError() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  - code: \"2013202\"\n", with: "  - code: \"2013202\"\n    name: 一般行政管理\n")
        let diagnostics = try site.check()
        let d = assertDiagnostic(diagnostics, rule: .misnamedCode, file: accounts, line: 32, column: 11, severity: .warning)
        XCTAssertEqual(d?.expected, "一般行政管理事务")
        XCTAssertEqual(d?.actual, "一般行政管理")
        XCTAssertEqual(diagnostics.errorCount, 0)
    }
}
