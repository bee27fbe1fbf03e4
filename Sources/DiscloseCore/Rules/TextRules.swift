/// Narrative text: where a report writes its own Part 2 paragraphs, project summaries or an overall
/// performance report, the amounts and percentages it attaches to known items are checked against the data.
enum TextRules {
    static let all: [ReconciliationRule] = [amounts, shares, changes, completion, year, placeholders, brackets, enumerations]

    /// A narrative text and the extra items it may speak of (a project's budget and actual).
    struct Text {
        let markdown: String
        let file: ContentPath
        let lineOffset: Int
        let extraFacts: [NarrativeFact]
    }

    static func texts(_ c: RuleContext) -> [Text] {
        var out: [Text] = []
        // Every Markdown file of the report: an amount in achievements.md is checked like one in a paragraph.
        // A text still marked as a draft ("（待填写：…" from `disclose new`, e.g. last year's text carried over)
        // is not compared with this year's figures: NARRATIVE-TODO reports it, and build refuses to publish it.
        let reports = c.report.narrative.projectReports
        for doc in NarrativeCoverage.documents(c.report.narrative) where !reports.contains(where: { $0.file == doc.file })
            && !doc.markdown.contains(draftMarker) {
            out.append(Text(markdown: doc.markdown, file: doc.file, lineOffset: 0, extraFacts: []))
        }
        // An attached project report speaks of its project: the one whose table it names, or an item only the texts name.
        for doc in reports {
            let facts: [NarrativeFact]
            if let project = ProjectReports.project(of: doc, in: c.report.performance?.projects ?? []) {
                facts = projectFacts(project, c)
            } else if let name = ProjectReports.projectName(of: doc) {
                var fact = NarrativeFact(label: name, current: .zero, previous: nil, budget: nil, shareBase: nil, location: nil)
                fact.statedOnly = true
                facts = [fact]
            } else {
                facts = []
            }
            out.append(Text(markdown: doc.markdown, file: doc.file, lineOffset: 0, extraFacts: facts))
        }
        for project in c.report.performance?.projects ?? [] {
            guard let summary = project.summary else { continue }
            out.append(Text(markdown: summary, file: project.location.source, lineOffset: project.location.line, extraFacts: projectFacts(project, c)))
        }
        return out
    }

    /// The project a summary speaks of: its budget and execution under any wording ("项目全年预算数…万元", "财政预算资金…万元").
    static func projectFacts(_ project: Performance.Project, _ c: RuleContext) -> [NarrativeFact] {
        let f = project.funds
        let budget = NarrativeStatedFacts.inReportUnit(f.budget, c)
        let actual = NarrativeStatedFacts.inReportUnit(f.actual, c)
        // The summary is about the project: "全年预算…万元" is its budget, "执行…万元" its execution, whether or not it repeats the name.
        return [NarrativeFact(label: project.name, current: actual, previous: nil, budget: budget, shareBase: nil, location: f.actual.location)]
    }

    /// The marker `disclose new` writes into narrative it carries over or leaves to fill (ReportSkeleton.placeholderPrefix).
    static let draftMarker = "（待填写："

    static func claims(_ c: RuleContext) -> [(NarrativeScanner.Claim, Text)] {
        c.memo.claims { findClaims(c) }
    }

    static func findClaims(_ c: RuleContext) -> [(NarrativeScanner.Claim, Text)] {
        scans(c).flatMap { text, result in result.claims.map { ($0, text) } }
    }

    /// Every text of the report scanned once: its claims and the amounts it could not link. Several
    /// rules read the scans; the scanning, a good part of checking a report, is done once per context.
    static func scans(_ c: RuleContext) -> [(Text, NarrativeScanner.ScanResult)] {
        c.memo.scans { scanTexts(c) }
    }

