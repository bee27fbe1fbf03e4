import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Chart PNGs are kept between builds by the SVG they were drawn from; a kept PNG is used only for the
/// very same SVG bytes, and is the PNG librsvg draws for them.
final class ChartPNGCacheTests: XCTestCase {
    let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect x="2" y="2" width="20" height="10" fill="#0072B2"/></svg>"##

    func temporaryFolder() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("png-cache-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testAKeptPNGIsTheOneLibrsvgDraws() throws {
        let cache = ChartPNGCache(folder: temporaryFolder())
        let drawn = try [1, 2].map { try ChartPNG.png(svg: svg, width: 40, height: 20, scale: $0) }
        XCTAssertEqual(try cache.renditions(svg: svg, width: 40, height: 20, scales: [1, 2]), drawn, "first: drawn")
        XCTAssertEqual(try cache.renditions(svg: svg, width: 40, height: 20, scales: [1, 2]), drawn, "second: from the cache")
        let entries = FileManager.default.enumerator(atPath: cache.folder.path)?.allObjects.compactMap { $0 as? String }.filter { $0.contains("/") } ?? []
        XCTAssertEqual(entries.count, 1)
    }

    func testAnEntryIsUsedOnlyForTheSameSVGBytes() throws {
        let pngs = [Data([1, 2, 3]), Data([4, 5])]
        let entry = ChartPNGCache.encode(svg: Array(svg.utf8), pngs: pngs)
        XCTAssertEqual(ChartPNGCache.decode(entry, svg: Array(svg.utf8), count: 2), pngs)
        XCTAssertNil(ChartPNGCache.decode(entry, svg: Array((svg + " ").utf8), count: 2), "another SVG under the same name")
        XCTAssertNil(ChartPNGCache.decode(entry.dropLast(), svg: Array(svg.utf8), count: 2), "a truncated entry")
        XCTAssertNil(ChartPNGCache.decode(Data("not an entry".utf8), svg: Array(svg.utf8), count: 2))
    }

    func testTheKeyDependsOnSizeAndScales() {
        let key = ChartPNGCache.key(svg: svg, width: 40, height: 20, scales: [1, 2])
        XCTAssertEqual(key.count, 32)
        XCTAssertNotEqual(key, ChartPNGCache.key(svg: svg, width: 40, height: 21, scales: [1, 2]))
        XCTAssertNotEqual(key, ChartPNGCache.key(svg: svg, width: 40, height: 20, scales: [1]))
        XCTAssertNotEqual(key, ChartPNGCache.key(svg: svg + " ", width: 40, height: 20, scales: [1, 2]))
    }

    func testAFullBuildRemovesWhatItNoLongerUses() throws {
        let folder = temporaryFolder()
        let old = ChartPNGCache(folder: folder)
        _ = try old.renditions(svg: svg, width: 40, height: 20, scales: [1])
        let other = svg.replacingOccurrences(of: "#0072B2", with: "#C0392B")
        let next = ChartPNGCache(folder: folder)
        _ = try next.renditions(svg: other, width: 40, height: 20, scales: [1])
        next.pruneUnused()
        let left = FileManager.default.enumerator(atPath: folder.path)?.allObjects.compactMap { $0 as? String }.filter { $0.contains("/") } ?? []
        XCTAssertEqual(left, [String(ChartPNGCache.key(svg: other, width: 40, height: 20, scales: [1]).prefix(2)) + "/"
                              + ChartPNGCache.key(svg: other, width: 40, height: 20, scales: [1])])
    }
}
