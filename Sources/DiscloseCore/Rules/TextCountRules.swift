/// Counts the narrative states about lists the content holds: projects self-evaluated or with targets,
/// projects of a category and those over a balance threshold, vehicles, reception batches and visitors.
enum TextCountRules {
    static let all: [ReconciliationRule] = [counts]

    /// "10个", "5 项", "3辆", "2台（套）", "19批次": a count with its measure word.
    struct CountToken {
        let value: Int
        let measure: String
        let start: String.Index
        let end: String.Index
    }

    static let measures = ["批次", "人次", "台（套）", "台套", "个", "项", "份", "辆", "台", "套", "批", "家"]

    static func counts(in text: String) -> [CountToken] {
        NarrativeScanner.numbers(in: text).compactMap { t in
            guard t.decimals == 0, let measure = measures.first(where: { text[t.end...].hasPrefix($0) }) else { return nil }
            // "超过10%的有2个": the percentage is not a count.
            return CountToken(value: t.value.intValue, measure: measure, start: t.start, end: text.index(t.end, offsetBy: measure.count))
        }
    }

    /// What a count is compared with: the figure the content holds, where it is, and what it is called.
    struct Expected {
        let value: Int
        let what: String
        let location: SourceLocation?
    }

    static func balanceRate(_ p: Performance.Project) -> DecimalNumber? {
        let budget = p.funds.budget.amount.inWanYuan
        guard !budget.isZero else { return nil }
        return DecimalNumber.percentage(budget - p.funds.actual.amount.inWanYuan, of: budget, decimals: 8)
    }

    /// Other names reports give the project categories.
    static let groupNames = ["一次性项目": ["一次性项目", "阶段项目", "阶段性项目"], "常年项目": ["常年项目", "经常性项目"]]

    /// The list a count speaks of, by the words of its clause.
    static func expected(for token: CountToken, sentence s: String, clauseStart: String.Index, paragraph: String, c: RuleContext) -> Expected? {
        let clause = s[clauseStart..<token.start]
        let after = s[token.end...]
        let around = String(clause) + String(after.prefix(4))
        let perf = c.report.performance
        let projects = perf?.projects ?? []
        // Project groups and thresholds: "常年项目5个", "结余率超过10%的有2个".
        let groups = perf?.overall?.projectGroups ?? []
        // The group the paragraph is about: the one named last before the count, in this sentence or an earlier one
        // ("阶段（一次性）项目", "阶段项目" name the 一次性项目).
        let before = (paragraph + s[..<token.start]).filter { $0 != "（" && $0 != "）" }
        func lastMention(_ g: Performance.ProjectGroup) -> Int? {
            (groupNames[g.label] ?? [g.label]).compactMap { before.range(of: $0, options: .backwards).map { before.distance(from: before.startIndex, to: $0.lowerBound) } }.max()
        }
        let group = groups.compactMap { g in lastMention(g).map { (g, $0) } }.max { $0.1 < $1.1 }?.0
        let inGroup = group.map { g in projects.filter { $0.category == g.label } } ?? projects
        if let threshold = thresholdClause(String(clause)) {
            guard !projects.isEmpty else { return nil }
            let n = inGroup.filter { p in
                guard let rate = balanceRate(p) else { return false }
                return threshold.over ? rate > threshold.percent : rate < threshold.percent
            }.count
            return Expected(value: n, what: "\(group?.label ?? "")结余率\(threshold.over ? "大于" : "小于")\(threshold.percent)%的项目", location: group?.count.location)
        }
        let reports = c.report.narrative.projectReports
        if ["个", "项", "份"].contains(token.measure), !reports.isEmpty, around.contains("自评报告") || around.contains("评价报告") || around.contains("项目报告") {
            return Expected(value: reports.count, what: "附件中的项目自评报告份数", location: SourceLocation(file: reports[0].file, line: 1, column: 1))
        }
        if token.measure == "个" || token.measure == "项" {
            if let group, clause.hasSuffix(group.label) || clause.hasSuffix("\(group.label)共") {
                return Expected(value: group.count.value.intValue, what: "\(group.label)个数", location: group.count.location)
            }
            guard around.contains("项目"), let m = perf?.management else { return nil }
            if around.contains("自评表") && !projects.isEmpty {
                return Expected(value: projects.count, what: "项目支出绩效自评表张数", location: projects.first?.location)
            }
            if around.contains("自评") { return Expected(value: m.selfEvaluated.value.intValue, what: "开展绩效自评的项目数", location: m.selfEvaluated.location) }
            if around.contains("事前") { return m.exAnteAssessed.map { Expected(value: $0.value.intValue, what: "开展事前绩效评估的项目数", location: $0.location) } }
            if around.contains("绩效目标") { return Expected(value: m.withTargets.value.intValue, what: "编制绩效目标的项目数", location: m.withTargets.location) }
            if around.contains("监控") { return Expected(value: m.monitored.value.intValue, what: "开展绩效监控的项目数", location: m.monitored.location) }
            if around.contains("绩效评价") { return m.evaluated.map { Expected(value: $0.value.intValue, what: "开展绩效评价的项目数", location: $0.location) } }
            return nil
        }
        let t = c.accounts.threePublic
        if token.measure == "辆" {
            // Purchases or the stock at year end: whichever the sentence spoke of last before the count.
            let prefix = s[..<token.start]
            let purchase = ["购置", "购买"].compactMap { prefix.range(of: $0, options: .backwards)?.lowerBound }.max()
            let stock = ["截至", "截止", "保有", "共有", "实有", "年末"].compactMap { prefix.range(of: $0, options: .backwards)?.lowerBound }.max()
            if let purchase, stock.map({ $0 < purchase }) ?? true {
                guard !t.vehiclesPurchased.isEmpty else { return nil }
                if let model = t.vehiclesPurchased.last(where: { clause.contains($0.model) }) {
                    return Expected(value: model.count.value.intValue, what: "本年购置“\(model.model)”数", location: model.count.location)
                }
                let n = c.figures.vehiclesPurchased
                return Expected(value: n, what: "本年购置公务用车数", location: t.vehiclesPurchased.first?.count.location)
            }
            let held = c.accounts.assets.vehicles
            if let category = held.last(where: { clause.contains($0.type) }) {
                return Expected(value: category.count.value.intValue, what: "“\(category.type)”车辆数", location: category.count.location)
            }
            if let model = t.vehiclesHeld.last(where: { clause.contains($0.model) }), t.vehiclesHeld.count > 1 {
                return Expected(value: model.count.value.intValue, what: "“\(model.model)”保有量", location: model.count.location)
            }
            if ["保有", "共有", "实有", "车辆", "公务用车"].contains(where: clause.contains) {
                if !held.isEmpty { return Expected(value: c.figures.assetVehicles, what: "车辆总数", location: held.first?.count.location) }
                if !t.vehiclesHeld.isEmpty {
                    return Expected(value: c.figures.vehiclesHeld, what: "公务用车保有量", location: t.vehiclesHeld.first?.count.location)
                }
            }
            return nil
        }
        if token.measure == "批次" || token.measure == "批" {
            guard s.contains("接待") else { return nil }
            let r = s.contains("外事") ? t.foreignReception : t.domesticReception
            return r.batches.map { Expected(value: $0.value.intValue, what: s.contains("外事") ? "外事接待批次" : "国内公务接待批次", location: $0.location) }
        }
        if token.measure == "人次" {
            if s.contains("出国") || s.contains("出境") {
                return t.overseasPersons.map { Expected(value: $0.value.intValue, what: "因公出国（境）人次", location: $0.location) }
            }
            guard s.contains("接待") else { return nil }
            let r = s.contains("外事") ? t.foreignReception : t.domesticReception
            return Expected(value: r.persons.value.intValue, what: s.contains("外事") ? "外事接待人次" : "国内公务接待人次", location: r.persons.location)
        }
        return nil
    }

