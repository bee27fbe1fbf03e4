@testable import DisclosePreview
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `disclose preview` quits within two seconds of SIGTERM or Ctrl-C, with browsers connected.
final class PreviewShutdownTests: XCTestCase {
    var binary: URL { PreviewServerTests.repository.appendingPathComponent(".build/debug/disclose") }

    /// A connected socket that sent `request` and is then left open, as a browser tab does.
    func connect(_ port: Int, _ request: String) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(ok, 0)
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        return fd
    }

    func freePort() -> Int {
        (20000...30000).shuffled().first { PortProbe.isFree(host: "127.0.0.1", port: $0) } ?? 28_123
    }

    func stopsWithClientsConnected(signal number: Int32) throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "build the executable first (swift build)")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-shutdown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PreviewServerTests.repository.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        let port = freePort()
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = PreviewServerTests.repository
        process.arguments = ["preview", "--content", root.appendingPathComponent("Content").path, "--output", root.appendingPathComponent("Output").path,
                             "--port", String(port)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Wait until it serves.
        let started = Date()
        while PreviewServerTests.get(port, "/").status != 200 {
            XCTAssertTrue(process.isRunning)
            if Date().timeIntervalSince(started) > 120 { return XCTFail("the preview did not start") }
            usleep(200_000)
        }
        // Two live-reload streams and a page on a kept-alive connection, none of them closed.
        let streams = (0..<2).map { _ in connect(port, "GET /__disclose/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") }
        let page = connect(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        defer { (streams + [page]).forEach { close($0) } }
        usleep(500_000)

        let signalled = Date()
        kill(process.processIdentifier, number)
        while process.isRunning && Date().timeIntervalSince(signalled) < 5 { usleep(20_000) }
        let took = Date().timeIntervalSince(signalled)
        XCTAssertFalse(process.isRunning, "still running \(took) s after the signal")
        XCTAssertLessThan(took, 2.0)
        XCTAssertTrue(PortProbe.isFree(host: "127.0.0.1", port: port), "the port is free again")
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(printed.contains("预览已停止"), printed)
    }

    func testSIGTERMStopsThePreviewWithinTwoSecondsWithBrowsersConnected() throws {
        try stopsWithClientsConnected(signal: SIGTERM)
    }

    func testCtrlCStopsThePreviewWithinTwoSecondsWithBrowsersConnected() throws {
        try stopsWithClientsConnected(signal: SIGINT)
    }

    // MARK: A server in this process

    /// Sends `request` on a fresh connection and reads the first bytes of the answer.
    func exchange(_ port: Int, _ request: String) -> String {
        let fd = connect(port, request)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }

    func testForeignHostsAreRefusedAndGoneBrowsersReleaseTheirStreams() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-hosts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PreviewServerTests.repository.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        let server = PreviewServer(options: .init(content: root.appendingPathComponent("Content"), contentDisplay: "Content",
                                                  templates: PreviewServerTests.repository.appendingPathComponent("Templates"), templatesDisplay: "Templates",
                                                  output: root.appendingPathComponent("Output")), port: 0)
        await server.rebuild()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = server.application { port in portContinuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { task.cancel() }
        var port = 0
        for await p in ports { port = p; break }

        // DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends its own name.
        XCTAssertTrue(exchange(port, "GET / HTTP/1.1\r\nHost: evil.example:\(port)\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 421"))
        XCTAssertTrue(exchange(port, "GET / HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 200"))

        // Two browsers subscribe, then go away: their streams end with the next heartbeat.
        let streams = (0..<2).map { _ in connect(port, "GET /__disclose/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") }
        var waited = 0.0
        while await server.state.listenerCount < 2 && waited < 5 { try await Task.sleep(for: .milliseconds(100)); waited += 0.1 }
        let subscribed = await server.state.listenerCount
        XCTAssertEqual(subscribed, 2)
        streams.forEach { close($0) }
        waited = 0
        while await server.state.listenerCount > 0 && waited < 15 { try await Task.sleep(for: .milliseconds(200)); waited += 0.2 }
        let remaining = await server.state.listenerCount
        XCTAssertEqual(remaining, 0, "released without a rebuild")
    }

    // MARK: Hosts

    func testOnlyHostsThatNameThisPreviewAreAnswered() {
        for host in ["127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000", "192.168.1.20:8000", "app.localhost:1"] {
            XCTAssertTrue(PreviewHosts.accepts(host, servedHost: "127.0.0.1"), host)
        }
        for host in ["evil.example:8000", "attacker.com", "127.0.0.1.nip.io:8000"] {
            XCTAssertFalse(PreviewHosts.accepts(host, servedHost: "127.0.0.1"), host)
        }
        XCTAssertTrue(PreviewHosts.accepts("my-pc.lan:8000", servedHost: "my-pc.lan"))
    }

    func testANonLoopbackHostIsAnnouncedWithAWarningAndItsRealAddresses() {
        XCTAssertNil(PreviewHosts.describe(host: "127.0.0.1", port: 8000).warning)
        let (urls, warning) = PreviewHosts.describe(host: "0.0.0.0", port: 8000)
        XCTAssertTrue(warning?.contains("警告") ?? false)
        XCTAssertFalse(urls.contains { $0.contains("0.0.0.0") }, "\(urls)")
        XCTAssertTrue(urls.contains("http://127.0.0.1:8000/"), "\(urls)")
    }
}
