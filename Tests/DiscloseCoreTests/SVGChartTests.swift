@testable import DiscloseCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The SVG charts: valid, self-contained XML; geometry that matches the figures; every shape real data takes.
final class SVGChartTests: XCTestCase {
    func spec(_ kind: ChartSpec.Kind, _ items: [(String, String)], unit: MoneyUnit = .wanYuan) -> ChartSpec {
        ChartSpec(id: "t", number: "图1", title: "测试图", kind: kind, unit: unit, items: items.map { ChartSpec.Item($0.0, DecimalNumber($0.1)!) })
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(String, [String: String])] = []
        var texts: [String] = []
        var current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current) }
        }
    }

    func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")", file: file, line: line)
        return collector
    }

    func testAPieIsSelfContainedAccessibleXMLWhoseAnglesSumTo360() throws {
        let svg = SVGChart.render(spec(.pie, [("基本支出", "1615.46"), ("项目支出", "1859.21")]))
        let xml = parse(svg)
        let root = try XCTUnwrap(xml.elements.first)
        XCTAssertEqual(root.0, "svg")
        XCTAssertEqual(root.1["role"], "img")
        XCTAssertTrue(root.1["viewBox"]?.hasPrefix("0 0 640 ") ?? false)
        XCTAssertEqual(root.1["width"], "640")
        XCTAssertNotNil(root.1["height"])
        XCTAssertTrue(xml.elements.contains { $0.0 == "title" } && xml.elements.contains { $0.0 == "desc" })
        XCTAssertTrue(svg.contains("基本支出1615.46万元，占46.49%"), "the desc holds the figures in words")
        XCTAssertFalse(svg.contains("href"), "no external references")
        XCTAssertFalse(svg.contains("<script"))
        let angles = xml.elements.compactMap { $0.1["data-angle"] }.compactMap(Double.init)
        XCTAssertEqual(angles.count, 2)
        XCTAssertEqual(angles.reduce(0, +), 360, accuracy: 0.02)
        XCTAssertEqual(angles[0], 1615.46 / 3474.67 * 360, accuracy: 0.01)
        // Values are labelled in the chart itself, formatted as in the tables.
        XCTAssertTrue(xml.texts.contains("1,615.46（46.49%）"))
    }

    func testZeroSlicesAreLeftOutOfWedgesAndLegendAndNamedInANote() {
        for layout in ChartLayout.all {
            let svg = SVGChart.render(spec(.pie, [("因公出国（境）费", "0"), ("公务用车购置及运行维护费", "6.00"), ("公务接待费", "1.58")]), layout: layout)
            let xml = parse(svg)
            XCTAssertEqual(xml.elements.filter { $0.0 == "path" }.count, 2)
            XCTAssertFalse(xml.texts.contains("因公出国（境）费"), "no legend entry for a zero item")
            XCTAssertFalse(xml.texts.contains { $0.contains("0.00（0.00%）") })
            XCTAssertTrue(xml.texts.joined().contains("金额为零、未列入图中：因公出国（境）费"), layout.variant.rawValue)
            XCTAssertTrue(svg.contains("金额为零、未列入图中：因公出国（境）费"), "the desc names it too")
        }
    }

    func testAOneSlicePieIsALabelledBarNotAnUnlabelledDisc() {
        for layout in ChartLayout.all {
            let xml = parse(SVGChart.render(spec(.pie, [("公务接待费", "0.24"), ("公务用车购置及运行维护费", "0")]), layout: layout))
            XCTAssertEqual(xml.elements.filter { $0.0 == "circle" || $0.0 == "path" }.count, 0)
            XCTAssertEqual(xml.elements.filter { $0.0 == "rect" && $0.1["data-value"] == "0.24" }.count, 1)
            XCTAssertTrue(xml.texts.contains("公务接待费"))
            XCTAssertTrue(xml.texts.contains("0.24（100.00%）"))
            XCTAssertTrue(xml.texts.joined().contains("未列入图中：公务用车购置及运行维护费"))
        }
    }

    func testTinySharesPrintAtThePrecisionThatShowsThem() {
        let svg = SVGChart.render(spec(.pie, [("一般公共预算财政拨款收入", "3474.67"), ("其他收入", "0.14")]))
        let xml = parse(svg)
        XCTAssertTrue(xml.texts.contains("0.14（0.004%）"), xml.texts.joined(separator: "|"))
        XCTAssertTrue(xml.texts.contains("3,474.67（99.996%）"), "a part that is not the whole is not printed as 100.00%")
        // Only the big slice carries its number on the wedge (the legend numbers are 1 and 2 as well).
        XCTAssertEqual(xml.texts.filter { $0 == "2" }.count, 1)
    }

    func testLongChineseNamesAreWrappedInsideTheChart() {
        let long = "城乡社区支出国有土地使用权出让收入及对应专项债务收入安排的支出"
        for layout in ChartLayout.all {
            let xml = parse(SVGChart.render(spec(.pie, [(long, "48.65"), ("一般公共服务支出", "220.27")]), layout: layout))
            XCTAssertFalse(xml.texts.contains(long))
            XCTAssertTrue(xml.texts.joined().contains(long))
        }
        XCTAssertEqual(ChartLayout.wrap(long, size: 13, maxWidth: 120).joined(), long)
    }

    func testBarHeightsAreProportionalAndChangesAreWordedBySign() throws {
        let xml = parse(SVGChart.render(spec(.bar, [("2022年度", "329.04"), ("2023年度", "350.64")])))
        let heights = xml.elements.filter { $0.0 == "rect" && $0.1["data-value"] != nil }.compactMap { $0.1["height"] }.compactMap(Double.init)
        XCTAssertEqual(heights.count, 2)
        XCTAssertEqual(heights[0] / heights[1], 329.04 / 350.64, accuracy: 0.001)
        XCTAssertTrue(xml.texts.contains("2023年度比2022年度增加 21.60，增长 6.56%"))
        let down = parse(SVGChart.render(spec(.bar, [("2019年度", "3834.78"), ("2020年度", "3474.81")])))
        XCTAssertTrue(down.texts.contains("2020年度比2019年度减少 359.97，下降 9.39%"))
        let flat = parse(SVGChart.render(spec(.bar, [("2019年度", "6"), ("2020年度", "6")])))
        XCTAssertTrue(flat.texts.contains("2020年度比2019年度持平"))
    }

    func testNegativeVeryLargeAndVerySmallAmounts() {
        let negative = parse(SVGChart.render(spec(.bar, [("2022年度", "-5.00"), ("2023年度", "3.00")])))
        XCTAssertTrue(negative.texts.contains("-5.00"))
        let large = SVGChart.render(spec(.bar, [("2022年度", "9999999999.99"), ("2023年度", "0.01")]))
        XCTAssertTrue(parse(large).texts.contains("9,999,999,999.99"))
        XCTAssertFalse(large.contains("e+"))
    }

    func testAllZeroDataIsAClearNoDataChartWithoutNaN() {
        for kind in [ChartSpec.Kind.pie, .bar] {
            let svg = SVGChart.render(spec(kind, [("甲", "0"), ("乙", "0")]))
            let xml = parse(svg)
            XCTAssertTrue(xml.texts.contains("本年度没有相关数据"))
            XCTAssertFalse(svg.contains("NaN"))
            XCTAssertFalse(svg.lowercased().contains("inf"))
        }
    }

    func testMarkupInLabelsIsEscaped() {
        let svg = SVGChart.render(spec(.pie, [("<script>alert(1)</script> & \"x\"", "1.00")]))
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;"))
        _ = parse(svg)
    }

    func testTheSameDataGivesTheSameBytes() {
        let s = spec(.pie, [("甲", "1.23"), ("乙", "4.56"), ("丙", "7.89")])
        XCTAssertEqual(SVGChart.render(s), SVGChart.render(s))
    }

    func testEveryPaletteColourHasThreeToOneContrastWithWhite() {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16)!
            func channel(_ c: Int) -> Double {
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(v >> 16) + 0.7152 * channel((v >> 8) & 0xFF) + 0.0722 * channel(v & 0xFF)
        }
        for colour in SVGChart.palette {
            let ratio = 1.05 / (luminance(colour) + 0.05)
            XCTAssertGreaterThanOrEqual(ratio, 3, colour)
        }
        XCTAssertEqual(Set(SVGChart.palette).count, SVGChart.palette.count)
    }
}
