/// The same fact is identical wherever it appears: between the tables, and between Part 2 and the attachment.
enum BetweenRules {
    static let all: [ReconciliationRule] = [
        functionalKinds, functionalOverlap, fundBalance, carryoverScope, incomeByFunction, fundTables,
        threePublicEconomic, agencyCost, attachmentFigures, vehicleCount, projectCount, projectGroups,
    ]

    static let functionalKinds = ReconciliationRule(
        "FUNC-KIND", .between, .error,
        title: Message(zh: "支出决算表 = 收入支出决算总表（按支出类型）", en: "Expenditure table = summary table, by spending type"),
        description: Message(zh: "支出功能分类明细各行的基本支出、项目支出等之和，等于总表中对应的支出类型合计。",
                             en: "The functional rows' basic, project and other spending add up to the summary table's totals of those types."),
        example: "“项目支出”为 416.57，但支出功能分类明细中项目支出之和为 416.55，相差 0.02。"
    ) { c in
        var out: [Diagnostic] = []
        for kind in ExpenditureStatement.Kind.allCases {
            let figure = c.figures.expenditureKinds[kind]!
            let rows = figure.sources
            let total = figure.stated ?? Figure(.zero(c.unit), at: c.accounts.expenditure.total.location, path: "expenditure.\(kind.rawValue)")
            if rows.isEmpty && total.value.isZero { continue }
            if let d = Finding.sum("FUNC-KIND", total: total, parts: rows, totalZh: kind.label, totalEn: kind.rawValue,
                                   partsZh: "支出功能分类明细中\(kind.label)", partsEn: "functional rows' \(kind.rawValue) spending") { out.append(d) }
        }
        return out
    }

    static let functionalOverlap = ReconciliationRule(
        "FUNC-OVERLAP", .between, .error,
        title: Message(zh: "支出功能分类明细不重复计算", en: "Functional rows do not count twice"),
        description: Message(zh: "同一资金来源下，不能既列出某个类（款）又列出其下级款（项）；同一编码同一资金来源只能出现一次。",
                             en: "Within one fund, a class (or section) and its own items cannot both be listed, and a code appears once."),
        example: "科目 201 与其下级科目 2013201 同时列出，金额会被重复计算。"
    ) { c in
        var out: [Diagnostic] = []
        let rows = c.accounts.functional
        for (i, row) in rows.enumerated() {
            for other in rows[..<i] where other.fund == row.fund {
                let a = other.code.value, b = row.code.value
                guard !a.isEmpty, !b.isEmpty, a.hasPrefix(b) || b.hasPrefix(a) else { continue }
                let zh = a == b ? "科目 \(b) 在同一资金来源下出现了两次（另一处在第 \(other.code.location.line) 行）。"
                    : "科目 \(b) 与科目 \(a)（第 \(other.code.location.line) 行）是上下级关系，同时列出会重复计算；只保留最细一级。"
                out.append(Diagnostic(.error, "FUNC-OVERLAP", at: row.code.location, path: "\(row.path).code",
                                      Message(zh: zh, en: "code \(b) overlaps code \(a) (line \(other.code.location.line)) in the same fund; list each amount once, at its finest level."),
                                      related: [other.code.location]))
            }
        }
        return out
    }

    static func income(of fund: Fund, _ c: RuleContext) -> Figure? {
        switch fund {
        case .generalBudget: return c.accounts.income.sources[.generalBudget]
        case .governmentFund: return c.accounts.income.sources[.governmentFund]
        case .stateCapital: return c.accounts.income.sources[.stateCapital]
        case .other: return nil
        }
    }

