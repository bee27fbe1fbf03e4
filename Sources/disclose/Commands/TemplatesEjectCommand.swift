import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

extension Templates {
    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把内置模板复制到模板目录中以便修改。Copy built-in templates into the site's templates folder.",
            discussion: """
            站点模板目录中的文件逐个覆盖内置的同名文件；没有取出的模板继续使用内置版本。\
            已有且内容不同的文件不会被覆盖（加 --force 才覆盖）。
            A site's own file replaces the built-in one of the same path; existing edited files are kept unless --force.
            """
        )

        @Option(parsing: .upToNextOption, help: "只取出这些模板，如 report、part2、assets/site.css (only these templates).")
        var only: [String] = []

        @Option(help: "模板目录 (templates directory).")
        var templates: String = "Templates"

        @Flag(help: "覆盖已修改的文件 (overwrite edited files).")
        var force = false

        @Option(help: "消息语言 zh 或 en (message language).")
        var lang: Language = .zh

        func run() throws {
            let outcome = try TemplateEjector.eject(into: URL(fileURLWithPath: templates), only: only, force: force)
            let folder = TerminalText.escaped(templates)
            if !outcome.unknown.isEmpty {
                let names = outcome.unknown.map { TerminalText.escaped($0) }.joined(separator: "、")
                FileHandle.standardError.write(Data((Message(zh: "没有这样的内置模板：\(names)（disclose templates list 列出全部）。\n", en: "no such built-in template: \(names) (disclose templates list shows them).\n").text(lang)).utf8))
            }
            if !outcome.written.isEmpty {
                print(Message(zh: "已复制到 \(folder)/：\(outcome.written.joined(separator: "、"))", en: "copied into \(folder)/: \(outcome.written.joined(separator: ", "))").text(lang))
            }
            if !outcome.unchanged.isEmpty {
                print(Message(zh: "与内置版本相同，未改动：\(outcome.unchanged.count) 个文件", en: "identical to the built-in version, left as is: \(outcome.unchanged.count) files").text(lang))
            }
            if !outcome.kept.isEmpty {
                print(Message(zh: "已有修改，保留未覆盖（加 --force 覆盖）：\(outcome.kept.joined(separator: "、"))", en: "edited, kept (--force overwrites): \(outcome.kept.joined(separator: ", "))").text(lang))
            }
            if !outcome.unknown.isEmpty { throw ExitCode(2) }
        }
    }
}
