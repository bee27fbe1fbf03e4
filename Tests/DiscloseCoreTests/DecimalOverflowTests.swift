@testable import DiscloseCore
import XCTest

/// No amount, however large or precise, traps: every operation gives the exact result or says it
/// overflowed, and the operators saturate instead of trapping.
final class DecimalOverflowTests: XCTestCase {
    /// The exact value as a 128-bit mantissa at `scale` (the reference the checks compare against).
    func exact(_ d: DecimalNumber, at scale: Int) -> Int128 {
        var m = Int128(d.mantissa)
        for _ in 0..<(scale - d.scale) { m *= 10 }
        return m
    }

    func randomDecimal(_ rng: inout SeededRandom) -> DecimalNumber {
        let mantissa: Int64
        switch rng.int(0...3) {
        case 0: mantissa = Int64.random(in: Int64.min...Int64.max, using: &rng)
        case 1: mantissa = Int64.random(in: -1_000_000...1_000_000, using: &rng)
        case 2: mantissa = [Int64.max, Int64.min, Int64.max - 1, -Int64.max, 0, 1, -1][rng.int(0...6)]
        default: mantissa = Int64.random(in: -999_999_999_999_999_999...999_999_999_999_999_999, using: &rng)
        }
        return DecimalNumber(mantissa: mantissa, scale: rng.int(0...DecimalNumber.maxScale))
    }

    func testTheReportedValuesParseOrAreRefusedWithoutTrapping() {
        for text in ["9223372036854775807", "999999999999999999", "92233720368547758.07", "9999999999999999.99"] {
            let value = DecimalNumber(text)
            XCTAssertNotNil(value, text)
            guard let value else { continue }
            XCTAssertFalse(ContentNumberRange.contains(value), text)
            // Everything the rules and pages do with a figure: no trap.
            _ = value.rescaled(to: 2)
            XCTAssertTrue(value.rescaledReportingOverflow(to: 12).overflow || value.scale == 12, text)
            _ = value + value
            _ = value * DecimalNumber(10_000)
            _ = DecimalNumber.percentage(value, of: DecimalNumber("0.01")!)
            _ = Amount(value, .wanYuan).converted(to: .yuan)
            _ = Amount(value, .yuan).converted(to: .wanYuan)
            _ = value.formatted(decimals: 2, groupingThousands: true)
            _ = value.intValue
        }
        XCTAssertEqual(DecimalNumber.parse("92233720368547758.08"), .failure(.tooLarge))
        XCTAssertEqual(DecimalNumber.parse("-9223372036854775808"), .failure(.tooLarge))
    }

    func testAdditionAndSubtractionAreExactOrReportOverflow() {
        var rng = SeededRandom(seed: 24)
        for _ in 0..<20_000 {
            let a = randomDecimal(&rng), b = randomDecimal(&rng)
            let s = max(a.scale, b.scale)
            for (result, reference) in [(a.addingReportingOverflow(b), exact(a, at: s) + exact(b, at: s)),
                                        (a.subtractingReportingOverflow(b), exact(a, at: s) - exact(b, at: s))] {
                if let fits = Int64(exactly: reference), fits != .min {
                    XCTAssertFalse(result.overflow, "\(a) ± \(b)")
                    XCTAssertEqual(exact(result.partialValue, at: s), reference, "\(a) ± \(b)")
                } else {
                    XCTAssertTrue(result.overflow, "\(a) ± \(b)")
                }
            }
            // The operators never trap, and comparisons are exact whatever the scales.
            _ = a + b; _ = a - b; _ = a * b; _ = a.negated; _ = a.magnitude
            XCTAssertEqual(a < b, exact(a, at: s) < exact(b, at: s))
            XCTAssertEqual(a == b, exact(a, at: s) == exact(b, at: s))
        }
    }