    static func scanTexts(_ c: RuleContext) -> [(Text, NarrativeScanner.ScanResult)] {
        let known = NarrativeFacts.facts(c) + NarrativeStatedFacts.facts(c)
        let all = texts(c)
        let named = NarrativeStatedFacts.quotedItems(in: all.map(\.markdown), known: Set(known.map(\.label)))
            + ProjectReports.untabledProjects(c.report.narrative.projectReports, c.report.performance?.projects ?? [], known: Set(known.map(\.label)))
        let facts = (known + named).sorted { $0.length > $1.length }
        let qualified = NarrativeStatedFacts.qualified(c)
        return all.map { text in
            // A project summary speaks of its own project, not of the department's totals.
            let all = text.extraFacts.isEmpty ? facts : text.extraFacts.sorted { $0.length > $1.length }
            return (text, NarrativeScanner.scanAll(text.markdown, facts: all, unitNames: c.unitNames, defaultUnit: c.unit,
                                                   qualifiedFacts: text.extraFacts.isEmpty ? qualified : [:], subject: text.extraFacts.last,
                                                   sentences: c.memo.sentences(text.markdown)))
        }
    }

    static func location(_ claim: NarrativeScanner.Claim, _ text: Text) -> SourceLocation {
        // Summaries live inside YAML: point at the project's line (the text's own lines are inside a scalar).
        text.lineOffset > 0 ? SourceLocation(file: text.file, line: text.lineOffset, column: 1)
            : SourceLocation(file: text.file, line: claim.line, column: claim.column)
    }

    static func inWan(_ value: DecimalNumber, _ unit: MoneyUnit) -> DecimalNumber { Amount(value, unit).inWanYuan }

    static func same(_ stated: DecimalNumber, _ unit: MoneyUnit, _ data: DecimalNumber, dataUnit: MoneyUnit) -> Bool {
        Amount(stated, unit).inWanYuan.rounded(to: 2) == Amount(data, dataUnit).inWanYuan.rounded(to: 2)
    }

    /// A text amount compared with a sum of data figures, within that sum's rounding interval (the
    /// 尾差 rule, the same interval the data rules use): a ROUNDING-TAIL warning, not a wrong figure.
    static func roundingTail(_ claim: NarrativeScanner.Claim, _ text: Text, value: DecimalNumber, unit: MoneyUnit, expected: String,
                             _ c: RuleContext) -> Diagnostic? {
        guard claim.fact.parts > 1 else { return nil }
        let stated = Amount(value, unit).converted(to: c.unit).value
        let difference = stated - claim.fact.current
        let interval = Tolerance.sumInterval(parts: claim.fact.parts)
        guard c.unit == .wanYuan || unit == c.unit, difference.magnitude <= interval else { return nil }
        return Diagnostic(.warning, .roundingTail, at: location(claim, text), Message(
            zh: "尾差（TEXT-AMOUNT）：文字中“\(claim.fact.label)”写为 \(value)\(unit.rawValue)，由数据中 \(claim.fact.parts) 个数相加为 \(expected)\(unit.rawValue)，差额在舍入区间 ±\(interval.formatted(decimals: 3)) 之内；读者会看到两个不同的数，请统一（多为明细表中某一行需要尾差调整）。",
            en: "rounding tail (TEXT-AMOUNT): the text gives '\(claim.fact.label)' as \(value)\(unit.rawValue); the \(claim.fact.parts) data figures add up to \(expected)\(unit.rawValue), within the rounding interval ±\(interval.formatted(decimals: 3)). Readers see two different figures: make them agree."),
            expected: expected, actual: value.description, related: claim.fact.location.map { [$0] } ?? [])
    }

    static let amounts = ReconciliationRule(
        "TEXT-AMOUNT", .text, .error,
        title: Message(zh: "文字中的金额 = 数据", en: "Amounts in the text = the data"),
        description: Message(zh: "自行撰写的第二部分段落、项目绩效综述和整体绩效报告中，写在已知项目后的金额（“基本支出534.27万元”）必须等于数据中的数（按两位小数比较；元与万元自动换算）。",
                             en: "An amount written after a known item in the report's own paragraphs, project summaries or performance report equals the data (two decimals; 元 and 万元 converted)."),
        example: "文字中“住房保障支出”写为 46.83 万元，数据中为 46.84 万元。"
    ) { c in
        var out: [Diagnostic] = []
        for (claim, text) in claims(c) {
            guard case .amount(let value, let unit) = claim.kind, !claim.fact.statedOnly else { continue }
            let isPreviousYear = claim.year == c.report.previousYear
            if isPreviousYear { continue } // handled by TEXT-YEAR
            guard !same(value, unit, claim.fact.current, dataUnit: c.unit) else { continue }
            let expected = unit == .yuan ? Amount(claim.fact.current, c.unit).converted(to: .yuan).value.formatted(decimals: 2) : Finding.money(claim.fact.current)
            if let tail = roundingTail(claim, text, value: value, unit: unit, expected: expected, c) {
                out.append(tail)
                continue
            }
            out.append(Diagnostic(.error, "TEXT-AMOUNT", at: location(claim, text), Message(
                zh: "文字中“\(claim.fact.label)”写为 \(value)\(unit.rawValue)，数据中为 \(expected)\(unit.rawValue)\(claim.fact.location.map { "（\($0)）" } ?? "")。",
                en: "the text gives '\(claim.fact.label)' as \(value)\(unit.rawValue); the data has \(expected)\(unit.rawValue)."),
                expected: expected, actual: value.description, related: claim.fact.location.map { [$0] } ?? []))
        }
        return out
    }

