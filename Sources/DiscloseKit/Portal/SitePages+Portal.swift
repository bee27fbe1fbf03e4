import DiscloseCore
import Foundation

extension SitePages {
    /// A report's portal bundle, from its rendered article, its chart PNGs and its 附表 workbook.
    func portalFiles(_ reportPage: ReportPage, context: [String: Any], folder: String, contentRoot: URL, tables: [TableModel],
                     files: [String: Data]) -> [String: Data] {
        let report = reportPage.report, unit = reportPage.unit
        var ctx = context
        ctx["root"] = "../../"
        ctx["site"] = siteContext
        let article = templates.render("report", ctx)
        let charts = reportPage.chartSpecs
        var pngs: [String: Data] = [:]
        for spec in charts {
            let name = ChartPNG.fileName(spec.id, scale: 1)
            if let png = files["\(folder)/charts/\(name)"] { pngs[name] = png }
        }
        let workbook = files["\(folder)/tables.xlsx"] ?? (try? XLSXWriter.workbook(tables, unitName: unit.name))
        // PDFs the finance staff keep in the report folder (a signed or printed edition), under plain names.
        let reportFolder = contentRoot.appendingPathComponent("\(report.unitID)/\(report.year)")
        let pdfNames = ((try? FileManager.default.contentsOfDirectory(atPath: reportFolder.path)) ?? [])
            .filter { $0.lowercased().hasSuffix(".pdf") }.sorted()
        let pdfs = pdfNames.enumerated().compactMap { index, name -> (name: String, data: Data)? in
            guard let data = try? Data(contentsOf: reportFolder.appendingPathComponent(name)) else { return nil }
            return ("\(unit.id)-\(report.year)\(index == 0 ? "" : "-\(index + 1)").pdf", data)
        }
        let kind = reportPage.kindWord
        let metadata = PortalBundle.Metadata(
            articleTitle: reportPage.title, pubDate: report.publishedOn, contentSource: unit.name,
            columnName: "\(kind)决算", keywords: [unit.shortName, "\(report.year)年度", "\(kind)决算", "决算公开"],
            description: "\(unit.name)\(report.year)年度\(kind)决算：\(kind)概况、决算情况说明、名词解释、附件和附表。")
        let bundle = (try? PortalBundle.files(articleHTML: article, title: reportPage.title, charts: charts, pngs: pngs, workbook: workbook,
                                              workbookName: "\(unit.id)-\(report.year)-tables.xlsx", pdfs: pdfs, metadata: metadata)) ?? [:]
        var out: [String: Data] = [:]
        for (path, data) in bundle { out["\(folder)/\(path)"] = data }
        return out
    }
}
