/// Finds the figures a narrative states about known items ("基本支出534.27万元，占56.19%",
/// "增加21.60万元，增长6.56%", "完成预算100%") so they can be checked against the data.
struct NarrativeScanner {
    enum ClaimKind: Equatable {
        case amount(DecimalNumber, MoneyUnit)
        case change(DecimalNumber, MoneyUnit, sign: Int)
        case rate(DecimalNumber, sign: Int)
        case share(DecimalNumber, explicitBase: String?)
        case completion(DecimalNumber)
        case unchanged
    }

    struct Claim {
        let fact: NarrativeFact
        let kind: ClaimKind
        /// Decimals as printed.
        let decimals: Int
        let line: Int
        let column: Int
        /// The year the sentence speaks of, if it names one.
        let year: Int?
        let text: String
        /// The amount the same sentence states for the item: rates are recomputed from what is written.
        var statedCurrent: DecimalNumber? = nil
        /// The total the paragraph says its shares are of ("…950.84万元。主要用于以下方面：…").
        var statedBase: DecimalNumber? = nil
    }

    struct Sentence {
        let text: String
        let line: Int
        let column: Int
    }

    static let increase = ["增加", "增长", "上升", "提高"]
    static let decrease = ["减少", "下降", "降低", "节约", "节省"]