    static func base(_ claim: NarrativeScanner.Claim, _ explicit: String?, _ c: RuleContext) -> DecimalNumber? {
        switch explicit {
        case "本年支出合计": return c.accounts.expenditure.total.value
        case "本年收入合计": return c.accounts.income.total.value
        case "政府采购支出总额": return c.accounts.procurement.total.value
        case "基本支出": return c.figures.generalBudgetBasic.shown
        default: return claim.fact.shareBase
        }
    }

    static let shares = ReconciliationRule(
        "TEXT-SHARE", .text, .error,
        title: Message(zh: "文字中的占比 = 金额 ÷ 合计", en: "Shares in the text = amount ÷ total"),
        description: Message(zh: "“占 x%”按其打印精度与金额 ÷ 合计（四舍五入）比较：收入占本年收入合计，支出占本年支出合计，各类占一般公共预算财政拨款支出，“三公”各项占“三公”经费合计；段落写明了合计（“……万元。主要用于以下方面”）时按该合计计算，但该合计本身须是正确的基数。",
                             en: "A printed share is compared with amount ÷ base, rounded to its printed precision; a base the paragraph states is used, and must itself be the right base."),
        example: "“其他收入”占比写为 0.01%，按 0.14 ÷ 3474.81 计算应为 0.00%。"
    ) { c in
        var out: [Diagnostic] = []
        var reportedBases: Set<String> = []
        for (claim, text) in claims(c) {
            guard case .share(let value, let explicit) = claim.kind, !claim.fact.statedOnly, let defaultBase = base(claim, explicit, c) else { continue }
            let part = claim.statedCurrent ?? claim.fact.current
            var whole = defaultBase
            if explicit == nil, let stated = claim.statedBase, stated.rounded(to: 2) != defaultBase.rounded(to: 2) {
                // The paragraph computed its shares over another total: say so once, then check the arithmetic on it.
                whole = stated
                let key = "\(text.file):\(claim.line)"
                if !reportedBases.contains(key) {
                    reportedBases.insert(key)
                    out.append(Diagnostic(.error, "TEXT-SHARE", at: location(claim, text), Message(
                        zh: "占比以 \(Finding.money(stated)) 为基数计算，但“\(claim.fact.label)”等应占的合计为 \(Finding.money(defaultBase))。",
                        en: "the shares are computed over \(Finding.money(stated)), but the base for '\(claim.fact.label)' is \(Finding.money(defaultBase))."),
                        expected: Finding.money(defaultBase), actual: Finding.money(stated)))
                }
            }
            if whole.isZero && part.isZero && value.isZero { continue }
            guard !Tolerance.shareConsistent(printed: value, decimals: claim.decimals, part: part, whole: whole) else { continue }
            let computed = DecimalNumber.percentage(part, of: whole, decimals: claim.decimals) ?? .zero
            out.append(Diagnostic(.error, "TEXT-SHARE", at: location(claim, text), Message(
                zh: "“\(claim.fact.label)”占比写为 \(value)%，按 \(Finding.money(part)) ÷ \(Finding.money(whole)) 计算应为 \(computed)%。",
                en: "the share of '\(claim.fact.label)' is given as \(value)%, but \(Finding.money(part)) / \(Finding.money(whole)) is \(computed)%."),
                expected: computed.description, actual: value.description, related: claim.fact.location.map { [$0] } ?? []))
        }
        return out
    }

