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

    /// Content paths travel as data (`ContentPath`: root, unit, year, file). The displayed string is
    /// for messages only: no code splits it back into a unit or a year.
    func testNoCodeParsesADisplayedPathBackIntoUnitsOrYears() throws {
        let parsing = ["location.file.hasPrefix", "location.file.split", "location.file.dropFirst", "location.file.components",
                       "file.hasPrefix(folder", "file.hasPrefix(report.folder", "file.hasPrefix(r.folder", "unitID(of:", "errors(inFolder:",
                       "contentDisplay + \"/\"", ".folder + \"/\")"]
        for file in try swiftFiles(under: "Sources") {
            for pattern in parsing {
                XCTAssertFalse(file.text.contains(pattern), "\(file.path) reads a unit or year out of a displayed path (\(pattern))")
            }
        }
    }

    /// A switch over a table layout names every layout: a new layout must be handled on purpose,
    /// never fall into a silent `default`. Layouts are the enum, not strings.
    func testSwitchesOverTableLayoutsAreExhaustive() throws {
        var switches = 0
        for file in try swiftFiles(under: "Sources") {
            var rest = Substring(file.text)
            while let start = rest.range(of: "switch layout {") {
                switches += 1
                // The body up to the matching brace.
                var depth = 1
                var index = start.upperBound
                while depth > 0 && index < rest.endIndex {
                    if rest[index] == "{" { depth += 1 } else if rest[index] == "}" { depth -= 1 }
                    index = rest.index(after: index)
                }
                let body = rest[start.upperBound..<index]
                XCTAssertFalse(body.contains("default:"), "\(file.path): a switch over a layout has a default")
                XCTAssertFalse(body.contains("case \""), "\(file.path): a switch over a layout matches strings")
                rest = rest[index...]
            }
            XCTAssertFalse(file.text.contains("codeTables[\""), "\(file.path): the importer's tables are keyed by TableLayout")
        }
        XCTAssertGreaterThanOrEqual(switches, 3, "the renderer's and the importer's switches are found")
    }
}
