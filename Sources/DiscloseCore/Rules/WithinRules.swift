/// Totals equal the sum of their parts, within a table or section.
enum WithinRules {
    static let all: [ReconciliationRule] = [
        incomeTotal, incomeGrandTotal, expenditureTotal, expenditureGrandTotal, balance, basicSplit, basicItems,
        threePublicTotals, receptionParts, receptionItems, procurement, staffing, overallScore,
    ]

    static let incomeTotal = ReconciliationRule(
        "INC-TOTAL", .within, .error,
        title: Message(zh: "本年收入合计 = 各项收入之和", en: "Income total = sum of income sources"),
        description: Message(zh: "本年收入合计等于一般公共预算、政府性基金、国有资本经营财政拨款收入及上级补助、事业、经营、附属单位上缴、其他收入之和。",
                             en: "This year's income total equals the sum of the eight income sources."),
        example: "“本年收入合计”为 3474.81，但各项收入之和为 3474.67，相差 0.14（分项在第 6、7、8 行）。"
    ) { c in
        return [Finding.sum("INC-TOTAL", c.figures.incomeTotal, totalZh: "本年收入合计", totalEn: "income total",
                            partsZh: "各项收入", partsEn: "income sources")].compactMap { $0 }
    }

    static let incomeGrandTotal = ReconciliationRule(
        "INC-GRAND", .within, .error,
        title: Message(zh: "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", en: "Income grand total = income + reserves used + opening balance"),
        description: Message(zh: "收入支出决算总表左侧：收入总计等于本年收入合计、使用非财政拨款结余与年初结转和结余之和。",
                             en: "Left side of the summary table: the grand total equals income plus non-appropriation reserves used plus the opening balance."),
        example: "“收入总计”为 350.64，但本年收入合计、使用非财政拨款结余、年初结转和结余之和为 317.36，相差 33.28。"
    ) { c in
        return [Finding.sum("INC-GRAND", c.figures.grandTotal,
                            totalZh: "收入总计", totalEn: "income grand total",
                            partsZh: "本年收入合计、使用非财政拨款结余、年初结转和结余", partsEn: "income, reserves used and opening balance")].compactMap { $0 }
    }

    static let expenditureTotal = ReconciliationRule(
        "EXP-TOTAL", .within, .error,
        title: Message(zh: "本年支出合计 = 各类支出之和", en: "Expenditure total = sum of spending types"),
        description: Message(zh: "本年支出合计等于基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出之和。",
                             en: "This year's spending equals basic + project + remittances to superiors + operating + subsidies to subordinate units."),
        example: "“本年支出合计”为 950.84，但各类支出之和为 950.86，相差 -0.02。"
    ) { c in
        return [Finding.sum("EXP-TOTAL", c.figures.expenditureTotal, totalZh: "本年支出合计", totalEn: "expenditure total",
                            partsZh: "各类支出", partsEn: "spending types")].compactMap { $0 }
    }

    static let expenditureGrandTotal = ReconciliationRule(
        "EXP-GRAND", .within, .error,
        title: Message(zh: "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", en: "Expenditure grand total = spending + distribution + closing balance"),
        description: Message(zh: "收入支出决算总表右侧：支出总计等于本年支出合计、结余分配与年末结转和结余之和。",
                             en: "Right side of the summary table: the grand total equals spending plus surplus distribution plus the closing balance."),
        example: "“支出总计”为 3474.81，但本年支出合计、结余分配、年末结转和结余之和为 3474.67，相差 0.14。"
    ) { c in
        return [Finding.sum("EXP-GRAND", c.figures.expenditureGrandTotal,
                            totalZh: "支出总计", totalEn: "expenditure grand total",
                            partsZh: "本年支出合计、结余分配、年末结转和结余", partsEn: "spending, distribution and closing balance")].compactMap { $0 }
    }

