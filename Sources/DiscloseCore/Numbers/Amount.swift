/// The unit an amount is written in. Reports default to 万元; a file, section or table may declare 元.
public enum MoneyUnit: String, Sendable, CaseIterable, Codable {
    case yuan = "元"
    case wanYuan = "万元"

    /// How many 元 one of this unit is.
    var yuanFactor: Int64 { self == .yuan ? 1 : 10_000 }
}

/// An exact amount of money with an explicit unit.
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: DecimalNumber
    public let unit: MoneyUnit

    public init(_ value: DecimalNumber, _ unit: MoneyUnit = .wanYuan) {
        self.value = value
        self.unit = unit
    }

    public static func zero(_ unit: MoneyUnit = .wanYuan) -> Amount { Amount(.zero, unit) }

    /// The same amount in another unit, exactly (元 → 万元 adds four decimals).
    public func converted(to target: MoneyUnit) -> Amount {
        if target == unit { return self }
        if unit == .yuan {
            // 元 → 万元: divide by 10^4 exactly by shifting the scale (beyond `maxScale` decimals it rounds).
            return Amount(DecimalNumber.fitting(Int128(value.mantissa), scale: value.scale + 4).partialValue, target)
        }
        return Amount(value * DecimalNumber(10_000), target).normalizedScale(min: 2)
    }

    func normalizedScale(min decimals: Int) -> Amount {
        let n = value.normalized
        return Amount(n.scale < decimals ? n.rescaled(to: decimals) : n, unit)
    }

    public var inWanYuan: DecimalNumber { converted(to: .wanYuan).value }

    public static func + (a: Amount, b: Amount) -> Amount {
        Amount(a.value + b.converted(to: a.unit).value, a.unit)
    }

    public static func - (a: Amount, b: Amount) -> Amount {
        Amount(a.value - b.converted(to: a.unit).value, a.unit)
    }

    /// `a + b` in `a`'s unit and whether it overflowed (the operators saturate instead of trapping).
    public func addingReportingOverflow(_ other: Amount) -> (partialValue: Amount, overflow: Bool) {
        let (sum, overflow) = value.addingReportingOverflow(other.converted(to: unit).value)
        return (Amount(sum, unit), overflow || other.convertingOverflows(to: unit))
    }

    /// Whether `converted(to:)` would saturate (元 → 万元 never does; 万元 → 元 may).
    public func convertingOverflows(to target: MoneyUnit) -> Bool {
        target != unit && unit == .wanYuan && value.multipliedReportingOverflow(by: DecimalNumber(10_000)).overflow
    }

    public static func == (a: Amount, b: Amount) -> Bool { a.inWanYuan == b.inWanYuan }
    public static func < (a: Amount, b: Amount) -> Bool { a.inWanYuan < b.inWanYuan }
    public func hash(into hasher: inout Hasher) { hasher.combine(inWanYuan) }

    /// "3474.67万元"
    public var description: String { "\(value)\(unit.rawValue)" }
}
