import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The build record's stamps as one flat file, read and checked in place: a line per content file
/// (`c`, with its content hash), per content folder (`C`) and per output folder (`o`), as
/// "kind size seconds nanoseconds inode hash path", tab-separated. A rebuild does not parse it into
/// dictionaries: it walks the bytes, takes each recorded path's stamp again (lstat, no directory
/// listing) and keeps only the lines that differ. A content folder whose stamp is as recorded had no
/// entry added, removed or renamed; one that differs is listed to find the new entries. So a rebuild
/// of a province's record (a million lines) costs a stat per line and no allocation per line, and a
/// full build keeps none of it in memory: the lines go to the file as they are taken.
///
/// A rebuild does not rewrite the file either: what it took again goes to an overlay beside it
/// (`overlay(of:)`), headed by the owners whose recorded lines it replaces (`Superseded`). The two are
/// merged into a new stamps file only when the overlay has grown (`record(_:superseded:content:output:)`).
enum StampFile {
    static let contentFile = UInt8(ascii: "c")
    static let contentFolder = UInt8(ascii: "C")
    static let outputFolder = UInt8(ascii: "o")
    /// In `templates.tsv` (`FileStamps.append(kind:to:)`).
    static let templateFile = UInt8(ascii: "t")

    /// The overlay beside a stamps file: the lines of the rebuilds since the file was written.
    static func overlay(of path: String) -> String { path + ".changed" }

    /// One line of the file.
    struct Line {
        var kind: UInt8
        var hash: UInt64
        var path: String
    }

    // MARK: Writing

    /// Appends lines to a file through a buffer.
    final class Writer {
        private let fd: Int32
        private var buffer: [UInt8] = []
        private(set) var failed = false

        init?(path: String) {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return nil }
            buffer.reserveCapacity(1 << 20)
        }

        deinit { if fd >= 0 { close(fd) } }

        func add(_ kind: UInt8, _ stamp: FileStamps.Stamp, hash: UInt64, path: String) {
            StampFile.append(kind, stamp, hash: hash, path: path, to: &buffer)
            if buffer.count >= 1 << 20 { flush() }
        }

        /// Bytes that are already lines (kept from an earlier file).
        func add(lines: UnsafeRawBufferPointer) {
            buffer.append(contentsOf: lines)
            if let last = lines.last, last != 10 { buffer.append(10) }
            if buffer.count >= 1 << 20 { flush() }
        }

