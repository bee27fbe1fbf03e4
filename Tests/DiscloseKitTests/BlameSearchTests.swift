import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// “应为” names the figure whose change would fix the most rules: a failing sum or equality is mended
/// by one value per figure; the figure whose value mends the most failures without breaking a sum that
/// held is reported once, the failures it mends attached as notes.
final class BlameSearchTests: XCTestCase {
    /// A copy of an as-published fixture with one figure of `file` replaced, checked with and without
    /// the folding into likely causes.
    func check(fixture: String, file: String, replacing old: String, with new: String) throws
        -> (before: [Diagnostic], after: [Diagnostic]) {
        let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(fixture)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blame-\(UUID().uuidString)").appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: root)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file) has no \(old)")
        try Data(text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)).utf8).write(to: url)
        let tree = try XCTUnwrap(Checker.check(content: root, displayRoot: "Content").load.tree)
        return (ReconciliationRules.check(tree, consolidate: false).filter { $0.severity == .error },
                ReconciliationRules.check(tree).filter { $0.severity == .error })
    }

    func describe(_ ds: [Diagnostic]) -> String { ds.map { "\($0.location) \($0.rule) \($0.path) \($0.actual ?? "-")→\($0.expected ?? "-")" }.joined(separator: "\n") }

    func testSeed004AFunctionalRowTypedWrongIsTheCauseNotTheTotals() throws {
        // 组织事务—行政运行 208.55 typed 218.55: the functional basic column, the fund balance and the
        // 基本支出 split all fail; one figure mends them.
        let (before, after) = try check(fixture: "as-published/004", file: "panzhihua-xiqu-zzb/2023/accounts.yaml",
                                        replacing: "    basic: 208.55", with: "    basic: 218.55")
        XCTAssertLessThan(after.count, before.count, "before:\n\(describe(before))\nafter:\n\(describe(after))")
        let cause = try XCTUnwrap(after.first { $0.actual == "218.55" }, describe(after))
        XCTAssertEqual(cause.path, "functional[0].basic")
        XCTAssertEqual(cause.expected, "208.55")
        XCTAssertTrue(cause.message.zh.contains("最可能是这个数错了"), cause.message.zh)
    }

    func testShanghaiAProjectRowTypedWrongIsTheCause() throws {
        // 社会工作事务—其他 项目支出 202.24 typed 220.24 in the 2024 普陀区委社会工作部 report.
        let (before, after) = try check(fixture: "shanghai", file: "putuo-shgzb/2024/accounts.yaml",
                                        replacing: "\"2013999\", basic: 0, project: 202.24", with: "\"2013999\", basic: 0, project: 220.24")
        XCTAssertLessThan(after.count, before.count, "before:\n\(describe(before))\nafter:\n\(describe(after))")
        let cause = try XCTUnwrap(after.first { $0.message.zh.contains("最可能是这个数错了") }, describe(after))
        XCTAssertEqual(cause.path, "functional[2].project", "before:\n\(describe(before))\nafter:\n\(describe(after))\n\(cause.message.zh)")
        XCTAssertEqual(cause.actual, "220.24")
        XCTAssertEqual(cause.expected, "202.24")
        // Before, the sums named the totals (项目支出, 收入) as what should change.
        XCTAssertFalse(before.contains { $0.path == "functional[2].project" }, describe(before))
    }

    func testTwoMistakesInOneSumAreNotBlamedOnOneRow() throws {
        // Two 项 of the same column mistyped (+10.00 and +2.00): one row at −12 would close every sum,
        // but the sentence that states that row says otherwise. No such cause is named; each row's
        // sentence still points at its own figure.
        let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/as-published/004/panzhihua-xiqu-zzb/2023/accounts.yaml")
        let original = try String(contentsOf: source, encoding: .utf8)
        XCTAssertTrue(original.contains("    basic: 27.89"))
        let text = original.replacingOccurrences(of: "    basic: 208.55", with: "    basic: 218.55")
            .replacingOccurrences(of: "    basic: 27.89", with: "    basic: 29.89")
        let (_, after) = try check(fixture: "as-published/004", file: "panzhihua-xiqu-zzb/2023/accounts.yaml", replacing: original, with: text)
        XCTAssertFalse(after.contains { $0.expected == "206.55" || $0.expected == "17.89" }, describe(after))
        XCTAssertTrue(after.contains { $0.rule == "TEXT-AMOUNT" && $0.actual == "208.55" && $0.expected == "218.55" }, describe(after))
        XCTAssertTrue(after.contains { $0.rule == "TEXT-AMOUNT" && $0.actual == "27.89" && $0.expected == "29.89" }, describe(after))
    }

    func testTwoIndependentMistakesAreEachNamedAtTheirFigure() throws {
        // The 项目支出 row mistyped (a cascade of three) and 人员经费 mistyped (BASIC-SPLIT alone).
        let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/shanghai/putuo-shgzb/2024/accounts.yaml")
        let original = try String(contentsOf: source, encoding: .utf8)
        let text = original.replacingOccurrences(of: "\"2013999\", basic: 0, project: 202.24", with: "\"2013999\", basic: 0, project: 220.24")
            .replacingOccurrences(of: "personnel: {total: 95.36", with: "personnel: {total: 59.36")
        XCTAssertNotEqual(text, original)
        let (before, after) = try check(fixture: "shanghai", file: "putuo-shgzb/2024/accounts.yaml", replacing: original, with: text)
        let causes = after.filter { $0.message.zh.contains("最可能是这个数错了") }
        XCTAssertEqual(causes.map(\.path), ["functional[2].project"], "before:\n\(describe(before))\nafter:\n\(describe(after))")
        XCTAssertTrue(after.contains { $0.rule == "BASIC-SPLIT" && $0.actual == "59.36" && $0.expected == "95.35" }, describe(after))
        XCTAssertEqual(after.filter { $0.rule != "TEXT-ZERO-BASE" }.count, 2, describe(after))
    }

    func testWhenTheSumsCannotTellRowsApartTheMessageNamesTheOthers() throws {
        // 购房补贴 11.72 typed 17.12: any row of the basic column could close the sums; the 2024 report's
        // text does not state the rows, so the message names the alternatives too.
        let (_, after) = try check(fixture: "shanghai", file: "putuo-shgzb/2024/accounts.yaml",
                                   replacing: "\"2210203\", basic: 11.72", with: "\"2210203\", basic: 17.12")
        let cause = try XCTUnwrap(after.first { $0.message.zh.contains("最可能是这个数错了") }, describe(after))
        XCTAssertTrue(cause.message.zh.contains("请一并核对"), cause.message.zh)
        XCTAssertTrue(cause.message.zh.contains("functional[8].basic") || cause.path == "functional[8].basic", cause.message.zh)
    }

    func testSeed000AnItemTypedWrongIsTheCause() throws {
        // 组织事务—行政运行 1074.28 typed 1047.28 in the 2020 泸州市委组织部 report.
        let (before, after) = try check(fixture: "as-published/000", file: "luzhou-zzb/2020/accounts.yaml",
                                        replacing: "    basic: 1074.28", with: "    basic: 1047.28")
        XCTAssertLessThan(after.count, before.count, "before:\n\(describe(before))\nafter:\n\(describe(after))")
        let cause = try XCTUnwrap(after.first { $0.message.zh.contains("最可能是这个数错了") }, describe(after))
        XCTAssertEqual(cause.actual, "1047.28")
        XCTAssertEqual(cause.expected, "1074.28")
    }

    func testSeed001AClassRowTypedWrongIsTheCause() throws {
        // 一般公共服务支出 基本支出 405.93 typed 405.39 in the 2020 米易县委组织部 report.
        let (before, after) = try check(fixture: "as-published/001", file: "miyi-zzb/2020/accounts.yaml",
                                        replacing: "    basic: 405.93", with: "    basic: 405.39")
        XCTAssertLessThan(after.count, before.count, "before:\n\(describe(before))\nafter:\n\(describe(after))")
        let cause = try XCTUnwrap(after.first { $0.message.zh.contains("最可能是这个数错了") }, describe(after))
        XCTAssertEqual(cause.actual, "405.39")
        XCTAssertEqual(cause.expected, "405.93")
    }

    /// The as-published seeds carry independent real mistakes (reference/seeds-000-001.md, seed-004.md):
    /// the search merges none of them into another, and names no figure the references do not list.
    func testTheRealMistakesOfTheSeedsStayOneFindingEach() throws {
        for fixture in ["as-published/000", "as-published/001", "as-published/004", "shanghai"] {
            let root = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(fixture)")
            let tree = try XCTUnwrap(Checker.check(content: root, displayRoot: "Content").load.tree)
            let unfolded = ReconciliationRules.check(tree, consolidate: false).filter { $0.severity == .error }
            let folded = ReconciliationRules.check(tree).filter { $0.severity == .error }
            XCTAssertLessThanOrEqual(folded.count, unfolded.count, fixture)
            XCTAssertFalse(folded.contains { $0.message.zh.contains("最可能是这个数错了") }, "\(fixture):\n\(describe(folded))")
        }
    }
}
