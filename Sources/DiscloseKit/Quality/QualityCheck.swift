import DiscloseCore
import Foundation

/// 公开质量自检: the five dimensions the Ministry of Finance's annual inspection of 预决算公开 scores —
/// 及时性, 完整性, 真实性/准确性, 细化程度, 公开方式 — worked out from the content, so that a unit knows
/// its standing before the inspection does. Each dimension scores out of 20 with the findings that cost
/// points, each pointing at the file (and line) or the page section to fix.
public struct QualityCheck: Sendable {
    public enum Dimension: String, Sendable, CaseIterable {
        case timeliness = "及时性"
        case completeness = "完整性"
        case accuracy = "准确性"
        case detail = "细化程度"
        case publication = "公开方式"
    }

    public struct Finding: Sendable {
        public var text: String
        /// file:line in the content, or "" when the finding is about the site.
        public var place: String
        /// An anchor of the report page (`#part-5`) where the reader sees it, when there is one.
        public var anchor: String?
        /// Points it costs.
        public var cost: Int
    }

    public struct Score: Sendable {
        public var dimension: Dimension
        public var points: Int
        public var findings: [Finding]
        public var note: String
    }

    /// How the site is published (the build's options): what 公开方式 can credit.
    public struct Publication: Sendable {
        public var workbooks: Bool
        public var pdf: Bool
        public var search: Bool

        public init(workbooks: Bool, pdf: Bool, search: Bool) {
            self.workbooks = workbooks
            self.pdf = pdf
            self.search = search
        }
    }

    /// Days allowed between approval (批复) and publication: the 20-day rule.
    public static let daysAllowed = 20

    public let report: Report
    public let scores: [Score]
    public var total: Int { scores.map(\.points).reduce(0, +) }

    public init(report: Report, diagnostics: [Diagnostic], tables: [TableModel], publication: Publication, tableSet: TableSet?) {
        self.report = report
        scores = [
            Self.timeliness(report),
            Self.completeness(report, tables: tables, tableSet: tableSet),
            Self.accuracy(report, diagnostics: diagnostics),
            Self.detail(report),
            Self.publicationScore(publication),
        ]
    }

    // MARK: 及时性

