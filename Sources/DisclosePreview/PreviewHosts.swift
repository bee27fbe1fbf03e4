import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which `Host:` headers the preview answers, and what to tell the user about the address it listens
/// on. A page from elsewhere that rebinds its own domain name to 127.0.0.1 (DNS rebinding) sends its
/// own name as Host; only loopback names, IP literals and the host the preview was started with pass.
public enum PreviewHosts {
    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]

    /// Whether `header` (a Host header value, with or without port) names this preview.
    public static func accepts(_ header: String?, servedHost: String) -> Bool {
        guard let header, !header.isEmpty else { return true }  // HTTP/1.0 clients send none
        let name = hostname(of: header).lowercased()
        if loopbackNames.contains(name) || name.hasSuffix(".localhost") { return true }
        if name == servedHost.lowercased() { return true }
        // An IP literal cannot be rebound: it is an address of this machine, reached directly.
        return isIPLiteral(name)
    }

    /// The name part of a Host header: "[::1]:8000" → "[::1]", "example.org:80" → "example.org".
    static func hostname(of header: String) -> String {
        if header.hasPrefix("["), let end = header.firstIndex(of: "]") { return String(header[...end]) }
        if let colon = header.lastIndex(of: ":"), header.filter({ $0 == ":" }).count == 1 { return String(header[..<colon]) }
        return header
    }

    static func isIPLiteral(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        let bare = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        return inet_pton(AF_INET, bare, &v4) == 1 || inet_pton(AF_INET6, bare, &v6) == 1
    }

    /// Whether the preview listens only on this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The IPv4 addresses of this machine's interfaces (what 0.0.0.0 really binds), loopback first.
    public static func interfaceAddresses() -> [String] {
        var out: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            if let addr = entry.pointee.ifa_addr, addr.pointee.sa_family == sa_family_t(AF_INET) {
                var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    var a = sin.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &a, &buffer, socklen_t(INET_ADDRSTRLEN))
                }
                out.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = entry.pointee.ifa_next
        }
        return Array(Set(out)).sorted { ($0.hasPrefix("127.") ? 0 : 1, $0) < ($1.hasPrefix("127.") ? 0 : 1, $1) }
    }

    /// The addresses a browser can use, and a warning when the preview is reachable from other
    /// machines (nil on loopback).
    public static func describe(host: String, port: Int) -> (urls: [String], warning: String?) {
        if isLoopback(host) { return (["http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"], nil) }
        let addresses = host == "0.0.0.0" ? interfaceAddresses() : [host]
        let urls = addresses.map { "http://\($0.contains(":") ? "[\($0)]" : $0):\(port)/" }
        let shown = addresses.filter { !$0.hasPrefix("127.") }.joined(separator: "、")
        let warning = "警告：--host \(host) 不是本机回环地址，局域网中的其他电脑也能访问预览（本机地址：\(shown.isEmpty ? host : shown)）。只在本机预览请去掉 --host。"
        return (urls, warning)
    }
}
