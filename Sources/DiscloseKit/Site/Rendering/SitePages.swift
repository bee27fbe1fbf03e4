import DiscloseCore
import Foundation

/// Every file of the site, by path: pages through the templates, tables as CSV, reports as JSON.
/// Read-only while reports render in parallel; `renderedReports` is updated afterwards on one thread.
final class SitePages: @unchecked Sendable {
    let tree: ContentTree
    let site: Site
    let templates: TemplateSet
    let codes: CodeLists
    let sources: SourceStore
    let contentDisplay: String
    let cache: RenderCache?
    let workbooks: Bool
    /// The printed documents (`--pdf`): the engine's outcome per report; nil when not asked for.
    let pdf: PDFLog?
    let pdfEngine: PDFEngine?
    /// The content root when portal bundles are wanted (their PDFs come from the report folders).
    let portal: URL?
    /// Whether charts are rasterised to PNG now (off in the preview, which draws them on request).
    let chartPNGs: Bool
    /// Chart PNGs kept between builds (nil: every chart is rasterised).
    let pngCache: ChartPNGCache?
    private(set) var renderedReports = 0

    init(tree: ContentTree, site: Site, templates: TemplateSet, codes: CodeLists, sources: SourceStore = SourceStore(),
         contentDisplay: String = "Content", cache: RenderCache? = nil, workbooks: Bool = false, pdf: PDFLog? = nil, pdfEngine: PDFEngine? = nil,
         quality: QualityInputs? = nil, portal: URL? = nil, chartPNGs: Bool = true, pngCache: ChartPNGCache? = nil) {
        self.quality = quality
        self.chartPNGs = chartPNGs
        self.pngCache = pngCache
        self.pdf = pdf
        self.pdfEngine = pdfEngine
        self.portal = portal
        self.tree = tree
        self.site = site
        self.templates = templates
        self.codes = codes
        self.sources = sources
        self.contentDisplay = contentDisplay
        self.cache = cache
        self.workbooks = workbooks
    }

    /// Everything a report's own files depend on: its folder, its unit, the site, the templates, the base URL,
    /// and the unit's previous report (whose figures its sentences may quote).
    /// With a 公开质量自检: each report's diagnostics and how the site is published.
    let quality: QualityInputs?

    func fingerprint(_ report: Report) -> UInt64 {
        var hash = FNV1a()
        hash.add(quality == nil ? "" : "quality")
        // site.yaml, unit.yaml, and the files of this report and of the one before it.
        hash.add(String(sources.fingerprint { path in
            guard let unit = path.unit else { return path.file == "site.yaml" }
            guard unit == report.unitID else { return false }
            guard let year = path.year else { return path.file == "unit.yaml" }
            return year == report.year || year == report.year - 1
        }))
        hash.add(String(templates.fingerprint))
        hash.add(site.baseURL)
        hash.add(workbooks ? "xlsx" : "")
        hash.add(pdf == nil ? "" : pdfEngine?.version ?? "no engine")
        hash.add(portal == nil ? "" : "portal")
        hash.add(chartPNGs ? "" : "no png")
        // The year switch lists the unit's other reports.
        hash.add(tree.reports(of: report.unitID).map { String($0.year) }.sorted().joined(separator: ","))
        return hash.value
    }

    var siteContext: [String: Any] { ["title": site.title, "publisher": site.publisher] }

    func page(_ template: String, _ context: [String: Any], title: String, root: String, canonical: String?, breadcrumbs: [[String: Any]],
              inlineStyles: Bool = false, search: SearchFacets? = nil, meta: [(String, String)]? = nil) -> Data {
        var ctx = context
        ctx["root"] = root
        ctx["site"] = siteContext
        let content = templates.render(template, ctx)
        var layout: [String: Any] = ["content": content, "pageTitle": title, "root": root, "site": siteContext,
                                     "canonical": canonical as Any, "breadcrumbs": breadcrumbs,
                                     "searchBox": !inlineStyles && template != "search",
                                     "meta": GovernmentMeta.context(meta ?? GovernmentMeta.site(site))]
        if let search {
            layout["searchable"] = true
            layout["searchFilters"] = search.filters.map { ["name": $0.name, "value": $0.value] }
        }
        // 404.html is served at any depth: it carries its own styles instead of a relative link.
        if inlineStyles, let css = templates.assets.first(where: { $0.path == "assets/404.css" }) {
            layout["inlineStyles"] = String(decoding: css.data, as: UTF8.self)
        }
        return Data(templates.render("layout", layout).utf8)
    }

