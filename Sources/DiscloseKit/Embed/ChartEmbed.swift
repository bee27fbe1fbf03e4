import DiscloseCore
import Foundation

/// The codes a chart offers for other sites. An iframe of its embed page (`charts/<id>.html`) with a
/// few lines of script that size it to the height the page posts (as Datawrapper's responsive embed
/// does), and a `<noscript>` PNG for pages or editors without script; or a plain image.
enum ChartEmbed {
    /// The embed page's height around the chart at its natural width: padding, heading, the 数据表
    /// toggle and the two lines of links (measured in Chromium; the script corrects it anyway).
    static let pageChrome = 140

    /// The heights of a chart's wide drawing with its title (the standalone SVG and PNG) and without
    /// (the embed page), measured once by drawing.
    struct Heights {
        var titled: Int
        var untitled: Int

        init(titled: Int, untitled: Int) {
            self.titled = titled
            self.untitled = untitled
        }

        init(_ spec: ChartSpec) {
            self.init(titled: SVGChart.height(of: spec), untitled: SVGChart.height(of: spec, drawTitle: false))
        }
    }

    static func defaultHeight(_ spec: ChartSpec) -> Int {
        SVGChart.height(of: spec, drawTitle: false) + pageChrome
    }

    /// "https://example.gov.cn" from "https://example.gov.cn/juesuan/…": messages from anywhere else are ignored.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host,
              scheme == "https" || scheme == "http" else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    static func iframe(_ spec: ChartSpec, folderURL: String, heights: Heights? = nil) -> String {
        let heights = heights ?? Heights(spec)
        let page = "\(folderURL)charts/\(spec.id).html"
        let png = "\(folderURL)charts/\(ChartPNG.fileName(spec.id, scale: 1))"
        let height = heights.untitled + pageChrome
        let originCheck = origin(of: page).map { "e.origin!==\"\($0)\"||" } ?? ""
        return """
        <iframe src="\(page)" title="\(Markup.escape("\(spec.number) \(spec.title)"))" width="660" height="\(height)" style="border:0;width:100%;max-width:660px" scrolling="no" loading="lazy" data-disclose-chart="\(spec.id)"></iframe>
        <script>window.addEventListener("message",function(e){var d=e.data;if(\(originCheck)!d||d.type!=="disclose-chart-height")return;document.querySelectorAll("iframe[data-disclose-chart]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px";});});</script>
        <noscript><img src="\(png)" alt="\(Markup.escape(spec.fullDescription))" width="\(SVGChart.width)" height="\(heights.titled)" style="max-width:100%;height:auto"></noscript>
        """
    }

    /// `<picture>`: the narrow SVG where the viewport is under the layout breakpoint, else the wide one;
    /// the alt text carries every figure, the unit, the year and the source.
    static func picture(_ spec: ChartSpec, folderURL: String, heights: Heights? = nil) -> String {
        let height = heights?.titled ?? SVGChart.height(of: spec)
        let wide = "\(folderURL)charts/\(spec.id).svg", narrow = "\(folderURL)charts/\(spec.id)-narrow.svg"
        let breakpoint = Int(ChartLayout.breakpoint) - 1
        return "<picture><source media=\"(max-width: \(breakpoint)px)\" srcset=\"\(narrow)\">"
            + "<img src=\"\(wide)\" alt=\"\(Markup.escape(spec.fullDescription))\" width=\"\(SVGChart.width)\" height=\"\(height)\" style=\"max-width:100%;height:auto\"></picture>"
    }
}
