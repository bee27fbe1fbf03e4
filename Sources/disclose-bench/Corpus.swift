import DiscloseCore
import Foundation

/// The generated content trees the benchmarks build: seeded and deterministic, so a tree of the same
/// size is the same tree on every machine, and is generated once and reused.
enum Corpus {
    /// Writes `units` × `years` reports into `path`; returns the number of files written.
    static func generate(units: Int, years: Int, lastYear: Int = 2024, seed: UInt64 = 1, into path: String) throws -> Int {
        let root = URL(fileURLWithPath: path)
        let fm = FileManager.default
        let generator = ConsistentReportGenerator()
        let yearList = Array((lastYear - years + 1)...lastYear)
        var count = 0
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            count += 1
        }
        try write("site.yaml", ConsistentReportGenerator.siteYAML)
        for unit in 0..<units {
            for (path, text) in generator.unitFiles(seed: seed, unitID: String(format: "unit-%04d", unit), index: unit, years: yearList)
                .sorted(by: { $0.key < $1.key }) {
                try write(path, text)
            }
        }
        return count
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