    func absolute(_ path: String) -> String {
        let base = site.baseURL.hasSuffix("/") ? site.baseURL : site.baseURL + "/"
        return base + path
    }

    /// The home and unit pages' figures, in 万元 as their captions say, whatever unit a report keeps
    /// its figures in (a report in 元 is converted, never printed in 元 under a 万元 heading).
    func headline(_ r: Report, figures: ReportFigures? = nil) -> [String: Any] {
        let a = r.accounts
        let figures = figures ?? ReportFigures(r)
        let m = { (amount: Amount) in Derived.tableMoney(amount.inWanYuan) }
        return ["year": r.year, "kind": r.kind.rawValue, "grandTotal": m(a.income.grandTotal.amount),
                "incomeTotal": m(a.income.total.amount), "expenditureTotal": m(a.expenditure.total.amount),
                "basic": m(a.expenditure.amount(.basic)), "project": m(a.expenditure.amount(.project)),
                "threePublic": m(Amount(figures.threePublicActual.total.shown, a.threePublic.actual.reception.amount.unit)),
                "agencyCost": m(a.agencyOperatingCost.amount.amount)]
            .merging(CompareFigures.fields(r, figures: figures)) { a, _ in a }
            .merging(quality.map { $0.entryFields(r, tables: TableBuilder(figures: figures, unitName: "", codes: codes).tables()) } ?? [:]) { a, _ in a }
    }

    /// One report's files: from the cache when its inputs did not change, else rendered.
    /// `figures`: the report's, where the caller derived them.
    func reportFiles(_ report: Report, unit: UnitInfo, figures derived: ReportFigures? = nil) -> (files: [String: Data], rendered: Bool) {
        let folder = "\(unit.id)/\(report.year)"
        // The fingerprint hashes the report's sources: only worth it when there is a cache to ask.
        let key = cache == nil ? 0 : fingerprint(report)
        if let cached = cache?.files(for: folder, fingerprint: key) { return (cached, false) }
        var own: [String: Data] = [:]
        let reportPage = ReportPage(report: report, unit: unit, templates: templates, codes: codes, figures: derived)
        let tables = reportPage.tables
        for table in tables { own["\(folder)/tables/\(table.id).csv"] = Data(CSVWriter.csv(table).utf8) }
        own["\(folder)/data.csv"] = Data(OpenData.reportRows(report, unit: unit, tables: tables).utf8)
        own["\(folder)/report.json"] = Data(ReportJSON.document(figures: reportPage.figures, unit: unit, tables: tables, codes: codes).utf8)
        var figures: [[String: Any]] = []
        let charts = reportPage.chartSpecs
        for spec in charts {
            figures.append(ChartFiles.write(spec, folder: folder, folderURL: absolute("\(folder)/"), templates: templates, site: siteContext,
                                            pageTitle: reportPage.title, pageURL: "../index.html", png: chartPNGs, pngCache: pngCache, into: &own))
        }
        var context = reportPage.context(root: "../../", site: site, folderURL: absolute("\(folder)/"), tables: tables, figures: figures) {
            "tables/\($0.id).csv"
        }
        if workbooks, let workbook = try? XLSXWriter.workbook(tables, unitName: unit.name) {
            own["\(folder)/tables.xlsx"] = workbook
            context["workbook"] = ["url": "tables.xlsx", "name": "\(unit.id)-\(report.year)-附表.xlsx"]
        }
        if let document = printedDocument(reportPage, tables: tables, charts: charts) {
            own["\(folder)/\(ReportPDF.fileName)"] = document
            context["pdf"] = ["url": ReportPDF.fileName, "name": ReportPDF.downloadName(unitName: unit.name, year: report.year, kind: report.kind)]
        }
        context["extras"] = ReportExtras(report: report, unit: unit, figures: reportPage.figures).context(siblings: tree.reports(of: unit.id))
        context["contact"] = unit.contact as Any
        // The parts in the profile's order, rendered last: their partials read the whole page context.
        context["partsHTML"] = reportPage.partsHTML(context)
        if let contentRoot = portal {
            context["portal"] = ["url": PortalBundle.zipName, "name": "\(unit.id)-\(report.year)-门户发布包.zip"]
            own.merge(portalFiles(reportPage, context: context, folder: folder, contentRoot: contentRoot, tables: tables, files: own)) { a, _ in a }
        }
        own["\(folder)/index.html"] = page("report", context, title: "\(reportPage.title) - \(site.title)", root: "../../",
                                           canonical: absolute("\(folder)/"),
                                           breadcrumbs: [["label": "首页", "url": "../../index.html"], ["label": unit.shortName, "url": "../index.html"],
                                                         ["label": "\(report.year)年度"]], search: SearchFacets(unit: unit, report: report),
                                           meta: GovernmentMeta.report(site, report: report, unit: unit, title: reportPage.title, url: absolute("\(folder)/")))
        if let quality {
            let check = quality.check(report, tables: tables)
            own["\(folder)/quality.html"] = page("quality", check.context.merging(["title": "\(reportPage.title)公开质量自检", "reportURL": "index.html"]) { a, _ in a },
                                                 title: "\(reportPage.title)公开质量自检 - \(site.title)", root: "../../", canonical: absolute("\(folder)/quality.html"),
                                                 breadcrumbs: [["label": "首页", "url": "../../index.html"], ["label": unit.shortName, "url": "../index.html"],
                                                               ["label": "\(report.year)年度", "url": "index.html"], ["label": "公开质量自检"]])
        }
        cache?.store(own, for: folder, fingerprint: key)
        return (own, true)
    }