    func testMultiplicationIsExactOrReportsOverflow() {
        var rng = SeededRandom(seed: 2024)
        for _ in 0..<20_000 {
            let a = randomDecimal(&rng), b = randomDecimal(&rng)
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            let reference = Int128(a.mantissa) * Int128(b.mantissa)
            if a.scale + b.scale <= DecimalNumber.maxScale {
                if let fits = Int64(exactly: reference), fits != .min {
                    XCTAssertFalse(overflow, "\(a) × \(b)")
                    XCTAssertEqual(Int128(product.mantissa), reference)
                    XCTAssertEqual(product.scale, a.scale + b.scale)
                } else {
                    XCTAssertTrue(overflow, "\(a) × \(b)")
                }
            }
        }
    }

    func testDivisionAndPercentagesAreRoundedOrReportOverflow() throws {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let a = randomDecimal(&rng), b = randomDecimal(&rng)
            let decimals = rng.int(0...4)
            switch DecimalNumber.quotient(a, by: b, decimals: decimals) {
            case .failure(.divisionByZero): XCTAssertTrue(b.isZero)
            case .failure(.overflow): XCTAssertFalse(b.isZero)
            case .success(let q):
                XCTAssertEqual(q.scale, decimals)
                // |q − a/b| ≤ half a unit in the last place: |q·b − a| ≤ |b|/2 · 10^-decimals.
                let s = a.scale + b.scale + decimals
                let qb = Int128(q.mantissa) * Int128(b.mantissa)   // scale decimals + b.scale
                var lhs = qb
                for _ in 0..<(s - decimals - b.scale) { lhs *= 10 }
                let rhs = exact(a, at: a.scale) * pow10(s - a.scale)
                let difference = (lhs - rhs).magnitude
                let bound = (Int128(b.mantissa).magnitude * pow10u(s - b.scale - decimals)) / 2 + 1
                XCTAssertLessThanOrEqual(difference, bound, "\(a) / \(b) → \(q)")
            }
            _ = DecimalNumber.percentage(a, of: b, decimals: decimals)
        }
        XCTAssertEqual(DecimalNumber.percentage(DecimalNumber("1")!, of: DecimalNumber("3")!), DecimalNumber("33.33")!)
        XCTAssertNil(DecimalNumber.percentage(DecimalNumber("92233720368547758.07")!, of: DecimalNumber("0.001")!))
    }

    func pow10(_ n: Int) -> Int128 { (0..<max(0, n)).reduce(Int128(1)) { r, _ in r * 10 } }
    func pow10u(_ n: Int) -> UInt128 { (0..<max(0, n)).reduce(UInt128(1)) { r, _ in r * 10 } }

    func testWithinTheContentRangeNothingOverflows() {
        // The largest figures content may hold, in 元 (the most decimals after conversion).
        let largest = DecimalNumber("999999999999.99")!
        XCTAssertTrue(ContentNumberRange.contains(largest))
        XCTAssertFalse(ContentNumberRange.contains(DecimalNumber("1000000000000")!))
        let wan = Amount(largest, .yuan).converted(to: .wanYuan)
        var total = Amount.zero()
        for _ in 0..<10_000 {
            let (next, overflow) = total.addingReportingOverflow(wan)
            XCTAssertFalse(overflow)
            total = next
        }
        XCTAssertEqual(total.value, DecimalNumber("999999999999.99")!)  // 10^4 × (x 元 in 万元)
        XCTAssertNotNil(DecimalNumber.percentage(largest, of: DecimalNumber("0.01")!))
        XCTAssertFalse(largest.multipliedReportingOverflow(by: DecimalNumber("100")!).overflow)
    }

    func testScalesOutsideTheRangeAreBroughtIntoItInsteadOfTrapping() {
        XCTAssertEqual(DecimalNumber(mantissa: 15, scale: 13), DecimalNumber("0.000000000002")!)
        XCTAssertEqual(DecimalNumber(mantissa: 5, scale: -2), DecimalNumber(500))
        XCTAssertEqual(DecimalNumber("1.5")!.rounded(to: 40).scale, DecimalNumber.maxScale)
        XCTAssertEqual(DecimalNumber(mantissa: Int64.min).negated.mantissa, Int64.max)
    }
}
