@testable import DiscloseCore
@testable import DiscloseKit
import XCTest

/// A row 1,000 times its siblings while the sum above it holds (the total was added up with the slip
/// in it): 元 typed as 万元 is an error at that row when a second sign of 元 is present; a genuinely
/// small or large row beside its peers is not.
final class SiblingMagnitudeTests: XCTestCase {
    /// The fixture's 2023 report with its 组织事务 项 replaced by `rows` (code, basic, budget).
    func findings(_ rows: [(String, String, String?)], previous: [(String, String)] = []) throws -> [Diagnostic] {
        let root = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        var report = try XCTUnwrap(Checker.check(content: root, displayRoot: "Content").load.tree?.reports.first)
        func row(_ index: Int, _ code: String, _ basic: String, _ budget: String?) -> FunctionalRow {
            let at = SourceLocation(file: "accounts.yaml", line: 100 + index, column: 3)
            return FunctionalRow(code: Located(code, at: at), fund: .generalBudget,
                                 kinds: [.basic: Figure(Amount(DecimalNumber(basic)!, .wanYuan), at: at, path: "functional[\(index)].basic")],
                                 budget: budget.map { Figure(Amount(DecimalNumber($0)!, .wanYuan), at: at, path: "functional[\(index)].budget") },
                                 location: at, path: "functional[\(index)]")
        }
        report.accounts.functional = rows.enumerated().map { row($0.offset, $0.element.0, $0.element.1, $0.element.2) }
        var last: Report?
        if !previous.isEmpty {
            var before = report
            before.year = report.year - 1
            before.accounts.functional = previous.enumerated().map { row($0.offset, $0.element.0, $0.element.1, nil) }
            last = before
        }
        let context = RuleContext(report: report, previousReport: last, functionalCodes: CodeLists.bundled.list(.functional, year: report.year))
        return MagnitudeRules.siblingSlips(context)
    }

    func testAWholeNumberOfYuanAmongWanYuanSiblingsIsNamed() throws {
        let d = try findings([("2013201", "30.00", nil), ("2013202", "20.00", nil), ("2013250", "500000.00", nil)])
        XCTAssertEqual(d.map(\.rule), ["UNIT-MAGNITUDE"])
        XCTAssertEqual(d.first?.path, "functional[2].basic")
        XCTAssertEqual(d.first?.expected, "50.00")
        XCTAssertTrue(d.first?.message.zh.contains("以元为单位的数填进了万元栏") ?? false, d.first?.message.zh ?? "")
    }

    func testARowWithCentsIsNamedWhenItsOwnBudgetIsInWanYuan() throws {
        let d = try findings([("2013201", "30.00", "30.00"), ("2013202", "20.00", "20.00"), ("2013250", "486512.37", "48.65")])
        XCTAssertEqual(d.map(\.path), ["functional[2].basic"])
        XCTAssertEqual(d.first?.expected, "48.65")
        XCTAssertTrue(d.first?.message.zh.contains("预算数为 48.65") ?? false, d.first?.message.zh ?? "")
    }

    func testARowWithCentsIsNamedWhenLastYearsRowIsInWanYuan() throws {
        let d = try findings([("2013201", "30.00", nil), ("2013202", "20.00", nil), ("2013250", "486512.37", nil)],
                             previous: [("2013250", "45.10")])
        XCTAssertEqual(d.map(\.path), ["functional[2].basic"])
    }

    func testALargeRowBesideSmallOnesIsNotASlipWithoutASecondSign() throws {
        // 行政运行 2,000 beside rows of 0.50 and 1.20: 1,600 times its peers, but real.
        XCTAssertEqual(try findings([("2013201", "2000.00", "2000.00"), ("2013202", "0.50", nil), ("2013299", "1.20", nil)]).count, 0)
        // Its budget agrees with it; last year's row too.
        XCTAssertEqual(try findings([("2013201", "2000.00", "1990.00"), ("2013202", "0.50", nil), ("2013299", "1.20", nil)],
                                    previous: [("2013201", "1900.00")]).count, 0)
    }

    func testAGenuinelySmallRowIsNotEvidence() throws {
        // A 0.01 row beside 500 and 600: the small one is not flagged, and neither are its peers.
        XCTAssertEqual(try findings([("2013201", "500.00", nil), ("2013202", "600.00", nil), ("2013299", "0.01", nil)]).count, 0)
        // Two tiny rows and one whole number below 100,000 without budget or last year: not enough.
        XCTAssertEqual(try findings([("2013201", "20000.00", nil), ("2013202", "0.50", nil), ("2013299", "1.00", nil)]).count, 0)
    }

    func testTheRuleRunsInTheCheckerOnASiblingSlip() throws {
        var site = FixtureSite()
        // Three 公用经费 items, one typed in 元 (300000) beside 4.00 and 6.00 万元.
        site.edit("test-zzb/2023/accounts.yaml", replacing: "public: {total: 10.00, items: [\"30201\"]}",
                  with: "public: {total: 300010.00, items: [{code: \"30201\", amount: 4.00}, {code: \"30205\", amount: 6.00}, {code: \"30211\", amount: 300000.00}]}")
        let diagnostics = try site.check()
        let slip = try XCTUnwrap(diagnostics.first { $0.rule == "UNIT-MAGNITUDE" && $0.actual == "300000.00" },
                                 diagnostics.map { "\($0.rule) \($0.message.zh)" }.joined(separator: "\n"))
        XCTAssertEqual(slip.expected, "30.00")
        XCTAssertEqual(slip.location.line, 36)
    }
}
