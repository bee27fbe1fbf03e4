import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "内容目录 (content directory).")
    var content: String = "Content"
}

extension Language: ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Every message a subcommand prints is a `Message`; the language is chosen here, at the edge.
enum Say {
    static func out(_ message: Message, _ language: Language) {
        FileHandle.standardOutput.write(Data(message.text(language).utf8))
    }

    static func err(_ message: Message, _ language: Language) {
        FileHandle.standardError.write(Data(message.text(language).utf8))
    }
}
