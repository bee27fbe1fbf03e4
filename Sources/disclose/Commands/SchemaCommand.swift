import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

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
            print(TerminalText.escaped(dir.appendingPathComponent(name).path))
        }
    }
}
