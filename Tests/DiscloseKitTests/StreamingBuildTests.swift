import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// A full build streams the content tree a few units at a time (issue 21: flat memory at province
/// scale). What it writes, what it reports and the links it checks must be what a build of the whole
/// tree at once gives.
final class StreamingBuildTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A consistent generated tree of `units` units (more than one group of the stream when above 8).
    private func generated(units: Int, years: [Int]) throws -> URL {
        let content = root.appendingPathComponent("Content")
        var files = ["site.yaml": ConsistentReportGenerator.siteYAML]
        for unit in 0..<units {
            for (path, text) in ConsistentReportGenerator().unitFiles(seed: 11, unitID: String(format: "unit-%02d", unit), index: unit, years: years) {
                files[path] = text
            }
        }
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return content
    }

    private func builder(_ content: URL, output: URL) -> SiteBuilder {
        var options = SiteBuilder.Options(content: content, contentDisplay: "Content", templates: repositoryRoot.appendingPathComponent("Templates"),
                                          templatesDisplay: "Templates", output: output)
        options.chartPNGs = false
        return SiteBuilder(options: options)
    }

    private func files(under folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let path as String in walk {
            var isDir: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { out[path] = try? Data(contentsOf: url) }
        }
        return out
    }

    func testTheStreamedBuildWritesExactlyWhatTheWholeTreeRenders() throws {
        // 18 units: three groups of units on a two-core machine, so links and entries cross groups.
        let content = try generated(units: 18, years: [2022, 2023])
        let output = root.appendingPathComponent("Output")
        let (whole, rendered) = builder(content, output: output).render()
        let expected = try XCTUnwrap(whole, "\(rendered.diagnostics.map(\.message.zh))")
        let result = builder(content, output: output).build()
        XCTAssertTrue(result.written, "\(result.diagnostics.map(\.message.zh))")
        XCTAssertEqual(result.reports, 36)
        XCTAssertEqual(result.rendered, 36)
        // The output folder's ownership mark (OutputOwnership) is the build's, not the site's.
        let written = files(under: output).filter { $0.key != OutputOwnership.markerName }
        XCTAssertEqual(written.keys.sorted(), expected.keys.sorted())
        for (path, data) in expected where written[path] != data { XCTFail("\(path) differs from the whole-tree render") }
        XCTAssertEqual(result.files, written.count - OpenData.assembledFiles(in: output).count)
        // Every unit is on the home page and in the sitemap, in unit order.
        let home = String(decoding: try XCTUnwrap(written["index.html"]), as: UTF8.self)
        XCTAssertTrue(home.contains("共 18 个单位、36 份决算报告"))
        let sitemap = String(decoding: try XCTUnwrap(written["sitemap.xml"]), as: UTF8.self)
        XCTAssertEqual(sitemap.components(separatedBy: "/2023/</loc>").count - 1, 18)
    }

    func testErrorsInTheFirstAndLastGroupsAreAllReportedAndNothingIsPublished() throws {
        let content = try generated(units: 18, years: [2023])
        let output = root.appendingPathComponent("Output")
        XCTAssertTrue(builder(content, output: output).build().written)
        let before = files(under: output)
        // An empty unit.yaml in the first unit and the last: each is an error of its own unit.
        for unit in ["unit-00", "unit-17"] {
            try Data().write(to: content.appendingPathComponent("\(unit)/unit.yaml"))
        }
        let result = builder(content, output: output).build()
        XCTAssertFalse(result.written)
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(Set(errors.compactMap { $0.location.source.unit }), ["unit-00", "unit-17"])
        XCTAssertEqual(files(under: output), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") || $0.contains("staging") }, [])
    }

    func testAReportErrorKeepsTheLineItQuotes() throws {
        let content = try generated(units: 10, years: [2023])
        let accounts = content.appendingPathComponent("unit-09/2023/accounts.yaml")
        var text = try String(contentsOf: accounts, encoding: .utf8)
        // The last unit's first amount typed with a letter: a schema error on that line.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try XCTUnwrap(lines.firstIndex { $0.range(of: #":\s*-?\d+\.\d\d\s*$"#, options: .regularExpression) != nil })
        var edited = lines
        edited[index] = lines[index].replacingOccurrences(of: #"(\d+)\.(\d\d)"#, with: "$1.x$2", options: .regularExpression)
        text = edited.joined(separator: "\n")
        try Data(text.utf8).write(to: accounts)
        let result = builder(content, output: root.appendingPathComponent("Output")).build()
        XCTAssertFalse(result.written)
        let finding = try XCTUnwrap(result.diagnostics.first { $0.severity == .error && $0.location.source.unit == "unit-09" })
        XCTAssertEqual(finding.location.line, index + 1)
        XCTAssertEqual(result.sources.line(index + 1, of: finding.location.file), edited[index])
        XCTAssertTrue(result.diagnosticsText(.zh).contains(edited[index].trimmingCharacters(in: .whitespaces)))
    }

    func testLinksIntoASettledUnitAreForgottenAndTheRestCheckedAtTheEnd() throws {
        let links = LinkChecker(baseURL: "https://example.gov.cn/")
        let page = Data("""
        <a href="../index.html">unit</a> <a href="tables/t.csv">csv</a> <a href="../../b/2020/index.html">b</a>
        <link href="../../assets/site.css"> <img src="missing.png">
        """.utf8)
        links.add(["a/2020/index.html": page, "a/2020/tables/t.csv": Data()])
        links.add(["a/index.html": Data()])
        links.settle("a")
        // The unit's own targets are settled; the missing chart, the other unit and the asset wait.
        XCTAssertEqual(links.dead().compactMap(\.resolved).sorted(), ["a/2020/missing.png", "assets/site.css", "b/2020/index.html"])
        links.add(["assets/site.css": Data()])
        // A target written by another unit that was settled earlier is looked for on disk.
        let staging = root.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("b/2020"), withIntermediateDirectories: true)
        try Data().write(to: staging.appendingPathComponent("b/2020/index.html"))
        XCTAssertEqual(links.dead(existingUnder: staging).compactMap(\.resolved), ["a/2020/missing.png"])
        // Settled against the disk as the site pages come: what is there is forgotten, the rest kept.
        links.settleOnDisk(staging)
        XCTAssertEqual(links.dead().compactMap(\.resolved), ["a/2020/missing.png"])
    }

    func testChartPNGsDrawnOnRequestAreNotDeadLinksButOtherImagesAre() {
        let page = Data("<img src=\"charts/1-total.png\"> <img src=\"photo.png\">".utf8)
        for deferred in [false, true] {
            let links = LinkChecker(baseURL: "https://example.gov.cn/", deferredPNGs: deferred)
            links.add(["u/2023/index.html": page])
            links.settle("u")
            XCTAssertEqual(links.dead().compactMap(\.resolved).sorted(),
                           deferred ? ["u/2023/photo.png"] : ["u/2023/charts/1-total.png", "u/2023/photo.png"])
        }
    }

    func testOneBrokenLinkOnEveryPageIsListedForAFewPagesAndCounted() {
        let links = LinkChecker(baseURL: "https://example.gov.cn/")
        for unit in 0..<50 {
            links.add(["u\(unit)/index.html": Data("<link href=\"../assets/gone.css\"><a href=\"../index.html\">home</a>".utf8)])
            links.settle("u\(unit)")
        }
        links.add(["index.html": Data()])
        let dead = links.dead()
        XCTAssertEqual(dead.count, LinkChecker.examplesPerTarget)
        XCTAssertEqual(dead.map(\.more).reduce(0, +), 50 - LinkChecker.examplesPerTarget)
        let messages = LinkChecker.diagnostics(dead, output: "Output").map(\.message.zh)
        XCTAssertEqual(messages.filter { $0.contains("其他页面另有 30 处同一链接") }.count, 1)
        XCTAssertTrue(messages.allSatisfy { $0.contains("assets/gone.css") })
    }
}
