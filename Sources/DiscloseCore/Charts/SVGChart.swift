import Foundation

/// Draws a `ChartSpec` as a standalone, self-contained SVG: inline styles, a CJK font stack, viewBox plus
/// width and height, no scripts and no external references. Deterministic: same spec, same bytes.
/// Geometry uses Double (pixels); every number printed in the chart comes from the exact values.
public enum SVGChart {
    /// The wide layout's width, the size of the standalone `<id>.svg`.
    public static let width = Int(ChartLayout.wide.width)
    static let fontStack = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"

    /// Okabe–Ito based palette, darkened so that every colour has at least 3:1 contrast with white.
    public static let palette = ["#0072B2", "#C0392B", "#007A5A", "#8E44AD", "#9A6700", "#2C3E50", "#B03A78", "#5D6D7E"]

    /// The height of a chart's drawing in a layout: whatever its legend, labels and notes need.
    public static func height(of spec: ChartSpec, layout: ChartLayout = .wide, drawTitle: Bool = true) -> Int {
        draw(spec, drawTitle: drawTitle, layout: layout).height
    }

    /// `drawTitle: false` leaves the visible title to the page's figure caption (the <title> stays).
    /// The unit, period, 单位 and source line are always drawn: the image says whose it is.
    public static func render(_ spec: ChartSpec, drawTitle: Bool = true, layout: ChartLayout = .wide) -> String {
        draw(spec, drawTitle: drawTitle, layout: layout).svg
    }

    /// The SVG and its height, drawn once (a rasteriser needs both).
    public static func drawing(_ spec: ChartSpec, drawTitle: Bool = true, layout: ChartLayout = .wide) -> (svg: String, height: Int) {
        draw(spec, drawTitle: drawTitle, layout: layout)
    }

    /// Both layouts for a page that switches between them by its width (see site.css, `.chart-svg`).
    public static func renderResponsive(_ spec: ChartSpec, drawTitle: Bool = true) -> String {
        ChartLayout.all.map { render(spec, drawTitle: drawTitle, layout: $0) }.joined()
    }

    static func draw(_ spec: ChartSpec, drawTitle: Bool, layout: ChartLayout) -> (svg: String, height: Int) {
        let size = layout.text, step = size * 1.35
        let width = layout.width
        var canvas = ChartCanvas(layout: layout, y: layout.margin - 6)
        if drawTitle {
            canvas.paragraph("\(spec.number) \(spec.title)", x: width / 2, maxWidth: layout.innerWidth, size: layout.title, bold: true, anchor: .middle)
            canvas.y += 2
        }
        let unitLabel = "单位：\(spec.unit.rawValue)"
        let subtitleTop = canvas.y
        if let caption = spec.caption {
            canvas.paragraph("\(caption.unitName)　\(caption.period)", x: layout.margin,
                             maxWidth: layout.innerWidth - ChartLayout.textWidth(unitLabel, size: size) - 12, size: size, fill: "#444444")
        } else {
            canvas.y += step
        }
        canvas.text(unitLabel, x: width - layout.margin, y: subtitleTop + step * 0.74, size: size, fill: "#444444", anchor: .end)
        if spec.kind == .bar, spec.items.count == 2, !spec.isEmpty, let change = changeNote(spec) {
            canvas.paragraph("\(spec.items[1].label)比\(spec.items[0].label)\(change)", x: layout.margin, maxWidth: layout.innerWidth, size: size, fill: "#333333")
        }
        canvas.y += 4
        if spec.isEmpty {
            noData(on: &canvas)
        } else if spec.kind == .pie, !spec.isSingleSlice {
            PieDrawing.draw(spec, on: &canvas)
        } else {
            BarDrawing.draw(spec, on: &canvas)
        }
        if let note = spec.zeroNote {
            canvas.y += 4
            canvas.paragraph(note, x: layout.margin, maxWidth: layout.innerWidth, size: size, fill: "#444444")
        }
        if let caption = spec.caption {
            canvas.y += 4
            canvas.paragraph(caption.source, x: layout.margin, maxWidth: layout.innerWidth, size: size, fill: "#444444")
        }
        let height = Int((canvas.y + layout.margin - 4).rounded(.up))
        let w = Int(width)
        // XML ids cannot start with a digit; the narrow drawing sits next to the wide one in a page.
        let suffix = layout.variant == .wide ? "" : "-\(layout.variant.rawValue)"
        let titleID = "chart-\(spec.id)\(suffix)-title", descID = "chart-\(spec.id)\(suffix)-desc"
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(height)" viewBox="0 0 \(w) \(height)" role="img" aria-labelledby="\(titleID) \(descID)" class="chart-\(layout.variant.rawValue)" data-layout="\(layout.variant.rawValue)" style="font-family:\(fontStack);background:#ffffff">
        <title id="\(titleID)">\(Markup.escape("\(spec.number) \(spec.title)"))</title>
        <desc id="\(descID)">\(Markup.escape(spec.fullDescription))</desc>
        <rect x="0" y="0" width="\(w)" height="\(height)" fill="#ffffff"/>
        \(canvas.body)</svg>

        """
        return (svg, height)
    }

    static func changeNote(_ spec: ChartSpec) -> String? {
        guard let c = spec.change else { return nil }
        switch c.direction {
        case .unchanged: return "持平"
        case .increase: return "增加 \(Derived.tableMoney(c.delta.magnitude))" + (c.rate.map { "，增长 \(Derived.percent($0))%" } ?? "")
        case .decrease: return "减少 \(Derived.tableMoney(c.delta.magnitude))" + (c.rate.map { "，下降 \(Derived.percent($0))%" } ?? "")
        }
    }

    static func noData(on canvas: inout ChartCanvas) {
        let layout = canvas.layout
        let top = canvas.y + 8, height = 110.0
        canvas.rect(x: layout.margin, y: top, width: layout.innerWidth, height: height, fill: "#f4f4f4",
                    extra: "stroke=\"#999999\" stroke-dasharray=\"4 3\"")
        canvas.text("本年度没有相关数据", x: layout.width / 2, y: top + height / 2 + layout.text * 0.4, size: layout.text + 2, fill: "#333333", anchor: .middle)
        canvas.y = top + height + 8
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
        let hundredths = (x * 100).rounded()
        // Whole hundredths print exactly as "%.2f" prints them, without Foundation's formatter (the
        // largest cost of drawing a chart); anything a chart never has keeps the formatter.
        guard hundredths.isFinite, abs(hundredths) < 1e15 else {
            let rounded = hundredths / 100
            return String(format: "%.2f", rounded == 0 ? 0 : rounded)
        }
        let n = Int64(hundredths)
        let magnitude = n.magnitude
        let fraction = magnitude % 100
        return (n < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

}