        func flush() {
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count, !failed {
                    let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if n < 0 { if errno != EINTR { failed = true }; continue }
                    offset += n
                }
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes; false when anything failed to be written.
        func finish() -> Bool {
            flush()
            return !failed
        }

        /// Every entry under `root` (names starting with "." left out unless `hidden`): files as
        /// `fileKind` lines with their content hash (when `fileKind` is given), folders as `folderKind`
        /// lines (the root itself as `prefix`). Paths are `prefix`/relative.
        func scan(_ root: String, prefix: String = "", fileKind: UInt8?, folderKind: UInt8, hidden: Bool) {
            guard let own = FileStamps.stamp(root) else { return }
            add(folderKind, own, hash: 0, path: prefix)
            walk(root, prefix: prefix, fileKind: fileKind, folderKind: folderKind, hidden: hidden)
        }

        private func walk(_ path: String, prefix: String, fileKind: UInt8?, folderKind: UInt8, hidden: Bool) {
            // Without a kind for files, only folders are stamped: the others are told by their type in
            // the listing, not each looked up (a province's output has 4.7 million files).
            for (name, info) in StampFile.entries(of: path, hidden: hidden, foldersOnly: fileKind == nil) {
                let full = path + "/" + name
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    add(folderKind, FileStamps.Stamp(info), hash: 0, path: relative)
                    walk(full, prefix: relative, fileKind: fileKind, folderKind: folderKind, hidden: hidden)
                } else if let fileKind {
                    add(fileKind, FileStamps.Stamp(info), hash: FileStamps.hash(full) ?? 0, path: relative)
                }
            }
        }
    }

    static func append(_ kind: UInt8, _ s: FileStamps.Stamp, hash: UInt64, path: String, to out: inout [UInt8]) {
        out.append(kind)
        out.append(contentsOf: "\t\(s.size)\t\(s.seconds)\t\(s.nanoseconds)\t\(s.inode)\t\(hash)\t".utf8)
        out.append(contentsOf: path.utf8)
        out.append(10)
    }

    /// The lines of one content entry: a file with its hash, or a folder and everything under it.
    static func collect(_ full: String, path: String, info: stat, into out: inout [UInt8]) {
        if (info.st_mode & S_IFMT) == S_IFDIR {
            append(contentFolder, FileStamps.Stamp(info), hash: 0, path: path, to: &out)
            for (name, sub) in entries(of: full, hidden: false) { collect(full + "/" + name, path: path + "/" + name, info: sub, into: &out) }
        } else {
            append(contentFile, FileStamps.Stamp(info), hash: FileStamps.hash(full) ?? 0, path: path, to: &out)
        }
    }

    /// The names in a folder with their lstat, "." and ".." left out (and hidden names unless asked);
    /// with `foldersOnly`, the entries the listing says are not folders are left out unlooked-at.
    static func entries(of path: String, hidden: Bool, foldersOnly: Bool = false) -> [(String, stat)] {
        guard let dir = opendir(path) else { return [] }
        var names: [String] = []
        while let entry = readdir(dir) {
            if foldersOnly, entry.pointee.d_type != UInt8(DT_DIR), entry.pointee.d_type != UInt8(DT_UNKNOWN) { continue }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." && (hidden || !name.hasPrefix(".")) { names.append(name) }
        }
        closedir(dir)
        return names.compactMap { name in
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { return nil }
            return !foldersOnly || (info.st_mode & S_IFMT) == S_IFDIR ? (name, info) : nil
        }
    }

    // MARK: Reading

    /// Calls `body` with each well-formed line's kind, numbers, path bytes and whole line bytes
    /// (with its newline); malformed lines are skipped.
    static func forEachLine(_ bytes: UnsafeRawBufferPointer,
                            _ body: (_ kind: UInt8, _ stamp: FileStamps.Stamp, _ hash: UInt64,
                                     _ path: UnsafeRawBufferPointer, _ line: UnsafeRawBufferPointer) -> Void) {
        let n = bytes.count
        var i = 0
        while i < n {
            let start = i
            var end = start
            while end < n, bytes[end] != 10 { end += 1 }
            i = end + 1
            // kind TAB five numbers each followed by TAB, then the path.
            guard end - start >= 12, bytes[start + 1] == 9 else { continue }
            var j = start + 2
            var numbers: [UInt64] = [0, 0, 0, 0, 0]
            var ok = true
            for k in 0..<5 {
                var value: UInt64 = 0
                var digits = 0
                while j < end, bytes[j] >= 48, bytes[j] <= 57 {
                    value = value &* 10 &+ UInt64(bytes[j] - 48)
                    j += 1
                    digits += 1
                }
                guard digits > 0, j < end, bytes[j] == 9 else { ok = false; break }
                numbers[k] = value
                j += 1
            }
            guard ok else { continue }
            let stamp = FileStamps.Stamp(size: Int64(bitPattern: numbers[0]), seconds: Int64(bitPattern: numbers[1]),
                                         nanoseconds: Int64(bitPattern: numbers[2]), inode: numbers[3])
            body(bytes[start], stamp, numbers[4], UnsafeRawBufferPointer(rebasing: bytes[j..<end]),
                 UnsafeRawBufferPointer(rebasing: bytes[start..<min(end + 1, n)]))
        }
    }

    /// Calls `body` with the file's lines a block at a time (about 8 MB of whole lines each): a
    /// province's stamps file is some 80 MB, which a rebuild does not hold in memory. False when the
    /// file cannot be read.
    @discardableResult
    static func forEachBlock(of path: String, blockSize: Int = 8 << 20, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var filled = 0
        while true {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            filled += n
            // The whole lines read so far go to `body`; the start of an unfinished one waits for the rest.
            let end = n == 0 ? filled : (buffer[..<filled].lastIndex(of: 10).map { $0 + 1 } ?? 0)
            if end > 0 {
                buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<end])) }
                buffer.withUnsafeMutableBytes { bytes in
                    if end < filled { memmove(bytes.baseAddress!, bytes.baseAddress! + end, filled - end) }
                }
                filled -= end
            }
            if n == 0 { return true }
        }
    }

    /// The lines of `kinds` whose recorded stamp is no longer the path's (changed or gone), taking
    /// the stamps again under `roots` (by kind). Split over the cores at line boundaries.
    /// Lines of `racyKinds` stamped at `racy` seconds or later count as differing whatever their stamp:
    /// a file changed within the clock tick in which it was stamped keeps its time (as git's "racy
    /// clean" entries), so those are looked at again (hashed, listed).
    /// Lines `skipping` replaces (an overlay's) are left out.
    static func differing(_ all: UnsafeRawBufferPointer, roots: [UInt8: String], racy: Int64 = .max, racyKinds: Set<UInt8> = [],
                          skipping: Superseded.Matcher? = nil) -> [Line] {
        let parts = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount * 2))
        var bounds = [0]
        for p in 1..<parts {
            var cut = max(bounds.last!, all.count * p / parts)
            while cut < all.count, cut > 0, all[cut - 1] != 10 { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(all.count)
        var found = [[Line]](repeating: [], count: parts)
        let cuts = bounds
        nonisolated(unsafe) let bytes = all
        found.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                slots[p] = differingPart(UnsafeRawBufferPointer(rebasing: bytes[cuts[p]..<cuts[p + 1]]), roots: roots,
                                         racy: racy, racyKinds: racyKinds, skipping: skipping)
            }
        }
        return found.flatMap { $0 }
    }

    private static func differingPart(_ bytes: UnsafeRawBufferPointer, roots: [UInt8: String], racy: Int64, racyKinds: Set<UInt8>,
                                      skipping: Superseded.Matcher?) -> [Line] {
        var result: [Line] = []
        var scratch = [UInt8](repeating: 0, count: 4096)
        // Each path is looked up from its root's open folder (fstatat), not from "/" again.
        var folders: [UInt8: Int32] = [:]
        for (kind, root) in roots { folders[kind] = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { for fd in Set(folders.values) where fd >= 0 { close(fd) } }
        forEachLine(bytes) { kind, stamp, hash, path, _ in
            guard let root = roots[kind], let folder = folders[kind] else { return }
            if let skipping, skipping.drops(kind: kind, path: path) { return }
            var now = stat()
            let found: Bool
            if path.isEmpty || folder < 0 {
                found = lstat(path.isEmpty ? root : root + "/" + String(decoding: path, as: UTF8.self), &now) == 0
            } else {
                if scratch.count < path.count + 1 { scratch = [UInt8](repeating: 0, count: path.count * 2) }
                found = scratch.withUnsafeMutableBytes { s -> Bool in
                    s.copyMemory(from: path)
                    s[path.count] = 0
                    return fstatat(folder, s.baseAddress!.assumingMemoryBound(to: CChar.self), &now, AT_SYMLINK_NOFOLLOW) == 0
                }
            }
            if found, FileStamps.Stamp(now) == stamp, stamp.seconds < racy || !racyKinds.contains(kind) { return }
            result.append(Line(kind: kind, hash: hash, path: String(decoding: path, as: UTF8.self)))
        }
        return result
    }

    /// The recorded content entries (files and folders) directly inside `folders`, by path, with kind:
    /// in the stamps file (but for the lines the overlay replaces) and in its overlay.
    static func children(_ path: String, overlay: Overlay? = nil, of folders: Set<String>) -> [String: UInt8] {
        guard !folders.isEmpty else { return [:] }
        var result: [String: UInt8] = [:]
        let wanted = folders.map { Array($0.utf8) }
        let skipping = overlay?.superseded.matcher
        func look(_ all: UnsafeRawBufferPointer, skipping: Superseded.Matcher?) {
            forEachLine(all) { kind, _, _, path, _ in
                guard kind == contentFile || kind == contentFolder, path.count > 0 else { return }
                if let skipping, skipping.drops(kind: kind, path: path) { return }
                let parent = path.lastIndex(of: 47).map { UnsafeRawBufferPointer(rebasing: path[..<$0]) } ?? UnsafeRawBufferPointer(rebasing: path[0..<0])
                // A few folders are compared as bytes; many (a tree stamped just now) by set.
                let inside = wanted.count <= 16 ? wanted.contains(where: { $0.elementsEqual(parent) })
                    : folders.contains(String(decoding: parent, as: UTF8.self))
                if inside { result[String(decoding: path, as: UTF8.self)] = kind }
            }
        }
        forEachBlock(of: path) { look($0, skipping: skipping) }
        overlay?.lines.withUnsafeBytes { look($0, skipping: nil) }
        return result
    }
}