    static let balance = ReconciliationRule(
        "BALANCE", .within, .error,
        title: Message(zh: "收入总计 = 支出总计", en: "Income grand total = expenditure grand total"),
        description: Message(zh: "收入支出决算总表两侧的总计必须相等（“收、支总计均为……”）。",
                             en: "Both sides of the summary table have the same grand total."),
        example: "收入总计 4125.49 与支出总计 4143.91 不相等。"
    ) { c in
        let i = c.accounts.income.grandTotal, e = c.accounts.expenditure.grandTotal
        guard i.value != e.value else { return [] }
        return [Finding.mismatch("BALANCE", figure: e, expected: i.value, against: [i],
            zh: "支出总计 \(Finding.money(e.value)) 与收入总计 \(Finding.money(i.value))（第 \(i.location.line) 行）不相等。",
            en: "expenditure grand total \(Finding.money(e.value)) differs from income grand total \(Finding.money(i.value)) (line \(i.location.line)).")]
    }

    static let basicSplit = ReconciliationRule(
        "BASIC-SPLIT", .within, .error,
        title: Message(zh: "基本支出 = 人员经费 + 公用经费", en: "Basic spending = staff costs + office costs"),
        description: Message(zh: "一般公共预算财政拨款基本支出（支出功能分类明细中一般公共预算资金的基本支出之和）等于人员经费与公用经费之和。",
                             en: "General-budget basic spending (the functional rows' basic spending from the general budget) equals staff costs plus office costs."),
        example: "“人员经费”489.86 与“公用经费”44.43 之和为 534.29，但一般公共预算财政拨款基本支出为 534.27，相差 0.02。"
    ) { c in
        let b = c.accounts.basic
        let gpbBasic = c.figures.generalBudgetBasic
        let basic = gpbBasic.derived
        let sum = b.personnel.total.value + b.publicExpenses.total.value
        let rows = gpbBasic.sources
        guard !Tolerance.sumConsistent(total: basic, parts: [b.personnel.total.value, b.publicExpenses.total.value]) else { return [] }
        return [Diagnostic(.error, "BASIC-SPLIT", at: b.personnel.total.location, path: b.personnel.total.path, Message(
            zh: "“人员经费”\(Finding.money(b.personnel.total.value)) 与“\(b.publicExpenses.label ?? "公用经费")”\(Finding.money(b.publicExpenses.total.value))（第 \(b.publicExpenses.total.location.line) 行）之和为 \(Finding.money(sum))，但一般公共预算财政拨款基本支出为 \(Finding.money(basic))（支出功能分类明细第 \(Finding.lines(rows)) 行），相差 \(Finding.money(sum - basic))。",
            en: "staff costs \(Finding.money(b.personnel.total.value)) plus office costs \(Finding.money(b.publicExpenses.total.value)) make \(Finding.money(sum)), but general-budget basic spending is \(Finding.money(basic)) (difference \(Finding.money(sum - basic)))."),
            expected: Finding.money(basic - b.publicExpenses.total.value), actual: Finding.money(b.personnel.total.value),
            related: [b.publicExpenses.total.location] + rows.map(\.location))]
    }

    static let basicItems = ReconciliationRule(
        "BASIC-ITEMS", .within, .error,
        title: Message(zh: "人员经费、公用经费 = 其经济分类科目之和", en: "Staff and office costs = sum of their economic items"),
        description: Message(zh: "人员经费、公用经费列出的经济分类科目都有金额时，金额之和等于合计。",
                             en: "When every economic item of staff or office costs has an amount, the amounts add up to the total."),
        example: "“人员经费”为 2152.26，但经济分类科目之和为 2152.16，相差 0.10。"
    ) { c in
        var out: [Diagnostic] = []
        for (group, figures, zh, en) in [(c.accounts.basic.personnel, c.figures.personnel, "人员经费", "staff costs"),
                                         (c.accounts.basic.publicExpenses, c.figures.publicExpenses, "公用经费", "office costs")] {
            guard figures.itemsComplete else { continue }
            if let d = Finding.sum("BASIC-ITEMS", figures.total, totalZh: group.label ?? zh, totalEn: en,
                                   partsZh: "经济分类科目", partsEn: "economic items") { out.append(d) }
        }
        return out
    }

