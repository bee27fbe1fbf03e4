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
        let errors = result.load.diagnostics.errors(inReport: unitID, year: year)
        // A report with structural errors is not in the tree at all: the errors say why.
        if !errors.isEmpty || result.ioFailure { return .refused(result) }
        guard let tree = result.load.tree,
              let report = tree.reports.first(where: { $0.unitID == unitID && $0.year == year }) else { return .noSuchReport }
        let unitName = tree.units.first { $0.id == unitID }?.name ?? unitID
        let tables = TableBuilder(report: report, unitName: unitName).tables()
        return .workbook(try XLSXWriter.workbook(tables, unitName: unitName), tables: tables.count)
    }
}