    static let changes = ReconciliationRule(
        "TEXT-CHANGE", .text, .error,
        title: Message(zh: "文字中的增减额、增减率 = 本年数与上年数之差", en: "Stated changes = this year minus last year"),
        description: Message(zh: "“增加/减少 x 万元，增长/下降 y%”与本年数、上年数比较：方向词必须与增减方向一致，增减额按两位小数、增减率按打印精度比较（增减率以上年数为基数）；“持平”要求两年相等。",
                             en: "'增加/减少 x, 增长/下降 y%' is compared with this year's and last year's figures: the direction must match, the amount at two decimals, the rate (over last year) at its printed precision; '持平' requires equal figures."),
        example: "“机关运行经费”增长率写为 1.28%，按 0.57 ÷ 43.86 计算应为 1.30%。"
    ) { c in
        var out: [Diagnostic] = []
        for (claim, text) in claims(c) {
            guard let previous = claim.fact.previous else { continue }
            let current = claim.statedCurrent ?? claim.fact.current
            let delta = current - previous
            let at = location(claim, text)
            let related = claim.fact.location.map { [$0] } ?? []
            switch claim.kind {
            case .change(let value, let unit, let sign):
                let stated = inWan(value, unit)
                let wrongDirection = (sign > 0 && delta.isNegative) || (sign < 0 && delta > .zero)
                if wrongDirection || stated.rounded(to: 2) != delta.magnitude.rounded(to: 2) {
                    out.append(Diagnostic(.error, "TEXT-CHANGE", at: at, Message(
                        zh: "“\(claim.fact.label)”\(sign > 0 ? "增加" : "减少") \(value)\(unit.rawValue)，但本年 \(Finding.money(current)) 与上年 \(Finding.money(previous)) 相比\(delta.isNegative ? "减少" : "增加") \(Finding.money(delta.magnitude))。",
                        en: "'\(claim.fact.label)' is said to \(sign > 0 ? "increase" : "decrease") by \(value), but \(Finding.money(current)) vs last year's \(Finding.money(previous)) is a change of \(Finding.money(delta))."),
                        expected: Finding.money(delta.magnitude), actual: value.description, related: related))
                }
            case .rate(let value, let sign):
                // Recompute from the change the sentence states, if it states one.
                let statedDelta: DecimalNumber? = claims(c).lazy.compactMap { other, _ -> DecimalNumber? in
                    guard other.line == claim.line, other.text == claim.text, other.fact.label == claim.fact.label,
                          case .change(let v, let u, _) = other.kind else { return nil }
                    return Amount(v, u).inWanYuan
                }.first
                let change = statedDelta ?? delta.magnitude
                let base = statedDelta.map { sign > 0 ? current - $0 : current + $0 } ?? previous
                guard !base.isZero else { continue }
                let exact = DecimalNumber.percentage(change, of: base, decimals: 8) ?? .zero
                let wrongDirection = (sign > 0 && delta.isNegative) || (sign < 0 && delta > .zero)
                if wrongDirection || !Tolerance.rateConsistent(printed: value, decimals: claim.decimals, change: change, previous: base) {
                    let shown = exact.rounded(to: claim.decimals)
                    out.append(Diagnostic(.error, "TEXT-CHANGE", at: at, Message(
                        zh: "“\(claim.fact.label)”\(sign > 0 ? "增长" : "下降")率写为 \(value)%，按 \(Finding.money(change)) ÷ 上年 \(Finding.money(base)) 计算应为\(delta.isNegative ? "下降" : "增长") \(shown)%。",
                        en: "the rate for '\(claim.fact.label)' is given as \(value)%, but \(Finding.money(change)) / last year's \(Finding.money(base)) is \(shown)%."),
                        expected: shown.description, actual: value.description, related: related))
                }
            case .unchanged:
                if current != previous {
                    out.append(Diagnostic(.error, "TEXT-CHANGE", at: at, Message(
                        zh: "文字说“\(claim.fact.label)”与上年持平，但本年 \(Finding.money(current))、上年 \(Finding.money(previous))。",
                        en: "the text says '\(claim.fact.label)' is unchanged, but this year \(Finding.money(current)), last year \(Finding.money(previous))."),
                        expected: Finding.money(current), actual: Finding.money(previous), related: related))
                }
            default:
                continue
            }
        }
        return out
    }

