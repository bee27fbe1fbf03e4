import DiscloseCore
import Foundation

/// What the build hands the 公开质量自检: the checker's diagnostics (by report folder) and how the site
/// is published. Each report's scores go into its home-page entry, so the site-wide ranking has every
/// unit in an incremental build too.
struct QualityInputs: Sendable {
    private struct ReportKey: Hashable { let unit: String; let year: Int }
    /// The findings in each report folder, by the unit and year their file belongs to.
    private let byReport: [ReportKey: [Diagnostic]]
    let publication: QualityCheck.Publication

    init(diagnostics: [Diagnostic], publication: QualityCheck.Publication) {
        var byReport: [ReportKey: [Diagnostic]] = [:]
        for d in diagnostics {
            guard let unit = d.location.source.unit, let year = d.location.source.year else { continue }
            byReport[ReportKey(unit: unit, year: year), default: []].append(d)
        }
        self.byReport = byReport
        self.publication = publication
    }

    func check(_ report: Report, tables: [TableModel]) -> QualityCheck {
        QualityCheck(report: report, diagnostics: byReport[ReportKey(unit: report.unitID, year: report.year)] ?? [], tables: tables, publication: publication,
                     tableSet: TableSet.bundled[report.tableSetID])
    }

    func entryFields(_ report: Report, tables: [TableModel]) -> [String: String] {
        let q = check(report, tables: tables)
        var fields = ["q_total": String(q.total)]
        for (i, score) in q.scores.enumerated() { fields["q_\(i)"] = String(score.points) }
        return fields
    }

    /// The ranking page: every report, highest total first, with its five scores.
    static func ranking(_ entries: [SiteEntry]) -> [String: Any] {
        let rows = entries.filter { $0["q_total"] != nil }.sorted {
            let (a, b) = (Int($0["q_total"]!) ?? 0, Int($1["q_total"]!) ?? 0)
            return a != b ? a > b : (($0["unitName"] ?? "", $0["year"] ?? "") < ($1["unitName"] ?? "", $1["year"] ?? ""))
        }
        return ["dimensions": QualityCheck.Dimension.allCases.map(\.rawValue),
                "rows": rows.enumerated().map { i, e -> [String: Any] in
                    ["rank": i + 1, "unitName": e["unitName"] ?? "", "year": e["year"] ?? "", "total": e["q_total"] ?? "",
                     "url": "../" + (e["url"] ?? "").replacingOccurrences(of: "index.html", with: "quality.html"),
                     "scores": (0..<QualityCheck.Dimension.allCases.count).map { e["q_\($0)"] ?? "" }]
                }]
    }
}
