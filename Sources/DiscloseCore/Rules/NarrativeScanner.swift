/// Finds the figures a narrative states about known items ("基本支出534.27万元，占56.19%",
/// "增加21.60万元，增长6.56%", "完成预算100%") so they can be checked against the data.
struct NarrativeScanner {
    enum ClaimKind: Equatable {
        case amount(DecimalNumber, MoneyUnit)
        case change(DecimalNumber, MoneyUnit, sign: Int)
        case rate(DecimalNumber, sign: Int)
        case share(DecimalNumber, explicitBase: String?)
        case completion(DecimalNumber)
        /// "预算合计85万元", "年初预算为10.00万元": the item's budget.
        case budget(DecimalNumber, MoneyUnit)
        /// "结余率47.63%": (budget − actual) ÷ budget.
        case balanceRate(DecimalNumber)
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
        /// The budget the same paragraph states for the item ("年初预算为…，…完成年初预算的…%").
        var statedBudget: DecimalNumber? = nil
        /// False where the unit was inferred ("决算数为1234.56，") or half written ("0.5万（").
        var unitWritten = true
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
                if isSentenceEnd(ch) {
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

    /// Whether `ch` is one of 。；;！？!? (as `"。；;！？!?".contains(ch)` decides, without comparing Strings).
    /// A Character equals one of them only as a single scalar: the mark itself, or U+037E GREEK QUESTION
    /// MARK, which is canonically a semicolon.
    static func isSentenceEnd(_ ch: Character) -> Bool {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        switch first.value {
        case 0x3002, 0xFF1B, 0x3B, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x37E: return true
        default: return false
        }
    }

    /// Whether the UTF-8 of `text` holds the UTF-8 of `needle`. False means no search for `needle` can
    /// match, when nothing else is canonically equivalent to `needle`'s first character (a full-width or
    /// ASCII bracket): a quick answer before Foundation's search.
    static func holdsBytes(_ text: String, _ needle: String) -> Bool {
        holdsBytes(Array(text.utf8), Array(needle.utf8))
    }

    static func holdsBytes(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let lead = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == lead, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
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
        let plain = withoutBracketedCodes(out)
        // （类）（款）（项） can only be found where there is a full-width opening bracket.
        guard holdsBytes(plain, "（") else { return plain }
        return plain.replacingOccurrences(of: "（类）", with: "").replacingOccurrences(of: "（款）", with: "").replacingOccurrences(of: "（项）", with: "")
    }

    /// "一般公共服务（201）支出" → "一般公共服务支出": a code in brackets belongs to the name before it.
    static func withoutBracketedCodes(_ text: String) -> String {
        guard holdsBytes(text, "（") || holdsBytes(text, "("), text.contains("（") || text.contains("(") else { return text }
        var out = ""
        var chars = Array(text)[...]
        while let ch = chars.first {
            if ch == "（" || ch == "(" {
                let digits = chars.dropFirst().prefix { $0.isASCII && $0.isNumber }
                let close = chars.dropFirst(1 + digits.count).first
                if (3...7).contains(digits.count), close == "）" || close == ")" {
                    chars = chars.dropFirst(2 + digits.count)
                    continue
                }
            }
            out.append(ch)
            chars = chars.dropFirst()
        }
        return out
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
        scanAll(markdown, facts: facts, unitNames: unitNames).claims
    }

    /// Every amount of a text: the claims it makes about known items, and the amounts it could not link.
    struct ScanResult {
        var claims: [Claim] = []
        var unlinked: [StatedAmount] = []
        var approximate: [StatedAmount] = []
        /// Amounts no item holds, compared only as a stated total and its listed parts.
        var summed: [StatedAmount] = []
        /// Amounts of items only the texts name, compared with the other places that state them.
        var textOnly: [StatedAmount] = []
    }

    /// An amount the text states (with its unit as written or inferred), for the coverage listing.
    struct StatedAmount: Sendable, Hashable {
        let value: DecimalNumber
        let unit: MoneyUnit
        let unitWritten: Bool
        let line: Int
        let column: Int
        let sentence: String
    }

    /// Verbs after which a bare number is a figure in the report's unit ("决算数为1234.56，").
    static let figureVerbs = ["合计", "共计", "总计", "达到", "为", "达", "计", "共"]
    /// Words that make a bare number money rather than a count.
    static let moneyWords = ["预算", "决算", "支出", "收入", "经费", "资金", "金额", "费"]
    /// Characters that end a number written without a unit.
    static let numberEnd: Set<Character> = ["，", "。", "；", "、", ",", ";", "）", ")", "（", "(", "：", ":"]

    /// The money unit after a number: written (万元/元), a "万" missing its "元", or inferred after a figure verb.
    static func moneyUnit(after: Substring, clause: Substring, token: Token, defaultUnit: MoneyUnit?) -> (MoneyUnit, written: Bool)? {
        if after.hasPrefix("万元") { return (.wanYuan, true) }
        if after.hasPrefix("元") { return (.yuan, true) }
        if after.hasPrefix("万"), after.dropFirst().first.map({ numberEnd.contains($0) }) ?? true { return (.wanYuan, false) }
        guard defaultUnit == .wanYuan, after.first.map({ numberEnd.contains($0) }) ?? true else { return nil }
        let trimmed = clause.hasSuffix("了") ? clause.dropLast() : clause
        guard figureVerbs.contains(where: { trimmed.hasSuffix($0) }) else { return nil }
        if token.decimals == 0, (1900...2100).contains(token.value.intValue) { return nil }
        guard token.decimals > 0 || moneyWords.contains(where: { clause.contains($0) }) else { return nil }
        return (.wanYuan, false)
    }

    /// Matching round brackets (full- or half-width) of a sentence, as (open, close).
    static func bracketPairs(_ text: String) -> [(open: String.Index, close: String.Index)] {
        var stack: [String.Index] = []
        var out: [(String.Index, String.Index)] = []
        for i in text.indices {
            let ch = text[i]
            if ch == "（" || ch == "(" { stack.append(i) } else if ch == "）" || ch == ")", let open = stack.popLast() { out.append((open, i)) }
        }
        return out
    }

    /// Separators that start a clause ("，" "；" "：" "、").
    static let clauseSeparators: Set<Character> = ["，", ",", "；", ";", "：", ":", "、"]
    /// Words that make an amount a figure of the item's execution or of its budget when the clause names no item.
    static let actualWords = ["决算", "执行", "实际", "支出数", "完成"]
    static let stockWords = ["存量", "结转", "结余"]
    /// "…，合计2275.05万元": a clause that only totals speaks of the item named before.
    static let totalWords = ["合计", "共计", "总计", "合计为", "共计为"]
    static func withoutJoiningWords(_ clause: Substring) -> String {
        var rest = String(clause)
        while let word = joiningWords.first(where: { rest.hasPrefix($0) }) { rest.removeFirst(word.count) }
        return rest
    }

    /// A clause of only these words gives the amount of the item named before ("共计支出", "金额").
    static let spendingWords = ["支出", "金额", "金额为", "支出为", "开支"]

    /// `subject`: what the whole text is about (a project's summary speaks of the project).
    static func scanAll(_ markdown: String, facts: [NarrativeFact], unitNames: [String] = [], defaultUnit: MoneyUnit? = nil,
                        qualifiedFacts: [String: [NarrativeFact]] = [:], subject textSubject: NarrativeFact? = nil,
                        sentences split: [Sentence]? = nil) -> ScanResult {
        var result = ScanResult()
        var listBase: DecimalNumber?
        var qualifiedSentence = false
        var paragraphSubject = textSubject
        var paragraphLine = 0
        // `split`: the markdown's sentences when the caller has them already (`sentences(markdown)`).
        let allSentences = split ?? sentences(markdown)
        for (sentenceIndex, sentence) in allSentences.enumerated() {
            // The unit's own name stands before item names ("…组织部机关运行经费"): mark it as a word boundary.
            var text = sentence.text
            for name in unitNames.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
                text = text.replacingOccurrences(of: name, with: "@")
            }
            if sentence.line != paragraphLine { paragraphSubject = textSubject; paragraphLine = sentence.line }
            // "年初预算安排本年支出391.89万元。其中：…" — the 其中 sentence is a budget too.
            let inheritsQualifier = qualifiedSentence && text.hasPrefix("其中")
            qualifiedSentence = sentenceQualifiers.contains(where: text.contains) || inheritsQualifier
            let mode = text.contains("存量") ? "存量" : (text.contains("年初预算") || inheritsQualifier ? "年初预算" : nil)
            if text.hasPrefix("主要用于"), sentenceIndex > 0 {
                let previous = allSentences[sentenceIndex - 1]
                let amounts = numbers(in: previous.text).filter { previous.text[$0.end...].hasPrefix("万元") || previous.text[$0.end...].hasPrefix("元") }
                listBase = amounts.last?.value
            } else if let range = text.range(of: "主要用于") {
                let amounts = numbers(in: text).filter { $0.end <= range.lowerBound && (text[$0.end...].hasPrefix("万元") || text[$0.end...].hasPrefix("元")) }
                if let last = amounts.last { listBase = last.value }
            }
            var subject: NarrativeFact?
            var year: Int?
            let mentions = labelMentions(in: text, facts: facts)
            let contextMentions = mode.flatMap { qualifiedFacts[$0] }.map { labelMentions(in: text, facts: $0) } ?? []
            let pairs = bracketPairs(text)
            func column(_ token: Token) -> Int { sentence.column + text.distance(from: text.startIndex, to: token.start) }
            func stated(_ token: Token, _ unit: MoneyUnit, _ written: Bool) -> StatedAmount {
                StatedAmount(value: token.value, unit: unit, unitWritten: written, line: sentence.line, column: column(token), sentence: text)
            }
            // "A和B分别为x万元和y万元": the figures after 分别 pair up with the items; those before it are read as usual.
            let parallel = parallelClaims(text, mentions: mentions, sentence: sentence)
            let parallelStart = (parallel ?? []).isEmpty ? nil : text.range(of: "分别")?.upperBound
            let parallelColumns = Set((parallel ?? []).map(\.column))
            result.claims += parallel ?? []
            for token in numbers(in: text) {
                let after = text[token.end...]
                let before = text[..<token.start]
                if let parallelStart, token.start >= parallelStart {
                    guard !parallelColumns.contains(column(token)) else { continue }
                    if after.hasPrefix("万元") { result.unlinked.append(stated(token, .wanYuan, true)) }
                    else if after.hasPrefix("元") { result.unlinked.append(stated(token, .yuan, true)) }
                    continue
                }
                // Years: "2020年" sets the sentence's year.
                if after.hasPrefix("年"), token.decimals == 0, (1990...2100).contains(token.value.intValue) {
                    year = token.value.intValue
                    continue
                }
                // A bracket that is still open at the number starts its clause; one closed before it does not
                // ("因公出国（境）费0.50万元", "党委办公厅（室）支出…").
                let open = pairs.filter { $0.open < token.start && $0.close >= token.start }.map(\.open).max()
                // A separator inside a name ("收、支总计") does not start a clause.
                let separator = before.indices.reversed().first { i in
                    clauseSeparators.contains(text[i]) && !mentions.contains { $0.range.contains(i) }
                }
                let clauseStart = [open, separator].compactMap { $0 }.max().map { text.index(after: $0) } ?? text.startIndex
                let clause = text[clauseStart..<token.start]
                // Names inside an aside that closed before the number are not what the number is about.
                func visible(_ m: Mention) -> Bool {
                    !pairs.contains { $0.close < token.start && $0.open < m.range.lowerBound && m.range.upperBound <= $0.close }
                }
                if let nearest = mentions.last(where: { $0.range.upperBound <= token.start && visible($0) }) {
                    subject = nearest.fact
                }
                let inClauseLabel = mentions.last { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= token.start && visible($0) }
                let isPercent = after.hasPrefix("%")
                let verb = lastVerb(in: clause)
                @discardableResult
                func add(_ fact: NarrativeFact?, _ kind: ClaimKind, unitWritten: Bool = true) -> Bool {
                    guard let fact else { return false }
                    var claim = Claim(fact: fact, kind: kind, decimals: token.decimals, line: sentence.line,
                                      column: column(token), year: year, text: text)
                    claim.unitWritten = unitWritten
                    // The amount this sentence (or its paragraph) wrote for the item, for its rates and shares.
                    for earlier in result.claims.reversed() where earlier.fact.label == fact.label && earlier.line == sentence.line {
                        if case .amount(let v, let u) = earlier.kind, claim.statedCurrent == nil { claim.statedCurrent = Amount(v, u).inWanYuan }
                        if case .budget(let v, let u) = earlier.kind, claim.statedBudget == nil { claim.statedBudget = Amount(v, u).inWanYuan }
                    }
                    if case .share = kind { claim.statedBase = listBase }
                    result.claims.append(claim)
                    return true
                }
                if let (unit, written) = moneyUnit(after: after, clause: clause, token: token, defaultUnit: defaultUnit) {
                    // "约575万元", "10万元以上": an approximation or a bound states no exact figure.
                    let unitEnd = text.index(token.end, offsetBy: written ? unit.rawValue.count : (after.hasPrefix("万") ? 1 : 0), limitedBy: text.endIndex) ?? text.endIndex
                    if ["约", "近", "逾", "超过"].contains(where: { before.hasSuffix($0) })
                        || ["以上", "以下", "以内", "左右", "上下"].contains(where: { text[unitEnd...].hasPrefix($0) }) {
                        result.approximate.append(stated(token, unit, written))
                        continue
                    }
                    var linked = false
                    let contextLabel = contextMentions.last { $0.range.lowerBound >= clauseStart && $0.range.upperBound <= token.start }
                    if let verb, clause.hasSuffix(verb.word) || clause.hasSuffix("\(verb.word)了") {
                        linked = add(inClauseLabel?.fact ?? subject, .change(token.value, unit, sign: verb.sign), unitWritten: written)
                    } else if let contextLabel, !actualWords.contains(where: clause.contains) {
                        // "年初预算安排收入391.89万元，其中一般公共预算财政拨款306.89万元": the budget's own figures.
                        linked = add(contextLabel.fact, .amount(token.value, unit), unitWritten: written)
                    } else if let label = inClauseLabel {
                        // "年初预算安排本年支出391.89万元", "使用存量资金安排…支出6.96万元" are not the item's actual figure.
                        // Words between the previous figure or item and the label, and between the label and the number.
                        let previousEnd = ([clauseStart] + mentions.map(\.range.upperBound).filter { $0 <= label.range.lowerBound && $0 > clauseStart }
                            + numbers(in: text).map(\.end).filter { $0 <= label.range.lowerBound && $0 > clauseStart }).max()!
                        let outside = String(text[previousEnd..<label.range.lowerBound]) + String(text[label.range.upperBound..<token.start])
                        let sentenceSoFar = String(text[..<label.range.lowerBound])
                        if !qualifiers.contains(where: outside.contains) && !inheritsQualifier
                            && !sentenceQualifiers.contains(where: sentenceSoFar.contains) {
                            linked = add(label.fact, .amount(token.value, unit), unitWritten: written)
                        } else if outside.contains("预算"), !stockWords.contains(where: outside.contains), label.fact.budget != nil || label.fact.statedOnly {
                            linked = add(label.fact, .budget(token.value, unit), unitWritten: written)
                        }
                    } else if let s = subject ?? paragraphSubject, !stockWords.contains(where: clause.contains) {
                        // "…（项）支出12.00万元。年初预算为10.00万元，支出决算为12.00万元": the item named before.
                        if actualWords.contains(where: clause.contains) {
                            linked = add(s, .amount(token.value, unit), unitWritten: written)
                        } else if clause.contains("预算") {
                            if s.budget != nil || s.statedOnly { linked = add(s, .budget(token.value, unit), unitWritten: written) }
                        } else if totalWords.contains(String(clause)) || spendingWords.contains(withoutJoiningWords(clause)) {
                            // "国内公务接待19批次，…，共计支出1.23万元", "轿车0辆、金额0万元"
                            linked = add(s, .amount(token.value, unit), unitWritten: written)
                        } else if clause.isEmpty, let appositive = appositive(text, clauseStart: clauseStart, mentions: mentions) {
                            // "“物业管理费”项目（12.42万元）"
                            linked = add(appositive.fact, .amount(token.value, unit), unitWritten: written)
                        }
                    }
                    if !linked, inClauseLabel == nil, let following = followingLabel(text, after: token, unitLength: written ? unit.rawValue.count : (after.hasPrefix("万") ? 1 : 0), facts: facts) {
                        // "仅有上述3.69万元办公设备货物采购": the item named right after the amount.
                        linked = add(following, .amount(token.value, unit), unitWritten: written)
                    }
                    if !linked, inClauseLabel == nil, let key = textItem(clause) {
                        // "132937名党员共捐款1246.65万元": an item only the texts name; compared with its other statements.
                        var fact = NarrativeFact(label: key, current: .zero, previous: nil, budget: nil, shareBase: nil, location: nil)
                        fact.statedOnly = true
                        if add(fact, .amount(token.value, unit), unitWritten: written) {
                            linked = true
                            result.textOnly.append(stated(token, unit, written))
                        }
                    }
                    if !linked { result.unlinked.append(stated(token, unit, written)) }
                } else if isPercent {
                    if clause.contains("占") {
                        let base = ["本年支出合计", "本年收入合计", "政府采购支出总额", "基本支出"].first { clause.contains("占\($0)") }
                        // The item is named before "占…"; a label inside the clause is the base.
                        let owner = mentions.last { $0.range.upperBound <= clauseStart && visible($0) }?.fact ?? subject
                        add(owner, .share(token.value, explicitBase: base))
                    } else if (clause.contains("完成") && clause.contains("预算")) || clause.contains("执行率") || clause.contains("预算执行进度") {
                        add(inClauseLabel?.fact ?? subject ?? paragraphSubject, .completion(token.value))
                    } else if clause.hasSuffix("结余率") || clause.hasSuffix("结余率为") {
                        add(inClauseLabel?.fact ?? subject ?? paragraphSubject, .balanceRate(token.value))
                    } else if let verb, clause.hasSuffix(verb.word) {
                        add(inClauseLabel?.fact ?? subject, .rate(token.value, sign: verb.sign))
                    } else if clause.isEmpty, let last = result.claims.last, last.line == sentence.line, last.text == text,
                              case .change(_, _, let sign) = last.kind {
                        // "增加0.57万元，1.28%": the rate's verb was left out.
                        add(last.fact, .rate(token.value, sign: sign))
                    }
                }
            }
            // "合计2275.05万元，其中甲160万元、乙330万元……": a total and its listed parts are compared with each other (TEXT-PARTS).
            if let listed = MoneyEnumeration.listing(text) {
                let values = Set(([listed.total] + listed.parts).map { $0.rounded(to: 2) })
                let isListed = { (a: StatedAmount) in
                    a.line == sentence.line && a.sentence == text && values.contains(Amount(a.value, a.unit).inWanYuan.rounded(to: 2))
                }
                result.summed += result.unlinked.filter(isListed)
                result.unlinked.removeAll(where: isListed)
            }
            if text.contains("持平"), !text.contains("预算"), let s = mentions.last?.fact ?? subject {
                result.claims.append(Claim(fact: s, kind: .unchanged, decimals: 2, line: sentence.line, column: sentence.column, year: year, text: text))
            }
            if let s = mentions.last(where: { m in !pairs.contains { $0.open < m.range.lowerBound && m.range.upperBound <= $0.close } })?.fact ?? subject {
                paragraphSubject = s
            }
        }
        return result
    }