    static let completion = ReconciliationRule(
        "TEXT-COMPLETION", .text, .error,
        title: Message(zh: "文字中的完成率 = 决算数 ÷ 预算数", en: "Stated completion rates = actual ÷ budget"),
        description: Message(zh: "“完成预算 x%”按打印精度与决算数 ÷ 预算数比较；预算数为 0 时只能写 0%（不能写“完成预算 x%”）。",
                             en: "'完成预算 x%' is compared with actual ÷ budget at its printed precision; with no budget only 0% may be written."),
        example: "“一般公共预算支出”完成率写为 165.33%，按 745.99 ÷ 745.99 计算应为 100.00%。"
    ) { c in
        var out: [Diagnostic] = []
        for (claim, text) in claims(c) {
            guard case .completion(let value) = claim.kind, let budget = claim.fact.budget else { continue }
            if budget.isZero {
                if !value.isZero {
                    out.append(Diagnostic(.error, "TEXT-COMPLETION", at: location(claim, text), Message(
                        zh: "“\(claim.fact.label)”预算数为 0，不能写完成预算 \(value)%。", en: "'\(claim.fact.label)' has no budget; '完成预算 \(value)%' cannot be right."),
                        expected: "0", actual: value.description))
                }
                continue
            }
            let actual = claim.statedCurrent ?? claim.fact.current
            guard !Tolerance.shareConsistent(printed: value, decimals: claim.decimals, part: actual, whole: budget) else { continue }
            let computed = DecimalNumber.percentage(actual, of: budget, decimals: max(claim.decimals, 2)) ?? .zero
            out.append(Diagnostic(.error, "TEXT-COMPLETION", at: location(claim, text), Message(
                zh: "“\(claim.fact.label)”完成预算写为 \(value)%，按决算数 \(Finding.money(actual)) ÷ 预算数 \(Finding.money(budget)) 计算应为 \(computed.rounded(to: claim.decimals))%。",
                en: "'\(claim.fact.label)' completion is given as \(value)%, but \(Finding.money(actual)) / \(Finding.money(budget)) is \(computed.rounded(to: claim.decimals))%."),
                expected: computed.rounded(to: claim.decimals).description, actual: value.description, related: claim.fact.location.map { [$0] } ?? []))
        }
        return out
    }

    static let year = ReconciliationRule(
        "TEXT-YEAR", .text, .error,
        title: Message(zh: "文字中的年份正确", en: "Years in the text are right"),
        description: Message(zh: "句子写明上一年度，金额却是本年的数（且不等于上年数）时，年份写错了。",
                             en: "A sentence that names last year but gives this year's figure (not last year's) has the wrong year."),
        example: "句中写“2019年”，但“政府性基金预算财政拨款支出”204.85 万元是 2020 年的数（2019 年为 0.00）。"
    ) { c in
        var out: [Diagnostic] = []
        for (claim, text) in claims(c) {
            guard case .amount(let value, let unit) = claim.kind, claim.year == c.report.previousYear, !claim.fact.statedOnly else { continue }
            let matchesCurrent = same(value, unit, claim.fact.current, dataUnit: c.unit)
            let matchesPrevious = claim.fact.previous.map { same(value, unit, $0, dataUnit: c.unit) } ?? false
            if matchesCurrent && !matchesPrevious {
                out.append(Diagnostic(.error, "TEXT-YEAR", at: location(claim, text), Message(
                    zh: "句中写的是 \(c.report.previousYear) 年，但“\(claim.fact.label)”\(value)\(unit.rawValue) 是 \(c.report.year) 年度的数\(claim.fact.previous.map { "（\(c.report.previousYear) 年为 \(Finding.money($0))）" } ?? "")；年份应为 \(c.report.year)。",
                    en: "the sentence names \(c.report.previousYear), but '\(claim.fact.label)' \(value) is the \(c.report.year) figure; the year should be \(c.report.year)."),
                    expected: String(c.report.year), actual: String(c.report.previousYear)))
            } else if !matchesPrevious, let previous = claim.fact.previous {
                out.append(Diagnostic(.error, "TEXT-AMOUNT", at: location(claim, text), Message(
                    zh: "文字中 \(c.report.previousYear) 年“\(claim.fact.label)”写为 \(value)\(unit.rawValue)，数据中上年数为 \(Finding.money(previous))。",
                    en: "the text gives \(c.report.previousYear)'s '\(claim.fact.label)' as \(value); the data has \(Finding.money(previous))."),
                    expected: Finding.money(previous), actual: value.description))
            }
        }
        return out
    }

