/// Figures derived from the data (never typed): changes, growth rates, shares, completion rates.
public enum Derived {
    public enum Direction: String, Sendable {
        case increase, decrease, unchanged
    }

    /// This year against last year.
    public struct Change: Sendable {
        public let current: DecimalNumber
        public let previous: DecimalNumber
        public var delta: DecimalNumber { current - previous }
        public var direction: Direction {
            delta.isZero ? .unchanged : (delta.isNegative ? .decrease : .increase)
        }
        /// |Δ| / previous × 100, two decimals; nil when last year was zero.
        public var rate: DecimalNumber? {
            DecimalNumber.percentage(delta.magnitude, of: previous, decimals: 2)
        }

        public init(current: DecimalNumber, previous: DecimalNumber) {
            self.current = current
            self.previous = previous
        }
    }

    /// part / whole × 100 with two decimals; zero when the whole is zero.
    public static func share(_ part: DecimalNumber, of whole: DecimalNumber) -> DecimalNumber {
        DecimalNumber.percentage(part, of: whole, decimals: 2) ?? DecimalNumber(mantissa: 0, scale: 2)
    }

    /// actual / budget × 100 with two decimals; nil without a budget (no "完成预算" may be written then).
    public static func completion(_ actual: DecimalNumber, budget: DecimalNumber?) -> DecimalNumber? {
        guard let budget, !budget.isZero else { return nil }
        return DecimalNumber.percentage(actual, of: budget, decimals: 2)
    }

    /// Amounts in sentences and tables: two decimals, e.g. "3474.67".
    public static func money(_ value: DecimalNumber) -> String { value.formatted(decimals: 2) }

    /// Amounts in tables: two decimals with thousands separators, e.g. "3,474.67".
    public static func tableMoney(_ value: DecimalNumber) -> String { value.formatted(decimals: 2, groupingThousands: true) }

    /// Percentages: two decimals, e.g. "56.19".
    public static func percent(_ value: DecimalNumber) -> String { value.formatted(decimals: 2) }
}
