import DiscloseCore
@testable import DiscloseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// A finance office's own site, away from the disclose repository: the installed binary, `init`,
/// the bundled templates and their overrides, progress on a terminal, the build record's place and
/// links that never break.
final class OwnSiteTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-own-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs a program in a folder. With `tty`, its standard error is a pseudo-terminal (made by Python's
    /// pty module) whose output comes back as `stderr`; standard output is then discarded.
    private func run(_ program: URL, _ arguments: [String], in folder: URL, tty: Bool = false) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        if tty {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            let script = """
            import os, pty, subprocess, sys
            m, s = pty.openpty()
            p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=s)
            os.close(s)
            out = b""
            while True:
                try:
                    d = os.read(m, 65536)
                except OSError:
                    break
                if not d:
                    break
                out += d
            sys.stdout.buffer.write(out)
            sys.exit(p.wait())
            """
            process.arguments = ["python3", "-c", script, program.path] + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: stdout, as: UTF8.self)
        return tty ? (process.terminationStatus, "", text) : (process.terminationStatus, text, String(decoding: stderr, as: UTF8.self))
    }

    private func copySampleReport(into site: URL, unit: String) throws {
        let fm = FileManager.default
        let source = repositoryRoot.appendingPathComponent("Content/miyi-zzb")
        let target = site.appendingPathComponent("Content/\(unit)")
        try? fm.removeItem(at: target)
        try fm.copyItem(at: source, to: target)
    }

    // MARK: install, init, new, check, build

    func testTheInstalledBinaryMakesACompleteSiteInAnEmptyFolder() throws {
        let installed = repositoryRoot.appendingPathComponent(".build/install-test/bin/disclose")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: installed.path),
                          "make test installs disclose into .build/install-test first (make install PREFIX=… CONFIG=debug)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: installed.deletingLastPathComponent()
            .appendingPathComponent("Disclose_DiscloseCore.resources").path), "the bundled data is installed beside the binary")
        let initResult = try run(installed, ["init", "县财政局网站", "--title", "渠县部门决算公开", "--publisher", "渠县财政局",
                                             "--base-url", "https://www.example.gov.cn/juesuan/"], in: root)
        XCTAssertEqual(initResult.status, 0, initResult.stderr)
        let site = root.appendingPathComponent("县财政局网站")
        let siteYAML = try String(contentsOf: site.appendingPathComponent("Content/site.yaml"), encoding: .utf8)
        XCTAssertTrue(siteYAML.contains("title: \"渠县部门决算公开\""), siteYAML)
        XCTAssertTrue(siteYAML.contains("# 站点标题"), "every field carries its Chinese comment")
        for file in [".gitignore", "README.md"] { XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), file) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("Templates").path), "no templates to copy around")
        // A second init refuses and changes nothing.
        let again = try run(installed, ["init", "县财政局网站"], in: root)
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("Content/site.yaml"), encoding: .utf8), siteYAML)

        let new = try run(installed, ["new", "demo-zzb", "2020"], in: site)
        XCTAssertEqual(new.status, 0, new.stdout + new.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("Content/demo-zzb/2020/accounts.yaml").path))
        // Filled from a fixture: the sample report.
        try copySampleReport(into: site, unit: "demo-zzb")
        let check = try run(installed, ["check"], in: site)
        XCTAssertEqual(check.status, 0, check.stdout)
        let build = try run(installed, ["build"], in: site)
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        XCTAssertFalse(build.stdout.contains("缺少模板"), build.stdout)
        for path in ["index.html", "404.html", "sitemap.xml", "assets/site.css", "search/index.html", "search/names.json",
                     "demo-zzb/index.html", "demo-zzb/2020/index.html", "demo-zzb/2020/report.json", "demo-zzb/2020/charts/1-total.svg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/\(path)").path), path)
        }
        let report = try String(contentsOf: site.appendingPathComponent("Output/demo-zzb/2020/index.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("中国共产党米易县委员会组织部"))
        // The record of the build stays inside the site folder.
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(".disclose-cache").path))
    }

    // MARK: bundled templates, eject and override

    func testTheBundledTemplatesAreTheRepositorysTemplates() throws {
        let folder = repositoryRoot.appendingPathComponent("Templates")
        let onDisk = FileStamps.scan(folder, hidden: false).files.keys.sorted()
        XCTAssertEqual(BundledTemplates.all.map(\.path), onDisk, "run scripts/bundle-templates.py (make build does)")
        for file in BundledTemplates.all {
            XCTAssertEqual(file.data, try Data(contentsOf: folder.appendingPathComponent(file.path)),
                           "\(file.path) is stale in the binary: run scripts/bundle-templates.py")
        }
    }

    private func builder(content: URL, templates: URL, output: URL) -> SiteBuilder {
        SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: templates, templatesDisplay: "Templates", output: output))
    }

    func testAnEjectedAndEditedTemplateShowsAndARemovedOneFallsBackWithAWarning() throws {
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: content)
        let templates = root.appendingPathComponent("Templates")
        let output = root.appendingPathComponent("Output")

        // Only the report page, edited.
        let ejected = try TemplateEjector.eject(into: templates, only: ["report"])
        XCTAssertEqual(ejected.written, ["report.mustache"])
        let reportTemplate = templates.appendingPathComponent("report.mustache")
        try (String(contentsOf: reportTemplate, encoding: .utf8) + "<p class=\"office-note\">本页由渠县财政局审核发布。</p>\n")
            .write(to: reportTemplate, atomically: true, encoding: .utf8)
        var result = builder(content: content, templates: templates, output: output).build()
        XCTAssertTrue(result.written)
        XCTAssertEqual(result.templatesOverridden, ["report.mustache"])
        let page = try String(contentsOf: output.appendingPathComponent("miyi-zzb/2020/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("本页由渠县财政局审核发布。"))
        // Every other bundled template the folder lacks is used from the binary, and said once each.
        let fallbacks = result.diagnostics.filter { $0.rule == "TEMPLATE-FALLBACK" }
        XCTAssertTrue(fallbacks.contains { $0.location.file == "Templates/layout.mustache" })
        XCTAssertFalse(fallbacks.contains { $0.location.file == "Templates/report.mustache" })

        // A full eject, then one template removed: it falls back with a warning naming it.
        try FileManager.default.removeItem(at: templates)
        let all = try TemplateEjector.eject(into: templates)
        XCTAssertEqual(all.written.count, BundledTemplates.all.count)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("part2/procurement.mustache"))
        result = builder(content: content, templates: templates, output: output).build()
        XCTAssertTrue(result.written)
        XCTAssertEqual(result.templatesOverridden, [], "identical copies override nothing")
        XCTAssertEqual(result.diagnostics.filter { $0.rule == "TEMPLATE-FALLBACK" }.map(\.location.file), ["Templates/part2/procurement.mustache"])

        // A template written for an older disclose: a field the bundled templates no longer provide.
        let unitTemplate = templates.appendingPathComponent("unit.mustache")
        try (String(contentsOf: unitTemplate, encoding: .utf8) + "<p>{{unit.oldBudgetCode}}</p>{{> partials/gone}}\n")
            .write(to: unitTemplate, atomically: true, encoding: .utf8)
        result = builder(content: content, templates: templates, output: output).build()
        let fields = result.diagnostics.filter { $0.rule == "TEMPLATE-FIELD" }
        XCTAssertEqual(fields.count, 2, "\(fields.map(\.message.zh))")
        XCTAssertTrue(fields.contains { $0.message.zh.contains("“oldBudgetCode”") })
        XCTAssertTrue(fields.contains { $0.message.zh.contains("“partials/gone”") })

        // Eject does not overwrite an edited file without --force.
        let kept = try TemplateEjector.eject(into: templates, only: ["unit"])
        XCTAssertEqual(kept.kept, ["unit.mustache"])
        XCTAssertEqual(try TemplateEjector.eject(into: templates, only: ["nonesuch"]).unknown, ["nonesuch"])
    }

    func testMustacheFieldNamesAreReadFromEveryKindOfTag() {
        let names = TemplateFields.names(in: "{{a.b}} {{{c}}} {{#d}}{{/d}} {{^e}}{{/e}} {{! note }} {{> partials/x}} {{#empty(f)}}{{/empty(f)}} {{&g}}")
        XCTAssertEqual(names, ["a", "b", "c", "d", "e", ">partials/x", "f", "g"])
    }

    // MARK: terminal output

    func testBuildShowsProgressOnATerminalAndNothingWhenPiped() throws {
        let binary = repositoryRoot.appendingPathComponent(".build/debug/disclose")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "build the executable first")
        let content = repositoryRoot.appendingPathComponent("Content").path
        let onTerminal = try run(binary, ["build", "--content", content, "--output", root.appendingPathComponent("a").path, "--full"], in: root, tty: true)
        XCTAssertEqual(onTerminal.status, 0, onTerminal.stderr)
        XCTAssertTrue(onTerminal.stderr.contains("[1/4] 检查内容"), onTerminal.stderr)
        XCTAssertTrue(onTerminal.stderr.contains("\r生成报告 4/4，已用 "), onTerminal.stderr)
        let piped = try run(binary, ["build", "--content", content, "--output", root.appendingPathComponent("b").path, "--full"], in: root)
        XCTAssertEqual(piped.status, 0)
        XCTAssertEqual(piped.stderr, "", "no progress when standard error is not a terminal")
        XCTAssertTrue(piped.stdout.contains("已生成"))
    }

    func testTheBuildRecordStaysInTheSiteFolderWhenTheOutputIsElsewhere() throws {
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let content = site.appendingPathComponent("Content")
        let pub = root.appendingPathComponent("pub")
        XCTAssertEqual(BuildRecord.home(for: .init(content: content, contentDisplay: "Content", templates: site.appendingPathComponent("Templates"),
                                                   templatesDisplay: "Templates", output: pub)).path, site.standardizedFileURL.path)
        let inside = site.appendingPathComponent("build/Output")
        XCTAssertEqual(BuildRecord.home(for: .init(content: content, contentDisplay: "Content", templates: site.appendingPathComponent("Templates"),
                                                   templatesDisplay: "Templates", output: inside)).path,
                       site.appendingPathComponent("build").standardizedFileURL.path)
    }

    // MARK: links

    func testTheSampleAndAGeneratedMultiYearSiteHaveNoDeadInternalLinks() throws {
        let generated = root.appendingPathComponent("generated")
        var files = ["site.yaml": ConsistentReportGenerator.siteYAML]
        for unit in 0..<3 {
            for (path, text) in ConsistentReportGenerator().unitFiles(seed: 7, unitID: "unit-\(unit)", index: unit, years: [2021, 2022, 2023]) {
                files[path] = text
            }
        }
        for (path, text) in files {
            let url = generated.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for content in [repositoryRoot.appendingPathComponent("Content"), generated] {
            let output = root.appendingPathComponent("out-\(content.lastPathComponent)")
            let result = builder(content: content, templates: repositoryRoot.appendingPathComponent("Templates"), output: output).build()
            XCTAssertTrue(result.written, "\(result.diagnostics.map(\.message.zh))")
            XCTAssertEqual(result.diagnostics.filter { $0.rule == "LINK-DEAD" }.count, 0)
            // Read back from disk, every page's every internal reference resolves.
            let siteYAML = try String(contentsOf: content.appendingPathComponent("site.yaml"), encoding: .utf8)
            let base = try XCTUnwrap(siteYAML.split(separator: "\n").first { $0.hasPrefix("base_url:") }?
                .dropFirst("base_url:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"")))
            let dead = LinkAudit.internalDead(output: output, baseURL: base)
            XCTAssertEqual(dead.map(\.message.zh), [])
        }
        // The unit pages' trend figure links its page and data, and both exist.
        let trendPage = root.appendingPathComponent("out-generated/unit-0/charts/trend.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: trendPage.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("out-generated/unit-0/charts/trend.csv").path))
    }

    func testAPlantedDeadLinkFailsTheBuildAndLeavesOutputUntouched() throws {
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: content)
        let output = root.appendingPathComponent("Output")
        let templates = repositoryRoot.appendingPathComponent("Templates")
        XCTAssertTrue(builder(content: content, templates: templates, output: output).buildIncrementally().written)
        let before = try Data(contentsOf: output.appendingPathComponent("miyi-zzb/2020/index.html"))
        let duties = content.appendingPathComponent("miyi-zzb/2020/duties.md")
        try (String(contentsOf: duties, encoding: .utf8) + "\n详见[附件一](附件一.pdf)。\n").write(to: duties, atomically: true, encoding: .utf8)
        // Incremental and full builds alike.
        for full in [false, true] {
            let b = builder(content: content, templates: templates, output: output)
            if full { b.forgetLastBuild() }
            let result = b.buildIncrementally()
            XCTAssertFalse(result.written)
            let dead = result.diagnostics.filter { $0.rule == "LINK-DEAD" }
            XCTAssertEqual(dead.count, 1)
            XCTAssertEqual(dead.first?.location.file, "Output/miyi-zzb/2020/index.html")
            XCTAssertTrue(dead.first?.message.zh.contains("附件一.pdf") == true)
            XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("miyi-zzb/2020/index.html")), before)
        }
    }

    func testLinksResolveLikeABrowserResolvesThem() {
        let checker = LinkChecker(baseURL: "https://example.gov.cn/juesuan/")
        XCTAssertEqual(checker.resolve("../index.html", from: "u/2020/index.html"), "u/index.html")
        XCTAssertEqual(checker.resolve("../", from: "u/2020/index.html"), "u/index.html")
        XCTAssertEqual(checker.resolve("tables/a.csv?x=1#top", from: "u/2020/index.html"), "u/2020/tables/a.csv")
        XCTAssertEqual(checker.resolve("https://example.gov.cn/juesuan/u/", from: "404.html"), "u/index.html")
        XCTAssertEqual(checker.resolve("https://example.gov.cn/juesuan/", from: "404.html"), "index.html")
        XCTAssertEqual(checker.resolve("%E9%99%84%E4%BB%B6.pdf", from: "u/2020/index.html"), "u/2020/附件.pdf")
        XCTAssertEqual(checker.resolve("../../../etc/passwd", from: "u/index.html"), "")
        XCTAssertNil(checker.resolve("https://www.gov.cn/", from: "index.html"))
        XCTAssertNil(checker.resolve("mailto:a@b.cn", from: "index.html"))
        XCTAssertNil(checker.resolve("#part-2", from: "index.html"))
        XCTAssertEqual(LinkChecker.references(in: Data("<a href=\"a.html?x=1&amp;y=2\"> <img src=\"b.svg\"> <p data-href=\"no\">".utf8)),
                       ["a.html?x=1&y=2", "b.svg"])
    }

    func testCheckLinksFetchesTheNarrativesExternalAddresses() throws {
        // A local server: one address answers, one is missing.
        let served = root.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: served.appendingPathComponent("policy.html"))
        let port = 20000 + Int(getpid() % 20000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", served.path]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        // Wait until it listens.
        var up = false
        for _ in 0..<50 where !up {
            usleep(100_000)
            up = LinkAudit.fetch("http://127.0.0.1:\(port)/policy.html", timeout: 1) == nil
        }
        XCTAssertTrue(up, "the local server did not start")
        let content = root.appendingPathComponent("Content/u/2023")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try """
        依据[管理办法](http://127.0.0.1:\(port)/policy.html)，详见 http://127.0.0.1:\(port)/missing.html。
        """.write(to: content.appendingPathComponent("duties.md"), atomically: true, encoding: .utf8)
        let links = LinkAudit.externalLinks(content: root.appendingPathComponent("Content"), displayRoot: "Content")
        XCTAssertEqual(links.map(\.url), ["http://127.0.0.1:\(port)/policy.html", "http://127.0.0.1:\(port)/missing.html"])
        XCTAssertEqual(links.first?.location?.description, "Content/u/2023/duties.md:1:\(("依据[管理办法](" as String).count + 1)")
        let failures = LinkAudit.check(links, timeout: 5)
        XCTAssertEqual(failures.map(\.link.url), ["http://127.0.0.1:\(port)/missing.html"])
        XCTAssertEqual(failures.first?.status, 404)
    }
}
