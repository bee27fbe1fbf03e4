import Foundation

/// Draws a `ChartSpec` as a standalone, self-contained SVG: inline styles, a CJK font stack, viewBox plus
/// width and height, no scripts and no external references. Deterministic: same spec, same bytes.
/// Geometry uses Double (pixels); every number printed in the chart comes from the exact values.
public enum SVGChart {
    public static let width = 640
    public static let minHeight = 360
    static let fontStack = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"

    /// Okabe–Ito based palette, darkened so that every colour has at least 3:1 contrast with white.
    public static let palette = ["#0072B2", "#C0392B", "#007A5A", "#8E44AD", "#9A6700", "#2C3E50", "#B03A78", "#5D6D7E"]

    /// Height grows with a long legend so no text leaves the chart.
    public static func height(of spec: ChartSpec) -> Int {
        guard spec.kind.showsShares, !spec.isEmpty else { return minHeight }
        return max(minHeight, Int(legendTop + legendHeight(spec) + 16))
    }

    /// `drawTitle: false` leaves the visible title to the page's figure caption (the <title> stays).
    public static func render(_ spec: ChartSpec, drawTitle: Bool = true) -> String {
        let height = height(of: spec)
        var body: String
        if spec.isEmpty {
            body = noData(spec)
        } else {
            switch spec.kind {
            case .pie: body = pie(spec, height: height)
            case .bar: body = bars(spec, height: height)
            }
        }
        // XML ids cannot start with a digit.
        let titleID = "chart-\(spec.id)-title", descID = "chart-\(spec.id)-desc"
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(titleID) \(descID)" style="font-family:\(fontStack);background:#ffffff">
        <title id="\(titleID)">\(Markup.escape("\(spec.number) \(spec.title)"))</title>
        <desc id="\(descID)">\(Markup.escape(spec.description))</desc>
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
        \(drawTitle ? "<text x=\"\(width / 2)\" y=\"28\" text-anchor=\"middle\" style=\"font-size:17px;font-weight:700;fill:#1a1a1a\">\(Markup.escape("\(spec.number) \(spec.title)"))</text>" : "")
        <text x="\(width - 12)" y="52" text-anchor="end" style="font-size:12px;fill:#444444">单位：\(spec.unit.rawValue)</text>
        \(body)</svg>

        """
    }

    // MARK: Pie

    static func pie(_ spec: ChartSpec, height: Int) -> String {
        let cx = 180.0, cy = 70 + Double(max(height, minHeight) - 70) / 2, r = 120.0
        let total = spec.total
        var out = ""
        var angle = -90.0
        let shown = spec.items.enumerated().filter { !$0.element.value.isZero }
        for (index, item) in shown {
            let color = palette[index % palette.count]
            let fraction = fractionOf(item.value, total)
            if fraction >= 0.999999 {
                // One slice of 100%: a single SVG arc cannot draw a full circle.
                out += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1.5\" data-share=\"\(spec.share(item))\"/>\n"
                angle += 360
            } else {
                let sweep = fraction * 360
                let start = point(cx, cy, r, angle), end = point(cx, cy, r, angle + sweep)
                let large = sweep > 180 ? 1 : 0
                out += "<path d=\"M\(f(cx)),\(f(cy)) L\(f(start.0)),\(f(start.1)) A\(f(r)),\(f(r)) 0 \(large) 1 \(f(end.0)),\(f(end.1)) Z\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1.5\" data-angle=\"\(f(sweep))\" data-share=\"\(spec.share(item))\"/>\n"
                // A number on slices wide enough to hold it; the legend names every slice.
                if sweep >= 18 {
                    let mid = point(cx, cy, r * 0.68, angle + sweep / 2)
                    out += "<text x=\"\(f(mid.0))\" y=\"\(f(mid.1 + 5))\" text-anchor=\"middle\" style=\"font-size:14px;font-weight:700;fill:#ffffff\">\(index + 1)</text>\n"
                }
                angle += sweep
            }
        }
        out += legend(spec, x: 330, top: legendTop)
        return out
    }

    static let legendTop = 72.0
    static let lineHeight = 17.0
    static let legendGap = 8.0
    static let legendWrap = 14

    static func legendHeight(_ spec: ChartSpec) -> Double {
        spec.items.reduce(0.0) { $0 + Double(wrap($1.label, legendWrap).count + 1) * lineHeight + legendGap }
    }

    /// Legend: swatch, number, wrapped label, value and share; zero items are listed too.
    static func legend(_ spec: ChartSpec, x: Double, top: Double) -> String {
        var out = ""
        var y = top
        let lh = lineHeight
        let size = 13
        for (index, item) in spec.items.enumerated() {
            let color = item.value.isZero ? "#ffffff" : palette[index % palette.count]
            let stroke = item.value.isZero ? "#767676" : color
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"14\" height=\"14\" fill=\"\(color)\" stroke=\"\(stroke)\"/>\n"
            out += "<text x=\"\(f(x + 7))\" y=\"\(f(y + 11))\" text-anchor=\"middle\" style=\"font-size:10px;font-weight:700;fill:\(item.value.isZero ? "#444444" : "#ffffff")\">\(index + 1)</text>\n"
            var lineY = y + 12
            for line in wrap(item.label, legendWrap) {
                out += "<text x=\"\(f(x + 22))\" y=\"\(f(lineY))\" style=\"font-size:\(size)px;fill:#1a1a1a\">\(Markup.escape(line))</text>\n"
                lineY += lh
            }
            let value = "\(Derived.tableMoney(item.value))（\(spec.share(item))%）"
            out += "<text x=\"\(f(x + 22))\" y=\"\(f(lineY))\" style=\"font-size:\(size)px;fill:#333333\">\(Markup.escape(value))</text>\n"
            y = lineY + 4 + legendGap
        }
        return out
    }

    // MARK: Bars

    static func bars(_ spec: ChartSpec, height: Int) -> String {
        let left = 70.0, right = Double(width) - 30, top = 90.0, bottom = Double(height) - 60
        let values = spec.items.map { double($0.value) }
        let maxValue = max(values.max() ?? 0, 0), minValue = min(values.min() ?? 0, 0)
        let span = maxValue - minValue == 0 ? 1 : maxValue - minValue
        let zeroY = bottom - (0 - minValue) / span * (bottom - top)
        var out = "<line x1=\"\(f(left))\" y1=\"\(f(zeroY))\" x2=\"\(f(right))\" y2=\"\(f(zeroY))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        let slot = (right - left) / Double(max(spec.items.count, 1))
        let barWidth = min(110, slot * 0.5)
        for (index, item) in spec.items.enumerated() {
            let v = values[index]
            let h = abs(v) / span * (bottom - top)
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            let y = v >= 0 ? zeroY - h : zeroY
            let color = palette[index % palette.count]
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(h))\" fill=\"\(color)\" data-value=\"\(Derived.money(item.value))\"/>\n"
            let labelY = v >= 0 ? y - 8 : y + h + 18
            out += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(labelY))\" text-anchor=\"middle\" style=\"font-size:14px;font-weight:700;fill:#1a1a1a\">\(Markup.escape(Derived.tableMoney(item.value)))</text>\n"
            var lineY = bottom + 24
            for line in wrap(item.label, Int(slot / 14)) {
                out += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(lineY))\" text-anchor=\"middle\" style=\"font-size:13px;fill:#1a1a1a\">\(Markup.escape(line))</text>\n"
                lineY += 16
            }
        }
        if spec.items.count == 2, let change = changeNote(spec) {
            out += "<text x=\"12\" y=\"52\" style=\"font-size:13px;fill:#333333\">\(Markup.escape("\(spec.items[1].label)比\(spec.items[0].label)\(change)"))</text>\n"
        }
        return out
    }

    static func changeNote(_ spec: ChartSpec) -> String? {
        guard let c = spec.change else { return nil }
        switch c.direction {
        case .unchanged: return "持平"
        case .increase: return "增加 \(Derived.tableMoney(c.delta.magnitude))" + (c.rate.map { "，增长 \(Derived.percent($0))%" } ?? "")
        case .decrease: return "减少 \(Derived.tableMoney(c.delta.magnitude))" + (c.rate.map { "，下降 \(Derived.percent($0))%" } ?? "")
        }
    }

    static func noData(_ spec: ChartSpec) -> String {
        "<rect x=\"120\" y=\"110\" width=\"400\" height=\"150\" fill=\"#f4f4f4\" stroke=\"#999999\" stroke-dasharray=\"4 3\"/>\n"
            + "<text x=\"\(width / 2)\" y=\"192\" text-anchor=\"middle\" style=\"font-size:16px;fill:#333333\">本年度没有相关数据</text>\n"
    }

    // MARK: Helpers

    static func fractionOf(_ part: DecimalNumber, _ whole: DecimalNumber) -> Double {
        guard !whole.isZero, let ratio = DecimalNumber.divide(part, by: whole, decimals: 9) else { return 0 }
        return double(ratio)
    }

    static func double(_ d: DecimalNumber) -> Double {
        Double(d.mantissa) / pow(10, Double(d.scale))
    }

    static func point(_ cx: Double, _ cy: Double, _ r: Double, _ degrees: Double) -> (Double, Double) {
        let rad = degrees * .pi / 180
        return (cx + r * cos(rad), cy + r * sin(rad))
    }

    /// Two decimals, no exponent, no "-0.00": stable text for the same geometry.
    static func f(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        let value = rounded == 0 ? 0 : rounded
        return String(format: "%.2f", value)
    }

    /// Wraps a label every `width` characters (CJK text has no spaces to break at).
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        let w = max(width, 4)
        var lines: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if current.count >= w { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

}