    /// What a unit contributes to the site: its folder's files, its lines on the home page and its URLs.
    struct UnitOutput: Sendable {
        var files: [String: Data] = [:]
        /// One entry per report for the home page (text values only, so that a build record can keep them).
        var home: [SiteEntry] = []
        var urls: [String] = []
    }

    /// Every file of the site.
    func files(progress: @escaping @Sendable (String) -> Void) -> [String: Data] {
        let units = unitOutputs(progress: progress)
        var files = siteFiles(units: tree.units.map(\.id).compactMap { id in units[id].map { (id, $0) } })
        for output in units.values { files.merge(output.files) { a, _ in a } }
        return files
    }

    /// The files of every unit of the tree: report folders (rendered in parallel) and unit pages.
    /// `renders` limits which reports' folders are rendered (an incremental build keeps the others'
    /// published files); every report still has its home-page entry and URL.
    /// With a `sink`, each report's and unit's files go to it as soon as they are rendered (from
    /// several threads) instead of into the result, so that a large site is never in memory whole.
    /// `counter` and `total` number the progress lines across the units of a streamed build.
    func unitOutputs(progress: @escaping @Sendable (String) -> Void, renders: (Report) -> Bool = { _ in true },
                     sink: (@Sendable ([String: Data]) -> Void)? = nil, counter: Counter? = nil, total: Int? = nil) -> [String: UnitOutput] {
        let units = Dictionary(uniqueKeysWithValues: tree.units.map { ($0.id, $0) })
        var outputs: [String: UnitOutput] = [:]

        // Reports, rendered in parallel across cores; each report's files depend on that report only.
        // Each report's figures are derived once here, for its files, its home-page entry (also on its
        // unit's page) and its unit's trend charts; they live as long as this tree's render.
        let reports = tree.reports.filter { units[$0.unitID] != nil }
        let rendering = reports.map(renders)
        var results = [(files: [String: Data], rendered: Bool)?](repeating: nil, count: reports.count)
        var derived = [(figures: ReportFigures, headline: [String: Any])?](repeating: nil, count: reports.count)
        let counter = counter ?? Counter()
        let total = total ?? reports.count
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            derived.withUnsafeMutableBufferPointer { derivedBuffer in
                nonisolated(unsafe) let derivedSlots = derivedBuffer
                DispatchQueue.concurrentPerform(iterations: reports.count) { index in
                    let report = reports[index]
                    let figures = ReportFigures(report)
                    derivedSlots[index] = (figures, self.headline(report, figures: figures))
                    guard rendering[index] else { return }
                    var result = self.reportFiles(report, unit: units[report.unitID]!, figures: figures)
                    if let sink {
                        sink(result.files)
                        result.files = [:]
                    }
                    slots[index] = result
                    let count = counter.next()
                    if result.rendered { progress("  [\(count)/\(total)] \(report.unitID)/\(report.year)") }
                }
            }
        }
        for (index, result) in results.enumerated() {
            let report = reports[index]
            let unit = units[report.unitID]!
            if let result {
                outputs[unit.id, default: UnitOutput()].files.merge(result.files) { a, _ in a }
                if result.rendered { renderedReports += 1 }
            }
            outputs[unit.id, default: UnitOutput()].urls.append("\(report.unitID)/\(report.year)/")
            outputs[unit.id, default: UnitOutput()].home.append(SiteEntry(derived[index]!.headline.mapValues { "\($0)" }.merging([
                "unitName": unit.name, "unitURL": "\(unit.id)/index.html", "url": "\(unit.id)/\(report.year)/index.html",
            ].merging(SearchNameIndex.entryFields(unit)) { a, _ in a }) { a, _ in a }))
        }

