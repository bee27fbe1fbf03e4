import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// `disclose new` for a unit with no earlier report: a skeleton holding every field of the format.
final class NewReportTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-new-\(UUID().uuidString)/Content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }

    /// Every leaf field of a schema with its dotted path (list items as `name[0]`), and whether it is required.
    private func leaves(_ schema: ObjectSchema, path: String = "", presetPaths: Set<String> = []) -> [(String, Bool)] {
        schema.fields.flatMap { field -> [(String, Bool)] in
            let here = path.isEmpty ? field.name : "\(path).\(field.name)"
            switch field.type {
            case .object(let inner): return leaves(inner, path: here, presetPaths: presetPaths)
            case .list(.object(let inner), _): return leaves(inner, path: "\(here)[0]", presetPaths: presetPaths)
            default: return presetPaths.contains(here) ? [] : [(here, field.required)]
            }
        }
    }

    func testSkeletonHasEveryFieldAndCheckListsEachBlankOnItsOwnLine() throws {
        let created = try ReportCreator.create(content: root, unitID: "new-unit", year: 2024).get()
        XCTAssertEqual(created.files, ["site.yaml", "new-unit/unit.yaml", "new-unit/2024/report.yaml",
                                       "new-unit/2024/accounts.yaml", "new-unit/2024/performance.yaml", "new-unit/2024/duties.md"])
        let diagnostics = Checker.check(content: root, displayRoot: "Content").diagnostics

        // Nothing but blanks to fill: no syntax, type or unknown-key findings.
        XCTAssertEqual(Set(diagnostics.map(\.rule)), [.missingField, .emptyField, .narrativePlaceholder],
                       diagnostics.map { "\($0.location) \($0.rule) \($0.message.en)" }.joined(separator: "\n"))

        let files: [(ContentFile, String, Set<String>)] = [
            (.site, "Content/site.yaml", ["language"]),
            (.unit, "Content/new-unit/unit.yaml", []),
            (.report, "Content/new-unit/2024/report.yaml", ["year", "kind", "tables", "unit"]),
            (.accounts, "Content/new-unit/2024/accounts.yaml", ["unit"]),
            (.performance, "Content/new-unit/2024/performance.yaml", []),
        ]
        for (file, display, presets) in files {
            let text = try String(contentsOf: root.deletingLastPathComponent().appendingPathComponent(display), encoding: .utf8)
            let expected = leaves(file.schema, presetPaths: presets)
            let found = diagnostics.filter { $0.location.file == display }
            XCTAssertEqual(Set(found.filter { $0.rule == .missingField }.map(\.path)),
                           Set(expected.filter(\.1).map(\.0)), "required blanks in \(display)")
            XCTAssertEqual(Set(found.filter { $0.rule == .emptyField }.map(\.path)),
                           Set(expected.filter { !$0.1 }.map(\.0)), "optional blanks in \(display)")
            // Each finding points at the line of its own key, and that line carries the field's label.
            let lines = text.components(separatedBy: "\n")
            for diagnostic in found {
                let line = lines[diagnostic.location.line - 1]
                let key = String(diagnostic.path.split(separator: ".").last!.split(separator: "[").first!)
                XCTAssertTrue(line.contains("\(key):") && line.contains("# "), "\(display):\(diagnostic.location.line): \(line)")
            }
        }
        let report = try String(contentsOf: root.appendingPathComponent("new-unit/2024/report.yaml"), encoding: .utf8)
        XCTAssertTrue(report.contains("\nyear: 2024 "), report)
        XCTAssertTrue(report.contains("\ntables: sichuan-2023 "), report)
        XCTAssertTrue(report.contains("\nkind: 部门" + String(repeating: " ", count: 22) + "# 部门或单位；必填；可选：部门 / 单位\n"), report)
        let placeholder = try XCTUnwrap(diagnostics.first { $0.rule == .narrativePlaceholder })
        XCTAssertEqual("\(placeholder.location.file):\(placeholder.location.line):\(placeholder.location.column)",
                       "Content/new-unit/2024/duties.md:1:1")
    }

    func testTableSetFollowsTheYearUnlessGiven() throws {
        _ = try ReportCreator.create(content: root, unitID: "a", year: 2021).get()
        _ = try ReportCreator.create(content: root, unitID: "b", year: 2024, kind: "单位", tables: "mof-9").get()
        let a = try String(contentsOf: root.appendingPathComponent("a/2021/report.yaml"), encoding: .utf8)
        let b = try String(contentsOf: root.appendingPathComponent("b/2024/report.yaml"), encoding: .utf8)
        XCTAssertTrue(a.contains("\ntables: sichuan-2020 "), a)
        XCTAssertTrue(b.contains("\ntables: mof-9 ") && b.contains("\nkind: 单位 "), b)
        XCTAssertEqual(ReportCreator.create(content: root, unitID: "c", year: 2024, tables: "none"),
                       .failure(.unknownTableSet("none")))
    }

    func testNeverOverwritesAndKeepsExistingUnitAndSiteFiles() throws {
        _ = try ReportCreator.create(content: root, unitID: "u", year: 2023).get()
        let duties = root.appendingPathComponent("u/2023/duties.md")
        try Data("本年职能。\n".utf8).write(to: duties)
        XCTAssertEqual(ReportCreator.create(content: root, unitID: "u", year: 2023, blank: true), .failure(.exists("u/2023")))
        XCTAssertEqual(try String(contentsOf: duties, encoding: .utf8), "本年职能。\n")

        XCTAssertEqual(ReportCreator.create(content: root, unitID: "u", year: 2024), .failure(.earlierReports(unit: "u", years: [2023])))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("u/2024").path))

        let unit = root.appendingPathComponent("u/unit.yaml")
        try Data("name: 某单位\n".utf8).write(to: unit)
        let created = try ReportCreator.create(content: root, unitID: "u", year: 2024, blank: true).get()
        XCTAssertEqual(created.files.first, "u/2024/report.yaml", "site.yaml and unit.yaml exist and are kept")
        XCTAssertEqual(try String(contentsOf: unit, encoding: .utf8), "name: 某单位\n")
        // No staging folder is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("u").path).sorted(),
                       ["2023", "2024", "unit.yaml"])
    }

    func testRejectsBadUnitIDsAndYears() {
        XCTAssertEqual(ReportCreator.create(content: root, unitID: "../x", year: 2024), .failure(.invalidUnitID("../x")))
        XCTAssertEqual(ReportCreator.create(content: root, unitID: "Upper", year: 2024), .failure(.invalidUnitID("Upper")))
        XCTAssertEqual(ReportCreator.create(content: root, unitID: "ok", year: 24), .failure(.invalidYear(24)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    }
}
