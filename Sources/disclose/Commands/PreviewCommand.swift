import ArgumentParser
import DiscloseCore
import DiscloseKit
import DisclosePreview
import Foundation

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

    @Option(help: "消息语言 zh 或 en (message language).")
    var lang: Language = .zh

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError(Message(zh: "端口应在 1–65535 之间。", en: "the port is between 1 and 65535.").text(lang))
        }
    }

    func run() async throws { try await serve() }

    /// Named apart from `run()`: ArgumentParser's synchronous `run()` would otherwise be chosen.
    func serve() async throws {
        guard PortProbe.isFree(host: host, port: port) else {
            let free = PortProbe.freePort(near: port, host: host)
            Say.err(Message(zh: "端口 \(port) 已被占用\(free.map { "，可以改用：disclose preview --port \($0)" } ?? "")。\n",
                            en: "port \(port) is in use\(free.map { "; try: disclose preview --port \($0)" } ?? "").\n"), lang)
            throw ExitCode(2)
        }
        var server = PreviewServer(options: .init(
            content: URL(fileURLWithPath: options.content), contentDisplay: options.content,
            templates: URL(fileURLWithPath: templates), templatesDisplay: templates,
            output: URL(fileURLWithPath: output)), host: host, port: port, writeOutput: true)
        server.onRebuild = { FileHandle.standardOutput.write(Data((PreviewLine.text($0) + "\n").utf8)) }
        let initial = server.snapshot()
        await server.rebuild()
        if await server.state.failed {
            Say.err(Message(zh: "内容有错误：浏览器中会显示错误说明，改正后自动刷新。\n",
                            en: "the content has errors: the browser shows them and reloads once they are fixed.\n"), lang)
        }
        // Beyond loopback the preview says so, with the addresses it is really reachable at.
        let (urls, warning) = PreviewHosts.describe(host: host, port: port)
        if let warning { FileHandle.standardError.write(Data((TerminalText.escaped(warning) + "\n").utf8)) }
        let url = urls.first ?? "http://\(host):\(port)/"
        let open = self.open, lang = self.lang
        let shown = TerminalText.escaped(urls.joined(separator: "　"))
        let app = server.application { _ in
            Say.out(Message(zh: "预览地址：\(shown)　（按 Ctrl-C 退出）\n", en: "previewing at \(shown)  (Ctrl-C quits)\n"), lang)
            if open { _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["xdg-open", url]) }
        }
        // Quits within two seconds of Ctrl-C or SIGTERM, whatever browsers are connected.
        var session = PreviewSession(server: server)
        session.stoppedMessage = Message(zh: "预览已停止。\n", en: "preview stopped.\n").text(lang)
        try await session.run(app, watchingSince: initial)
    }
}
