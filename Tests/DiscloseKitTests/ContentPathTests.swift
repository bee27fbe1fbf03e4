import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Where a finding is travels as data — content root, unit, year, file — from the loader to the
/// commands; the displayed path is made from it and only shown.
final class ContentPathTests: XCTestCase {
    func testAPathIsShownFromItsParts() {
        let accounts = ContentPath(root: "sites/县 委/Content", unit: "test-zzb", year: 2023, file: "accounts.yaml")
        XCTAssertEqual(accounts.display, "sites/县 委/Content/test-zzb/2023/accounts.yaml")
        XCTAssertEqual(accounts.relative, "test-zzb/2023/accounts.yaml")
        XCTAssertTrue(accounts.isInReport(unit: "test-zzb", year: 2023))
        XCTAssertFalse(accounts.isInReport(unit: "test-zzb", year: 2022))
        let folder = ContentPath(root: "Content", unit: "u", year: 2023)
        XCTAssertEqual(folder.display, "Content/u/2023")
        XCTAssertEqual(folder.appending("paragraphs").appending("x.md").display, "Content/u/2023/paragraphs/x.md")
        XCTAssertEqual(folder.appending("paragraphs").appending("x.md").file, "paragraphs/x.md")
        XCTAssertEqual(ContentPath(root: "Content", unit: "u", file: "unit.yaml").display, "Content/u/unit.yaml")
        XCTAssertEqual(ContentPath(root: "Content", file: "site.yaml").display, "Content/site.yaml")
        // Outside the content folder: no unit, no year, whatever the text looks like.
        let outside = ContentPath(outside: "Content/u/2023/accounts.yaml")
        XCTAssertNil(outside.unit)
        XCTAssertNil(outside.relative)
        XCTAssertFalse(outside.isInReport(unit: "u", year: 2023))
    }

    /// Every finding the loader makes, in every kind of place, carries its unit and year as data; a
    /// content root of several folders (which a displayed path cannot be split by) changes nothing.
    func testEveryFindingOfTheContentKnowsItsUnitAndYear() throws {
        var site = FixtureSite()
        site.files["stray.txt"] = "x"                                  // top of the content folder
        site.files["test-zzb/notes.txt"] = "x"                         // unit folder
        site.files["test-zzb/20x3/report.yaml"] = "year: 2023\n"       // not a year folder
        site.files["test-zzb/2023/extra.md"] = "x"                     // report folder
        site.files["test-zzb/2023/paragraphs/nope.md"] = "x"           // paragraphs
        site.files["test-zzb/2023/project-reports/a.txt"] = "x"        // project reports
        site.files["test-zzb/2023/achievements.md"] = "<b>x</b>\n"     // a Markdown lint finding
        site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: abc")
        site.files["other-zzb/unit.yaml"] = "name: [\n"                 // a second unit, broken
        site.files["other-zzb/2022/duties.md"] = "x\n"
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for shownRoot in ["Content", "../sites/县 委/Content"] {
            let diagnostics = Checker.check(content: root, displayRoot: shownRoot).diagnostics
            XCTAssertGreaterThan(diagnostics.count, 8)
            for d in diagnostics {
                let path = d.location.source
                XCTAssertEqual(path.root, shownRoot, d.location.file)
                // The oracle: what the displayed path says, read by the test only.
                let parts = d.location.file.dropFirst(shownRoot.count + 1).split(separator: "/").map(String.init)
                let unitFolder = parts.count > 1 ? parts[0] : nil
                XCTAssertEqual(path.unit, unitFolder, d.location.file)
                let year = parts.count >= 2 ? Int(parts[1]) : nil
                XCTAssertEqual(path.year, year, d.location.file)
                XCTAssertEqual(path.display, d.location.file)
            }
            // The findings of one report, by unit and year.
            let report = diagnostics.inReport(unit: "test-zzb", year: 2023)
            XCTAssertEqual(Set(report.map(\.location.file)), Set(diagnostics.map(\.location.file).filter { $0.hasPrefix("\(shownRoot)/test-zzb/2023/") }))
            XCTAssertTrue(report.contains { $0.location.file == "\(shownRoot)/test-zzb/2023/accounts.yaml" && $0.severity == .error })
            XCTAssertTrue(diagnostics.errors(inReport: "test-zzb", year: 2023).allSatisfy { $0.severity == .error })
            XCTAssertTrue(diagnostics.inReport(unit: "other-zzb", year: 2022).isEmpty == diagnostics.filter { $0.location.file.hasPrefix("\(shownRoot)/other-zzb/2022/") }.isEmpty)
        }
    }
}
