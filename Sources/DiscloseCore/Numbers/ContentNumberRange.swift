/// The numbers content may hold: every figure, percentage, score and count is smaller in magnitude
/// than 10^12 in the unit it is written in (for money: a trillion 万元, far beyond any budget).
///
/// Inside this range every sum, difference, unit conversion, product and ratio the rules and pages
/// compute fits in `DecimalNumber`'s 64-bit mantissa with room to spare, so a figure can never
/// silently saturate. A number outside it is answered with `SCHEMA-NUMBER` and never reaches the model.
public enum ContentNumberRange {
    /// The exclusive bound on a number's magnitude: 10^12.
    public static let bound = DecimalNumber(mantissa: 1_000_000_000_000)

    /// "10¹²", for messages.
    public static let boundText = "10¹²"

    public static func contains(_ value: DecimalNumber) -> Bool {
        value.magnitude < bound
    }

    /// Parses a content number: the value, or nil when it is not a plain decimal or out of range.
    public static func parse(_ text: String) -> DecimalNumber? {
        guard case .success(let value) = DecimalNumber.parse(text), contains(value) else { return nil }
        return value
    }
}