    static let fundBalance = ReconciliationRule(
        "FUND-BALANCE", .between, .error,
        title: Message(zh: "各项财政拨款：年初结转 + 本年收入 = 本年支出 + 年末结转", en: "Each appropriation: opening + income = spending + closing"),
        description: Message(zh: "一般公共预算、政府性基金、国有资本经营财政拨款分别满足：年初结转和结余 + 本年收入 = 本年支出（该资金来源的支出功能分类明细之和）+ 年末结转和结余。",
                             en: "For each appropriation fund: opening balance + income = spending (its functional rows) + closing balance."),
        example: "一般公共预算财政拨款：年初结转 6.96 + 本年收入 295.00 = 301.96，但本年支出 301.96 + 年末结转 0.10 = 302.06。"
    ) { c in
        var out: [Diagnostic] = []
        for fund in Fund.appropriations {
            guard let income = income(of: fund, c) else { continue }
            let opening = c.accounts.appropriation.carryoverBeginning[fund]?.value ?? .zero
            let closing = c.accounts.appropriation.carryoverEnding[fund]?.value ?? .zero
            let spent = c.figures.spending(fund: fund)
            let spending = spent.derived
            let rows = spent.sources
            let available = opening + income.value
            let used = spending + closing
            switch Tolerance.sumVerdict(total: available, parts: rows.map(\.value) + [closing]) {
            case .exact: continue
            case .tail(let difference):
                // Within the rounding interval: a tail, carried by the largest spending row or the balance.
                let closingFigure = c.accounts.appropriation.carryoverEnding[fund]
                let parts = rows + (closingFigure.map { [$0] } ?? [])
                if let d = Finding.tail("FUND-BALANCE", total: Figure(Amount(available, c.unit), at: income.location, path: ""), parts: parts,
                                        difference: difference, totalZh: "\(fund.label)年初结转与本年收入之和", totalEn: "\(fund.rawValue) opening + income",
                                        partsZh: "本年支出与年末结转", partsEn: "spending and closing balance") { out.append(d) }
                continue
            case .inconsistent: break
            }
            out.append(Diagnostic(.error, "FUND-BALANCE", at: income.location, path: income.path, Message(
                zh: "\(fund.label)：年初结转 \(Finding.money(opening)) + 本年收入 \(Finding.money(income.value)) = \(Finding.money(available))，但本年支出 \(Finding.money(spending)) + 年末结转 \(Finding.money(closing)) = \(Finding.money(used))，相差 \(Finding.money(available - used))。",
                en: "\(fund.rawValue): opening \(Finding.money(opening)) + income \(Finding.money(income.value)) = \(Finding.money(available)), but spending \(Finding.money(spending)) + closing \(Finding.money(closing)) = \(Finding.money(used))."),
                expected: Finding.money(used - opening), actual: Finding.money(income.value), related: rows.map(\.location)))
        }
        return out
    }

    static let carryoverScope = ReconciliationRule(
        "CARRYOVER-SCOPE", .between, .error,
        title: Message(zh: "财政拨款结转结余不超过全部结转结余", en: "Appropriation balances are part of all balances"),
        description: Message(zh: "年初（年末）财政拨款结转和结余之和不超过收入支出决算总表的年初（年末）结转和结余。",
                             en: "The appropriation funds' opening (closing) balances add up to at most the summary table's opening (closing) balance."),
        example: "年初财政拨款结转和结余合计 33.27 超过年初结转和结余 30.00。"
    ) { c in
        var out: [Diagnostic] = []
        let ap = c.figures.appropriation
        for (byFund, appropriationTotal, total, zh) in [(c.accounts.appropriation.carryoverBeginning, ap.carryoverBeginning, c.accounts.income.carryoverBeginning, "年初"),
                                                        (c.accounts.appropriation.carryoverEnding, ap.carryoverEnding, c.accounts.expenditure.carryoverEnding, "年末")] {
            let sum = appropriationTotal.derived
            if sum > total.value + Tolerance.halfUnit(2) * DecimalNumber(byFund.count + 1) {
                out.append(Finding.mismatch("CARRYOVER-SCOPE", figure: total, expected: sum, against: Array(byFund.values),
                    zh: "\(zh)财政拨款结转和结余合计 \(Finding.money(sum)) 超过\(zh)结转和结余 \(Finding.money(total.value))。",
                    en: "the appropriation balances (\(Finding.money(sum))) exceed the \(zh == "年初" ? "opening" : "closing") balance \(Finding.money(total.value))."))
            }
        }
        return out
    }

    static let incomeByFunction = ReconciliationRule(
        "INCOME-BY-FUNC", .between, .error,
        title: Message(zh: "收入决算表 = 收入支出决算总表（按收入来源）", en: "Income table = summary table, by source"),
        description: Message(zh: "给出收入决算表明细时，各行同一收入来源之和等于总表中该来源的收入。",
                             en: "When the income table's rows are given, each source's column adds up to that source in the summary table."),
        example: "“其他收入”为 0.14，但收入决算表明细中其他收入之和为 0.00，相差 0.14。"
    ) { c in
        guard !c.accounts.incomeByFunction.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for source in IncomeStatement.Source.allCases {
            let figure = c.figures.incomeSources[source]!
            let rows = figure.sources
            let total = figure.stated ?? Figure(.zero(c.unit), at: c.accounts.income.total.location, path: "income.\(source.rawValue)")
            if rows.isEmpty && total.value.isZero { continue }
            if let d = Finding.sum("INCOME-BY-FUNC", total: total, parts: rows, totalZh: source.label, totalEn: source.rawValue,
                                   partsZh: "收入决算表明细中\(source.label)", partsEn: "income table rows") { out.append(d) }
        }
        return out
    }

