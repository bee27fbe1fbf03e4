import DiscloseCore
import Foundation

extension SitePages {
    /// The report's printed document, typeset by the engine; nil when PDFs were not asked for, when no
    /// engine is installed, or when the engine failed (then the failure is logged and the report page
    /// simply offers no PDF).
    func printedDocument(_ page: ReportPage, tables: [TableModel], charts: [ChartSpec]) -> Data? {
        guard let log = pdf, let engine = pdfEngine else { return nil }
        let name = "\(page.unit.id)/\(page.report.year)"
        guard let css = templates.assets.first(where: { $0.path == PrintDocument.stylesheet }) else {
            log.failed(name, "Templates/\(PrintDocument.stylesheet) is missing")
            return nil
        }
        let document = PrintDocument(page: page, site: site, tables: tables, charts: charts, css: String(decoding: css.data, as: UTF8.self))
        let html = document.html(templates: templates)
        switch engine.render(html: html, identifier: document.identifier(of: html)) {
        case .success(let data):
            log.written()
            return data
        case .failure(.cannotStart(let why)):
            log.failed(name, why)
        case .failure(.failed(let status, let message)):
            log.failed(name, "exit \(status): \(message)")
        }
        return nil
    }
}
