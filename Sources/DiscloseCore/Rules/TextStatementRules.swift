/// Narrative statements checked against the items' budgets, against the units they need, and against
/// each other: the same item stated twice, and a stated total against the parts the text lists.
enum TextStatementRules {
    static let all: [ReconciliationRule] = [budgets, units, restated, parts]

    static let budgets = ReconciliationRule(
        "TEXT-BUDGET", .text, .error,
        title: Message(zh: "文字中的预算数、结余率 = 数据", en: "Stated budgets and balance rates = the data"),
        description: Message(zh: "写在项目或科目之后（或接在其后的句子中，如“年初预算为……，支出决算为……”）的预算数必须等于该项的预算数；“结余率 x%”按打印精度与（预算数 − 执行数）÷ 预算数比较，执行数和预算数取同一段文字写明的数。",
                             en: "A budget stated for an item (also in the sentence after it: '年初预算为…，支出决算为…') equals the item's budget; '结余率 x%' is compared with (budget − actual) ÷ budget at its printed precision."),
        example: "文字中“干部培训经费”的预算数写为 25.00万元，数据中为 20.00万元。"
    ) { c in
        var out: [Diagnostic] = []
        for (claim, text) in TextRules.claims(c) {
            let at = TextRules.location(claim, text)
            let related = claim.fact.location.map { [$0] } ?? []
            switch claim.kind {
            case .budget(let value, let unit):
                guard let budget = claim.fact.budget, claim.year != c.report.previousYear,
                      !TextRules.same(value, unit, budget, dataUnit: c.unit) else { continue }
                let expected = unit == .yuan ? Amount(budget, c.unit).converted(to: .yuan).value.formatted(decimals: 2) : Finding.money(budget)
                out.append(Diagnostic(.error, "TEXT-BUDGET", at: at, Message(
                    zh: "文字中“\(claim.fact.label)”的预算数写为 \(value)\(unit.rawValue)，数据中为 \(expected)\(unit.rawValue)。",
                    en: "the text gives the budget of '\(claim.fact.label)' as \(value)\(unit.rawValue); the data has \(expected)\(unit.rawValue)."),
                    expected: expected, actual: value.description, related: related))
            case .balanceRate(let value):
                guard let budget = claim.statedBudget ?? claim.fact.budget, !budget.isZero else { continue }
                let actual = claim.statedCurrent ?? claim.fact.current
                let balance = budget - actual
                guard !Tolerance.shareConsistent(printed: value, decimals: claim.decimals, part: balance, whole: budget) else { continue }
                let computed = DecimalNumber.percentage(balance, of: budget, decimals: claim.decimals) ?? .zero
                out.append(Diagnostic(.error, "TEXT-BUDGET", at: at, Message(
                    zh: "“\(claim.fact.label)”结余率写为 \(value)%，按（预算数 \(Finding.money(budget)) − 执行数 \(Finding.money(actual))）÷ 预算数计算应为 \(computed)%。",
                    en: "the balance rate of '\(claim.fact.label)' is given as \(value)%, but (\(Finding.money(budget)) − \(Finding.money(actual))) / \(Finding.money(budget)) is \(computed)%."),
                    expected: computed.description, actual: value.description, related: related))
            default:
                continue
            }
        }
        return out
    }

    /// "元万", "万万元": a unit written twice or the wrong way round.
    static let unitTypos = ["元万", "万万元", "万元元", "亿万元"]

