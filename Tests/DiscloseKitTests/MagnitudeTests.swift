import DiscloseCore
@testable import DiscloseKit
import XCTest

/// 元 typed into 万元 fields: reported once, at the figure, with its value in 万元; the sums it breaks
/// are attached as notes instead of separate errors.
final class MagnitudeTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"

    func testYuanTypedIntoAWanYuanPartIsNamedOnceWithItsConvertedValue() throws {
        var site = FixtureSite()
        // 国内公务接待 0.40 万元 typed as 4000 (元); the 公务接待费 0.40 above it is right.
        site.edit(accounts, replacing: "domestic: {amount: 0.40", with: "domestic: {amount: 4000.00")
        let diagnostics = try site.check()
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.rule), ["UNIT-MAGNITUDE"], "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
        let d = try XCTUnwrap(errors.first)
        XCTAssertEqual(d.location.line, 41)
        XCTAssertEqual(d.expected, "0.40")
        XCTAssertEqual(d.actual, "4000.00")
        XCTAssertTrue(d.message.zh.contains("以元为单位的数填进了万元栏"), d.message.zh)
    }

    func testYuanTypedIntoATotalBlamesTheTotalNotAPart() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "  total: 100.00\n  balance", with: "  total: 1000000.00\n  balance")
        let errors = try site.check().filter { $0.severity == .error }
        let slip = try XCTUnwrap(errors.first { $0.rule == "UNIT-MAGNITUDE" }, "\(errors.map { "\($0.rule) \($0.message.zh)" })")
        XCTAssertEqual(slip.location.line, 20)
        XCTAssertEqual(slip.expected, "100.00")
        // Every sum that uses the figure (EXP-TOTAL, EXP-GRAND…) names it once, not each on its own.
        XCTAssertFalse(errors.contains { $0.rule == "EXP-TOTAL" || $0.rule == "EXP-GRAND" }, "\(errors.map { "\($0.rule) \($0.message.zh)" })")
        XCTAssertEqual(errors.filter { $0.location.line == 20 }.count, 1, "\(errors.map { "\($0.rule) \($0.message.zh)" })")
    }

    func testAFigureTenThousandTimesLastYearsLooksLikeYuan() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "agency_operating_cost:\n  amount: 10.00\n", with: "agency_operating_cost:\n  amount: 559800.00\n  previous: 67.62\n")
        let d = try XCTUnwrap(try site.check().first { $0.rule == "UNIT-MAGNITUDE" })
        XCTAssertEqual(d.location.line, 44)
        XCTAssertEqual(d.expected, "55.98")
        XCTAssertTrue(d.message.zh.contains("8279 倍"), d.message.zh)
    }

    func testASmallItemThatShrankIsNotAUnitSlip() throws {
        var site = FixtureSite()
        // A real fall from 12.00 to 0.01 is unusual but not a unit slip: the larger figure is small.
        site.edit(accounts, replacing: "agency_operating_cost:\n  amount: 10.00\n", with: "agency_operating_cost:\n  amount: 0.01\n  previous: 12.00\n")
        XCTAssertFalse(try site.check().contains { $0.rule == "UNIT-MAGNITUDE" })
    }
}
