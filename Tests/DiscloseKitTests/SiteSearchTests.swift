import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Site search: the exact-name index finds a unit by any contiguous part of its names, every
/// searchable page tells the full-text engine its filters, and a build without the engine still
/// publishes the site and says what to install. (The engine itself is exercised in a browser by
/// tests/browser/search_test.py on a generated site of 200 reports.)
final class SiteSearchTests: XCTestCase {
    private var root: URL!
    private var content: URL { root.appendingPathComponent("Content") }
    private var output: URL { root.appendingPathComponent("Output") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func builder(search: Bool) -> SiteBuilder {
        SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: root.appendingPathComponent("Templates"),
                                   templatesDisplay: "Templates", output: output, search: search))
    }

    func testPartyCommitteeNamesGetTheSpellingsReadersType() {
        let aliases = SearchNameIndex.aliases(name: "中国共产党渠县委员会组织部", shortName: "渠县县委组织部",
                                              others: ["中共渠县县委非公有制经济组织和社会组织工作委员会"])
        XCTAssertEqual(aliases, ["中共渠县委组织部", "中共渠县县委组织部"])
        // Only a place's committee shortens; 工作委员会 is part of the name.
        XCTAssertFalse(aliases.contains { $0.hasSuffix("工作委") })
        XCTAssertEqual(SearchNameIndex.aliases(name: "渠县财政局", shortName: "渠县财政局", others: []), [])
    }

    func testTheNameIndexListsEveryUnitWithItsReportsNewestFirst() throws {
        let result = builder(search: false).build()
        XCTAssertTrue(result.written)
        let data = try Data(contentsOf: output.appendingPathComponent("search/names.json"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let units = try XCTUnwrap(object["units"] as? [[String: Any]])
        XCTAssertEqual(units.map { $0["id"] as? String }, ["luzhou-zzb", "miyi-zzb", "panzhihua-xiqu-zzb", "putuo-shgzb"])
        let luzhou = units[0]
        XCTAssertEqual(luzhou["name"] as? String, "中国共产党泸州市委员会组织部")
        XCTAssertEqual(luzhou["short"] as? String, "泸州市委组织部")
        XCTAssertEqual(luzhou["region"] as? String, "四川省泸州市")
        XCTAssertEqual(luzhou["other"] as? [String], ["中共泸州市委非公有制经济组织和社会组织工作委员会", "泸州市公务员局"])
        XCTAssertEqual(luzhou["aliases"] as? [String], ["中共泸州市委组织部"])
        let reports = try XCTUnwrap(luzhou["reports"] as? [[String: Any]])
        XCTAssertEqual(reports.count, 1)
        XCTAssertEqual(reports[0]["year"] as? Int, 2020)
        XCTAssertEqual(reports[0]["url"] as? String, "luzhou-zzb/2020/index.html")
        // The same data as a script for pages opened from disk.
        let script = try String(contentsOf: output.appendingPathComponent("search/names.js"), encoding: .utf8)
        XCTAssertTrue(script.hasPrefix("window.DISCLOSE_NAMES = {"))
        XCTAssertTrue(script.contains("\"中国共产党泸州市委员会组织部\""))
        // The search page is there, linked from every page's header.
        let searchPage = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        XCTAssertTrue(searchPage.contains("<script src=\"names.js\"></script>"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("action=\"search/index.html\""))
    }

    /// The index is serialised a unit at a time; the bytes are those of the whole serialised at once,
    /// and the script is that JSON with every `<` escaped, whatever follows it.
    func testTheIndexSerialisedUnitByUnitIsTheWholeSerialisedAtOnce() throws {
        for names in [["中国共产党渠县委员会组织部", "a\"b\\c/d"], ["x<\u{0338}y", "表情😀", "<b>"], []] {
            var index = SearchNameIndex(entries: [])
            index.units = names.enumerated().map { i, name in
                .init(id: "u\(i)", name: name, shortName: "短\(i)", otherNames: [name + "（旧）"], region: "四川省", supervisor: "",
                      reports: [(2024, "部门", "u\(i)/2024/index.html"), (2023, "单位", "u\(i)/2023/index.html")], url: "u\(i)/index.html")
            }
            let whole: [String: Any] = ["version": 1, "units": index.units.map(SearchNameIndex.object)]
            let expected = try JSONSerialization.data(withJSONObject: whole, options: [.sortedKeys, .withoutEscapingSlashes])
            XCTAssertEqual(index.json, expected)
            let text = String(decoding: expected, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            XCTAssertEqual(String(decoding: index.script, as: UTF8.self), "window.DISCLOSE_NAMES = \(text);\n")
        }
    }

    func testANameCannotCloseTheScriptThatCarriesIt() {
        var index = SearchNameIndex(entries: [])
        index.units = [.init(id: "x", name: "</script><script>alert(1)</script>", shortName: "x", otherNames: [], region: "",
                             supervisor: "", reports: [(2023, "部门", "x/2023/index.html")], url: "x/index.html")]
        let script = String(decoding: index.script, as: UTF8.self)
        XCTAssertFalse(script.contains("</script"))
        XCTAssertTrue(script.contains("\\u003c/script>"))
    }

    func testReportAndUnitPagesCarryTheirFiltersAndOnlyTheyAreIndexed() throws {
        // A 主管部门 from unit.yaml becomes the filter value.
        let unitFile = content.appendingPathComponent("miyi-zzb/unit.yaml")
        try (String(contentsOf: unitFile, encoding: .utf8) + "supervisor: 米易县委办公室\n").write(to: unitFile, atomically: true, encoding: .utf8)
        XCTAssertTrue(builder(search: false).build().written)
        let report = try String(contentsOf: output.appendingPathComponent("miyi-zzb/2020/index.html"), encoding: .utf8)
        for filter in ["年度[content]\" content=\"2020\"", "单位[content]\" content=\"中国共产党米易县委员会组织部\"",
                       "地区[content]\" content=\"四川省攀枝花市米易县\"", "主管部门[content]\" content=\"米易县委办公室\"",
                       "类型[content]\" content=\"部门决算\""] {
            XCTAssertTrue(report.contains("<meta property=\"disclose:search-filter\" data-pagefind-filter=\"\(filter)>"), filter)
        }
        XCTAssertTrue(report.contains("<main id=\"main\" class=\"wrap\" tabindex=\"-1\" data-pagefind-body>"))
        let unitPage = try String(contentsOf: output.appendingPathComponent("miyi-zzb/index.html"), encoding: .utf8)
        XCTAssertTrue(unitPage.contains("data-pagefind-body"))
        XCTAssertTrue(unitPage.contains("类型[content]\" content=\"单位主页\""))
        // The home page lists every report: it would match every query, so it is not indexed.
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(home.contains("data-pagefind"))
        // A department without a supervisor is its own 主管部门.
        let luzhou = try String(contentsOf: output.appendingPathComponent("luzhou-zzb/2020/index.html"), encoding: .utf8)
        XCTAssertTrue(luzhou.contains("主管部门[content]\" content=\"中国共产党泸州市委员会组织部\""))
    }

    func testWithoutTheEngineTheSiteIsStillBuiltAndTheBuildSaysWhatToInstall() throws {
        XCTAssertNil(SearchIndexer.engine(environment: ["DISCLOSE_PAGEFIND": root.appendingPathComponent("none").path, "PATH": ""]))
        XCTAssertEqual(SearchIndexer.index(site: output, engine: nil), .engineMissing)
        XCTAssertTrue(SearchIndexer.installHint.zh.contains("pip install pagefind-bin-extended"))
    }

    func testAFailingEngineLeavesThePublishedSiteAndItsOldIndexAlone() throws {
        XCTAssertTrue(builder(search: false).build().written)
        let old = output.appendingPathComponent("pagefind")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: old.appendingPathComponent("pagefind.js"))
        let engine = root.appendingPathComponent("broken-engine")
        try "#!/bin/sh\necho 'Error: cannot parse' >&2\nexit 3\n".write(to: engine, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        guard case .failed(let why) = SearchIndexer.index(site: output, engine: engine) else { return XCTFail("expected a failure") }
        XCTAssertTrue(why.contains("exit 3"), why)
        XCTAssertEqual(try String(contentsOf: old.appendingPathComponent("pagefind.js"), encoding: .utf8), "old")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        // Nothing is left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("pagefind") }
        XCTAssertEqual(leftovers, [])
    }

    func testAnEngineThatWritesABundleReplacesTheOldOneAndTheNextBuildIsANoOp() throws {
        // A stand-in engine: writes a bundle where it is told to, as Pagefind does.
        let engine = root.appendingPathComponent("fake-pagefind")
        try """
        #!/bin/sh
        while [ $# -gt 0 ]; do case "$1" in --output-path) out="$2"; shift;; esac; shift; done
        mkdir -p "$out/fragment" && echo new > "$out/pagefind.js" && echo x > "$out/fragment/a.pf_fragment"
        echo "  Indexed 6 pages"
        """.write(to: engine, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        setenv("DISCLOSE_PAGEFIND", engine.path, 1)
        defer { unsetenv("DISCLOSE_PAGEFIND") }
        let first = builder(search: true).buildIncrementally()
        guard case .indexed(let pages, _, let name) = first.search else { return XCTFail("no index: \(String(describing: first.search))") }
        XCTAssertEqual(pages, 6)
        XCTAssertEqual(name, "fake-pagefind")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("pagefind/pagefind.js"), encoding: .utf8), "new\n")
        // The bundle written after the files is not taken for a touched output folder.
        let second = builder(search: true).buildIncrementally()
        XCTAssertEqual(second.incremental, .unchanged)
        // A changed report: its unit is rebuilt and the index made again.
        let duties = content.appendingPathComponent("miyi-zzb/2020/duties.md")
        try (String(contentsOf: duties, encoding: .utf8) + "\n补充说明一句。\n").write(to: duties, atomically: true, encoding: .utf8)
        let third = builder(search: true).buildIncrementally()
        XCTAssertEqual(third.incremental, .units(["miyi-zzb"]))
        if case .indexed = third.search {} else { XCTFail("expected a new index, got \(String(describing: third.search))") }
        XCTAssertEqual(builder(search: true).buildIncrementally().incremental, .unchanged)
    }

    func testThePreviewGetsTheBundleOfItsInMemorySite() throws {
        let engine = root.appendingPathComponent("fake-pagefind")
        try """
        #!/bin/sh
        while [ $# -gt 0 ]; do case "$1" in --site) site="$2"; shift;; --output-path) out="$2"; shift;; esac; shift; done
        mkdir -p "$out" && ls "$site" > "$out/pages.txt" && echo js > "$out/pagefind.js"
        """.write(to: engine, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: engine.path)
        let bundle = try XCTUnwrap(SearchIndexer.bundle(for: ["index.html": Data("<html></html>".utf8), "a/index.html": Data("<html></html>".utf8),
                                                              "assets/site.css": Data()], engine: engine))
        XCTAssertEqual(Set(bundle.keys), ["pagefind/pages.txt", "pagefind/pagefind.js"])
        // Only pages are handed to the engine.
        XCTAssertEqual(String(decoding: bundle["pagefind/pages.txt"]!, as: UTF8.self), "a\nindex.html\n")
    }
}
