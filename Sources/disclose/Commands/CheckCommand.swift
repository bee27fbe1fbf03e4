import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查内容：格式、必填项、数字、科目编码。Validate the content.",
        discussion: "退出状态：0 无错误（可有警告），1 有错误，2 用法或读取问题。Exit status: 0 no errors, 1 errors, 2 usage or I/O problems."
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "输出格式 text 或 json (output format).")
    var format: OutputFormat = .text

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func run() throws {
        let url = URL(fileURLWithPath: options.content)
        let result = Checker.check(content: url, displayRoot: options.content)
        switch format {
        case .text:
            let text = DiagnosticRenderer.text(result.diagnostics, sources: result.load.sources, language: lang)
            FileHandle.standardOutput.write(Data(text.utf8))
        case .json:
            FileHandle.standardOutput.write(Data(DiagnosticRenderer.json(result.diagnostics, language: lang).utf8))
        }
        if result.ioFailure { throw ExitCode(2) }
        if result.hasErrors { throw ExitCode(1) }
    }
}