        // Unit pages: every year, newest first.
        let positions = Dictionary(grouping: reports.indices) { reports[$0].unitID }
        for unit in tree.units {
            let unitDerived = (positions[unit.id] ?? []).sorted { reports[$0].year > reports[$1].year }.map { derived[$0]! }
            let reports = unitDerived.map(\.figures.report)
            var output = outputs[unit.id] ?? UnitOutput()
            let trend = ReportCharts.trend(reports, unitName: unit.shortName).map { spec in
                spec.captioned(.years(unitName: unit.name, first: reports.last!.year, last: reports.first!.year,
                                      kindWord: reports.first!.kind == .department ? "部门" : "单位"))
            }
            let costTrends = ReportCharts.costTrends(unitDerived.map(\.figures), unitName: unit.shortName).map { spec in
                spec.captioned(.years(unitName: unit.name, first: reports.last!.year, last: reports.first!.year,
                                      kindWord: reports.first!.kind == .department ? "部门" : "单位"))
            }
            // Each figure links its SVG, PNG, page and data: all are written.
            let trendFigure = trend.map {
                ChartFiles.write($0, folder: unit.id, folderURL: absolute("\(unit.id)/"), templates: templates, site: siteContext,
                                 pageTitle: unit.name, pageURL: "../index.html", png: chartPNGs, pngCache: pngCache, into: &output.files)
            }
            let costFigures = costTrends.map {
                ChartFiles.write($0, folder: unit.id, folderURL: absolute("\(unit.id)/"), templates: templates, site: siteContext,
                                 pageTitle: unit.name, pageURL: "../index.html", png: chartPNGs, pngCache: pngCache, into: &output.files)
            }
            let context: [String: Any] = [
                "trend": trendFigure as Any,
                "costTrends": costFigures,
                "quality": quality != nil,
                "unit": ["name": unit.name, "shortName": unit.shortName, "region": unit.region, "level": unit.level.rawValue, "otherNames": unit.otherNames],
                "reports": unitDerived.map { (figures, headline) in
                    let r = figures.report
                    return headline.merging(["url": "\(r.year)/index.html", "title": "\(unit.name)\(r.year)年度\(r.kind == .department ? "部门" : "单位")决算"]) { a, _ in a }
                },
            ]
            output.files["\(unit.id)/index.html"] = page("unit", context, title: "\(unit.name) - \(site.title)", root: "../", canonical: absolute("\(unit.id)/"),
                                                         breadcrumbs: [["label": "首页", "url": "../index.html"], ["label": unit.shortName]],
                                                         search: SearchFacets(unit: unit, report: nil))
            output.urls.append("\(unit.id)/")
            if let sink {
                sink(output.files)
                output.files = [:]
            }
            outputs[unit.id] = output
        }
        return outputs
    }

    /// The files that depend on every unit: the home page and the sitemap (from each unit's entries, in
    /// unit order), with the assets and 404.html. With a `sink`, each year's comparison pages go to it
    /// as soon as they are made (a province has thousands per year) instead of into the result.
    /// `openDataIndex`: false when the caller writes `data/reports.csv` and `all-reports.json` itself
    /// (`OpenData.writeSiteFiles`, streamed into the staging folder).
    func siteFiles(units: [(id: String, output: UnitOutput)], sink: (([String: Data]) -> Void)? = nil, openDataIndex: Bool = true) -> [String: Data] {
        var files: [String: Data] = [:]
        // With a sink, the large pages (a province's home page, sitemap and open-data index are tens of
        // megabytes each) are handed on as soon as they are made, not kept until all are.
        func flush() {
            guard let sink, !files.isEmpty else { return }
            sink(files)
            files = [:]
        }
        for asset in templates.assets { files[asset.path] = asset.data }
        let entries = units.flatMap(\.output.home)
        // Home: every unit and year, newest first.
        let years = Set(entries.compactMap { $0["year"].flatMap { Int($0) } }).sorted(by: >)
        let home: [String: Any] = [
            "unitCount": units.count, "reportCount": entries.count,
            "years": years.map { year in ["year": year, "reports": entries.filter { $0["year"] == String(year) }] as [String: Any] },
        ]
        files["index.html"] = page("index", home, title: site.title, root: "", canonical: absolute(""), breadcrumbs: [])
        MemoryTrace.note("home page rendered")
        flush()
        files["404.html"] = page("404", [:], title: "页面不存在 - \(site.title)", root: absolute(""), canonical: nil, breadcrumbs: [],
                                 inlineStyles: true)
        let urls = ["index.html"] + units.flatMap(\.output.urls)
        files.merge(Self.sitemaps(urls.sorted().map { absolute($0 == "index.html" ? "" : $0) }, absolute: absolute) { templates.render($0, $1) }) { a, _ in a }
        flush()
        if quality != nil {
            files["quality/index.html"] = page("quality-index", QualityInputs.ranking(entries), title: "公开质量自检汇总 - \(site.title)", root: "../",
                                               canonical: absolute("quality/"), breadcrumbs: [["label": "首页", "url": "../index.html"], ["label": "公开质量自检"]])
        }
        // Comparison pages and open data, from every report's entry.
        files.merge(comparePages(entries: entries, sink: sink)) { a, _ in a }
        MemoryTrace.note("comparison pages rendered")
        flush()
        if openDataIndex { files.merge(OpenData.siteFiles(entries: entries, site: site, absolute: absolute)) { a, _ in a } }
        files["data/index.html"] = page("data", ["tables": Set(entries.compactMap { $0["unitID"] }).count, "reports": entries.count],
                                        title: "开放数据 - \(site.title)", root: "../", canonical: absolute("data/"),
                                        breadcrumbs: [["label": "首页", "url": "../index.html"], ["label": "开放数据"]])
        // Search: the page, and the exact-name index it matches unit names against (full text comes from
        // the search engine's index, added after the build when it is installed).
        MemoryTrace.note("open-data index rendered")
        flush()
        let names = SearchNameIndex(entries: entries)
        let namesJSON = names.json
        files[SearchNameIndex.jsonPath] = namesJSON
        files[SearchNameIndex.scriptPath] = SearchNameIndex.script(json: namesJSON)
        MemoryTrace.note("search names rendered")
        files["search/index.html"] = page("search", ["facets": SearchFacets.names], title: "站内搜索 - \(site.title)", root: "../",
                                          canonical: absolute("search/"), breadcrumbs: [["label": "首页", "url": "../index.html"], ["label": "站内搜索"]])
        return files
    }
}

