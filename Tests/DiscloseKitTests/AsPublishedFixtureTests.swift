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
        for e in expected {
            XCTAssertTrue(diagnostics.contains { matches($0, e) },
                          "\(seed) \(e.ref): no \(e.rule) in \(e.file) with actual \(e.actual ?? "-")", file: file, line: line)
        }
        // Every error is one of the listed discrepancies (or a consequence in the same statement).
        let unexplained = diagnostics.filter { d in d.severity == .error && !expected.contains { matches(d, $0) } }
        XCTAssertEqual(unexplained.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [], file: file, line: line)
    }

    func testSeed000AsPublished() throws { try check("000") }
    func testSeed001AsPublished() throws { try check("001") }
    func testSeed004AsPublished() throws { try check("004") }
}
