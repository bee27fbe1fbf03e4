import ArgumentParser
import DiscloseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finding and running Hugo.
enum HugoRunner {
    /// `hugo` on PATH, if any.
    static func onPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/hugo" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }

    static func version(_ hugo: String) -> String {
        let log = NSTemporaryDirectory() + "hugo-version-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: log) }
        guard let result = try? Compare.spawn(hugo, ["version"], stdout: log), result.status == 0,
              let text = try? String(contentsOfFile: log, encoding: .utf8) else { return "version unknown" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct Result { var status: Int32; var seconds: Double; var peakKB: Int; var log: String }

    /// `hugo --source site --destination destination` (a new folder), its output to `destination.log`.
    static func build(_ hugo: String, site: String, destination: String) throws -> Result {
        // Absolute paths: Hugo takes a relative --destination as relative to the site.
        let site = URL(fileURLWithPath: site).standardizedFileURL.path
        let destination = URL(fileURLWithPath: destination).standardizedFileURL.path
        let log = "\(destination).log"
        var result: (status: Int32, peakKB: Int) = (0, 0)
        let seconds = try Compare.timed {
            result = try Compare.spawn(hugo, ["--source", site, "--destination", destination, "--quiet"], stdout: log, stderr: log + ".err", measured: true)
        }
        let text = [log, log + ".err"].compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.joined()
        try? FileManager.default.removeItem(atPath: log)
        try? FileManager.default.removeItem(atPath: log + ".err")
        return Result(status: result.status, seconds: seconds, peakKB: result.peakKB, log: String(text.suffix(2000)))
    }
}

/// `disclose-bench hugo-site`: writes the Hugo site `compare` measures, for a look at it.
struct HugoSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hugo-site",
        abstract: "Write a Hugo site of the same pages as a disclose build (what `compare` times Hugo on).")

    @Option(help: "The content folder (its narrative Markdown).") var content: String
    @Option(help: "A finished disclose build of that content.") var output: String
    @Option(help: "The Hugo site to write (must not exist).") var site: String

    func run() throws {
        let summary = try HugoSite(content: content, output: output).write(to: site)
        print("wrote \(site): \(summary.pages) pages (\(summary.reports) reports, \(summary.units) units, \(summary.otherPages) other, home, 404), \(summary.markdownFiles) Markdown files, \(summary.resources) page resources, \(summary.staticFiles) static files")
    }
}

/// `disclose-bench hugo-check`: a small generated tree built by disclose, written as a Hugo site and
/// built by Hugo; fails unless the Hugo site has the pages it should and Hugo renders the same pages.
struct HugoCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hugo-check",
        abstract: "Check the generated Hugo site on a small tree: the expected files, and Hugo's pages equal to disclose's.")

    @Option(help: "Units of the generated tree.") var units = 2
    @Option(help: "Years per unit.") var years = 2
    @Option(help: "Working folder (replaced).") var work = ".build/hugo-check"
    @Option(help: "Templates directory.") var templates = "Templates"
    @Option(help: "The hugo binary (default: `hugo` on PATH).") var hugo: String?
    @Flag(help: "Fail when Hugo is not installed (otherwise only the written site is checked).") var requireHugo = false

    func run() throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: work)
        let content = "\(work)/Content", output = "\(work)/disclose", site = "\(work)/hugo-site"
        _ = try Corpus.generate(units: units, years: years, into: content)
        let builder = Compare.builder(content: content, templates: templates, output: output)
        let result = builder.buildIncrementally()
        guard result.written else { throw ValidationError("disclose's build failed:\n\(result.diagnosticsText(.en))") }

        var failures: [String] = []
        func expect(_ condition: Bool, _ message: @autoclosure () -> String) { if !condition { failures.append(message()) } }
        let summary = try HugoSite(content: content, output: output).write(to: site)
        let discloseFiles = try HugoSite.files(under: output).filter { !$0.hasPrefix(".") }
        let htmlPages = discloseFiles.filter { $0.hasSuffix(".html") }.count
        expect(summary.reports == units * years, "\(summary.reports) report pages, expected \(units * years)")
        expect(summary.units == units, "\(summary.units) unit pages, expected \(units)")
        expect(summary.pages == htmlPages, "\(summary.pages) pages in the Hugo site, disclose wrote \(htmlPages)")
        expect(summary.reportsWithoutNarrative == 0, "\(summary.reportsWithoutNarrative) reports without narrative Markdown")
        // Every non-HTML file disclose wrote (but its sitemap, which Hugo writes) is a page resource or a static file.
        expect(summary.resources + summary.staticFiles == discloseFiles.count - htmlPages - 1,
               "\(summary.resources) resources + \(summary.staticFiles) static files, disclose wrote \(discloseFiles.count - htmlPages - 1) such files")
        for unit in 0..<units {
            let id = String(format: "unit-%04d", unit)
            expect(fm.fileExists(atPath: "\(site)/content/\(id)/_index.md"), "no content/\(id)/_index.md")
            for year in (2024 - years + 1)...2024 {
                let page = "\(site)/content/\(id)/\(year)/index.md"
                let text = (try? String(contentsOfFile: page, encoding: .utf8)) ?? ""
                expect(text.contains("\"type\":\"report\"") && text.contains("\"tables\":[{"), "\(page): not a report page with tables")
                let duties = (try? String(contentsOfFile: "\(content)/\(id)/\(year)/duties.md", encoding: .utf8)) ?? "∅"
                expect(text.contains(duties), "\(page): the narrative of duties.md is not its body")
                expect(fm.fileExists(atPath: "\(site)/content/\(id)/\(year)/charts/1-total.svg"), "\(page): no chart SVG resource")
            }
        }
        print("Hugo site \(site): \(summary.pages) pages, \(summary.resources) page resources, \(summary.staticFiles) static files")

        if let hugo = hugo ?? HugoRunner.onPath() {
            let built = try HugoRunner.build(hugo, site: site, destination: "\(work)/hugo-public")
            expect(built.status == 0, "hugo exited with \(built.status): \(built.log)")
            if built.status == 0 {
                let equivalence = try HugoEquivalence.compare(disclose: output, hugo: "\(work)/hugo-public")
                failures += equivalence.differences
                expect(equivalence.htmlPages == htmlPages, "\(equivalence.htmlPages) pages compared, disclose wrote \(htmlPages)")
                print("Hugo rendered \(equivalence.htmlPages) HTML pages (\(equivalence.tables) tables, \(equivalence.rows) rows, \(equivalence.drawings) inline SVGs) and \(equivalence.otherFiles) other files, as disclose did")
            }
        } else if requireHugo {
            failures.append("hugo is not installed (apt-get install hugo)")
        } else {
            print("hugo not installed: Hugo's rendering not checked")
        }
        guard failures.isEmpty else {
            for failure in failures.prefix(30) { print("FAIL: \(failure)") }
            throw ExitCode.failure
        }
        print("hugo-check: OK")
    }
}
