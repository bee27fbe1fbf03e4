import DiscloseCore
import Foundation

/// `disclose export`: one report's 附表 as an Excel workbook, only from content that passes the check.
public enum ReportExport {
    public enum Outcome: Sendable {
        case workbook(Data, tables: Int)
        /// The report has errors (or the tree cannot be read): nothing is exported.
        case refused(Checker.Result)
        case noSuchReport
    }

    public static func xlsx(content: URL, displayRoot: String? = nil, unitID: String, year: Int) throws -> Outcome {
        let result = Checker.check(content: content, displayRoot: displayRoot)
        guard let tree = result.load.tree,
              let report = tree.reports.first(where: { $0.unitID == unitID && $0.year == year }) else {
            // A report with structural errors is left out of the tree: show why, if there is a why.
            let folderErrors = result.diagnostics.contains { $0.severity == .error && $0.location.file.contains("\(unitID)/\(year)") }
            return folderErrors || result.ioFailure ? .refused(result) : .noSuchReport
        }
        let errors = result.diagnostics.filter {
            $0.severity == .error && ($0.location.file == report.folder || $0.location.file.hasPrefix(report.folder + "/"))
        }
        guard errors.isEmpty else { return .refused(result) }
        let unitName = tree.units.first { $0.id == unitID }?.name ?? unitID
        let tables = TableBuilder(report: report, unitName: unitName).tables()
        return .workbook(try XLSXWriter.workbook(tables, unitName: unitName), tables: tables.count)
    }
}
