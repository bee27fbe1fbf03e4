/// Every total, subtotal, share, change and completion rate of one report, worked out once from the
/// model. Tables, Part 2, charts, report.json, the XLSX export, `disclose new` and the rules all read
/// their figures here, so the sentence the site prints and the figure the checker compares cannot
/// drift apart. Each figure keeps both its derived value and, where the content records one, the
/// value its source prints (`ReportFigure.stated`); consumers show `shown`, rules compare the two.
public struct ReportFigures: Sendable {
    public let report: Report
    public var accounts: FinalAccounts { report.accounts }
    public var unit: MoneyUnit { report.accounts.unit }

    // MARK: 收入支出决算总表 (its figures are stated in accounts.yaml; `derived` is the sum of their parts)

    /// 本年收入合计: stated `income.total`, derived Σ of the eight sources.
    public let incomeTotal: ReportFigure
    /// 本年支出合计: stated `expenditure.total`, derived Σ of the kinds of spending.
    public let expenditureTotal: ReportFigure
    /// 收、支总计 (收入总计): stated `income.grand_total`, derived 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
    public let grandTotal: ReportFigure
    /// 支出总计: stated `expenditure.grand_total`, derived 本年支出合计 + 结余分配 + 年末结转和结余.
    public let expenditureGrandTotal: ReportFigure
    /// Each income source: stated the field, derived Σ of 收入决算表 rows where they are given (else the field).
    public let incomeSources: [IncomeStatement.Source: ReportFigure]
    /// Each kind of spending: stated the field, derived Σ of every fund's functional rows.
    public let expenditureKinds: [ExpenditureStatement.Kind: ReportFigure]
    /// 政府采购支出总额: stated `procurement.total`, derived goods + works + services.
    public let procurementTotal: ReportFigure
    /// 公务接待费 (决算): stated `three_public.actual.reception`, derived 国内 + 外事接待.
    public let reception: ReportFigure
    /// 国内公务接待: stated its amount, derived Σ of the itemised receptions.
    public let domesticReception: ReportFigure

    // MARK: Tables summing rows

    /// The functional tables, by fund scope (every scope is present).
    public let functional: [FundScope: FunctionalTotals]
    /// 财政拨款收入支出决算总表.
    public let appropriation: AppropriationFigures
    /// 一般公共预算财政拨款基本支出 by economic classification.
    public let personnel: EconomicGroup
    public let publicExpenses: EconomicGroup
    /// 收入决算表 lines (income by function), in code order; the 合计 row is `incomeTotals`.
    public let incomeLines: [IncomeLine]
    /// The 合计 row of 收入决算表: the income statement's sources.
    public let incomeTotals: IncomeLine
    /// 政府性基金 / 国有资本经营 收入支出决算表 carry-over lines by code prefix.
    public let carryovers: [Fund: [CarryoverLine]]

    // MARK: “三公”经费

    public let threePublicBudget: ThreePublicTotals
    public let threePublicActual: ThreePublicTotals
    public let threePublicPrevious: ReportFigure?
    public let threePublicPreviousVehicle: ReportFigure?

