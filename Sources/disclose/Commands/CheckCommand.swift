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

    @Flag(help: "同时列出每份报告各条规则的检查结果：通过、未通过、未检查及原因 (also show, per report, which rules passed, failed or were not checked, and why).")
    var coverage = false

    @Flag(name: .customLong("fix-tails"), help: "按 ROUNDING-TAIL 警告的建议在 YAML 中做尾差调整（保留注释），列出改动后再检查 (apply the suggested rounding-tail adjustments to the YAML, keeping comments, and list them).")
    var fixTails = false

    @Flag(help: "同时给出每份报告的公开质量自检（及时性、完整性、准确性、细化程度、公开方式，各 20 分）(also score each report's publication quality).")
    var quality = false

    @Option(help: "已生成网站的目录，公开质量自检据此判断公开方式（Excel、PDF、搜索）(the built site, for the publication dimension).")
    var output: String = "Output"

    func run() throws {
        let url = URL(fileURLWithPath: options.content)
        if fixTails {
            let outcome = TailFixer.fix(content: url, displayRoot: options.content)
            FileHandle.standardError.write(Data(TailFixer.text(outcome, language: lang).utf8))
        }
        let result = Checker.check(content: url, displayRoot: options.content)
        switch format {
        case .text:
            var text = DiagnosticRenderer.text(result.diagnostics, sources: result.load.sources, language: lang)
            if coverage { text += DiagnosticRenderer.coverageText(Checker.coverage(result), language: lang) }
            if quality, let tree = result.load.tree { text += QualityReport.text(tree: tree, diagnostics: result.diagnostics, output: URL(fileURLWithPath: output)) }
            FileHandle.standardOutput.write(Data(text.utf8))
        case .json:
            // JSON always carries the coverage: what was verified, not only what failed.
            let json = DiagnosticRenderer.json(result.diagnostics, language: lang, coverage: Checker.coverage(result))
            FileHandle.standardOutput.write(Data(json.utf8))
        }
        if result.ioFailure { throw ExitCode(2) }
        if result.hasErrors { throw ExitCode(1) }
    }
}
