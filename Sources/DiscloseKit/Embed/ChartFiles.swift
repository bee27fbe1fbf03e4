import DiscloseCore
import Foundation

/// Every file of one chart under `<folder>/charts/`: the SVG in both layouts, the PNG renditions, the
/// data as CSV and the embed page. Returns the figure context the page templates show it with.
enum ChartFiles {
    /// `folder` is the chart's page folder relative to the site root ("unit/2024" or "unit").
    static func write(_ spec: ChartSpec, folder: String, folderURL: String, templates: TemplateSet, site: [String: Any],
                      pageTitle: String, pageURL: String, png: Bool = true, pngCache: ChartPNGCache? = nil, into files: inout [String: Data]) -> [String: Any] {
        let wide = SVGChart.drawing(spec)
        files["\(folder)/charts/\(spec.id).svg"] = Data(wide.svg.utf8)
        files["\(folder)/charts/\(spec.id)-narrow.svg"] = Data(SVGChart.render(spec, layout: .narrow).utf8)
        // PNG renditions (librsvg) for portals that take only images. A chart librsvg cannot draw keeps its
        // SVG; the PNG links then fail, which the browser tests would report. Without `png` (the preview)
        // they are drawn from the SVG when asked for (`ChartPNG.Deferred`).
        // The same SVG bytes give the same PNG: `pngCache` keeps them between builds.
        if png {
            for (name, data) in (try? ChartPNG.renditions(id: spec.id, svg: wide.svg, height: wide.height, cache: pngCache)) ?? [:] {
                files["\(folder)/charts/\(name)"] = data
            }
        }
        files["\(folder)/charts/\(spec.id).csv"] = Data(ChartCSV.csv(spec).utf8)
        let chart = ReportPage.figure(spec, folderURL: folderURL, titledHeight: wide.height)
        // From <folder>/charts/ back to the site root, for the shared assets.
        let root = String(repeating: "../", count: folder.split(separator: "/").count + 1)
        let context: [String: Any] = ["chart": chart, "reportTitle": pageTitle, "reportURL": "\(pageURL)#figure-\(spec.id)", "site": site,
                                      "root": root]
        files["\(folder)/charts/\(spec.id).html"] = Data(templates.render("chart", context).utf8)
        return chart
    }
}
