@testable import DiscloseCore
@testable import DiscloseKit
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
