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
            output: URL(fileURLWithPath: output), baseURL: baseURL, workbooks: xlsx))
        let report: @Sendable (String) -> Void = { line in
            if interactive { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        // --full forgets the record, so that the full build leaves a new one for the next build.
        if full { builder.forgetLastBuild() }
        let result = builder.buildIncrementally(progress: report)
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
    }
}