    static let placeholderPatterns = ["增加/减少", "增加（减少）", "增长/下降", "增长（下降）", "大于/小于", "大于（小于）", "本部门（单位）",
                                      "XX", "xx", "××", "ＸＸ", "{{", "}}", "【】", "[待填]", "待补充",
                                      // Guidance notes of the template, half-resolved alternatives and image debris of PDF extraction.
                                      "（注：", "（注:", "(注：", "(注:", "大小于", "大于小于", "减增加", "增减少", "增加减少", "增长下降",
                                      "本单位（部门）", "[image", "[图片", "［image"]

    static let placeholderStarts = Set(placeholderPatterns.compactMap { $0.unicodeScalars.first })
    static let placeholderBytes = placeholderPatterns.map { Array($0.utf8) }

    /// The patterns Foundation's search could find in `line`, in their order: those whose bytes the line
    /// holds, or all when the line has a character canonically equal to one of the patterns' characters
    /// (降 U+FA09 and 充 U+FA74 are the only ones). A quick answer before a search per pattern.
    static func placeholderCandidates(_ line: Substring) -> [String] {
        if line.unicodeScalars.contains(where: { $0.value == 0xFA09 || $0.value == 0xFA74 }) { return placeholderPatterns }
        let bytes = Array(line.utf8)
        return zip(placeholderPatterns, placeholderBytes).filter { NarrativeScanner.holdsBytes(bytes, $0.1) }.map(\.0)
    }

    static let placeholders = ReconciliationRule(
        "TEXT-PLACEHOLDER", .text, .error,
        title: Message(zh: "文字中没有模板残留", en: "No template leftovers in the text"),
        description: Message(zh: "未选定的模板备选词（“增加/减少”“大于/小于”“大小于”“减增加”）、占位符（“XX”“××”）、“本部门（单位）”、模板的填写说明（“（注：……）”）和 PDF 提取留下的“[image: …]”不能出现在公开文字中。",
                             en: "Unresolved template alternatives ('增加/减少', '大小于'), placeholders ('XX'), '本部门（单位）', template guidance notes ('（注：…）') and '[image: …]' debris must not be published."),
        example: "文字中留有模板占位“增加/减少”，请选定其一。"
    ) { c in
        var out: [Diagnostic] = []
        var docs = ParagraphSlot.allCases.compactMap { c.report.narrative.paragraphs[$0] }
        for doc in [c.report.narrative.duties, c.report.narrative.achievements, c.report.narrative.organization, c.report.narrative.performanceReport] {
            if let doc { docs.append(doc) }
        }
        for doc in docs {
            for (index, line) in doc.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // A cheap scalar test first: most lines hold none of the patterns' first characters.
                guard line.unicodeScalars.contains(where: { placeholderStarts.contains($0) }) else { continue }
                for pattern in placeholderCandidates(line) {
                    guard let range = line.range(of: pattern) else { continue }
                    // "XX" inside a Latin word (e.g. an URL) is not a placeholder.
                    if pattern.lowercased() == "xx" {
                        let before = range.lowerBound > line.startIndex ? line[line.index(before: range.lowerBound)] : " "
                        let after = range.upperBound < line.endIndex ? line[range.upperBound] : " "
                        if before.isASCII && before.isLetter || after.isASCII && after.isLetter { continue }
                    }
                    let column = line[..<range.lowerBound].unicodeScalars.count + 1
                    out.append(Diagnostic(.error, "TEXT-PLACEHOLDER", at: SourceLocation(file: doc.file, line: index + 1, column: column), Message(
                        zh: "文字中留有模板占位“\(pattern)”，请改为实际内容。", en: "template leftover '\(pattern)' in the text; replace it with the actual wording."),
                        actual: pattern))
                    break
                }
            }
        }
        return out
    }

    static let enumerations = ReconciliationRule(
        "TEXT-SUM", .text, .warning,
        title: Message(zh: "文字中“共 N，其中……”的分项之和 = N", en: "Listed parts add up to their stated total"),
        description: Message(zh: "文字写“某某 N 人（个、名、项），其中：甲 a 人、乙 b 人……”且列出两项以上时，分项之和应等于 N（只列出部分的请写“主要有”）。",
                             en: "'X N people, of which A a, B b…' with two or more parts: the parts should add up to N."),
        example: "“各类领军人才”写为 299 人，但其中列出的各项之和为 302 人。"
    ) { c in
        var docs: [(String, ContentPath, Int)] = []
        for doc in [c.report.narrative.achievements, c.report.narrative.performanceReport] + ParagraphSlot.allCases.map({ c.report.narrative.paragraphs[$0] }) {
            if let doc { docs.append((doc.markdown, doc.file, 0)) }
        }
        for project in c.report.performance?.projects ?? [] {
            if let s = project.summary { docs.append((s, project.location.source, project.location.line)) }
        }
        var out: [Diagnostic] = []
        for (markdown, file, offset) in docs {
            for sentence in c.memo.sentences(markdown) {
                guard let finding = Enumeration.check(sentence.text) else { continue }
                let at = offset > 0 ? SourceLocation(file: file, line: offset, column: 1) : SourceLocation(file: file, line: sentence.line, column: sentence.column)
                out.append(Diagnostic(.warning, "TEXT-SUM", at: at, Message(
                    zh: "“\(finding.label)”写为 \(finding.total)\(finding.unit)，但“其中”列出的各项之和为 \(finding.sum)\(finding.unit)。",
                    en: "'\(finding.label)' is \(finding.total)\(finding.unit), but the listed parts add up to \(finding.sum)\(finding.unit)."),
                    expected: String(finding.sum), actual: String(finding.total)))
            }
        }
        return out
    }
}

