import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// The three seed disclosures as published (Tests/Fixtures/as-published/): the checker reports every
/// arithmetic discrepancy the reference notes list, and nothing else that is an error.
final class AsPublishedFixtureTests: XCTestCase {
    struct Expectation {
        let ref: String
        let rule: String
        let file: String
        let actual: String?
    }

    func expectations(_ fixture: URL) throws -> [Expectation] {
        let text = try String(contentsOf: fixture.appendingPathComponent("expected.yaml"), encoding: .utf8)
        let (node, problems) = YAMLDocument.parse(text, file: "expected.yaml")
        XCTAssertEqual(problems, [])
        return (node?.items ?? []).map {
            Expectation(ref: $0["ref"]?.scalar?.text ?? "", rule: $0["rule"]?.scalar?.text ?? "",
                        file: $0["file"]?.scalar?.text ?? "", actual: $0["actual"]?.scalar?.text)
        }
    }

    func check(_ seed: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/as-published/\(seed)")
        let expected = try expectations(fixture)
        XCTAssertFalse(expected.isEmpty, file: file, line: line)
        let diagnostics = Checker.check(content: fixture, displayRoot: "Content").diagnostics
        // The published content is structurally valid: only reconciliation findings.
        let structuralPrefixes = ["SCHEMA", "YAML", "CODE", "FILE-ENCODING", "FILE-MISSING"]
        let structural = diagnostics.filter { d in structuralPrefixes.contains { d.rule.rawValue.hasPrefix($0) } }
        XCTAssertEqual(structural.map { "\($0.location) \($0.rule)" }, [], file: file, line: line)
        func matches(_ d: Diagnostic, _ e: Expectation) -> Bool {
            d.rule.rawValue == e.rule && d.location.file == "Content/\(e.file)" && (e.actual == nil || d.actual == e.actual)
        }
        // A discrepancy folded into its likely cause is named in the cause's message and related places.
        func folded(_ e: Expectation) -> Bool {
            diagnostics.contains { d in
                d.message.zh.contains(e.rule) && d.related.contains { $0.file == "Content/\(e.file)" } && (e.actual == nil || d.actual == e.actual)
            }
        }
        for e in expected {
            XCTAssertTrue(diagnostics.contains { matches($0, e) } || folded(e),
                          "\(seed) \(e.ref): no \(e.rule) in \(e.file) with actual \(e.actual ?? "-")", file: file, line: line)
        }
        // Every error is one of the listed discrepancies (or a consequence in the same statement).
        let unexplained = diagnostics.filter { d in d.severity == .error && !expected.contains { matches(d, $0) } }
        XCTAssertEqual(unexplained.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [], file: file, line: line)
    }

    /// Errors before and after folding cascades into their likely cause.
    func errorCounts(_ seed: String) throws -> (before: Int, after: Int, diagnostics: [Diagnostic]) {
        let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/as-published/\(seed)")
        let tree = try XCTUnwrap(Checker.check(content: fixture, displayRoot: "Content").load.tree)
        let before = ReconciliationRules.check(tree, consolidate: false)
        let after = ReconciliationRules.check(tree)
        return (before.errorCount, after.errorCount, after)
    }

    func testOneWrongFigureCopiedIntoTheTextIsReportedOnceAtTheData() throws {
        // Seed 001: the 整体绩效报告 table gives 本年收入合计 and 财政拨款收入 as 5751054.00 元 (the data
        // has 9508400.00), and its text repeats both: four errors, one cause; the text restating them
        // against Part 2 (TEXT-RESTATED, 575.11 twice) folds into the same cause. The 三公 paragraph writes
        // the printed 3.36 as 3.37 for two different items (购置及运行维护费, 运行维护费): two sentences to
        // correct, so two errors — but the first of them, found again by TEXT-RESTATED at the same place,
        // is one error.
        let counts001 = try errorCounts("001")
        XCTAssertEqual(counts001.before - counts001.after, 5, "\(counts001.before) → \(counts001.after)")
        XCTAssertEqual(counts001.diagnostics.filter { $0.actual == "3.37" && $0.severity == .error }.count, 2)
        let cause = try XCTUnwrap(counts001.diagnostics.first { $0.actual == "5751054.00" })
        XCTAssertEqual(cause.rule, "ATTACH-FIGURES")
        XCTAssertEqual(cause.location.file, "Content/miyi-zzb/2020/performance.yaml")
        XCTAssertEqual(cause.location.line, 34)
        XCTAssertEqual(cause.expected, "9508400.00")
        XCTAssertTrue(cause.message.zh.contains("TEXT-AMOUNT"), cause.message.zh)
        XCTAssertEqual(counts001.diagnostics.filter { $0.actual == "5751054.00" }.count, 1)
        // Seed 000: 本年收入合计 3474.67 in the 整体绩效 table and in its text: one error at the table.
        // (and its restatement against the income paragraph, TEXT-RESTATED).
        let counts000 = try errorCounts("000")
        XCTAssertEqual(counts000.before - counts000.after, 2, "\(counts000.before) → \(counts000.after)")
        let cause000 = try XCTUnwrap(counts000.diagnostics.first { $0.actual == "3474.67" && $0.severity == .error })
        XCTAssertEqual(cause000.location.file, "Content/luzhou-zzb/2020/performance.yaml")
        // Seed 004 has no repeated wrong figure: nothing is folded.
        let counts004 = try errorCounts("004")
        XCTAssertEqual(counts004.before, counts004.after)
    }

    func testSeed000AsPublished() throws { try check("000") }
    func testSeed001AsPublished() throws { try check("001") }
    func testSeed004AsPublished() throws { try check("004") }
    /// The Shanghai seed (other-provinces/03, shanghai profile): zero-base growth rates, a share adjusted to
    /// make 100%, two budgets in one sentence, a 公用经费 total 0.01 off its items.
    func testShanghaiSeed03AsPublished() throws {
        try check("sh-03")
        // Exactly the listed findings: seven errors and the one tail warning, nothing else.
        let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/as-published/sh-03")
        let diagnostics = Checker.check(content: fixture, displayRoot: "Content").diagnostics
        XCTAssertEqual(diagnostics.errorCount, 7)
        // (expected.yaml itself sits at the top of the fixture: FILE-UNKNOWN.)
        XCTAssertEqual(diagnostics.filter { $0.severity == .warning && $0.rule != .unknownFile }.map(\.rule), [.roundingTail])
        XCTAssertEqual(try expectations(fixture).count, 8)
    }
}
