import DiscloseCore
@testable import DiscloseKit
import XCTest

/// The 尾差 rule: beyond the rounding interval an error, a non-zero difference within it a
/// ROUNDING-TAIL warning naming the figure to adjust; `--fix-tails` applies it in the YAML text.
final class RoundingTailTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"

    /// 公务接待费 0.40 above 国内 0.40 + 外事 0.01: a cent apart, within ±0.015.
    func tailSite() -> FixtureSite {
        var site = FixtureSite()
        site.edit(accounts, replacing: "foreign: {amount: 0, batches: 0, persons: 0}", with: "foreign: {amount: 0.01, batches: 1, persons: 2}")
        return site
    }

    func testVerdictsFollowTheInterval() {
        let parts = [DecimalNumber("40.12")!, DecimalNumber("24.77")!]
        XCTAssertEqual(Tolerance.sumVerdict(total: DecimalNumber("64.89")!, parts: parts), .exact)
        XCTAssertEqual(Tolerance.sumVerdict(total: DecimalNumber("64.88")!, parts: parts), .tail(DecimalNumber("-0.01")!))
        XCTAssertEqual(Tolerance.sumVerdict(total: DecimalNumber("64.87")!, parts: parts), .inconsistent(DecimalNumber("-0.02")!))
        XCTAssertEqual(Tolerance.tailCarrier(of: parts), 0)
    }

    func testATailWithinTheIntervalIsAWarningNamingTheLargestPart() throws {
        let diagnostics = try tailSite().check()
        XCTAssertEqual(diagnostics.errorCount, 0, "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
        let d = assertDiagnostic(diagnostics, rule: .roundingTail, file: accounts, line: 41, column: 24, severity: .warning)
        XCTAssertEqual(d?.path, "three_public.reception.domestic.amount")
        XCTAssertEqual(d?.actual, "0.40")
        XCTAssertEqual(d?.expected, "0.39")
        XCTAssertTrue(d?.message.zh.contains("3P-RECEPTION") ?? false)
    }

    func testTheSplitOfBasicSpendingFollowsTheSameRule() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "personnel: {total: 70.00", with: "personnel: {total: 70.01")
        let diagnostics = try site.check()
        XCTAssertEqual(diagnostics.errorCount, 0, "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
        let d = assertDiagnostic(diagnostics, rule: .roundingTail, file: accounts, line: 35, column: 22, severity: .warning)
        XCTAssertEqual(d?.expected, "70.00")
        XCTAssertTrue(d?.message.zh.contains("BASIC-SPLIT") ?? false)
    }

    func testADifferenceBeyondTheIntervalIsStillAnError() throws {
        var site = FixtureSite()
        site.edit(accounts, replacing: "foreign: {amount: 0, batches: 0, persons: 0}", with: "foreign: {amount: 0.02, batches: 1, persons: 2}")
        let diagnostics = try site.check()
        XCTAssertTrue(diagnostics.contains { $0.rule == "3P-RECEPTION" && $0.severity == .error })
        XCTAssertFalse(diagnostics.contains { $0.rule == .roundingTail })
    }

    func testFixTailsAdjustsTheFigureKeepsCommentsAndSaysWhatItChanged() throws {
        var site = tailSite()
        site.edit(accounts, replacing: "three_public:\n", with: "three_public:   # 按决算报表填列\n")
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let outcome = TailFixer.fix(content: root, displayRoot: "Content")
        XCTAssertEqual(outcome.changes, [TailFixer.Change(file: "Content/\(accounts)", line: 41,
                                                          path: "three_public.reception.domestic.amount", from: "0.40", to: "0.39")])
        let text = try String(contentsOf: root.appendingPathComponent(accounts), encoding: .utf8)
        XCTAssertTrue(text.contains("three_public:   # 按决算报表填列\n"))
        XCTAssertTrue(text.contains("domestic: {amount: 0.39, batches: 2, persons: 10}"), text)
        XCTAssertEqual(Checker.check(content: root, displayRoot: "Content").diagnostics, [])
        XCTAssertTrue(TailFixer.text(outcome, language: .zh).contains("0.40 → 0.39"))
    }

    func testFixTailsLeavesAFigureThatOtherSumsNeed() throws {
        var site = FixtureSite()
        // 本年支出合计 100.00 over 基本 80.00 + 项目 20.01 (and the functional rows' 项目 20.00): adjusting
        // 基本支出 to 79.99 would break its tie to the functional rows (80.00), so that line stays.
        site.edit(accounts, replacing: "  project: 20.00\n  remit", with: "  project: 20.01\n  remit")
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let outcome = TailFixer.fix(content: root, displayRoot: "Content")
        XCTAssertFalse(outcome.changes.contains { $0.path == "expenditure.basic" })
        XCTAssertTrue(outcome.skipped.contains { $0.path == "expenditure.basic" }, "\(outcome.skipped)")
        let after = try String(contentsOf: root.appendingPathComponent(accounts), encoding: .utf8)
        XCTAssertTrue(after.contains("expenditure:\n  basic: 80.00\n"))
        XCTAssertTrue(TailFixer.text(outcome, language: .zh).contains("未调整"))
    }
}

/// A stated figure (a subtotal as the source prints it) is compared with its derived sum under the same
/// 尾差 rule: kept as printed, a tail within the interval, an error beyond it.
final class StatedSumTests: XCTestCase {
    let accounts = "test-zzb/2023/accounts.yaml"

    func site(classTotal: String) -> FixtureSite {
        var site = FixtureSite()
        site.edit(accounts, replacing: "basic_expenditure:",
                  with: "functional_stated:\n  - {code: \"201\", total: \(classTotal)}\nbasic_expenditure:")
        return site
    }

    func testAStatedSubtotalEqualToItsRowsPasses() throws {
        XCTAssertEqual(try site(classTotal: "100.00").check(), [])
    }

    func testAStatedSubtotalOffByATailIsAWarningAndStaysAsPrinted() throws {
        let site = site(classTotal: "100.01")
        let diagnostics = try site.check()
        XCTAssertEqual(diagnostics.errorCount, 0, "\(diagnostics.map { "\($0.rule) \($0.message.zh)" })")
        let d = try XCTUnwrap(diagnostics.first { $0.rule == .roundingTail })
        XCTAssertTrue(d.message.zh.contains("STATED-SUM"), d.message.zh)
        // The largest row (2013201 basic 80.00, line 29) carries the tail.
        XCTAssertEqual(d.location.line, 29)
        XCTAssertEqual(d.expected, "80.01")
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let report = try XCTUnwrap(Checker.check(content: root, displayRoot: "Content").load.tree?.reports.first)
        XCTAssertEqual(ReportFigures(report).functional[.generalBudget]?.line("201")?.shown(.total), DecimalNumber("100.01")!)
    }

    func testAStatedSubtotalBeyondTheIntervalIsAnErrorAtThePrintedFigure() throws {
        let diagnostics = try site(classTotal: "100.27").check()
        let d = try XCTUnwrap(diagnostics.first { $0.rule == "STATED-SUM" })
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.location.line, 35)
        XCTAssertEqual(d.actual, "100.27")
        XCTAssertEqual(d.expected, "100.00")
    }
}
