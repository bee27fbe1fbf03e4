import DiscloseCore
import Foundation

/// The print HTML of a report (Templates/print.mustache with Templates/assets/print.css inline): the
/// document an auditor downloads, not the web page. A cover with unit, year and 公开日期; a 目录 whose page
/// numbers the engine fills in (target-counter); the five parts; every 附表 as the official sheet prints
/// it — 公开NN表 number, title, 编制单位, 单位, 行次/栏次 — on a landscape page when it is too wide for a
/// portrait one. Pure: the same report gives the same bytes.
struct PrintDocument {
    let page: ReportPage
    let site: Site
    /// The report's 附表 as built for the site (numbering is added here, for print only).
    let tables: [TableModel]
    let charts: [ChartSpec]
    /// Templates/assets/print.css.
    let css: String

    static let template = "print"
    static let stylesheet = "assets/print.css"
    /// Tables print in 9 pt type on a portrait A4 page 174 mm wide: about 54 ems. Wider ones turn landscape,
    /// and so do layouts of ten columns or more whatever their figures (the 三公 table, 收入决算表, 支出决算表…),
    /// so that a layout prints the same way in every report and year.
    static let portraitTableEms = 54.0
    static let landscapeColumns = 10

    static func landscape(_ printed: TableModel) -> Bool {
        printed.columnCount >= landscapeColumns || TableWidth.ems(printed) > portraitTableEms
    }

    var report: Report { page.report }
    var unit: UnitInfo { page.unit }

    /// 公开01表, 公开02表…: the sheet numbers of the table set, in its order.
    static func sheetNumber(_ index: Int) -> String {
        "公开" + (index < 9 ? "0" : "") + "\(index + 1)表"
    }

    /// "2021-09-10" → "2021年9月10日"; other text as written.
    static func chineseDate(_ iso: String?) -> String? {
        guard let iso = iso?.trimmingCharacters(in: .whitespaces), !iso.isEmpty else { return nil }
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return iso }
        return "\(y)年\(m)月\(d)日"
    }

    /// A chart as the print template receives it: an image (so that the PDF's figure carries the chart's
    /// description as its alternative text) with its caption.
    /// A chart taller than this (a long legend) gets the print layout's tall figure style.
    static let regularChartHeight = 360

    static func figure(_ spec: ChartSpec) -> [String: Any] {
        let svg = SVGChart.render(spec, drawTitle: false)
        return ["id": "figure-\(spec.id)", "number": spec.number, "title": spec.title, "kind": spec.kind.label,
                "src": "data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())", "alt": spec.description,
                "width": SVGChart.width, "height": SVGChart.height(of: spec), "tall": SVGChart.height(of: spec) > Self.regularChartHeight]
    }

    /// The 附表 as the print template receives them.
    func printedTables() -> [[String: Any]] {
        tables.enumerated().map { index, table in
            let printed = OfficialNumbering.apply(table)
            let sheet = Self.sheetNumber(index)
            return ["id": table.id, "anchor": "table-\(table.id)", "sheet": sheet, "number": table.number, "title": table.title,
                    "unitLine": table.unitLine, "preparer": "编制单位：\(unit.name)",
                    "continued": "\(sheet)　\(table.title)（续表）　\(table.unitLine)",
                    "landscape": Self.landscape(printed),
                    "tableHTML": TableHTML.html(printed, caption: false, joinedCodes: false),
                    "note": table.note as Any, "emptyNote": table.emptyNote as Any]
        }
    }

    func context() -> [String: Any] {
        let figures = charts.map(Self.figure)
        var context = page.context(root: "", site: site, folderURL: "", tables: tables, figures: figures) { _ in "" }
        let kind = page.kindWord
        let printedTables = printedTables()
        let published = Self.chineseDate(report.publishedOn)
        context["css"] = css
        context["cover"] = ["unitName": unit.name, "title": "\(report.year)年度\(kind)决算", "publishedOn": published as Any,
                            "publisher": site.publisher]
        context["running"] = "\(unit.name) · \(report.year)年度\(kind)决算"
        context["meta"] = ["author": unit.name, "subject": page.title, "keywords": "\(unit.name), \(report.year)年度, \(kind)决算, 决算公开",
                           "created": report.publishedOn.map { $0.trimmingCharacters(in: .whitespaces) } as Any]
        context["printTables"] = printedTables
        context["printTOC"] = toc(context: context, tables: printedTables)
        return context
    }

    /// The 目录: the parts, their sections, and every 附表 with its sheet number.
    func toc(context: [String: Any], tables: [[String: Any]]) -> [[String: Any]] {
        func entry(_ id: String, _ title: String, level: Int) -> [String: Any] {
            ["id": id, "title": title, "level1": level == 1, "level2": level == 2]
        }
        let part = { (key: String) in (context[key] as? [String: Any])?["title"] as? String ?? "" }
        var out = [entry("part-1", part("part1"), level: 1),
                   entry("p1-1", "一、基本职能及主要工作", level: 2), entry("p1-2", "二、机构设置", level: 2),
                   entry("part-2", part("part2"), level: 1)]
        for section in (context["part2"] as? [String: Any])?["sections"] as? [[String: Any]] ?? [] {
            out.append(entry(section["id"] as? String ?? "", section["heading"] as? String ?? "", level: 2))
        }
        out.append(entry("part-3", part("part3"), level: 1))
        out.append(entry("part-4", part("part4"), level: 1))
        let performance = context["part4"] as? [String: Any] ?? [:]
        out.append(entry("p4-1", performance["reportTitle"] as? String ?? "", level: 2))
        if performance["hasProjects"] as? Bool == true {
            out.append(entry("p4-2", "项目支出绩效自评表（\(report.year)年度）", level: 2))
        }
        out.append(entry("part-5", part("part5"), level: 1))
        for table in tables {
            out.append(entry(table["anchor"] as? String ?? "", "\(table["number"] ?? "")、\(table["title"] ?? "")（\(table["sheet"] ?? "")）", level: 2))
        }
        return out
    }

    func html(templates: TemplateSet) -> String {
        templates.render(Self.template, context())
    }

    /// The PDF file identifier: derived from the document, so the same document gets the same bytes and
    /// a changed one a new identifier.
    func identifier(of html: String) -> String {
        var hash = FNV1a()
        hash.add(html)
        return "\(unit.id)-\(report.year)-" + String(hash.value, radix: 16)
    }
}