    public init(_ report: Report) {
        self.report = report
        let a = report.accounts
        var functional: [FundScope: FunctionalTotals] = [:]
        for scope in FundScope.allCases { functional[scope] = FunctionalTotals(scope: scope, accounts: a) }
        // The summary table's totals are stated in accounts.yaml; each is kept beside the sum of its parts.
        let i = a.income, e = a.expenditure
        var sources: [IncomeStatement.Source: ReportFigure] = [:]
        for s in IncomeStatement.Source.allCases {
            let rows = a.incomeByFunction.compactMap { $0.sources[s] }
            if a.incomeByFunction.isEmpty {
                sources[s] = i.sources[s].map(ReportFigure.field) ?? ReportFigure(derived: .zero, sources: [], provenance: "income.\(s.rawValue)")
            } else {
                sources[s] = .sum(rows, stated: i.sources[s], provenance: "Σ income_by_function[].\(s.rawValue)")
            }
        }
        incomeSources = sources
        incomeTotal = .sum(IncomeStatement.Source.allCases.compactMap { i.sources[$0] }, stated: i.total, provenance: "Σ income.{general_budget … other}")
        grandTotal = .sum([i.total, i.nonAppropriationBalanceUsed, i.carryoverBeginning], stated: i.grandTotal,
                          provenance: "income.total + income.non_appropriation_balance_used + income.carryover_beginning")
        var kinds: [ExpenditureStatement.Kind: ReportFigure] = [:]
        for k in ExpenditureStatement.Kind.allCases {
            let rows = functional[.all]!.total.figure(FunctionalColumn(k))
            kinds[k] = ReportFigure(derived: rows.derived, stated: e.kinds[k], sources: rows.sources, provenance: rows.provenance)
        }
        expenditureKinds = kinds
        expenditureTotal = .sum(ExpenditureStatement.Kind.allCases.compactMap { e.kinds[$0] }, stated: e.total, provenance: "Σ expenditure.{basic … subsidy_to_subordinates}")
        expenditureGrandTotal = .sum([e.total, e.balanceDistribution, e.carryoverEnding], stated: e.grandTotal,
                                     provenance: "expenditure.total + expenditure.balance_distribution + expenditure.carryover_ending")
        let p = a.procurement
        procurementTotal = .sum([p.goods, p.works, p.services], stated: p.total, provenance: "procurement.goods + works + services")
        let t = a.threePublic
        reception = .sum([t.domesticReception.amount, t.foreignReception.amount], stated: t.actual.reception,
                         provenance: "three_public.reception.domestic.amount + foreign.amount")
        domesticReception = .sum(t.domesticReception.items.map(\.amount), stated: t.domesticReception.amount,
                                 provenance: "Σ three_public.reception.domestic.items[].amount")
        self.functional = functional
        appropriation = AppropriationFigures(accounts: a, functional: functional)
        personnel = EconomicGroup(a.basic.personnel)
        publicExpenses = EconomicGroup(a.basic.publicExpenses)
        (incomeLines, incomeTotals) = Self.incomeByFunction(a)
        carryovers = [.governmentFund: Self.carryoverLines(a.governmentFund), .stateCapital: Self.carryoverLines(a.stateCapital)]
        threePublicBudget = ThreePublicTotals(a.threePublic.budget, path: "three_public.budget")
        threePublicActual = ThreePublicTotals(a.threePublic.actual, path: "three_public.actual")
        threePublicPrevious = ThreePublicTotals.previousTotal(a.threePublic.previous)
        threePublicPreviousVehicle = ThreePublicTotals.previousVehicle(a.threePublic.previous)
    }

    // MARK: Spending from the functional rows

    /// Spending of a fund scope in one column (合计 by default): Σ of the functional rows, or the 合计 row as stated.
    public func spending(_ scope: FundScope, _ column: FunctionalColumn = .total) -> ReportFigure {
        functional[scope]!.total.figure(column)
    }

    /// Spending of one fund (`other`: every fund's rows).
    public func spending(fund: Fund, _ column: FunctionalColumn = .total) -> ReportFigure {
        spending(fund == .other ? .all : FundScope(fund), column)
    }

    /// 一般公共预算财政拨款支出
    public var generalBudget: ReportFigure { spending(.generalBudget) }

    /// The general budget's total 年初预算: stated, or Σ of the rows' budgets when every row has one.
    public var generalBudgetBudget: DecimalNumber? { functional[.generalBudget]!.total.totalBudget }

    /// 类 lines of the general budget, in code order.
    public var generalBudgetClasses: [FunctionalLine] { functional[.generalBudget]!.classes }

    /// 一般公共预算财政拨款基本支出 (Σ of the general budget's basic column).
    public var generalBudgetBasic: ReportFigure { spending(.generalBudget, .basic) }

