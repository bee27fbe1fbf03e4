import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// `check --format json` and `check --coverage`: every rule per report as passed, failed, or not
/// checked with the reason.
final class CoverageTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"

    func coverage(_ site: FixtureSite) throws -> (Checker.Result, [ReportCoverage]) {
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = Checker.check(content: root, displayRoot: "Content")
        return (result, Checker.coverage(result))
    }

    func outcome(_ coverage: [ReportCoverage], _ rule: RuleID) -> RuleOutcome? {
        coverage.first?.outcomes.first { $0.rule == rule }
    }

    func testEveryRuleHasAnOutcomeAndMissingInputsSayWhy() throws {
        let (_, coverage) = try coverage(FixtureSite())
        XCTAssertEqual(coverage.count, 1)
        XCTAssertEqual(coverage.first?.outcomes.count, ReconciliationRules.all.count)
        XCTAssertEqual(outcome(coverage, "EXP-TOTAL")?.status, .passed)
        let previous = try XCTUnwrap(outcome(coverage, "PREV-YEAR"))
        XCTAssertEqual(previous.status, .notChecked)
        XCTAssertTrue(previous.reason?.zh.contains("上一年度的报告") ?? false)
        XCTAssertEqual(outcome(coverage, "STAFFING")?.status, .notChecked)
        XCTAssertEqual(coverage.first?.count(.failed), 0)
    }

    func testAFailingRuleIsFailedWithItsCounts() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  total: 100.00\n  balance", with: "  total: 99.00\n  balance")
        let (_, coverage) = try coverage(site)
        let failed = try XCTUnwrap(outcome(coverage, "EXP-TOTAL"))
        XCTAssertEqual(failed.status, .failed)
        XCTAssertEqual(failed.errors, 1)
    }

    func testATableSetsSkippedRuleIsNotCheckedWithItsReason() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/report.yaml", replacing: "tables: sichuan-2023", with: "tables: shanghai")
        let (_, coverage) = try coverage(site)
        let skipped = try XCTUnwrap(outcome(coverage, "AGENCY-COST"))
        XCTAssertEqual(skipped.status, .notChecked)
        XCTAssertTrue(skipped.reason?.zh.contains("shanghai") ?? false)
    }

    func testJSONAndTextCarryTheSummary() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  total: 100.00\n  balance", with: "  total: 99.00\n  balance")
        let (result, coverage) = try coverage(site)
        let json = DiagnosticRenderer.json(result.diagnostics, language: .zh, coverage: coverage)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let reports = try XCTUnwrap(object["coverage"] as? [[String: Any]])
        XCTAssertEqual(reports.first?["report"] as? String, "Content/test-zzb/2023")
        let rules = try XCTUnwrap(reports.first?["rules"] as? [[String: Any]])
        XCTAssertTrue(rules.contains { $0["rule"] as? String == "EXP-TOTAL" && $0["status"] as? String == "failed" })
        XCTAssertTrue(rules.contains { $0["rule"] as? String == "PREV-YEAR" && $0["status"] as? String == "not_checked" && $0["reason"] is String })
        let text = DiagnosticRenderer.coverageText(coverage, language: .zh)
        XCTAssertTrue(text.contains("未通过 EXP-TOTAL"), text)
        XCTAssertTrue(text.contains("未检查 PREV-YEAR："), text)
    }
}
