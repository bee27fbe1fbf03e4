import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "新建一个网站文件夹（Content/site.yaml、.gitignore、说明）。Create a new site folder.",
        discussion: """
        不询问任何问题：用选项填写站点标题等，其余各项在 Content/site.yaml 中带注释留空，disclose check 会列出。
        之后在该文件夹中运行 disclose new <单位标识> <年度> 开始第一份报告；模板使用 disclose 内置的版本。
        Asks nothing; flags set the fields. Then run `disclose new <unit> <year>` in the folder.
        """
    )

    @Argument(help: "网站文件夹，默认为当前文件夹 (site folder).")
    var directory: String = "."

    @Option(help: "网站标题 (site title).")
    var title: String?

    @Option(help: "发布单位 (publisher).")
    var publisher: String?

    @Option(name: .customLong("base-url"), help: "网站地址，如 https://www.example.gov.cn/juesuan/ (base URL).")
    var baseURL: String?

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        do {
            let written = try SiteInitializer.create(at: folder, fields: .init(title: title, publisher: publisher, baseURL: baseURL))
            let shown = TerminalText.escaped(directory)
            print(Message(zh: "已在 \(shown) 中新建网站：\(written.joined(separator: "、"))。", en: "created a site in \(shown): \(written.joined(separator: ", ")).").text(lang))
            print(Message(zh: "下一步：cd \(shown)，填写 Content/site.yaml，然后 disclose new <单位标识> <年度>。", en: "next: cd \(shown), fill in Content/site.yaml, then disclose new <unit> <year>.").text(lang))
        } catch SiteInitializer.Failure.alreadyASite(let path) {
            FileHandle.standardError.write(Data((Message(zh: "\(TerminalText.escaped(path)) 已存在：这里已经是一个网站，未做任何改动。\n", en: "\(TerminalText.escaped(path)) exists: this is already a site; nothing was changed.\n").text(lang)).utf8))
            throw ExitCode(2)
        } catch SiteInitializer.Failure.notAFolder(let path) {
            FileHandle.standardError.write(Data((Message(zh: "\(TerminalText.escaped(path)) 不是文件夹。\n", en: "\(TerminalText.escaped(path)) is not a folder.\n").text(lang)).utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data((Message(zh: "无法新建网站：\(error.localizedDescription)\n", en: "cannot create the site: \(error.localizedDescription)\n").text(lang)).utf8))
            throw ExitCode(2)
        }
    }
}
