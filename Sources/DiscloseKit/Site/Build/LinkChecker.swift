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
    private let baseBytes: [UInt8]
    private let baseIsASCII: Bool
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
        baseBytes = Array(base.utf8)
        baseIsASCII = base.utf8.allSatisfy { $0 < 0x80 }
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
        var scratch = Scratch()
        for (path, data) in files where path.hasSuffix(".html") {
            let folder = PageFolder(path)
            for target in Self.references(in: data) {
                guard let resolved = resolve(target, in: folder, scratch: &scratch), !isDeferred(resolved) else { continue }
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

    /// The values of href and src attributes, entity-decoded: what follows ` href="` or ` src="` up to
    /// the next quote (to the end of the page if there is none), the scan going on after that quote.
    /// Found on the bytes: each `=` is looked at, and only those between such a name and a quote count.
    static func references(in page: Data) -> [String] {
        var out: [String] = []
        page.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let bytes = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            let count = raw.count
            // A reference's leading space is at or after `next`: references do not overlap.
            var next = 0
            var from = 0
            while from < count, let hit = memchr(bytes + from, 0x3D, count - from) {
                let equals = bytes.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = equals + 1
                guard from < count, bytes[from] == 0x22 else { continue }
                let isHref = equals - 5 >= next && bytes[equals - 5] == 0x20 && bytes[equals - 4] == 0x68 && bytes[equals - 3] == 0x72
                    && bytes[equals - 2] == 0x65 && bytes[equals - 1] == 0x66  // " href"
                let isSrc = !isHref && equals - 4 >= next && bytes[equals - 4] == 0x20 && bytes[equals - 3] == 0x73
                    && bytes[equals - 2] == 0x72 && bytes[equals - 1] == 0x63  // " src"
                guard isHref || isSrc else { continue }
                let start = equals + 2
                let end = start < count ? memchr(bytes + start, 0x22, count - start).map { bytes.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count : count
                let value = UnsafeBufferPointer(start: bytes + start, count: end - start)
                let text = String(decoding: value, as: UTF8.self)
                out.append(value.contains(0x26) ? Markup.unescape(text) : text)
                next = end
                from = max(from, end + 1)
            }
        }
        return out
    }

    /// The folder a page is in, worked out once for all its references: its parts, and the same
    /// joined with slashes as bytes (with where each part starts) for the quick path of `resolve`.
    struct PageFolder {
        let page: String
        let parts: [String]
        let joined: [UInt8]
        let starts: [Int]

        init(_ page: String) {
            self.page = page
            var parts = page.split(separator: "/").map(String.init)
            parts.removeLast()
            self.parts = parts
            var joined: [UInt8] = []
            var starts: [Int] = []
            for part in parts {
                if !joined.isEmpty { joined.append(0x2F) }
                starts.append(joined.count)
                joined.append(contentsOf: part.utf8)
            }
            self.joined = joined
            self.starts = starts
        }
    }

    /// Buffers reused from one reference to the next.
    struct Scratch {
        var path: [UInt8] = []
        var starts: [Int] = []
    }

    /// The site path a reference leads to: nil for what is not checked here (fragments, other sites,
    /// mail), "" for a path that climbs out of the site.
    func resolve(_ target: String, from page: String) -> String? {
        var scratch = Scratch()
        return resolve(target, in: PageFolder(page), scratch: &scratch)
    }

    /// `resolveByCharacters`, answered on the bytes where they decide: an ASCII reference without
    /// percent-escapes in its path (and an ASCII base address). Anything else is left to it.
    func resolve(_ target: String, in folder: PageFolder, scratch: inout Scratch) -> String? {
        guard baseIsASCII else { return resolveByCharacters(target, in: folder.parts) }
        var quick: String?? = .none
        var target = target
        target.withUTF8 { all in
            // Trimmed of spaces and tabs (the only ASCII characters of `.whitespaces`).
            var lower = 0, upper = all.count
            while lower < upper, all[lower] == 0x20 || all[lower] == 0x09 { lower += 1 }
            while upper > lower, all[upper - 1] == 0x20 || all[upper - 1] == 0x09 { upper -= 1 }
            let t = UnsafeBufferPointer(rebasing: all[lower..<upper])
            for byte in t where byte >= 0x80 { return }
            if t.isEmpty || t[0] == 0x23 { quick = .some(nil); return }  // "" or "#…"
            if t.count >= baseBytes.count && baseBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, t.baseAddress!, $0.count) == 0 }) {
                quick = Self.normalize(UnsafeBufferPointer(rebasing: t[baseBytes.count...]), in: nil, scratch: &scratch)
                return
            }
            if let colon = t.firstIndex(of: 0x3A), t[..<colon].allSatisfy(Self.isSchemeByte) { quick = .some(nil); return }
            if t.count >= 2 && t[0] == 0x2F && t[1] == 0x2F { quick = .some(nil); return }
            if t[0] == 0x2F {
                quick = Self.normalize(UnsafeBufferPointer(rebasing: t[1...]), in: nil, scratch: &scratch)
                return
            }
            quick = Self.normalize(t, in: folder, scratch: &scratch)
        }
        if case .some(let answer) = quick { return answer }
        return resolveByCharacters(target, in: folder.parts)
    }

    /// Letters, digits, `+`, `.` and `-`: what a scheme (`https`, `mailto`, `tel`…) is made of.
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2B, 0x2E, 0x2D: return true
        default: return false
        }
    }

    /// `normalize` on the bytes of an ASCII path; `.none` where the path holds a percent-escape
    /// (decoding it is left to Foundation). `folder` nil: from the site's root.
    private static func normalize(_ target: UnsafeBufferPointer<UInt8>, in folder: PageFolder?,
                                  scratch: inout Scratch) -> String?? {
        var end = target.count
        if let cut = target.firstIndex(where: { $0 == 0x23 || $0 == 0x3F }) { end = cut }  // "#", "?"
        let path = UnsafeBufferPointer(rebasing: target[..<end])
        if path.contains(0x25) { return .none }  // "%"
        scratch.path.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        if let folder {
            scratch.path.append(contentsOf: folder.joined)
            scratch.starts.append(contentsOf: folder.starts)
        }
        var index = 0
        while index < path.count {
            var stop = index
            while stop < path.count, path[stop] != 0x2F { stop += 1 }
            let length = stop - index
            if length == 0 || (length == 1 && path[index] == 0x2E) {
                // an empty part or "."
            } else if length == 2 && path[index] == 0x2E && path[index + 1] == 0x2E {
                guard let last = scratch.starts.popLast() else { return .some("") }
                scratch.path.removeSubrange(max(0, last - 1)...)
            } else {
                if !scratch.path.isEmpty { scratch.path.append(0x2F) }
                scratch.starts.append(scratch.path.count)
                scratch.path.append(contentsOf: UnsafeBufferPointer(rebasing: path[index..<stop]))
            }
            index = stop + 1
        }
        if scratch.path.isEmpty { return .some("index.html") }
        if path.last == 0x2F { scratch.path.append(contentsOf: "/index.html".utf8) }
        return .some(String(decoding: scratch.path, as: UTF8.self))
    }

    /// The site path a reference leads to, worked out on Characters (see `resolve`).
    func resolveByCharacters(_ target: String, in folder: [String]) -> String? {
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
