/// Items a narrative names beyond Part 2's own labels: the report's other wordings of its totals, its
/// projects and project groups, and the budget and stock-fund figures of the performance report.
/// Kept apart from NarrativeFacts so that the Part 2 labels and these text-only items change separately.
enum NarrativeStatedFacts {
    /// Facts every text of the report may name, in the report's unit.
    static func facts(_ c: RuleContext) -> [NarrativeFact] {
        let a = c.accounts
        var out: [NarrativeFact] = []
        func add(_ labels: [String], _ figure: Figure?, value: DecimalNumber? = nil, previous: DecimalNumber? = nil, budget: DecimalNumber? = nil) {
            guard let current = value ?? figure.map({ inReportUnit($0, c) }) else { return }
            for label in labels {
                out.append(NarrativeFact(label: label, current: current, previous: previous, budget: budget, shareBase: nil, location: figure?.location))
            }
        }
        // Other wordings of the totals, as reports print them.
        add(["收入支出总计", "收入支出决算总计"], a.income.grandTotal, previous: a.previous.grandTotal?.value)
        add(["全年收入"], a.income.total, previous: a.previous.incomeTotal?.value)
        add(["全年支出"], a.expenditure.total, previous: a.previous.expenditureTotal?.value)
        add(["年末结转和结余", "年末结转结余", "年末结转"], a.expenditure.carryoverEnding)
        add(["年初结转和结余"], a.income.carryoverBeginning)
        // The sum of the fields: a stated total that differs by a tail is the tail rule's to report, not the text's.
        let appropriationIncome = c.figures.appropriation.income.derived
        add(["财政资金收入", "财政拨款资金收入"], nil, value: appropriationIncome)
        add(["本年合计收入", "合计收入"], a.income.total, previous: a.previous.incomeTotal?.value)
        // 政府性基金 / 国有资本经营 收、支总计: the fund's income and its opening carry-over (表8/表9).
        for (fund, names) in [(Fund.governmentFund, ["政府性基金预算财政拨款收、支总计", "政府性基金预算财政拨款收支总计"]),
                              (Fund.stateCapital, ["国有资本经营预算财政拨款收、支总计", "国有资本经营预算财政拨款收支总计"])] {
            let income = BetweenRules.income(of: fund, c)
            let opening = a.appropriation.carryoverBeginning[fund]
            add(names, income, value: (income?.amount.converted(to: c.unit).value ?? .zero) + (opening?.amount.converted(to: c.unit).value ?? .zero))
        }
        // Vehicles bought this year, by model ("轿车0辆、金额0万元").
        for v in a.threePublic.vehiclesPurchased { if let amount = v.amount { add([v.model], amount) } }
        let p = a.procurement
        add(["货物采购金额", "货物采购", "政府采购货物"], p.goods)
        add(["工程采购金额", "工程采购", "政府采购工程"], p.works)
        add(["服务采购金额", "服务采购", "政府采购服务"], p.services)
        add(["政府采购支出", "政府采购金额", "政府采购合同金额"], p.total)
        // 款/项 by the name the report's own table prints (`name:`), where it words the code list's name differently.
        var printed: [String: (name: String, value: DecimalNumber, budget: DecimalNumber?, at: SourceLocation)] = [:]
        for row in a.functional where row.fund == .generalBudget {
            guard let name = row.name?.value, !name.isEmpty else { continue }
            let value = c.figures.rowTotal(row).shown
            let earlier = printed[row.code.value]
            let budget: DecimalNumber? = row.budget.map { $0.value + (earlier?.budget ?? .zero) } ?? earlier?.budget
            printed[row.code.value] = (name, (earlier?.value ?? .zero) + value, budget, earlier?.at ?? row.location)
        }
        // A name several codes print ("行政运行") does not say which one the text means.
        let uses = Dictionary(printed.values.map { ($0.name, 1) }, uniquingKeysWith: +)
        for (code, line) in printed.sorted(by: { $0.key < $1.key }) where c.functionalCodes?[code]?.name != line.name && uses[line.name] == 1 {
            var labels = [line.name]
            if line.name.hasSuffix("支出"), line.name.count > 4 { labels.append(String(line.name.dropLast(2))) }
            for label in labels {
                out.append(NarrativeFact(label: label, current: line.value, previous: nil, budget: line.budget, shareBase: nil, location: line.at))
            }
        }
        // Projects by name: the amount a text gives is the project's execution, its 预算 the full-year budget.
        for project in c.report.performance?.projects ?? [] where project.name.count >= 4 {
            add([project.name], project.funds.actual, budget: inReportUnit(project.funds.budget, c))
        }
        for group in c.report.performance?.overall?.projectGroups ?? [] where group.label.count >= 3 {
            add([group.label], group.actual, budget: inReportUnit(group.budget, c))
        }
        return out
    }

    /// What a sentence's items mean when it speaks of the 年初预算 or of stock funds (存量资金):
    /// the figures the performance report records for them.
    static func qualified(_ c: RuleContext) -> [String: [NarrativeFact]] {
        guard let figures = c.report.performance?.overall?.figures else { return [:] }
        func facts(_ map: [String: Figure], _ labels: [String: [String]]) -> [NarrativeFact] {
            labels.sorted { $0.key < $1.key }.flatMap { key, names -> [NarrativeFact] in
                guard let figure = map[key] else { return [] }
                return names.map { NarrativeFact(label: $0, current: inReportUnit(figure, c), previous: nil, budget: nil, shareBase: nil, location: figure.location) }
            }.sorted { $0.length > $1.length }
        }
        let funds = [
            "general_budget": ["一般公共预算财政拨款", "一般公共预算"],
            "government_fund": ["政府性基金预算财政拨款", "政府性基金预算", "政府性基金"],
            "state_capital": ["国有资本经营预算财政拨款", "国有资本经营预算"],
        ]
        var budget = funds
        budget["income"] = ["本年收入", "收入"]
        budget["expenditure"] = ["本年支出", "支出"]
        return ["年初预算": facts(figures.initialBudget, budget), "存量": facts(figures.stockFundsUsed, funds)]
    }

    /// Names the texts put in quotation marks (“干部档案数字化”项目) that no data holds: items whose
    /// amounts can only be compared between the places that state them.
    static func quotedItems(in texts: [String], known: Set<String>) -> [NarrativeFact] {
        var names: Set<String> = []
        for text in texts {
            var rest = text[...]
            while let open = rest.firstIndex(of: "“") {
                guard let close = rest[open...].firstIndex(of: "”") else { break }
                let name = NarrativeScanner.normalize(String(rest[rest.index(after: open)..<close]))
                let scalars = name.unicodeScalars.count
                if (4...30).contains(scalars), !known.contains(name),
                   !name.contains(where: { $0.isNumber || "，。；、：,.;:“”\n".contains($0) }) {
                    names.insert(name)
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        return names.sorted().map { name in
            var fact = NarrativeFact(label: name, current: .zero, previous: nil, budget: nil, shareBase: nil, location: nil)
            fact.statedOnly = true
            return fact
        }
    }

    static func inReportUnit(_ figure: Figure, _ c: RuleContext) -> DecimalNumber {
        figure.amount.converted(to: c.unit).value
    }
}