    static let threePublicTotals = ReconciliationRule(
        "3P-TOTAL", .within, .error,
        title: Message(zh: "“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", en: "Three public costs = travel abroad + vehicles + receptions"),
        description: Message(zh: "预算数和决算数分别检查：公务用车小计 = 购置费 + 运行维护费；合计 = 因公出国（境）费 + 公务用车小计 + 公务接待费。",
                             en: "For budget and actual alike: vehicle subtotal = purchase + operation; total = travel abroad + vehicles + receptions."),
        example: "决算数“合计”为 3.95，但各项之和为 3.96，相差 -0.01。"
    ) { c in
        var out: [Diagnostic] = []
        for (totals, zh, en) in [(c.figures.threePublicBudget, "预算数", "budget"), (c.figures.threePublicActual, "决算数", "actual")] {
            if let v = totals.vehicle.stated, let d = Finding.sum("3P-TOTAL", total: v, parts: totals.vehicle.sources,
                                                                  totalZh: "\(zh)公务用车购置及运行维护费", totalEn: "\(en) vehicle subtotal",
                                                                  partsZh: "购置费与运行维护费", partsEn: "purchase and operation") { out.append(d) }
            if let t = totals.total.stated, let d = Finding.sum("3P-TOTAL", total: t, parts: totals.total.sources,
                                                                totalZh: "\(zh)“三公”经费合计", totalEn: "\(en) three-public total",
                                                                partsZh: "各项", partsEn: "items") { out.append(d) }
        }
        return out
    }

    static let receptionParts = ReconciliationRule(
        "3P-RECEPTION", .within, .error,
        title: Message(zh: "公务接待费 = 国内公务接待 + 外事接待", en: "Reception costs = domestic + foreign receptions"),
        description: Message(zh: "“三公”经费决算数中的公务接待费等于国内公务接待支出与外事接待支出之和。",
                             en: "The actual reception costs equal domestic plus foreign reception spending."),
        example: "“公务接待费”为 1.58，但国内公务接待、外事接待之和为 1.23，相差 0.35。"
    ) { c in
        return [Finding.sum("3P-RECEPTION", c.figures.reception,
                            totalZh: "公务接待费", totalEn: "reception costs", partsZh: "国内公务接待、外事接待",
                            partsEn: "domestic and foreign receptions")].compactMap { $0 }
    }

    static let receptionItems = ReconciliationRule(
        "3P-RECEPTION-ITEMS", .within, .error,
        title: Message(zh: "逐项列示的接待之和 = 国内公务接待", en: "Itemised receptions add up"),
        description: Message(zh: "逐项列示的国内公务接待金额之和等于国内公务接待支出；各项都写明人次时，人次之和等于接待人次。",
                             en: "Itemised domestic receptions add up to the domestic amount, and their persons to the persons count when every item gives it."),
        example: "“国内公务接待”为 0.59，但逐项列示的接待之和为 0.57，相差 0.02。"
    ) { c in
        let r = c.accounts.threePublic.domesticReception
        guard !r.items.isEmpty else { return [] }
        var out: [Diagnostic] = []
        if let d = Finding.sum("3P-RECEPTION-ITEMS", c.figures.domesticReception, totalZh: "国内公务接待",
                               totalEn: "domestic receptions", partsZh: "逐项列示的接待", partsEn: "itemised receptions") { out.append(d) }
        let persons = r.items.compactMap(\.persons)
        if persons.count == r.items.count, DecimalNumber(persons.reduce(0, +)) != r.persons.value {
            out.append(Diagnostic(.error, "3P-RECEPTION-ITEMS", at: r.persons.location, path: r.persons.path, Message(
                zh: "国内公务接待人次为 \(r.persons.value)，但逐项列示的人次之和为 \(persons.reduce(0, +))。",
                en: "domestic receptions count \(r.persons.value) persons but the items add up to \(persons.reduce(0, +))."),
                expected: String(persons.reduce(0, +)), actual: r.persons.value.description))
        }
        return out
    }

