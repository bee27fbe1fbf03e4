@testable import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// The per-report hot paths answer the common case from bytes and leave the rest to the exact rule they
/// replace. Each quick answer is compared here with that rule on the texts where they could differ:
/// combining marks, CR LF (one Character), characters canonically equal to an ASCII mark.
final class QuickPathEquivalenceTests: XCTestCase {
    let texts = ["", "一般公共服务支出", "=SUM(A1)", "+86", "-12.50", "-abc", "@home", "\tlead", "\rlead", "\r\nlead", "a,b", "say \"hi\"",
                 "two\nlines", "crlf\r\ninside", "=\u{301}combining", ",\u{301}", "\"\u{301}", "1,234.56", "收入 / 决算数", "（类）", "a\u{37E}b",
                 "\u{1F1E8}\u{1F1F3}", "e\u{301}", "'quoted'", "-", "=", "\r", "\n", ","]

    /// What `CSVWriter.field` did before its quick path: the formula and quoting rules on Characters.
    func referenceField(_ raw: String) -> String {
        var text = raw
        if let first = text.first, "=+-@\t\r".contains(first), DecimalNumber(text) == nil { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    func testCSVFieldsAreWhatTheCharacterRulesMake() {
        for text in texts {
            XCTAssertEqual(CSVWriter.field(text), referenceField(text), text.debugDescription)
        }
        // Spelled out: a cell starting with CR LF is not a formula, and CR LF alone is no line break to quote.
        XCTAssertEqual(CSVWriter.field("\r\nlead"), "\r\nlead")
        XCTAssertEqual(CSVWriter.field("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.field("-12.50"), "-12.50")
        XCTAssertEqual(CSVWriter.field("甲,乙"), "\"甲,乙\"")
    }

    /// What `Markup.escape` did before its quick path: every scalar looked at.
    func referenceMarkupEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    func testMarkupEscapingReturnsCleanTextAsItIsAndEscapesTheRest() {
        let samples = texts + ["全角，标点：（一）", "\u{FFFD}替换", "\u{FFFE}", "a\u{FFFF}b", "\u{FEFF}bom", "bell\u{07}", "nul\u{0}", "tab\tlf\ncr\r",
                               "\u{FFEE}", "<svg>", "R&D", "O'Neil", "\u{7F}del"]
        for sample in samples {
            XCTAssertEqual(Markup.escape(sample), referenceMarkupEscape(sample), sample.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    func testMarkdownHeadingsAreShiftedOnlyWhereThereAreAny() {
        XCTAssertFalse(MarkdownRenderer.hasHeadingTag("<p>没有标题</p>"))
        XCTAssertTrue(MarkdownRenderer.hasHeadingTag("<h3>标题</h3>"))
        XCTAssertTrue(MarkdownRenderer.hasHeadingTag("x</h2>"))
        XCTAssertEqual(MarkdownRenderer.html("### 三级\n\n正文", headingOffset: 2), "<h5>三级</h5>\n<p>正文</p>\n")
        XCTAssertEqual(MarkdownRenderer.html("正文 <h1>", headingOffset: 2), MarkdownRenderer.html("正文 <h1>"))
        for text in ["**预算**是指……", "指 [链接](x)。", "第一段\n\n第二段"] {
            XCTAssertEqual(MarkdownRenderer.sharedInlineHTML(text), MarkdownRenderer.inlineHTML(text))
            XCTAssertEqual(MarkdownRenderer.sharedInlineHTML(text), MarkdownRenderer.inlineHTML(text), "asked again: from the cache")
        }
    }

    /// `ChartLayout.wrap` as first written: each candidate line measured again from its start.
    func referenceWrap(_ text: String, size: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        func isWordCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "." || c == ",") }
        for ch in text {
            if current.isEmpty, ch.isWhitespace, !lines.isEmpty { continue }
            let candidate = current + String(ch)
            if !current.isEmpty, ChartLayout.textWidth(candidate, size: size) > maxWidth {
                var carried = ""
                if isWordCharacter(ch) {
                    while let last = current.last, isWordCharacter(last) { carried.insert(last, at: carried.startIndex); current.removeLast() }
                    if current.isEmpty { current = carried; carried = "" }
                }
                lines.append(current)
                current = ch.isWhitespace ? carried : carried + String(ch)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    func testChartTextWrapsAsWhenEachLineWasMeasuredAgain() {
        var samples = ["来源：中国共产党泸州市委员会组织部《2020年度部门决算》", "12345678901234567890", "一般公共服务支出 2,345.67万元，占 12.5%",
                       "Latin words that wrap, and numbers 1.23 4.56", "", "　全角空格　开头", "e\u{301}\u{301}组合字符"]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["公", "开", "1", "2", ".", ",", " ", "a", "%", "：", "“", "\u{301}", "　"]
        for _ in 0..<300 { samples.append((0..<40).map { _ in alphabet.randomElement(using: &generator)! }.joined()) }
        for sample in samples {
            for (size, width) in [(13.0, 120.0), (12.0, 260.0), (14.0, 60.0), (11.5, 33.3)] {
                XCTAssertEqual(ChartLayout.wrap(sample, size: size, maxWidth: width), referenceWrap(sample, size: size, maxWidth: width), sample)
            }
        }
    }

    func testEveryBundledCodeListParsesAsTheCharacterRuleWould() throws {
        let urls = ResourceFiles.urls(in: "codes", withExtension: "csv")
        XCTAssertGreaterThanOrEqual(urls.count, 16)
        for url in urls {
            let text = try String(contentsOf: url, encoding: .utf8)
            let fast = CodeList.parse(csv: text, kind: .functional, edition: 2024)
            let reference = CodeList.parseByCharacters(csv: text, kind: .functional, edition: 2024)
            XCTAssertGreaterThan(fast.entries.count, 100, url.lastPathComponent)
            XCTAssertEqual(fast.entries, reference.entries, url.lastPathComponent)
        }
        let crlf = "code,name,level,parent\r\n201,一般公共服务支出,类,\r\n\r\n20101,人大事务,款,201"
        XCTAssertEqual(CodeList.parse(csv: crlf, kind: .functional, edition: 2024).entries,
                       CodeList.parseByCharacters(csv: crlf, kind: .functional, edition: 2024).entries)
    }

    func testCodeListFieldsAreTrimmedAsFoundationTrimsThem() {
        for field in ["201", " 201", "201 ", "\t一般公共服务\u{3000}", "", " ", "\u{3000}", "a b", "e\u{301}", "\u{A0}x\u{A0}"] {
            XCTAssertEqual(CodeList.trimmed(field[...], .whitespaces), field.trimmingCharacters(in: .whitespaces), field.debugDescription)
        }
        for field in ["收入", " 决算数 ", "\u{3000}合计", "", "a\u{301}"] {
            XCTAssertEqual(OpenData.trimmed(field), field.trimmingCharacters(in: .whitespaces), field.debugDescription)
        }
        let list = CodeList.parse(csv: "code,name,level,parent\n201, 一般公共服务支出 ,类,\n20101,人大事务,款, 201\n", kind: .functional, edition: 2024)
        XCTAssertEqual(list["201"]?.name, "一般公共服务支出")
        XCTAssertEqual(list["20101"]?.parent, "201")
    }

    func testSentenceEndsAreTheCharactersTheSentenceRuleNames() {
        var characters: [Character] = ["。", "；", ";", "！", "？", "!", "?", "\u{37E}", "。\u{301}", ";\u{301}", "\r\n", "，", "a", "\u{1F1E8}\u{1F1F3}"]
        for value in 0..<0x3100 { if let scalar = Unicode.Scalar(value) { characters.append(Character(scalar)) } }
        for value in 0xFF00..<0xFF60 { if let scalar = Unicode.Scalar(value) { characters.append(Character(scalar)) } }
        for ch in characters {
            XCTAssertEqual(NarrativeScanner.isSentenceEnd(ch), "。；;！？!?".contains(ch), String(ch).unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        XCTAssertTrue(NarrativeScanner.isSentenceEnd("\u{37E}"), "U+037E is canonically a semicolon")
    }

    func testSentencesAreSplitAsBefore() {
        let text = "本年收入合计100.00万元；其中：财政拨款80.00万元。增长\u{FF15}%！（类）一般公共服务（201）支出\n\n第二段 没有句号"
        let sentences = NarrativeScanner.sentences(text)
        XCTAssertEqual(sentences.map(\.text), ["本年收入合计100.00万元；", "其中：财政拨款80.00万元。", "增长5%！", "一般公共服务支出", "第二段没有句号"])
        XCTAssertEqual(sentences.map(\.line), [1, 1, 1, 1, 3])
    }

    func testPlaceholderCandidatesHoldEveryPatternFoundationFinds() {
        let lines = ["支出比上年增加/减少10万元", "增长/下\u{FA09}", "补\u{FA74}说明", "本部门（单位）", "XX项目", "http://example.com/XXL", "[image: 1]",
                     "（注：请删除）", "大小于", "一般公共服务支出增加5万元", "增加（减少）", "xx\u{301}", "[imagé", "{{name}}"]
        for line in lines {
            let candidates = TextRules.placeholderCandidates(line[...])
            for pattern in TextRules.placeholderPatterns where line.range(of: pattern) != nil {
                XCTAssertTrue(candidates.contains(pattern), "\(line): \(pattern)")
            }
        }
        XCTAssertEqual(TextRules.placeholderCandidates("一般公共服务支出增加5万元"[...]), [])
        XCTAssertEqual(TextRules.placeholderCandidates("增长/下\u{FA09}"[...]).count, TextRules.placeholderPatterns.count)
    }

    func testBracketsAreCheckedInOnePassAsPairByPair() {
        var lines = ["（一）一般公共服务支出", "括号（没有关上", "多了）一个", "“引号”与《书名》", "《书名》》", "（(混合）)", "【】‘’", "（\u{301}）", "）（", ""]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["（", "）", "(", ")", "“", "”", "‘", "’", "《", "》", "【", "】", "字", "\u{301}", "a"]
        for _ in 0..<500 { lines.append((0..<10).map { _ in alphabet.randomElement(using: &generator)! }.joined()) }
        for line in ["见[说明](a.md)（", "`code（`", "\u{1FEF}（", "普通（文字", "](", "]\u{301}("] {
            XCTAssertEqual(TextRules.isLinkOrCode(line[...]), line.contains("](") || line.contains("`"), line)
        }
        for line in lines {
            let fast = TextRules.unbalanced(line[...]), reference = TextRules.unbalancedPairByPair(line[...])
            XCTAssertEqual(fast?.name, reference?.name, line)
            XCTAssertEqual(fast?.column, reference?.column, line)
        }
    }

    func testByteSearchFindsEveryOccurrenceFoundationFinds() {
        for text in texts + ["（", "(201)", "一般（201）", "（\u{301}"] {
            for needle in ["（", "("] {
                if text.contains(needle) { XCTAssertTrue(NarrativeScanner.holdsBytes(text, needle), "\(text) \(needle)") }
            }
        }
        XCTAssertFalse(NarrativeScanner.holdsBytes("无括号", "（"))
        XCTAssertTrue(NarrativeScanner.holdsBytes("有（括号", "（"))
    }
}
