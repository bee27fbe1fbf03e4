import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Tests/Fixtures/bad/<case>/: each case changes the small valid FixtureSite and names the diagnostic
/// the checker must give. Layout of a case:
///   files/<path>      files written over the base tree (bytes as they are: GBK, BOM, NUL…)
///   delete.txt        optional: base paths to remove, one per line
///   expected.yaml     rule, file, line, column (and optionally severity, contains)
/// Nothing may crash, and the expected diagnostic must be reported exactly there.
final class BadInputFixtureTests: XCTestCase {
    let bad = repositoryRoot.appendingPathComponent("Tests/Fixtures/bad")

    func testTheBaseTreeIsValidAndDumpedForReference() throws {
        let base = FixtureSite()
        XCTAssertEqual(try base.check(), [])
        if let target = ProcessInfo.processInfo.environment["DUMP_FIXTURE_BASE"] {
            _ = target
            let root = try base.write()
            print("BASE TREE WRITTEN TO \(root.path)")
        }
    }

    func testEveryBadInputGivesItsDiagnostic() throws {
        let fm = FileManager.default
        let cases = try fm.contentsOfDirectory(atPath: bad.path).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 60, "at least 60 bad inputs")
        for name in cases {
            let dir = bad.appendingPathComponent(name)
            let expectedText = try String(contentsOf: dir.appendingPathComponent("expected.yaml"), encoding: .utf8)
            let (node, problems) = YAMLDocument.parse(expectedText, file: "expected.yaml")
            XCTAssertEqual(problems, [], name)
            guard let node else { continue }
            let rule = node["rule"]?.scalar?.text ?? ""
            let file = node["file"]?.scalar?.text ?? ""
            let line = Int(node["line"]?.scalar?.text ?? "") ?? -1
            let column = Int(node["column"]?.scalar?.text ?? "") ?? -1
            let severity = node["severity"]?.scalar?.text ?? "error"
            let contains = node["contains"]?.scalar?.text

            var site = FixtureSite()
            if let deletions = try? String(contentsOf: dir.appendingPathComponent("delete.txt"), encoding: .utf8) {
                for path in deletions.split(separator: "\n") where !path.isEmpty { site.files[String(path)] = nil }
            }
            var raw: [String: Data] = [:]
            let files = dir.appendingPathComponent("files")
            if let e = fm.enumerator(atPath: files.path) {
                for case let path as String in e {
                    var isDir: ObjCBool = false
                    let url = files.appendingPathComponent(path)
                    guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                    site.files[path] = nil
                    raw[path] = try Data(contentsOf: url)
                }
            }
            let diagnostics = try site.check(raw: raw)
            let found = diagnostics.first { d in
                d.rule.rawValue == rule && d.location.file == "Content/\(file)" && d.location.line == line && d.location.column == column
                    && d.severity.rawValue == severity && (contains.map { d.message.zh.contains($0) } ?? true)
            }
            XCTAssertNotNil(found, "\(name): expected \(severity)[\(rule)] at \(file):\(line):\(column)\(contains.map { " containing \($0)" } ?? ""); got \(diagnostics.map { "\($0.location) \($0.severity.rawValue)[\($0.rule)] \($0.message.zh)" })")
        }
    }
}
