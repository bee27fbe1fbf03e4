import DiscloseCore
import DiscloseKit
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `disclose preview`: builds the site in memory, serves it on 127.0.0.1, rebuilds when Content/ or
/// Templates/ change, and tells open pages to reload over Server-Sent Events. The reload script is
/// added to served pages only; nothing of the preview is written into the output folder.
public struct PreviewServer: Sendable {
    public var options: SiteBuilder.Options
    public var host: String
    public var port: Int
    /// Also write successful builds to the output folder (atomically, without the reload script).
    public var writeOutput: Bool
    public var pollInterval: Duration
    public let state = PreviewState()
    /// Reports whose inputs did not change are not rendered again.
    public let cache = RenderCache()
    /// Chart PNGs, drawn when a browser asks for one and before a build is written to the output
    /// folder, instead of in every build (librsvg took most of a first build's time).
    public let pngs = ChartPNG.Deferred()
    /// Writes builds to the output folder in the background, in order, each with its PNGs.
    let outputQueue = PreviewOutput()

    public static let eventsPath = "/__disclose/events"
    /// How long a connection may sit without a request before it is closed.
    public static let idleTimeout: TimeAmount = .seconds(30)
    /// How often a live-reload stream is written to when nothing happens (a gone browser is noticed then).
    static let heartbeatInterval: Duration = .seconds(5)

    public init(options: SiteBuilder.Options, host: String = "127.0.0.1", port: Int = 8000, writeOutput: Bool = false,
                pollInterval: Duration = .milliseconds(200)) {
        self.options = options
        self.host = host
        self.port = port
        self.writeOutput = writeOutput
        self.pollInterval = pollInterval
    }

    /// One build into the state (and, when asked, into the output folder once its PNGs are drawn:
    /// `outputWritten()`). Returns how many reports were rendered anew: only those whose content
    /// changed, or all after a template change.
    @discardableResult
    public func rebuild(changedFiles: Int = 0) async -> Int {
        let started = Date()
        var options = self.options
        options.chartPNGs = false
        let builder = SiteBuilder(options: options, cache: cache)
        let (files, result) = builder.render()
        onRebuild?(Rebuild(at: started, seconds: Date().timeIntervalSince(started), changedFiles: changedFiles, rendered: result.rendered,
                           errors: result.diagnostics.errorCount, warnings: result.diagnostics.warningCount,
                           firstError: result.diagnostics.first { $0.severity == .error }))
        await state.update(files: files, diagnostics: result.diagnostics, sources: result.sources)
        if let files, writeOutput {
            await outputQueue.write(files, generation: await state.generation, to: options.output, pngs: pngs, state: state)
        }
        // Full-text search in the preview too: indexed after the pages are served, so a save shows at once.
        if let files, let engine = searchEngine {
            let generation = await state.generation
            let state = self.state
            Task.detached(priority: .utility) {
                if let bundle = SearchIndexer.bundle(for: files, engine: engine) {
                    await state.add(bundle, toGeneration: generation)
                }
            }
        }
        return result.rendered
    }

    /// Returns once the latest build is in the output folder (or was overtaken by a newer one).
    public func outputWritten() async {
        await outputQueue.settled()
    }

    /// What one rebuild did, for the terminal line the preview prints after each.
    public struct Rebuild: Sendable {
        public var at: Date
        public var seconds: Double
        public var changedFiles: Int
        public var rendered: Int
        public var errors: Int
        public var warnings: Int
        public var firstError: Diagnostic?
    }

    /// Called after every build, from the task that ran it.
    public var onRebuild: (@Sendable (Rebuild) -> Void)?

    /// The full-text search engine, looked up once (nil: the preview searches names only).
    public var searchEngine: URL? = SearchIndexer.engine()

    /// The watched files as they are now; take it before the first build so no save is missed.
    public func snapshot() -> [String: String] {
        FolderWatcher(folders: [options.content, options.templates]).snapshot()
    }

