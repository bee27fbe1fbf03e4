/// Figures people state in the data (rates in the self-evaluation tables), recomputed and compared
/// at the precision they were printed with.
enum StatedRules {
    static let all: [ReconciliationRule] = [projectSources, projectRate, projectWeights]

    static let projectSources = ReconciliationRule(
        "PROJECT-FUNDS", .stated, .error,
        title: Message(zh: "项目资金 = 各资金来源之和", en: "Project funds = sum of their sources"),
        description: Message(zh: "项目支出绩效自评表中，全年预算数、全年执行数分别等于各资金来源之和。",
                             en: "A self-evaluation table's budget and actual each equal the sum of its fund sources."),
        example: "项目“老干部队伍建设经费”全年执行数为 11.97，但各资金来源之和为 11.90，相差 0.07。"
    ) { c in
        guard let p = c.report.performance else { return [] }
        var out: [Diagnostic] = []
        for project in p.projects where !project.funds.sources.isEmpty {
            for (total, parts, zh) in [(project.funds.budget, project.funds.sources.map(\.budget), "全年预算数"),
                                       (project.funds.actual, project.funds.sources.map(\.actual), "全年执行数")] {
                if let d = Finding.sum("PROJECT-FUNDS", total: total, parts: parts, totalZh: "项目“\(project.name)”\(zh)",
                                       totalEn: "project '\(project.name)' \(zh)", partsZh: "各资金来源", partsEn: "fund sources") { out.append(d) }
            }
        }
        return out
    }

    static func rateFinding(_ stated: Quantity, budget: Figure, actual: Figure, what: String) -> Diagnostic? {
        let decimals = stated.value.scale
        guard !budget.value.isZero else {
            return stated.value.isZero ? nil : Diagnostic(.error, "PROJECT-RATE", at: stated.location, path: stated.path, Message(
                zh: "\(what)预算数为 0，不能写执行率 \(stated.value)%。", en: "\(what) has no budget, so no execution rate \(stated.value)%."),
                expected: "0", actual: stated.value.description)
        }
        guard !Tolerance.shareConsistent(printed: stated.value, decimals: decimals, part: actual.value, whole: budget.value) else { return nil }
        let computed = DecimalNumber.percentage(actual.value, of: budget.value, decimals: max(decimals, 2)) ?? .zero
        return Diagnostic(.error, "PROJECT-RATE", at: stated.location, path: stated.path, Message(
            zh: "\(what)执行率写为 \(stated.value)%，按执行数 \(Finding.money(actual.value)) ÷ 预算数 \(Finding.money(budget.value)) 计算应为 \(computed.rounded(to: decimals))%。",
            en: "\(what) execution rate is given as \(stated.value)%, but \(Finding.money(actual.value)) / \(Finding.money(budget.value)) is \(computed.rounded(to: decimals))%."),
            expected: computed.rounded(to: decimals).description, actual: stated.value.description, related: [budget.location, actual.location])
    }

    static let projectRate = ReconciliationRule(
        "PROJECT-RATE", .stated, .error,
        title: Message(zh: "执行率 = 全年执行数 ÷ 全年预算数", en: "Execution rate = actual ÷ budget"),
        description: Message(zh: "自评表写明的执行率按其打印精度与执行数 ÷ 预算数比较（写成整数的按整数比较）。",
                             en: "A stated execution rate is compared with actual ÷ budget at the precision it was printed with (an integer as an integer)."),
        example: "项目“干部队伍建设经费”执行率写为 98%，按执行数 7.59 ÷ 预算数 8.00 计算应为 95%。"
    ) { c in
        guard let p = c.report.performance else { return [] }
        var out: [Diagnostic] = []
        for project in p.projects {
            if let rate = project.funds.rate, let d = rateFinding(rate, budget: project.funds.budget, actual: project.funds.actual,
                                                                   what: "项目“\(project.name)”") { out.append(d) }
            for source in project.funds.sources {
                if let rate = source.rate, let d = rateFinding(rate, budget: source.budget, actual: source.actual,
                                                               what: "项目“\(project.name)”的\(source.source)") { out.append(d) }
            }
        }
        return out
    }

    static let projectWeights = ReconciliationRule(
        "PROJECT-SCORE", .stated, .error,
        title: Message(zh: "自评表得分不超过分值", en: "Self-evaluation scores do not exceed weights"),
        description: Message(zh: "项目支出绩效自评表中每项得分不超过其分值；各项都有分值时，分值合计为 100。",
                             en: "No score exceeds its weight; when every line has a weight, the weights total 100."),
        example: "项目“人才专项”指标“安家补贴”得分 12 超过分值 10。"
    ) { c in
        guard let p = c.report.performance else { return [] }
        var out: [Diagnostic] = []
        for project in p.projects {
            let lines: [(Quantity?, Quantity?, String)] = [(project.funds.weight, project.funds.score, "预算执行率")]
                + project.indicators.map { ($0.weight, $0.score, $0.level3) }
            for case let (weight?, score?, name) in lines where score.value > weight.value {
                out.append(Diagnostic(.error, "PROJECT-SCORE", at: score.location, path: score.path, Message(
                    zh: "项目“\(project.name)”中“\(name)”得分 \(score.value) 超过分值 \(weight.value)。",
                    en: "project '\(project.name)': '\(name)' scores \(score.value), above its weight \(weight.value)."),
                    expected: weight.value.description, actual: score.value.description))
            }
            let weights = lines.compactMap(\.0)
            if weights.count == lines.count, let first = weights.first, DecimalNumber.sum(weights.map(\.value)) != DecimalNumber(100) {
                out.append(Diagnostic(.warning, "PROJECT-SCORE", at: first.location, path: first.path, Message(
                    zh: "项目“\(project.name)”各项分值合计为 \(DecimalNumber.sum(weights.map(\.value)))，应为 100。",
                    en: "project '\(project.name)': the weights total \(DecimalNumber.sum(weights.map(\.value))), not 100."),
                    expected: "100", actual: DecimalNumber.sum(weights.map(\.value)).description))
            }
        }
        return out
    }
}
