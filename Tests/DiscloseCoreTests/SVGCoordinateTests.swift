@testable import DiscloseCore
import Foundation
import XCTest

/// Chart coordinates print as "%.2f" of the value rounded to hundredths, written without Foundation's
/// formatter (it was the largest cost of drawing a chart): the text must be the formatter's, exactly.
final class SVGCoordinateTests: XCTestCase {
    func formatted(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return String(format: "%.2f", rounded == 0 ? 0 : rounded)
    }

    func testCoordinatesPrintAsTheFormatterPrintsThem() {
        let fixed: [Double] = [0, -0.0, 0.001, -0.001, 0.004999, 0.005, -0.005, 0.015, 0.125, 1.005, 2.675, 9.995, -9.995, 10, 99.99,
                               100, 640, 123_456.785, -123_456.785, 1e12 + 0.5, 3.14159, -3.14159, 0.1 + 0.2, 1.0 / 3.0, -2.0 / 3.0]
        for x in fixed { XCTAssertEqual(SVGChart.f(x), formatted(x), "\(x)") }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let x = Double.random(in: -100_000...100_000, using: &random)
            XCTAssertEqual(SVGChart.f(x), formatted(x), "\(x)")
            let small = Double.random(in: -2...2, using: &random)
            XCTAssertEqual(SVGChart.f(small), formatted(small), "\(small)")
        }
    }

    func testNoNegativeZero() {
        XCTAssertEqual(SVGChart.f(-0.001), "0.00")
        XCTAssertEqual(SVGChart.f(-0.0), "0.00")
        XCTAssertEqual(SVGChart.f(-0.006), "-0.01")
    }

    func testValuesNoChartHasStillPrint() {
        XCTAssertEqual(SVGChart.f(.infinity), formatted(.infinity))
        XCTAssertEqual(SVGChart.f(1e20), formatted(1e20))
    }
}
