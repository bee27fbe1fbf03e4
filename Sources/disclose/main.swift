import ArgumentParser
import DiscloseCore
import DiscloseKit
import DisclosePreview
import Foundation

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

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "内容目录 (content directory).")
    var content: String = "Content"
}

extension Language: ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

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
            let message = lang == .zh ? "未生成网站：请先改正上面的错误（输出目录未改动）。\n" : "site not built: fix the errors above (the output folder is untouched).\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(result.ioFailure ? 2 : 1)
        }
        let seconds = Date().timeIntervalSince(started)
        let time = String(format: "%.2f", seconds)
        switch result.incremental {
        case .unchanged:
            print(lang == .zh ? "内容和模板自上次生成以来没有变化，\(output)/ 已是最新（\(result.reports) 份报告），用时 \(time) 秒。"
                              : "nothing changed since the last build: \(output)/ is up to date (\(result.reports) reports), \(time) s.")
        case .units(let units):
            print(lang == .zh
                  ? "已更新 \(output)/：有变化的单位 \(units.joined(separator: "、"))，重新生成 \(result.rendered) 份报告（共 \(result.reports) 份），用时 \(time) 秒。"
                  : "updated \(output)/: changed units \(units.joined(separator: ", ")), \(result.rendered) of \(result.reports) reports rendered, \(time) s.")
        case .full, .none:
            print(lang == .zh
                  ? "已生成 \(output)/：\(result.reports) 份报告，\(result.pages) 个页面，\(result.files) 个文件，用时 \(time) 秒。"
                  : "built \(output)/: \(result.reports) reports, \(result.pages) pages, \(result.files) files in \(time) s.")
        }
    }
}

struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "本地预览网站，修改内容或模板后自动重新生成并刷新浏览器。Preview the site locally with live reload.",
        discussion: "默认只监听本机（127.0.0.1）。按 Ctrl-C 退出。Listens on 127.0.0.1 unless --host says otherwise; Ctrl-C quits."
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "模板目录 (templates directory).")
    var templates: String = "Templates"

    @Option(help: "输出目录：每次成功生成后同时写入（不含预览脚本）。Output folder, also written after each successful build.")
    var output: String = "Output"

    @Option(help: "端口 (port).")
    var port: Int = 8000

    @Option(help: "监听地址 (host).")
    var host: String = "127.0.0.1"

    @Flag(help: "启动后在浏览器中打开。Open the site in a browser.")
    var open = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("端口应在 1–65535 之间。") }
    }

    func run() async throws { try await serve() }

    /// Named apart from `run()`: ArgumentParser's synchronous `run()` would otherwise be chosen.
    func serve() async throws {
        guard PortProbe.isFree(host: host, port: port) else {
            let suggestion = PortProbe.freePort(near: port, host: host).map { "，可以改用：disclose preview --port \($0)" } ?? ""
            FileHandle.standardError.write(Data("端口 \(port) 已被占用\(suggestion)。\n".utf8))
            throw ExitCode(2)
        }
        let server = PreviewServer(options: .init(
            content: URL(fileURLWithPath: options.content), contentDisplay: options.content,
            templates: URL(fileURLWithPath: templates), templatesDisplay: templates,
            output: URL(fileURLWithPath: output)), host: host, port: port, writeOutput: true)
        let initial = server.snapshot()
        await server.rebuild()
        if await server.state.failed {
            FileHandle.standardError.write(Data("内容有错误：浏览器中会显示错误说明，改正后自动刷新。\n".utf8))
        }
        let (urls, warning) = PreviewHosts.describe(host: host, port: port)
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        let url = urls.first ?? "http://\(host):\(port)/"
        let open = self.open
        let app = server.application { _ in
            FileHandle.standardOutput.write(Data("预览地址：\(urls.joined(separator: "　"))　（按 Ctrl-C 退出）\n".utf8))
            if open { _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["xdg-open", url]) }
        }
        // Quits within two seconds of Ctrl-C or SIGTERM, whatever browsers are connected.
        try await PreviewSession(server: server).run(app, watchingSince: initial)
    }
}

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

    @Option(help: "部门 或 单位，默认同上年报告 (department or unit report).")
    var kind: String?

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func validate() throws {
        if let kind, !["部门", "单位"].contains(kind) {
            throw ValidationError(lang == .zh ? "--kind 只能是“部门”或“单位”。" : "--kind must be 部门 or 单位.")
        }
        if blank && from != nil {
            throw ValidationError(lang == .zh ? "--blank 与 --from 不能同时使用。" : "--blank and --from cannot be used together.")
        }
    }

    func run() throws {
        let content = URL(fileURLWithPath: options.content)
        switch ReportCreator.create(content: content, unitID: unit, year: year, kind: kind, tables: tables,
                                    blank: blank, from: from, displayRoot: options.content) {
        case .success(let created):
            var text = lang == .zh ? "已生成：\n" : "created:\n"
            for file in created.files { text += "  \(options.content)/\(file)\n" }
            text += lang == .zh
                ? "下一步：填写上述文件，然后运行 disclose check 查看还缺哪些内容。\n"
                : "next: fill these files in, then run `disclose check` to see what is still missing.\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        case .failure(let failure):
            FileHandle.standardError.write(Data("disclose new: \(TerminalText.escaped(failure.message(lang)))\n".utf8))
            if case .io = failure { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }
}

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
            do {
                try data.write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("disclose export: \(lang == .zh ? "无法写入" : "cannot write") \(target)\n".utf8))
                throw ExitCode(2)
            }
            let text = lang == .zh ? "已导出 \(target)：\(tables) 张附表。\n" : "exported \(target): \(tables) tables.\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        case .refused(let result):
            let text = DiagnosticRenderer.text(result.diagnostics.filter { $0.severity == .error }, sources: result.load.sources, language: lang)
            FileHandle.standardOutput.write(Data(text.utf8))
            FileHandle.standardError.write(Data((lang == .zh ? "disclose export: 报告有错误，未导出。\n" : "disclose export: the report has errors; nothing exported.\n").utf8))
            throw ExitCode(result.ioFailure ? 2 : 1)
        case .noSuchReport:
            FileHandle.standardError.write(Data((lang == .zh ? "disclose export: 找不到 \(unit)/\(year) 报告。\n" : "disclose export: there is no report \(unit)/\(year).\n").utf8))
            throw ExitCode(1)
        }
    }
}

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

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func validate() throws {
        guard ContentLoader.isValidUnitID(unit) else {
            throw ValidationError(lang == .zh ? "单位标识只能用小写字母、数字和连字符。" : "a unit id is lowercase letters, digits and hyphens.")
        }
    }

    func run() throws {
        let content = URL(fileURLWithPath: options.content)
        let outcome: ReportImport.Outcome
        do {
            outcome = try ReportImport.run(input: URL(fileURLWithPath: file), content: content, displayRoot: options.content,
                                           unitID: unit, year: year, dryRun: dryRun)
        } catch let failure as ReportImport.Failure {
            FileHandle.standardError.write(Data("disclose import: \(TerminalText.escaped(failure.message(lang)))\n".utf8))
            if case .io = failure { throw ExitCode(2) }
            throw ExitCode(1)
        }
        var text = ReportImport.summary(outcome, language: lang)
        if let check = outcome.check {
            let folder = "\(options.content)/\(unit)/\(year)"
            let mine = check.diagnostics.filter { $0.location.file.hasPrefix(folder + "/") || $0.location.file == folder }
            text += lang == .zh ? "\n检查 \(folder)：\n" : "\nchecking \(folder):\n"
            text += mine.isEmpty ? (lang == .zh ? "没有发现问题。\n" : "no problems found.\n")
                : DiagnosticRenderer.text(mine, sources: check.load.sources, language: lang)
        } else {
            text += lang == .zh ? "（试运行：未写入任何文件。）\n" : "(dry run: nothing written.)\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出全部勾稽规则（docs/rules.md 即由此生成）。Print every reconciliation rule as Markdown."
    )

    func run() throws {
        FileHandle.standardOutput.write(Data(RulesDocument.markdown().utf8))
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成内容文件的 JSON Schema。Write the JSON Schemas of the content files."
    )

    @Option(help: "输出目录 (output directory).")
    var output: String = "schema"

    func run() throws {
        let dir = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in ContentFile.allCases {
            let name = file.rawValue.replacingOccurrences(of: ".yaml", with: ".schema.json")
            try Data(JSONSchemaExporter.document(for: file).utf8).write(to: dir.appendingPathComponent(name))
            print(dir.appendingPathComponent(name).path)
        }
    }
}

// Usage errors exit with status 2 (ArgumentParser's default is 64).
do {
    var command = try Disclose.parseAsRoot()
    if let preview = command as? Preview {
        try await preview.serve()
    } else {
        try command.run()
    }
} catch {
    let code = Disclose.exitCode(for: error)
    if error is ExitCode || code == .success {
        Disclose.exit(withError: error)
    }
    FileHandle.standardError.write(Data((TerminalText.escaped(Disclose.fullMessage(for: error), keepingLines: true) + "\n").utf8))
    exit(2)
}
