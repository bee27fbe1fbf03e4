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
    /// How many printed figures `current` adds up (0 for a figure written once): a text amount within
    /// the sum's rounding interval is a rounding tail, not a wrong figure (the 尾差 rule).
    let parts: Int

    init(label: String, current: DecimalNumber, previous: DecimalNumber?, budget: DecimalNumber?, shareBase: DecimalNumber?, location: SourceLocation?,
         parts: Int = 0) {
        self.parts = parts
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
        var out: [NarrativeFact] = []
        func add(_ labels: [String], _ current: DecimalNumber, previous: DecimalNumber? = nil, budget: DecimalNumber? = nil,
                 base: DecimalNumber? = nil, at location: SourceLocation? = nil, parts: Int = 0) {
            for l in labels { out.append(NarrativeFact(label: l, current: current, previous: previous, budget: budget, shareBase: base, location: location, parts: parts)) }
        }
        let f = c.figures
        // How many printed figures a derived value adds up (the 尾差 interval of a text amount compared
        // with it); 0 where the source prints the figure itself, which the text must then match.
        func parts(_ figure: ReportFigure) -> Int { figure.stated == nil && figure.sources.count > 1 ? figure.sources.count : 0 }
        func parts(_ line: FunctionalLine) -> Int { line.stated == nil && line.rows.count > 1 ? line.rows.count : 0 }
        let incomeTotal = f.incomeTotal.shown
        let expenditureTotal = f.expenditureTotal.shown
        add(["收、支总计", "收支总计", "收入总计", "支出总计"], f.grandTotal.shown, previous: f.grandTotalChange.previous, at: a.income.grandTotal.location)
        add(["本年收入合计", "本年收入", "收入合计"], incomeTotal, previous: f.incomeTotalChange.previous, budget: a.income.budget?.value, at: a.income.total.location)
        add(["本年支出合计", "本年支出", "支出合计"], expenditureTotal, previous: f.expenditureTotalChange.previous, budget: a.expenditure.budget?.value, at: a.expenditure.total.location)
        for source in IncomeStatement.Source.allCases {
            let figure = f.incomeSources[source]!
            add([source.label], figure.shown, base: incomeTotal, at: figure.location)
        }
        for kind in ExpenditureStatement.Kind.allCases {
            let figure = f.expenditureKinds[kind]!
            add([kind.label], figure.shown, base: expenditureTotal, at: figure.location)
        }
        let appropriation = f.appropriation
        add(["财政拨款收、支总计", "财政拨款收支总计"], appropriation.grandTotal.shown, previous: f.appropriationChange.previous, at: appropriation.grandTotal.stated?.location)
        add(["财政拨款收入"], appropriation.income.shown, at: appropriation.income.stated?.location, parts: parts(appropriation.income))
        add(["财政拨款支出"], appropriation.expenditure.shown, budget: a.appropriation.budget?.value, at: appropriation.expenditure.stated?.location,
            parts: parts(appropriation.expenditure))
        let gpb = f.generalBudget.shown
        add(["一般公共预算财政拨款支出", "一般公共预算支出"], gpb, previous: f.spendingChange(.generalBudget).previous, budget: f.generalBudgetBudget,
            base: expenditureTotal, at: f.generalBudget.stated?.location, parts: parts(f.generalBudget))
        add(["一般公共预算财政拨款基本支出"], f.generalBudgetBasic.shown, at: f.generalBudgetBasic.stated?.location, parts: parts(f.generalBudgetBasic))
        let gpbProject = f.spending(.generalBudget, .project)
        add(["一般公共预算财政拨款项目支出"], gpbProject.shown, at: gpbProject.stated?.location, parts: parts(gpbProject))
        let governmentFund = f.spendingChange(.governmentFund), stateCapital = f.spendingChange(.stateCapital)
        add(["政府性基金预算财政拨款支出", "政府性基金预算支出", "政府性基金预算拨款支出"], governmentFund.current.shown, previous: governmentFund.previous,
            at: governmentFund.current.stated?.location, parts: parts(governmentFund.current))
        add(["国有资本经营预算财政拨款支出", "国有资本经营预算支出", "国有资本经营预算拨款支出"], stateCapital.current.shown, previous: stateCapital.previous,
            at: stateCapital.current.stated?.location, parts: parts(stateCapital.current))
        let basicBase = f.generalBudgetBasic.shown
        add(["人员经费"], f.personnel.total.shown, base: basicBase, at: a.basic.personnel.total.location)
        add(["日常公用经费", "公用经费"], f.publicExpenses.total.shown, base: basicBase, at: a.basic.publicExpenses.total.location)

        let t = a.threePublic
        let tp = t.previous
        let actual = f.threePublicActual, budget = f.threePublicBudget
        let threeTotal = actual.total.shown
        add(["“三公”经费", "\"三公\"经费", "三公经费"], threeTotal, previous: f.threePublicPrevious?.shown, budget: budget.total.shown, at: actual.total.stated?.location)
        add(["因公出国（境）费", "因公出国（境）经费"], t.actual.overseas.value, previous: tp?.overseas?.value, budget: t.budget.overseas.value, base: threeTotal, at: t.actual.overseas.location)
        add(["公务用车购置及运行维护费", "公务用车购置及运行费"], actual.vehicle.shown,
            previous: f.threePublicPreviousVehicle?.shown, budget: budget.vehicle.shown, base: threeTotal, at: actual.vehicle.stated?.location,
            parts: parts(actual.vehicle))
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

        // 款 and 项 rows of the general budget, by their full path ("一般公共服务组织事务行政运行") and code.
        let generalBudget = f.functional[.generalBudget]!
        if let codes = c.functionalCodes {
            let rowCodes = Set(a.functional.filter { $0.fund == .generalBudget }.map(\.code.value))
            let lines = generalBudget.lines.filter { $0.level > 0 && rowCodes.contains($0.code!) }
            var leafNames: [String: Int] = [:]
            for line in lines { if let n = codes[line.code!]?.name, !n.isEmpty { leafNames[n, default: 0] += 1 } }
            for line in lines {
                let code = line.code!
                let path = codes.path(of: code).map(\.name)
                guard path.count >= 2, !path.contains("") else { continue }
                let head = path[0]
                var labels = [path.joined(), ([String(head.hasSuffix("支出") ? head.dropLast(2) : head[...])] + path.dropFirst()).joined(), code]
                if let leaf = path.last, leafNames[leaf] == 1 { labels.append(leaf) }
                // The row's own figure, where one figure of one row is the whole amount: a sentence that
                // states it then points at that figure (and the likely-cause search can weigh it).
                let figures = line.rows.count == 1 ? ExpenditureStatement.Kind.allCases.compactMap { line.rows[0].kinds[$0] }.filter { !$0.value.isZero } : []
                add(labels, line.shown(.total), budget: line.stated?.columns[.budget]?.value ?? (line.budgetGiven ? line.derived(.budget) : nil),
                    at: figures.count == 1 ? figures[0].location : nil, parts: parts(line))
            }
        }
        // 类 of the general budget, by name with and without 支出.
        if let codes = c.functionalCodes {
            for line in generalBudget.classes {
                guard let name = codes[line.code!]?.name else { continue }
                var labels = [name]
                if name.hasSuffix("支出") { labels.append(String(name.dropLast(2))) }
                add(labels, line.shown(.total), budget: line.shown(.budget), base: gpb, parts: parts(line))
            }
        }
        return out.sorted { $0.length > $1.length }
    }
}
