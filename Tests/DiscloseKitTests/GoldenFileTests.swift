import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Golden files: the report pages and every table layout of the sample content, byte for byte.
/// After an intended change, regenerate with `UPDATE_GOLDEN=1 swift test --filter GoldenFileTests`
/// and review the diff.
final class GoldenFileTests: XCTestCase {
    let golden = repositoryRoot.appendingPathComponent("Tests/Fixtures/golden")

    func testReportPagesAndTablesMatchTheGoldenFiles() throws {
        let builder = SiteBuilder(options: .init(
            content: repositoryRoot.appendingPathComponent("Content"), contentDisplay: "Content",
            templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
            output: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)")))
        let files = try XCTUnwrap(builder.render().files)
        let selected = files.filter { path, _ in
            (path.hasSuffix("/index.html") && path.split(separator: "/").count == 3) || path.hasSuffix(".csv") || path.hasSuffix("report.json")
        }
        let layouts = Set(selected.keys.filter { $0.contains("/tables/") }.map { ($0 as NSString).lastPathComponent })
        XCTAssertEqual(layouts.count, TableSet.knownLayouts.count, "every table layout has a golden file")
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        for (path, data) in selected.sorted(by: { $0.key < $1.key }) {
            let url = golden.appendingPathComponent(path)
            if update {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
                continue
            }
            let expected = try? Data(contentsOf: url)
            XCTAssertNotNil(expected, "missing golden file \(path): run UPDATE_GOLDEN=1 swift test --filter GoldenFileTests")
            if let expected, expected != data {
                let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                XCTFail("\(path) differs from its golden file at line \(line + 1):\n- \(line < a.count ? String(a[line]) : "")\n+ \(line < b.count ? String(b[line]) : "")")
            }
        }
    }
}
