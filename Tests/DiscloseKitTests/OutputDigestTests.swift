import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Speed work must not change a byte of the site. Every file a full build writes — pages, charts (SVG
/// and PNG), tables, downloads, open data — is compared with a manifest (path, size, FNV-1a hash)
/// recorded from the build before the optimisations of docs/performance.md, for the sample content
/// and for a generated multi-unit, multi-year tree. Each site is built twice: with the chart PNG
/// cache empty, then full again with it filled, so a PNG taken from the cache is checked too.
/// After an intended change of the output: `UPDATE_DIGESTS=1 swift test --filter OutputDigestTests`,
/// then review the changed lines of Tests/Fixtures/output-digests/.
final class OutputDigestTests: XCTestCase {
    let manifests = repositoryRoot.appendingPathComponent("Tests/Fixtures/output-digests")

    func testTheSampleSiteIsByteIdenticalToTheRecordedBuild() throws {
        let site = try temporarySite()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: site.appendingPathComponent("Content"))
        try assertBuildsMatch(site: site, manifest: "sample.tsv")
    }

    func testAGeneratedSiteIsByteIdenticalToTheRecordedBuild() throws {
        let site = try temporarySite()
        let content = site.appendingPathComponent("Content")
        // As `disclose-bench generate --units 3 --years 3` writes it.
        var files = ["site.yaml": ConsistentReportGenerator.siteYAML]
        for unit in 0..<3 {
            files.merge(ConsistentReportGenerator().unitFiles(seed: 1, unitID: String(format: "unit-%04d", unit), index: unit, years: [2022, 2023, 2024])) { a, _ in a }
        }
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try assertBuildsMatch(site: site, manifest: "generated-3x3.tsv")
    }

    // MARK: Helpers

    func temporarySite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: site) }
        return site
    }

    func assertBuildsMatch(site: URL, manifest name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = site.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: site.appendingPathComponent("Content"), contentDisplay: "Content",
                                                 templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                 output: output))
        let url = manifests.appendingPathComponent(name)
        for pass in ["PNG cache empty", "PNG cache filled"] {
            builder.forgetLastBuild()
            let result = builder.buildIncrementally()
            XCTAssertTrue(result.written, "\(pass): \(result.diagnosticsText(.en))", file: file, line: line)
            XCTAssertEqual(result.incremental, .full, file: file, line: line)
            let actual = try Self.manifest(of: output)
            if ProcessInfo.processInfo.environment["UPDATE_DIGESTS"] == "1" {
                try Data(actual.utf8).write(to: url)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            if actual != expected {
                let a = Set(expected.split(separator: "\n")), b = Set(actual.split(separator: "\n"))
                XCTFail("""
                    \(pass): the output differs from \(name):
                    recorded only: \(a.subtracting(b).sorted().prefix(10).joined(separator: "\n  "))
                    built only:    \(b.subtracting(a).sorted().prefix(10).joined(separator: "\n  "))
                    """, file: file, line: line)
            }
        }
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: BuildRecord.pngFolder(for: builder.options).path).isEmpty,
                       "the full build kept its chart PNGs", file: file, line: line)
    }

    /// One line per file, sorted by path bytes: path, size, FNV-1a (64-bit) of the bytes.
    static func manifest(of root: URL) throws -> String {
        var rows: [(path: String, line: String)] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let hex = String(hash, radix: 16)
            rows.append((path, "\(path)\t\(data.count)\t\(String(repeating: "0", count: 16 - hex.count) + hex)\n"))
        }
        return rows.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }.map(\.line).joined()
    }
}