extension SitePages {
    /// The sitemaps protocol's limits for one file, which Google and Baidu hold sitemaps to: 50,000
    /// addresses, and (Baidu's, the lower) 10 MB.
    static let sitemapLimits = (urls: 50_000, bytes: 10_000_000)

    /// `sitemap.xml` with the page addresses (`locs`, in order). Over the protocol's limits (a province
    /// of more than some 45,000 reports), `sitemap.xml` is a sitemap index of `sitemap-1.xml`,
    /// `sitemap-2.xml`, … beside it, each within the limits (a sitemap lists only addresses under its
    /// own folder, so they sit at the root).
    static func sitemaps(_ locs: [String], limits: (urls: Int, bytes: Int) = sitemapLimits, absolute: (String) -> String,
                         render: (String, [String: Any]) -> String) -> [String: Data] {
        // The bytes a file takes: its head and foot, and per address the element around it (escaped, an
        // address is at most five times as long).
        let head = 200
        func size(_ loc: String) -> Int { 26 + loc.utf8.count + (loc.contains(where: { "&<>\"'".contains($0) }) ? 4 * loc.utf8.count : 0) }
        var chunks: [[String]] = [[]]
        var bytes = head
        for loc in locs {
            if !chunks[chunks.count - 1].isEmpty, chunks[chunks.count - 1].count >= limits.urls || bytes + size(loc) > limits.bytes {
                chunks.append([])
                bytes = head
            }
            chunks[chunks.count - 1].append(loc)
            bytes += size(loc)
        }
        // A site's own template may write more per address than the estimate: a part rendered over the
        // byte limit is split in two until each is within it.
        func urlsets(_ chunk: [String]) -> [Data] {
            let data = Data(render("sitemap", ["urls": chunk.map { ["loc": $0] }]).utf8)
            guard data.count > limits.bytes, chunk.count > 1 else { return [data] }
            return urlsets(Array(chunk[..<(chunk.count / 2)])) + urlsets(Array(chunk[(chunk.count / 2)...]))
        }
        let parts = chunks.flatMap(urlsets)
        guard parts.count > 1 else { return ["sitemap.xml": parts[0]] }
        var files: [String: Data] = [:]
        for (index, part) in parts.enumerated() { files["sitemap-\(index + 1).xml"] = part }
        files["sitemap.xml"] = Data(render("sitemap-index", ["sitemaps": parts.indices.map { ["loc": absolute("sitemap-\($0 + 1).xml")] }]).utf8)
        return files
    }

