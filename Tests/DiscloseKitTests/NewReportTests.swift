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

    /// Copies the sample Content into the temporary folder.
    private func sampleContent() throws {
        try FileManager.default.removeItem(at: root)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: root)
    }

    func testNextYearCarriesLastYearsFiguresAndNarrativeMarkedForReview() throws {
        try sampleContent()
        let created = try ReportCreator.create(content: root, unitID: "luzhou-zzb", year: 2021).get()
        XCTAssertEqual(created.files, ["report.yaml", "accounts.yaml", "performance.yaml", "duties.md", "organization.md",
                                       "achievements.md", "performance-report.md", "glossary.yaml"].map { "luzhou-zzb/2021/\($0)" })
        let folder = root.appendingPathComponent("luzhou-zzb/2021")
        let accounts = try String(contentsOf: folder.appendingPathComponent("accounts.yaml"), encoding: .utf8)
        let lines = accounts.components(separatedBy: "\n")
        // 2020's own figures (seed 000) become 2021's “上年” figures, each saying where it came from.
        for (key, value) in [("grand_total", "3474.81"), ("income_total", "3474.81"), ("expenditure_total", "3474.67"),
                             ("appropriation_total", "3474.67"), ("general_budget_expenditure", "3474.67"),
                             ("government_fund_expenditure", "0"), ("vehicle_operation", "6"), ("reception", "1.58")] {
            let line = lines.first { $0.hasPrefix("  \(key): \(value) ") || $0.hasPrefix("    \(key): \(value) ") }
            XCTAssertNotNil(line, "\(key): \(value) missing in\n\(accounts)")
            XCTAssertTrue(line?.hasSuffix("；由 2020 年度报告结转") ?? false, line ?? "")
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("  previous: 137.36 ") && $0.hasSuffix("上年数；金额；由 2020 年度报告结转") },
                      "机关运行经费 2020 = 137.36 carried:\n\(accounts)")
        // This year's figures stay empty.
        XCTAssertTrue(lines.contains { $0.hasPrefix("  general_budget:") && $0.contains("# 一般公共预算财政拨款收入；必填") }, accounts)

        let duties = try String(contentsOf: folder.appendingPathComponent("duties.md"), encoding: .utf8)
        let original = try String(contentsOf: root.appendingPathComponent("luzhou-zzb/2020/duties.md"), encoding: .utf8)
        XCTAssertEqual(duties, "（待填写：以下文字从 2020 年度报告结转，请逐句核对、按本年度情况改写后删除本行。）\n\n" + original)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("glossary.yaml")),
                       try Data(contentsOf: root.appendingPathComponent("luzhou-zzb/2020/glossary.yaml")))
        let report = try String(contentsOf: folder.appendingPathComponent("report.yaml"), encoding: .utf8)
        XCTAssertTrue(report.contains("\ntables: sichuan-2020 ") && report.contains("\nkind: 部门\n"), report)

        let diagnostics = Checker.check(content: root, displayRoot: "Content").diagnostics
            .filter { $0.location.file.hasPrefix("Content/luzhou-zzb/2021/") }
        XCTAssertEqual(Set(diagnostics.map(\.rule)), [.missingField, .emptyField, .narrativePlaceholder])
        XCTAssertEqual(diagnostics.filter { $0.rule == .narrativePlaceholder }.map(\.location.file).sorted(),
                       ["achievements", "duties", "organization", "performance-report"].map { "Content/luzhou-zzb/2021/\($0).md" })
        // A carried figure is not reported as missing.
        XCTAssertFalse(diagnostics.contains { $0.path == "previous.grand_total" })
    }

    func testOrganisationCarriesOverAndThisYearsHeadcountsAreLeftToFill() throws {
        try sampleContent()
        _ = try ReportCreator.create(content: root, unitID: "miyi-zzb", year: 2021).get()
        let report = try String(contentsOf: root.appendingPathComponent("miyi-zzb/2021/report.yaml"), encoding: .utf8)
        let source = try String(contentsOf: root.appendingPathComponent("miyi-zzb/2020/report.yaml"), encoding: .utf8)
        XCTAssertTrue(report.hasPrefix("# 由 2020 年度报告结转：机构设置和编制数沿用上年"), report)
        XCTAssertTrue(report.contains("\nyear: 2021\n"), report)
        // The 15-table variant of the year's set is kept rather than replaced by the 14-table default.
        XCTAssertTrue(report.contains("\ntables: sichuan-2020-15\n"), report)
        // Organisation and 编制, with their comments, exactly as last year.
        let organisation = { (text: String) in text.components(separatedBy: "\nstaffing:")[0].components(separatedBy: "\norganization:")[1] }
        XCTAssertEqual(organisation(report), organisation(source))
        XCTAssertTrue(report.contains("      - {category: 行政编制, count: 22}"), report)
        // 年末实有人数 left to fill, last year's counts becoming `previous`.
        XCTAssertTrue(report.contains("\n    total:\n"), report)
        XCTAssertTrue(report.contains("      - {category: 行政人员, count: ~, previous: 20}"), report)
        XCTAssertTrue(report.contains("    - {category: 退休, count: ~}"), report)
        let missing = Checker.check(content: root, displayRoot: "Content").diagnostics
            .filter { $0.location.file == "Content/miyi-zzb/2021/report.yaml" && $0.rule == .missingField }
        XCTAssertEqual(missing.map(\.location.line), [54, 56, 57, 58, 59, 61, 62])
    }

    func testCarryOverNamesItsSourceAndRefusesBrokenOrMissingOnes() throws {
        try sampleContent()
        XCTAssertEqual(ReportCreator.create(content: root, unitID: "miyi-zzb", year: 2022, from: 2019),
                       .failure(.noSuchReport(unit: "miyi-zzb", year: 2019)))
        XCTAssertEqual(ReportCreator.create(content: root, unitID: "miyi-zzb", year: 2019),
                       .failure(.earlierReports(unit: "miyi-zzb", years: [2020])), "no report before 2019 to carry")
        let accounts = root.appendingPathComponent("miyi-zzb/2020/accounts.yaml")
        let text = try String(contentsOf: accounts, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "general_budget:", with: "general_budgt:").utf8).write(to: accounts)
        guard case .failure(.sourceHasErrors(let folder, let errors)) = ReportCreator.create(content: root, unitID: "miyi-zzb", year: 2021) else {
            return XCTFail("a malformed source report must be refused")
        }
        XCTAssertEqual(folder, "\(root.path)/miyi-zzb/2020")
        XCTAssertGreaterThan(errors, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("miyi-zzb/2021").path))
        // A blank skeleton is still possible.
        XCTAssertNoThrow(try ReportCreator.create(content: root, unitID: "miyi-zzb", year: 2021, blank: true).get())
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

        // 2023 is a skeleton with empty required fields: nothing can be carried from it.
        guard case .failure(.sourceHasErrors(let folder, let errors)) = ReportCreator.create(content: root, unitID: "u", year: 2024) else {
            return XCTFail("a skeleton has no figures to carry")
        }
        XCTAssertEqual(folder, "\(root.path)/u/2023")
        XCTAssertGreaterThan(errors, 50)
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