    /// Words that join an item's name to its amount ("共", "累计达到"): not part of the item.
    static let joiningWords = ["累计", "合计", "共计", "总计", "达到", "共"]
    static let trailingWords: [Character] = ["为", "达", "了", "计", "是", "有"]

    /// The item a clause names in its own words ("132937名党员共捐款" → "132937名党员捐款"), when it names one:
    /// at least four characters once time words and joining words are removed.
    static func textItem(_ clause: Substring) -> String? {
        var key = String(clause)
        for prefix in ["其中", "另有", "全年", "本年", "当年", "年内", "此外"] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        if let year = key.range(of: "年"), key[..<year.lowerBound].allSatisfy({ $0.isASCII && $0.isNumber }), !key[..<year.lowerBound].isEmpty {
            key = String(key[year.upperBound...])
            if key.hasPrefix("度") { key.removeFirst() }
        }
        for word in joiningWords { key = key.replacingOccurrences(of: word, with: "") }
        while let last = key.last, trailingWords.contains(last) { key.removeLast() }
        let ideographs = key.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        // "本项目…", "该项目…" point at whatever the text is about: not a name that means the same in another text.
        guard ideographs >= 4, !key.contains("%"), !key.contains("占"), !key.hasPrefix("本"), !key.hasPrefix("该") else { return nil }
        return key
    }

