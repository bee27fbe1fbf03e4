@testable import DiscloseKit
import Foundation
import XCTest

/// A province's site has more page addresses than one sitemap may hold (50,000, and 10 MB for Baidu):
/// `sitemap.xml` becomes an index of sitemaps at the root, each within the limits, listing every
/// address once and in order. A site within the limits keeps its one `sitemap.xml`.
final class SitemapTests: XCTestCase {
    private func templates() throws -> TemplateSet {
        guard case .success(let set) = TemplateSet.load(URL(fileURLWithPath: "/nonexistent-templates"), display: "Templates") else {
            throw XCTSkip("bundled templates did not load")
        }
        return set
    }

    private func locs(in data: Data?) -> [String] {
        let text = String(decoding: data ?? Data(), as: UTF8.self)
        return text.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    private let absolute = { (path: String) in "https://czj.example.gov.cn/" + path }

    func testASiteWithinTheLimitsHasOneSitemap() throws {
        let set = try templates()
        let addresses = (1...5).map { absolute("unit-\($0)/2024/") }
        let files = SitePages.sitemaps(addresses, absolute: absolute) { set.render($0, $1) }
        XCTAssertEqual(Array(files.keys), ["sitemap.xml"])
        XCTAssertTrue(String(decoding: files["sitemap.xml"]!, as: UTF8.self).contains("<urlset"))
        XCTAssertEqual(locs(in: files["sitemap.xml"]), addresses)
    }

    func testMoreAddressesThanASitemapHoldsMakeAnIndexOfSitemaps() throws {
        let set = try templates()
        let addresses = (1...7).map { absolute("unit-\($0)/2024/") }
        let files = SitePages.sitemaps(addresses, limits: (urls: 3, bytes: 10_000_000), absolute: absolute) { set.render($0, $1) }
        XCTAssertEqual(Set(files.keys), ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let index = String(decoding: files["sitemap.xml"]!, as: UTF8.self)
        XCTAssertTrue(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), index)
        XCTAssertEqual(locs(in: files["sitemap.xml"]), (1...3).map { absolute("sitemap-\($0).xml") })
        XCTAssertEqual(locs(in: files["sitemap-1.xml"]).count, 3)
        XCTAssertEqual(locs(in: files["sitemap-3.xml"]).count, 1)
        XCTAssertEqual((1...3).flatMap { locs(in: files["sitemap-\($0).xml"]) }, addresses, "every address once, in order")
        XCTAssertTrue(SitePages.isSitemapPart("sitemap-12.xml"))
        XCTAssertFalse(SitePages.isSitemapPart("sitemap.xml"))
        XCTAssertFalse(SitePages.isSitemapPart("unit-1/sitemap-1.xml"))
    }

    func testASitemapIsSplitBeforeItPassesTheByteLimit() throws {
        let set = try templates()
        // Long addresses (a unit folder named in Chinese, percent-encoded), and one with an ampersand.
        let long = String(repeating: "%E8%B4%A2", count: 30)
        let addresses = (1...40).map { absolute("\(long)-\($0)/2024/") } + [absolute("a&b/")]
        let limit = 4_000
        let files = SitePages.sitemaps(addresses, limits: (urls: 50_000, bytes: limit), absolute: absolute) { set.render($0, $1) }
        XCTAssertGreaterThan(files.count, 2)
        for (name, data) in files { XCTAssertLessThanOrEqual(data.count, limit, name) }
        let parts = (1..<files.count).flatMap { locs(in: files["sitemap-\($0).xml"]) }
        XCTAssertEqual(parts, addresses.map { $0.replacingOccurrences(of: "&", with: "&amp;") })
    }

    /// A site's own sitemap template that writes more per address than the bundled one (a date, a
    /// priority) still gives files within the byte limit.
    func testASitesOwnWordierTemplateIsSplitByWhatItRenders() {
        let render = { (name: String, context: [String: Any]) -> String in
            if name == "sitemap-index" { return ((context["sitemaps"] as? [[String: String]]) ?? []).map { "<sitemap><loc>\($0["loc"]!)</loc></sitemap>" }.joined() }
            let urls = (context["urls"] as? [[String: String]]) ?? []
            return "<urlset>" + urls.map { "<url><loc>\($0["loc"]!)</loc>" + String(repeating: "<lastmod>2025-06-30</lastmod>", count: 10) + "</url>" }.joined() + "</urlset>"
        }
        let addresses = (1...60).map { absolute("unit-\($0)/2024/") }
        let limit = 3_000
        let files = SitePages.sitemaps(addresses, limits: (urls: 50_000, bytes: limit), absolute: absolute, render: render)
        XCTAssertGreaterThan(files.count, 3)
        for (name, data) in files { XCTAssertLessThanOrEqual(data.count, limit, name) }
        XCTAssertEqual((1..<files.count).flatMap { locs(in: files["sitemap-\($0).xml"]) }, addresses)
    }
}