    static let procurement = ReconciliationRule(
        "PROCUREMENT", .within, .error,
        title: Message(zh: "政府采购支出总额 = 货物 + 工程 + 服务", en: "Procurement total = goods + works + services"),
        description: Message(zh: "政府采购支出总额等于货物、工程、服务之和；授予小微企业合同金额不超过授予中小企业合同金额，后者不超过总额。",
                             en: "The procurement total equals goods + works + services; contracts to micro firms ≤ contracts to SMEs ≤ total."),
        example: "“政府采购支出总额”为 141.73，但货物、工程、服务之和为 0.00，相差 141.73。"
    ) { c in
        let p = c.accounts.procurement
        var out = [Finding.sum("PROCUREMENT", c.figures.procurementTotal, totalZh: "政府采购支出总额",
                               totalEn: "procurement total", partsZh: "货物、工程、服务", partsEn: "goods, works and services")].compactMap { $0 }
        if let sme = p.sme, sme.value > p.total.value {
            out.append(Finding.mismatch("PROCUREMENT", figure: sme, expected: p.total.value, against: [p.total],
                zh: "授予中小企业合同金额 \(Finding.money(sme.value)) 超过政府采购支出总额 \(Finding.money(p.total.value))。",
                en: "contracts to SMEs \(Finding.money(sme.value)) exceed the procurement total \(Finding.money(p.total.value))."))
        }
        if let micro = p.micro, let sme = p.sme, micro.value > sme.value {
            out.append(Finding.mismatch("PROCUREMENT", figure: micro, expected: sme.value, against: [sme],
                zh: "授予小微企业合同金额 \(Finding.money(micro.value)) 超过授予中小企业合同金额 \(Finding.money(sme.value))。",
                en: "contracts to micro firms \(Finding.money(micro.value)) exceed contracts to SMEs \(Finding.money(sme.value))."))
        }
        return out
    }

    static let staffing = ReconciliationRule(
        "STAFFING", .within, .error,
        title: Message(zh: "编制、实有人数 = 分类人数之和", en: "Staff totals = sum of categories"),
        description: Message(zh: "编制数、实有人数给出分类时，分类人数之和等于合计。", en: "Where authorised or actual staff are broken down, the categories add up to the total."),
        example: "“编制”合计为 40，但分类人数之和为 39。"
    ) { c in
        guard let s = c.report.staffing else { return [] }
        var out: [Diagnostic] = []
        for (group, zh) in [(s.authorized, "编制"), (s.actual, "实有人数")] {
            guard let group, !group.breakdown.isEmpty else { continue }
            let sum = DecimalNumber.sum(group.breakdown.map(\.count.value))
            if sum != group.total.value {
                out.append(Diagnostic(.error, "STAFFING", at: group.total.location, path: group.total.path, Message(
                    zh: "“\(zh)”合计为 \(group.total.value)，但分类人数之和为 \(sum)。",
                    en: "the \(zh == "编制" ? "authorised" : "actual") staff total is \(group.total.value) but the categories add up to \(sum)."),
                    expected: sum.description, actual: group.total.value.description))
            }
        }
        return out
    }

    static let overallScore = ReconciliationRule(
        "PERF-SCORE", .within, .error,
        title: Message(zh: "整体绩效自评得分 = 各指标得分之和", en: "Overall self-evaluation score = sum of indicator scores"),
        description: Message(zh: "部门整体支出绩效自评表各指标得分之和（或分项得分之和）等于自评得分，且每项得分不超过分值。",
                             en: "The overall self-evaluation's indicator (or part) scores add up to its score, and no score exceeds its weight."),
        example: "自评得分为 98，但自评表各指标得分之和为 97。"
    ) { c in
        guard let o = c.report.performance?.overall, let score = o.score else { return [] }
        var out: [Diagnostic] = []
        for (values, zh) in [(o.scoreTable.map(\.score.value), "自评表各指标得分"), (o.scoreParts.map(\.score.value), "分项得分")] where !values.isEmpty {
            let sum = DecimalNumber.sum(values)
            if sum != score.value {
                out.append(Diagnostic(.error, "PERF-SCORE", at: score.location, path: score.path, Message(
                    zh: "自评得分为 \(score.value)，但\(zh)之和为 \(sum)。", en: "the self-evaluation score is \(score.value) but the scores add up to \(sum)."),
                    expected: sum.description, actual: score.value.description))
            }
        }
        for row in o.scoreTable where row.score.value > row.weight.value {
            out.append(Diagnostic(.error, "PERF-SCORE", at: row.score.location, path: row.score.path, Message(
                zh: "“\(row.level3)”得分 \(row.score.value) 超过分值 \(row.weight.value)。", en: "'\(row.level3)' scores \(row.score.value), above its weight \(row.weight.value)."),
                expected: row.weight.value.description, actual: row.score.value.description))
        }
        return out
    }
}