    static let fundTables = ReconciliationRule(
        "FUND-TABLE", .between, .error,
        title: Message(zh: "政府性基金、国有资本经营收支表 = 财政拨款收支总表", en: "Fund tables = appropriation summary"),
        description: Message(zh: "政府性基金（国有资本经营）预算财政拨款收入支出决算表各科目的年初结转、本年收入、年末结转之和等于财政拨款总表中该资金的数；每个科目：年初结转 + 本年收入 − 本年支出 = 年末结转。",
                             en: "The fund table's opening, income and closing columns add up to the appropriation summary; per code, opening + income − spending = closing."),
        example: "科目 2120802：年初结转 26.31 + 本年收入 22.34 − 本年支出 48.65 = 0.00，但年末结转为 0.10。"
    ) { c in
        var out: [Diagnostic] = []
        for (table, fund) in [(c.accounts.governmentFund, Fund.governmentFund), (c.accounts.stateCapital, Fund.stateCapital)] {
            guard let table, !table.rows.isEmpty else { continue }
            let label = fund.label
            if let total = income(of: fund, c), let d = Finding.sum("FUND-TABLE", total: total, parts: table.rows.map(\.income),
                totalZh: "\(label)收入", totalEn: "\(fund.rawValue) income", partsZh: "\(label)收入支出决算表各科目本年收入", partsEn: "fund table income") { out.append(d) }
            for (key, zh) in [("begin", "年初"), ("end", "年末")] {
                let total = key == "begin" ? c.accounts.appropriation.carryoverBeginning[fund] : c.accounts.appropriation.carryoverEnding[fund]
                guard let total else { continue }
                let parts = table.rows.map { key == "begin" ? $0.carryoverBeginning : $0.carryoverEnding }
                if let d = Finding.sum("FUND-TABLE", total: total, parts: parts, totalZh: "\(zh)\(label)结转和结余", totalEn: "\(fund.rawValue) \(key) balance",
                                       partsZh: "\(label)收入支出决算表各科目\(zh)结转和结余", partsEn: "fund table rows") { out.append(d) }
            }
            for row in table.rows {
                let spent = c.figures.spending(exactly: row.code.value, fund: fund).derived
                let computed = row.carryoverBeginning.value + row.income.value - spent
                if !Tolerance.sumConsistent(total: row.carryoverEnding.value, parts: [row.carryoverBeginning.value, row.income.value, spent.negated]) {
                    out.append(Finding.mismatch("FUND-TABLE", figure: row.carryoverEnding, expected: computed, against: [row.carryoverBeginning, row.income],
                        zh: "科目 \(row.code.value)：年初结转 \(Finding.money(row.carryoverBeginning.value)) + 本年收入 \(Finding.money(row.income.value)) − 本年支出 \(Finding.money(spent)) = \(Finding.money(computed))，但年末结转为 \(Finding.money(row.carryoverEnding.value))。",
                        en: "code \(row.code.value): opening + income − spending = \(Finding.money(computed)), but the closing balance is \(Finding.money(row.carryoverEnding.value))."))
                }
            }
        }
        return out
    }

