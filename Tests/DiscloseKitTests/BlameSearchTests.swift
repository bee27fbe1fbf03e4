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
}
