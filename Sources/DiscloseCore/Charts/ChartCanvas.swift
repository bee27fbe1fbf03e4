/// SVG elements laid out top to bottom: each block of text or shapes moves `y` down, so the chart's
/// height is whatever its content needs and nothing is drawn outside it.
struct ChartCanvas {
    enum Anchor: String {
        case start, middle, end
    }

    let layout: ChartLayout
    var y: Double
    private(set) var body = ""

    init(layout: ChartLayout, y: Double = 0) {
        self.layout = layout
        self.y = y
    }

    mutating func raw(_ element: String) { body += element + "\n" }

    mutating func text(_ s: String, x: Double, y: Double, size: Double, bold: Bool = false, fill: String = "#1a1a1a", anchor: Anchor = .start) {
        let anchorAttribute = anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
        let weight = bold ? ";font-weight:700" : ""
        raw("<text x=\"\(SVGChart.f(x))\" y=\"\(SVGChart.f(y))\"\(anchorAttribute) style=\"font-size:\(SVGChart.f(size))px\(weight);fill:\(fill)\">\(Markup.escape(s))</text>")
    }

    /// Wrapped lines from the current `y`, which moves below them.
    mutating func paragraph(_ s: String, x: Double, maxWidth: Double, size: Double, bold: Bool = false, fill: String = "#1a1a1a",
                            anchor: Anchor = .start, lineHeight: Double? = nil) {
        let step = lineHeight ?? size * 1.35
        for line in ChartLayout.wrap(s, size: size, maxWidth: maxWidth) {
            y += step
            text(line, x: x, y: y - step * 0.26, size: size, bold: bold, fill: fill, anchor: anchor)
        }
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
        raw("<rect x=\"\(SVGChart.f(x))\" y=\"\(SVGChart.f(y))\" width=\"\(SVGChart.f(width))\" height=\"\(SVGChart.f(height))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>")
    }
}
