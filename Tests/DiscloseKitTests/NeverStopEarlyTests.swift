import DiscloseCore
@testable import DiscloseKit
import XCTest

/// One structural error never silences the reconciliation rules: an unknown code is an error on its
/// line, and every other inconsistency of the report is still reported.
final class NeverStopEarlyTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"

    func testAnUnknownCodeDoesNotSilenceTheOtherRules() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "code: \"2013202\"", with: "code: \"2019876\"")
        site.edit(accounts, replacing: "  total: 100.00\n  balance_distribution", with: "  total: 101.00\n  balance_distribution")
        let diagnostics = try site.check()
        let unknown = diagnostics.filter { $0.rule == .unknownCode }
        XCTAssertEqual(unknown.count, 1, "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
        XCTAssertEqual(unknown.first?.actual, "2019876")
        // The broken expenditure total is still found, and points at its own line.
        let total = diagnostics.first { $0.rule == "EXP-TOTAL" }
        XCTAssertNotNil(total, "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
        XCTAssertEqual(total?.actual, "101.00")
        XCTAssertEqual(total?.location.line, 20)
    }

    func testARowWithAnUnknownCodeStillCountsInItsTotals() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "code: \"2013202\"", with: "code: \"2019876\"")
        let diagnostics = try site.check()
        // Only the code is wrong: its 20.00 still counts, so no sum rule fires.
        XCTAssertEqual(diagnostics.map(\.rule), [.unknownCode])
    }

    func testAMalformedFigureDropsOnlyTheFindingsThatInvolveIt() throws {
        var site = FixtureSite()
        // A malformed project figure (read as unreadable) and, independently, a wrong reception split.
        site.edit(accounts, replacing: "  project: 20.00\n  remit", with: "  project: 20,00\n  remit")
        site.edit(accounts, replacing: "domestic: {amount: 0.40", with: "domestic: {amount: 0.30")
        let diagnostics = try site.check()
        XCTAssertTrue(diagnostics.contains { $0.rule == .malformedNumber }, "\(diagnostics.map(\.rule))")
        // The expenditure total involves the unreadable figure: not repeated as a sum error.
        XCTAssertFalse(diagnostics.contains { $0.rule == "EXP-TOTAL" }, "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
        // The reception figures are readable: their inconsistency is still reported.
        XCTAssertTrue(diagnostics.contains { $0.rule == "3P-RECEPTION" },
                      "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
    }
}
