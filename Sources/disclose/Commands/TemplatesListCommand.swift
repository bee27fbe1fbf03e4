import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

extension Templates {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出内置模板，并标出站点模板目录中已覆盖的。List the built-in templates and which the site overrides."
        )

        @Option(help: "模板目录 (templates directory).")
        var templates: String = "Templates"

        func run() throws {
            let folder = URL(fileURLWithPath: templates)
            for file in BundledTemplates.all {
                let own = FileManager.default.contents(atPath: folder.appendingPathComponent(file.path).path)
                let mark = own == nil ? "" : own == file.data ? "  （站点中有相同副本）" : "  （站点已修改）"
                print(file.path + mark)
            }
        }
    }
}
