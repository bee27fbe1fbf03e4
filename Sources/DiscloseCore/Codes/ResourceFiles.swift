import Foundation

/// Data files bundled with the tool (code lists, table sets, the standard glossary).
enum ResourceFiles {
    /// Foundation reports the resource folder differently per platform: try both layouts.
    static func directory(_ name: String) -> URL? {
        guard let base = Bundle.module.resourceURL else { return nil }
        let candidates = [base.appendingPathComponent(name), base.appendingPathComponent("Resources").appendingPathComponent(name)]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The files of a resource folder with an extension, sorted by name (deterministic).
    static func urls(in folder: String, withExtension ext: String) -> [URL] {
        guard let dir = directory(folder),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".\(ext)") }.sorted().map { dir.appendingPathComponent($0) }
    }
}
