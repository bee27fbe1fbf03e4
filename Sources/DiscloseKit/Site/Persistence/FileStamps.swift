import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Size, modification time and inode of every file under a folder, by relative path: what an
/// incremental build compares to know what changed since the last one (as make does), without
/// reading the files. A plain readdir/lstat walk: Foundation's enumerator is several times slower.
struct FileStamps: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var inode: UInt64
    }

    var files: [String: Stamp] = [:]
    /// Content hashes (FNV-1a of the bytes) of the files whose hash is known: a file whose stamp
    /// changed but whose bytes did not (saved unchanged, checked out again) is not a change.
    var hashes: [String: UInt64] = [:]

    /// Every file under `root`, or with `directories` every folder (root included, as ""): a folder's
    /// time changes whenever an entry in it is added, removed or renamed, which is enough to notice a
    /// touched output folder at a fraction of the cost.
    /// `hidden`: also names starting with "." (editor swap files, which content loading ignores).
    static func scan(_ root: URL, directories: Bool = false, hidden: Bool = true) -> FileStamps {
        var stamps = FileStamps()
        if directories, let stamp = stamp(root.path) { stamps.files[""] = stamp }
        walk(root.path, prefix: "", directories: directories, hidden: hidden, into: &stamps.files)
        return stamps
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Stamp(info)
    }

    /// Whether every recorded path under `root` still has its stamp (no directory listing needed).
    func matches(_ root: URL) -> Bool {
        let base = root.path
        return files.allSatisfy { path, stamp in Self.stamp(path.isEmpty ? base : base + "/" + path) == stamp }
    }

    private static func walk(_ path: String, prefix: String, directories: Bool, hidden: Bool, into files: inout [String: Stamp]) {
        guard let dir = opendir(path) else { return }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." && (hidden || !name.hasPrefix(".")) { names.append(name) }
        }
        for name in names {
            let full = path + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if directories { files[relative] = Stamp(info) }
                walk(full, prefix: relative, directories: directories, hidden: hidden, into: &files)
            } else if !directories {
                files[relative] = Stamp(info)
            }
        }
    }

    static func hash(_ path: String) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> UInt64 in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
            return h
        }
    }

    /// The paths that changed since `old`, by stamp and then by content: files whose stamp changed
    /// are hashed, and those whose bytes are the same as before do not count. Fills in `hashes`.
    mutating func changes(since old: FileStamps, root: URL) -> Set<String> {
        var changed = Set<String>()
        for path in Set(files.keys).union(old.files.keys) {
            guard let stamp = files[path] else { changed.insert(path); continue }
            if old.files[path] == stamp, let known = old.hashes[path] {
                hashes[path] = known
                continue
            }
            let now = Self.hash(root.path + "/" + path)
            hashes[path] = now
            if now == nil || old.hashes[path] != now { changed.insert(path) }
        }
        return changed
    }

    /// Hashes every file (for the record of a full build).
    mutating func hashAll(root: URL) {
        for path in files.keys { hashes[path] = Self.hash(root.path + "/" + path) }
    }

    /// The stamps of the paths under `folder/`.
    func under(_ folder: String) -> [String: Stamp] {
        files.filter { $0.key.hasPrefix(folder + "/") }
    }

    // MARK: Text form (one line per file), quicker to read back than JSON

    /// "kind size seconds nanoseconds inode hash path" lines, tab-separated, in no particular order.
    func append(kind: String, to out: inout [UInt8]) {
        append(kind: kind, paths: Array(files.keys), to: &out)
    }

    /// The lines of some of the files only (a share of the build record).
    func append(kind: String, paths: [String], to out: inout [UInt8]) {
        for path in paths {
            guard let s = files[path] else { continue }
            out.append(contentsOf: "\(kind)\t\(s.size)\t\(s.seconds)\t\(s.nanoseconds)\t\(s.inode)\t\(hashes[path] ?? 0)\t".utf8)
            out.append(contentsOf: path.utf8)
            out.append(10)
        }
    }

    /// Parses the lines written by `append(kind:to:)`, by kind; bytes, not Strings, for speed.
    static func parse(_ bytes: [UInt8]) -> [String: FileStamps] {
        var result: [String: FileStamps] = [:]
        var i = 0
        let n = bytes.count
        func number() -> Int64? {
            var value: Int64 = 0
            var digits = 0
            while i < n, bytes[i] >= 48, bytes[i] <= 57 {
                value = value &* 10 &+ Int64(bytes[i] - 48)
                i += 1
                digits += 1
            }
            guard digits > 0, i < n, bytes[i] == 9 else { return nil }
            i += 1
            return value
        }
        while i < n {
            let lineStart = i
            var ok = false
            if let kindEnd = bytes[i...].firstIndex(of: 9) {
                let kind = String(decoding: bytes[i..<kindEnd], as: UTF8.self)
                i = kindEnd + 1
                if let size = number(), let seconds = number(), let nanoseconds = number(), let inode = number(), let hash = number() {
                    let end = bytes[i...].firstIndex(of: 10) ?? n
                    let path = String(decoding: bytes[i..<end], as: UTF8.self)
                    result[kind, default: FileStamps()].files[path] =
                        Stamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: UInt64(bitPattern: inode))
                    if hash != 0 { result[kind, default: FileStamps()].hashes[path] = UInt64(bitPattern: hash) }
                    i = end + 1
                    ok = true
                }
            }
            if !ok { i = (bytes[lineStart...].firstIndex(of: 10) ?? n) + 1 }
        }
        return result
    }
}

extension FileStamps.Stamp {
    init(_ info: stat) {
        self.init(size: Int64(info.st_size), seconds: Int64(info.st_mtim.tv_sec),
                  nanoseconds: Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
    }
}
