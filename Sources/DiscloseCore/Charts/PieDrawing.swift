import Foundation

/// A pie with its legend: beside the disc in the wide layout, below it in the narrow one. Zero items
/// are not drawn (the frame notes them); every drawn item has its number, name, amount and share in
/// the legend, and wide wedges carry the number too.
enum PieDrawing {
    static func draw(_ spec: ChartSpec, on canvas: inout ChartCanvas) {
        let layout = canvas.layout
        let items = spec.drawnItems
        let wide = layout.variant == .wide
        let r = wide ? 118.0 : 104.0
        let top = canvas.y + 10
        let cx = wide ? layout.margin + r + 4 : layout.width / 2
        let legendX = wide ? cx + r + 28 : layout.margin
        let legendWidth = layout.width - layout.margin - legendX
        let legendTop = wide ? top : top + 2 * r + 18
        let legendBottom = legend(spec, items: items, x: legendX, width: legendWidth, top: legendTop, on: &canvas)
        let legendHeight = legendBottom - legendTop
        // The disc is centred against a tall legend in the wide layout.
        let cy = wide ? top + max(r, legendHeight / 2) : top + r
        wedges(spec, items: items, cx: cx, cy: cy, r: r, on: &canvas)
        canvas.y = max(wide ? cy + r : top + 2 * r, legendBottom) + 6
    }

    static func wedges(_ spec: ChartSpec, items: [ChartSpec.Item], cx: Double, cy: Double, r: Double, on canvas: inout ChartCanvas) {
        let total = DecimalNumber.sum(items.map(\.value))
        var angle = -90.0
        let numberSize = max(canvas.layout.text, 14)
        for (index, item) in items.enumerated() {
            let color = SVGChart.palette[index % SVGChart.palette.count]
            let sweep = SVGChart.fractionOf(item.value, total) * 360
            let start = SVGChart.point(cx, cy, r, angle), end = SVGChart.point(cx, cy, r, angle + sweep)
            let large = sweep > 180 ? 1 : 0
            let f = SVGChart.f
            canvas.raw("<path d=\"M\(f(cx)),\(f(cy)) L\(f(start.0)),\(f(start.1)) A\(f(r)),\(f(r)) 0 \(large) 1 \(f(end.0)),\(f(end.1)) Z\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1.5\" data-angle=\"\(f(sweep))\" data-share=\"\(spec.share(item))\"/>")
            // A number on wedges wide enough to hold it; the legend names every wedge.
            if sweep >= 18 {
                let mid = SVGChart.point(cx, cy, r * 0.66, angle + sweep / 2)
                canvas.text("\(index + 1)", x: mid.0, y: mid.1 + numberSize * 0.36, size: numberSize, bold: true, fill: "#ffffff", anchor: .middle)
            }
            angle += sweep
        }
    }

    /// Swatch with the item's number, the wrapped name, then amount and share; returns the bottom.
    static func legend(_ spec: ChartSpec, items: [ChartSpec.Item], x: Double, width: Double, top: Double, on canvas: inout ChartCanvas) -> Double {
        let size = canvas.layout.text
        let swatch = size + 6
        let textX = x + swatch + 8
        let saved = canvas.y
        canvas.y = top
        for (index, item) in items.enumerated() {
            let color = SVGChart.palette[index % SVGChart.palette.count]
            canvas.rect(x: x, y: canvas.y + 2, width: swatch, height: swatch, fill: color)
            canvas.text("\(index + 1)", x: x + swatch / 2, y: canvas.y + 2 + swatch / 2 + size * 0.36, size: size, bold: true, fill: "#ffffff", anchor: .middle)
            canvas.paragraph(item.label, x: textX, maxWidth: width - swatch - 8, size: size)
            canvas.paragraph("\(Derived.tableMoney(item.value))（\(spec.share(item))%）", x: textX, maxWidth: width - swatch - 8, size: size, fill: "#333333")
            canvas.y += 6
        }
        let bottom = canvas.y
        canvas.y = saved
        return bottom
    }
}
