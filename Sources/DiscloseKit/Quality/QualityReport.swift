import DiscloseCore
import Foundation

/// `disclose check --quality`: every report's 公开质量自检 as text, then the ranking. How the site is
/// published (Excel, PDF, search) is read from the built output folder, as a reader would find it.
public enum QualityReport {
    public static func publication(of output: URL, report: Report) -> QualityCheck.Publication {
        let fm = FileManager.default
        let folder = output.appendingPathComponent("\(report.unitID)/\(report.year)")
        return .init(workbooks: fm.fileExists(atPath: folder.appendingPathComponent("tables.xlsx").path),
                     pdf: fm.fileExists(atPath: folder.appendingPathComponent("report.pdf").path),
                     search: fm.fileExists(atPath: output.appendingPathComponent("pagefind/pagefind.js").path))
    }

    public static func checks(tree: ContentTree, diagnostics: [Diagnostic], output: URL) -> [QualityCheck] {
        let units = Dictionary(uniqueKeysWithValues: tree.units.map { ($0.id, $0) })
        return tree.reports.map { report in
            let inputs = QualityInputs(diagnostics: diagnostics, publication: publication(of: output, report: report))
            return inputs.check(report, tables: TableBuilder(report: report, unitName: units[report.unitID]?.name ?? report.unitID).tables())
        }
    }

    public static func text(tree: ContentTree, diagnostics: [Diagnostic], output: URL) -> String {
        let all = checks(tree: tree, diagnostics: diagnostics, output: output)
        var out = "\n公开质量自检（每项 20 分，满分 100 分）：\n"
        for check in all { out += check.text() }
        out += "排名：\n"
        for (i, check) in all.sorted(by: { $0.total != $1.total ? $0.total > $1.total : $0.report.folder < $1.report.folder }).enumerated() {
            out += "  \(i + 1). \(TerminalText.escaped(check.report.folder)) \(check.total)\n"
        }
        return out
    }
}
