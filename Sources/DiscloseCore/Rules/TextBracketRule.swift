/// Brackets, quotation marks and 《》 that open and never close (or close without opening): a sentence cut
/// short or a template remnant.
extension TextRules {
    static let bracketPairs: [(open: Character, close: Character, name: String)] = [
        ("（", "）", "括号（）"), ("(", ")", "括号()"), ("“", "”", "引号“”"), ("‘", "’", "引号‘’"), ("《", "》", "书名号《》"), ("【", "】", "括号【】"),
    ]

    /// The first unbalanced pair of a paragraph: the pair's name and the column of the stray mark.
    /// One pass over the line for all pairs; the answer is the first pair's, in `bracketPairs` order, that
    /// `unbalancedPairByPair` would give. A Character is a mark only as that single scalar (no other
    /// character is canonically equal to one of these marks).
    static func unbalanced(_ line: Substring) -> (name: String, column: Int)? {
        var open = [[Int]](repeating: [], count: bracketPairs.count)
        var stray = [Int?](repeating: nil, count: bracketPairs.count)
        var column = 0
        for ch in line {
            let scalars = ch.unicodeScalars
            column += scalars.count
            guard scalars.count == 1, let mark = bracketMarks[scalars.first!.value] else { continue }
            guard stray[mark.pair] == nil else { continue }
            if mark.opens { open[mark.pair].append(column) } else if open[mark.pair].popLast() == nil { stray[mark.pair] = column }
        }
        for (index, pair) in bracketPairs.enumerated() {
            if let column = stray[index] { return (pair.name, column) }
            if let first = open[index].first { return (pair.name, first) }
        }
        return nil
    }

    /// `line.contains("](") || line.contains("`")`, Foundation's search asked only when the line holds
    /// those bytes (or U+1FEF, canonically a backtick).
    static func isLinkOrCode(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8)
        let mayLink = NarrativeScanner.holdsBytes(bytes, Array("](".utf8))
        let mayCode = bytes.contains(UInt8(ascii: "`")) || line.unicodeScalars.contains { $0.value == 0x1FEF }
        return mayLink && line.contains("](") || mayCode && line.contains("`")
    }

    /// Each mark's pair and side, by scalar.
    static let bracketMarks: [UInt32: (pair: Int, opens: Bool)] = {
        var marks: [UInt32: (pair: Int, opens: Bool)] = [:]
        for (index, pair) in bracketPairs.enumerated() {
            marks[pair.open.unicodeScalars.first!.value] = (index, true)
            marks[pair.close.unicodeScalars.first!.value] = (index, false)
        }
        return marks
    }()

    /// The rule as first written, a pass per pair (the specification `unbalanced` is tested against).
    static func unbalancedPairByPair(_ line: Substring) -> (name: String, column: Int)? {
        for pair in bracketPairs {
            var open: [Int] = []
            var column = 0
            for ch in line {
                column += ch.unicodeScalars.count
                if ch == pair.open { open.append(column) } else if ch == pair.close {
                    if open.popLast() == nil { return (pair.name, column) }
                }
            }
            if let first = open.first { return (pair.name, first) }
        }
        return nil
    }

    static let brackets = ReconciliationRule(
        "TEXT-BRACKET", .text, .error,
        title: Message(zh: "文字中的括号、引号、书名号成对", en: "Brackets and quotation marks are balanced"),
        description: Message(zh: "每一段文字中的（）、“”、‘’、《》、【】必须成对：只有一半通常是句子被截断或模板残留。",
                             en: "In each paragraph （）, “”, ‘’, 《》 and 【】 come in pairs: a lone mark is usually a cut sentence or a template remnant."),
        example: "这一段的书名号《》不成对（第 12 列）。"
    ) { c in
        var out: [Diagnostic] = []
        for doc in NarrativeCoverage.documents(c.report.narrative) {
            for (index, line) in doc.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // Markdown link targets and code are not prose.
                guard !isLinkOrCode(line), let (name, column) = unbalanced(line) else { continue }
                out.append(Diagnostic(.error, "TEXT-BRACKET", at: SourceLocation(file: doc.file, line: index + 1, column: column), Message(
                    zh: "这一段的\(name)不成对（第 \(column) 列）。", en: "unbalanced \(name) in this paragraph (column \(column))."),
                    actual: name))
            }
        }
        return out
    }
}
