import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "从 Excel 工作簿或 CSV 导入附表数字。Import the 附表 figures from a workbook or CSV files.",
        discussion: """
        读取财务软件导出的附表（.xlsx 工作簿每张表一个工作表，或每张表一个 .csv 文件，或装有这些文件的文件夹），\
        按表标题识别是哪张附表，按表头文字识别各列（科目编码的类、款、项列，合并单元格，空行、合计行，\
        “单位：元/万元”），把数字写入该报告的 accounts.yaml：只改动相应的数字，注释和其他内容保持不变，\
        Markdown 文字不动。报告不存在时先按 disclose new 的方式建立。导入后列出每个数字取自哪张表哪个单元格、\
        哪些内容无法对应，并运行检查。
        Reads the tables in their official layouts (recognised by their words, not cell positions) and writes
        their figures into accounts.yaml, keeping its comments; prints where each figure came from, what could
        not be placed, then runs the checks.
        """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: "工作簿（.xlsx）、CSV 文件或装有 CSV 文件的文件夹 (workbook, CSV file or folder of CSV files).")
    var file: String

    @Option(help: "单位标识 (unit id).")
    var unit: String

    @Option(help: "决算年度 (report year).")
    var year: Int

    @Flag(help: "只列出将导入的内容，不写文件 (show what would be imported, write nothing).")
    var dryRun = false

    @Flag(help: "单位还不存在时新建它（否则拼错的 --unit 会报错而不是新建单位） (create the unit when it does not exist yet).")
    var newUnit = false

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func validate() throws {
        guard ContentLoader.isValidUnitID(unit) else {
            throw ValidationError(Message(zh: "单位标识只能用小写字母、数字和连字符。", en: "a unit id is lowercase letters, digits and hyphens.").text(lang))
        }
    }

    func run() throws {
        let content = URL(fileURLWithPath: options.content)
        let outcome: ReportImport.Outcome
        do {
            outcome = try ReportImport.run(input: URL(fileURLWithPath: file), content: content, displayRoot: options.content,
                                           unitID: unit, year: year, dryRun: dryRun, newUnit: newUnit)
        } catch let failure as ReportImport.Failure {
            FileHandle.standardError.write(Data("disclose import: \(TerminalText.escaped(failure.message(lang)))\n".utf8))
            if case .io = failure { throw ExitCode(2) }
            throw ExitCode(1)
        }
        var text = ReportImport.summary(outcome, language: lang)
        if let check = outcome.check {
            let folder = TerminalText.escaped(ContentPath(root: options.content, unit: unit, year: year).display)
            let mine = check.diagnostics.inReport(unit: unit, year: year)
            text += Message(zh: "\n检查 \(folder)：\n", en: "\nchecking \(folder):\n").text(lang)
            text += mine.isEmpty ? Message(zh: "没有发现问题。\n", en: "no problems found.\n").text(lang)
                : DiagnosticRenderer.text(mine, sources: check.load.sources, language: lang)
        } else {
            text += Message(zh: "（试运行：未写入任何文件。）\n", en: "(dry run: nothing written.)\n").text(lang)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