/// What changed in the content since the record's stamps were taken, and whether the output is as
/// the record left it.
struct StampCheck {
    /// Content paths added, removed or changed (by stamp, then by content hash).
    var changedContent: Set<String> = []
    /// An output folder whose stamp differs: someone touched the output.
    var outputTouched = false

    /// The stamps file at `path` and its overlay, if any, are read; content stamped within two seconds
    /// of the writing of the file holding its line is looked at again.
    /// Nil when the stamps file or its overlay cannot be read.
    init?(stamps path: String, content: URL, output: URL) {
        var differing: [StampFile.Line] = []
        let roots = [StampFile.contentFile: content.path, StampFile.contentFolder: content.path, StampFile.outputFolder: output.path]
        let racyKinds: Set<UInt8> = [StampFile.contentFile, StampFile.contentFolder]
        let overlayPath = StampFile.overlay(of: path)
        var overlay: StampFile.Overlay?
        if access(overlayPath, F_OK) == 0 {
            guard let read = StampFile.Overlay(path: overlayPath) else { return nil }
            overlay = read
        }
        let written = FileStamps.stamp(path)?.seconds ?? .max
        let skipping = overlay?.superseded.matcher
        let read = StampFile.forEachBlock(of: path) { block in
            differing += StampFile.differing(block, roots: roots, racy: written - 2, racyKinds: racyKinds, skipping: skipping)
        }
        guard read else { return nil }
        if let overlay {
            overlay.lines.withUnsafeBytes { lines in
                differing += StampFile.differing(lines, roots: roots, racy: overlay.written - 2, racyKinds: racyKinds)
            }
        }
        var folders = Set<String>()
        for line in differing {
            switch line.kind {
            case StampFile.outputFolder:
                outputTouched = true
            case StampFile.contentFile:
                let full = line.path.isEmpty ? content.path : content.path + "/" + line.path
                // Gone, no longer a file, or other bytes (a file saved unchanged is not a change).
                var now = stat()
                if lstat(full, &now) == 0, (now.st_mode & S_IFMT) != S_IFDIR, line.hash != 0, FileStamps.hash(full) == line.hash { continue }
                changedContent.insert(line.path)
            default:
                folders.insert(line.path)
            }
        }
        guard !outputTouched else { return }
        // A folder whose entries changed: what is in it now that the record does not hold.
        let recorded = StampFile.children(path, overlay: overlay, of: folders)
        for folder in folders.sorted() {
            let full = folder.isEmpty ? content.path : content.path + "/" + folder
            for (name, info) in StampFile.entries(of: full, hidden: false) {
                let path = folder.isEmpty ? name : folder + "/" + name
                let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                if isFolder {
                    // A new folder (or one that was a file): every file in it is new.
                    guard recorded[path] != StampFile.contentFolder else { continue }
                    for sub in FileStamps.scan(URL(fileURLWithPath: full + "/" + name), hidden: false).files.keys {
                        changedContent.insert(path + "/" + sub)
                    }
                } else if recorded[path] != StampFile.contentFile {
                    changedContent.insert(path)
                }
            }
        }
    }
}

