import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把一份报告的附表导出为 Excel 工作簿。Export a report's tables as an XLSX workbook.",
        discussion: """
        每张附表一个工作表，按官方格式排版（标题、编制单位、金额单位、多行表头及合并单元格）；金额为数值，\
        科目编码为文本。报告有错误时不导出（先运行 disclose check）。\
        One sheet per table in its official layout; amounts are numbers, codes are text. Refused while the report has errors.
        """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: "单位标识 (unit id).")
    var unit: String

    @Argument(help: "决算年度 (report year).")
    var year: Int

    @Flag(help: "导出为 XLSX（目前唯一的格式）(XLSX, the one format for now).")
    var xlsx = false

    @Option(name: [.short, .long], help: "输出文件，默认为 <单位标识>-<年度>-附表.xlsx (output file).")
    var output: String?

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func run() throws {
        let content = URL(fileURLWithPath: options.content)
        let target = output ?? "\(unit)-\(year)-附表.xlsx"
        switch try ReportExport.xlsx(content: content, displayRoot: options.content, unitID: unit, year: year) {
        case .workbook(let data, let tables):
            let shown = TerminalText.escaped(target)
            do {
                try data.write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch {
                Say.err(Message(zh: "disclose export: 无法写入 \(shown)\n", en: "disclose export: cannot write \(shown)\n"), lang)
                throw ExitCode(2)
            }
            Say.out(Message(zh: "已导出 \(shown)：\(tables) 张附表。\n", en: "exported \(shown): \(tables) tables.\n"), lang)
        case .refused(let result):
            let text = DiagnosticRenderer.text(result.diagnostics.filter { $0.severity == .error }, sources: result.load.sources, language: lang)
            FileHandle.standardOutput.write(Data(text.utf8))
            Say.err(Message(zh: "disclose export: 报告有错误，未导出。\n", en: "disclose export: the report has errors; nothing exported.\n"), lang)
            throw ExitCode(result.ioFailure ? 2 : 1)
        case .noSuchReport:
            let unit = TerminalText.escaped(unit)
            Say.err(Message(zh: "disclose export: 找不到 \(unit)/\(year) 报告。\n", en: "disclose export: there is no report \(unit)/\(year).\n"), lang)
            throw ExitCode(1)
        }
    }
}
