import DiscloseCore
import Foundation

/// The text of every file read, by display path, so diagnostics can quote the offending line.
public struct SourceStore: Sendable {
    /// By the file as shown (what diagnostics name).
    private var lines: [String: [String]] = [:]
    /// The files read, as data, by the file as shown.
    private var paths: [String: ContentPath] = [:]

    public init() {}

    mutating func merge(_ other: SourceStore) {
        lines.merge(other.lines) { a, _ in a }
        paths.merge(other.paths) { a, _ in a }
    }

    mutating func add(_ path: ContentPath, text: String) {
        lines[path.display] = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        paths[path.display] = path
    }

    /// A digest of the texts of the files read that `includes` picks: it changes when any of them
    /// changes, so rendered pages can be reused when it does not.
    public func fingerprint(of includes: (ContentPath) -> Bool) -> UInt64 {
        var hash = FNV1a()
        for shown in paths.keys.sorted() where includes(paths[shown]!) {
            hash.add(shown)
            for line in lines[shown] ?? [] { hash.add(line) }
        }
        return hash.value
    }

    /// Keeps one line of a file (a build record keeps only the lines its diagnostics point at).
    mutating func keep(line number: Int, of path: String, text: String) {
        guard number >= 1 else { return }
        var file = lines[path] ?? []
        if file.count < number { file += Array(repeating: "", count: number - file.count) }
        file[number - 1] = text
        lines[path] = file
    }

    /// Only the lines `diagnostics` point at: what a build keeps of a unit once it is checked.
    func kept(for diagnostics: [Diagnostic]) -> SourceStore {
        var out = SourceStore()
        for d in diagnostics where d.location.line > 0 {
            if let text = line(d.location.line, of: d.location.file) { out.keep(line: d.location.line, of: d.location.file, text: text) }
        }
        return out
    }

    public func line(_ number: Int, of path: String) -> String? {
        guard let file = lines[path], number >= 1, number <= file.count else { return nil }
        return file[number - 1]
    }
}

/// Reads a content file as UTF-8 text, explaining what is wrong when it is not.
enum SourceText {
    static let maxBytes = 10 * 1024 * 1024

    enum Failure: Error {
        case diagnostic(Diagnostic)
    }

    static func read(_ url: URL, display: ContentPath) -> Result<String, Failure> {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maxBytes {
                return .failure(.diagnostic(.error(.unreadable, at: .file(display),
                    zh: "文件过大（\(size / 1024 / 1024) MB）；内容文件不应超过 \(maxBytes / 1024 / 1024) MB，请检查是否放错了文件。",
                    en: "file too large (\(size / 1024 / 1024) MB); content files are at most \(maxBytes / 1024 / 1024) MB.")))
            }
            data = try Data(contentsOf: url)
        } catch {
            return .failure(.diagnostic(.error(.unreadable, at: .file(display),
                zh: "无法读取文件（请检查文件权限）：\(error.localizedDescription)",
                en: "cannot read the file (check its permissions): \(error.localizedDescription)")))
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.contains(0) {
            // UTF-16 with or without a BOM: every other byte of ASCII text is zero.
            let sample = Array(data.prefix(512))
            let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let half = max(1, sample.count / 2)
            let utf16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
                || evenZeros * 10 >= half * 3 && oddZeros * 10 < half || oddZeros * 10 >= half * 3 && evenZeros * 10 < half
            return .failure(.diagnostic(.error(.encoding, at: .file(display),
                zh: utf16 ? "文件是 UTF-16 编码；请另存为 UTF-8。" : "文件含有二进制内容（NUL 字节），不是文本文件。",
                en: utf16 ? "the file is UTF-16; save it as UTF-8." : "the file contains binary data (NUL bytes); it is not a text file.")))
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            return .failure(.diagnostic(.error(.encoding, at: .file(display),
                zh: "文件不是 UTF-8 编码（可能是 GBK/GB18030）。请在编辑器中“另存为 UTF-8”，或运行：iconv -f GB18030 -t UTF-8 原文件 > 新文件",
                en: "the file is not UTF-8 (perhaps GBK/GB18030). Save it as UTF-8, or run: iconv -f GB18030 -t UTF-8 old > new")))
        }
        guard text.utf8.contains(13) else { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }
}

/// 64-bit FNV-1a: a fast, stable (not cryptographic) digest for caching.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    public mutating func add(_ data: Data) {
        for byte in data { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = (value ^ 0xff) &* 0x100_0000_01b3
    }
}