/// The output folders' stamps a rebuild took again (`stamps`), and which recorded ones they replace:
/// every folder of the rebuilt `units`, the `folders` named, and the `bundles` with all under them.
struct OutputRestamp {
    var units = Set<String>()
    var folders = Set<String>()
    var bundles = Set<String>()
    var stamps: [String: FileStamps.Stamp] = [:]

    /// A unit's output folders, taken again (none when the unit is gone).
    mutating func unit(_ id: String, in output: URL) {
        units.insert(id)
        stamps = stamps.filter { $0.key != id && !$0.key.hasPrefix(id + "/") }
        for (path, stamp) in FileStamps.scan(output.appendingPathComponent(id), directories: true).files {
            stamps[path.isEmpty ? id : "\(id)/\(path)"] = stamp
        }
    }

    /// One folder taken again (removed from the record when it is gone).
    mutating func folder(_ path: String, in output: URL) {
        folders.insert(path)
        stamps[path] = FileStamps.stamp(path.isEmpty ? output.path : output.appendingPathComponent(path).path)
    }

    /// A folder written after the files (the search bundle, the open-data package) and everything in it.
    mutating func bundle(_ name: String, in output: URL) {
        bundles.insert(name)
        stamps = stamps.filter { $0.key != name && !$0.key.hasPrefix(name + "/") }
        for (path, stamp) in FileStamps.scan(output.appendingPathComponent(name), directories: true).files {
            stamps[path.isEmpty ? name : "\(name)/\(path)"] = stamp
        }
        folder("", in: output)
    }
}

