import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Diagnostics read like a compiler's: file:line:col, the offending line and a caret under the column.
final class DiagnosticRendererTests: XCTestCase {
    func testTextOutputShowsTheLineAndACaretUnderWideCharacters() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/report.yaml", replacing: "kind: 部门", with: "kind: 部们")
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = Checker.check(content: root, displayRoot: "Content")
        let text = DiagnosticRenderer.text(result.diagnostics, sources: result.load.sources, language: .zh)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("Content/test-zzb/2023/report.yaml:2:7: error[SCHEMA-ENUM]: “部们”不是可选值"), lines[0])
        XCTAssertEqual(lines[1], " 2 | kind: 部们")
        XCTAssertEqual(lines[2], "   |       ^")
        XCTAssertEqual(lines[3], "检查完成：1 个错误，0 个警告。")
        let english = DiagnosticRenderer.text(result.diagnostics, sources: result.load.sources, language: .en)
        XCTAssertTrue(english.contains("error[SCHEMA-ENUM]: '部们' is not allowed"), english)
        XCTAssertTrue(english.hasSuffix("check finished: 1 error, 0 warnings.\n"))
    }

    func testTheCaretCountsCJKCharactersAsTwoCells() {
        XCTAssertEqual(DiagnosticRenderer.caretPrefix("名称: 值", column: 5), "      ")
        XCTAssertEqual(DiagnosticRenderer.caretPrefix("\tab", column: 2), "\t")
    }

    func testJSONOutputHasTheDocumentedShape() throws {
        let d = Diagnostic.error(.precision, at: SourceLocation(file: "Content/u/2023/accounts.yaml", line: 12, column: 5),
                                 path: "income.other", zh: "金额超过两位小数", en: "too many decimals",
                                 expected: "534.29", actual: "534.285")
        let json = DiagnosticRenderer.json([d], language: .zh)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
        XCTAssertEqual(object["warnings"] as? Int, 0)
        let item = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(item["severity"] as? String, "error")
        XCTAssertEqual(item["rule"] as? String, "SCHEMA-PRECISION")
        XCTAssertEqual(item["file"] as? String, "Content/u/2023/accounts.yaml")
        XCTAssertEqual(item["line"] as? Int, 12)
        XCTAssertEqual(item["column"] as? Int, 5)
        XCTAssertEqual(item["path"] as? String, "income.other")
        XCTAssertEqual(item["message"] as? String, "金额超过两位小数")
        XCTAssertEqual(item["expected"] as? String, "534.29")
        XCTAssertEqual(item["actual"] as? String, "534.285")
        XCTAssertEqual(Array(object.keys).sorted(), ["diagnostics", "errors", "warnings"])
    }

    func testJSONEscapesMarkupAndControlCharacters() {
        XCTAssertEqual(JSONValue.quote("<script>\"a\"\n"), "\"\\u003cscript\\u003e\\\"a\\\"\\n\"")
    }
}

final class LongLineTests: XCTestCase {
    func testALongLineIsShownAroundTheColumnOnly() {
        let line = String(repeating: "[", count: 5000)
        let (text, caret) = DiagnosticRenderer.excerpt(line, column: 2500)
        XCTAssertLessThanOrEqual(text.count, 102)
        XCTAssertTrue(text.hasPrefix("…") && text.hasSuffix("…"))
        XCTAssertEqual(Array(text.unicodeScalars)[caret - 1], "[")
        XCTAssertEqual(DiagnosticRenderer.excerpt("short", column: 3).0, "short")
    }
}
