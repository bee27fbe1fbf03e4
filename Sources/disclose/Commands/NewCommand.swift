import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "从上年报告开始新年度的报告，或生成空白模板。Start a year's report.",
        discussion: """
        单位已有较早的报告时，从最近的上一年度（或 --from 指定的年度）结转：上年的本年数成为本年的“上年”数，\
        本年数留空，文字说明整篇带过来并在开头标注“待填写”，附表套表按新年度选择。\
        单位还没有报告时（或加 --blank），生成列出全部字段、附中文说明的空白模板。\
        之后运行 disclose check，它会逐项列出还要填写的内容。已存在的报告不会被覆盖。\
        With an earlier report, last year's figures become this year's previous-year figures and the narrative
        is carried over marked for review; otherwise every field is written empty with a comment.
        """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: "单位标识（文件夹名），如 luzhou-zzb (unit id).")
    var unit: String

    @Argument(help: "决算年度 (report year).")
    var year: Int

    @Option(help: "从哪一年度的报告结转，默认为最近的上一年度 (year to carry over from).")
    var from: Int?

    @Flag(help: "不结转，生成空白模板 (blank skeleton, carry nothing over).")
    var blank = false

    @Option(help: "附表套表，默认按年度选择 (table set id).")
    var tables: String?

    @Option(help: "版式（公开格式），如 shanghai；默认取 unit.yaml 或 site.yaml 的 profile (report profile id).")
    var profile: String?

    @Option(help: "部门 或 单位，默认同上年报告 (department or unit report).")
    var kind: String?

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func validate() throws {
        if let kind, !["部门", "单位"].contains(kind) {
            throw ValidationError(Message(zh: "--kind 只能是“部门”或“单位”。", en: "--kind must be 部门 or 单位.").text(lang))
        }
        if blank && from != nil {
            throw ValidationError(Message(zh: "--blank 与 --from 不能同时使用。", en: "--blank and --from cannot be used together.").text(lang))
        }
    }

    func run() throws {
        let content = URL(fileURLWithPath: options.content)
        switch ReportCreator.create(content: content, unitID: unit, year: year, kind: kind, tables: tables,
                                    blank: blank, from: from, displayRoot: options.content, profile: profile) {
        case .success(let created):
            let files = created.files.map { "  \(TerminalText.escaped("\(options.content)/\($0)"))\n" }.joined()
            Say.out(Message(zh: "已生成：\n\(files)下一步：填写上述文件，然后运行 disclose check 查看还缺哪些内容。\n",
                            en: "created:\n\(files)next: fill these files in, then run `disclose check` to see what is still missing.\n"), lang)
        case .failure(let failure):
            FileHandle.standardError.write(Data("disclose new: \(TerminalText.escaped(failure.message(lang)))\n".utf8))
            if case .io = failure { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }
}