    static let threePublicEconomic = ReconciliationRule(
        "3P-ECON", .between, .error,
        title: Message(zh: "“三公”经费不少于对应经济科目的基本支出", en: "Three public costs cover their economic items"),
        description: Message(zh: "基本支出经济分类中 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置的金额，不超过“三公”经费决算中对应的数（“三公”经费还含项目支出）。",
                             en: "The basic-spending amounts of economic items 30212, 30217, 30231 and 31013 do not exceed the matching three-public actuals (which also include project spending)."),
        example: "经济科目 30217 公务接待费为 8.31，超过“三公”经费中的公务接待费 0.30。"
    ) { c in
        let t = c.accounts.threePublic.actual
        let pairs: [(String, Figure, String)] = [("30212", t.overseas, "因公出国（境）费"), ("30217", t.reception, "公务接待费"),
                                                 ("30231", t.vehicleOperation, "公务用车运行维护费"), ("31013", t.vehiclePurchase, "公务用车购置费")]
        let items = c.accounts.basic.personnel.items + c.accounts.basic.publicExpenses.items
        var out: [Diagnostic] = []
        for (code, figure, label) in pairs {
            guard let amount = items.first(where: { $0.code.value == code })?.amount, amount.value > figure.value + Tolerance.halfUnit(2) * DecimalNumber(2) else { continue }
            out.append(Finding.mismatch("3P-ECON", figure: amount, expected: figure.value, against: [figure],
                zh: "经济科目 \(code) 的基本支出 \(Finding.money(amount.value)) 超过“三公”经费中的\(label) \(Finding.money(figure.value))（第 \(figure.location.line) 行）。",
                en: "economic item \(code) (\(Finding.money(amount.value))) exceeds the three-public \(label) \(Finding.money(figure.value))."))
        }
        return out
    }

    static let agencyCost = ReconciliationRule(
        "AGENCY-COST", .between, .warning,
        title: Message(zh: "机关运行经费 = 公用经费（除非说明）", en: "Agency running costs = office costs unless explained"),
        description: Message(zh: "行政单位和参照公务员法管理的事业单位的机关运行经费一般等于一般公共预算财政拨款基本支出中的公用经费；不相等时应在 note 中说明原因。",
                             en: "For administrative and civil-service-managed units the agency running costs normally equal the general-budget office costs; explain any difference in `note`."),
        example: "机关运行经费 137.36 与公用经费 137.00 不一致，且没有说明原因。"
    ) { c in
        let a = c.accounts.agencyOperatingCost
        let office = c.accounts.basic.publicExpenses.total
        let applies = c.report.organization.entities.contains { $0.type != .otherInstitution }
        guard applies, a.note == nil, a.amount.value != office.value else { return [] }
        return [Finding.mismatch("AGENCY-COST", figure: a.amount, expected: office.value, against: [office],
            zh: "机关运行经费 \(Finding.money(a.amount.value)) 与公用经费 \(Finding.money(office.value))（第 \(office.location.line) 行）不一致，且 note 中没有说明原因。",
            en: "agency running costs \(Finding.money(a.amount.value)) differ from office costs \(Finding.money(office.value)) with no `note` explaining why.",
            severity: .warning)]
    }

    static let attachmentFigures = ReconciliationRule(
        "ATTACH-FIGURES", .between, .error,
        title: Message(zh: "整体绩效报告引用的数字 = 第二部分", en: "The performance report quotes Part 2 correctly"),
        description: Message(zh: "部门整体支出绩效报告中的本年收入合计、财政拨款收入、本年支出合计、基本支出、项目支出、年末结转和结余、使用存量资金，与第二部分（决算报表）的数一致（按两位小数的万元比较）。",
                             en: "The overall performance report's income, appropriation income, spending, basic, project, closing balance and stock funds used equal Part 2's (compared in 万元 at two decimals)."),
        example: "整体绩效报告中的“本年收入合计”575.11 与第二部分的 950.84 不一致。"
    ) { c in
        guard let f = c.report.performance?.overall?.figures else { return [] }
        let a = c.accounts
        let appropriationIncome = c.figures.appropriation.income
        var pairs: [(Figure?, DecimalNumber, [Figure], String)] = [
            (f.incomeTotal, a.income.total.value, [a.income.total], "本年收入合计"),
            (f.appropriationIncome, appropriationIncome.derived, appropriationIncome.sources, "财政拨款收入"),
            (f.expenditureTotal, a.expenditure.total.value, [a.expenditure.total], "本年支出合计"),
            (f.basic, a.expenditure.amount(.basic).value, a.expenditure.kinds[.basic].map { [$0] } ?? [], "基本支出"),
            (f.project, a.expenditure.amount(.project).value, a.expenditure.kinds[.project].map { [$0] } ?? [], "项目支出"),
            (f.carryoverEnding, a.expenditure.carryoverEnding.value, [a.expenditure.carryoverEnding], "年末结转和结余"),
        ]
        for fund in Fund.appropriations {
            pairs.append((f.stockFundsUsed[fund.rawValue], a.appropriation.carryoverBeginning[fund]?.value ?? .zero,
                          a.appropriation.carryoverBeginning[fund].map { [$0] } ?? [], "使用存量资金（\(fund.label)）"))
        }
        var out: [Diagnostic] = []
        for (quoted, stated, sources, label) in pairs {
            guard let quoted else { continue }
            // Part 2's figure is in the report's unit (a report may keep 元): compared and said in 万元.
            let part2 = Amount(stated, a.unit).inWanYuan
            let inWan = quoted.amount.inWanYuan.rounded(to: 2)
            guard inWan != part2.rounded(to: 2) else { continue }
            out.append(Diagnostic(.error, "ATTACH-FIGURES", at: quoted.location, path: quoted.path, Message(
                zh: "整体绩效报告中的“\(label)”\(quoted.amount)（合 \(Finding.money(inWan)) 万元）与第二部分的 \(Finding.money(part2)) 万元不一致。",
                en: "the performance report's '\(label)' \(quoted.amount) (\(Finding.money(inWan)) 万元) differs from Part 2's \(Finding.money(part2)) 万元."),
                expected: quoted.amount.unit == .yuan ? part2.rescaled(to: 2).converted(toYuanFrom: .wanYuan) : Finding.money(part2),
                actual: quoted.amount.unit == .yuan ? quoted.value.formatted(decimals: 2) : Finding.money(quoted.value),
                related: sources.map(\.location)))
        }
        return out
    }

