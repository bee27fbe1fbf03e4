@testable import DiscloseKit
import Foundation
import Mustache
import XCTest

/// Pages are rendered by `CompiledTemplates` (no dynamic casts per lookup); swift-mustache is the
/// specification. Every render here is compared with swift-mustache's own render of the same template
/// and context, over the Mustache features a site's templates may use and the values page contexts hold.
final class CompiledTemplatesTests: XCTestCase {
    struct Point { let x: Int; let label: String?; let missing: String? }

    func templateSet(_ files: [String: String]) throws -> TemplateSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-templates-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            let url = folder.appendingPathComponent("\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        guard case .success(let set) = TemplateSet.load(folder, display: "Templates") else {
            XCTFail("templates did not load")
            throw CocoaError(.fileReadUnknown)
        }
        return set
    }

    /// Renders `template` both ways; they must agree, and `expected` (when given) must be what both print.
    func assertSame(_ template: String, _ context: [String: Any], partials: [String: String] = [:], expected: String? = nil,
                    compiled: Bool = true, handedToMustache: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
        var files = partials
        files["t"] = template
        let set = try templateSet(files)
        XCTAssertEqual(set.compiled?.compiles("t"), compiled, "compiled", file: file, line: line)
        if compiled {
            // The compiled renderer itself rendered it (nil: it handed the render to swift-mustache).
            XCTAssertEqual(set.compiled?.render("t", TemplateValue(context)) == nil, handedToMustache, "handed to swift-mustache", file: file, line: line)
        }
        let fast = set.render("t", context)
        let reference = set.renderWithMustache("t", context)
        XCTAssertEqual(fast, reference, file: file, line: line)
        if let expected { XCTAssertEqual(fast, expected, file: file, line: line) }
    }

    func testTheBundledTemplatesAreAllCompiled() throws {
        guard case .success(let set) = TemplateSet.load(URL(fileURLWithPath: "/nonexistent-templates"), display: "Templates") else {
            return XCTFail("bundled templates did not load")
        }
        for file in BundledTemplates.all where file.path.hasSuffix(".mustache") {
            let name = String(file.path.dropLast(".mustache".count))
            XCTAssertEqual(set.compiled?.compiles(name), true, "\(name) uses a feature the compiled renderer does not have")
        }
    }

    func testVariablesAreEscapedAsSwiftMustacheEscapesThem() throws {
        let context: [String: Any] = ["plain": "公开", "html": "<a href=\"x\">'&'</a>", "combining": "&\u{301}<\u{338}", "crlf": "a\r\nb",
                                      "int": 42, "flag": true, "off": false, "double": 1.5]
        try assertSame("{{plain}}|{{html}}|{{{html}}}|{{&html}}|{{combining}}|{{crlf}}|{{int}}|{{flag}}|{{off}}|{{double}}|{{missing}}", context,
                       expected: "公开|&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>|&\u{301}<\u{338}|a\r\nb|42|true|false|1.5|")
    }

    func testOptionalsAreFalseWhenNilAndTheirValueOtherwise() throws {
        let none: String? = nil
        let some: String? = "有"
        let nested: [String: Any] = ["reason": none as Any]
        // A nil in a section must not pick up the parent's field of the same name.
        try assertSame("{{#some}}[{{some}}]{{/some}}{{#none}}x{{/none}}{{^none}}无{{/none}}{{#inner}}{{#reason}}{{reason}}{{/reason}}{{^reason}}-{{/reason}}{{/inner}}",
                       ["some": some as Any, "none": none as Any, "inner": nested, "reason": "parent"], expected: "[有]无-")
    }

    func testSectionsOverListsObjectsStringsAndNumbers() throws {
        let context: [String: Any] = [
            "rows": [["label": "甲", "value": "1.00", "last": false], ["label": "乙", "value": "2.00", "last": true]],
            "names": ["a", "b"], "mixed": [1, "two", ["k": "v"]] as [Any], "empty": [[String: Any]](), "emptyNames": [String](),
            "object": ["title": "标题", "child": ["deep": "深"]], "text": "文字", "zero": 0, "one": 1, "unit": "万元",
            "strings": ["k": "v"] as [String: String],
        ]
        try assertSame("""
            {{#rows}}{{label}}{{value}}{{unit}}{{^last}}；{{/last}}{{/rows}}
            {{#names}}<{{.}}>{{/names}}{{#mixed}}({{.}}{{k}}){{/mixed}}
            {{#empty}}never{{/empty}}{{^empty}}none{{/empty}}{{^emptyNames}}none{{/emptyNames}}
            {{#object}}{{title}}{{child.deep}}{{.title}}{{.unit}}{{unit}}{{/object}}{{object.child.deep}}{{object.nothing.deep}}
            {{#text}}[{{text}}{{.}}]{{/text}}{{#zero}}z{{.}}{{/zero}}{{^zero}}notzero{{/zero}}{{#one}}o{{/one}}{{#strings}}{{k}}{{/strings}}
            """, context)
    }

    func testTransformsOfValues() throws {
        try assertSame("{{^empty(items)}}有{{/empty(items)}}{{#empty(none)}}空{{/empty(none)}}{{count(items)}}{{uppercased(word)}}{{#first(items)}}{{label}}{{/first(items)}}{{empty(word)}}{{bogus(word)}}",
                       ["items": [["label": "甲"], ["label": "乙"]], "none": [[String: Any]](), "word": "abc"])
    }

    func testPartialsStandaloneTagsAndIndentation() throws {
        let partial = "<li>{{name}}</li>\n{{#sub}}\n  <b>{{.}}</b>\n{{/sub}}\n"
        try assertSame("""
            <ul>
              {{#items}}
              {{>item}}
              {{/items}}
            </ul>
            {{! a comment }}
            {{>missing}}
            """, ["items": [["name": "一", "sub": ["x", "y"]], ["name": "二", "sub": [String]()]]], partials: ["item": partial])
    }

    func testValuesOnlySwiftMustacheKnowsAreStillRenderedByIt() throws {
        let point = Point(x: 3, label: "点", missing: nil)
        try assertSame("{{#point}}{{x}}{{label}}{{missing}}{{/point}}{{point.x}}{{null}}{{#null}}n{{/null}}{{^null}}没有{{/null}}",
                       ["point": point, "null": NSNull()])
        // A lambda: the compiled renderer hands the render to swift-mustache.
        try assertSame("{{#wrap}}内容{{/wrap}}", ["wrap": MustacheLambda { text in "<b>\(text)</b>" }], handedToMustache: true)
    }

    func testTemplatesWithInheritanceAreLeftToSwiftMustache() throws {
        try assertSame("{{<base}}{{$title}}新标题{{/title}}{{/base}}", ["x": 1], partials: ["base": "<h1>{{$title}}默认{{/title}}</h1>"],
                       expected: "<h1>新标题</h1>", compiled: false)
        // A compiled template whose partial is not compiled: the whole render goes to swift-mustache.
        try assertSame("<p>{{>base}}</p>", ["x": 1], partials: ["base": "{{$title}}默认{{/title}}{{x}}"], expected: "<p>默认1</p>",
                       handedToMustache: true)
    }

    /// swift-mustache's own loop (String.htmlEscape), the specification `HTMLEscaping.escape` must equal.
    func referenceEscape(_ text: String) -> String {
        let replacements: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        var escaped = ""
        for c in text {
            if let replacement = replacements[c] { escaped += replacement } else { escaped.append(c) }
        }
        return escaped
    }

    func testEscapingCopiesRunsYetTreatsCharactersAsSwiftMustacheDoes() {
        // Prepend (U+0600) and combining marks make "<" part of a longer Character, which is not escaped.
        var samples = ["\u{0600}<b>", "<\u{301}>", "a\u{200D}<", "\r\n<\r\n", "<svg viewBox=\"0 0 10 10\"><text>公开 & 透明</text></svg>",
                       "&&&", "'\"'", "\u{1F468}\u{200D}\u{1F469}<", "\u{0915}\u{094D}&", "<", ""]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["<", ">", "&", "\"", "'", "a", "公", "\u{301}", "\u{0600}", "\r", "\n", "\u{200D}", " "]
        for _ in 0..<300 { samples.append((0..<12).map { _ in alphabet.randomElement(using: &generator)! }.joined()) }
        for sample in samples {
            XCTAssertEqual(HTMLEscaping.escape(sample), referenceEscape(sample), sample.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        XCTAssertEqual(HTMLEscaping.escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    func testHTMLEscapingMatchesSwiftMustacheOnEveryKindOfText() throws {
        let samples = ["", "plain", "公开&透明", "<&>\"'", "e\u{301}&\u{301}", "\u{1F1E8}\u{1F1F3}<", "a'b", "&amp;", "\r\n&\r\n"]
        for sample in samples {
            let set = try templateSet(["t": "{{v}}"])
            XCTAssertEqual(set.render("t", ["v": sample]), set.renderWithMustache("t", ["v": sample]), sample)
        }
    }
}
