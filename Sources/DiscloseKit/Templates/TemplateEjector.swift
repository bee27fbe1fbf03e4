import Foundation

/// `disclose templates eject`: copies bundled templates into a site's Templates/ folder for editing.
/// A file the site already has is left alone unless `force` (its edits would be lost).
public enum TemplateEjector {
    public struct Outcome: Sendable, Equatable {
        public var written: [String] = []
        /// Already there with other contents: kept (without `force`).
        public var kept: [String] = []
        /// Already there and identical.
        public var unchanged: [String] = []
        /// Names that match no bundled file.
        public var unknown: [String] = []
    }

    /// The bundled files a name selects: a path (`report.mustache`, `assets/site.css`), a template name
    /// without its extension (`report`, `partials/table`) or a folder (`part2`, `assets`).
    public static func select(_ names: [String]) -> (paths: [String], unknown: [String]) {
        let all = BundledTemplates.all.map(\.path)
        guard !names.isEmpty else { return (all, []) }
        var chosen: [String] = []
        var unknown: [String] = []
        for raw in names {
            let name = raw.trimmingCharacters(in: CharacterSet(charactersIn: "/ ")).replacingOccurrences(of: "Templates/", with: "")
            let matches = all.filter { $0 == name || $0 == name + ".mustache" || $0.hasPrefix(name + "/") }
            if matches.isEmpty { unknown.append(raw) }
            for path in matches where !chosen.contains(path) { chosen.append(path) }
        }
        return (chosen.sorted(), unknown)
    }

    public static func eject(into folder: URL, only names: [String] = [], force: Bool = false) throws -> Outcome {
        let fm = FileManager.default
        let (paths, unknown) = select(names)
        var outcome = Outcome(unknown: unknown)
        for path in paths {
            guard let data = BundledTemplates.data(path) else { continue }
            let target = folder.appendingPathComponent(path)
            if let existing = fm.contents(atPath: target.path) {
                if existing == data { outcome.unchanged.append(path); continue }
                if !force { outcome.kept.append(path); continue }
            }
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target, options: .atomic)
            outcome.written.append(path)
        }
        return outcome
    }
}
