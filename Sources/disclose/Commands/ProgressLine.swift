import DiscloseKit
import Foundation

/// Build progress on a terminal: the steps as lines, and the reports as one line rewritten in place
/// (“生成报告 120/1000，已用 3.2 秒”). Nothing at all when standard error is not a terminal, so a
/// piped or logged build prints only its result.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let started: Date
    private let lock = NSLock()
    private var open = false
    private var lastDrawn = Date.distantPast

    init(enabled: Bool, started: Date) {
        self.enabled = enabled
        self.started = started
    }

    func show(_ message: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if let (done, total) = Self.count(message) {
            // At most ten redraws a second, and always the last one.
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = now
            let seconds = String(format: "%.1f", now.timeIntervalSince(started))
            write("\r生成报告 \(done)/\(total)，已用 \(seconds) 秒\u{1B}[K")
            open = true
        } else {
            if open { write("\n") }
            open = false
            // Steps name the output folder: its name may hold control characters.
            write(TerminalText.escaped(message) + "\n")
        }
    }

    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if open { write("\n") }
        open = false
    }

    /// “  [12/300] unit/2023” → (12, 300).
    static func count(_ message: String) -> (Int, Int)? {
        let trimmed = message.drop { $0 == " " }
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return nil }
        let parts = trimmed[trimmed.index(after: trimmed.startIndex)..<close].split(separator: "/")
        guard parts.count == 2, let done = Int(parts[0]), let total = Int(parts[1]), message.hasPrefix("  ") else { return nil }
        return (done, total)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
