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