    static let units = ReconciliationRule(
        "TEXT-UNIT", .text, .error,
        title: Message(zh: "文字中的金额写明单位", en: "Amounts in the text carry their unit"),
        description: Message(zh: "文字中与项目对应的金额必须写明单位（“决算数为1234.56，”缺“万元”，“0.5万（”缺“元”）；“元万”“万万元”等单位笔误也报错。缺单位的金额按报告单位（万元）推断后照常核对。",
                             en: "An amount in the text must carry its unit ('决算数为1234.56，' lacks 万元, '0.5万（' lacks 元); unit typos such as '元万' are errors. An amount without unit is still checked, in the report's unit."),
        example: "金额 1234.56 后没有写单位（按报告单位应为“1234.56万元”）。"
    ) { c in
        var out: [Diagnostic] = []
        for (text, result) in TextRules.scans(c) {
            let missing = result.claims.filter { !$0.unitWritten }.map { ($0.line, $0.column, amountValue($0.kind), $0.text) }
                + result.unlinked.filter { !$0.unitWritten }.map { ($0.line, $0.column, Optional($0.value), $0.sentence) }
            for (line, column, value, _) in missing {
                guard let value else { continue }
                let at = text.lineOffset > 0 ? SourceLocation(file: text.file, line: text.lineOffset, column: 1) : SourceLocation(file: text.file, line: line, column: column)
                out.append(Diagnostic(.error, "TEXT-UNIT", at: at, Message(
                    zh: "金额 \(value) 后没有写完整的单位（按报告单位应为“\(value)\(c.unit.rawValue)”）。",
                    en: "the amount \(value) lacks its unit (in the report's unit: \(value)\(c.unit.rawValue))."),
                    expected: "\(value)\(c.unit.rawValue)", actual: value.description))
            }
            for (index, line) in text.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for typo in unitTypos {
                    guard let range = line.range(of: typo) else { continue }
                    let at = text.lineOffset > 0 ? SourceLocation(file: text.file, line: text.lineOffset, column: 1)
                        : SourceLocation(file: text.file, line: index + 1, column: line[..<range.lowerBound].unicodeScalars.count + 1)
                    out.append(Diagnostic(.error, "TEXT-UNIT", at: at, Message(
                        zh: "单位写为“\(typo)”，应为“万元”或“元”。", en: "the unit is written '\(typo)'; it should be 万元 or 元."), actual: typo))
                }
            }
        }
        return out
    }

    static func amountValue(_ kind: NarrativeScanner.ClaimKind) -> DecimalNumber? {
        switch kind {
        case .amount(let v, _), .budget(let v, _), .change(let v, _, _): return v
        default: return nil
        }
    }

    static let restated = ReconciliationRule(
        "TEXT-RESTATED", .text, .error,
        title: Message(zh: "同一项目在文字中各处写的数一致", en: "An item stated twice in the text has one figure"),
        description: Message(zh: "同一项目（科目、项目、合计）的金额或预算数在报告各处文字中写了两次以上且不一致时报错，并指出两处位置；即使附表中没有这个数（如项目预算在段落和项目报告中各写一次）。",
                             en: "The same item's amount or budget stated in two places of the report's texts with different figures is an error naming both places, even where no table holds the figure."),
        example: "“干部培训经费”的预算数在 performance-report.md:5:12 写为 20.00万元，在 performance-report.md:9:20 写为 25.00万元。"
    ) { c in
        struct Key: Hashable { let label: String; let value: String; let file: String; let line: Int; let budget: Bool }
        var first: [Key: (NarrativeScanner.Claim, TextRules.Text, DecimalNumber)] = [:]
        var out: [Diagnostic] = []
        var reported: Set<String> = []
        for (claim, text) in TextRules.claims(c) where claim.year != c.report.previousYear {
            let stated: DecimalNumber, isBudget: Bool
            switch claim.kind {
            case .amount(let v, let u): stated = Amount(v, u).inWanYuan.rounded(to: 2); isBudget = false
            case .budget(let v, let u): stated = Amount(v, u).inWanYuan.rounded(to: 2); isBudget = true
            default: continue
            }
            // The item: its label and the figure it stands for (two items may share a label, e.g. in two projects).
            let key = Key(label: claim.fact.label, value: claim.fact.current.description, file: claim.fact.location?.file ?? "",
                          line: claim.fact.location?.line ?? 0, budget: isBudget)
            guard let (earlier, earlierText, earlierValue) = first[key] else { first[key] = (claim, text, stated); continue }
            guard earlierValue != stated else { continue }
            let here = TextRules.location(claim, text), there = TextRules.location(earlier, earlierText)
            guard reported.insert("\(key)|\(stated)").inserted else { continue }
            let what = isBudget ? "的预算数" : ""
            out.append(Diagnostic(.error, "TEXT-RESTATED", at: here, Message(
                zh: "“\(claim.fact.label)”\(what)在此写为 \(Finding.money(stated))万元，但在 \(there) 写为 \(Finding.money(earlierValue))万元。",
                en: "'\(claim.fact.label)'\(isBudget ? " (budget)" : "") is \(Finding.money(stated)) here but \(Finding.money(earlierValue)) at \(there)."),
                expected: Finding.money(earlierValue), actual: Finding.money(stated), related: [there]))
        }
        return out
    }

    static let parts = ReconciliationRule(
        "TEXT-PARTS", .text, .error,
        title: Message(zh: "文字中的合计 = 文字列出的分项之和", en: "A total the text states = the parts it lists"),
        description: Message(zh: "文字写“……共（合计）N万元，其中（包括）：甲a万元、乙b万元……”且列出两项以上金额时，分项之和应在尾差范围内等于N（只列出部分的请写“主要”或“等”）。",
                             en: "'… N万元，其中/包括 A a万元、B b万元…' with two or more amounts: the parts add up to N within rounding."),
        example: "文字写合计 100.00万元，但“其中”列出的各项之和为 95.00万元。"
    ) { c in
        var out: [Diagnostic] = []
        for text in TextRules.texts(c) {
            for sentence in c.memo.sentences(text.markdown) {
                guard let finding = MoneyEnumeration.check(sentence.text) else { continue }
                let at = text.lineOffset > 0 ? SourceLocation(file: text.file, line: text.lineOffset, column: 1)
                    : SourceLocation(file: text.file, line: sentence.line, column: sentence.column)
                out.append(Diagnostic(.error, "TEXT-PARTS", at: at, Message(
                    zh: "文字写合计 \(Finding.money(finding.total))万元，但其后列出的各项之和为 \(Finding.money(finding.sum))万元。",
                    en: "the text states a total of \(Finding.money(finding.total)) but the listed parts add up to \(Finding.money(finding.sum))."),
                    expected: Finding.money(finding.sum), actual: Finding.money(finding.total)))
            }
        }
        return out
    }
}

