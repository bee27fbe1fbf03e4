import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

/// The root command: one subcommand per file in this folder.
struct Disclose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclose",
        abstract: "部门决算公开网站生成工具 — a static site generator for final-accounts disclosure.",
        discussion: """
        内容放在 Content/ 目录中（格式见 docs/content-format.md）。常用命令：
          disclose check     检查内容是否完整、正确
          disclose build     生成网站到 Output/
          disclose preview   本地预览，修改内容后自动刷新
          disclose new       从上年报告开始新年度的报告，或生成空白模板
          disclose import    从 Excel 工作簿或 CSV 导入附表数字
          disclose export    把附表导出为 Excel 工作簿
          disclose rules     列出全部勾稽规则（Markdown）
          disclose schema    生成编辑器使用的 JSON Schema
        """,
        subcommands: [Check.self, Build.self, Preview.self, New.self, Import.self, Export.self, Rules.self, Schema.self]
    )
}
