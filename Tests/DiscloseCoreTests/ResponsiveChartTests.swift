@testable import DiscloseCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Charts that stay readable where they land: two layouts whose smallest text stays at least 12 CSS px
/// from a 300 px iframe up, every label inside the drawing, and the image saying whose chart it is.
final class ResponsiveChartTests: XCTestCase {
    struct Text {
        let content: String
        let x: Double, y: Double, size: Double
        let anchor: String
    }

    final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [Text] = []
        var root: [String: String] = [:]
        private var pending: [String: String]?
        private var content = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "svg" { root = attributes }
            if name == "text" { pending = attributes; content = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { content += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard name == "text", let a = pending else { return }
            let style = a["style"] ?? ""
            let size = style.range(of: #"font-size:([0-9.]+)px"#, options: .regularExpression).map {
                Double(style[$0].dropFirst("font-size:".count).dropLast(2)) ?? 0
            } ?? 0
            texts.append(Text(content: content, x: Double(a["x"] ?? "") ?? .nan, y: Double(a["y"] ?? "") ?? .nan, size: size,
                              anchor: a["text-anchor"] ?? "start"))
            pending = nil
        }
    }

    func texts(_ svg: String) -> TextCollector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = TextCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse())
        return collector
    }

    static let caption = ChartCaption.report(unitName: "泸州市某某委员会组织部", year: 2024, kindWord: "部门")

    func pie(_ items: [(String, String)]) -> ChartSpec {
        ChartSpec(id: "6-general-budget-structure", number: "图6", title: "一般公共预算财政拨款支出决算结构", kind: .pie, unit: .wanYuan,
                  items: items.map { ChartSpec.Item($0.0, DecimalNumber($0.1)!) }).captioned(Self.caption)
    }

    func bars(_ items: [(String, String)]) -> ChartSpec {
        ChartSpec(id: "1-total", number: "图1", title: "收、支决算总计变动情况", kind: .bar, unit: .wanYuan,
                  items: items.map { ChartSpec.Item($0.0, DecimalNumber($0.1)!) }).captioned(Self.caption)
    }

    /// Every shape real reports take: eight classes with long names, tiny and zero slices, one slice,
    /// two years, a long trend with a negative year, nothing at all.
    var shapes: [ChartSpec] {
        [
            pie([("一般公共服务支出", "1234.56"), ("公共安全支出", "0"), ("教育支出", "88.10"), ("科学技术支出", "0.14"),
                 ("文化旅游体育与传媒支出", "45.00"), ("社会保障和就业支出", "321.09"), ("卫生健康支出", "76.54"),
                 ("城乡社区支出国有土地使用权出让收入及对应专项债务收入安排的支出", "9.99"), ("住房保障支出", "120.00"),
                 ("灾害防治及应急管理支出", "3.21")]),
            pie([("公务接待费", "0.24"), ("因公出国（境）费", "0"), ("公务用车购置及运行维护费", "0")]),
            bars([("2023年度", "9999999999.99"), ("2024年度", "0.01")]),
            bars([("2019年度", "100.00"), ("2020年度", "-5.00"), ("2021年度", "2345.67"), ("2022年度", "3456.78"),
                  ("2023年度", "4567.89"), ("2024年度", "5678.90")]),
            pie([("甲", "0"), ("乙", "0")]),
        ]
    }

    func testEachLayoutKeepsItsSmallestTextAtTwelveCSSPixelsWhereItIsShown() {
        XCTAssertLessThanOrEqual(ChartLayout.wide.minimumDisplayWidth, ChartLayout.breakpoint)
        XCTAssertLessThanOrEqual(ChartLayout.narrow.minimumDisplayWidth, ChartLayout.narrowestDisplay)
        // Printed at 150 mm (567 CSS px, site.css) the wide drawing's text is at least 9 pt (12 px).
        XCTAssertGreaterThanOrEqual(ChartLayout.wide.text * 150 / 25.4 * 96 / ChartLayout.wide.width, 12)
        for spec in shapes {
            for layout in ChartLayout.all {
                for text in texts(SVGChart.render(spec, layout: layout)).texts {
                    XCTAssertGreaterThanOrEqual(text.size, layout.text, "\(spec.id) \(layout.variant): “\(text.content)” is \(text.size)px")
                }
            }
        }
    }

    func testEveryTextLiesInsideTheDrawing() throws {
        for spec in shapes {
            for layout in ChartLayout.all {
                let svg = SVGChart.render(spec, layout: layout)
                let collector = texts(svg)
                let height = try XCTUnwrap(Double(collector.root["height"] ?? ""))
                XCTAssertEqual(collector.root["width"], "\(Int(layout.width))")
                for text in collector.texts {
                    let width = ChartLayout.textWidth(text.content, size: text.size)
                    let left = text.anchor == "middle" ? text.x - width / 2 : (text.anchor == "end" ? text.x - width : text.x)
                    let where_ = "\(spec.id) \(layout.variant): “\(text.content)”"
                    XCTAssertGreaterThanOrEqual(left, 0, where_)
                    XCTAssertLessThanOrEqual(left + width, layout.width + 0.5, where_)
                    XCTAssertGreaterThanOrEqual(text.y - text.size, 0, where_)
                    XCTAssertLessThanOrEqual(text.y + text.size * 0.25, height, where_)
                }
            }
        }
    }

    func testTheImageSaysWhoseChartItIsInBothLayouts() {
        for layout in ChartLayout.all {
            let drawn = texts(SVGChart.render(bars([("2023年度", "329.04"), ("2024年度", "350.64")]), layout: layout)).texts.map(\.content).joined()
            XCTAssertTrue(drawn.contains("图1 收、支决算总计变动情况"), drawn)
            XCTAssertTrue(drawn.contains("泸州市某某委员会组织部"))
            XCTAssertTrue(drawn.contains("2024年度"))
            XCTAssertTrue(drawn.contains("单位：万元"))
            XCTAssertTrue(drawn.contains("来源：泸州市某某委员会组织部《2024年度部门决算》"))
        }
        // Two departments' 图1 side by side can be told apart from the image alone.
        let other = bars([("2023年度", "329.04"), ("2024年度", "350.64")]).captioned(.report(unitName: "米易县委组织部", year: 2024, kindWord: "部门"))
        XCTAssertTrue(SVGChart.render(other).contains("来源：米易县委组织部《2024年度部门决算》"))
    }

    func testTheNarrowLayoutPutsTheLegendBelowThePie() {
        let spec = pie([("基本支出", "1615.46"), ("项目支出", "1859.21")])
        let legend = texts(SVGChart.render(spec, layout: .narrow)).texts.first { $0.content == "基本支出" }!
        let wideLegend = texts(SVGChart.render(spec, layout: .wide)).texts.first { $0.content == "基本支出" }!
        XCTAssertGreaterThan(legend.y, 2 * 104, "below the disc")
        XCTAssertGreaterThan(wideLegend.x, 250, "beside the disc")
    }

    func testSharesShowANonZeroPartAndANotWholePart() {
        func share(_ part: String, _ whole: String) -> String { Derived.visibleShare(DecimalNumber(part)!, of: DecimalNumber(whole)!) }
        XCTAssertEqual(share("0.14", "3474.81"), "0.004")
        XCTAssertEqual(share("1", "3"), "33.33")
        XCTAssertEqual(share("0", "5"), "0.00")
        XCTAssertEqual(share("5", "5"), "100.00")
        XCTAssertEqual(share("99999", "100000"), "99.999")
        XCTAssertEqual(share("0.01", "9999999999.99"), "<0.000001")
        XCTAssertEqual(share("1", "0"), "0.00")
    }
}

extension ResponsiveChartTests {
    func testWrappingKeepsNumbersWholeAndStartsNoLineWithASpace() {
        let lines = ChartLayout.wrap("来源：中国共产党泸州市委员会组织部《2020年度部门决算》", size: 13, maxWidth: 260)
        XCTAssertEqual(lines.joined(), "来源：中国共产党泸州市委员会组织部《2020年度部门决算》")
        XCTAssertTrue(lines.contains { $0.contains("2020年度") }, "\(lines)")
        let spaced = ChartLayout.wrap("中国共产党泸州市委员会组织部　2020年度", size: 13, maxWidth: 200)
        XCTAssertFalse(spaced.contains { $0.first?.isWhitespace ?? false }, "\(spaced)")
        XCTAssertEqual(ChartLayout.wrap("12345678901234567890", size: 13, maxWidth: 60).joined(), "12345678901234567890", "a number longer than a line is split")
    }
}
