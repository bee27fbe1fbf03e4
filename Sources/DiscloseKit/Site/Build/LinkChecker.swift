import DiscloseCore
import Foundation

/// Every internal link and asset reference of the pages a build writes must lead to a file of the site:
/// government-website inspections count dead links and failed downloads. Pages are scanned as they are
/// rendered (from several threads); the targets are resolved once every file is known, before the site
/// is swapped in. External links are not fetched here (`disclose check-links` does that on request).
final class LinkChecker: @unchecked Sendable {
    struct Reference: Hashable {
        var page: String
        var target: String
        var resolved: String?
        /// Further occurrences of the same link on other pages, not listed (see `examplesPerTarget`).
        var more = 0
    }

    /// The pages kept per link target: a template's broken link is on every report page, and listing
    /// it 100,000 times would help no one (the others are counted in the last one's `more`).
    static let examplesPerTarget = 20

    /// The references to one target path: a few example pages, and how many there were in all.
    private struct Referrers {
        var examples: [(page: String, target: String)] = []
        var count = 0

        mutating func add(page: String, target: String) {
            if examples.contains(where: { $0.page == page && $0.target == target }) { return }
            count += 1
            if examples.count < LinkChecker.examplesPerTarget { examples.append((page, target)) }
        }
    }

    private let lock = NSLock()
    private let base: String
    /// The files added, by the first part of their path (a unit folder, `assets`, `index.html`…), so
    /// that a unit's share can be settled and forgotten as soon as the unit is written (`settle`).
    private var written: [String: Set<String>] = [:]
    /// Unresolved references, by the first part of the path they lead to, then by that path.
    private var references: [String: [String: Referrers]] = [:]
    /// Links leading outside the site, by target.
    private var outside: [String: Referrers] = [:]

    /// Chart PNGs are drawn when asked for (`ChartPNG.Deferred`: the preview, and benchmark builds
    /// with `chartPNGs` off), so links to them are not checked.
    private let deferredPNGs: Bool

    /// `baseURL`: the site's own address, so that absolute links into the site (canonical links, the 404
    /// page's) are checked like relative ones.
    init(baseURL: String, deferredPNGs: Bool = false) {
        base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.deferredPNGs = deferredPNGs
    }

    private func isDeferred(_ resolved: String) -> Bool {
        deferredPNGs && resolved.hasSuffix(".png") && resolved.contains("/charts/")
    }

    /// The first part of a site path: the folder it is in at the top of the site, or the file itself.
    static func top(_ path: String) -> String {
        path.firstIndex(of: "/").map { String(path[..<$0]) } ?? path
    }

    /// Takes note of a batch of files: their paths, and the references in the HTML pages among them.
    func add(_ files: [String: Data]) {
        var found: [(page: String, target: String, resolved: String)] = []
        for (path, data) in files where path.hasSuffix(".html") {
            for target in Self.references(in: data) {
                guard let resolved = resolve(target, from: path), !isDeferred(resolved) else { continue }
                found.append((path, target, resolved))
            }
        }
        lock.lock()
        defer { lock.unlock() }
        for path in files.keys { written[Self.top(path), default: []].insert(path) }
        for (page, target, resolved) in found {
            if resolved.isEmpty {
                outside[target, default: Referrers()].add(page: page, target: target)
            } else {
                references[Self.top(resolved), default: [:]][resolved, default: Referrers()].add(page: page, target: target)
            }
        }
    }

    /// Once every file of a unit folder is added: the references into it that lead to one of them are
    /// done with, and the folder's paths are forgotten, so that memory does not grow with the site.
    /// References into the folder that lead nowhere are kept for `dead` (which also looks on disk).
    func settle(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        let files = written.removeValue(forKey: folder) ?? []
        guard var group = references[folder] else { return }
        for resolved in Array(group.keys) where Self.exists(resolved, in: files) { group[resolved] = nil }
        references[folder] = group.isEmpty ? nil : group
    }

    /// References into folders no longer being written (settled units) that lead to a file under
    /// `root` (the staging folder) are done with: the site-wide pages link to every report, and a
    /// province's would otherwise be kept until the end.
    func settleOnDisk(_ root: URL) {
        lock.lock()
        defer { lock.unlock() }
        for (top, group) in references where written[top] == nil {
            var left = group
            for resolved in group.keys where Self.onDisk(resolved, under: root) { left[resolved] = nil }
            references[top] = left.isEmpty ? nil : left
        }
    }

