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
}