    static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: text.trimmingCharacters(in: .whitespaces))
    }

    static func timeliness(_ r: Report) -> Score {
        let file = "\(r.folder)/report.yaml"
        let approved = date(r.approvedOn), published = date(r.publishedOn)
        guard let published else {
            return Score(dimension: .timeliness, points: 10, findings: [Finding(text: "未填写公开日期（published_on），无法判断是否按时公开。", place: file, anchor: nil, cost: 10)],
                         note: "批复后 \(daysAllowed) 日内公开")
        }
        guard let approved else {
            return Score(dimension: .timeliness, points: 15, findings: [Finding(text: "未填写批复日期（approved_on），无法核对“批复后 \(daysAllowed) 日内公开”。", place: file, anchor: nil, cost: 5)],
                         note: "公开日期 \(r.publishedOn ?? "")")
        }
        let days = Int((published.timeIntervalSince(approved) / 86_400).rounded())
        if days < 0 {
            return Score(dimension: .timeliness, points: 10, findings: [Finding(text: "公开日期 \(r.publishedOn!) 早于批复日期 \(r.approvedOn!)，请核对。", place: file, anchor: nil, cost: 10)], note: "")
        }
        if days > daysAllowed {
            return Score(dimension: .timeliness, points: 0, findings: [Finding(text: "批复后第 \(days) 天才公开（批复 \(r.approvedOn!)，公开 \(r.publishedOn!)），超过 \(daysAllowed) 日的规定。", place: file, anchor: nil, cost: 20)], note: "")
        }
        return Score(dimension: .timeliness, points: 20, findings: [], note: "批复 \(r.approvedOn!)，公开 \(r.publishedOn!)，相隔 \(days) 天（不超过 \(daysAllowed) 天）。")
    }

    // MARK: 完整性

    /// What the report's table set requires (`TableSet.requiredSections`) and the content leaves out:
    /// a Shanghai report is not asked for the project self-evaluation tables its set does not publish.
    static func completeness(_ r: Report, tables: [TableModel], tableSet: TableSet?) -> Score {
        let folder = r.folder
        let required = tableSet?.requiredSections ?? RequiredSection.allCases
        let findings = required.compactMap { missing($0, in: r, folder: folder) }
        let expected = tableSet?.tables.count ?? 0
        let cost = min(20, findings.map(\.cost).reduce(0, +))
        let scope = tableSet.map { "按\($0.title)：" } ?? ""
        return Score(dimension: .completeness, points: 20 - cost, findings: findings,
                     note: scope + "五个部分和 \(expected) 张附表" + (findings.isEmpty ? "齐全。" : "。"))
    }

    /// The finding for a required section the report leaves out; nil when it has it.
    static func missing(_ section: RequiredSection, in r: Report, folder: String) -> Finding? {
        switch section {
        case .duties:
            guard r.narrative.duties == nil else { return nil }
            return Finding(text: "缺少第一部分“主要职能”（duties.md）。", place: "\(folder)/duties.md", anchor: "#part-1", cost: 4)
        case .performance:
            guard r.performance == nil else { return nil }
            return Finding(text: "缺少第四部分绩效评价情况（performance.yaml），项目支出绩效自评表未公开。", place: "\(folder)/performance.yaml", anchor: "#part-4", cost: 4)
        case .functional:
            guard r.accounts.functional.isEmpty else { return nil }
            return Finding(text: "支出功能分类明细（functional）未填写：支出决算表、一般公共预算财政拨款支出决算表等只有合计。",
                           place: "\(folder)/accounts.yaml", anchor: "#part-5", cost: 6)
        case .incomeByFunction:
            guard r.accounts.incomeByFunction.isEmpty else { return nil }
            return Finding(text: "收入决算表没有按支出功能分类列示（income_by_function），只公开了合计。", place: "\(folder)/accounts.yaml", anchor: "#part-5", cost: 3)
        }
    }

    // MARK: 准确性

    static func accuracy(_ r: Report, diagnostics: [Diagnostic]) -> Score {
        let mine = diagnostics.inReport(unit: r.unitID, year: r.year)
        let errors = mine.filter { $0.severity == .error }, warnings = mine.filter { $0.severity == .warning }
        var findings = errors.prefix(10).map { Finding(text: "错误 \($0.rule)：\($0.message.zh)", place: $0.location.description, anchor: nil, cost: 0) }
        findings += warnings.prefix(5).map { Finding(text: "警告 \($0.rule)：\($0.message.zh)", place: $0.location.description, anchor: nil, cost: 0) }
        let points = errors.isEmpty ? max(10, 20 - warnings.count) : max(0, 10 - errors.count * 2)
        if let first = findings.indices.first { findings[first].cost = 20 - points }
        return Score(dimension: .accuracy, points: points, findings: findings,
                     note: "勾稽检查：\(errors.count) 个错误，\(warnings.count) 个警告（disclose check 列出全部）。")
    }

    // MARK: 细化程度

    static func detail(_ r: Report) -> Score {
        var findings: [Finding] = []
        let general = r.accounts.functional.filter { $0.fund == .generalBudget }
        let coarse = general.filter { $0.code.value.count < 7 }
        if !coarse.isEmpty {
            let codes = coarse.prefix(5).map(\.code.value).joined(separator: "、")
            findings.append(Finding(text: "一般公共预算财政拨款支出有 \(coarse.count) 行只公开到类或款（\(codes)…），应细化到项（7 位编码）。",
                                    place: coarse[0].location.description, anchor: "#part-5", cost: min(10, 4 + coarse.count)))
        }
        let basic = r.accounts.basic.personnel.items + r.accounts.basic.publicExpenses.items
        let coarseBasic = basic.filter { $0.code.value.count < 5 }
        if basic.isEmpty {
            findings.append(Finding(text: "基本支出没有按经济分类公开到款。", place: "\(r.folder)/accounts.yaml", anchor: "#part-5", cost: 10))
        } else if !coarseBasic.isEmpty {
            findings.append(Finding(text: "基本支出有 \(coarseBasic.count) 项只公开到类，应细化到款（5 位编码）。",
                                    place: coarseBasic[0].code.location.description, anchor: "#part-5", cost: min(10, 4 + coarseBasic.count)))
        }
        let cost = min(20, findings.map(\.cost).reduce(0, +))
        return Score(dimension: .detail, points: 20 - cost, findings: findings, note: "功能分类到项，基本支出经济分类到款。")
    }

    // MARK: 公开方式

    static func publicationScore(_ p: Publication) -> Score {
        var findings: [Finding] = []
        if !p.workbooks { findings.append(Finding(text: "附表未同时以 Excel 提供下载（disclose build --xlsx）。", place: "", anchor: nil, cost: 4)) }
        if !p.pdf { findings.append(Finding(text: "没有正式文本 PDF（disclose build --pdf）。", place: "", anchor: nil, cost: 4)) }
        if !p.search { findings.append(Finding(text: "网站没有站内搜索（disclose build --search）。", place: "", anchor: nil, cost: 2)) }
        let cost = findings.map(\.cost).reduce(0, +)
        return Score(dimension: .publication, points: 20 - cost, findings: findings,
                     note: "附表另有 CSV 下载，图表均有文字说明和数据表。")
    }

    // MARK: Output

    public func text() -> String {
        // For the terminal: names and quoted values may hold control characters.
        let shown = { (text: String) in TerminalText.escaped(text) }
        var out = "\(shown(report.folder))：公开质量自检 \(total)/100\n"
        for score in scores {
            out += "  \(score.dimension.rawValue) \(score.points)/20  \(shown(score.note))\n"
            for f in score.findings { out += "    - \(shown(f.place.isEmpty ? "" : f.place + "："))\(shown(f.text))\n" }
        }
        return out
    }

    public var context: [String: Any] {
        ["total": total, "scores": scores.map { s -> [String: Any] in
            ["name": s.dimension.rawValue, "points": s.points, "note": s.note, "hasFindings": !s.findings.isEmpty,
             "findings": s.findings.map { ["text": $0.text, "place": $0.place, "anchor": $0.anchor as Any, "hasPlace": !$0.place.isEmpty] as [String: Any] }]
        }]
    }
}