    /// The spending of the rows with exactly this code in one fund (a fund table's code line is checked against it).
    public func spending(exactly code: String, fund: Fund) -> ReportFigure {
        let rows = accounts.functional.filter { $0.fund == fund && $0.code.value == code }
        return .sum(rows.flatMap { row in ExpenditureStatement.Kind.allCases.compactMap { row.kinds[$0] } },
                    provenance: "Σ functional[fund=\(fund.rawValue), code=\(code)].total")
    }

    /// One content row's 本年支出合计 (Σ of its kinds of spending).
    public func rowTotal(_ row: FunctionalRow) -> ReportFigure {
        .sum(ExpenditureStatement.Kind.allCases.compactMap { row.kinds[$0] }, provenance: "Σ \(row.path).{basic, project, …}")
    }

    // MARK: Counts

    /// 车辆数 of the state-asset section.
    public var assetVehicles: Int { accounts.assets.vehicles.reduce(0) { $0 + $1.count.value.intValue } }
    /// Official vehicles bought this year.
    public var vehiclesPurchased: Int { accounts.threePublic.vehiclesPurchased.reduce(0) { $0 + $1.count.value.intValue } }
    /// Official vehicles held at year end.
    public var vehiclesHeld: Int { accounts.threePublic.vehiclesHeld.reduce(0) { $0 + $1.count.value.intValue } }

    // MARK: Shares, changes, completion rates

    /// part ÷ whole × 100, two decimals (zero when the whole is zero).
    public static func share(_ part: DecimalNumber, of whole: DecimalNumber) -> DecimalNumber { Derived.share(part, of: whole) }

    /// Each income source's share of 本年收入合计.
    public func incomeShare(_ source: IncomeStatement.Source) -> DecimalNumber {
        Self.share(incomeSources[source]!.shown, of: incomeTotal.shown)
    }

    /// Each kind of spending's share of 本年支出合计.
    public func expenditureShare(_ kind: ExpenditureStatement.Kind) -> DecimalNumber {
        Self.share(expenditureKinds[kind]!.shown, of: expenditureTotal.shown)
    }

    /// 一般公共预算财政拨款支出 as a share of 本年支出合计.
    public var generalBudgetShare: DecimalNumber { Self.share(generalBudget.shown, of: expenditureTotal.shown) }

    public var grandTotalChange: YearOnYear { YearOnYear(current: grandTotal, previous: accounts.previous.grandTotal?.value) }
    public var incomeTotalChange: YearOnYear { YearOnYear(current: incomeTotal, previous: accounts.previous.incomeTotal?.value) }
    public var expenditureTotalChange: YearOnYear { YearOnYear(current: expenditureTotal, previous: accounts.previous.expenditureTotal?.value) }
    public var appropriationChange: YearOnYear { YearOnYear(current: appropriation.grandTotal, previous: accounts.previous.appropriationTotal?.value) }

    /// A fund's spending against last year's “上年” field.
    public func spendingChange(_ fund: Fund) -> YearOnYear {
        let p = accounts.previous
        let previous: Figure?
        switch fund {
        case .generalBudget: previous = p.generalBudgetExpenditure
        case .governmentFund: previous = p.governmentFundExpenditure
        case .stateCapital: previous = p.stateCapitalExpenditure
        case .other: previous = nil
        }
        return YearOnYear(current: spending(fund: fund), previous: previous?.value)
    }

    public var threePublicChange: YearOnYear { YearOnYear(current: threePublicActual.total, previous: threePublicPrevious?.shown) }
    public var agencyOperatingCostChange: YearOnYear {
        YearOnYear(current: .field(accounts.agencyOperatingCost.amount), previous: accounts.agencyOperatingCost.previous?.value)
    }

    /// The three items of “三公”经费 as Part 2 speaks of them.
    public enum ThreePublicItem: Sendable, CaseIterable {
        case overseas, vehicle, reception
    }

