import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成网站：先检查内容，无误后写入输出目录。Build the site into the output folder.",
        discussion: """
        内容有错误时只打印问题、以状态 1 退出，输出目录保持不变。第一次（或加 --full）完整生成并整体替换输出目录；\
        之后只重新检查、生成有变化的单位，只改写内容有变化的文件（记录在输出目录旁的 .disclose-cache/）。
        The output folder is replaced only after a successful build; later builds redo only the units whose files changed.
        """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "模板目录 (templates directory).")
    var templates: String = "Templates"

    @Option(help: "输出目录 (output directory).")
    var output: String = "Output"

    @Option(name: .customLong("base-url"), help: "网站地址，覆盖 site.yaml 中的 base_url。")
    var baseURL: String?

    @Flag(help: "同时为每份报告生成附表 Excel 工作簿（tables.xlsx），并在报告页提供下载 (also write each report's tables as XLSX).")
    var xlsx = false

    @Flag(help: "生成后为网站建立站内全文搜索索引（需要 Pagefind：python3 -m pip install pagefind-bin-extended）(index the site for full-text search).")
    var search = false

    @Flag(help: "同时为每份报告生成可打印的正式文本 PDF（report.pdf：封面、带页码的目录、五个部分、附表），并在报告页提供下载（需要 WeasyPrint：python3 -m pip install weasyprint）(also write each report's printed document as PDF).")
    var pdf = false

    @Flag(help: "同时为每份报告生成门户网站发布包（portal/ 文件夹和 portal.zip：可粘贴的 article.html、图表 PNG、附表 Excel、PDF、metadata.txt）(also write each report's portal bundle).")
    var portal = false

    @Flag(help: "同时为每份报告生成公开质量自检页（quality.html，按及时性、完整性、准确性、细化程度、公开方式评分）和全站汇总（quality/）(also write the publication self-check pages).")
    var quality = false

    @Flag(help: "完整重新生成，不使用上次生成的记录（.disclose-cache/）(build everything afresh, ignoring the record of the last build).")
    var full = false

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func run() throws {
        let started = Date()
        let interactive = isatty(STDERR_FILENO) == 1
        let builder = SiteBuilder(options: .init(
            content: URL(fileURLWithPath: options.content), contentDisplay: options.content,
            templates: URL(fileURLWithPath: templates), templatesDisplay: templates,
            output: URL(fileURLWithPath: output), baseURL: baseURL, workbooks: xlsx, search: search,
            pdf: pdf, pdfEngine: pdf ? PDFEngine.find() : nil, quality: quality, portal: portal))
        let progress = ProgressLine(enabled: interactive, started: started)
        let report: @Sendable (String) -> Void = { progress.show($0) }
        // --full forgets the record, so that the full build leaves a new one for the next build.
        if full { builder.forgetLastBuild() }
        let result = builder.buildIncrementally(progress: report)
        progress.finish()
        if !result.templatesOverridden.isEmpty {
            print(TerminalText.escaped(Message(zh: "使用本站修改过的模板（其余用内置模板）：\(result.templatesOverridden.joined(separator: "、"))",
                          en: "site templates in use (the rest are built in): \(result.templatesOverridden.joined(separator: ", "))").text(lang)))
        }
        if result.hasDiagnostics {
            FileHandle.standardOutput.write(Data(result.diagnosticsText(lang).utf8))
        }
        guard result.written else {
            Say.err(Message(zh: "未生成网站：请先改正上面的错误（输出目录未改动）。\n",
                            en: "site not built: fix the errors above (the output folder is untouched).\n"), lang)
            throw ExitCode(result.ioFailure ? 2 : 1)
        }
        let seconds = Date().timeIntervalSince(started)
        let time = String(format: "%.2f", seconds)
        // The folder as the user typed it: its control characters must not reach the terminal raw.
        let output = TerminalText.escaped(self.output)
        switch result.incremental {
        case .unchanged:
            print(Message(zh: "内容和模板自上次生成以来没有变化，\(output)/ 已是最新（\(result.reports) 份报告），用时 \(time) 秒。",
                          en: "nothing changed since the last build: \(output)/ is up to date (\(result.reports) reports), \(time) s.").text(lang))
        case .units(let units):
            print(Message(zh: "已更新 \(output)/：有变化的单位 \(units.joined(separator: "、"))，重新生成 \(result.rendered) 份报告（共 \(result.reports) 份），用时 \(time) 秒。",
                          en: "updated \(output)/: changed units \(units.joined(separator: ", ")), \(result.rendered) of \(result.reports) reports rendered, \(time) s.").text(lang))
        case .full, .none:
            print(Message(zh: "已生成 \(output)/：\(result.reports) 份报告，\(result.pages) 个页面，\(result.files) 个文件，用时 \(time) 秒。",
                          en: "built \(output)/: \(result.reports) reports, \(result.pages) pages, \(result.files) files in \(time) s.").text(lang))
        }
        if let search = result.search { printSearch(search) }
        if let pdf = result.pdf { printPDF(pdf) }
    }

    /// The printed documents: how many were written, or what to install, and each report whose PDF failed.
    func printPDF(_ summary: ReportPDF.Summary) {
        guard let found = summary.engine else {
            return Say.err(Message(zh: PDFEngine.installHint.zh + "\n", en: PDFEngine.installHint.en + "\n"), lang)
        }
        let engine = TerminalText.escaped(found)
        if summary.written > 0 {
            print(Message(zh: "已生成 \(summary.written) 份 PDF（\(engine)）。", en: "\(summary.written) PDF documents written (\(engine)).").text(lang))
        }
        for failure in summary.failures {
            let failure = (report: TerminalText.escaped(failure.report), message: TerminalText.escaped(failure.message))
            Say.err(Message(zh: "\(failure.report) 的 PDF 生成失败（网站其余部分已生成，下次生成将完整重建）：\(failure.message)\n",
                            en: "the PDF of \(failure.report) failed (the rest of the site was built; the next build starts afresh): \(failure.message)\n"), lang)
        }
    }

    /// One line on the full-text index: made, skipped (with what to install) or failed.
    func printSearch(_ outcome: SearchIndexer.Outcome) {
        switch outcome {
        case .indexed(let pages, let seconds, let engine):
            let engine = TerminalText.escaped(engine)
            print(Message(zh: "已建立站内搜索索引：\(pages) 个页面，用时 \(seconds) 秒（\(engine)）。",
                          en: "search index built: \(pages) pages in \(seconds) s (\(engine)).").text(lang))
        case .engineMissing:
            Say.err(Message(zh: SearchIndexer.installHint.zh + "\n", en: SearchIndexer.installHint.en + "\n"), lang)
        case .failed(let why):
            let why = TerminalText.escaped(why)
            Say.err(Message(zh: "网站已生成，但建立全文搜索索引失败：\(why)\n", en: "the site was built, but full-text indexing failed: \(why)\n"), lang)
        }
    }
}
