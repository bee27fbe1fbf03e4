import DiscloseCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The generated content trees the benchmarks build: seeded and deterministic, so a tree of the same
/// size is the same tree on every machine, and is generated once and reused.
enum Corpus {
    /// Writes `units` × `years` reports into `path`; returns the number of files written.
    static func generate(units: Int, years: Int, lastYear: Int = 2024, seed: UInt64 = 1, into path: String) throws -> Int {
        let root = URL(fileURLWithPath: path)
        let generator = ConsistentReportGenerator()
        let yearList = Array((lastYear - years + 1)...lastYear)
        try write(root, "site.yaml", ConsistentReportGenerator.siteYAML)
        // Units in parallel, each written with plain open/write (Foundation's Data.write waits for the disk).
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var firstError: Error?
            var count = 1
        }
        let tally = Tally()
        DispatchQueue.concurrentPerform(iterations: units) { unit in
            var written = 0
            do {
                for (path, text) in generator.unitFiles(seed: seed, unitID: String(format: "unit-%04d", unit), index: unit, years: yearList)
                    .sorted(by: { $0.key < $1.key }) {
                    try write(root, path, text)
                    written += 1
                }
            } catch {
                tally.lock.lock()
                if tally.firstError == nil { tally.firstError = error }
                tally.lock.unlock()
            }
            tally.lock.lock()
            tally.count += written
            tally.lock.unlock()
        }
        if let error = tally.firstError { throw error }
        return tally.count
    }

    private static func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
            offset += n
        }
    }

    /// The folder holding a generated site of this size (`<folder>/Content`), generated on first use.
    static func site(units: Int, years: Int) -> String { ".build/bench-corpus/u\(units)y\(years)" }

    /// The content folder of the generated tree of this size, generated now when it is not there yet
    /// (a `.complete` marker says that an earlier generation finished).
    static func ensure(units: Int, years: Int) throws -> String {
        let folder = site(units: units, years: years)
        let content = "\(folder)/Content"
        let marker = "\(folder)/.complete"
        let fm = FileManager.default
        if fm.fileExists(atPath: marker) { return content }
        try? fm.removeItem(atPath: folder)
        print("generating \(units) units × \(years) years = \(units * years) reports in \(content)…")
        _ = try generate(units: units, years: years, into: content)
        try Data().write(to: URL(fileURLWithPath: marker))
        return content
    }
}
