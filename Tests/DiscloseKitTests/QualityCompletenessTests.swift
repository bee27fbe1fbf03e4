import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// 完整性 in the 公开质量自检 asks for what the report's table set publishes (`required_sections`): a
/// Shanghai report is not asked for project self-evaluation tables, a Sichuan report is.
final class QualityCompletenessTests: XCTestCase {
    let publication = QualityCheck.Publication(workbooks: true, pdf: true, search: true)

    func report(in content: URL, folder: String) throws -> Report {
        let tree = try XCTUnwrap(Checker.check(content: content, displayRoot: "Content").load.tree)
        return try XCTUnwrap(tree.reports.first { $0.folder.hasSuffix(folder) }, "\(tree.reports.map(\.folder))")
    }

    func completeness(_ report: Report) -> QualityCheck.Score {
        let score = QualityInputs(diagnostics: [], publication: publication).check(report, tables: [])
            .scores.first { $0.dimension == .completeness }
        return score!
    }

    func missingFiles(_ score: QualityCheck.Score) -> [String] {
        score.findings.map { $0.text.contains("income_by_function") ? "income_by_function" : ($0.place as NSString).lastPathComponent }
    }

    func testTheTableSetsSayWhichSectionsTheirReportsPublish() throws {
        XCTAssertEqual(TableSet.bundled["shanghai"]?.requiredSections, [.duties, .functional, .incomeByFunction])
        for id in ["sichuan-2020", "sichuan-2020-15", "sichuan-2023", "mof-9"] {
            XCTAssertEqual(TableSet.bundled[id]?.requiredSections.contains(.performance), true, id)
        }
    }

    func testAShanghaiReportIsNotAskedForSelfEvaluationTables() throws {
        let shanghai = try report(in: repositoryRoot.appendingPathComponent("Tests/Fixtures/shanghai"), folder: "putuo-shgzb/2024")
        XCTAssertEqual(shanghai.tableSetID, "shanghai")
        XCTAssertNil(shanghai.performance, "the real Shanghai report has no 项目支出绩效自评表")
        let score = completeness(shanghai)
        // It is asked for what Shanghai publishes: the 收入决算表 by function, which this fixture leaves out.
        XCTAssertEqual(missingFiles(score), ["income_by_function"], score.findings.map(\.text).description)
        XCTAssertEqual(score.points, 17)
        XCTAssertTrue(score.note.contains("上海市区级部门决算公开九张表"), score.note)

        // What Shanghai does publish still counts when it is missing.
        var bare = shanghai
        bare.narrative.duties = nil
        bare.accounts.functional = []
        XCTAssertEqual(missingFiles(completeness(bare)), ["duties.md", "accounts.yaml", "income_by_function"])

        // The same content under a Sichuan set is missing its self-evaluation tables too.
        var asSichuan = shanghai
        asSichuan.tableSetID = "sichuan-2023"
        let sichuanScore = completeness(asSichuan)
        XCTAssertEqual(missingFiles(sichuanScore), ["income_by_function", "performance.yaml"])
        XCTAssertEqual(sichuanScore.points, 13)
    }

    func testASichuanReportIsAskedForItsSelfEvaluationTables() throws {
        let sichuan = try report(in: repositoryRoot.appendingPathComponent("Content"), folder: "luzhou-zzb/2020")
        XCTAssertEqual(sichuan.tableSetID, "sichuan-2020")
        XCTAssertNotNil(sichuan.performance)
        // As published, its 收入决算表 has no rows by function (the only gap).
        let published = completeness(sichuan)
        XCTAssertEqual(missingFiles(published), ["income_by_function"], published.findings.map(\.text).description)
        XCTAssertEqual(published.points, 17)

        var withoutPerformance = sichuan
        withoutPerformance.performance = nil
        let score = completeness(withoutPerformance)
        XCTAssertEqual(missingFiles(score), ["income_by_function", "performance.yaml"])
        XCTAssertEqual(score.findings.last?.anchor, "#part-4")
        XCTAssertEqual(score.points, 13)

        // The same report under the Shanghai set is not asked for them.
        var asShanghai = withoutPerformance
        asShanghai.tableSetID = "shanghai"
        XCTAssertEqual(missingFiles(completeness(asShanghai)), ["income_by_function"])
        XCTAssertEqual(completeness(asShanghai).points, 17)
    }
}
