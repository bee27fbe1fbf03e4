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

    /// The content hash (FNV-1a of the bytes): a file whose stamp changed but whose bytes did not
    /// (saved unchanged, checked out again) is not a change.
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

    // MARK: Text form (one line per file), quicker to read back than JSON

    /// "kind size seconds nanoseconds inode hash path" lines, tab-separated, sorted by path (the
    /// templates' stamps in the build record; see `StampFile` for the content's and the output's).
    func append(kind: String, to out: inout [UInt8]) {
        for (path, s) in files.sorted(by: { $0.key < $1.key }) {
            out.append(contentsOf: "\(kind)\t\(s.size)\t\(s.seconds)\t\(s.nanoseconds)\t\(s.inode)\t0\t".utf8)
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
                if let size = number(), let seconds = number(), let nanoseconds = number(), let inode = number(), number() != nil {
                    let end = bytes[i...].firstIndex(of: 10) ?? n
                    let path = String(decoding: bytes[i..<end], as: UTF8.self)
                    result[kind, default: FileStamps()].files[path] =
                        Stamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: UInt64(bitPattern: inode))
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