    private static func onDisk(_ path: String, under root: URL) -> Bool {
        var isDir: ObjCBool = false
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return false }
        return !isDir.boolValue || FileManager.default.fileExists(atPath: url.appendingPathComponent("index.html").path)
    }

    private static func exists(_ path: String, in files: Set<String>) -> Bool {
        files.contains(path) || files.contains(path + "/index.html") || (path.isEmpty && files.contains("index.html"))
    }

    /// The references that lead to no file: among the files added, or to a file under `output` (the
    /// staging folder of a full build; the published site for an incremental one) that is not about to
    /// be removed.
    func dead(existingUnder output: URL? = nil, removed: Set<String> = []) -> [Reference] {
        lock.lock()
        defer { lock.unlock() }
        func exists(_ path: String) -> Bool {
            if let files = written[Self.top(path.isEmpty ? "index.html" : path)], Self.exists(path, in: files) { return true }
            guard let output, !removed.contains(path) else { return false }
            return Self.onDisk(path, under: output)
        }
        var dead: [Reference] = []
        func list(_ referrers: Referrers, resolved: String?) {
            for (index, example) in referrers.examples.enumerated() {
                let last = index == referrers.examples.count - 1
                dead.append(Reference(page: example.page, target: example.target, resolved: resolved,
                                      more: last ? referrers.count - referrers.examples.count : 0))
            }
        }
        for (_, referrers) in outside { list(referrers, resolved: nil) }
        for (_, group) in references {
            for (resolved, referrers) in group where !exists(resolved) { list(referrers, resolved: resolved) }
        }
        return dead.sorted { ($0.page, $0.target) < ($1.page, $1.target) }
    }

    static func diagnostics(_ dead: [Reference], output: String) -> [Diagnostic] {
        dead.map { reference in
            let moreZh = reference.more > 0 ? "其他页面另有 \(reference.more) 处同一链接，未逐一列出。" : ""
            let moreEn = reference.more > 0 ? " \(reference.more) more occurrences on other pages are not listed." : ""
            return .error("LINK-DEAD", at: .file("\(output)/\(reference.page)"),
                   zh: (reference.resolved == nil ? "页面中的链接“\(reference.target)”指向网站之外的位置。"
                                                  : "页面中的链接“\(reference.target)”指向的文件不存在（\(reference.resolved!)）。") + moreZh,
                   en: (reference.resolved == nil ? "the page links to '\(reference.target)', which leads outside the site."
                                                  : "the page links to '\(reference.target)', a file that does not exist (\(reference.resolved!)).") + moreEn)
        }
    }

    /// The values of href and src attributes, entity-decoded.
    static func references(in page: Data) -> [String] {
        var out: [String] = []
        let bytes = [UInt8](page)
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        var i = 0
        while i < bytes.count {
            var matched: [UInt8]?
            if bytes[i] == 0x20 {
                for pattern in patterns where i + pattern.count <= bytes.count && Array(bytes[i..<i + pattern.count]) == pattern {
                    matched = pattern
                    break
                }
            }
            guard let pattern = matched else { i += 1; continue }
            let start = i + pattern.count
            var end = start
            while end < bytes.count, bytes[end] != 0x22 { end += 1 }
            let value = String(decoding: bytes[start..<end], as: UTF8.self)
            out.append(Markup.unescape(value))
            i = end
        }
        return out
    }

    /// The site path a reference leads to: nil for what is not checked here (fragments, other sites,
    /// mail), "" for a path that climbs out of the site.
    func resolve(_ target: String, from page: String) -> String? {
        var target = target.trimmingCharacters(in: .whitespaces)
        if target.isEmpty || target.hasPrefix("#") { return nil }
        if target.hasPrefix(base) {
            target = String(target.dropFirst(base.count))
            return Self.normalize(target, in: [])
        }
        let lower = target.lowercased()
        if let colon = lower.firstIndex(of: ":"), lower[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) {
            return nil  // http:, https:, mailto:, tel:, data: …: not a file of this site
        }
        if target.hasPrefix("//") { return nil }
        if target.hasPrefix("/") { return Self.normalize(String(target.dropFirst()), in: []) }
        var folder = page.split(separator: "/").map(String.init)
        folder.removeLast()
        return Self.normalize(target, in: folder)
    }

    private static func normalize(_ target: String, in folder: [String]) -> String {
        var path = target
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        var parts = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return "" }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasSuffix("/") && !joined.isEmpty ? joined + "/index.html" : (joined.isEmpty ? "index.html" : joined)
    }
}