    /// An item's 决算数 (the vehicle 小计 as stated where printed).
    public func threePublicActual(_ item: ThreePublicItem) -> ReportFigure {
        let t = accounts.threePublic.actual
        switch item {
        case .overseas: return .field(t.overseas)
        case .vehicle: return threePublicActual.vehicle
        case .reception: return .field(t.reception)
        }
    }

    /// An item's share of the “三公”经费 total.
    public func threePublicShare(_ item: ThreePublicItem) -> DecimalNumber {
        Self.share(threePublicActual(item).shown, of: threePublicActual.total.shown)
    }

    /// An item against its budget.
    public func threePublicCompletion(_ item: ThreePublicItem) -> BudgetCompletion {
        let b = accounts.threePublic.budget
        let budget: DecimalNumber
        switch item {
        case .overseas: budget = b.overseas.value
        case .vehicle: budget = threePublicBudget.vehicle.shown
        case .reception: budget = b.reception.value
        }
        return BudgetCompletion(actual: threePublicActual(item).shown, budget: budget)
    }

    /// An item against last year's.
    public func threePublicChange(_ item: ThreePublicItem) -> YearOnYear {
        let p = accounts.threePublic.previous
        let previous: DecimalNumber?
        switch item {
        case .overseas: previous = p?.overseas?.value
        case .vehicle: previous = threePublicPreviousVehicle?.shown
        case .reception: previous = p?.reception?.value
        }
        return YearOnYear(current: threePublicActual(item), previous: previous)
    }

    public var incomeCompletion: BudgetCompletion { BudgetCompletion(actual: incomeTotal.shown, budget: accounts.income.budget?.value) }
    public var expenditureCompletion: BudgetCompletion { BudgetCompletion(actual: expenditureTotal.shown, budget: accounts.expenditure.budget?.value) }
    public var generalBudgetCompletion: BudgetCompletion { BudgetCompletion(actual: generalBudget.shown, budget: generalBudgetBudget) }
    public var threePublicCompletion: BudgetCompletion {
        BudgetCompletion(actual: threePublicActual.total.shown, budget: threePublicBudget.total.shown)
    }

    /// A project's (or fund source's) execution rate: as stated in its self-evaluation table, else actual ÷ budget.
    public static func executionRate(stated: Quantity?, actual: Figure, budget: Figure) -> DecimalNumber? {
        stated?.value ?? Derived.completion(actual.value, budget: budget.value)
    }

    // MARK: Construction helpers

    static func incomeByFunction(_ a: FinalAccounts) -> ([IncomeLine], IncomeLine) {
        var sums: [String: [IncomeStatement.Source: DecimalNumber]] = [:]
        for row in a.incomeByFunction {
            for length in [3, 5, 7] where row.code.value.count >= length {
                let prefix = String(row.code.value.prefix(length))
                for (s, f) in row.sources { sums[prefix, default: [:]][s, default: .zero] = sums[prefix, default: [:]][s, default: .zero] + f.value }
            }
        }
        var totals: [IncomeStatement.Source: DecimalNumber] = [:]
        for s in IncomeStatement.Source.allCases { totals[s] = a.income.amount(s).value }
        return (sums.keys.sorted().map { IncomeLine(code: $0, sources: sums[$0]!) }, IncomeLine(code: nil, sources: totals))
    }

    static func carryoverLines(_ carry: FundCarryovers?) -> [CarryoverLine] {
        var sums: [String: (DecimalNumber, DecimalNumber, DecimalNumber)] = [:]
        for row in carry?.rows ?? [] {
            let code = row.code.value
            for length in [3, 5, 7] where code.count >= length {
                let prefix = String(code.prefix(length))
                let s = sums[prefix] ?? (.zero, .zero, .zero)
                sums[prefix] = (s.0 + row.carryoverBeginning.value, s.1 + row.income.value, s.2 + row.carryoverEnding.value)
            }
        }
        return sums.keys.sorted().map { CarryoverLine(code: $0, carryoverBeginning: sums[$0]!.0, income: sums[$0]!.1, carryoverEnding: sums[$0]!.2) }
    }
}
