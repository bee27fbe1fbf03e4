import CRsvg
import DiscloseCore
import Foundation

/// PNG renditions of the chart SVGs, for portals that take only images: the same SVG bytes as
/// `charts/<id>.svg`, rasterised by librsvg at 1× (`<id>.png`) and 2× (`<id>@2x.png`).
public enum ChartPNG {
    public enum Failure: Error, CustomStringConvertible {
        case unreadableSVG, renderingFailed, encodingFailed

        public var description: String {
            switch self {
            case .unreadableSVG: return "librsvg 无法读取图表 SVG"
            case .renderingFailed: return "librsvg 绘制图表失败"
            case .encodingFailed: return "PNG 编码失败"
            }
        }
    }

    public static let scales = [1, 2]

    /// `charts/<id>.png`, `charts/<id>@2x.png`.
    public static func fileName(_ id: String, scale: Int) -> String {
        scale == 1 ? "\(id).png" : "\(id)@\(scale)x.png"
    }

    /// The SVG (as written to `<id>.svg`) at `scale` times its width and height attributes.
    public static func png(svg: String, width: Int, height: Int, scale: Int) throws -> Data {
        var bytes = Array(svg.utf8)
        var png: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { svgPointer in
                disclose_svg_to_png(svgPointer, buffer.count, Int32(width * scale), Int32(height * scale), &png, &length)
            }
        }
        defer { free(png) }
        switch status {
        case 0: break
        case 1: throw Failure.unreadableSVG
        case 2: throw Failure.renderingFailed
        default: throw Failure.encodingFailed
        }
        guard let png else { throw Failure.encodingFailed }
        return Data(bytes: png, count: length)
    }

    /// Both renditions of a chart, keyed by file name: from `cache` when it holds them.
    public static func renditions(_ spec: ChartSpec, cache: ChartPNGCache? = nil) throws -> [String: Data] {
        let drawing = SVGChart.drawing(spec)
        return try renditions(id: spec.id, svg: drawing.svg, height: drawing.height, cache: cache)
    }

    /// Both renditions of chart `id` drawn as `svg` (the wide layout, `height` high), keyed by file name.
    public static func renditions(id: String, svg: String, height: Int, cache: ChartPNGCache?) throws -> [String: Data] {
        let pngs = try cache?.renditions(svg: svg, width: SVGChart.width, height: height, scales: scales)
            ?? scales.map { try png(svg: svg, width: SVGChart.width, height: height, scale: $0) }
        var out: [String: Data] = [:]
        for (scale, png) in zip(scales, pngs) { out[fileName(id, scale: scale)] = png }
        return out
    }
}