    static let vehicleCount = ReconciliationRule(
        "VEHICLE-COUNT", .between, .warning,
        title: Message(zh: "公务用车保有量与国有资产车辆数一致", en: "Official vehicles held match the asset vehicles"),
        description: Message(zh: "“三公”经费说明中的年末公务用车保有量与国有资产占有使用情况中的车辆总数一般相同；不同时请核对。",
                             en: "The official vehicles held at year end normally equal the vehicles in the state-asset section."),
        example: "年末公务用车保有量为 2 辆，国有资产中车辆共 1 辆。"
    ) { c in
        let held = c.accounts.threePublic.vehiclesHeld
        guard !held.isEmpty, let first = held.first else { return [] }
        let heldTotal = c.figures.vehiclesHeld
        let assets = c.figures.assetVehicles
        guard heldTotal != assets else { return [] }
        return [Diagnostic(.warning, "VEHICLE-COUNT", at: first.count.location, path: first.count.path, Message(
            zh: "年末公务用车保有量为 \(heldTotal) 辆，国有资产中车辆共 \(assets) 辆，请核对。",
            en: "\(heldTotal) official vehicles held at year end, but the asset section lists \(assets)."),
            expected: String(assets), actual: String(heldTotal))]
    }

    static let projectCount = ReconciliationRule(
        "PROJECT-COUNT", .between, .warning,
        title: Message(zh: "自评项目数 = 项目支出绩效自评表张数", en: "Projects self-evaluated = self-evaluation tables"),
        description: Message(zh: "预算绩效管理情况中开展绩效自评的项目数，与公开的项目支出绩效自评表张数一致（只公开部分自评表时请在说明中写明）。",
                             en: "The number of projects said to be self-evaluated matches the self-evaluation tables published."),
        example: "写明对 20 个项目开展了绩效自评，但只有 5 张项目支出绩效自评表。"
    ) { c in
        guard let p = c.report.performance else { return [] }
        let tables = p.projects.count
        var out: [Diagnostic] = []
        if DecimalNumber(tables) != p.management.selfEvaluated.value {
            out.append(Diagnostic(.warning, "PROJECT-COUNT", at: p.management.selfEvaluated.location, path: p.management.selfEvaluated.path, Message(
                zh: "写明对 \(p.management.selfEvaluated.value) 个项目开展了绩效自评，但有 \(tables) 张项目支出绩效自评表。",
                en: "\(p.management.selfEvaluated.value) projects are said to be self-evaluated, but \(tables) self-evaluation tables are given."),
                expected: String(tables), actual: p.management.selfEvaluated.value.description))
        }
        // Every self-evaluated project had performance targets: fewer targets than tables cannot be right.
        if DecimalNumber(tables) > p.management.withTargets.value {
            out.append(Diagnostic(.warning, "PROJECT-COUNT", at: p.management.withTargets.location, path: p.management.withTargets.path, Message(
                zh: "写明对 \(p.management.withTargets.value) 个项目编制了绩效目标，少于项目支出绩效自评表的张数 \(tables)。",
                en: "\(p.management.withTargets.value) projects are said to have targets, fewer than the \(tables) self-evaluation tables."),
                expected: String(tables), actual: p.management.withTargets.value.description))
        }
        return out
    }

