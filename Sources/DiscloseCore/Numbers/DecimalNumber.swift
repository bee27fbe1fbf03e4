/// An exact decimal number: `mantissa × 10^-scale`.
///
/// Money and percentages never touch floating point. The scale a value was written with is kept,
/// because a figure printed with two decimals stands for an interval (see docs/rules.md).
public struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let mantissa: Int64
    public let scale: Int

    public static let maxScale = 12

    public init(mantissa: Int64, scale: Int = 0) {
        precondition(scale >= 0 && scale <= DecimalNumber.maxScale, "scale out of range")
        self.mantissa = mantissa
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(mantissa: Int64(integer), scale: 0)
    }

    public static let zero = DecimalNumber(mantissa: 0)

    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }
    public var magnitude: DecimalNumber { DecimalNumber(mantissa: mantissa.magnitude > Int64.max.magnitude ? Int64.max : abs(mantissa), scale: scale) }
    public var negated: DecimalNumber { DecimalNumber(mantissa: -mantissa, scale: scale) }

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
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// The same value with at least `newScale` decimals (exact; never rounds).
    public func rescaled(to newScale: Int) -> DecimalNumber {
        guard newScale > scale else { return self }
        return DecimalNumber(mantissa: mantissa * DecimalNumber.pow10(newScale - scale), scale: newScale)
    }

    /// Rounds half away from zero (the Chinese 四舍五入 convention) to `decimals` places.
    public func rounded(to decimals: Int) -> DecimalNumber {
        if decimals >= scale { return rescaled(to: decimals) }
        let divisor = DecimalNumber.pow10(scale - decimals)
        let q = mantissa / divisor
        let r = mantissa % divisor
        var result = q
        if abs(r) * 2 >= divisor { result += mantissa < 0 ? -1 : 1 }
        return DecimalNumber(mantissa: result, scale: decimals)
    }

    /// Drops trailing zero decimals: 12.50 → 12.5, 6.00 → 6.
    public var normalized: DecimalNumber {
        var m = mantissa, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        return DecimalNumber(mantissa: m, scale: s)
    }

    // MARK: Arithmetic

    public static func + (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        let s = max(a.scale, b.scale)
        return DecimalNumber(mantissa: a.rescaled(to: s).mantissa + b.rescaled(to: s).mantissa, scale: s)
    }

    public static func - (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        a + b.negated
    }

    public static func * (a: DecimalNumber, b: DecimalNumber) -> DecimalNumber {
        let product = Int128(a.mantissa) * Int128(b.mantissa)
        var scale = a.scale + b.scale
        var m = product
        while scale > maxScale { m /= 10; scale -= 1 }
        return DecimalNumber(mantissa: Int64(clamping: m), scale: scale)
    }

    /// `a / b` rounded half away from zero to `decimals` places; nil when `b` is zero.
    public static func divide(_ a: DecimalNumber, by b: DecimalNumber, decimals: Int) -> DecimalNumber? {
        guard !b.isZero else { return nil }
        // a/b = (ma / 10^sa) / (mb / 10^sb); want result × 10^decimals.
        var numerator = Int128(a.mantissa)
        var denominator = Int128(b.mantissa)
        let shift = decimals + b.scale - a.scale
        if shift >= 0 {
            for _ in 0..<shift { numerator *= 10 }
        } else {
            for _ in 0..<(-shift) { denominator *= 10 }
        }
        if denominator < 0 { numerator = -numerator; denominator = -denominator }
        var q = numerator / denominator
        let r = numerator % denominator
        if (r < 0 ? -r : r) * 2 >= denominator { q += numerator < 0 ? -1 : 1 }
        return DecimalNumber(mantissa: Int64(clamping: q), scale: decimals)
    }

    /// Percentage `part / whole × 100`, rounded to `decimals` places.
    public static func percentage(_ part: DecimalNumber, of whole: DecimalNumber, decimals: Int = 2) -> DecimalNumber? {
        guard let ratio = divide(part * DecimalNumber(100), by: whole, decimals: decimals) else { return nil }
        return ratio
    }

    public static func sum<S: Sequence>(_ values: S) -> DecimalNumber where S.Element == DecimalNumber {
        values.reduce(.zero, +)
    }

    // MARK: Comparison

    public static func == (a: DecimalNumber, b: DecimalNumber) -> Bool {
        let s = max(a.scale, b.scale)
        return a.rescaled(to: s).mantissa == b.rescaled(to: s).mantissa
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.scale)
    }

    public static func < (a: DecimalNumber, b: DecimalNumber) -> Bool {
        let s = max(a.scale, b.scale)
        return a.rescaled(to: s).mantissa < b.rescaled(to: s).mantissa
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
    public var intValue: Int { Int(rounded(to: 0).mantissa) }
}
