/// Rounding done right. Sums follow XBRL Calculations 1.1: a figure printed with d decimals stands for the
/// interval [v − ½·10^−d, v + ½·10^−d], and a sum is inconsistent only when the intervals cannot meet.
/// Percentages are compared at the precision they were printed with. See docs/rules.md.
public enum Tolerance {
    /// Amounts in tables and YAML carry two decimals in their unit.
    public static let amountDecimals = 2

    static func halfUnit(_ decimals: Int) -> DecimalNumber {
        DecimalNumber(mantissa: 5, scale: decimals + 1)
    }

    /// The rounding interval of a sum of `parts` figures and its total, each rounded independently to
    /// two decimals: (n + 1) · 0.005. The same interval serves data rules and text rules.
    public static func sumInterval(parts: Int) -> DecimalNumber {
        halfUnit(amountDecimals) * DecimalNumber(parts + 1)
    }

    /// `total = Σ parts`, each figure rounded independently to two decimals: consistent when
    /// |Σ parts − total| ≤ (n + 1) · 0.005.
    public static func sumConsistent(total: DecimalNumber, parts: [DecimalNumber]) -> Bool {
        let difference = (DecimalNumber.sum(parts) - total).magnitude
        return difference <= sumInterval(parts: parts.count)
    }

    /// How a total compares with the sum of its printed parts under the 尾差 rule.
    public enum SumVerdict: Equatable, Sendable {
        /// Σ parts = total exactly.
        case exact
        /// A non-zero difference within the rounding interval: a rounding tail a reader will see.
        case tail(DecimalNumber)
        /// Beyond the interval: a wrong figure.
        case inconsistent(DecimalNumber)
    }

    /// `total − Σ parts`, judged under the 尾差 rule.
    public static func sumVerdict(total: DecimalNumber, parts: [DecimalNumber]) -> SumVerdict {
        let difference = total - DecimalNumber.sum(parts)
        if difference.isZero { return .exact }
        return difference.magnitude <= sumInterval(parts: parts.count) ? .tail(difference) : .inconsistent(difference)
    }

    /// 尾差调整: the part to change so the printed parts add up to the printed total. The figures carry
    /// no digits beyond the second decimal, so the largest part is taken — its rounding remainder is
    /// the largest one in absolute terms that a change of one cent can stand for, and the change
    /// matters least relative to it (the usual practice in published tables).
    public static func tailCarrier(of parts: [DecimalNumber]) -> Int? {
        guard !parts.isEmpty else { return nil }
        var best = 0
        for index in parts.indices where parts[index].magnitude > parts[best].magnitude { best = index }
        return best
    }

    /// The same fact printed twice: equal at the lower of the two precisions.
    public static func sameFact(_ a: DecimalNumber, decimalsA: Int, _ b: DecimalNumber, decimalsB: Int) -> Bool {
        let d = min(decimalsA, decimalsB)
        return a.rounded(to: d) == b.rounded(to: d)
    }

    static let workingDecimals = 8

    /// Whether a printed percentage is `part / whole` rounded (四舍五入) to the precision it was printed with.
    /// Percentages are computed from the amounts as written: 4.07% for 141.73 / 3474.67 (= 4.0789%) is wrong.
    public static func shareConsistent(printed value: DecimalNumber, decimals: Int, part: DecimalNumber, whole: DecimalNumber) -> Bool {
        guard let exact = DecimalNumber.percentage(part, of: whole, decimals: workingDecimals) else { return value.isZero }
        return exact.rounded(to: decimals) == value
    }

    /// Whether a printed change rate is (current − previous) / previous at its printed precision.
    public static func rateConsistent(printed value: DecimalNumber, decimals: Int, change: DecimalNumber, previous: DecimalNumber) -> Bool {
        guard let exact = DecimalNumber.percentage(change.magnitude, of: previous, decimals: workingDecimals) else { return value.isZero }
        return exact.rounded(to: decimals) == value
    }
}
