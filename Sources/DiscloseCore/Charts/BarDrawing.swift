/// Bars: vertical columns in the wide layout when there are few (two years side by side), horizontal
/// bars otherwise (the narrow layout, a long trend, a one-item pie): a horizontal bar has room for its
/// label and amount at any width.
enum BarDrawing {
    static let columnLimit = 4

    static func draw(_ spec: ChartSpec, on canvas: inout ChartCanvas) {
        if canvas.layout.variant == .wide, spec.drawnItems.count <= columnLimit, spec.kind == .bar {
            columns(spec, on: &canvas)
        } else {
            horizontal(spec, on: &canvas)
        }
    }

    /// The same items, as (value, pixel-length) against one scale that admits negative amounts.
    static func scale(_ values: [Double], length: Double) -> (zero: Double, perUnit: Double) {
        let maxValue = max(values.max() ?? 0, 0), minValue = min(values.min() ?? 0, 0)
        let span = maxValue - minValue == 0 ? 1 : maxValue - minValue
        return ((0 - minValue) / span * length, length / span)
    }

    static func columns(_ spec: ChartSpec, on canvas: inout ChartCanvas) {
        let layout = canvas.layout
        let items = spec.drawnItems
        let size = layout.text
        let left = layout.margin + 40, right = layout.width - layout.margin - 20
        let top = canvas.y + size + 24, plotHeight = 200.0, bottom = top + plotHeight
        let values = items.map { SVGChart.double($0.value) }
        let s = scale(values, length: plotHeight)
        let zeroY = bottom - s.zero
        let f = SVGChart.f
        canvas.raw("<line x1=\"\(f(left))\" y1=\"\(f(zeroY))\" x2=\"\(f(right))\" y2=\"\(f(zeroY))\" stroke=\"#333333\" stroke-width=\"1\"/>")
        let slot = (right - left) / Double(max(items.count, 1))
        let barWidth = min(110, slot * 0.5)
        var labelBottom = bottom
        for (index, item) in items.enumerated() {
            let v = values[index]
            let h = abs(v) * s.perUnit
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            let y = v >= 0 ? zeroY - h : zeroY
            canvas.rect(x: x, y: y, width: barWidth, height: h, fill: SVGChart.palette[index % SVGChart.palette.count],
                        extra: "data-value=\"\(Derived.money(item.value))\"")
            let labelY = v >= 0 ? y - 8 : y + h + size + 4
            canvas.text(Derived.tableMoney(item.value), x: x + barWidth / 2, y: labelY, size: size, bold: true, anchor: .middle)
            canvas.y = bottom + 6
            canvas.paragraph(item.label, x: x + barWidth / 2, maxWidth: slot - 8, size: size, anchor: .middle)
            labelBottom = max(labelBottom, canvas.y)
        }
        canvas.y = labelBottom + 6
    }

    /// One row per item: the label left and the amount right above a bar drawn from a shared zero line.
    static func horizontal(_ spec: ChartSpec, on canvas: inout ChartCanvas) {
        let layout = canvas.layout
        let items = spec.drawnItems
        let size = layout.text
        let left = layout.margin, length = layout.innerWidth
        let values = items.map { SVGChart.double($0.value) }
        let s = scale(values, length: length)
        let zeroX = left + s.zero
        let barHeight = size + 8
        canvas.y += 6
        let firstTop = canvas.y
        for (index, item) in items.enumerated() {
            let amount = Derived.tableMoney(item.value) + (spec.kind == .pie ? "（\(spec.share(item))%）" : "")
            let amountWidth = ChartLayout.textWidth(amount, size: size)
            let rowTop = canvas.y
            canvas.paragraph(item.label, x: left, maxWidth: length - amountWidth - 12, size: size)
            canvas.text(amount, x: left + length, y: rowTop + size * 1.35 - size * 0.35, size: size, bold: true, anchor: .end)
            let v = values[index]
            let w = abs(v) * s.perUnit
            canvas.rect(x: v >= 0 ? zeroX : zeroX - w, y: canvas.y + 3, width: w, height: barHeight,
                        fill: SVGChart.palette[index % SVGChart.palette.count], extra: "data-value=\"\(Derived.money(item.value))\"")
            canvas.y += barHeight + 3 + 10
        }
        let f = SVGChart.f
        canvas.raw("<line x1=\"\(f(zeroX))\" y1=\"\(f(firstTop))\" x2=\"\(f(zeroX))\" y2=\"\(f(canvas.y - 8))\" stroke=\"#333333\" stroke-width=\"1\"/>")
    }
}
