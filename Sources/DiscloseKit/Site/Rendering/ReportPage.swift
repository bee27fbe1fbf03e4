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

    /// The report's profile: the parts, their order and headings, the Part 2 wording.
    var profile: ReportProfile { report.profile }

    /// A Part 2 paragraph: the office's own Markdown, else the profile's template for the slot (the
    /// standard Templates/part2 one where the profile's folder has none).
    func paragraph(_ slot: ParagraphSlot, _ part2: Part2Context) -> String {
        if let own = report.narrative.paragraphs[slot] { return MarkdownRenderer.html(own.markdown) }
        let own = "\(profile.paragraphs)/\(slot.rawValue)"
        return templates.render(templates.has(own) ? own : "part2/\(slot.rawValue)", part2.context(for: slot))
    }

    func partTitle(_ part: ReportProfile.Part) -> String { part.title(year: report.year, kindWord: kindWord, unitName: unit.name) }

    /// The title of the profile's first part of a kind (nil when its outline has no such part).
    func partTitle(_ kind: ReportProfile.PartKind) -> String? { profile.outline.first { $0.kind == kind }.map(partTitle) }

    /// The parts of the page in the profile's order, each rendered by its partial (Templates/parts/<template>)
    /// with the page's context and `part` (id, title, sections), joined as report.mustache prints them.
    func partsHTML(_ context: [String: Any]) -> String {
        renderedParts(context) { part in
            templates.has("parts/\(part.template)") ? "parts/\(part.template)" : "parts/\(part.kind.rawValue)"
        }.map(\.html).joined(separator: "\n\n")
    }

    /// Each part of the profile's outline, in order, rendered by the partial `partial` names for it with
    /// `context` and `part` (id, title, kind, sections). The web page and the printed document differ
    /// only in the partials they pick.
    func renderedParts(_ context: [String: Any], partial: (ReportProfile.Part) -> String) -> [(part: ReportProfile.Part, html: String)] {
        let sections = context["explanationSections"] as? [String: [[String: Any]]] ?? [:]
        // The page context is worked out for the templates once, not once per part.
        let prepared = TemplateSet.PreparedContext(context)
        return profile.outline.map { part in
            let partContext: [String: Any] = ["id": part.id, "title": partTitle(part), "kind": part.kind.rawValue, "sections": sections[part.id] ?? []]
            var html = templates.render(partial(part), prepared, adding: ["part": partContext])
            if html.hasSuffix("\n") { html.removeLast() }
            return (part, html)
        }
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
        func rendered(_ s: ReportProfile.Section, level: Int) -> [String: Any] {
            section(s.id, s.heading, s.paragraphs, figure: s.figure, level: level, children: s.children.map { rendered($0, level: level + 1) })
        }
        // Each explanation part's headings, from the profile (Sichuan: 一、… 十、 with their （一）…).
        var explanationSections: [String: [[String: Any]]] = [:]
        for part in profile.outline where part.kind == .explanation {
            explanationSections[part.id] = part.sections.map { rendered($0, level: 3) }
        }
        let part2Sections = profile.outline.first { $0.kind == .explanation }.flatMap { explanationSections[$0.id] } ?? []

        let org = report.organization
        let counts = Organization.EntityType.allCases.map { "\($0.rawValue)\(org.count(of: $0))个" }.joined(separator: "，")
        let divisions = org.internalDivisions.map { "\(unit.name)内设机构\($0)个。" } ?? ""
        let organizationSentence = "\(divisions)纳入\(unit.name)\(report.year)年度\(kindWord)决算编制范围的单位共\(org.entities.count)个，其中：\(counts)。"
        let tableModels = prebuilt ?? tables
        let tablesContext = tableModels.map { TableContext.context($0, csv: csvURL($0)) }
        let glossary = Glossary.standard.entries(for: report).map { ["term": $0.term, "definition": MarkdownRenderer.sharedInlineHTML($0.definition)] }
        var performance = PerformanceContext(report: report).context()
        if let title = partTitle(.performance) { performance["title"] = title }

        // The 附表 are listed under the part that holds them, wherever the profile puts it.
        let tableList: [[String: Any]] = tableModels.map { ["id": $0.id, "title": "\($0.number)、\($0.title)"] }
        let toc: [[String: Any]] = profile.outline.map {
            ["id": $0.id, "title": partTitle($0), "hasTables": $0.kind == .tables, "tables": $0.kind == .tables ? tableList : []]
        }
        return [
            "root": root, "site": ["title": site.title, "publisher": site.publisher], "title": title, "unitName": unit.name,
            "unitID": unit.id, "year": report.year, "kind": kindWord, "toc": toc,
            "part1": ["title": partTitle(.overview) ?? "第一部分 \(kindWord)概况", "duties": Self.html(report.narrative.duties) ?? "",
                      "achievements": Self.html(report.narrative.achievements) as Any, "hasAchievements": report.narrative.achievements != nil,
                      "organizationSentence": organizationSentence, "entityCount": org.entities.count,
                      "entities": org.entities.enumerated().map { ["number": $0.offset + 1, "name": $0.element.name, "type": $0.element.type.rawValue] },
                      "organization": Self.html(report.narrative.organization, under: 3) as Any],
            "part2": ["title": partTitle(.explanation) ?? "第二部分 \(report.year)年度\(kindWord)决算情况说明", "sections": part2Sections],
            "explanationSections": explanationSections, "profile": profile.id,
            // “第五部分” in Sichuan, “第二部分” in Shanghai: the tables part's number, as its title starts.
            "tablesPart": partTitle(.tables).map { String($0.prefix { $0 != " " }) } ?? "附表",
            "part3": ["title": partTitle(.glossary) ?? "第三部分 名词解释", "entries": glossary.enumerated().map { ["number": $0.offset + 1, "term": $0.element["term"]!, "definition": $0.element["definition"]!] as [String: Any] }],
            "part4": performance,
            "part5": ["title": partTitle(.tables) ?? "第五部分 附表", "tables": tablesContext],
            "tableList": tableList,
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
