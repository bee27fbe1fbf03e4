@testable import DiscloseCore
import XCTest

/// Money is exact: these are the arithmetic rules every figure in a disclosure relies on.
final class DecimalNumberTests: XCTestCase {
    func testParsingKeepsTheWrittenScale() throws {
        let value = try XCTUnwrap(DecimalNumber("3474.67"))
        XCTAssertEqual(value.mantissa, 347_467)
        XCTAssertEqual(value.scale, 2)
        XCTAssertEqual(DecimalNumber("66.70")?.scale, 2)
        XCTAssertEqual(DecimalNumber("-0.5")?.description, "-0.5")
    }

    func testParsingRejectsWhatIsNotAPlainDecimal() {
        for text in ["", "-", ".", "1.", "1..2", "1,000", "1e5", "１２", "12万元", "NaN", ".inf", "0x10", " 1"] {
            XCTAssertNil(DecimalNumber(text), text)
        }
        XCTAssertEqual(DecimalNumber.parse("99999999999999999999"), .failure(.tooLarge))
    }

    func testSumsAreExactWhereFloatingPointIsNot() throws {
        // 0.1 + 0.2 is 0.30000000000000004 in Double.
        XCTAssertEqual(DecimalNumber("0.1")! + DecimalNumber("0.2")!, DecimalNumber("0.3")!)
        // 000: 一般公共服务 = 10.88 + 1074.28 + 1616.6 + 109.1
        let parts = ["10.88", "1074.28", "1616.6", "109.1"].compactMap(DecimalNumber.init)
        XCTAssertEqual(DecimalNumber.sum(parts), DecimalNumber("2810.86")!)
    }

    func testEqualityIgnoresTrailingZeros() {
        XCTAssertEqual(DecimalNumber("66.70")!, DecimalNumber("66.7")!)
        XCTAssertEqual(Set([DecimalNumber("6")!, DecimalNumber("6.00")!]).count, 1)
        XCTAssertLessThan(DecimalNumber("0.99")!, DecimalNumber("1")!)
    }

    func testRoundingIsHalfAwayFromZero() {
        XCTAssertEqual(DecimalNumber("2.345")!.rounded(to: 2).description, "2.35")
        XCTAssertEqual(DecimalNumber("2.344")!.rounded(to: 2).description, "2.34")
        XCTAssertEqual(DecimalNumber("-2.345")!.rounded(to: 2).description, "-2.35")
        XCTAssertEqual(DecimalNumber("6")!.rounded(to: 2).description, "6.00")
    }

    func testSharesAreComputedExactlyAndRoundedOnce() {
        // 000: 资源勘探工业信息等 141.73 / 3474.67 = 4.0789…% → 4.08% (the seed printed 4.07%).
        XCTAssertEqual(DecimalNumber.percentage(DecimalNumber("141.73")!, of: DecimalNumber("3474.67")!)?.description, "4.08")
        // 001: 机关运行经费 growth 0.57 / 43.86 = 1.30% (the seed printed 1.28%).
        XCTAssertEqual(DecimalNumber.percentage(DecimalNumber("0.57")!, of: DecimalNumber("43.86")!)?.description, "1.30")
        XCTAssertNil(DecimalNumber.percentage(DecimalNumber("1")!, of: .zero))
    }

    func testFormattingWithThousandsSeparators() {
        XCTAssertEqual(DecimalNumber("5751054")!.formatted(decimals: 2, groupingThousands: true), "5,751,054.00")
        XCTAssertEqual(DecimalNumber("-1234.5")!.formatted(decimals: 2, groupingThousands: true), "-1,234.50")
        XCTAssertEqual(DecimalNumber("0.04")!.formatted(decimals: 2), "0.04")
    }

    func testAmountsConvertBetweenYuanAndWanYuanExactly() {
        let yuan = Amount(DecimalNumber("9508412.25")!, .yuan)
        XCTAssertEqual(yuan.inWanYuan, DecimalNumber("950.841225")!)
        XCTAssertEqual(yuan.inWanYuan.rounded(to: 2).description, "950.84")
        let wan = Amount(DecimalNumber("3.42")!, .wanYuan)
        XCTAssertEqual(wan.converted(to: .yuan).value, DecimalNumber("34200")!)
        XCTAssertEqual(Amount(DecimalNumber("34200")!, .yuan), wan)
    }
}
