import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// `disclose build` after an earlier build redoes only what changed, and its output is always the
/// same, byte for byte, as a build from scratch.
final class IncrementalBuildTests: XCTestCase {
    private var root: URL!
    private var content: URL { root.appendingPathComponent("Content") }
    private var output: URL { root.appendingPathComponent("Output") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func builder(output: URL? = nil) -> SiteBuilder {
        SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: root.appendingPathComponent("Templates"),
                                   templatesDisplay: "Templates", output: output ?? self.output))
    }

    private func build() -> SiteBuilder.Result {
        builder().buildIncrementally()
    }

    /// Every file of a folder, by relative path.
    private func tree(_ url: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileStamps.scan(url).files.keys { files[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        return files
    }

    private func assertSameAsFullBuild(_ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = root.appendingPathComponent("Fresh-\(UUID().uuidString)")
        XCTAssertTrue(builder(output: fresh).build().written, file: file, line: line)
        let (a, b) = (try tree(output), try tree(fresh))
        XCTAssertEqual(Set(a.keys), Set(b.keys), message, file: file, line: line)
        for (path, data) in b where a[path] != data { XCTFail("\(message): \(path) differs", file: file, line: line) }
    }

    private func append(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try (try Data(contentsOf: url) + Data(text.utf8)).write(to: url)
    }

    func testUnchangedContentReadsAndWritesNothing() throws {
        let first = build()
        XCTAssertEqual(first.incremental, .full, "no record yet")
        let stamps = FileStamps.scan(output)
        let again = build()
        // The record keeps the diagnostics as data: rendered again, in either language, they read as first printed.
        for language in Language.allCases { XCTAssertEqual(again.diagnosticsText(language), first.diagnosticsText(language)) }
        XCTAssertEqual(again.earlier.diagnostics.map(\.rule), first.diagnostics.sortedForOutput().map(\.rule))
        XCTAssertEqual(again.incremental, .unchanged)
        XCTAssertEqual(again.reports, 4)
        // The warnings of the first build are still reported.
        XCTAssertEqual(again.earlier.warnings, 3)
        XCTAssertTrue(again.diagnosticsText(.zh).contains("warning[PROJECT-COUNT]"), again.diagnosticsText(.zh))
        XCTAssertEqual(FileStamps.scan(output), stamps, "not one file touched")
        // A file saved again without a change is no change (its content hash is the same).
        let duties = content.appendingPathComponent("miyi-zzb/2020/duties.md")
        try Data(contentsOf: duties).write(to: duties)
        XCTAssertEqual(build().incremental, .unchanged)
        // An editor's swap file is not content.
        try Data("x".utf8).write(to: content.appendingPathComponent("miyi-zzb/2020/.duties.md.swp"))
        XCTAssertEqual(build().incremental, .unchanged)
    }

    /// The record keeps where each finding is as data (content root, unit, year, file), so it is
    /// filed under its unit without reading the displayed path, and comes back the same.
    func testTheRecordKeepsEachFindingsUnitAndYearAsData() throws {
        let first = build()
        let places = { (ds: [Diagnostic]) in
            ds.sortedForOutput().map { d in
                [d.location.source.root ?? "-", d.location.source.unit ?? "-", d.location.source.year.map(String.init) ?? "-", d.location.source.file]
            }
        }
        let warned = try XCTUnwrap(first.diagnostics.first { $0.location.source.unit != nil && $0.location.source.year != nil })
        XCTAssertEqual(warned.location.source.root, "Content")
        XCTAssertEqual(places(build().earlier.diagnostics), places(first.diagnostics))
        let record = BuildRecord.folder(for: builder().options)
        let meta = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: record.appendingPathComponent("meta.json"))) as? [String: Any])
        XCTAssertEqual(meta["version"] as? Int, BuildRecord.version)
        let unitFile = record.appendingPathComponent("units/\(warned.location.source.unit!).json")
        let unit = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: unitFile)) as? [String: Any])
        let recorded = try XCTUnwrap((unit["diagnostics"] as? [[String: Any]])?.first)
        let at = try XCTUnwrap((recorded["at"] as? [Any])?.first as? [String: Any])
        XCTAssertEqual(at["unit"] as? String, warned.location.source.unit)
        XCTAssertNotNil(at["year"] as? Int)
        // Another unit changes: this unit's findings stay in the record, filed under it.
        let warnedUnit = try XCTUnwrap(warned.location.source.unit)
        let other = try XCTUnwrap(["luzhou-zzb", "miyi-zzb", "panzhihua-xiqu-zzb"].first { $0 != warnedUnit })
        let year = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(other).path).filter { Int($0) != nil }.sorted().first)
        try append("\(other)/\(year)/duties.md", "\n增加的一句话。\n")
        let third = build()
        XCTAssertEqual(third.incremental, .units([other]))
        let mine = { (ds: [Diagnostic]) in places(ds.filter { $0.location.source.unit == warned.location.source.unit }) }
        XCTAssertEqual(mine(third.earlier.diagnostics), mine(first.diagnostics))
    }

    func testAskingForThePortalBundleAfterAPlainBuildRebuilds() throws {
        XCTAssertEqual(build().incremental, .full)
        let withPortal = SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: root.appendingPathComponent("Templates"),
                                                    templatesDisplay: "Templates", output: output, portal: true)).buildIncrementally()
        XCTAssertEqual(withPortal.incremental, .full, "other options, other output")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("luzhou-zzb/2020/portal.zip").path))
    }

    func testAChangedReportIsTheOnlyOneRenderedAndOnlyChangedFilesAreWritten() throws {
        _ = build()
        let before = FileStamps.scan(output)
        try append("miyi-zzb/2020/duties.md", "\n增加的一句话。\n")
        let result = build()
        XCTAssertEqual(result.incremental, .units(["miyi-zzb"]))
        XCTAssertEqual(result.rendered, 1)
        let after = FileStamps.scan(output)
        let changed = Set(after.files.keys.filter { after.files[$0] != before.files[$0] })
        XCTAssertEqual(changed, ["miyi-zzb/2020/index.html"], "only the page the sentence is on")
        XCTAssertTrue(String(decoding: try Data(contentsOf: output.appendingPathComponent("miyi-zzb/2020/index.html")), as: UTF8.self)
            .contains("增加的一句话。"))
        try assertSameAsFullBuild("after a narrative change")
    }

    /// A rebuild reads the record's index and stamps, and a unit's share only when it needs it: a
    /// narrative edit needs none of the other units' (the site pages' entries did not change).
    func testARebuildReadsOtherUnitsSharesOnlyWhenTheSitePagesChange() throws {
        _ = build()
        let units = BuildRecord.folder(for: builder().options).appendingPathComponent("units")
        let meta = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: units.deletingLastPathComponent().appendingPathComponent("meta.json"))) as? [String: Any])
        let noted = Set(try XCTUnwrap(meta["noted"] as? [String]))
        XCTAssertEqual((meta["reports"] as? [Int])?.reduce(0, +), 4, "report counts in the order of the units")
        XCTAssertEqual((meta["reports"] as? [Int])?.count, (meta["units"] as? [String])?.count)
        // A unit without findings whose share is gone: a narrative edit elsewhere does not miss it.
        let quiet = try XCTUnwrap((meta["units"] as? [String])?.first { !noted.contains($0) && $0 != "miyi-zzb" })
        try FileManager.default.removeItem(at: units.appendingPathComponent("\(quiet).json"))
        try append("miyi-zzb/2020/duties.md", "\n又增加的一句话。\n")
        let edited = build()
        XCTAssertEqual(edited.incremental, .units(["miyi-zzb"]))
        XCTAssertEqual(edited.reports, 4)
        try assertSameAsFullBuild("after a narrative edit with another unit's share unread")
        // A change to the home page's entries needs every unit's: without it, the build starts afresh.
        XCTAssertFalse(FileManager.default.fileExists(atPath: units.appendingPathComponent("\(quiet).json").path), "not needed, not rewritten")
        let unitYAML = content.appendingPathComponent("miyi-zzb/unit.yaml")
        let text = try String(contentsOf: unitYAML, encoding: .utf8)
        let name = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("name:") })
        try text.replacingOccurrences(of: String(name), with: String(name) + "（改）").write(to: unitYAML, atomically: true, encoding: .utf8)
        XCTAssertEqual(build().incremental, .full)
        try assertSameAsFullBuild("after a renamed unit with another unit's share missing")
    }

    func testAddedAndRemovedUnitsUpdateTheHomePageAndLeaveNoStaleFiles() throws {
        _ = build()
        try FileManager.default.copyItem(at: content.appendingPathComponent("miyi-zzb"), to: content.appendingPathComponent("miyi-copy"))
        let added = build()
        XCTAssertEqual(added.incremental, .units(["miyi-copy"]))
        XCTAssertEqual(added.reports, 5)
        XCTAssertNotNil(FileManager.default.contents(atPath: output.appendingPathComponent("miyi-copy/2020/index.html").path))
        XCTAssertTrue(String(decoding: try Data(contentsOf: output.appendingPathComponent("index.html")), as: UTF8.self)
            .contains("miyi-copy/2020/index.html"))
        try assertSameAsFullBuild("after adding a unit")

        try FileManager.default.removeItem(at: content.appendingPathComponent("miyi-copy"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("luzhou-zzb"))
        let removed = build()
        XCTAssertEqual(removed.incremental, .units(["luzhou-zzb", "miyi-copy"]))
        XCTAssertEqual(removed.reports, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("luzhou-zzb").path), "a removed unit's folder goes")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("miyi-copy").path))
        try assertSameAsFullBuild("after removing units")
    }

    func testAnErrorLeavesTheOutputAsItWasUntilItIsFixed() throws {
        _ = build()
        let before = try tree(output)
        let accounts = content.appendingPathComponent("panzhihua-xiqu-zzb/2023/accounts.yaml")
        let original = try Data(contentsOf: accounts)
        try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "general_budget:", with: "general_budgt:").utf8).write(to: accounts)
        let failed = build()
        XCTAssertFalse(failed.written)
        XCTAssertGreaterThan(failed.diagnostics.errorCount, 0)
        XCTAssertEqual(try tree(output), before, "nothing published is lost")
        XCTAssertEqual(build().written, false, "still failing: the record was not advanced")
        try original.write(to: accounts)
        try append("panzhihua-xiqu-zzb/2023/duties.md", "\n改好了。\n")
        XCTAssertEqual(build().incremental, .units(["panzhihua-xiqu-zzb"]))
        try assertSameAsFullBuild("after fixing the error")
    }

    func testSiteTemplatesAndTamperedOutputMeanAFullBuild() throws {
        _ = build()
        try append("site.yaml", "\n# 注释\n")
        XCTAssertEqual(build().incremental, .full, "site.yaml is on every page")
        try append("../Templates/report.mustache", "\n")
        XCTAssertEqual(build().incremental, .full, "templates changed")
        try FileManager.default.removeItem(at: output.appendingPathComponent("miyi-zzb/2020/report.json"))
        XCTAssertEqual(build().incremental, .full, "someone touched the output")
        XCTAssertNotNil(FileManager.default.contents(atPath: output.appendingPathComponent("miyi-zzb/2020/report.json").path))
        XCTAssertEqual(build().incremental, .unchanged)
        try assertSameAsFullBuild("after full builds")
    }
}
