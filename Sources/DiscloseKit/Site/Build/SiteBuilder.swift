import DiscloseCore
import Foundation

/// `disclose build`: check the content, render every page, table, download and asset, then replace
/// the output folder atomically. Nothing is written when the content has errors.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var contentDisplay: String
        public var templates: URL
        public var templatesDisplay: String
        public var output: URL
        public var baseURL: String?
        /// Also write each report's 附表 as an Excel workbook (`tables.xlsx`), linked from its page.
        public var workbooks: Bool
        /// After writing, index the site for full-text search (`pagefind/`), when the engine is installed.
        public var search: Bool
        /// Also write each report's 公开质量自检 page (`quality.html`) and the site's ranking (`quality/`).
        public var quality: Bool
        /// Also write each report's printed document (`report.pdf`), linked from its page (docs/pdf.md).
        public var pdf: Bool
        /// The engine for `pdf` (`PDFEngine.find()`); without one the build goes on without PDFs.
        public var pdfEngine: PDFEngine?
        /// Also write each report's portal bundle (`portal/` and `portal.zip`, see `PortalBundle`).
        public var portal: Bool
        /// Rasterise every chart to PNG (`charts/<id>.png`, `@2x.png`) while building. The preview
        /// turns it off and draws a PNG when one is asked for (`ChartPNG.Deferred`): librsvg takes most
        /// of a first build's time. A portal bundle needs its PNGs, so `portal` keeps them on.
        public var chartPNGs = true

        public init(content: URL, contentDisplay: String, templates: URL, templatesDisplay: String, output: URL, baseURL: String? = nil,
                    workbooks: Bool = false, search: Bool = false, pdf: Bool = false, pdfEngine: PDFEngine? = nil, quality: Bool = false,
                    portal: Bool = false) {
            self.quality = quality
            self.search = search
            self.pdf = pdf
            self.pdfEngine = pdf ? pdfEngine : nil
            self.portal = portal
            self.content = content
            self.contentDisplay = contentDisplay
            self.templates = templates
            self.templatesDisplay = templatesDisplay
            self.output = output
            self.baseURL = baseURL
            self.workbooks = workbooks
        }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var sources: SourceStore
        public var written: Bool
        public var reports = 0
        public var pages = 0
        public var files = 0
        /// Reports rendered anew (the others came from the cache).
        public var rendered = 0
        public var ioFailure = false
        /// How an incremental build went: nil for a plain build.
        public var incremental: Incremental?
        /// Diagnostics of the units an incremental build did not re-check, as found last time.
        public var earlier = Earlier()
        /// The full-text index, when the build was asked for one and wrote the site.
        public var search: SearchIndexer.Outcome?
        /// The site's own templates that replace bundled ones (paths relative to its Templates/).
        public var templatesOverridden: [String] = []
        /// The printed documents, when the build was asked for them.
        public var pdf: ReportPDF.Summary?

        public enum Incremental: Sendable, Equatable {
            /// No record of an earlier build (or it no longer applies): everything was built.
            case full
            /// Nothing changed since the last build: nothing read, nothing written.
            case unchanged
            /// Only these units were read, checked and rendered again.
            case units([String])
        }

        /// The diagnostics of the last build's units that were not checked again, as data, with the
        /// source lines they point at (rendered, like fresh ones, only at the edge).
        public struct Earlier: Sendable {
            public var diagnostics: [Diagnostic] = []
            public var sources = SourceStore()
            public var errors: Int { diagnostics.errorCount }
            public var warnings: Int { diagnostics.warningCount }
        }

        /// All diagnostics as text: the fresh ones, then the earlier ones, then the summary line.
        public func diagnosticsText(_ language: Language) -> String {
            let fresh = DiagnosticRenderer.body(diagnostics, sources: sources, language: language)
            return fresh + DiagnosticRenderer.body(earlier.diagnostics, sources: earlier.sources, language: language)
                + DiagnosticRenderer.summary(errors: diagnostics.errorCount + earlier.errors,
                                             warnings: diagnostics.warningCount + earlier.warnings, language: language) + "\n"
        }

        /// Whether there is anything to print.
        public var hasDiagnostics: Bool { !diagnostics.isEmpty || earlier.errors + earlier.warnings > 0 }
    }

    public let options: Options
    public let codes: CodeLists
    /// Pages of reports whose inputs did not change are taken from here (preview, repeated builds).
    public let cache: RenderCache?

    public init(options: Options, codes: CodeLists = .bundled, cache: RenderCache? = nil) {
        self.options = options
        self.codes = codes
        self.cache = cache
    }

    /// Renders the site in memory: path → bytes. Pure apart from reading content and templates.
    public func render(progress: @escaping @Sendable (String) -> Void = { _ in }) -> (files: [String: Data]?, result: Result) {
        progress("[1/4] 检查内容…")
        let check = Checker.check(content: options.content, displayRoot: options.contentDisplay, publishing: true)
        var result = Result(diagnostics: check.diagnostics, sources: check.load.sources, written: false, ioFailure: check.ioFailure)
        guard let pages = pages(for: check, result: &result, progress: progress) else { return (nil, result) }
        var files = pages.files(progress: progress)
        files.merge(OpenData.package(in: files, title: pages.site.title)) { a, _ in a }
        result.rendered = pages.renderedReports
        result.reports = pages.tree.reports.count
        result.pages = files.keys.filter { $0.hasSuffix(".html") }.count
        result.files = files.count
        return (files, result)
    }

    /// The page renderer for a checked tree, once the output folder and the templates are known to be
    /// usable; nil (with the reasons in `result`) otherwise.
    func pages(for check: Checker.Result, result: inout Result, pngCache: ChartPNGCache? = nil,
               progress: @escaping @Sendable (String) -> Void) -> SitePages? {
        guard !check.hasErrors, let tree = check.load.tree else { return nil }
        switch prepare(site: tree.site, pngCache: pngCache, progress: progress) {
        case .failure(let diagnostics, let ioFailure):
            result.diagnostics += diagnostics
            result.ioFailure = result.ioFailure || ioFailure
            return nil
        case .success(let renderer):
            result.diagnostics += renderer.templates.warnings
            result.templatesOverridden = renderer.templates.overridden
            return renderer.pages(tree: tree, sources: check.load.sources, diagnostics: check.diagnostics)
        }
    }

    /// What every unit's pages are rendered with: the templates, the site as published, the options.
    struct Renderer: @unchecked Sendable {
        let builder: SiteBuilder
        let templates: TemplateSet
        let site: Site
        let pdf: PDFLog?
        let pngCache: ChartPNGCache?

        /// The pages of a checked tree (the whole site, or one unit of a streamed build).
        func pages(tree: ContentTree, sources: SourceStore, diagnostics: [Diagnostic]) -> SitePages {
            let options = builder.options
            return SitePages(tree: tree, site: site, templates: templates, codes: builder.codes, sources: sources,
                             contentDisplay: options.contentDisplay, cache: builder.cache, workbooks: options.workbooks,
                             pdf: pdf, pdfEngine: options.pdfEngine,
                             quality: options.quality ? QualityInputs(diagnostics: diagnostics, publication: .init(
                                workbooks: options.workbooks, pdf: options.pdf, search: options.search)) : nil,
                             portal: options.portal ? options.content : nil, chartPNGs: options.chartPNGs || options.portal, pngCache: pngCache)
        }
    }

    enum Preparation {
        case success(Renderer)
        case failure([Diagnostic], ioFailure: Bool)
    }

    /// Checks the output folder and loads the templates: the renderer, or why the site cannot be built.
    func prepare(site: Site, pngCache: ChartPNGCache?, progress: @escaping @Sendable (String) -> Void) -> Preparation {
        if let problem = OutputSafety.problem(output: options.output, content: options.content, templates: options.templates) {
            return .failure([problem], ioFailure: true)
        }
        progress("[2/4] 读取模板…")
        let templates: TemplateSet
        switch TemplateSet.load(options.templates, display: options.templatesDisplay) {
        case .success(let t):
            templates = t
        case .failure(.diagnostics(let d)):
            return .failure(d, ioFailure: false)
        }
        let missing = (TemplateSet.required + (options.pdf ? [PrintDocument.template] : [])).filter { !templates.has($0) }
        if !missing.isEmpty {
            return .failure(templates.warnings + missing.map {
                .error("TEMPLATE", at: .file("\(options.templatesDisplay)/\($0).mustache"),
                       zh: "缺少模板 \($0).mustache。", en: "missing template \($0).mustache.")
            }, ioFailure: false)
        }
        progress("[3/4] 生成页面…")
        var published = site
        if let base = options.baseURL { published.baseURL = base }
        return .success(Renderer(builder: self, templates: templates, site: published,
                                 pdf: options.pdf ? PDFLog(engine: options.pdfEngine) : nil, pngCache: pngCache))
    }

    /// Checks, renders and writes the whole site: files are written into the staging folder as they
    /// are rendered, and the folder replaces the output only when all went well.
    public func build(progress: @escaping @Sendable (String) -> Void = { _ in }) -> Result {
        OutputLock.holding(options.output, waiting: { progress(Self.waitingMessage($0)) }) { buildAll(progress: progress).result }
    }

    static func waitingMessage(_ name: String) -> String {
        "另一个 disclose 正在生成 \(name)/，等它完成后再继续…（another build is writing \(name)/; waiting）"
    }

    /// `build`, also returning every unit's share of the site (nil when nothing was written) and the
    /// diagnostics by unit, for the build record.
    func buildAll(pngCache: ChartPNGCache? = nil, progress: @escaping @Sendable (String) -> Void)
        -> (result: Result, units: [String: SitePages.UnitOutput]?, grouped: [String: BuildRecord.Unit]) {
        progress("[1/4] 检查内容…")
        var result = Result(diagnostics: [], sources: SourceStore(), written: false)
        let outputs = stream(result: &result, pngCache: pngCache, progress: progress)
        return (result, outputs, BuildRecord.units(of: result.diagnostics, sources: result.sources))
    }
}