    /// "结余率超过10%的", "结余率大于10%的项目共计", "结余率小于10%的": the threshold and its side.
    static func thresholdClause(_ clause: String) -> (percent: DecimalNumber, over: Bool)? {
        guard let rate = clause.range(of: "结余率", options: .backwards) else { return nil }
        let rest = String(clause[rate.upperBound...])
        let over = ["超过", "大于", "高于", "以上"].contains(where: rest.contains)
        let under = ["小于", "低于", "不足", "以下", "未超过"].contains(where: rest.contains)
        guard over != under, let t = NarrativeScanner.numbers(in: rest).first, rest[t.end...].hasPrefix("%") else { return nil }
        return (t.value, over)
    }

    static let counts = ReconciliationRule(
        "TEXT-COUNT", .text, .error,
        title: Message(zh: "文字中的个数 = 内容中的清单", en: "Counts in the text = the lists the content holds"),
        description: Message(zh: "文字中的“N个（项、辆、台（套）、批次、人次）”说的是内容中有清单的事物时，与清单比较：开展绩效自评、编制绩效目标、绩效监控、事前评估的项目数，项目支出绩效自评表张数，各类项目个数，结余率超过（低于）某一比例的项目数（按自评表重算），车辆总数和各类车辆数，公务接待批次和人次。",
                             en: "A count the text states about a list the content holds is compared with it: projects self-evaluated, with targets, monitored; self-evaluation tables; projects per category and over a balance threshold (recomputed); vehicles in total and by category; reception batches and visitors."),
        example: "文字写“开展绩效自评的项目”为 8 个，内容中为 10 个（performance.yaml:13:3）。"
    ) { c in
        var out: [Diagnostic] = []
        for text in TextRules.texts(c) where text.extraFacts.isEmpty {
            var paragraph = "", paragraphLine = 0
            for sentence in c.memo.sentences(text.markdown) {
                let s = sentence.text
                if sentence.line != paragraphLine { paragraph = ""; paragraphLine = sentence.line }
                defer { paragraph += s }
                for token in counts(in: s) {
                    // "其余3个": the rest of a list is not a count of the list.
                    let before = s[..<token.start]
                    if before.hasSuffix("其余") || before.hasSuffix("其中") || before.hasSuffix("第") { continue }
                    let separator = before.lastIndex { "，,；;：:。（(、".contains($0) }
                    let clauseStart = separator.map { s.index(after: $0) } ?? s.startIndex
                    guard let expected = expected(for: token, sentence: s, clauseStart: clauseStart, paragraph: paragraph, c: c), expected.value != token.value else { continue }
                    let at = SourceLocation(file: text.file, line: sentence.line, column: sentence.column + s.distance(from: s.startIndex, to: token.start))
                    out.append(Diagnostic(.error, "TEXT-COUNT", at: at, Message(
                        zh: "文字写\(expected.what)为 \(token.value)\(token.measure)，内容中为 \(expected.value)\(expected.location.map { "（\($0)）" } ?? "")。",
                        en: "the text gives \(token.value) where the content holds \(expected.value) (\(expected.what))."),
                        expected: String(expected.value), actual: String(token.value), related: expected.location.map { [$0] } ?? []))
                }
            }
        }
        return out
    }
}
