import DiscloseCore

/// Everything the report page template (Templates/report.mustache) receives. Numbers come from the
/// model; sentences from Templates/part2; narrative from Markdown through libcmark.
struct ReportPage {
    let report: Report
    let unit: UnitInfo
    let templates: TemplateSet
    let codes: CodeLists
    /// The report's figures, derived once for its tables, Part 2, charts and report.json.
    let figures: ReportFigures

    init(report: Report, unit: UnitInfo, templates: TemplateSet, codes: CodeLists, figures: ReportFigures? = nil) {
        self.report = report
        self.unit = unit
        self.templates = templates
        self.codes = codes
        self.figures = figures ?? ReportFigures(report)
    }

    var functionalCodes: CodeList? { codes.list(.functional, year: report.year) }
    var kindWord: String { report.kind == .department ? "部门" : "单位" }
    var title: String { "\(unit.name)\(report.year)年度\(kindWord)决算" }
    var tables: [TableModel] { TableBuilder(figures: figures, unitName: unit.name, codes: codes).tables() }

    /// Narrative sits under the page's own headings: under an h4 Markdown's ### becomes h5, under an h3 it becomes h4.
    static func html(_ doc: Narrative.Document?, under level: Int = 4) -> String? {
        doc.map { MarkdownRenderer.html($0.markdown, headingOffset: level - 2) }
    }

    func paragraph(_ slot: ParagraphSlot, _ part2: Part2Context) -> String {
        if let own = report.narrative.paragraphs[slot] { return MarkdownRenderer.html(own.markdown) }
        return templates.render("part2/\(slot.rawValue)", part2.context(for: slot))
    }

    // MARK: Figures

    /// The report's charts, each saying in the image whose it is (unit, year, source).
    var chartSpecs: [ChartSpec] {
        let caption = ChartCaption.report(unitName: unit.name, year: report.year, kindWord: kindWord)
        return ReportCharts.specs(figures, codes: codes).map { $0.captioned(caption) }
    }

    /// A chart as the figure partial receives it: the SVG inline, its data, its permalink and embed codes.
    /// `titledHeight`: the height of the standalone (titled, wide) SVG when the caller has drawn it.
    static func figure(_ spec: ChartSpec, folderURL: String, titledHeight: Int? = nil) -> [String: Any] {
        let svgURL = "\(folderURL)charts/\(spec.id).svg"
        // Each drawing once: the page's two layouts without title, and the heights the embed codes give.
        let wide = SVGChart.drawing(spec, drawTitle: false, layout: .wide)
        let responsive = wide.svg + SVGChart.render(spec, drawTitle: false, layout: .narrow)
        let heights = ChartEmbed.Heights(titled: titledHeight ?? SVGChart.height(of: spec), untitled: wide.height)
        return ["id": "figure-\(spec.id)", "number": spec.number, "title": spec.title, "kind": spec.kind.label,
                "unit": spec.unit.rawValue, "hasShare": spec.kind.showsShares, "empty": spec.isEmpty,
                "svg": responsive, "svgURL": "charts/\(spec.id).svg", "pageURL": "charts/\(spec.id).html", "csvURL": "charts/\(spec.id).csv",
                "permalink": svgURL,
                "iframe": ChartEmbed.iframe(spec, folderURL: folderURL, heights: heights),
                "svgName": "\(spec.id).svg", "pngName": ChartPNG.fileName(spec.id, scale: 1), "csvName": "\(spec.id).csv",
                "pngURL": "charts/\(ChartPNG.fileName(spec.id, scale: 1))", "png2xURL": "charts/\(ChartPNG.fileName(spec.id, scale: 2))",
                "img": ChartEmbed.picture(spec, folderURL: folderURL, heights: heights),
                "rows": spec.items.map { ["label": $0.label, "value": Derived.tableMoney($0.value), "hasShare": spec.kind.showsShares, "sharePercent": spec.share($0)] as [String: Any] }]
    }

    // MARK: The page

