import DiscloseCore
import Foundation

/// The print HTML of a report (Templates/print.mustache with Templates/assets/print.css inline): the
/// document an auditor downloads, not the web page. A cover with unit, year and 公开日期; a 目录 whose page
/// numbers the engine fills in (target-counter); the parts in the report profile's order, printed by
/// the web page's partials where they serve (Templates/print-parts/ where print differs); every 附表
/// as the official sheet prints it — 公开NN表 number, title, 编制单位, 单位, 行次/栏次 — on a landscape page when it is too wide for a
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

    /// The partial that prints a part: the print one of its template (Templates/print-parts/), else the web
    /// page's (Templates/parts/, which leave out what only a screen needs when `print` is set), else those
    /// of its kind. The parts, their order and their headings are the profile's, as on the web page.
    static func partial(for part: ReportProfile.Part, in templates: TemplateSet) -> String {
        let names = ["print-parts/\(part.template)", "parts/\(part.template)", "print-parts/\(part.kind.rawValue)", "parts/\(part.kind.rawValue)"]
        return names.first(where: templates.has) ?? names.last!
    }

    func context(templates: TemplateSet) -> [String: Any] {
        let figures = charts.map(Self.figure)
        var context = page.context(root: "", site: site, folderURL: "", tables: tables, figures: figures) { _ in "" }
        let kind = page.kindWord
        let printedTables = printedTables()
        let published = Self.chineseDate(report.publishedOn)
        context["css"] = css
        context["print"] = true
        context["cover"] = ["unitName": unit.name, "title": "\(report.year)年度\(kind)决算", "publishedOn": published as Any,
                            "publisher": site.publisher]
        context["running"] = "\(unit.name) · \(report.year)年度\(kind)决算"
        context["meta"] = ["author": unit.name, "subject": page.title, "keywords": "\(unit.name), \(report.year)年度, \(kind)决算, 决算公开",
                           "created": report.publishedOn.map { $0.trimmingCharacters(in: .whitespaces) } as Any]
        context["printTables"] = printedTables
        let parts = page.renderedParts(context) { Self.partial(for: $0, in: templates) }
        context["printParts"] = parts.map(\.html).joined(separator: "\n\n")
        context["printTOC"] = Self.toc(parts: parts.map { (page.partTitle($0.part), $0.part, $0.html) }, tables: printedTables)
        return context
    }

    /// The 目录, in the document's order: each part, then the headings it prints at the section level
    /// (`<h3 id="…-title">`), read from the rendered part so that the 目录 and the pages cannot disagree and
    /// no heading is written twice; under the tables part, every 附表 with its sheet number.
    static func toc(parts: [(title: String, part: ReportProfile.Part, html: String)], tables: [[String: Any]]) -> [[String: Any]] {
        func entry(_ id: String, _ title: String, level: Int) -> [String: Any] {
            ["id": id, "title": title, "level1": level == 1, "level2": level == 2]
        }
        var out: [[String: Any]] = []
        for (title, part, html) in parts {
            out.append(entry(part.id, title, level: 1))
            if part.kind == .tables {
                for table in tables {
                    out.append(entry(table["anchor"] as? String ?? "", "\(table["number"] ?? "")、\(table["title"] ?? "")（\(table["sheet"] ?? "")）", level: 2))
                }
                continue
            }
            for (id, heading) in sectionHeadings(html) { out.append(entry(id, heading, level: 2)) }
        }
        return out
    }

    private static let sectionHeading = try! NSRegularExpression(pattern: #"<h3 id="([^"]+)-title"[^>]*>(.*?)</h3>"#, options: [.dotMatchesLineSeparators])

    /// The `<h3 id="X-title">` headings of rendered HTML as (X, text), the text unescaped (the 目录 escapes it again).
    static func sectionHeadings(_ html: String) -> [(id: String, text: String)] {
        let range = NSRange(html.startIndex..., in: html)
        return sectionHeading.matches(in: html, range: range).compactMap { match in
            guard let id = Range(match.range(at: 1), in: html), let text = Range(match.range(at: 2), in: html) else { return nil }
            return (String(html[id]), Markup.unescape(String(html[text])))
        }
    }

    func html(templates: TemplateSet) -> String {
        templates.render(Self.template, context(templates: templates))
    }

    /// The PDF file identifier: derived from the document, so the same document gets the same bytes and
    /// a changed one a new identifier.
    func identifier(of html: String) -> String {
        var hash = FNV1a()
        hash.add(html)
        return "\(unit.id)-\(report.year)-" + String(hash.value, radix: 16)
    }
}
