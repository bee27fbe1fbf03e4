import DiscloseCore

/// Part 4 附件: the overall performance report and the project self-evaluation tables.
struct PerformanceContext {
    let report: Report

    func money(_ f: Figure?) -> String { f.map { Derived.tableMoney($0.value) } ?? "" }
    func number(_ q: Quantity?) -> String { q?.value.description ?? "" }

    func context() -> [String: Any] {
        let kindWord = report.kind == .department ? "部门" : "单位"
        var out: [String: Any] = ["title": "第四部分 附件"]
        let p = report.performance
        out["reportTitle"] = p?.overall?.title ?? "\(report.year)年度\(kindWord)整体支出绩效自评报告"
        out["reportHTML"] = report.narrative.performanceReport.map { MarkdownRenderer.html($0.markdown, headingOffset: 1) } as Any
        out["hasReport"] = report.narrative.performanceReport != nil
        if let o = p?.overall {
            out["score"] = o.score.map { $0.value.description } as Any
            out["scoreParts"] = o.scoreParts.map { ["label": $0.label, "score": $0.score.value.description, "weight": number($0.weight)] }
            out["hasScoreParts"] = !o.scoreParts.isEmpty
            out["scorePartsHaveWeights"] = o.scoreParts.contains { $0.weight != nil }
            out["scoreTable"] = o.scoreTable.map {
                ["level1": $0.level1, "level2": $0.level2, "level3": $0.level3, "weight": $0.weight.value.description,
                 "score": $0.score.value.description, "explanation": $0.explanation.map(MarkdownRenderer.inlineHTML) ?? ""] as [String: Any]
            }
            out["hasScoreTable"] = !o.scoreTable.isEmpty
        }
        let projects: [[String: Any]] = (p?.projects ?? []).enumerated().map { index, pr in
            let f = pr.funds
            let rate = ReportFigures.executionRate(stated: f.rate, actual: f.actual, budget: f.budget)
            let hasScores = f.weight != nil || pr.indicators.contains { $0.weight != nil || $0.score != nil }
            let hasRates = pr.indicators.contains { $0.rate != nil }
            return [
                "anchor": "project-\(index + 1)", "number": index + 1, "name": pr.name, "department": pr.department, "implementer": pr.implementer,
                "category": pr.category as Any, "unit": pr.unit.rawValue,
                "funds": ["initialBudget": money(f.initialBudget), "budget": money(f.budget), "actual": money(f.actual),
                          "rate": rate.map { Derived.percent($0) } ?? "", "weight": number(f.weight), "score": number(f.score)],
                "sources": f.sources.map { ["source": $0.source, "initialBudget": money($0.initialBudget), "budget": money($0.budget), "actual": money($0.actual),
                                            "rate": ReportFigures.executionRate(stated: $0.rate, actual: $0.actual, budget: $0.budget).map { Derived.percent($0) } ?? ""] },
                "goals": pr.goals.map { ["target": MarkdownRenderer.inlineHTML($0.target), "actual": $0.actual.map(MarkdownRenderer.inlineHTML) ?? ""] },
                "indicators": pr.indicators.map {
                    ["level1": $0.level1, "level2": $0.level2, "level3": $0.level3, "nature": $0.nature ?? "", "target": $0.target,
                     "unit": $0.unit ?? "", "actual": $0.actual ?? "", "weight": number($0.weight), "score": number($0.score),
                     "rate": $0.rate.map { "\($0.value)%" } ?? "", "reason": $0.reason.map(MarkdownRenderer.inlineHTML) ?? ""] as [String: Any]
                },
                "hasScores": hasScores, "hasRates": hasRates,
                "conclusion": pr.conclusion.map(MarkdownRenderer.inlineHTML) as Any, "problems": pr.problems.map(MarkdownRenderer.inlineHTML) as Any,
                "improvements": pr.improvements.map(MarkdownRenderer.inlineHTML) as Any,
            ]
        }
        out["projects"] = projects
        out["hasProjects"] = !projects.isEmpty
        out["year"] = report.year
        return out
    }
}