/// The recorded lines a rebuild's stamps replace: the content lines of the `content` owners (unit
/// folders; "" for the content folder's own and its top-level files), the output folders of the rebuilt
/// `units`, the output `folders` named, and the output `bundles` with everything under them. At the
/// head of an overlay as lines of their own kinds (with zero stamps), which a check passes over.
struct Superseded: Equatable {
    var content = Set<String>()
    var units = Set<String>()
    var folders = Set<String>()
    var bundles = Set<String>()

    static let contentKind = UInt8(ascii: "x")
    static let unitKind = UInt8(ascii: "u")
    static let folderKind = UInt8(ascii: "f")
    static let bundleKind = UInt8(ascii: "b")

    init(content: Set<String> = [], units: Set<String> = [], folders: Set<String> = [], bundles: Set<String> = []) {
        (self.content, self.units, self.folders, self.bundles) = (content, units, folders, bundles)
    }

    /// What a rebuild of `units` replaces: their content and the output folders it took again.
    init(units: Set<String>, output: OutputRestamp) {
        self.init(content: units.union([""]), units: output.units, folders: output.folders, bundles: output.bundles)
    }

    var count: Int { content.count + units.count + folders.count + bundles.count }

    mutating func formUnion(_ other: Superseded) {
        content.formUnion(other.content)
        units.formUnion(other.units)
        folders.formUnion(other.folders)
        bundles.formUnion(other.bundles)
    }

    func append(to out: inout [UInt8]) {
        for (kind, names) in [(Self.contentKind, content), (Self.unitKind, units), (Self.folderKind, folders), (Self.bundleKind, bundles)] {
            for name in names.sorted() { StampFile.append(kind, FileStamps.Stamp(size: 0, seconds: 0, nanoseconds: 0, inode: 0), hash: 0, path: name, to: &out) }
        }
    }

    /// Adds a line of the superseded kinds; false for any other line.
    mutating func add(kind: UInt8, path: UnsafeRawBufferPointer) -> Bool {
        let name = String(decoding: path, as: UTF8.self)
        switch kind {
        case Self.contentKind: content.insert(name)
        case Self.unitKind: units.insert(name)
        case Self.folderKind: folders.insert(name)
        case Self.bundleKind: bundles.insert(name)
        default: return false
        }
        return true
    }

    var matcher: Matcher { Matcher(self) }

    /// Tells the lines replaced from the others on bytes, a hash and a set lookup per line: a province's
    /// million lines are matched against an overlay of hundreds of owners.
    struct Matcher: Sendable {
        private let content: Set<UInt64>
        private let units: Set<UInt64>
        private let folders: Set<UInt64>
        private let names: Set<[UInt8]>
        private let bundles: [[UInt8]]

        init(_ superseded: Superseded) {
            func hashes(_ names: Set<String>) -> Set<UInt64> { Set(names.map { name in Array(name.utf8).withUnsafeBytes { Matcher.hash($0) } }) }
            content = hashes(superseded.content)
            units = hashes(superseded.units)
            folders = hashes(superseded.folders)
            names = Set((superseded.content.map { "x" + $0 } + superseded.units.map { "u" + $0 } + superseded.folders.map { "f" + $0 }).map { Array($0.utf8) })
            bundles = superseded.bundles.map { Array($0.utf8) }
        }

        private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
            var h = FNV1a()
            h.add(bytes)
            return h.value
        }

        /// Whether a hash hit is the name itself (a hash is not a name).
        private func confirms(_ tag: Character, _ bytes: UnsafeRawBufferPointer) -> Bool {
            names.contains(Array(String(tag).utf8) + Array(bytes))
        }

        func drops(kind: UInt8, path: UnsafeRawBufferPointer) -> Bool {
            switch kind {
            case StampFile.contentFile, StampFile.contentFolder:
                let owner = StampFile.ownerBytes(kind: kind, path: path)
                return content.contains(Self.hash(owner)) && confirms("x", owner)
            case StampFile.outputFolder:
                let owner = StampFile.ownerBytes(kind: kind, path: path)
                if units.contains(Self.hash(owner)), confirms("u", owner) { return true }
                if folders.contains(Self.hash(path)), confirms("f", path) { return true }
                return bundles.contains { b in path.starts(with: b) && (path.count == b.count || path[b.count] == 47) }
            default:
                return false
            }
        }
    }
}

extension StampFile {
    /// An overlay read whole (it holds the lines of a few rebuilt units): the owners it replaces and
    /// its stamp lines.
    struct Overlay {
        var superseded = Superseded()
        var lines: [UInt8] = []
        /// When it was written (its lines stamped within two seconds of it are looked at again).
        var written: Int64 = .max

