import DiscloseCore
import Foundation

/// report.yaml of a new year made from last year's: organisation and 编制 carried over with their
/// comments (they rarely change, and the header asks to check them), this year's headcounts left
/// empty for the check to list, last year's 实有人数 written into `previous`.
enum ReportCarryOver {
    static func reportYAML(source text: String, from report: Report, year: Int, kind: String, tables: String) throws -> String {
        var editor = try YAMLTextEditor(text: text, file: "report.yaml")
        try editor.setScalar(at: ["year"], to: String(year))
        try editor.setScalar(at: ["kind"], to: kind)
        try editor.setScalar(at: ["tables"], to: tables)
        if report.publishedOn != nil { try editor.setScalar(at: ["published_on"], to: "") }
        if report.updatedOn != nil { try editor.setScalar(at: ["updated_on"], to: "") }
        if let actual = report.staffing?.actual {
            try editor.setScalar(at: ["staffing", "actual", "total"], to: "")
            let items = actual.breakdown.map { headcount -> YAMLTextEditor.ListItem in
                [("category", headcount.category), ("count", "~"), ("previous", String(headcount.count.value.intValue))]
            }
            if !items.isEmpty {
                _ = try editor.mergeList(at: ["staffing", "actual", "breakdown"], items: items, identity: ["category"],
                                         preferFlow: true, removeUnmatched: false)
            }
        }
        if let retirees = report.staffing?.retirees, !retirees.isEmpty {
            _ = try editor.mergeList(at: ["staffing", "retirees"], items: retirees.map { [("category", $0.category), ("count", "~")] },
                                     identity: ["category"], preferFlow: true, removeUnmatched: false)
        }
        let header = """
            # 由 \(report.year) 年度报告结转：机构设置和编制数沿用上年，请按本年度核对；
            # 年末实有人数和离退休人数已清空（写作 ~），请填写本年数；上年实有人数已写入 previous。

            """
        return header + editor.text
    }
}
