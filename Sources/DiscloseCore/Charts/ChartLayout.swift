/// The two drawings of every chart. A chart is scaled to the width it is shown at, so its text shrinks
/// with it: the wide layout (legend beside the pie) is shown from `breakpoint` up, the narrow one
/// (legend below, horizontal bars) under it. Each layout's smallest text is chosen so that it stays at
/// least `minimumCSSPixels` down to the narrowest width the layout is shown at: a 300 px iframe or a
/// 320 px phone leaves 260–290 px for the chart once the page's padding is taken off.
public struct ChartLayout: Sendable, Hashable {
    public enum Variant: String, Sendable {
        case wide, narrow
    }

    public let variant: Variant
    /// viewBox width, user units (= CSS px at natural size).
    public let width: Double
    /// The smallest text of the layout; every label, value, note and source line uses at least this.
    public let text: Double
    public let title: Double
    public let margin: Double

    public static let wide = ChartLayout(variant: .wide, width: 640, text: 14, title: 18, margin: 16)
    public static let narrow = ChartLayout(variant: .narrow, width: 280, text: 13, title: 15, margin: 10)
    public static let all = [wide, narrow]

    /// Container width (CSS px) below which pages show the narrow layout.
    public static let breakpoint = 560.0
    /// The narrowest display width charts are designed for (a 300 px iframe less its page padding).
    public static let narrowestDisplay = 260.0
    /// Text never smaller than this on screen; 12 px is 9 pt, also the printed minimum.
    public static let minimumCSSPixels = 12.0

    /// The display width at which this layout's smallest text is exactly `minimumCSSPixels`.
    public var minimumDisplayWidth: Double { width * Self.minimumCSSPixels / text }

    /// Room for text between the margins.
    public var innerWidth: Double { width - 2 * margin }

    /// Approximate advance of a string in a CJK sans-serif font (Noto Sans CJK metrics): ideographs and
    /// full-width punctuation are one em, digits and Latin about 0.6 em. Errs on the wide side.
    public static func textWidth(_ s: String, size: Double) -> Double {
        ems(s) * size
    }

    /// The width of `s` in em, added scalar by scalar from zero (the sum `textWidth` scales).
    static func ems(_ s: String) -> Double {
        var em = 0.0
        for scalar in s.unicodeScalars { em += ems(scalar) }
        return em
    }

    static func ems(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x2E80..., 0x2014, 0x2018...0x201F: return 1.0
        case 0x2C, 0x2E, 0x3A, 0x3B: return 0.35   // , . : ;
        case 0x20: return 0.3
        case 0x25: return 0.9                         // %
        default: return 0.62
        }
    }

    /// Breaks text into lines no wider than `maxWidth` (CJK text has no spaces to break at). A number
    /// or Latin word is not split ("2020年度" stays whole) unless it is longer than a line, and a line
    /// does not start with a space.
    public static func wrap(_ text: String, size: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        func isWordCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "." || c == ",") }
        // The line's width is carried along: adding a Character's scalars to the line's sum gives the same
        // Double as summing the whole candidate line again (the same additions in the same order).
        var currentEms = 0.0
        for ch in text {
            if current.isEmpty, ch.isWhitespace, !lines.isEmpty { continue }
            var candidateEms = currentEms
            for scalar in ch.unicodeScalars { candidateEms += ems(scalar) }
            if !current.isEmpty, candidateEms * size > maxWidth {
                var carried = ""
                if isWordCharacter(ch) {
                    // Move the word begun on this line to the next one.
                    while let last = current.last, isWordCharacter(last) { carried.insert(last, at: carried.startIndex); current.removeLast() }
                    if current.isEmpty { current = carried; carried = "" }
                }
                lines.append(current)
                current = ch.isWhitespace ? carried : carried + String(ch)
                currentEms = ems(current)
            } else {
                current.append(ch)
                currentEms = candidateEms
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
