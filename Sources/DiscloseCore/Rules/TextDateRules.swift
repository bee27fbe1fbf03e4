/// Years and dates in the narrative: a comparison is with the year before the report, "截至" the end of
/// the report year, and no sentence speaks of a year after the report's as done.
enum TextDateRules {
    static let all: [ReconciliationRule] = [dates]

    /// A year written in a sentence: "2022年", "2022 年度".
    struct YearMention {
        let year: Int
        let range: Range<String.Index>
    }

    static func years(in text: String) -> [YearMention] {
        NarrativeScanner.numbers(in: text).compactMap { t in
            guard t.decimals == 0, text[t.end...].hasPrefix("年"), (1990...2100).contains(t.value.intValue),
                  text.distance(from: t.start, to: t.end) == 4 else { return nil }
            return YearMention(year: t.value.intValue, range: t.start..<t.end)
        }
    }

    /// Words before a year that make it the year compared with ("与2022年相比", "比2022年", "较2022年").
    static let comparing = ["与", "比", "较", "同"]
    /// Words that make a later year a plan, not a figure of the report ("2024年将…", "计划于2024年…").
    static let planWords = ["将", "计划", "预计", "拟", "力争", "下一步", "下年", "明年", "今后", "公开", "公示", "发布", "编制", "着眼", "迎接", "筹备"]
    /// Words of a comparison over several years ("比2016年多20.01万人，年均增长8.7%"), which may reach further back.
    static let multiYear = ["年均", "以来", "累计", "五年", "十年"]

    static let dates = ReconciliationRule(
        "TEXT-DATE", .text, .error,
        title: Message(zh: "文字中的比较年份和截止日期正确", en: "Compared years and as-of dates in the text are right"),
        description: Message(zh: "比较的句子（“与……年相比”“比……年”“较……年”）中的年份必须是报告年度的上一年；说明本年数字的“截至……”日期必须是报告年度的年末（12月31日、年底或年末）；写成已发生的事实而年份晚于报告年度的也报错（计划、公开等将来的安排除外）。",
                             en: "A year in a comparing sentence must be the year before the report; an as-of date ('截至…') of the report's figures must be the end of the report year; a year after the report year stated as fact is an error (plans and publication excepted)."),
        example: "比较的年份写为 2021 年，本报告为 2023 年度，应与 2022 年比较。"
    ) { c in
        var out: [Diagnostic] = []
        let year = c.report.year
        for text in TextRules.texts(c) {
            for sentence in c.memo.sentences(text.markdown) {
                let s = sentence.text
                func at(_ index: String.Index) -> SourceLocation {
                    text.lineOffset > 0 ? SourceLocation(file: text.file, line: text.lineOffset, column: 1)
                        : SourceLocation(file: text.file, line: sentence.line, column: sentence.column + s.distance(from: s.startIndex, to: index))
                }
                for mention in years(in: s) {
                    let before = s[..<mention.range.lowerBound]
                    let afterYear = s[mention.range.upperBound...].dropFirst() // after "年"
                    let isComparison = comparing.contains { before.hasSuffix($0) } && (s.contains("相比") || s.contains("同期") || afterYear.hasPrefix("度") || s[mention.range.upperBound...].contains { "增减多少高低上下".contains($0) })
                    if isComparison, mention.year != year - 1, !(mention.year < year - 1 && multiYear.contains(where: s.contains)) {
                        out.append(Diagnostic(.error, "TEXT-DATE", at: at(mention.range.lowerBound), Message(
                            zh: "比较的年份写为 \(mention.year) 年，本报告为 \(year) 年度，应与 \(year - 1) 年比较。",
                            en: "the sentence compares with \(mention.year); this is the \(year) report, which compares with \(year - 1)."),
                            expected: String(year - 1), actual: String(mention.year)))
                        continue
                    }
                    if before.hasSuffix("截至") || before.hasSuffix("截止") || before.hasSuffix("截止到") || before.hasSuffix("截至到") {
                        let endOfYear = ["12月31日", "12月底", "12月末", "年底", "年末", "末", "底"].contains { afterYear.hasPrefix($0) || s[mention.range.upperBound...].hasPrefix("年\($0)") }
                        if mention.year != year || !endOfYear {
                            let written = String(s[mention.range.lowerBound...].prefix { !"，,。；;（(".contains($0) })
                            out.append(Diagnostic(.error, "TEXT-DATE", at: at(mention.range.lowerBound), Message(
                                zh: "“截至\(written)”：说明本年度数字的日期应为 \(year) 年 12 月 31 日（年末）。",
                                en: "'截至\(written)': the date of the report's figures should be 31 December \(year)."),
                                expected: "\(year)年12月31日", actual: written))
                        }
                        continue
                    }
                    // A later year the sentence states as its time ("2024年完成了…", "于2024年…"), not one that
                    // qualifies a thing ("开展2021年党刊宣传发行工作").
                    let statesTime = before.isEmpty || ["截至", "截止", "于", "在", "至", "到"].contains { before.hasSuffix($0) }
                    if mention.year > year, statesTime, !planWords.contains(where: s.contains) {
                        out.append(Diagnostic(.error, "TEXT-DATE", at: at(mention.range.lowerBound), Message(
                            zh: "句中写的是 \(mention.year) 年，晚于报告年度 \(year) 年；本报告只能说明 \(year) 年度及以前的情况。",
                            en: "the sentence names \(mention.year), after the report year \(year)."),
                            expected: String(year), actual: String(mention.year)))
                    }
                }
                // "较上年", "比上年": fine by definition; "较去年同期" too.
            }
        }
        return out
    }
}