    /// `tables` and `figures` may be passed in when the caller has built them already (the site build
    /// also writes them as files): building them is a good part of a page's cost.
    func context(root: String, site: Site, folderURL: String, tables prebuilt: [TableModel]? = nil,
                 figures prebuiltFigures: [[String: Any]]? = nil, csvURL: (TableModel) -> String) -> [String: Any] {
        let part2 = Part2Context(figures: figures, unitName: unit.name, codes: functionalCodes)
        let figureList = prebuiltFigures ?? chartSpecs.map { Self.figure($0, folderURL: folderURL) }
        var figures: [Int: [String: Any]] = [:]
        for (i, figure) in figureList.enumerated() { figures[i + 1] = figure }
        func section(_ id: String, _ heading: String, _ slots: [ParagraphSlot], figure: Int? = nil, level: Int = 3, children: [[String: Any]] = []) -> [String: Any] {
            ["id": id, "heading": heading, "level3": level == 3, "level4": level == 4,
             "html": slots.map { paragraph($0, part2) }.joined(separator: "\n"), "figure": figure.flatMap { figures[$0] } as Any,
             "children": children, "hasChildren": !children.isEmpty]
        }
        let part2Sections: [[String: Any]] = [
            section("p2-1", "一、收入支出决算总体情况说明", [.total], figure: 1),
            section("p2-2", "二、收入决算情况说明", [.income], figure: 2),
            section("p2-3", "三、支出决算情况说明", [.expenditure], figure: 3),
            section("p2-4", "四、财政拨款收入支出决算总体情况说明", [.appropriation], figure: 4),
            section("p2-5", "五、一般公共预算财政拨款支出决算情况说明", [], children: [
                section("p2-5-1", "（一）一般公共预算财政拨款支出决算总体情况", [.generalBudgetOverall], figure: 5, level: 4),
                section("p2-5-2", "（二）一般公共预算财政拨款支出决算结构情况", [.generalBudgetStructure], figure: 6, level: 4),
                section("p2-5-3", "（三）一般公共预算财政拨款支出决算具体情况", [.generalBudgetItems], level: 4),
            ]),
            section("p2-6", "六、一般公共预算财政拨款基本支出决算情况说明", [.basic]),
            section("p2-7", "七、财政拨款“三公”经费支出决算情况说明", [], children: [
                section("p2-7-1", "（一）“三公”经费财政拨款支出决算总体情况说明", [.threePublicOverall], level: 4),
                section("p2-7-2", "（二）“三公”经费财政拨款支出决算具体情况说明", [.threePublicItems], figure: 7, level: 4),
            ]),
            section("p2-8", "八、政府性基金预算支出决算情况说明", [.governmentFund]),
            section("p2-9", "九、国有资本经营预算支出决算情况说明", [.stateCapital]),
            section("p2-10", "十、其他重要事项的情况说明", [], children: [
                section("p2-10-1", "（一）机关运行经费支出情况", [.agencyOperatingCost], level: 4),
                section("p2-10-2", "（二）政府采购支出情况", [.procurement], level: 4),
                section("p2-10-3", "（三）国有资产占有使用情况", [.assets], level: 4),
                section("p2-10-4", "（四）预算绩效管理情况", [.performanceManagement], level: 4),
            ]),
        ]

        let org = report.organization
        let counts = Organization.EntityType.allCases.map { "\($0.rawValue)\(org.count(of: $0))个" }.joined(separator: "，")
        let divisions = org.internalDivisions.map { "\(unit.name)内设机构\($0)个。" } ?? ""
        let organizationSentence = "\(divisions)纳入\(unit.name)\(report.year)年度\(kindWord)决算编制范围的单位共\(org.entities.count)个，其中：\(counts)。"
        let tableModels = prebuilt ?? tables
        let tablesContext = tableModels.map { TableContext.context($0, csv: csvURL($0)) }
        let glossary = Glossary.standard.entries(for: report).map { ["term": $0.term, "definition": MarkdownRenderer.inlineHTML($0.definition)] }
        let performance = PerformanceContext(report: report).context()

        let toc: [[String: Any]] = [
            ["id": "part-1", "title": "第一部分 \(kindWord)概况"],
            ["id": "part-2", "title": "第二部分 \(report.year)年度\(kindWord)决算情况说明"],
            ["id": "part-3", "title": "第三部分 名词解释"],
            ["id": "part-4", "title": "第四部分 附件"],
            ["id": "part-5", "title": "第五部分 附表"],
        ]
        return [
            "root": root, "site": ["title": site.title, "publisher": site.publisher], "title": title, "unitName": unit.name,
            "unitID": unit.id, "year": report.year, "kind": kindWord, "toc": toc,
            "part1": ["title": "第一部分 \(kindWord)概况", "duties": Self.html(report.narrative.duties) ?? "",
                      "achievements": Self.html(report.narrative.achievements) as Any, "hasAchievements": report.narrative.achievements != nil,
                      "organizationSentence": organizationSentence,
                      "entities": org.entities.enumerated().map { ["number": $0.offset + 1, "name": $0.element.name, "type": $0.element.type.rawValue] },
                      "organization": Self.html(report.narrative.organization, under: 3) as Any],
            "part2": ["title": "第二部分 \(report.year)年度\(kindWord)决算情况说明", "sections": part2Sections],
            "part3": ["title": "第三部分 名词解释", "entries": glossary.enumerated().map { ["number": $0.offset + 1, "term": $0.element["term"]!, "definition": $0.element["definition"]!] as [String: Any] }],
            "part4": performance,
            "part5": ["title": "第五部分 附表", "tables": tablesContext],
            "tableList": tableModels.map { ["id": $0.id, "title": "\($0.number)、\($0.title)"] },
            "json": "report.json",
        ]
    }
}

/// A 附表 as the table partial receives it.
enum TableContext {
    static func context(_ t: TableModel, csv: String) -> [String: Any] {
        ["id": t.id, "anchor": "table-\(t.id)", "number": t.number, "title": t.title, "unitLine": t.unitLine,
         "tableHTML": TableHTML.html(t),
         "note": t.note as Any, "emptyNote": t.emptyNote as Any, "isEmpty": t.isEmpty, "csv": csv]
    }
}
