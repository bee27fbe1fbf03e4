import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds out whether a TCP port can be bound, to explain "port in use" and suggest a free one.
public enum PortProbe {
    public static func isFree(host: String, port: Int) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return true }
        defer { close(fd) }
        // As the server binds (SO_REUSEADDR): a port whose last connections are in TIME_WAIT after a
        // restart is free for it, and must not be reported busy for a minute.
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
        #else
        return true
        #endif
    }

    /// The first free port after `port` (within 100), if any.
    public static func freePort(near port: Int, host: String) -> Int? {
        (port + 1...port + 100).first { $0 <= 65535 && isFree(host: host, port: $0) }
    }
}
