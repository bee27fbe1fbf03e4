import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Tests/Fixtures/shanghai: a real Shanghai district report (普陀区委社会工作部 2024, a department set
/// up that year) in the `shanghai` table set. As published, its text gives growth rates over a zero
/// base (“增加307.82万元，增长100.00%”); with those rates removed it checks clean.
final class ShanghaiFixtureTests: XCTestCase {
    let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/shanghai")

    func testAsPublishedTheZeroBaseRatesAreTheOnlyErrors() {
        let diagnostics = Checker.check(content: fixture, displayRoot: "Content").diagnostics
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map { "\($0.location.file):\($0.location.line) \($0.rule)" }, [
            "Content/putuo-shgzb/2024/paragraphs/agency-operating-cost.md:1 TEXT-ZERO-BASE",
            "Content/putuo-shgzb/2024/paragraphs/total.md:1 TEXT-ZERO-BASE",
        ], "\(diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" })")
        XCTAssertEqual(diagnostics.warningCount, 0)
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
        XCTAssertEqual(Checker.check(content: copy, displayRoot: "Content").diagnostics.map { "\($0.location) \($0.rule) \($0.message.zh)" }, [])
    }
}
