import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "内置模板：列出，或取出到 Templates/ 中修改。Built-in templates: list them or copy them out for editing.",
        subcommands: [Eject.self, List.self]
    )
}
