import Foundation

/// With `DISCLOSE_TRACE_MEMORY=1` in the environment, a build prints its resident memory at each step
/// and the seconds since the last step to standard error (what `disclose-bench run` uses to find where
/// memory and time go; docs/performance.md).
enum MemoryTrace {
    static let enabled = ProcessInfo.processInfo.environment["DISCLOSE_TRACE_MEMORY"] == "1"
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds

    /// Resident memory now, in MB, from /proc/self/statm (0 where there is none).
    static var residentMB: Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1024 * 1024)
    }

    static func note(_ step: @autoclosure () -> String) {
        guard enabled else { return }
        let previous = last
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now >= previous ? now - previous : 0) / 1e9
        last = now
        FileHandle.standardError.write(Data("[memory] \(residentMB) MB  +\(String(format: "%.3f", seconds)) s  \(step())\n".utf8))
    }
}