    static let projectGroups = ReconciliationRule(
        "PROJECT-GROUPS", .between, .error,
        title: Message(zh: "按类别统计的项目 = 各自评表之和", en: "Project groups = sum of their tables"),
        description: Message(zh: "整体绩效报告按项目类别（常年项目、一次性项目）给出的个数、预算总金额、执行金额和结余率大于 10% 的项目个数，与该类别各项目支出绩效自评表一致。",
                             en: "The overall report's per-category project count, budget, actual and count of projects with >10% unspent match that category's tables."),
        example: "“常年项目”预算总金额为 48.65，但该类别各项目全年预算数之和为 85.00。"
    ) { c in
        guard let p = c.report.performance, let groups = p.overall?.projectGroups else { return [] }
        var out: [Diagnostic] = []
        for g in groups {
            let members = p.projects.filter { $0.category == g.label }
            guard !members.isEmpty else { continue }
            if DecimalNumber(members.count) != g.count.value {
                out.append(Diagnostic(.error, "PROJECT-GROUPS", at: g.count.location, path: g.count.path, Message(
                    zh: "“\(g.label)”个数为 \(g.count.value)，但该类别有 \(members.count) 张自评表。", en: "'\(g.label)' counts \(g.count.value) projects but has \(members.count) tables."),
                    expected: String(members.count), actual: g.count.value.description))
            }
            for (figure, parts, zh) in [(g.budget, members.map(\.funds.budget), "预算总金额"), (g.actual, members.map(\.funds.actual), "执行金额")] {
                if let d = Finding.sum("PROJECT-GROUPS", total: figure, parts: parts, totalZh: "\(g.label)\(zh)", totalEn: "\(g.label) \(zh)",
                                       partsZh: "该类别各项目", partsEn: "the category's projects") { out.append(d) }
            }
            let unspent: [DecimalNumber] = members.map { m in
                m.funds.budget.value.isZero ? .zero
                    : DecimalNumber.percentage(m.funds.budget.value - m.funds.actual.value, of: m.funds.budget.value, decimals: 4) ?? .zero
            }
            let counts = [(g.over10PercentBalance, unspent.filter { $0 > DecimalNumber(10) }.count, "大于"),
                          (g.under10PercentBalance, unspent.filter { $0 < DecimalNumber(10) }.count, "小于")]
            for (stated, count, word) in counts {
                guard let stated, DecimalNumber(count) != stated.value else { continue }
                out.append(Diagnostic(.error, "PROJECT-GROUPS", at: stated.location, path: stated.path, Message(
                    zh: "“\(g.label)”中预算结余率\(word) 10% 的项目写为 \(stated.value) 个，按自评表计算为 \(count) 个。",
                    en: "'\(g.label)': \(stated.value) projects are said to have \(word == "大于" ? "over" : "under") 10% unspent; the tables give \(count)."),
                    expected: String(count), actual: stated.value.description))
            }
            if let rate = g.rate {
                let budget = DecimalNumber.sum(members.map(\.funds.budget.value)), actual = DecimalNumber.sum(members.map(\.funds.actual.value))
                if !Tolerance.shareConsistent(printed: rate.value, decimals: rate.value.scale, part: actual, whole: budget) {
                    let computed = DecimalNumber.percentage(actual, of: budget, decimals: max(rate.value.scale, 2)) ?? .zero
                    out.append(Diagnostic(.error, "PROJECT-GROUPS", at: rate.location, path: rate.path, Message(
                        zh: "“\(g.label)”预算执行总体进度写为 \(rate.value)%，按执行金额 \(Finding.money(actual)) ÷ 预算 \(Finding.money(budget)) 计算应为 \(computed)%。",
                        en: "'\(g.label)' execution is given as \(rate.value)%, but \(Finding.money(actual)) / \(Finding.money(budget)) is \(computed)%."),
                        expected: computed.description, actual: rate.value.description))
                }
            }
        }
        return out
    }
}

extension DecimalNumber {
    /// A 万元 amount shown in 元 with two decimals.
    func converted(toYuanFrom unit: MoneyUnit) -> String {
        Amount(self, unit).converted(to: .yuan).value.formatted(decimals: 2)
    }
}
