import DiscloseCore
import Foundation

/// One fuzz input after another: a small content tree (the site file and one unit of a sample
/// content folder) with one or two files damaged by `ContentMutator`, then `check`, and `build`
/// (rendered in memory) when the check passes. Input `i` of seed `s` is always the same tree, so a
/// crash found at an index can be written out again, replayed and minimised.
public struct FuzzRunner {
    /// site.yaml plus each unit's files, path → bytes, from the sample content.
    public let bases: [[String: Data]]
    public let templates: URL
    public let seed: UInt64
    /// Allow runs of tens of thousands of characters in Markdown (slower inputs).
    public var large = true

    public init(content: URL, templates: URL, seed: UInt64) throws {
        let fm = FileManager.default
        let site = try Data(contentsOf: content.appendingPathComponent("site.yaml"))
        var bases: [[String: Data]] = []
        for unit in try fm.contentsOfDirectory(atPath: content.path).sorted() where !unit.hasPrefix(".") {
            let folder = content.appendingPathComponent(unit)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            var files: [String: Data] = ["site.yaml": site]
            for case let relative as String in fm.enumerator(atPath: folder.path)! {
                let url = folder.appendingPathComponent(relative)
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                files["\(unit)/\(relative)"] = try Data(contentsOf: url)
            }
            bases.append(files)
        }
        guard !bases.isEmpty else { throw CocoaError(.fileReadNoSuchFile) }
        self.bases = bases
        self.templates = templates
        self.seed = seed
    }

    /// The files of input `index`, and which of them were damaged.
    public func input(_ index: Int) -> (files: [String: Data], damaged: [String]) {
        var rng = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index))
        var files = bases[rng.int(0...(bases.count - 1))]
        let paths = files.keys.sorted()
        var damaged: [String] = []
        for _ in 0..<(rng.chance(20) ? 2 : 1) {
            let path = paths[rng.int(0...(paths.count - 1))]
            files[path] = Data(ContentMutator.mutate(Array(files[path]!), path: path, &rng, large: large))
            damaged.append(path)
        }
        return (files, damaged)
    }

    /// Writes a tree into `folder` (emptied first).
    public static func write(_ files: [String: Data], to folder: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    public struct Outcome: Sendable {
        public var errors: Int
        public var built: Bool
    }

    /// `check`, then (when it passes) the whole build in memory: `render` checks first and renders
    /// only content without errors, as `disclose build` does.
    public func run(content folder: URL) -> Outcome {
        let builder = SiteBuilder(options: .init(content: folder, contentDisplay: "Content", templates: templates,
                                                 templatesDisplay: "Templates", output: folder.appendingPathComponent("../fuzz-output-unused")))
        let (files, result) = builder.render()
        return Outcome(errors: result.diagnostics.errorCount, built: files != nil)
    }
}
