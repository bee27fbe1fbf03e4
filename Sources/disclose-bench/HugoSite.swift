import Foundation

/// Writes a Hugo site that renders the same pages as a disclose build, for `disclose-bench compare`.
///
/// Hugo cannot check or derive anything, so it gets what disclose derived as data and does the rest
/// itself, as a Hugo site of these reports would:
/// - each report is a page bundle (`content/<unit>/<year>/index.md`) whose body is the report's own
///   narrative Markdown (every `.md` file of its content folder; Hugo renders it with Goldmark), whose
///   front matter holds its tables as data (cell text, spans, classes — read back from disclose's page)
///   and its key figures (from `report.json`), and whose resources are every other file disclose wrote
///   for the report (chart SVGs, PNGs and CSVs, the table CSVs, `data.csv`, `report.json`), published
///   by Hugo as they are. The page template inlines the chart SVGs from the resources and renders the tables;
/// - each unit is a section (`content/<unit>/_index.md`): Hugo lists its reports with their figures;
///   its trend charts and their data tables come as data like the report's;
/// - the home page lists every report by year (Hugo groups and sorts the report pages itself);
/// - every other page disclose wrote (chart pages, compare, open data, search) is a page at the same
///   address with its tables and drawings as data; Hugo writes the 404 page and the sitemap itself;
/// - every other file (site assets, CSVs, open data) is a static file.
/// So the HTML pages have the same addresses as disclose's, the same tables with the same rows, the
/// same inline drawings, and every non-HTML file disclose wrote is published by Hugo too.
struct HugoSite {
    /// disclose's content folder (the narrative Markdown).
    let content: String
    /// A finished disclose build of that content.
    let output: String

    struct Summary: Equatable {
        var reports = 0
        var units = 0
        var otherPages = 0
        var resources = 0
        var staticFiles = 0
        var markdownFiles = 0
        /// Report pages whose content folder had no Markdown.
        var reportsWithoutNarrative = 0
        var pages: Int { reports + units + otherPages + 2 } // + home and 404
    }

    /// Writes the Hugo project into `site` (which must not exist yet).
    func write(to site: String) throws -> Summary {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: site) else { throw HugoSiteError("\(site) already exists") }
        var summary = Summary()
        let files = try Self.files(under: output)
        let fileSet = Set(files)
        let reportFolders = Set(files.filter { $0.hasSuffix("/report.json") && fileSet.contains(Self.sibling($0, "index.html")) }
            .map { ($0 as NSString).deletingLastPathComponent })
        let unitFolders = Set(reportFolders.map { ($0 as NSString).deletingLastPathComponent }.filter { fileSet.contains("\($0)/index.html") })

        // Page titles as disclose's home page names the site; the layout adds " - <site>" back.
        let siteTitle = fileSet.contains("index.html")
            ? HTMLExtract.title(try String(contentsOfFile: "\(output)/index.html", encoding: .utf8)) : "部门决算公开"
        func title(_ html: String) -> String {
            let full = HTMLExtract.title(html)
            return full == siteTitle ? "" : full.hasSuffix(" - \(siteTitle)") ? String(full.dropLast(siteTitle.count + 3)) : full
        }
        let quotedTitle = String(decoding: try JSONSerialization.data(withJSONObject: [siteTitle]), as: UTF8.self).dropFirst().dropLast()
        try write(HugoTemplates.config(title: String(quotedTitle)), to: "\(site)/config.toml")
        for (path, text) in HugoTemplates.layouts { try write(text, to: "\(site)/layouts/\(path)") }
        try write(#"{"_build": {"render": "never", "list": "never"}, "title": "pages"}"# + "\n", to: "\(site)/content/pages/_index.md")

        for file in files {
            let folder = (file as NSString).deletingLastPathComponent
            let reportFolder = Self.enclosing(file, in: reportFolders)
            if file.hasSuffix(".html") {
                let html = try String(contentsOfFile: "\(output)/\(file)", encoding: .utf8)
                if file == "index.html" {
                    try write(Self.page(["title": title(html), "type": "home"]), to: "\(site)/content/_index.md")
                } else if file == "404.html" {
                    continue // Hugo renders layouts/404.html itself
                } else if reportFolders.contains(folder), file.hasSuffix("/index.html") {
                    let markdown = Self.markdown(in: "\(content)/\(folder)")
                    summary.markdownFiles += markdown.files
                    if markdown.files == 0 { summary.reportsWithoutNarrative += 1 }
                    var front = try Self.reportFigures("\(output)/\(folder)/report.json")
                    front["title"] = title(html)
                    front["type"] = "report"
                    front["tables"] = HTMLExtract.tables(html).map(Self.json)
                    try write(Self.page(front, body: markdown.text), to: "\(site)/content/\(folder)/index.md")
                    summary.reports += 1
                } else if unitFolders.contains(folder), file.hasSuffix("/index.html") {
                    // The summary table of the unit's reports is Hugo's to make from the report pages.
                    let tables = HTMLExtract.tables(html).filter { $0.className != "summary" }
                    try write(Self.page(["title": title(html), "type": "unit",
                                         "tables": tables.map(Self.json),
                                         "svgs": try storeSVGs(HTMLExtract.svgs(html), in: site)]),
                              to: "\(site)/content/\(folder)/_index.md")
                    summary.units += 1
                } else {
                    let address = file.hasSuffix("/index.html") ? "/" + file.dropLast("index.html".count) : "/" + file
                    let name = file.replacingOccurrences(of: "/", with: "__").replacingOccurrences(of: ".html", with: ".md")
                    try write(Self.page(["title": title(html), "type": "page", "url": address,
                                         "tables": HTMLExtract.tables(html).map(Self.json),
                                         "svgs": try storeSVGs(HTMLExtract.svgs(html), in: site)]),
                              to: "\(site)/content/pages/\(name)")
                    summary.otherPages += 1
                }
            } else if file == "sitemap.xml" || (file.hasPrefix("sitemap-") && file.hasSuffix(".xml")) || file.hasPrefix(".") {
                continue // Hugo writes its own sitemap; disclose's marker file is not part of the site
            } else if reportFolder != nil {
                try copy(file, to: "\(site)/content/\(file)")
                summary.resources += 1
            } else {
                try copy(file, to: "\(site)/static/\(file)")
                summary.staticFiles += 1
            }
        }
        return summary
    }

