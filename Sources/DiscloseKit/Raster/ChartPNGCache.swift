import CRsvg
import Foundation

/// PNG renditions kept between builds (`.disclose-cache/png/`), keyed by the SVG they were drawn from:
/// the same SVG bytes, drawn at the same size by the same librsvg, give the same PNG, so a build draws
/// only the charts whose SVG changed. Rasterising is the largest single cost of a full build.
///
/// Each entry holds the SVG it was drawn from and is used only when that SVG is byte for byte the one
/// asked for, so a hash collision can cost a drawing, never a wrong image. Entries are written to a
/// temporary name and renamed, so parallel renders and interrupted builds never leave half a file.
/// A full build removes the entries it did not use (`pruneUnused`).
public final class ChartPNGCache: @unchecked Sendable {
    public let folder: URL
    private let lock = NSLock()
    private var used = Set<String>()
    private static let magic = Array("disclose-png-1\n".utf8)

    public init(folder: URL) {
        self.folder = folder
    }

    /// The PNG renditions (by scale) of `svg`, a `width` × `height` drawing: from the cache when it holds
    /// them, else drawn by librsvg and kept.
    func renditions(svg: String, width: Int, height: Int, scales: [Int]) throws -> [Data] {
        let key = Self.key(svg: svg, width: width, height: height, scales: scales)
        lock.lock()
        used.insert(key)
        lock.unlock()
        let path = entryPath(key)
        let svgBytes = Array(svg.utf8)
        if let stored = FileManager.default.contents(atPath: path.path), let pngs = Self.decode(stored, svg: svgBytes, count: scales.count) {
            return pngs
        }
        let pngs = try scales.map { try ChartPNG.png(svg: svg, width: width, height: height, scale: $0) }
        store(Self.encode(svg: svgBytes, pngs: pngs), at: path)
        return pngs
    }

    /// Removes the entries no drawing of this cache's life asked for (after a full build: the charts
    /// that are no longer on the site).
    public func pruneUnused() {
        let fm = FileManager.default
        lock.lock()
        let keep = used
        lock.unlock()
        guard let shards = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        for shard in shards {
            let shardPath = folder.appendingPathComponent(shard).path
            for name in (try? fm.contentsOfDirectory(atPath: shardPath)) ?? [] where !keep.contains(name) {
                try? fm.removeItem(atPath: "\(shardPath)/\(name)")
            }
        }
    }

    // MARK: Entries

    /// Two independent 64-bit hashes of everything the drawing depends on: the SVG, the size, the scales
    /// and the librsvg version.
    static func key(svg: String, width: Int, height: Int, scales: [Int]) -> String {
        let context = "librsvg \(rsvg_major_version).\(rsvg_minor_version).\(rsvg_micro_version) \(width)x\(height) @\(scales)"
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in context.utf8 + [0] + svg.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
            b ^= b >> 29
        }
        return String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
    }

    private func entryPath(_ key: String) -> URL {
        folder.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key)
    }

    /// magic, then the SVG's length and each PNG's length (8 bytes each, little-endian), then the bytes.
    static func encode(svg: [UInt8], pngs: [Data]) -> Data {
        var out = Data(magic)
        for length in [svg.count] + pngs.map(\.count) { withUnsafeBytes(of: UInt64(length).littleEndian) { out.append(contentsOf: $0) } }
        out.append(contentsOf: svg)
        for png in pngs { out.append(png) }
        return out
    }

    /// The PNGs of an entry, when it is whole and was drawn from exactly `svg`.
    static func decode(_ data: Data, svg: [UInt8], count: Int) -> [Data]? {
        let bytes = [UInt8](data)
        var offset = magic.count
        guard bytes.count >= offset + 8 * (count + 1), Array(bytes[0..<offset]) == magic else { return nil }
        var lengths: [Int] = []
        for _ in 0...count {
            var value: UInt64 = 0
            for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            guard value <= UInt64(bytes.count) else { return nil }
            lengths.append(Int(value))
            offset += 8
        }
        guard bytes.count == offset + lengths.reduce(0, +), lengths[0] == svg.count,
              bytes[offset..<(offset + svg.count)].elementsEqual(svg) else { return nil }
        offset += svg.count
        var pngs: [Data] = []
        for length in lengths.dropFirst() {
            pngs.append(Data(bytes[offset..<(offset + length)]))
            offset += length
        }
        return pngs
    }

    /// Kept by a rename, so that a reader never sees half an entry; a cache that cannot be written is
    /// only slower.
    private func store(_ data: Data, at path: URL) {
        let folder = path.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(path.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        do {
            try FileWriting.write(data, to: temporary.path)
            if rename(temporary.path, path.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}

private extension String {
    func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
