import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Attached project self-evaluation reports (project-reports/*.md) are content: their amounts and counts
/// are checked, with or without a self-evaluation table, and with or without a name; the page shows them.
final class ProjectReportTests: XCTestCase {
    let dir = "test-zzb/2023"
    static let performance = "management:\n  with_targets: 1\n  monitored: 1\n  self_evaluated: 1\nprojects:\n\(ReconciliationRuleTests.ProjectText.consistent)"

    func check(_ files: [String: String]) throws -> [Diagnostic] {
        var site = FixtureSite()
        for (path, text) in files { site.files["\(dir)/\(path)"] = text }
        return try site.check()
    }

    func text(_ ds: [Diagnostic]) -> String { ds.map { "\($0.location) \($0.rule) \($0.message.zh)" }.joined(separator: "\n") }

    func testAReportOfATabledProjectIsCheckedAgainstItsTable() throws {
        let report = "# 干部培训经费项目支出绩效自评报告\n\n本项目全年预算数20.00万元，全年执行20.00万元，执行率100%。\n"
        let quiet = try check(["performance.yaml": Self.performance, "project-reports/01.md": report])
        XCTAssertEqual(quiet.filter { $0.rule.rawValue.hasPrefix("TEXT") }, [], text(quiet))
        let wrong = try check(["performance.yaml": Self.performance, "project-reports/01.md": report.replacingOccurrences(of: "全年执行20.00", with: "全年执行18.00")])
        let fired = wrong.filter { $0.rule == "TEXT-AMOUNT" }
        XCTAssertEqual(fired.map { "\($0.location.file):\($0.location.line)" }, ["Content/\(dir)/project-reports/01.md:3"], text(wrong))
        XCTAssertTrue(fired.first?.message.zh.contains("18.00") == true)
    }

    /// No table holds the project: its budget in the report is compared with the budget another text gives it.
    func testAReportWithoutATableIsComparedWithTheOtherTexts() throws {
        let report = "# 干部档案数字化项目支出绩效自评报告\n\n项目全年预算数8.00万元，年内完成全部录入。\n"
        let quiet = try check(["project-reports/01.md": report, "performance-report.md": "干部档案数字化项目预算8.00万元，已完成。\n"])
        XCTAssertEqual(quiet.filter { $0.rule.rawValue.hasPrefix("TEXT") }, [], text(quiet))
        let wrong = try check(["project-reports/01.md": report, "performance-report.md": "干部档案数字化项目预算9.00万元，已完成。\n"])
        let fired = try XCTUnwrap(wrong.first { $0.rule == "TEXT-RESTATED" }, text(wrong))
        XCTAssertTrue(fired.message.zh.contains("9.00") && fired.message.zh.contains("8.00"), fired.message.zh)
    }

    func testTheCountOfAttachedReportsIsComparedWithTheFiles() throws {
        let files = ["project-reports/01.md": "# 干部培训经费项目支出绩效自评报告\n\n按计划完成。\n", "project-reports/02.md": "全年完成既定目标。\n"]
        let good = try check(files.merging(["performance-report.md": "附件共有项目支出绩效自评报告2份。\n"]) { a, _ in a })
        XCTAssertEqual(good.filter { $0.rule == "TEXT-COUNT" }, [], text(good))
        let bad = try check(files.merging(["performance-report.md": "附件共有项目支出绩效自评报告3份。\n"]) { a, _ in a })
        XCTAssertTrue(bad.contains { $0.rule == "TEXT-COUNT" && $0.message.zh.contains("3份") }, text(bad))
    }

    func testAReportWithoutANameIsNumberedAndItsAmountsListed() throws {
        let unnamed = Narrative.Document(markdown: "本项目全年预算数5.00万元。\n", file: "x.md")
        XCTAssertNil(unnamed.heading)
        XCTAssertNil(ProjectReports.projectName(of: unnamed))
        XCTAssertEqual(ProjectReports.projectName(of: Narrative.Document(markdown: "## 附件2：“干部档案数字化”项目支出绩效自评报告\n", file: "x.md")), "干部档案数字化")
        var site = FixtureSite()
        site.files["\(dir)/project-reports/01.md"] = "本项目全年预算数5.00万元，主要用于培训。\n"
        site.files["\(dir)/project-reports/02.md"] = "# 干部档案数字化项目支出绩效自评报告\n\n全年完成 **全部** 录入。\n"
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = Checker.check(content: root, displayRoot: "Content")
        XCTAssertFalse(result.hasErrors, text(result.diagnostics))
        XCTAssertTrue(Checker.uncheckedNarrativeAmounts(result).contains { $0.status == .unlinked && $0.value == DecimalNumber("5.00") })
        let report = try XCTUnwrap(result.load.tree?.reports.first)
        let part4 = PerformanceContext(report: report).context()
        let listed = try XCTUnwrap(part4["projectReports"] as? [[String: Any]])
        XCTAssertEqual(listed.map { $0["title"] as? String }, ["项目支出绩效自评报告（1）", "干部档案数字化项目支出绩效自评报告"])
        XCTAssertEqual(listed[1]["html"] as? String, MarkdownRenderer.html("\n全年完成 **全部** 录入。\n", headingOffset: 2))
    }
}