    /// Splits Markdown into sentences with the line and column where each starts.
    static func sentences(_ markdown: String) -> [Sentence] {
        var out: [Sentence] = []
        for (index, rawLine) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var current = ""
            var startColumn = 1
            var column = 0
            for ch in rawLine {
                column += ch.unicodeScalars.count
                if current.isEmpty { startColumn = column }
                current.append(ch)
                if "。；;！？!?".contains(ch) {
                    out.append(Sentence(text: normalize(current), line: index + 1, column: startColumn))
                    current = ""
                }
            }
            if !current.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(Sentence(text: normalize(current), line: index + 1, column: startColumn))
            }
        }
        return out
    }

    /// Removes the spaces PDF extraction leaves around numbers and turns full-width digits into ASCII.
    static func normalize(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\u{3000}" || scalar == "\t" || scalar == "*" { continue }
            if (0xFF10...0xFF19).contains(scalar.value) { out.unicodeScalars.append(UnicodeScalar(scalar.value - 0xFF10 + 48)!); continue }
            if scalar.value == 0xFF05 { out.append("%"); continue }
            if scalar.value == 0xFF0E { out.append("."); continue }
            out.unicodeScalars.append(scalar)
        }
        return out.replacingOccurrences(of: "（类）", with: "").replacingOccurrences(of: "（款）", with: "").replacingOccurrences(of: "（项）", with: "")
    }

    /// A number token: digits with optional thousands separators and decimals.
    struct Token {
        let value: DecimalNumber
        let decimals: Int
        let start: String.Index
        let end: String.Index
    }

    static func numbers(in text: String) -> [Token] {
        var tokens: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isASCII, text[i].isNumber else { i = text.index(after: i); continue }
            // Not part of a code or a longer word like "2013201".
            var j = i
            var raw = ""
            while j < text.endIndex, text[j].isASCII, text[j].isNumber || text[j] == "," || text[j] == "." {
                raw.append(text[j])
                j = text.index(after: j)
            }
            while raw.hasSuffix(".") || raw.hasSuffix(",") { raw.removeLast(); j = text.index(before: j) }
            let plain = raw.replacingOccurrences(of: ",", with: "")
            if let value = DecimalNumber(plain) {
                tokens.append(Token(value: value, decimals: value.scale, start: i, end: j))
            }
            i = j
        }
        return tokens
    }

    /// Words that make an amount something other than the item's actual figure (a budget, stock funds…).
    static let qualifiers = ["预算", "存量", "安排", "结转"]
    /// Words that make every later amount of the sentence (and a following "其中：…" sentence) a budget or stock figure.
    static let sentenceQualifiers = ["存量", "预算安排", "年初预算"]

    static func scan(_ markdown: String, facts: [NarrativeFact], years: (current: Int, previous: Int), unitNames: [String] = []) -> [Claim] {
        var claims: [Claim] = []
        var listBase: DecimalNumber?
        var qualifiedSentence = false
        for sentence in sentences(markdown) {
            // The unit's own name stands before item names ("…组织部机关运行经费"): mark it as a word boundary.
            var text = sentence.text
            for name in unitNames.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
                text = text.replacingOccurrences(of: name, with: "@")
            }
            let sentenceStart = claims.count
            // "年初预算安排本年支出391.89万元。其中：…" — the 其中 sentence is a budget too.
            let inheritsQualifier = qualifiedSentence && text.hasPrefix("其中")
            qualifiedSentence = sentenceQualifiers.contains(where: text.contains) || inheritsQualifier
            if text.hasPrefix("主要用于"), let previous = sentences(markdown).last(where: { $0.line < sentence.line || ($0.line == sentence.line && $0.column < sentence.column) }) {
                let amounts = numbers(in: previous.text).filter { previous.text[$0.end...].hasPrefix("万元") || previous.text[$0.end...].hasPrefix("元") }
                listBase = amounts.last?.value
            } else if let range = text.range(of: "主要用于") {
                let amounts = numbers(in: text).filter { $0.end <= range.lowerBound && (text[$0.end...].hasPrefix("万元") || text[$0.end...].hasPrefix("元")) }
                if let last = amounts.last { listBase = last.value }
            }
            var subject: NarrativeFact?
            var year: Int?
            let mentions = labelMentions(in: text, facts: facts)
            if let parallel = parallelClaims(text, mentions: mentions, sentence: sentence) {
                claims += parallel
                continue
            }
            for token in numbers(in: text) {
                let after = text[token.end...]
                let before = text[..<token.start]
                // Years: "2020年" sets the sentence's year.
                if after.hasPrefix("年"), token.decimals == 0, (1990...2100).contains(token.value.intValue) {
                    year = token.value.intValue
                    continue
                }
                let clauseStart = before.lastIndex { "，,（(".contains($0) }.map { text.index(after: $0) } ?? text.startIndex
                let clause = text[clauseStart..<token.start]
                // The nearest label before the number within this sentence.
                if let nearest = mentions.last(where: { $0.range.upperBound <= token.start }) {
                    subject = nearest.fact
                }
                let inClauseLabel = mentions.last { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= token.start }
                let unit: MoneyUnit? = after.hasPrefix("万元") ? .wanYuan : (after.hasPrefix("元") ? .yuan : nil)
                let isPercent = after.hasPrefix("%")
                let verb = lastVerb(in: clause)
                let column = sentence.column + text.distance(from: text.startIndex, to: token.start)
                func add(_ fact: NarrativeFact?, _ kind: ClaimKind) {
                    guard let fact else { return }
                    var claim = Claim(fact: fact, kind: kind, decimals: token.decimals, line: sentence.line,
                                      column: column, year: year, text: text)
                    // The amount this sentence wrote for the item, for its rates and shares.
                    for earlier in claims.reversed() where earlier.fact.label == fact.label {
                        if case .amount(let v, let u) = earlier.kind { claim.statedCurrent = Amount(v, u).inWanYuan; break }
                    }
                    if case .share = kind { claim.statedBase = listBase }
                    claims.append(claim)
                }
                if let unit {
                    if let verb, clause.hasSuffix(verb.word) || clause.hasSuffix("\(verb.word)了") {
                        add(inClauseLabel?.fact ?? subject, .change(token.value, unit, sign: verb.sign))
                    } else if let label = inClauseLabel {
                        // "年初预算安排本年支出391.89万元", "使用存量资金安排…支出6.96万元" are not the item's actual figure.
                        let outside = String(text[clauseStart..<label.range.lowerBound]) + String(text[label.range.upperBound..<token.start])
                        let sentenceSoFar = String(text[..<label.range.lowerBound])
                        if !qualifiers.contains(where: outside.contains) && !inheritsQualifier
                            && !sentenceQualifiers.contains(where: sentenceSoFar.contains) {
                            add(label.fact, .amount(token.value, unit))
                        }
                    }
                } else if isPercent {
                    if clause.contains("占") {
                        let base = ["本年支出合计", "本年收入合计", "政府采购支出总额", "基本支出"].first { clause.contains("占\($0)") }
                        // The item is named before "占…"; a label inside the clause is the base.
                        let owner = mentions.last { $0.range.upperBound <= clauseStart }?.fact ?? subject
                        add(owner, .share(token.value, explicitBase: base))
                    } else if clause.contains("完成") && clause.contains("预算") {
                        add(inClauseLabel?.fact ?? subject, .completion(token.value))
                    } else if let verb, clause.hasSuffix(verb.word) {
                        add(inClauseLabel?.fact ?? subject, .rate(token.value, sign: verb.sign))
                    } else if clause.isEmpty, let last = claims.last, last.line == sentence.line, last.text == text,
                              case .change(_, _, let sign) = last.kind {
                        // "增加0.57万元，1.28%": the rate's verb was left out.
                        add(last.fact, .rate(token.value, sign: sign))
                    }
                }
            }
            if text.contains("持平"), !text.contains("预算"), let s = mentions.last?.fact ?? subject {
                claims.append(Claim(fact: s, kind: .unchanged, decimals: 2, line: sentence.line, column: sentence.column, year: year, text: text))
            }
        }
        return claims
    }

    /// "A和B分别为x万元和y万元，各占p%和q%": items and figures pair up in order.
    static func parallelClaims(_ text: String, mentions: [Mention], sentence: Sentence) -> [Claim]? {
        guard let marker = text.range(of: "分别") else { return nil }
        let items = mentions.filter { $0.range.upperBound <= marker.lowerBound }.suffix(8)
        let tokens = numbers(in: text).filter { $0.start >= marker.upperBound }
        let amounts = tokens.filter { text[$0.end...].hasPrefix("万元") || text[$0.end...].hasPrefix("元") }
        let percents = tokens.filter { text[$0.end...].hasPrefix("%") }
        var out: [Claim] = []
        guard !items.isEmpty else { return [] }
        func column(_ t: Token) -> Int { sentence.column + text.distance(from: text.startIndex, to: t.start) }
        if amounts.count == items.count {
            for (item, token) in zip(items, amounts) {
                let unit: MoneyUnit = text[token.end...].hasPrefix("万元") ? .wanYuan : .yuan
                out.append(Claim(fact: item.fact, kind: .amount(token.value, unit), decimals: token.decimals, line: sentence.line,
                                 column: column(token), year: nil, text: text))
            }
        }
        if percents.count == items.count, text.contains("占") {
            for (item, token) in zip(items, percents) {
                out.append(Claim(fact: item.fact, kind: .share(token.value, explicitBase: nil), decimals: token.decimals,
                                 line: sentence.line, column: column(token), year: nil, text: text))
            }
        }
        return out
    }

    struct Mention {
        let fact: NarrativeFact
        let range: Range<String.Index>
    }

    /// Characters that may stand right before an item's name; any other Chinese character means the
    /// label is the tail of another word ("纯收入合计" is not "收入合计").
    static let leftBoundary: Set<Character> = ["年", "度", "中", "的", "及", "和", "与", "是", "为", "其", "各", "在", "将", "括", "共"]

    static func startsWord(_ text: String, at index: String.Index) -> Bool {
        guard index > text.startIndex else { return true }
        let previous = text[text.index(before: index)]
        // A code ("2013201") may follow a name directly, but not another digit.
        if text[index].isASCII && text[index].isNumber { return !(previous.isASCII && previous.isNumber) }
        if previous.isASCII || leftBoundary.contains(previous) { return true }
        return !(previous.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false)
    }

    /// Labels in a sentence, longest first, without overlaps. Searches Unicode scalars directly:
    /// Foundation's string search is far slower and this runs for every sentence of every report.
    static func labelMentions(in text: String, facts: [NarrativeFact]) -> [Mention] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [String.Index] = []
        offsets.reserveCapacity(scalars.count + 1)
        var index = text.startIndex
        for _ in scalars { offsets.append(index); index = text.unicodeScalars.index(after: index) }
        offsets.append(text.endIndex)
        var taken = [Bool](repeating: false, count: scalars.count)
        var out: [Mention] = []
        for fact in facts {
            let label = Array(fact.label.unicodeScalars)
            guard let first = label.first, label.count <= scalars.count else { continue }
            var i = 0
            while i + label.count <= scalars.count {
                if scalars[i] == first, Array(scalars[i..<(i + label.count)]) == label,
                   !taken[i..<(i + label.count)].contains(true),
                   startsWord(text, at: offsets[i]) {
                    for k in i..<(i + label.count) { taken[k] = true }
                    out.append(Mention(fact: fact, range: offsets[i]..<offsets[i + label.count]))
                    i += label.count
                } else {
                    i += 1
                }
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func lastVerb(in clause: Substring) -> (word: String, sign: Int)? {
        var best: (String, Int, String.Index)?
        for (words, sign) in [(increase, 1), (decrease, -1)] {
            for w in words {
                if let r = clause.range(of: w, options: .backwards), best == nil || r.lowerBound > best!.2 {
                    best = (w, sign, r.lowerBound)
                }
            }
        }
        return best.map { ($0.0, $0.1) }
    }
}
