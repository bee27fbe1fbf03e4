import DiscloseKit
@testable import DisclosePreview
import Foundation
import Hummingbird
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `disclose preview` on an ephemeral port: pages, safety, live reload over SSE, the error overlay.
final class PreviewServerTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Running {
        let server: PreviewServer
        let port: Int
        let content: URL
        let task: Task<Void, Error>
        let watch: Task<Void, Never>
    }

    /// Copies the sample content, builds it and starts the server on a free port.
    func start() async throws -> Running {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-preview-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Content"), to: content)
        let server = PreviewServer(options: .init(content: content, contentDisplay: "Content",
                                                  templates: Self.repository.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                  output: root.appendingPathComponent("Output")),
                                   port: 0, pollInterval: .milliseconds(100))
        let initial = server.snapshot()
        await server.rebuild()
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = server.application { port in portContinuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        let watch = Task { await server.watch(since: initial) }
        var port = 0
        for await p in portStream { port = p; break }
        return Running(server: server, port: port, content: content, task: task, watch: watch)
    }

    func stop(_ r: Running) {
        r.task.cancel()
        r.watch.cancel()
        try? FileManager.default.removeItem(at: r.content.deletingLastPathComponent())
    }

    func get(_ port: Int, _ path: String) -> (status: Int, headers: String, body: String) { Self.get(port, path) }

    /// One request over a raw socket (so that encoded paths arrive exactly as written).
    static func get(_ port: Int, _ path: String, readFor seconds: Double = 2, until marker: String? = nil) -> (status: Int, headers: String, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return (0, "", "") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = Data()
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n == 0 { break }
            if let marker, String(decoding: data, as: UTF8.self).contains(marker) { break }
        }
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func testPagesAreServedWithTheirTypesAndNoCache() async throws {
        let r = try await start()
        defer { stop(r) }
        let home = get(r.port, "/")
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.headers.lowercased().contains("content-type: text/html; charset=utf-8"))
        XCTAssertTrue(home.headers.lowercased().contains("cache-control: no-cache"))
        XCTAssertTrue(home.body.contains("EventSource(\"/__disclose/events\")"), "the reload script is injected")
        let svg = get(r.port, "/luzhou-zzb/2020/charts/1-total.svg")
        XCTAssertEqual(svg.status, 200)
        XCTAssertTrue(svg.headers.lowercased().contains("content-type: image/svg+xml"))
        XCTAssertFalse(svg.body.contains("EventSource"))
        let png = get(r.port, "/luzhou-zzb/2020/charts/1-total@2x.png")
        XCTAssertEqual(png.status, 200, "a chart PNG is drawn when asked for")
        XCTAssertTrue(png.headers.lowercased().contains("content-type: image/png"))
        XCTAssertTrue(png.body.hasPrefix("\u{FFFD}PNG"), String(png.body.prefix(8)))
        let csv = get(r.port, "/luzhou-zzb/2020/tables/income.csv")
        XCTAssertTrue(csv.headers.lowercased().contains("content-type: text/csv; charset=utf-8"))
        XCTAssertEqual(get(r.port, "/luzhou-zzb").status, 301)
        XCTAssertEqual(get(r.port, "/no/such/page.html").status, 404)
        // A directory has no listing: only its index page, if any.
        XCTAssertEqual(get(r.port, "/luzhou-zzb/2020/charts/").status, 404)
    }

    func testPathTraversalIsRefusedAlsoWhenEncoded() async throws {
        let r = try await start()
        defer { stop(r) }
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/luzhou-zzb%2f..%2f..%2fetc/passwd", "/..%5c..%5cetc/passwd", "/%00"] {
            let response = get(r.port, path)
            XCTAssertTrue([400, 404].contains(response.status), "\(path): \(response.status)")
            XCTAssertFalse(response.body.contains("root:"), path)
        }
    }

    func testAContentEditSendsAReloadEventAndServesTheNewContentWithinTwoSeconds() async throws {
        let r = try await start()
        defer { stop(r) }
        let events = Task.detached { [port = r.port] in readEventStream(port: port) }
        try await Task.sleep(for: .milliseconds(300))
        let started = Date()
        let duties = r.content.appendingPathComponent("luzhou-zzb/2020/duties.md")
        let text = try String(contentsOf: duties, encoding: .utf8)
        try Data((text + "\n预览测试新增的一句话。\n").utf8).write(to: duties)
        let stream = await events.value
        XCTAssertTrue(stream.contains("event: reload"), stream)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertTrue(get(r.port, "/luzhou-zzb/2020/").body.contains("预览测试新增的一句话。"))
    }

    func testTheErrorOverlayAppearsAndClears() async throws {
        let r = try await start()
        defer { stop(r) }
        let accounts = r.content.appendingPathComponent("luzhou-zzb/2020/accounts.yaml")
        let good = try String(contentsOf: accounts, encoding: .utf8)
        try Data(good.replacingOccurrences(of: "  total: 3474.81", with: "  total: 3474.99").utf8).write(to: accounts)
        var page = (status: 0, headers: "", body: "")
        for _ in 0..<200 where page.status != 503 {
            try await Task.sleep(for: .milliseconds(50))
            page = get(r.port, "/luzhou-zzb/2020/")
        }
        XCTAssertEqual(page.status, 503)
        XCTAssertTrue(page.body.contains("INC-TOTAL"), page.body)
        XCTAssertTrue(page.body.contains("Content/luzhou-zzb/2020/accounts.yaml:"))
        XCTAssertTrue(page.body.contains("EventSource"))
        try Data(good.utf8).write(to: accounts)
        for _ in 0..<200 where page.status != 200 {
            try await Task.sleep(for: .milliseconds(50))
            page = get(r.port, "/luzhou-zzb/2020/")
        }
        XCTAssertEqual(page.status, 200)
        XCTAssertFalse(page.body.contains("INC-TOTAL"))
    }

    func testNothingOfThePreviewIsWrittenToTheOutput() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-preview-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let server = PreviewServer(options: .init(content: Self.repository.appendingPathComponent("Content"), contentDisplay: "Content",
                                                  templates: Self.repository.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                  output: root.appendingPathComponent("Output")), port: 0, writeOutput: true)
        await server.rebuild()
        await server.outputWritten()
        let index = try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8)
        XCTAssertFalse(index.contains("EventSource"))
        XCTAssertFalse(index.contains("__disclose"))
    }

    /// The preview builds without rasterising charts (librsvg took most of a first build); a PNG a page
    /// links to is drawn when asked for, byte for byte as `disclose build` writes it, and the output
    /// folder gets every PNG, so neither the served site nor the written one has a dead PNG link.
    func testChartPNGsAreDrawnOnRequestAndWrittenWithTheOutput() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-preview-png-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(content: Self.repository.appendingPathComponent("Content"), contentDisplay: "Content",
                                          templates: Self.repository.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                          output: root.appendingPathComponent("Output"))
        let built = try XCTUnwrap(SiteBuilder(options: options).render().files)
        let server = PreviewServer(options: options, port: 0, writeOutput: true)
        await server.rebuild()
        let served = await server.state.files
        let linked = ChartPNG.Deferred.pngPaths(in: served)
        XCTAssertEqual(linked, built.keys.filter { $0.hasSuffix(".png") }.sorted(), "the PNGs a build writes are the ones the preview can draw")
        XCTAssertGreaterThan(linked.count, 40)
        XCTAssertTrue(served.keys.filter { $0.hasSuffix(".png") }.isEmpty, "the preview's build rasterised nothing")

        for path in ["luzhou-zzb/2020/charts/1-total.png", "luzhou-zzb/2020/charts/1-total@2x.png"] {
            XCTAssertNotNil(built[path], path)
            XCTAssertEqual(server.pngs.png(at: path, in: served), built[path], path)
        }
        XCTAssertNil(server.pngs.png(at: "luzhou-zzb/2020/charts/no-such-chart.png", in: served))
        XCTAssertNil(server.pngs.png(at: "luzhou-zzb/2020/tables/income.png", in: served))

        await server.outputWritten()
        for path in linked {
            let written = try Data(contentsOf: root.appendingPathComponent("Output/\(path)"))
            XCTAssertEqual(written, built[path], path)
        }
    }

    func testARebuildRendersOnlyTheReportThatChanged() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-preview-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Content"), to: content)
        let server = PreviewServer(options: .init(content: content, contentDisplay: "Content",
                                                  templates: Self.repository.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                  output: root.appendingPathComponent("Output")), port: 0)
        let first = await server.rebuild()
        XCTAssertEqual(first, 4, "the four sample reports")
        let unchanged = await server.rebuild()
        XCTAssertEqual(unchanged, 0)
        let duties = content.appendingPathComponent("miyi-zzb/2020/duties.md")
        try Data((try String(contentsOf: duties, encoding: .utf8) + "\n新增一句。\n").utf8).write(to: duties)
        let one = await server.rebuild()
        XCTAssertEqual(one, 1)
        let page = await server.state.files["miyi-zzb/2020/index.html"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        XCTAssertTrue(page.contains("新增一句。"))
    }

    func testSitePathsRejectEscapes() {
        XCTAssertEqual(PreviewServer.sitePath("/a/b.html"), "a/b.html")
        XCTAssertNil(PreviewServer.sitePath("/a/../b"))
        XCTAssertNil(PreviewServer.sitePath("/a/%2e%2e/b"))
        XCTAssertNil(PreviewServer.sitePath("/a%2fb"))
        XCTAssertNil(PreviewServer.sitePath("/a\\b"))
        XCTAssertNil(PreviewServer.sitePath("relative"))
    }

    func testABusyPortIsDetected() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(fd, 1)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = Int(UInt16(bigEndian: bound.sin_port))
        XCTAssertFalse(PortProbe.isFree(host: "127.0.0.1", port: port))
        let suggestion = try XCTUnwrap(PortProbe.freePort(near: port, host: "127.0.0.1"))
        XCTAssertTrue(PortProbe.isFree(host: "127.0.0.1", port: suggestion))
    }
}

/// Reads the preview's event stream until the first reload event (or four seconds).
func readEventStream(port: Int) -> String {
    PreviewServerTests.get(port, "/__disclose/events", readFor: 4, until: "event: reload").body
}
