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
    }

    private let lock = NSLock()
    private let base: String
    private var written = Set<String>()
    private var references: [Reference] = []

    /// `baseURL`: the site's own address, so that absolute links into the site (canonical links, the 404
    /// page's) are checked like relative ones.
    init(baseURL: String) {
        base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// Takes note of a batch of files: their paths, and the references in the HTML pages among them.
    func add(_ files: [String: Data]) {
        var found: [Reference] = []
        for (path, data) in files where path.hasSuffix(".html") {
            for target in Self.references(in: data) {
                guard let resolved = resolve(target, from: path) else { continue }
                found.append(Reference(page: path, target: target, resolved: resolved.isEmpty ? nil : resolved))
            }
        }
        lock.lock()
        defer { lock.unlock() }
        written.formUnion(files.keys)
        references += found
    }

    /// The references that lead to no file: among the files added, or (for an incremental build) to a
    /// file already published under `output` that is not about to be removed.
    func dead(existingUnder output: URL? = nil, removed: Set<String> = []) -> [Reference] {
        lock.lock()
        defer { lock.unlock() }
        var checked: [String: Bool] = [:]
        func exists(_ path: String) -> Bool {
            if let known = checked[path] { return known }
            var ok = written.contains(path) || written.contains(path + "/index.html") || (path.isEmpty && written.contains("index.html"))
            if !ok, let output, !removed.contains(path) {
                var isDir: ObjCBool = false
                let url = output.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
                    ok = !isDir.boolValue || FileManager.default.fileExists(atPath: url.appendingPathComponent("index.html").path)
                }
            }
            checked[path] = ok
            return ok
        }
        var dead: [Reference] = []
        var seen = Set<Reference>()
        for reference in references where seen.insert(reference).inserted {
            guard let resolved = reference.resolved else { dead.append(reference); continue }
            if !exists(resolved) { dead.append(reference) }
        }
        return dead.sorted { ($0.page, $0.target) < ($1.page, $1.target) }
    }

    static func diagnostics(_ dead: [Reference], output: String) -> [Diagnostic] {
        dead.map { reference in
            .error("LINK-DEAD", at: .file("\(output)/\(reference.page)"),
                   zh: reference.resolved == nil ? "页面中的链接“\(reference.target)”指向网站之外的位置。"
                                                 : "页面中的链接“\(reference.target)”指向的文件不存在（\(reference.resolved!)）。",
                   en: reference.resolved == nil ? "the page links to '\(reference.target)', which leads outside the site."
                                                 : "the page links to '\(reference.target)', a file that does not exist (\(reference.resolved!)).")
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