        init() {}

        /// Nil when the file cannot be read.
        init?(path: String) {
            var lines: [UInt8] = []
            var superseded = Superseded()
            let read = StampFile.forEachBlock(of: path) { all in
                StampFile.forEachLine(all) { kind, _, _, path, line in
                    if !superseded.add(kind: kind, path: path) {
                        lines.append(contentsOf: line)
                        if line.last != 10 { lines.append(10) }
                    }
                }
            }
            guard read, let stamp = FileStamps.stamp(path) else { return nil }
            (self.superseded, self.lines, self.written) = (superseded, lines, stamp.seconds)
        }
    }

    /// Records the stamps a rebuild took again (`content`: lines already made; `output`: the
    /// restamp), replacing the lines of `superseded`. They go to the overlay beside the stamps file,
    /// with the overlay's earlier lines that they do not replace, so that a one-report change does not
    /// rewrite a province's 80 MB file. When the overlay has grown past an eighth of the file (or 1 MB),
    /// the two are merged into a new stamps file and the overlay removed. Each file is written to a
    /// temporary name and renamed.
    static func record(_ path: String, superseded: Superseded, content: [UInt8], output: OutputRestamp) -> Bool {
        let overlayPath = overlay(of: path)
        var earlier = Overlay()
        if access(overlayPath, F_OK) == 0 {
            guard let read = Overlay(path: overlayPath) else { return false }
            earlier = read
        }
        var lines: [UInt8] = []
        let matcher = superseded.matcher
        earlier.lines.withUnsafeBytes { all in
            forEachLine(all) { kind, _, _, path, line in
                if !matcher.drops(kind: kind, path: path) { lines.append(contentsOf: line) }
            }
        }
        lines += content
        for (folder, stamp) in output.stamps.sorted(by: { $0.key < $1.key }) { append(outputFolder, stamp, hash: 0, path: folder, to: &lines) }
        var all = earlier.superseded
        all.formUnion(superseded)
        let size = FileStamps.stamp(path)?.size ?? 0
        if lines.count > max(1 << 20, Int(size) / 8) { return merge(path, superseded: all, lines: lines) }
        var head: [UInt8] = []
        all.append(to: &head)
        let temporary = overlayPath + ".\(getpid()).tmp"
        guard let writer = Writer(path: temporary) else { return false }
        head.withUnsafeBytes { writer.add(lines: $0) }
        lines.withUnsafeBytes { writer.add(lines: $0) }
        guard writer.finish(), rename(temporary, overlayPath) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// A new stamps file: the recorded lines but those `superseded` replaces, then `lines`; the
    /// overlay goes.
    static func merge(_ path: String, superseded: Superseded, lines: [UInt8]) -> Bool {
        let temporary = path + ".\(getpid()).tmp"
        guard let writer = Writer(path: temporary) else { return false }
        let matcher = superseded.matcher
        let read = forEachBlock(of: path) { all in
            // Kept lines are copied in runs: the lines of one unit follow each other.
            var run: Range<Int>?
            func flush() {
                if let r = run { writer.add(lines: UnsafeRawBufferPointer(rebasing: all[r])) }
                run = nil
            }
            forEachLine(all) { kind, _, _, pathBytes, line in
                let dropped = matcher.drops(kind: kind, path: pathBytes)
                let start = line.baseAddress! - all.baseAddress!
                let range = start..<(start + line.count)
                if dropped || line.last != 10 {
                    flush()
                    if !dropped { writer.add(lines: line) }
                } else if let r = run, r.upperBound == range.lowerBound {
                    run = r.lowerBound..<range.upperBound
                } else {
                    flush()
                    run = range
                }
            }
            flush()
        }
        lines.withUnsafeBytes { writer.add(lines: $0) }
        guard read, writer.finish(), rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        let overlayPath = overlay(of: path)
        return unlink(overlayPath) == 0 || errno == ENOENT
    }

    /// The first path component (the unit folder) of a line: empty for the root and top-level files.
    static func ownerBytes(kind: UInt8, path: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard path.count > 0 else { return path }
        if let slash = path.firstIndex(of: 47) { return UnsafeRawBufferPointer(rebasing: path[..<slash]) }
        return kind == contentFile ? UnsafeRawBufferPointer(rebasing: path[0..<0]) : path
    }
}
