import DiscloseCore
@testable import DiscloseKit
import XCTest

/// A Shanghai district report (table set `shanghai`, as in ../shared/seeds/other-provinces): it
/// publishes no 内设机构 count, no reception batches and no vehicle 车型, uses the 部级领导干部用车
/// category, prints its own 款/项 names, and the AGENCY-COST and PROJECT-COUNT warnings do not apply.
final class ShanghaiTableSetTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"
    let report = "test-zzb/2023/report.yaml"

    func shanghaiSite() -> FixtureSite {
        var site = FixtureSite()
        site.edit(report, replacing: "tables: sichuan-2023", with: "tables: shanghai")
        site.edit(report, replacing: "  internal_divisions: 3\n", with: "")
        site.edit(accounts, replacing: "domestic: {amount: 0.40, batches: 2, persons: 10}", with: "domestic: {amount: 0.40, persons: 10}")
        site.edit(accounts, replacing: "foreign: {amount: 0, batches: 0, persons: 0}", with: "foreign: {amount: 0, persons: 0}")
        site.edit(accounts, replacing: "agency_operating_cost:\n", with: "  vehicles_held:\n    - {count: 0}\nagency_operating_cost:\n")
        site.edit(accounts, replacing: "- {type: 其他用车, count: 0}", with: "- {type: 部级领导干部用车, count: 0}\n    - {type: 离退休干部用车, count: 0}")
        // 机关运行经费 differs from 公用经费, as it does for departments of mostly 事业单位.
        site.edit(accounts, replacing: "agency_operating_cost:\n  amount: 10.00", with: "agency_operating_cost:\n  amount: 12.00")
        site.files["test-zzb/2023/performance.yaml"] = "management:\n  with_targets: 1\n  monitored: 1\n  self_evaluated: 6\n"
        return site
    }

    func testAShanghaiReportNeedsOnlyWhatShanghaiPublishes() throws {
        let diagnostics = try shanghaiSite().check()
        XCTAssertEqual(diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [])
    }

    func testTheSameReportUnderASichuanSetMissesThoseFieldsAndGetsTheWarnings() throws {
        var site = shanghaiSite()
        site.edit(report, replacing: "tables: shanghai", with: "tables: sichuan-2023")
        let diagnostics = try site.check()
        let missing = diagnostics.filter { $0.rule == .missingField }.map(\.path).sorted()
        XCTAssertEqual(missing, ["organization.internal_divisions", "three_public.reception.domestic.batches",
                                 "three_public.reception.foreign.batches", "three_public.vehicles_held[0].type"])
        XCTAssertTrue(diagnostics.contains { $0.rule == "AGENCY-COST" })
        XCTAssertTrue(diagnostics.contains { $0.rule == "PROJECT-COUNT" })
    }

    func testAShanghaiReportStillGetsEveryOtherRule() throws {
        var site = shanghaiSite()
        site.edit(accounts, replacing: "  total: 100.00\n  balance", with: "  total: 99.00\n  balance")
        XCTAssertTrue(try site.check().contains { $0.rule == "EXP-TOTAL" && $0.severity == .error })
    }

    func testPagesLeaveOutWhatIsNotPublished() throws {
        let root = try shanghaiSite().write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let report = try XCTUnwrap(Checker.check(content: root, displayRoot: "Content").load.tree?.reports.first)
        XCTAssertNil(report.organization.internalDivisions)
        XCTAssertNil(report.accounts.threePublic.domesticReception.batches)
        XCTAssertEqual(TableSet.bundled["shanghai"]?.tables.count, 9)
    }
}
