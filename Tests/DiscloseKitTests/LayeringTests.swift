import DiscloseCore
import Foundation
import XCTest

/// The layers the code keeps: one escaper, one file per subcommand with bilingual `Message`s,
/// every table layout known by the enum the renderer switches over.
final class LayeringTests: XCTestCase {
    func swiftFiles(under folder: String) throws -> [(path: String, text: String)] {
        let root = repositoryRoot.appendingPathComponent(folder)
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var out: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            out.append((String(url.path.dropFirst(repositoryRoot.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    func testOneEscaperForHTMLSVGAndXML() throws {
        // The fuzzer's mutator writes hostile entities into content on purpose; it escapes nothing.
        let escaping = try swiftFiles(under: "Sources").filter { !$0.path.hasPrefix("Sources/DiscloseKit/Fuzz/") }
            .filter { $0.text.contains("\"&amp;\"") || $0.text.contains("\"&lt;\"") }
        XCTAssertEqual(escaping.map(\.path), ["Sources/DiscloseCore/Text/Markup.swift"])
        XCTAssertEqual(Markup.escape("<a href=\"x\">'&'</a>\u{0}"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    func testEachSubcommandHasItsOwnFileAndBilingualMessages() throws {
        let files = try swiftFiles(under: "Sources/disclose")
        let main = try XCTUnwrap(files.first { $0.path.hasSuffix("/main.swift") })
        XCTAssertFalse(main.text.contains("ParsableCommand {"), "main.swift only starts the root command")
        for file in files {
            let commands = file.text.components(separatedBy: "ParsableCommand {").count - 1
            XCTAssertLessThanOrEqual(commands, 1, "\(file.path) holds one subcommand")
            XCTAssertFalse(file.text.contains("lang == .zh ?") || file.text.contains("language == .zh ?"),
                           "\(file.path): messages are Message(zh:en:), chosen at the edge")
        }
    }

    func testEveryBundledTableUsesALayoutTheRendererKnows() {
        for set in TableSet.bundled.values {
            XCTAssertEqual(set.tables.map(\.layout.rawValue), set.tables.map(\.id), set.id)
        }
        XCTAssertEqual(TableSet.bundled.count, 5, "a table set naming an unknown layout would fail to load")
    }
}