    /// "“物业管理费”项目（12.42万元）": the item named right before the bracket the amount opens.
    static func appositive(_ text: String, clauseStart: String.Index, mentions: [Mention]) -> Mention? {
        guard clauseStart > text.startIndex else { return nil }
        let bracket = text.index(before: clauseStart)
        guard text[bracket] == "（" || text[bracket] == "(" else { return nil }
        guard let m = mentions.last(where: { $0.range.upperBound <= bracket }) else { return nil }
        let between = text[m.range.upperBound..<bracket].filter { !"”\"」』".contains($0) }
        return between.isEmpty || between == "项目" ? m : nil
    }

    /// The item named right after an amount in the same clause, with only a description between
    /// ("上述3.69万元办公设备货物采购"); the name need not start a word here.
    static func followingLabel(_ text: String, after token: Token, unitLength: Int, facts: [NarrativeFact]) -> NarrativeFact? {
        guard let unitEnd = text.index(token.end, offsetBy: unitLength, limitedBy: text.endIndex) else { return nil }
        let rest = text[unitEnd...].prefix { !clauseSeparators.contains($0) && !"。（(%".contains($0) && !$0.isNumber }
        var best: (offset: Int, fact: NarrativeFact)?
        for fact in facts where !fact.label.isEmpty {
            guard let r = rest.range(of: fact.label) else { continue }
            let offset = rest.distance(from: rest.startIndex, to: r.lowerBound)
            let between = rest[..<r.lowerBound]
            guard offset <= 8, !["用于", "占", "比", "较", "为", "是", "的"].contains(where: between.contains) else { continue }
            if best == nil || offset < best!.offset || (offset == best!.offset && fact.length > best!.fact.length) { best = (offset, fact) }
        }
        return best?.fact
    }

    /// "A和B分别为x万元和y万元，各占p%和q%": items and figures pair up in order.
    static func parallelClaims(_ text: String, mentions: [Mention], sentence: Sentence) -> [Claim]? {
        guard let marker = text.range(of: "分别") else { return nil }
        // The items are those of the clause holding 分别 ("支出合计…，基本支出和项目支出分别为…").
        let clauseStart = text[..<marker.lowerBound].lastIndex { "，,；;：:".contains($0) } ?? text.startIndex
        let inClause = mentions.filter { $0.range.lowerBound > clauseStart && $0.range.upperBound <= marker.lowerBound }
        let items = inClause.isEmpty ? mentions.filter { $0.range.upperBound <= marker.lowerBound }.suffix(8) : inClause[...]
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
    static let leftBoundary: Set<Character> = ["年", "度", "中", "的", "及", "和", "与", "是", "为", "其", "各", "在", "将", "括", "共",
                                                       "排", "映", "现", "于", "有", "述", "门", "位"]

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