/// Refuses output folders whose replacement would destroy something else.
enum OutputSafety {
    static func problem(output: URL, content: URL, templates: URL) -> Diagnostic? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let forbidden: [(String, String)] = [
            ("/", "根目录"), (FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path, "主目录"),
            (FileManager.default.currentDirectoryPath, "当前项目目录"),
        ]
        for (path, name) in forbidden where out == URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path {
            return .error("OUTPUT-UNSAFE", at: .file(output.path), zh: "拒绝把网站输出到\(name)（\(out)）：生成时会替换整个输出目录。",
                          en: "refusing to write the site to the \(name) (\(out)): the output folder is replaced as a whole.")
        }
        for (dir, name) in [(content, "内容目录"), (templates, "模板目录")] {
            let d = dir.standardizedFileURL.resolvingSymlinksInPath().path
            if out == d || d.hasPrefix(out + "/") || out.hasPrefix(d + "/") {
                return .error("OUTPUT-UNSAFE", at: .file(output.path), zh: "输出目录不能是\(name)，也不能包含或位于\(name)之中（\(d)）。",
                              en: "the output folder cannot be, contain or sit inside the \(name) (\(d)).")
            }
        }
        return OutputOwnership.problem(output)
    }
}

/// Rendered files of each report, keyed by a fingerprint of everything the report's pages depend on.
public final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (fingerprint: UInt64, files: [String: Data])] = [:]

    public init() {}

    func files(for key: String, fingerprint: UInt64) -> [String: Data]? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key], entry.fingerprint == fingerprint else { return nil }
        return entry.files
    }

    func store(_ files: [String: Data], for key: String, fingerprint: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        entries[key] = (fingerprint, files)
    }
}
