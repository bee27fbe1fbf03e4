import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The paged-media engine that turns a report's print HTML into its PDF: WeasyPrint (docs/pdf.md says
/// why), run as a separate program for each report, the way the site search runs Pagefind.
///
/// The HTML is self-contained (styles inline, charts as data: URLs) and the engine may fetch nothing
/// else (`--allowed-protocols data`), so a template cannot make a build reach the network or read files.
public struct PDFEngine: Sendable, Equatable {
    /// The program and the arguments before WeasyPrint's own (`python3 -m weasyprint` has two).
    public let program: String
    public let prefix: [String]
    /// What `--version` printed, e.g. "WeasyPrint version 66.0".
    public let version: String

    /// The oldest WeasyPrint that writes what the document needs (PDF/UA-1 tagging, `--pdf-identifier`).
    public static let minimumMajorVersion = 61

    /// What to install, in both languages (the build prints it when `--pdf` finds no engine).
    public static let installHint = (
        zh: "未找到 PDF 排版引擎 WeasyPrint（需 \(minimumMajorVersion) 版或更新），已跳过 PDF，网站其余部分照常生成。安装：python3 -m pip install weasyprint（make site 会自动安装），并安装中文字体 fonts-noto-cjk（apt-get install fonts-noto-cjk）；或用环境变量 DISCLOSE_WEASYPRINT 指定 weasyprint 程序的路径。",
        en: "WeasyPrint (the PDF engine, version \(minimumMajorVersion) or later) was not found, so no PDF was written; the rest of the site is built as usual. Install it with: python3 -m pip install weasyprint (make site does), plus the CJK fonts: apt-get install fonts-noto-cjk; or set DISCLOSE_WEASYPRINT to the path of the weasyprint program."
    )

    /// The engine: `DISCLOSE_WEASYPRINT` (a path), else `weasyprint` on the PATH, else Python's
    /// `weasyprint` module; nil when none answers `--version` with a recent enough version.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFEngine? {
        let fm = FileManager.default
        var candidates: [(String, [String])] = []
        if let path = environment["DISCLOSE_WEASYPRINT"], !path.isEmpty {
            candidates = fm.isExecutableFile(atPath: path) ? [(path, [])] : []
        } else {
            for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
                let candidate = "\(dir)/weasyprint"
                if fm.isExecutableFile(atPath: candidate) { candidates.append((candidate, [])); break }
            }
            candidates.append(("/usr/bin/env", ["python3", "-m", "weasyprint"]))
        }
        for (program, prefix) in candidates {
            guard let ran = SearchIndexer.run(program, prefix + ["--version"], environment: environment), ran.status == 0 else { continue }
            let version = ran.output.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let major = majorVersion(version), major >= minimumMajorVersion else { continue }
            return PDFEngine(program: program, prefix: prefix, version: version)
        }
        return nil
    }

    /// "WeasyPrint version 66.0" → 66.
    static func majorVersion(_ printed: String) -> Int? {
        guard let word = printed.split(separator: " ").last else { return nil }
        return Int(word.split(separator: ".").first ?? "")
    }

    public enum Failure: Error, Sendable, Equatable {
        case cannotStart(String)
        case failed(status: Int32, message: String)
    }

    /// Typesets `html` into a tagged PDF (PDF/UA-1). `identifier` becomes the PDF's file identifier, so
    /// that the same document gives the same bytes (the engine would otherwise derive it from the time).
    public func render(html: String, identifier: String) -> Result<Data, Failure> {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("disclose-pdf-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        let input = folder.appendingPathComponent("print.html"), output = folder.appendingPathComponent("report.pdf")
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
        } catch {
            return .failure(.cannotStart(error.localizedDescription))
        }
        if let keep = ProcessInfo.processInfo.environment["DISCLOSE_PDF_KEEP_HTML"], !keep.isEmpty {
            // For template authors: the print HTML as the engine saw it.
            try? fm.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try? Data(html.utf8).write(to: URL(fileURLWithPath: keep).appendingPathComponent("\(identifier).html"))
        }
        var environment = ProcessInfo.processInfo.environment
        // Reproducible output where the engine's libraries honour it.
        environment["SOURCE_DATE_EPOCH"] = environment["SOURCE_DATE_EPOCH"] ?? "0"
        let arguments = prefix + ["--pdf-variant", "pdf/ua-1", "--pdf-identifier", identifier,
                                  "--allowed-protocols", "data", "--encoding", "utf-8", "--quiet", input.path, output.path]
        guard let ran = SearchIndexer.run(program, arguments, environment: environment) else {
            return .failure(.cannotStart(program))
        }
        guard ran.status == 0, let data = fm.contents(atPath: output.path), data.starts(with: Data("%PDF".utf8)) else {
            let tail = ran.output.split(separator: "\n").suffix(5).joined(separator: "\n")
            return .failure(.failed(status: ran.status, message: tail))
        }
        return .success(data)
    }
}
