/// Rounding done right, after XBRL Calculations 1.1: a figure printed with d decimals stands for the
/// interval [v − ½·10^−d, v + ½·10^−d]. A relation is inconsistent only when no values inside the
/// intervals satisfy it. See docs/rules.md.
public enum Tolerance {
    /// Amounts in tables and YAML carry two decimals in their unit.
    public static let amountDecimals = 2

    static func halfUnit(_ decimals: Int) -> DecimalNumber {
        DecimalNumber(mantissa: 5, scale: decimals + 1)
    }

    /// `total = Σ parts`, each figure rounded independently to two decimals: consistent when
    /// |Σ parts − total| ≤ (n + 1) · 0.005.
    public static func sumConsistent(total: DecimalNumber, parts: [DecimalNumber]) -> Bool {
        let difference = (DecimalNumber.sum(parts) - total).magnitude
        let slack = halfUnit(amountDecimals) * DecimalNumber(parts.count + 1)
        return difference <= slack
    }

    /// The same fact printed twice: equal at the lower of the two precisions.
    public static func sameFact(_ a: DecimalNumber, decimalsA: Int, _ b: DecimalNumber, decimalsB: Int) -> Bool {
        let d = min(decimalsA, decimalsB)
        return a.rounded(to: d) == b.rounded(to: d)
    }

    /// Whether a printed value (with its own decimals) can be the rounding of some value in [low, high].
    public static func printed(_ value: DecimalNumber, decimals: Int, canRound low: DecimalNumber, _ high: DecimalNumber) -> Bool {
        let half = halfUnit(decimals)
        // Intervals [value − half, value + half] and [low, high] meet.
        return value - half <= high && value + half >= low
    }

    /// The interval of a two-decimal amount.
    public static func interval(_ amount: DecimalNumber) -> (DecimalNumber, DecimalNumber) {
        let half = halfUnit(amountDecimals)
        return (amount - half, amount + half)
    }

    static let workingDecimals = 8

    /// Percentage `part / whole × 100` over the amounts' rounding intervals: (exact, low, high).
    public static func shareRange(part: DecimalNumber, whole: DecimalNumber) -> (DecimalNumber, DecimalNumber, DecimalNumber)? {
        guard let exact = DecimalNumber.percentage(part, of: whole, decimals: workingDecimals) else { return nil }
        let (pl, ph) = interval(part)
        let (wl, wh) = interval(whole)
        let lowPart = max(pl, .zero)
        guard wl > .zero,
              let low = DecimalNumber.percentage(lowPart, of: wh, decimals: workingDecimals),
              let high = DecimalNumber.percentage(ph, of: wl, decimals: workingDecimals) else { return (exact, exact, exact) }
        return (exact, min(low, exact), max(high, exact))
    }

    /// Year-on-year rate `(current − previous) / previous × 100` over the rounding intervals.
    public static func changeRateRange(current: DecimalNumber, previous: DecimalNumber) -> (DecimalNumber, DecimalNumber, DecimalNumber)? {
        guard let exact = DecimalNumber.percentage(current - previous, of: previous, decimals: workingDecimals) else { return nil }
        let (cl, ch) = interval(current)
        let (pl, ph) = interval(previous)
        guard pl > .zero else { return (exact, exact, exact) }
        let corners = [(cl, pl), (cl, ph), (ch, pl), (ch, ph)].compactMap {
            DecimalNumber.percentage($0.0 - $0.1, of: $0.1, decimals: workingDecimals)
        }
        return (exact, corners.min() ?? exact, corners.max() ?? exact)
    }

    /// Whether a printed percentage is a correct rounding of `part / whole`, at the precision it was printed.
    public static func shareConsistent(printed value: DecimalNumber, decimals: Int, part: DecimalNumber, whole: DecimalNumber) -> Bool {
        guard let (_, low, high) = shareRange(part: part, whole: whole) else { return value.isZero }
        return printed(value, decimals: decimals, canRound: low, high)
    }
}
