@testable import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// The link check finds references and resolves them on bytes; what it finds and where each leads
/// are what the scan on Characters found (kept as `resolveByCharacters` for what the bytes cannot decide).
final class LinkCheckerTests: XCTestCase {
    /// What `LinkChecker.references(in:)` did before its scan on bytes: each position compared with
    /// the two patterns.
    func referenceReferences(_ page: Data) -> [String] {
        var out: [String] = []
        let bytes = [UInt8](page)
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        var i = 0
        while i < bytes.count {
            var matched: [UInt8]?
            if bytes[i] == 0x20 {
                for pattern in patterns where i + pattern.count <= bytes.count && Array(bytes[i..<i + pattern.count]) == pattern {
                    matched = pattern
                    break
                }
            }
            guard let pattern = matched else { i += 1; continue }
            let start = i + pattern.count
            var end = start
            while end < bytes.count, bytes[end] != 0x22 { end += 1 }
            out.append(Markup.unescape(String(decoding: bytes[start..<end], as: UTF8.self)))
            i = end
        }
        return out
    }

    let pages = [
        "", "<a href=\"a.html\">", "<a href=\"a.html\" src=\"b.png\">", "<img src=\"x.svg\"><a href=\"y.html\">",
        "<a href=\"unterminated", "<a href=\"", " href=\"", " src=\"\"", "href=\"no-space.html\"", "<a\nhref=\"newline.html\">",
        "<a  href=\"two-spaces.html\">", "<p data-href=\"no\"> <p xsrc=\"no\">", "<a href='single.html'>", "<a href=\"a=b.html?x==y\">",
        "<a title=\" href=\" href=\"inside.html\">", "<a href=\"x\" href=\"y\">", "<a href=\"a.html?x=1&amp;y=2&quot;\">",
        "<a href=\"&\u{301}amp;\">", "<a href=\"附件.pdf\">图</a>", "<a href =\"spaced.html\"> <a href= \"spaced2.html\">",
        " src=\" href=\"x\"", "==\"\" src=\"a\"=\"", " HREF=\"upper.html\"", "<a href=\"a\"><img src=\"b\"><link href=\"c\"><script src=\"d\"></script>",
        "=", "\"", " src=", " href=\"\" href=\"e\"",
    ]

    func testReferencesAreWhatTheScanOfEveryPositionFound() {
        for page in pages {
            XCTAssertEqual(LinkChecker.references(in: Data(page.utf8)), referenceReferences(Data(page.utf8)), page.debugDescription)
        }
        // Spelled out: entities decoded, the quote ends a value, an unterminated value runs to the end.
        XCTAssertEqual(LinkChecker.references(in: Data("<a href=\"a.html?x=1&amp;y=2\"> <img src=\"b.svg\"> <a href=\"rest".utf8)),
                       ["a.html?x=1&y=2", "b.svg", "rest"])
        XCTAssertEqual(LinkChecker.references(in: Data("<a title=\" href=\" href=\"inside.html\">".utf8)), [" href="])
    }

    func testReferencesOfAGeneratedPageAreTheSame() throws {
        // A real page of the build: every kind of link it holds.
        var page = ""
        for year in 2015...2024 {
            page += "<li><a href=\"../\(year)/index.html\" class=\"y\">\(year)</a> <img src=\"charts/\(year)-total.svg\" alt=\"图 = 1\">"
            page += "<a href=\"https://example.gov.cn/juesuan/u/\(year)/\">canonical</a><a href=\"#part-\(year)\">§</a>\n"
        }
        XCTAssertEqual(LinkChecker.references(in: Data(page.utf8)), referenceReferences(Data(page.utf8)))
        XCTAssertEqual(LinkChecker.references(in: Data(page.utf8)).count, 40)
    }

