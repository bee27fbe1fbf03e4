import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Tests/Fixtures/shanghai: a real Shanghai district report (普陀区委社会工作部 2024, a department set
/// up that year) in the `shanghai` table set. As published, its text gives growth rates over a zero
/// base (“增加307.82万元，增长100.00%”), and its 人员经费 95.36 + 公用经费 10.23 exceed the basic
/// spending 105.58 by a rounding tail (the published 公用经费 items add up to 10.22). With the rates
/// removed and the tail adjusted it checks clean.
final class ShanghaiFixtureTests: XCTestCase {
    let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/shanghai")

    func testAsPublishedTheZeroBaseRatesAreTheOnlyErrors() {
        let diagnostics = Checker.check(content: fixture, displayRoot: "Content").diagnostics
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map { "\($0.location.file):\($0.location.line) \($0.rule)" }, [
            "Content/putuo-shgzb/2024/paragraphs/agency-operating-cost.md:1 TEXT-ZERO-BASE",
            "Content/putuo-shgzb/2024/paragraphs/total.md:1 TEXT-ZERO-BASE",
        ], "\(diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" })")
        let tails = diagnostics.filter { $0.rule == .roundingTail }
        XCTAssertEqual(tails.map { "\($0.location.line) \($0.actual ?? "") \($0.expected ?? "")" }, ["42 95.36 95.35"])
        XCTAssertEqual(diagnostics.warningCount, 1)
    }

    func testCorrectedItChecksClean() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-shanghai-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: fixture, to: copy)
        for name in ["total.md", "agency-operating-cost.md"] {
            let url = copy.appendingPathComponent("putuo-shgzb/2024/paragraphs/\(name)")
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "，增长100.00%", with: "")
            try Data(text.utf8).write(to: url)
        }
        let accounts = copy.appendingPathComponent("putuo-shgzb/2024/accounts.yaml")
        let text = try String(contentsOf: accounts, encoding: .utf8).replacingOccurrences(of: "public: {total: 10.23", with: "public: {total: 10.22")
        try Data(text.utf8).write(to: accounts)
        XCTAssertEqual(Checker.check(content: copy, displayRoot: "Content").diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [])
    }
}
