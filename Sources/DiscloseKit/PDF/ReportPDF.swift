import DiscloseCore
import Foundation

/// The printed document of a report: where it goes in the output, what it is called when downloaded,
/// and how the build's PDFs went. `disclose build --pdf` writes one per report beside its index.html.
public enum ReportPDF {
    /// The file in each report folder (`Output/<unit>/<year>/report.pdf`): ASCII, so that every web
    /// server and archive tool handles it; the Chinese name is the download name.
    public static let fileName = "report.pdf"

    /// A report's PDF, relative to the output folder (e.g. for a portal bundle).
    public static func path(unitID: String, year: Int) -> String { "\(unitID)/\(year)/\(fileName)" }

    /// The name a reader's browser saves it under: 单位名称-2023年度部门决算.pdf.
    public static func downloadName(unitName: String, year: Int, kind: Report.Kind) -> String {
        "\(unitName)-\(year)年度\(kind == .department ? "部门" : "单位")决算.pdf"
    }

    /// The PDFs of one build: how many were written, which failed and why.
    public struct Summary: Sendable, Equatable {
        /// nil when `--pdf` found no engine.
        public var engine: String?
        public var written = 0
        public var failures: [(report: String, message: String)] = []

        public static func == (a: Summary, b: Summary) -> Bool {
            a.engine == b.engine && a.written == b.written && a.failures.map(\.report) == b.failures.map(\.report)
                && a.failures.map(\.message) == b.failures.map(\.message)
        }
    }
}

/// Collects the PDF outcome of reports rendered on several threads.
final class PDFLog: @unchecked Sendable {
    private let lock = NSLock()
    private var summary: ReportPDF.Summary

    init(engine: PDFEngine?) { summary = ReportPDF.Summary(engine: engine?.version) }

    func written() {
        lock.lock()
        defer { lock.unlock() }
        summary.written += 1
    }

    func failed(_ report: String, _ message: String) {
        lock.lock()
        defer { lock.unlock() }
        summary.failures.append((report, message))
    }

    var result: ReportPDF.Summary {
        lock.lock()
        defer { lock.unlock() }
        var s = summary
        s.failures.sort { $0.report < $1.report }
        return s
    }
}
