/// Shares printed at the precision that shows what they are: a part that is not zero never prints as
/// "0.00%", and a part that is not the whole never prints as "100.00%". Two decimals, as the tables
/// print percentages, unless more are needed (up to six: 0.0004%); beyond that "<0.000001".
extension Derived {
    public static let maximumShareDecimals = 6

    public static func visibleShare(_ part: DecimalNumber, of whole: DecimalNumber) -> String {
        guard !whole.isZero, !part.isZero else { return percent(share(part, of: whole)) }
        let hundred = DecimalNumber(100)
        for decimals in 2...maximumShareDecimals {
            guard let value = DecimalNumber.percentage(part, of: whole, decimals: decimals) else { break }
            let misleading = value.isZero || (part != whole && value.magnitude == hundred)
            if !misleading { return value.formatted(decimals: decimals) }
        }
        // Still 0 or 100 at six decimals: say how close instead of printing a false 0 or 100.
        let step = "0." + String(repeating: "0", count: maximumShareDecimals - 1) + "1"
        let value = DecimalNumber.percentage(part, of: whole, decimals: maximumShareDecimals) ?? .zero
        return value.isZero ? "<\(step)" : ">" + (hundred - DecimalNumber(step)!).formatted(decimals: maximumShareDecimals)
    }
}
