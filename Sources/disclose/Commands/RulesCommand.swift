import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出全部勾稽规则（docs/rules.md 即由此生成）。Print every reconciliation rule as Markdown."
    )

    func run() throws {
        FileHandle.standardOutput.write(Data(RulesDocument.markdown().utf8))
    }
}