/// "各类领军人才299人，其中：两院院士20人、……" — the parts of a stated total.
enum Enumeration {
    struct Finding {
        let label: String
        let total: Int
        let sum: Int
        let unit: String
    }

    static let units: [Character] = ["人", "个", "名", "项", "辆", "家", "所"]

    /// Removes parenthesised asides: "参公编制8个（区委党员教育中心5个、…）".
    static func withoutAsides(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "（" || ch == "(" { depth += 1; continue }
            if ch == "）" || ch == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }

    static func check(_ raw: String) -> Finding? {
        let sentence = withoutAsides(raw)
        guard let marker = sentence.range(of: "，其中") ?? sentence.range(of: "其中：") else { return nil }
        let head = sentence[..<marker.lowerBound]
        // The total: the last "<number><unit>" right before "，其中".
        guard let unit = head.last, units.contains(unit) else { return nil }
        let digits = head.dropLast().reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let total = Int(String(digits.reversed())) else { return nil }
        let labelEnd = head.index(head.endIndex, offsetBy: -(digits.count + 1))
        let label = String(head[..<labelEnd].split(whereSeparator: { "，,：:".contains($0) }).last ?? "")
        // The parts: "<name><number><unit>" separated by 、，；.
        var parts: [Int] = []
        for piece in sentence[marker.upperBound...].split(whereSeparator: { "、，,；;。".contains($0) }) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.last == unit else { continue }
            let number = trimmed.dropLast().reversed().prefix { $0.isASCII && $0.isNumber }
            guard !number.isEmpty, number.count < trimmed.count - 1, let n = Int(String(number.reversed())) else { continue }
            parts.append(n)
        }
        guard parts.count >= 2 else { return nil }
        let sum = parts.reduce(0, +)
        // Only a list that claims to be the whole can be wrong; a partial list says 主要 or 等.
        guard sum != total, !sentence.contains("主要"), !sentence[marker.upperBound...].contains("等") else { return nil }
        // "在岗人员35名，退休人员4名，离休1名，其中：行政人员20名…": the list belongs to an earlier total.
        let headText = String(head)
        let earlier = NarrativeScanner.numbers(in: headText).filter { headText[$0.end...].first == unit }.map(\.value)
        if earlier.contains(DecimalNumber(sum)) { return nil }
        return Finding(label: label, total: total, sum: sum, unit: String(unit))
    }
}
