import DiscloseCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `disclose check-links`: the internal links of a built site read back from disk, and on request the
/// external links the narrative cites, fetched one by one.
public enum LinkAudit {
    public struct ExternalLink: Sendable, Equatable {
        public var url: String
        /// Where the narrative cites it (file:line), nil for a URL given on the command line.
        public var location: SourceLocation?

        public init(url: String, location: SourceLocation?) {
            self.url = url
            self.location = location
        }
    }

    public struct Failure: Sendable, Equatable {
        public var link: ExternalLink
        /// The HTTP status, or nil when no answer came.
        public var status: Int?
        public var reason: String
    }

    /// Dead internal links of the site under `output`, as `disclose build` would report them.
    public static func internalDead(output: URL, baseURL: String) -> [Diagnostic] {
        let checker = LinkChecker(baseURL: baseURL)
        let files = FileStamps.scan(output).files.keys.sorted()
        var batch: [String: Data] = [:]
        for path in files {
            batch[path] = path.hasSuffix(".html") ? (FileManager.default.contents(atPath: output.appendingPathComponent(path).path) ?? Data()) : Data()
            if batch.count >= 256 {
                checker.add(batch)
                batch = [:]
            }
        }
        checker.add(batch)
        return LinkChecker.diagnostics(checker.dead(), output: output.lastPathComponent)
    }

    /// Every http(s) address written in the Markdown files under `content`, with its file and line.
    public static func externalLinks(content: URL, displayRoot: String) -> [ExternalLink] {
        var links: [ExternalLink] = []
        let paths = FileStamps.scan(content, hidden: false).files.keys.filter { $0.hasSuffix(".md") }.sorted()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: content.appendingPathComponent(path).path) else { continue }
            for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for url in urls(in: String(line)) {
                    links.append(ExternalLink(url: url.text, location: SourceLocation(file: "\(displayRoot)/\(path)", line: number + 1, column: url.column)))
                }
            }
        }
        return links
    }

    /// http:// and https:// addresses in a line, ending before whitespace, a closing bracket or quote, or
    /// full-width punctuation; with their 1-based columns.
    static func urls(in line: String) -> [(text: String, column: Int)] {
        var out: [(String, Int)] = []
        let characters = Array(line)
        var i = 0
        while i < characters.count {
            let rest = String(characters[i..<min(characters.count, i + 8)]).lowercased()
            guard rest.hasPrefix("http://") || rest.hasPrefix("https://") else { i += 1; continue }
            var end = i
            while end < characters.count {
                let c = characters[end]
                if c.isWhitespace || ")>]\"'<，。；、）】》".contains(c) || c.unicodeScalars.first!.value > 0x2000 { break }
                end += 1
            }
            var url = String(characters[i..<end])
            while let last = url.last, ".,;:!?".contains(last) { url.removeLast() }
            out.append((url, i + 1))
            i = end
        }
        return out
    }

    /// Fetches each address once (HEAD, then GET where HEAD is refused) and returns those that fail.
    public static func check(_ links: [ExternalLink], timeout: TimeInterval = 10) -> [Failure] {
        var failures: [Failure] = []
        var checked = Set<String>()
        var failed: [String: (Int?, String)] = [:]
        for link in links {
            if checked.insert(link.url).inserted, let answer = fetch(link.url, timeout: timeout) { failed[link.url] = answer }
            if let answer = failed[link.url] { failures.append(Failure(link: link, status: answer.0, reason: answer.1)) }
        }
        return failures
    }

    /// nil when the address answers with a success or a redirect to one; else the status and reason.
    static func fetch(_ address: String, timeout: TimeInterval) -> (Int?, String)? {
        guard let url = URL(string: address) ?? address.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed).flatMap(URL.init(string:)) else {
            return (nil, "不是有效的网址")
        }
        var last: (Int?, String)?
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
            request.httpMethod = method
            request.setValue("disclose-check-links", forHTTPHeaderField: "User-Agent")
            let done = DispatchSemaphore(value: 0)
            let box = AnswerBox()
            let task = URLSession.shared.dataTask(with: request) { _, response, error in
                if let http = response as? HTTPURLResponse { box.set(http.statusCode, nil) } else { box.set(nil, error?.localizedDescription ?? "没有应答") }
                done.signal()
            }
            task.resume()
            if done.wait(timeout: .now() + timeout + 1) == .timedOut {
                task.cancel()
                last = (nil, "超时（\(Int(timeout)) 秒）")
                continue
            }
            let (status, error) = box.get()
            if let status, (200..<400).contains(status) { return nil }
            last = (status, status.map { "HTTP \($0)" } ?? (error ?? "没有应答"))
            // Some servers refuse HEAD: only then is GET worth a try.
            if let status, status != 405 && status != 501 && status != 403 { break }
        }
        return last
    }
}

private final class AnswerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int?
    private var error: String?

    func set(_ status: Int?, _ error: String?) {
        lock.lock()
        self.status = status
        self.error = error
        lock.unlock()
    }

    func get() -> (Int?, String?) {
        lock.lock()
        defer { lock.unlock() }
        return (status, error)
    }
}