/// "全年收入317.36万元，包括一般公共预算财政拨款收入295.00万元、……和其他收入0.02万元" — the parts of a stated amount.
enum MoneyEnumeration {
    struct Finding { let total: DecimalNumber; let sum: DecimalNumber }

    static let markers = ["，其中：", "，其中", "其中：", "，包括：", "，分别为", "，分别是"]

    static func amounts(_ text: Substring) -> [DecimalNumber] {
        let s = String(text)
        return NarrativeScanner.numbers(in: s).compactMap { t in
            let after = s[t.end...]
            if after.hasPrefix("万元") { return t.value }
            if after.hasPrefix("元") { return Amount(t.value, .yuan).inWanYuan }
            return nil
        }
    }

    /// A stated total and the two or more amounts listed as its parts, whether or not they agree.
    static func listing(_ raw: String) -> (total: DecimalNumber, parts: [DecimalNumber])? {
        let sentence = Enumeration.withoutAsides(raw)
        guard let marker = markers.lazy.compactMap({ sentence.range(of: $0) }).first ?? sentence.range(of: "，包括") else { return nil }
        let head = sentence[..<marker.lowerBound]
        let tail = sentence[marker.upperBound...]
        // The total: the last amount of the clause right before the marker.
        let clauseStart = head.lastIndex { "，,；;：:".contains($0) }.map { head.index(after: $0) } ?? head.startIndex
        guard let total = amounts(head[clauseStart...]).last else { return nil }
        let parts = amounts(tail)
        guard parts.count >= 2, !sentence.contains("主要"), !tail.contains("等"), !tail.contains("分别"), !tail.contains("占") else { return nil }
        // Shares and changes of the parts ("增加…万元") are not parts.
        guard !NarrativeScanner.increase.contains(where: tail.contains), !NarrativeScanner.decrease.contains(where: tail.contains) else { return nil }
        return (total, parts)
    }

    static func check(_ raw: String) -> Finding? {
        guard let (total, parts) = listing(raw), !Tolerance.sumConsistent(total: total, parts: parts) else { return nil }
        return Finding(total: total, sum: DecimalNumber.sum(parts))
    }
}
