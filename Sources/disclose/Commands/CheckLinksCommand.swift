import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct CheckLinks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-links",
        abstract: "检查已生成网站中的链接；加 --external 还逐个访问正文中引用的外部网址。Check the links of the built site.",
        discussion: """
        站内链接（页面、图表、下载文件）每次 disclose build 时都会检查；这里对已生成的输出目录再查一遍。\
        --external 访问正文（.md 文件）中写的每个 http/https 网址，命令行上给出的网址也一并访问。\
        有失效链接时以状态 1 退出。
        Internal links are checked by every build; --external also fetches the narrative's external links and any URL given.
        """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "输出目录 (output directory).")
    var output: String = "Output"

    @Flag(help: "访问正文中的外部网址 (fetch the narrative's external links).")
    var external = false

    @Option(help: "每个网址的等待秒数 (seconds to wait for each address).")
    var timeout: Int = 10

    @Argument(help: "另外要访问的网址，如已发布网站的地址 (more addresses to fetch).")
    var urls: [String] = []

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func run() throws {
        var failures = 0
        let outputURL = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: outputURL.appendingPathComponent("index.html").path) {
            let siteFile = URL(fileURLWithPath: options.content).appendingPathComponent("site.yaml")
            let base = (try? String(contentsOf: siteFile, encoding: .utf8)).flatMap { text in
                text.split(separator: "\n").first { $0.hasPrefix("base_url:") }.map {
                    $0.dropFirst("base_url:".count).split(separator: "#").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) } ?? ""
                }
            } ?? ""
            let dead = LinkAudit.internalDead(output: outputURL, baseURL: base)
            for diagnostic in dead { print(TerminalText.escaped(diagnostic.location.description + ": " + diagnostic.message.text(lang))) }
            failures += dead.count
            print(Message(zh: "站内链接：\(dead.isEmpty ? "全部有效" : "\(dead.count) 个失效")。", en: "internal links: \(dead.isEmpty ? "all good" : "\(dead.count) dead").").text(lang))
        } else {
            print(Message(zh: "\(TerminalText.escaped(output))/ 中还没有网站，跳过站内链接（先运行 disclose build）。", en: "no site in \(TerminalText.escaped(output))/ yet; internal links skipped (run disclose build first).").text(lang))
        }
        var links = urls.map { LinkAudit.ExternalLink(url: $0, location: nil) }
        if external { links += LinkAudit.externalLinks(content: URL(fileURLWithPath: options.content), displayRoot: options.content) }
        if !links.isEmpty {
            let broken = LinkAudit.check(links, timeout: TimeInterval(timeout))
            for failure in broken {
                let place = failure.link.location.map { $0.description + ": " } ?? ""
                print(place + (Message(zh: "外部网址 \(TerminalText.escaped(failure.link.url)) 无法访问（\(failure.reason)）。", en: "\(TerminalText.escaped(failure.link.url)) cannot be reached (\(failure.reason)).").text(lang)))
            }
            failures += broken.count
            print(Message(zh: "外部网址：检查 \(Set(links.map(\.url)).count) 个，\(broken.isEmpty ? "全部可以访问" : "\(Set(broken.map(\.link.url)).count) 个无法访问")。", en: "external addresses: \(Set(links.map(\.url)).count) checked, \(Set(broken.map(\.link.url)).count) unreachable.").text(lang))
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
