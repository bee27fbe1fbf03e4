/// The items a sentence may talk about, by the names finance staff use, with their values.
struct NarrativeFact {
    let label: String
    let current: DecimalNumber
    let previous: DecimalNumber?
    let budget: DecimalNumber?
    /// What "占 x%" is a share of when the sentence does not say.
    let shareBase: DecimalNumber?
    /// Where the figure is written in the data.
    let location: SourceLocation?
    /// Length of the label in Unicode scalars (longest labels are matched first).
    let length: Int
    /// An item only the text names (“干部档案数字化”项目): no data holds its figures, so its statements
    /// are compared only with each other (TEXT-RESTATED), never with `current`.
    var statedOnly = false

    init(label: String, current: DecimalNumber, previous: DecimalNumber?, budget: DecimalNumber?, shareBase: DecimalNumber?, location: SourceLocation?) {
        self.label = label
        self.current = current
        self.previous = previous
        self.budget = budget
        self.shareBase = shareBase
        self.location = location
        self.length = label.unicodeScalars.count
    }
}

enum NarrativeFacts {
    /// Every known item of a report, longest label first so "一般公共预算财政拨款基本支出" wins over "基本支出".
    static func facts(_ c: RuleContext) -> [NarrativeFact] {
        let a = c.accounts
        let unit = c.unit
        var out: [NarrativeFact] = []
        func add(_ labels: [String], _ current: DecimalNumber, previous: DecimalNumber? = nil, budget: DecimalNumber? = nil,
                 base: DecimalNumber? = nil, at location: SourceLocation? = nil) {
            for l in labels { out.append(NarrativeFact(label: l, current: current, previous: previous, budget: budget, shareBase: base, location: location)) }
        }
        let incomeTotal = a.income.total.value
        let expenditureTotal = a.expenditure.total.value
        add(["收、支总计", "收支总计", "收入总计", "支出总计"], a.income.grandTotal.value, previous: a.previous.grandTotal?.value, at: a.income.grandTotal.location)
        add(["本年收入合计", "本年收入", "收入合计"], incomeTotal, previous: a.previous.incomeTotal?.value, budget: a.income.budget?.value, at: a.income.total.location)
        add(["本年支出合计", "本年支出", "支出合计"], expenditureTotal, previous: a.previous.expenditureTotal?.value, budget: a.expenditure.budget?.value, at: a.expenditure.total.location)
        for source in IncomeStatement.Source.allCases {
            let f = a.income.sources[source]
            add([source.label], f?.value ?? .zero, base: incomeTotal, at: f?.location)
        }
        for kind in ExpenditureStatement.Kind.allCases {
            let f = a.expenditure.kinds[kind]
            add([kind.label], f?.value ?? .zero, base: expenditureTotal, at: f?.location)
        }
        let appropriationIncome = DecimalNumber.sum(Fund.appropriations.compactMap { BetweenRules.income(of: $0, c)?.value })
        let appropriationOpening = DecimalNumber.sum(a.appropriation.carryoverBeginning.values.map(\.value))
        let appropriationSpending = c.spending(fund: .generalBudget) + c.spending(fund: .governmentFund) + c.spending(fund: .stateCapital)
        add(["财政拨款收、支总计", "财政拨款收支总计"], appropriationIncome + appropriationOpening, previous: a.previous.appropriationTotal?.value)
        add(["财政拨款收入"], appropriationIncome)
        add(["财政拨款支出"], appropriationSpending, budget: a.appropriation.budget?.value)
        let gpb = c.spending(fund: .generalBudget)
        let gpbBudgets = a.functional.filter { $0.fund == .generalBudget }.compactMap(\.budget?.value)
        let gpbBudget = gpbBudgets.count == a.functional.filter({ $0.fund == .generalBudget }).count && !gpbBudgets.isEmpty ? DecimalNumber.sum(gpbBudgets) : nil
        add(["一般公共预算财政拨款支出", "一般公共预算支出"], gpb, previous: a.previous.generalBudgetExpenditure?.value, budget: gpbBudget, base: expenditureTotal)
        add(["一般公共预算财政拨款基本支出"], c.spending(fund: .generalBudget, kind: .basic))
        add(["一般公共预算财政拨款项目支出"], c.spending(fund: .generalBudget, kind: .project))
        add(["政府性基金预算财政拨款支出", "政府性基金预算支出", "政府性基金预算拨款支出"], c.spending(fund: .governmentFund), previous: a.previous.governmentFundExpenditure?.value)
        add(["国有资本经营预算财政拨款支出", "国有资本经营预算支出", "国有资本经营预算拨款支出"], c.spending(fund: .stateCapital), previous: a.previous.stateCapitalExpenditure?.value)
        let basicBase = c.spending(fund: .generalBudget, kind: .basic)
        add(["人员经费"], a.basic.personnel.total.value, base: basicBase, at: a.basic.personnel.total.location)
        add(["日常公用经费", "公用经费"], a.basic.publicExpenses.total.value, base: basicBase, at: a.basic.publicExpenses.total.location)

        let t = a.threePublic
        let tp = t.previous
        func prevSum(_ figures: [Figure?]) -> DecimalNumber? {
            figures.allSatisfy({ $0 != nil }) ? DecimalNumber.sum(figures.compactMap { $0?.value }) : nil
        }
        let threeTotal = t.actual.total.value
        add(["“三公”经费", "\"三公\"经费", "三公经费"], threeTotal,
            previous: tp.flatMap { prevSum([$0.overseas, $0.vehiclePurchase, $0.vehicleOperation, $0.reception]) }, budget: t.budget.total.value)
        add(["因公出国（境）费", "因公出国（境）经费"], t.actual.overseas.value, previous: tp?.overseas?.value, budget: t.budget.overseas.value, base: threeTotal, at: t.actual.overseas.location)
        add(["公务用车购置及运行维护费", "公务用车购置及运行费"], t.actual.vehicle.value,
            previous: tp.flatMap { prevSum([$0.vehiclePurchase, $0.vehicleOperation]) }, budget: t.budget.vehicle.value, base: threeTotal)
        add(["公务用车购置费", "公务用车购置"], t.actual.vehiclePurchase.value, previous: tp?.vehiclePurchase?.value, budget: t.budget.vehiclePurchase.value, at: t.actual.vehiclePurchase.location)
        add(["公务用车运行维护费"], t.actual.vehicleOperation.value, previous: tp?.vehicleOperation?.value, budget: t.budget.vehicleOperation.value, at: t.actual.vehicleOperation.location)
        add(["公务接待费"], t.actual.reception.value, previous: tp?.reception?.value, budget: t.budget.reception.value, base: threeTotal, at: t.actual.reception.location)
        add(["国内公务接待"], t.domesticReception.amount.value, at: t.domesticReception.amount.location)
        add(["外事接待"], t.foreignReception.amount.value, at: t.foreignReception.amount.location)
        let ao = a.agencyOperatingCost
        add(["机关运行经费"], ao.amount.value, previous: ao.previous?.value, at: ao.amount.location)
        let p = a.procurement
        add(["政府采购支出总额"], p.total.value, at: p.total.location)
        add(["政府采购货物支出"], p.goods.value, base: p.total.value, at: p.goods.location)
        add(["政府采购工程支出"], p.works.value, base: p.total.value, at: p.works.location)
        add(["政府采购服务支出"], p.services.value, base: p.total.value, at: p.services.location)
        if let sme = p.sme { add(["授予中小企业合同金额"], sme.value, base: p.total.value, at: sme.location) }
        if let micro = p.micro { add(["授予小微企业合同金额"], micro.value, base: p.total.value, at: micro.location) }

        // 款 and 项 of the general budget, by their full path ("一般公共服务组织事务行政运行") and code.
        if let codes = c.functionalCodes {
            var sums: [String: (DecimalNumber, DecimalNumber?)] = [:]
            for row in a.functional where row.fund == .generalBudget && row.code.value.count > 3 {
                let code = row.code.value
                let previous = sums[code]
                let budget: DecimalNumber? = row.budget.map { $0.value + (previous?.1 ?? .zero) } ?? previous?.1
                sums[code] = ((previous?.0 ?? .zero) + row.total(unit: unit).value, budget)
            }
            var leafNames: [String: Int] = [:]
            for code in sums.keys { if let n = codes[code]?.name { leafNames[n, default: 0] += 1 } }
            for (code, value) in sums.sorted(by: { $0.key < $1.key }) {
                let path = codes.path(of: code).map(\.name)
                guard path.count >= 2 else { continue }
                let head = path[0]
                var labels = [path.joined(), ([String(head.hasSuffix("支出") ? head.dropLast(2) : head[...])] + path.dropFirst()).joined(), code]
                if let leaf = path.last, leafNames[leaf] == 1 { labels.append(leaf) }
                add(labels, value.0, budget: value.1)
            }
        }
        // 类 of the general budget, by name with and without 支出.
        if let codes = c.functionalCodes {
            var classes: [String: DecimalNumber] = [:]
            var budgets: [String: DecimalNumber] = [:]
            for row in a.functional where row.fund == .generalBudget {
                let cls = String(row.code.value.prefix(3))
                classes[cls, default: .zero] = classes[cls, default: .zero] + row.total(unit: unit).value
                budgets[cls, default: .zero] = budgets[cls, default: .zero] + (row.budget?.value ?? .zero)
            }
            for (cls, value) in classes.sorted(by: { $0.key < $1.key }) {
                guard let name = codes[cls]?.name else { continue }
                var labels = [name]
                if name.hasSuffix("支出") { labels.append(String(name.dropLast(2))) }
                add(labels, value, budget: budgets[cls], base: gpb)
            }
        }
        return out.sorted { $0.length > $1.length }
    }
}