    /// Whether a file at the top of the output is one of the sitemaps an index points to.
    static func isSitemapPart(_ path: String) -> Bool {
        guard path.hasPrefix("sitemap-"), path.hasSuffix(".xml"), !path.contains("/") else { return false }
        return Int(path.dropFirst("sitemap-".count).dropLast(".xml".count)) != nil
    }

    /// `compare/`: an index, and for each year every unit and each region and 主管部门, with CSVs.
    func comparePages(entries: [SiteEntry], sink: (([String: Data]) -> Void)? = nil) -> [String: Data] {
        // Rows are made one year at a time: a province has 100,000 entries.
        let byYear = Dictionary(grouping: entries.filter(ComparePages.hasRow)) { Int($0["year"]!)! }
        let allYears = byYear.keys.sorted(by: >)
        var files: [String: Data] = [:]
        var years: [[String: Any]] = []
        for year in allYears {
            let compare = ComparePages(entries: byYear[year]!, years: allYears)
            let groups = compare.groups(of: year)
            for group in groups {
                // A few hundred pages at a time to the sink: a province has thousands of 主管部门 a year.
                if let sink, files.count >= 200 {
                    sink(files)
                    files = [:]
                }
                let path = "compare/\(year)/\(group.file)"
                files[path + ".csv"] = Data(ComparePages.csv(group).utf8)
                var crumbs: [[String: Any]] = [["label": "首页", "url": "../../index.html"], ["label": "对比", "url": "../index.html"]]
                crumbs.append(group.kind.isEmpty ? ["label": "\(year)年度"] : ["label": "\(year)年度", "url": "index.html"])
                if !group.kind.isEmpty { crumbs.append(["label": group.value]) }
                files[path + ".html"] = page("compare", compare.context(group, year: year, groups: groups), title: "\(group.title) - \(site.title)", root: "../../",
                                             canonical: absolute(group.kind.isEmpty ? "compare/\(year)/" : path + ".html"), breadcrumbs: crumbs)
            }
            years.append(ComparePages.indexEntry(year: year, groups: groups))
            MemoryTrace.note("comparison pages of \(year) rendered")
        }
        files["compare/index.html"] = page("compare-index", ["years": years], title: "各单位决算对比 - \(site.title)", root: "../",
                                           canonical: absolute("compare/"), breadcrumbs: [["label": "首页", "url": "../index.html"], ["label": "对比"]])
        return files
    }
}

/// A thread-safe counter for progress lines.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