    /// Polls the folders and rebuilds after a change from `initial`, until cancelled.
    public func watch(since initial: [String: String]) async {
        let watcher = FolderWatcher(folders: [options.content, options.templates])
        var last = initial
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            let now = watcher.snapshot()
            if now != last {
                let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }.count
                last = now
                await rebuild(changedFiles: changed)
            }
        }
    }

    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await self.respond(to: request)
        }
        return Application(
            responder: responder,
            // Connections with no request in progress (a half-open socket, a header never finished)
            // are closed; live-reload streams stay open because their request is in progress.
            server: .http1(configuration: .init(idleTimeout: Self.idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "disclose-preview", reuseAddress: true),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: {
                var logger = Logger(label: "disclose.preview")
                logger.logLevel = .warning
                return logger
            }()
        )
    }

    // MARK: Responses

    func respond(to request: Request) async -> Response {
        guard PreviewHosts.accepts(request.head.authority, servedHost: host) else {
            return Self.plain(.misdirectedRequest, "Host 不是本预览服务的地址（防止 DNS 重绑定）。")
        }
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "只支持 GET 请求。")
        }
        let rawPath = request.uri.path
        if rawPath == Self.eventsPath { return await events() }
        guard let path = Self.sitePath(rawPath) else {
            return Self.plain(.badRequest, "无效的路径。")
        }
        if await state.failed, Self.isPage(path) {
            return await overlay()
        }
        let files = await state.files
        var key = path
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        if files[key] == nil, !key.contains("."), files[key + "/index.html"] != nil {
            var headers = HTTPFields()
            headers[.location] = rawPath + "/"
            headers[.cacheControl] = "no-cache"
            return Response(status: .movedPermanently, headers: headers)
        }
        guard let data = files[key] ?? pngs.png(at: key, in: files) else {
            let body = files["404.html"] ?? Data("<!DOCTYPE html><title>404</title><p>页面不存在。</p>".utf8)
            return Self.response(.notFound, type: "text/html; charset=utf-8", data: Self.inject(body))
        }
        let type = Self.contentType(key)
        return Self.response(.ok, type: type, data: type.hasPrefix("text/html") ? Self.inject(data) : data)
    }

    /// The site-relative path of a request, or nil when it tries to leave the site (`..`, encoded
    /// slashes or dots, backslashes, NUL). Files are looked up in memory, never on disk.
    static func sitePath(_ raw: String) -> String? {
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return nil }
        // A percent-encoded slash would hide a segment: refuse it.
        if raw.lowercased().contains("%2f") || raw.lowercased().contains("%5c") { return nil }
        return segments.joined(separator: "/")
    }

    static func isPage(_ path: String) -> Bool {
        path.isEmpty || path.hasSuffix("/") || path.hasSuffix(".html") || !path.contains(".")
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "csv": return "text/csv; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "png": return "image/png"
        case "wasm": return "application/wasm"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    static func response(_ status: HTTPResponse.Status, type: String, data: Data) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        response(status, type: "text/plain; charset=utf-8", data: Data(text.utf8))
    }

    /// The reload script, added before </body> of served pages only.
    static let reloadScript = """
    <script>(function(){var s=new EventSource("\(eventsPath)");s.addEventListener("reload",function(){location.reload();});})();</script>
    """

    static func inject(_ page: Data) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        if let range = html.range(of: "</body>", options: .backwards) {
            html.replaceSubrange(range, with: reloadScript + "\n</body>")
        } else {
            html += reloadScript
        }
        return Data(html.utf8)
    }

    /// Server-Sent Events: "reload" after every rebuild (successful or not).
    func events() async -> Response {
        let stream = await state.subscribe(heartbeat: Self.heartbeatInterval)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\nretry: 1000\n\n"))
            for await generation in stream {
                if generation == PreviewState.heartbeat {
                    try await writer.write(ByteBuffer(string: ": ping\n\n"))
                } else {
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Shown instead of every page while the content has errors; it reloads itself once they are fixed.
    func overlay() async -> Response {
        let diagnostics = await state.diagnostics.filter { $0.severity == .error }.sortedForOutput()
        let sources = await state.sources
        let items = diagnostics.prefix(50).map { d -> String in
            let line = d.location.line > 0 ? sources.line(d.location.line, of: d.location.file) : nil
            return """
            <li><p class="where">\(esc(d.location.description)) <span class="rule">\(esc(d.rule.rawValue))</span></p>\
            <p class="message">\(esc(d.message.zh))</p>\
            \(line.map { "<pre><code>\(esc($0))\n\(String(repeating: " ", count: max(0, d.location.column - 1)))^</code></pre>" } ?? "")</li>
            """
        }.joined(separator: "\n")
        let page = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>内容有错误 - disclose 预览</title>
        <style>
        body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#fff;color:#1a1a1a}
        .overlay{position:fixed;inset:0;overflow:auto;background:#fff8f6;border-top:6px solid #b3261e;padding:1.5rem}
        h1{color:#8c1d18;font-size:1.4rem;margin:0 0 .5rem} ol{padding-left:1.25rem}
        li{margin:0 0 1rem;padding:.75rem 1rem;background:#fff;border:1px solid #e0b4b0;border-radius:4px}
        .where{font-family:ui-monospace,monospace;font-weight:700;margin:0} .rule{color:#555;font-weight:400}
        .message{margin:.25rem 0} pre{background:#f4f4f4;padding:.5rem;overflow:auto;margin:.25rem 0 0}
        </style></head>
        <body><div class="overlay" role="alert" aria-labelledby="overlay-title">
        <h1 id="overlay-title">内容有 \(diagnostics.count) 个错误，网站尚未更新</h1>
        <p>改正并保存文件后，本页会自动刷新。</p>
        <ol>
        \(items)
        </ol></div>
        \(Self.reloadScript)
        </body></html>
        """
        return Self.response(.serviceUnavailable, type: "text/html; charset=utf-8", data: Data(page.utf8))
    }
}

func esc(_ s: String) -> String { Markup.escape(s) }

/// The preview's writes to the output folder: one at a time and in build order, each a complete site
/// with its chart PNGs (drawn first, in the background, so pages are served at once). A build that a
/// newer one overtakes before it is written is skipped.
actor PreviewOutput {
    private var last: Task<Void, Never>?
    private var latest = 0

    func write(_ files: [String: Data], generation: Int, to output: URL, pngs: ChartPNG.Deferred, state: PreviewState) {
        latest = generation
        let previous = last
        last = Task.detached(priority: .utility) {
            await previous?.value
            guard await self.isLatest(generation) else { return }
            let drawn = pngs.missing(in: files)
            await state.add(drawn, toGeneration: generation)
            guard await self.isLatest(generation) else { return }
            try? OutputWriter(output: output).replace(with: files.merging(drawn) { built, _ in built })
        }
    }

    private func isLatest(_ generation: Int) -> Bool { generation == latest }

    func settled() async {
        while let task = last {
            await task.value
            if task == last { return }
        }
    }
}