    // MARK: - Pieces

    /// The report's figures the home and unit pages list (as disclose's summary tables do).
    static func reportFigures(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw HugoSiteError("\(path): not a JSON object") }
        func value(_ keys: String...) -> String {
            var node: Any? = report
            for key in keys { node = (node as? [String: Any])?[key] }
            return node as? String ?? ""
        }
        let unit = report["unit"] as? [String: Any] ?? [:]
        let year = report["year"] as? Int ?? 0
        return [
            "year": year,
            "unit": unit["id"] as? String ?? "",
            "unitname": unit["name"] as? String ?? "",
            "reportname": "\(year)年度\(report["kind"] as? String ?? "")决算",
            "figures": [
                "grand": value("income", "grand_total"), "income": value("income", "total"),
                "expenditure": value("expenditure", "total"), "basic": value("expenditure", "basic"),
                "project": value("expenditure", "project"), "threepublic": value("three_public", "actual", "total"),
                "agency": value("agency_operating_cost", "amount"),
            ],
        ]
    }

    /// A table as front-matter data: short keys, since Hugo reads them for every cell.
    static func json(_ table: HTMLExtract.Table) -> [String: Any] {
        func row(_ cells: [HTMLExtract.Cell]) -> [[String: Any]] {
            cells.map { cell in
                var out: [String: Any] = ["t": cell.text]
                if cell.isHeader { out["h"] = true }
                if !cell.scope.isEmpty { out["s"] = cell.scope }
                if cell.colspan != 1 { out["cs"] = cell.colspan }
                if cell.rowspan != 1 { out["rs"] = cell.rowspan }
                if !cell.className.isEmpty { out["c"] = cell.className }
                return out
            }
        }
        return ["class": table.className, "caption": table.caption, "head": table.head.map(row), "body": table.body.map(row)]
    }

    /// A content file: JSON front matter, then the Markdown body.
    static func page(_ front: [String: Any], body: String = "") throws -> String {
        let data = try JSONSerialization.data(withJSONObject: front, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n\n" + body
    }

    /// A folder's Markdown files (sorted, subfolders included), joined: the narrative the floor renders too.
    static func markdown(in folder: String) -> (text: String, files: Int) {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return ("", 0) }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".md") { paths.append(path) }
        }
        let texts = paths.sorted().compactMap { try? String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
        return (texts.joined(separator: "\n\n"), texts.count)
    }

    /// Inline drawings of pages that are not reports are kept as files outside what Hugo publishes
    /// (`svg/<hash>.svg`, named by content), which the page template reads and inlines.
    func storeSVGs(_ svgs: [String], in site: String) throws -> [String] {
        try svgs.map { svg in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in svg.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let path = "svg/\(String(hash, radix: 16)).svg"
            if !FileManager.default.fileExists(atPath: "\(site)/\(path)") { try write(svg, to: "\(site)/\(path)") }
            return path
        }
    }

    /// Every file under a folder, relative to it, sorted.
    static func files(under root: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { throw HugoSiteError("cannot read \(root)") }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(path) }
        }
        return files.sorted()
    }

    static func sibling(_ path: String, _ name: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : "\(folder)/\(name)"
    }

    /// The report folder a file is in (at any depth), if any.
    static func enclosing(_ file: String, in folders: Set<String>) -> String? {
        var folder = (file as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            if folders.contains(folder) { return folder }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func copy(_ file: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(output)/\(file)", toPath: path)
    }
}

struct HugoSiteError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
