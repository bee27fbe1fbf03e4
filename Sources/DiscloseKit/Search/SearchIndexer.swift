import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CDiscloseSupport

/// The full-text index of the site search, made by Pagefind's extended build (which segments Chinese)
/// over the HTML of a built site. See docs/search.md for why Pagefind.
///
/// The engine writes its bundle beside the site first; the finished bundle then replaces
/// `pagefind/` in one rename, so a reader never sees half an index.
public enum SearchIndexer {
    /// How an indexing run went.
    public enum Outcome: Sendable, Equatable {
        case indexed(pages: Int, seconds: String, engine: String)
        /// No engine installed: the site is built, only full-text search is missing.
        case engineMissing
        case failed(String)
    }

    public static let bundleFolder = "pagefind"

    /// What to install, in both languages (the build prints it when the engine is missing).
    public static let installHint = (
        zh: "未找到全文搜索引擎 Pagefind，已跳过全文索引（按单位名称、地区、年度搜索仍可用）。安装：python3 -m pip install pagefind-bin-extended（make site 会自动安装），或用环境变量 DISCLOSE_PAGEFIND 指定 pagefind_extended 的路径。",
        en: "Pagefind (the full-text search engine) was not found, so full-text indexing was skipped (searching by unit name, region and year still works). Install it with: python3 -m pip install pagefind-bin-extended (make site does), or set DISCLOSE_PAGEFIND to the path of pagefind_extended."
    )

    /// The engine: `DISCLOSE_PAGEFIND`, else `pagefind_extended` (or `pagefind`) on the PATH, else the
    /// binary inside Python's `pagefind_bin_extended` package.
    public static func engine(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let path = environment["DISCLOSE_PAGEFIND"], !path.isEmpty {
            return fm.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
        }
        for name in ["pagefind_extended", "pagefind"] {
            for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if fm.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
            }
        }
        let script = "import pagefind_bin_extended as p; print(p.get_executable())"
        if let printed = run("/usr/bin/env", ["python3", "-c", script], environment: environment),
           printed.status == 0 {
            let path = printed.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if !path.isEmpty, fm.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return nil
    }

    /// Indexes the HTML under `site` and puts the bundle at `site/pagefind/`.
    public static func index(site: URL, engine: URL? = SearchIndexer.engine()) -> Outcome {
        guard let engine else { return .engineMissing }
        let fm = FileManager.default
        let started = Date()
        let parent = site.standardizedFileURL.deletingLastPathComponent()
        let fresh = parent.appendingPathComponent(".\(site.lastPathComponent).pagefind-\(getpid())")
        try? fm.removeItem(at: fresh)
        guard let ran = run(engine.path, ["--site", site.path, "--output-path", fresh.path, "--keep-index-url"]) else {
            return .failed("cannot start \(engine.path)")
        }
        guard ran.status == 0, fm.fileExists(atPath: fresh.appendingPathComponent("pagefind.js").path) else {
            try? fm.removeItem(at: fresh)
            let tail = ran.output.split(separator: "\n").suffix(5).joined(separator: "\n")
            return .failed("\(engine.lastPathComponent) exit \(ran.status): \(tail)")
        }
        let target = site.appendingPathComponent(bundleFolder)
        do {
            if fm.fileExists(atPath: target.path) {
                if disclose_exchange_paths(fresh.path, target.path) == 0 {
                    try? fm.removeItem(at: fresh)
                } else {
                    try fm.removeItem(at: target)
                    try fm.moveItem(at: fresh, to: target)
                }
            } else {
                try fm.moveItem(at: fresh, to: target)
            }
        } catch {
            try? fm.removeItem(at: fresh)
            return .failed(error.localizedDescription)
        }
        let pages = ran.output.split(separator: "\n").lazy.compactMap { line -> Int? in
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "Indexed", words[2] == "pages" else { return nil }
            return Int(words[1])
        }.first ?? 0
        return .indexed(pages: pages, seconds: String(format: "%.1f", Date().timeIntervalSince(started)), engine: engine.lastPathComponent)
    }

    /// The search bundle for a site held in memory (the preview): its pages are written to a temporary
    /// folder, indexed there, and the bundle's files returned by path (`pagefind/…`); nil without an engine
    /// or when indexing fails.
    public static func bundle(for files: [String: Data], engine: URL?) -> [String: Data]? {
        guard let engine else { return nil }
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("disclose-search-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        do {
            for (path, data) in files where path.hasSuffix(".html") {
                let url = site.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch { return nil }
        guard case .indexed = index(site: site, engine: engine) else { return nil }
        let bundle = site.appendingPathComponent(bundleFolder)
        guard let walker = fm.enumerator(at: bundle, includingPropertiesForKeys: [.isRegularFileKey]) else { return nil }
        var out: [String: Data] = [:]
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true, let data = fm.contents(atPath: url.path) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(bundle.standardizedFileURL.path.count + 1))
            out["\(bundleFolder)/\(relative)"] = data
        }
        return out
    }

    /// Runs a program and collects what it prints (standard output and error together).
    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
