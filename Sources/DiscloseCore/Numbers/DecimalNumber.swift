/// An exact decimal number: `mantissa × 10^-scale`.
///
/// Money and percentages never touch floating point. The scale a value was written with is kept,
/// because a figure printed with two decimals stands for an interval (see docs/rules.md).
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let mantissa: Int64
    public let scale: Int

    public static let maxScale = 12

    /// A scale outside 0...maxScale is brought into range instead of trapping: a negative scale
    /// multiplies (saturating), a scale above `maxScale` rounds half away from zero.
    public init(mantissa: Int64, scale: Int = 0) {
        if scale >= 0 && scale <= DecimalNumber.maxScale {
            self.mantissa = mantissa
            self.scale = scale
        } else {
            let (value, _) = DecimalNumber.fitting(Int128(mantissa), scale: scale)
            self = value
        }
    }

    private init(exact mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(mantissa: Int64(integer), scale: 0)
    }

    public static let zero = DecimalNumber(mantissa: 0)

    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }
    public var magnitude: DecimalNumber { DecimalNumber(mantissa: mantissa == .min ? .max : abs(mantissa), scale: scale) }
    /// The negative; `Int64.min` (only reachable through saturation) negates to `Int64.max`.
    public var negated: DecimalNumber { DecimalNumber(mantissa: mantissa == .min ? .max : -mantissa, scale: scale) }

    // MARK: Parsing

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case malformed
        case tooLarge
        case tooManyDecimals(Int)
    }

    /// Parses plain decimal notation: optional sign, digits, optional `.` and digits.
    /// No exponent, no separators, no unit: those are rejected so that a typo cannot pass as a number.
    public static func parse(_ text: String) -> Result<DecimalNumber, ParseError> {
        var scalars = Substring(text)
        if scalars.isEmpty { return .failure(.empty) }
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        guard !scalars.isEmpty else { return .failure(.malformed) }
        var mantissa: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        for ch in scalars.unicodeScalars {
            if ch == "." {
                if seenPoint { return .failure(.malformed) }
                seenPoint = true
                continue
            }
            guard ch.value >= 48 && ch.value <= 57 else { return .failure(.malformed) }
            digits += 1
            let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(Int64(ch.value - 48))
            if o1 || o2 { return .failure(.tooLarge) }
            mantissa = m2
            if seenPoint { scale += 1 }
        }
        if digits == 0 { return .failure(.malformed) }
        if seenPoint && scale == 0 { return .failure(.malformed) }
        if scale > maxScale { return .failure(.tooManyDecimals(scale)) }
        return .success(DecimalNumber(mantissa: negative ? -mantissa : mantissa, scale: scale))
    }

    public init?(_ text: String) {
        guard case .success(let value) = DecimalNumber.parse(text) else { return nil }
        self = value
    }

    // MARK: Scaling

    static func pow10(_ n: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<min(n, 18) { r *= 10 }
        return r
    }

    /// The same value with at least `newScale` decimals (exact; never rounds). Saturates instead of
    /// trapping when the digits do not fit; `rescaledReportingOverflow` says so.
    public func rescaled(to newScale: Int) -> DecimalNumber {
        rescaledReportingOverflow(to: newScale).partialValue
    }

    /// `rescaled(to:)` and whether it overflowed (then the value is saturated).
    public func rescaledReportingOverflow(to newScale: Int) -> (partialValue: DecimalNumber, overflow: Bool) {
        let target = min(newScale, DecimalNumber.maxScale)
        guard target > scale else { return (self, false) }
        let (m, overflow) = mantissa.multipliedReportingOverflow(by: DecimalNumber.pow10(target - scale))
        if overflow { return (DecimalNumber.saturated(negative: mantissa < 0, scale: target), true) }
        return (DecimalNumber(exact: m, scale: target), false)
    }

    /// Rounds half away from zero (the Chinese 四舍五入 convention) to `decimals` places.
    public func rounded(to decimals: Int) -> DecimalNumber {
        let decimals = max(0, min(decimals, DecimalNumber.maxScale))
        if decimals >= scale { return rescaled(to: decimals) }
        let divisor = DecimalNumber.pow10(scale - decimals)
        let q = mantissa / divisor
        let r = mantissa % divisor
        var result = q
        // |r| < divisor ≤ 10^12 and |q| ≤ Int64.max / 10: neither step can overflow.
        if r.magnitude * 2 >= divisor.magnitude { result += mantissa < 0 ? -1 : 1 }
        return DecimalNumber(exact: result, scale: decimals)
    }

    /// Drops trailing zero decimals: 12.50 → 12.5, 6.00 → 6.
    public var normalized: DecimalNumber {
        var m = mantissa, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        return DecimalNumber(exact: m, scale: s)
    }

    // MARK: Arithmetic
    //
    // Content is bounded (`ContentNumberRange`), so sums, products and ratios of its figures fit in
    // 64 bits with room to spare. Numbers from elsewhere (narrative text, generated trees, fuzzed
    // input) may not: every operation has a `ReportingOverflow` form, and the operators saturate at
    // the largest representable magnitude instead of trapping.

    /// The largest magnitude at `scale`, with the given sign.
    static func saturated(negative: Bool, scale: Int) -> DecimalNumber {
        DecimalNumber(exact: negative ? -Int64.max : Int64.max, scale: scale)
    }

    /// A 128-bit mantissa at any scale brought to a DecimalNumber: scales above `maxScale` round half
    /// away from zero, and a mantissa beyond 64 bits saturates (reported).
    static func fitting(_ value: Int128, scale: Int) -> (partialValue: DecimalNumber, overflow: Bool) {
        var m = value, s = scale
        while s < 0 {
            let (next, o) = m.multipliedReportingOverflow(by: 10)
            if o { return (saturated(negative: value < 0, scale: 0), true) }
            m = next; s += 1
        }
        if s > maxScale {
            var divisor: Int128 = 1
            for _ in 0..<min(s - maxScale, 38) { divisor *= 10 }
            if s - maxScale > 38 { return (DecimalNumber(exact: 0, scale: maxScale), false) }
            let q = m / divisor, r = m % divisor
            m = q
            if r.magnitude * 2 >= divisor.magnitude { m += value < 0 ? -1 : 1 }
            s = maxScale
        }
        guard let narrow = Int64(exactly: m), narrow != .min else { return (saturated(negative: m < 0, scale: s), true) }
        return (DecimalNumber(exact: narrow, scale: s), false)
    }

    /// Both mantissas at the larger scale, in 128 bits (never overflows: 10^12 × 2^63 < 2^127).
    private static func aligned(_ a: DecimalNumber, _ b: DecimalNumber) -> (Int128, Int128, Int) {
        let s = max(a.scale, b.scale)
        return (Int128(a.mantissa) * Int128(pow10(s - a.scale)), Int128(b.mantissa) * Int128(pow10(s - b.scale)), s)
    }

    public func addingReportingOverflow(_ other: DecimalNumber) -> (partialValue: DecimalNumber, overflow: Bool) {
        let (x, y, s) = DecimalNumber.aligned(self, other)
        return DecimalNumber.fitting(x + y, scale: s)
    }

    public func subtractingReportingOverflow(_ other: DecimalNumber) -> (partialValue: DecimalNumber, overflow: Bool) {
        let (x, y, s) = DecimalNumber.aligned(self, other)
        return DecimalNumber.fitting(x - y, scale: s)
    }

    /// The exact product; decimals beyond `maxScale` are rounded half away from zero.
    public func multipliedReportingOverflow(by other: DecimalNumber) -> (partialValue: DecimalNumber, overflow: Bool) {
        DecimalNumber.fitting(Int128(mantissa) * Int128(other.mantissa), scale: scale + other.scale)
    }

    public static func + (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        a.addingReportingOverflow(b).partialValue
    }

    public static func - (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        a.subtractingReportingOverflow(b).partialValue
    }

    public static func * (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        a.multipliedReportingOverflow(by: b).partialValue
    }

    /// Why a division has no result.
    public enum DivisionFailure: Error, Equatable, Sendable {
        case divisionByZero
        case overflow
    }

    /// `a × 10^extraPowerOfTen / b` rounded half away from zero to `decimals` places, or why not.
    public static func quotient(_ a: DecimalNumber, by b: DecimalNumber, decimals: Int,
                                timesPowerOfTen extraPowerOfTen: Int = 0) -> Result<DecimalNumber, DivisionFailure> {
        guard !b.isZero else { return .failure(.divisionByZero) }
        let decimals = max(0, min(decimals, maxScale))
        // a/b = (ma / 10^sa) / (mb / 10^sb); want result × 10^decimals.
        var numerator = Int128(a.mantissa)
        var denominator = Int128(b.mantissa)
        let shift = decimals + b.scale - a.scale + extraPowerOfTen
        // |shift| ≤ 12 + 12 + extra; one factor of 10 at a time, each checked.
        for _ in 0..<max(0, shift) {
            let (n, o) = numerator.multipliedReportingOverflow(by: 10)
            if o { return .failure(.overflow) }
            numerator = n
        }
        for _ in 0..<max(0, -shift) {
            let (d, o) = denominator.multipliedReportingOverflow(by: 10)
            if o { return .success(DecimalNumber(exact: 0, scale: decimals)) }
            denominator = d
        }
        if denominator < 0 { numerator = -numerator; denominator = -denominator }
        var q = numerator / denominator
        let r = numerator % denominator
        if r.magnitude * 2 >= denominator.magnitude { q += numerator < 0 ? -1 : 1 }
        let (value, overflow) = fitting(q, scale: decimals)
        return overflow ? .failure(.overflow) : .success(value)
    }

    /// `a / b` rounded half away from zero to `decimals` places; nil when `b` is zero or the
    /// quotient does not fit (`quotient` says which).
    public static func divide(_ a: DecimalNumber, by b: DecimalNumber, decimals: Int) -> DecimalNumber? {
        try? quotient(a, by: b, decimals: decimals).get()
    }

    /// Percentage `part / whole × 100`, rounded to `decimals` places; nil when `whole` is zero or
    /// the percentage does not fit.
    public static func percentage(_ part: DecimalNumber, of whole: DecimalNumber, decimals: Int = 2) -> DecimalNumber? {
        try? quotient(part, by: whole, decimals: decimals, timesPowerOfTen: 2).get()
    }

    public static func sum<S: Sequence>(_ values: S) -> DecimalNumber where S.Element == DecimalNumber {
        values.reduce(.zero, +)
    }

    /// The exact sum, or nil when it does not fit.
    public static func checkedSum<S: Sequence>(_ values: S) -> DecimalNumber? where S.Element == DecimalNumber {
        var total = DecimalNumber.zero
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = next
        }
        return total
    }

    // MARK: Comparison

    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        let (x, y, _) = aligned(a, b)
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.scale)
    }

    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        let (x, y, _) = aligned(a, b)
        return x < y
    }

    // MARK: Formatting

    /// Plain notation with exactly `scale` decimals: "3474.67", "0.10", "-5".
    public var description: String { formatted(decimals: scale) }

    /// Plain notation with exactly `decimals` places (rounded when needed).
    public func formatted(decimals: Int, groupingThousands: Bool = false) -> String {
        let v = rounded(to: decimals)
        let negative = v.mantissa < 0
        let digits = String(v.mantissa.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let intPart = String(padded.dropLast(decimals))
        let fracPart = String(padded.suffix(decimals))
        var integer = intPart
        if groupingThousands && intPart.count > 3 {
            var groups: [String] = []
            var rest = Substring(intPart)
            while rest.count > 3 {
                groups.insert(String(rest.suffix(3)), at: 0)
                rest = rest.dropLast(3)
            }
            groups.insert(String(rest), at: 0)
            integer = groups.joined(separator: ",")
        }
        let body = decimals > 0 ? "\(integer).\(fracPart)" : integer
        return negative ? "-\(body)" : body
    }
}

extension DecimalNumber {
    /// The value as a whole number (counts of people, vehicles, projects).
    public var intValue: Int { Int(truncatingIfNeeded: rounded(to: 0).mantissa) }
}