    let targets = [
        "", " ", "\t", "#", "#part-2", " #x", "a.html", " a.html\t", "../", "..", "../..", "./a", ".", "./", "a//b", "a/./b/", "a/..", "a/../",
        "?x", "..?x", "a?b#c", "a#b?c", "a/?x", "/", "//cdn.example/x.js", "/a/../b", "/../x", "/assets/site.css",
        "https://example.gov.cn/juesuan/", "https://example.gov.cn/juesuan/u/", "https://example.gov.cn/juesuan/../x",
        "https://example.gov.cn/juesuan/u/2020/tables/a.csv?x=1#t", "https://example.gov.cn/juesuanx", "https://example.gov.cn/",
        "HTTPS://www.gov.cn/", "mailto:a@b.cn", "tel:028-1234", "data:image/png;base64,AA", ":x", "a:b", "a/b:c", "c++:x", "x.y-z:1",
        "x.html?y=a:b", "javascript:void(0)", "%E9%99%84%E4%BB%B6.pdf", "a%2Fb/c", "%zz", "%E9", "/%E9%99%84", "tables/%20a.csv",
        "附件.pdf", "../附件/", "#\u{301}", "a\u{301}", "\u{3000}a.html\u{3000}", "a\r\nb", "\r\n#x", "e\u{301}/x", "\u{0600}/x",
        "../../../etc/passwd", "../../index.html", "../../../index.html", "tables/a.csv?x=1#top", "a/b/c/../../d",
    ]
    let pagePaths = ["index.html", "404.html", "u/index.html", "u/2020/index.html", "u/2020/charts/1-total.html", "附件/2020/index.html",
                     "a\u{301}/b/index.html", "\u{0600}/x/index.html"]
    let bases = ["https://example.gov.cn/juesuan/", "https://example.gov.cn/juesuan", "", "/", "https://例子.中国/", "https://e\u{301}.cn/"]

    func testEveryReferenceResolvesAsOnCharacters() {
        for base in bases {
            let checker = LinkChecker(baseURL: base)
            for page in pagePaths {
                let folder = LinkChecker.PageFolder(page)
                for target in targets {
                    XCTAssertEqual(checker.resolve(target, from: page), checker.resolveByCharacters(target, in: folder.parts),
                                   "\(base) \(page) \(target.debugDescription)")
                }
                // Also with the base address in front of each.
                for target in targets {
                    let absolute = (base.hasSuffix("/") ? base : base + "/") + target
                    XCTAssertEqual(checker.resolve(absolute, from: page), checker.resolveByCharacters(absolute, in: folder.parts),
                                   "\(base) \(page) \(absolute.debugDescription)")
                }
            }
        }
    }

    func testResolvingQuotesFragmentsQueriesClimbsAndTheBaseAddress() {
        let checker = LinkChecker(baseURL: "https://example.gov.cn/juesuan")
        let page = "u/2020/index.html"
        XCTAssertEqual(checker.resolve(" tables/a.csv ", from: page), "u/2020/tables/a.csv")
        XCTAssertEqual(checker.resolve("tables/a.csv#x?y", from: page), "u/2020/tables/a.csv")
        XCTAssertEqual(checker.resolve("tables/?y", from: page), "u/2020/tables/index.html")
        XCTAssertEqual(checker.resolve("?y", from: page), "u/2020")
        XCTAssertEqual(checker.resolve("../../", from: page), "index.html")
        XCTAssertEqual(checker.resolve("../../..", from: page), "")
        XCTAssertEqual(checker.resolve("a/./b//c/../d", from: page), "u/2020/a/b/d")
        XCTAssertEqual(checker.resolve("/assets/site.css", from: page), "assets/site.css")
        XCTAssertEqual(checker.resolve("https://example.gov.cn/juesuan/u/2020/", from: page), "u/2020/index.html")
        XCTAssertEqual(checker.resolve("https://example.gov.cn/juesuan/../x", from: page), "")
        XCTAssertEqual(checker.resolve("a%2Fb/c", from: page), "u/2020/a/b/c")
        XCTAssertEqual(checker.resolve("%zz", from: page), "u/2020/%zz")
        XCTAssertEqual(checker.resolve("附件.pdf", from: page), "u/2020/附件.pdf")
        XCTAssertNil(checker.resolve("//cdn.example/x.js", from: page))
        XCTAssertNil(checker.resolve("c++:x", from: page))
        XCTAssertNil(checker.resolve(" #top", from: page))
        XCTAssertEqual(checker.resolve("x.html?y=a:b", from: page), "u/2020/x.html")
        // A site without an address: "/" is the base, and a path from the root resolves as one.
        XCTAssertEqual(LinkChecker(baseURL: "").resolve("/assets/a.css", from: page), "assets/a.css")
        XCTAssertEqual(LinkChecker(baseURL: "").resolve("//cdn.example/x.js", from: page), "cdn.example/x.js")
    }
}
