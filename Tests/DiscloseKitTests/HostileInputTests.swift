import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// Hostile and pathological content ends in diagnostics: huge numbers, every YAML shape at every
/// schema position, deep nesting and long runs in Markdown, a 5 MB value.
final class HostileInputTests: XCTestCase {
    // MARK: Numbers

    func testAmountsOutsideTheDocumentedRangeAreRefusedWhereTheyAreWritten() throws {
        for number in ["9223372036854775807", "999999999999999999", "92233720368547758.07", "9999999999999999.99",
                       "1000000000000", "-1000000000000.00", "99999999999999999999999"] {
            var site = FixtureSite()
            site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: \(number)")
            let diagnostics = try site.check()
            let d = assertDiagnostic(diagnostics, rule: "SCHEMA-NUMBER", file: "test-zzb/2023/accounts.yaml", line: 2, column: 19)
            XCTAssertTrue(d?.message.zh.contains("超出范围") ?? false, number)
        }
        // The largest amount inside the range is accepted as a number (only the sums disagree).
        var site = FixtureSite()
        site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: 999999999999.99")
        XCTAssertTrue(try site.check().filter { $0.rule == "SCHEMA-NUMBER" }.isEmpty)
    }

    func testHugeNumbersInEveryNumericFieldOfTheSampleContentNeverTrap() throws {
        // Every number of the sample accounts and performance files replaced in turn.
        let content = repositoryRoot.appendingPathComponent("Content")
        let runner = try FuzzRunner(content: content, templates: repositoryRoot.appendingPathComponent("Templates"), seed: 1)
        let number = try NSRegularExpression(pattern: #"(?<=: )-?[0-9]+(\.[0-9]+)?(?=\s*($|[,}\]#]))"#, options: [.anchorsMatchLines])
        var runs = 0
        for base in runner.bases {
            for path in base.keys.sorted() where path.hasSuffix("accounts.yaml") || path.hasSuffix("performance.yaml") {
                let text = String(decoding: base[path]!, as: UTF8.self)
                let matches = number.matches(in: text, range: NSRange(text.startIndex..., in: text))
                for (i, match) in matches.enumerated() where i % 7 == 0 {
                    for huge in ["9223372036854775807", "92233720368547758.07"] {
                        let changed = (text as NSString).replacingCharacters(in: match.range, with: huge)
                        var files = base
                        files[path] = Data(changed.utf8)
                        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-huge-\(UUID().uuidString)/Content")
                        try FuzzRunner.write(files, to: folder)
                        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
                        let check = Checker.check(content: folder, displayRoot: "Content")
                        XCTAssertTrue(check.diagnostics.contains { $0.rule == "SCHEMA-NUMBER" && $0.location.file == "Content/\(path)" }, "\(path) #\(i)")
                        runs += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(runs, 20)
    }

    // MARK: Shapes

    /// Every keyed line of every YAML file of the fixture rewritten into each other shape.
    func testEveryShapeAtEverySchemaPositionGivesDiagnosticsNotATrap() throws {
        let shapes: [(String, (String) -> String)] = [
            ("scalar", { _ in "text" }), ("null", { _ in "~" }),
            ("flow sequence", { "[\($0.isEmpty ? "1" : $0)]" }), ("flow mapping", { "{x: \($0.isEmpty ? "1" : $0)}" }),
            ("empty flow", { _ in "{}" }), ("anchored", { "&a [\($0.isEmpty ? "1" : $0), {b: *a}]" }),
            ("nested sequences", { _ in "[[[[1]]], [{a: [2]}]]" }), ("merge key", { _ in "{<<: {x: 1}}" }),
        ]
        let base = FixtureSite()
        var variants = 0, typeErrors = 0
        for path in base.files.keys.sorted() where path.hasSuffix(".yaml") {
            let lines = base.files[path]!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (i, line) in lines.enumerated() {
                guard let colon = line.range(of: ":"), !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") else { continue }
                let indent = line.prefix { $0 == " " || $0 == "-" }.count
                // The block under this key (deeper lines) goes with it.
                var end = i + 1
                while end < lines.count, lines[end].prefix(while: { $0 == " " || $0 == "-" }).count > indent { end += 1 }
                let value = String(line[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
                for (_, shape) in shapes {
                    var changed = lines
                    changed.replaceSubrange(i..<end, with: [String(line[..<colon.upperBound]) + " " + shape(value)])
                    // And the same value written as a block sequence and a block mapping.
                    for variant in [changed,
                                    Array(lines[..<i]) + [String(line[..<colon.upperBound]), String(repeating: " ", count: indent + 2) + "- " + shape(value)] + Array(lines[end...]),
                                    Array(lines[..<i]) + [String(line[..<colon.upperBound]), String(repeating: " ", count: indent + 2) + "k: " + shape(value)] + Array(lines[end...])] {
                        var site = base
                        site.files[path] = variant.joined(separator: "\n")
                        let diagnostics = try site.check()
                        variants += 1
                        if diagnostics.contains(where: { $0.rule == "SCHEMA-TYPE" }) { typeErrors += 1 }
                        XCTAssertTrue(diagnostics.allSatisfy { $0.location.file.hasPrefix("Content") })
                    }
                }
            }
        }
        XCTAssertGreaterThan(variants, 500)
        // Most rewrites put a wrong shape somewhere, and say so as SCHEMA-TYPE.
        XCTAssertGreaterThan(typeErrors, variants / 3, "\(typeErrors) of \(variants)")
    }

    func testAMappingWhereAnAmountBelongsIsATypeErrorAtItsPlace() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: {a: [1, {b: 2}]}")
        let diagnostics = try site.check()
        assertDiagnostic(diagnostics, rule: "SCHEMA-TYPE", file: "test-zzb/2023/accounts.yaml", line: 2, column: 19)
    }

    // MARK: Bounded work

    /// Pathological narrative and a 5 MB value: each check ends, with its diagnostics. The limit is
    /// generous; the time itself is a benchmark figure (docs/robustness.md).
    func testPathologicalInputsEndWithDiagnostics() throws {
        let runs: [(String, String)] = [
            ("deep block quotes", String(repeating: ">", count: 100_000)),
            ("deep lists", String(repeating: "- ", count: 100_000) + "x"),
            ("deep ordered lists", String(repeating: "1. ", count: 100_000) + "x"),
            ("deep brackets", String(repeating: "[", count: 100_000)),
            ("deep parentheses", "[a](" + String(repeating: "(", count: 100_000)),
            ("repeated emphasis", String(repeating: "*a", count: 100_000)),
            ("repeated links", String(repeating: "[a](b)", count: 35_000)),
            ("repeated html", String(repeating: "<b>", count: 70_000)),
            ("repeated quotes lines", String(repeating: "> a\n", count: 50_000)),
            ("one long line", String(repeating: "财政拨款", count: 50_000)),
        ]
        for file in ["duties.md", "organization.md", "achievements.md", "performance-report.md"] {
            for (name, text) in runs {
                var site = FixtureSite()
                let before = (site.files["test-zzb/2023/\(file)"] ?? "") + "\n"
                site.files["test-zzb/2023/\(file)"] = before + text + "\n"
                let started = Date()
                let diagnostics = try site.check()
                let seconds = Date().timeIntervalSince(started)
                XCTAssertLessThan(seconds, 60, "\(file): \(name) took \(seconds) s")
                // Every worst case ends with a diagnostic: the run itself is named where it starts,
                // with its size and the limit.
                let repetition = diagnostics.filter { $0.rule == "MD-REPETITION" }
                XCTAssertEqual(repetition.count, 1, "\(file): \(name)")
                if let r = repetition.first {
                    XCTAssertEqual(r.severity, .error)
                    XCTAssertEqual(r.location.file, "Content/test-zzb/2023/\(file)")
                    XCTAssertEqual(r.location.line, before.filter { $0 == "\n" }.count + 1, "\(file): \(name)")
                    // Where the repetition begins: after "[a]" for the parentheses.
                    XCTAssertEqual(r.location.column, name == "deep parentheses" ? 4 : 1, "\(file): \(name)")
                    let size = try XCTUnwrap(Int(r.message.en.components(separatedBy: " for ").last?.components(separatedBy: " ").first ?? ""))
                    XCTAssertGreaterThanOrEqual(size, text.unicodeScalars.count - 6, "\(file): \(name)")
                    XCTAssertTrue(r.message.zh.contains("共 \(size) 个字符") && r.message.zh.contains("\(MarkdownRenderer.repetitionLimit) 个字符的上限"), r.message.zh)
                }
                if name.hasPrefix("deep") && !name.contains("brackets") && !name.contains("parentheses") {
                    // Stopped at the limit, at the line where it is passed.
                    let nesting = diagnostics.filter { $0.rule == "MD-NESTING" }
                    XCTAssertEqual(nesting.count, 1, "\(file): \(name)")
                    XCTAssertEqual(nesting.first?.location.file, "Content/test-zzb/2023/\(file)")
                    XCTAssertTrue(nesting.first?.message.zh.contains("\(MarkdownRenderer.nestingLimit) 层") ?? false)
                }
                if name == "repeated html" {
                    // At most 20 warnings listed, the rest counted.
                    let html = diagnostics.filter { $0.rule == "MD-RAW-HTML" }
                    XCTAssertEqual(html.count, MarkdownRenderer.lintWarningLimit + 1, "\(file)")
                    XCTAssertEqual(html.filter { $0.message.zh.contains("另有") }.count, 1)
                }
            }
        }
    }

    func testAFiveMegabyteValueEndsWithADiagnostic() throws {
        for value in [String(repeating: "9", count: 5_000_000), String(repeating: "财", count: 1_700_000)] {
            var site = FixtureSite()
            site.edit("test-zzb/2023/report.yaml", replacing: "    - name: 测试县委组织部（本级）", with: "    - name: \(value)")
            site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: \(value)")
            let started = Date()
            let diagnostics = try site.check()
            XCTAssertLessThan(Date().timeIntervalSince(started), 60)
            XCTAssertTrue(diagnostics.contains { $0.rule == "SCHEMA-NUMBER" || $0.rule == "FILE-UNREADABLE" || $0.rule == "SCHEMA-TYPE" },
                          diagnostics.map(\.message.zh).joined(separator: "\n"))
        }
    }

    /// The repetition scan: a long run of one short pattern is found with its start and size; text a
    /// person writes, however long, is not.
    func testALongRunOfOneShortPatternIsFoundWhereItStarts() throws {
        let limit = MarkdownRenderer.repetitionLimit
        for pattern in ["*", "*a", "[a", "`", "_", "<", "&", "&amp;", "> a\n", "财政拨款", "（一）"] {
            let head = "第一段文字。\n\n前言"
            let count = (limit + pattern.unicodeScalars.count - 1) / pattern.unicodeScalars.count + 1
            let text = head + String(repeating: pattern, count: count) + "。\n"
            let diagnostics = MarkdownRenderer.lint(text, file: ContentPath(root: "Content", unit: "u", year: 2023, file: "duties.md"))
            let found = diagnostics.filter { $0.rule == "MD-REPETITION" }
            XCTAssertEqual(found.count, 1, pattern)
            XCTAssertEqual(found.first?.location.line, 3, pattern)
            XCTAssertEqual(found.first?.location.column, 3, pattern)
            XCTAssertEqual(found.first?.location.source.unit, "u")
        }
        // docs/rules.md states the limits the lint applies.
        let rules = RulesDocument.markdown()
        XCTAssertTrue(rules.contains("`MD-REPETITION`") && rules.contains("\n  \(limit) 个字符"), rules)
        XCTAssertTrue(rules.contains("超过 \(MarkdownRenderer.nestingLimit) 层") && rules.contains("最多列出 \(MarkdownRenderer.lintWarningLimit) 处"))
        XCTAssertTrue(rules.contains("超过 \(ContentLoader.narrativeByteLimit / 1024 / 1024) MB"))
        // Just under the limit: no finding.
        let under = String(repeating: "*a", count: limit / 2 - 1)
        XCTAssertTrue(MarkdownRenderer.lint(under, file: "x.md").filter { $0.rule == "MD-REPETITION" }.isEmpty)
        // A long narrative that does not repeat itself: no finding.
        let seeds = ["部门", "预算", "决算", "公开", "经费", "支出", "收入", "项目", "绩效", "管理", "单位", "财政"]
        var prose = ""
        var state: UInt64 = 42
        while prose.unicodeScalars.count < 60_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            prose += seeds[Int(state >> 33) % seeds.count]
            if state % 7 == 0 { prose += "，" }
        }
        XCTAssertTrue(MarkdownRenderer.lint(prose, file: "x.md").filter { $0.rule == "MD-REPETITION" }.isEmpty)
    }
}
