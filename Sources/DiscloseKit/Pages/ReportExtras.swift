import DiscloseCore

/// What sits around the report's own text on its page: the key figures at the top, the headcount,
/// the switch to the unit's other years, the publication date and the contact line.
struct ReportExtras {
    let report: Report
    let unit: UnitInfo
    /// The report's figures, as the page derived them.
    let figures: ReportFigures

    init(report: Report, unit: UnitInfo, figures: ReportFigures? = nil) {
        self.report = report
        self.unit = unit
        self.figures = figures ?? ReportFigures(report)
    }

    /// One key figure with its change on last year (where last year's figure was published).
    static func figure(_ label: String, _ change: YearOnYear) -> [String: Any] {
        var out: [String: Any] = ["label": label, "amount": Derived.tableMoney(change.current.shown)]
        guard let c = change.change else { out["change"] = "上年数未公开"; return out }
        switch c.direction {
        case .unchanged: out["change"] = "与上年持平"
        case .increase: out["change"] = "比上年增加\(Derived.tableMoney(c.delta.magnitude))" + (c.rate.map { "（\(Derived.percent($0))%）" } ?? "")
            out["up"] = true
        case .decrease: out["change"] = "比上年减少\(Derived.tableMoney(c.delta.magnitude))" + (c.rate.map { "（\(Derived.percent($0))%）" } ?? "")
            out["down"] = true
        }
        return out
    }

    /// 收支总计, 财政拨款收支总计, “三公”经费, 机关运行经费 (万元) with their changes.
    var keyFigures: [[String: Any]] {
        let f = figures
        return [
            Self.figure("收、支总计", f.grandTotalChange),
            Self.figure("财政拨款收、支总计", f.appropriationChange),
            Self.figure("“三公”经费", f.threePublicChange),
            Self.figure("机关运行经费", f.agencyOperatingCostChange),
        ]
    }

    /// "编制93人，实有人数72人" where the content has them; nil otherwise.
    var staffingSentence: String? {
        guard let s = report.staffing, s.authorized != nil || s.actual != nil else { return nil }
        func count(_ q: Quantity) -> String { q.value.formatted(decimals: 0) }
        var parts: [String] = []
        if let g = s.authorized {
            parts.append("编制\(count(g.total))人" + (g.breakdown.isEmpty ? "" : "（" + g.breakdown.map { "\($0.category)\(count($0.count))人" }.joined(separator: "，") + "）"))
        }
        if let g = s.actual {
            parts.append("实有人数\(count(g.total))人" + (g.breakdown.isEmpty ? "" : "（" + g.breakdown.map { "\($0.category)\(count($0.count))人" }.joined(separator: "，") + "）"))
        }
        return parts.joined(separator: "，") + "。"
    }

    /// Links to the unit's reports, this one marked current (newest first).
    static func years(_ years: [Int], current: Int) -> [[String: Any]] {
        years.sorted(by: >).map { year in
            ["year": year, "url": "../\(year)/index.html", "current": year == current]
        }
    }

    func context(siblings: [Report]) -> [String: Any] {
        let hasDates = report.publishedOn != nil || report.updatedOn != nil || unit.contact != nil
        var out: [String: Any] = ["keyFigures": keyFigures, "years": Self.years(siblings.map(\.year), current: report.year),
                                  "hasYears": siblings.count > 1, "publishedOn": report.publishedOn as Any,
                                  "updatedOn": report.updatedOn as Any, "hasDates": hasDates]
        if let staffing = staffingSentence { out["staffing"] = staffing }
        return out
    }
}
