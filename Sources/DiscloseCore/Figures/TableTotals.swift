/// A 类 or 款 line of the basic-spending table (经济分类) of one group (人员经费 or 公用经费).
public struct EconomicLine: Sendable {
    public let code: String
    /// The items with an amount that the line sums.
    public let items: [Figure]
    public let stated: StatedEconomicLine?

    public var level: Int { code.count <= 3 ? 0 : 1 }

    /// Σ of the items' amounts; nil when no item under the line has an amount (and none is stated).
    public var figure: ReportFigure? {
        guard !items.isEmpty || stated != nil else { return nil }
        return .sum(items, stated: stated?.amount, provenance: "Σ basic_expenditure items with code \(code)*")
    }
}

/// One group of the basic-spending table: its total and its 类/款 lines.
public struct EconomicGroup: Sendable {
    /// Stated the group's `total`; derived Σ of its items' amounts.
    public let total: ReportFigure
    /// Every item has an amount (only then is the total checked against them).
    public let itemsComplete: Bool
    /// Every code an item names, and its 类, in code order.
    public let lines: [EconomicLine]

    init(_ group: BasicExpenditure.Group) {
        let itemAmounts = group.items.compactMap(\.amount)
        total = .sum(itemAmounts, stated: group.total, provenance: "Σ \(group.total.path.replacingOccurrences(of: ".total", with: "")).items[].amount")
        itemsComplete = !itemAmounts.isEmpty && itemAmounts.count == group.items.count
        var known: Set<String> = []
        var amounts: [String: [Figure]] = [:]
        for item in group.items {
            let code = item.code.value
            for length in [3, 5] where code.count >= length {
                let prefix = String(code.prefix(length))
                known.insert(prefix)
                if let a = item.amount { amounts[prefix, default: []].append(a) }
            }
        }
        var stated: [String: StatedEconomicLine] = [:]
        for line in group.statedClasses {
            stated[line.code.value] = line
            known.insert(line.code.value)
        }
        lines = known.sorted().map { EconomicLine(code: $0, items: amounts[$0] ?? [], stated: stated[$0]) }
    }
}

/// A line of 收入决算表 (income by function): Σ of the rows under a code, by source.
public struct IncomeLine: Sendable {
    /// nil for the 合计 row.
    public let code: String?
    public let sources: [IncomeStatement.Source: DecimalNumber]

    public var level: Int { code.map { $0.count <= 3 ? 0 : ($0.count <= 5 ? 1 : 2) } ?? 0 }
    /// 本年收入合计 of the line.
    public var total: DecimalNumber { DecimalNumber.sum(Array(sources.values)) }
    /// 财政拨款收入 of the line.
    public var appropriation: DecimalNumber {
        DecimalNumber.sum([IncomeStatement.Source.generalBudget, .governmentFund, .stateCapital].compactMap { sources[$0] })
    }
    public func amount(_ source: IncomeStatement.Source) -> DecimalNumber { sources[source] ?? .zero }
}

/// A line of a fund's 收入支出决算表 (政府性基金 / 国有资本经营): carry-overs and income by code prefix.
public struct CarryoverLine: Sendable {
    public let code: String
    public let carryoverBeginning: DecimalNumber
    public let income: DecimalNumber
    public let carryoverEnding: DecimalNumber
}

/// 财政拨款收入支出决算总表: the appropriations' income, balances and spending, with their totals.
public struct AppropriationFigures: Sendable {
    /// 本年收入 by fund (the income statement's field).
    public let incomeByFund: [Fund: ReportFigure]
    /// 本年收入合计
    public let income: ReportFigure
    public let carryoverBeginningByFund: [Fund: ReportFigure]
    /// 年初财政拨款结转和结余 合计
    public let carryoverBeginning: ReportFigure
    public let carryoverEndingByFund: [Fund: ReportFigure]
    /// 年末财政拨款结转和结余 合计
    public let carryoverEnding: ReportFigure
    /// 本年支出 by fund (Σ of the fund's functional rows, or its stated 合计)
    public let expenditureByFund: [Fund: ReportFigure]
    /// 本年支出合计
    public let expenditure: ReportFigure
    /// 收入侧 总计 = 本年收入合计 + 年初结转和结余 (财政拨款收、支总计)
    public let grandTotal: ReportFigure
    /// 支出侧 总计 = 本年支出合计 + 年末结转和结余
    public let expenditureGrandTotal: ReportFigure
    /// 支出侧 总计 of each fund = its spending + its closing balance
    public let expenditureGrandTotalByFund: [Fund: ReportFigure]

    init(accounts a: FinalAccounts, functional: [FundScope: FunctionalTotals]) {
        let s = a.appropriation.stated
        var income: [Fund: ReportFigure] = [:], opening: [Fund: ReportFigure] = [:], closing: [Fund: ReportFigure] = [:], spent: [Fund: ReportFigure] = [:]
        for fund in Fund.appropriations {
            let source = IncomeStatement.Source(rawValue: fund.rawValue)!
            income[fund] = a.income.sources[source].map(ReportFigure.field)
                ?? ReportFigure(derived: .zero, sources: [], provenance: "income.\(source.rawValue)")
            opening[fund] = a.appropriation.carryoverBeginning[fund].map(ReportFigure.field)
                ?? ReportFigure(derived: .zero, sources: [], provenance: "appropriation.carryover_beginning.\(fund.rawValue)")
            closing[fund] = a.appropriation.carryoverEnding[fund].map(ReportFigure.field)
                ?? ReportFigure(derived: .zero, sources: [], provenance: "appropriation.carryover_ending.\(fund.rawValue)")
            spent[fund] = functional[FundScope(fund)]!.total.figure(.total)
        }
        func total(_ parts: [Fund: ReportFigure], stated: Figure?, _ provenance: String) -> ReportFigure {
            ReportFigure(derived: DecimalNumber.sum(Fund.appropriations.map { parts[$0]!.shown }), stated: stated,
                         sources: Fund.appropriations.flatMap { parts[$0]!.sources }, provenance: provenance)
        }
        incomeByFund = income
        carryoverBeginningByFund = opening
        carryoverEndingByFund = closing
        expenditureByFund = spent
        self.income = total(income, stated: s.incomeTotal, "Σ income.{general_budget, government_fund, state_capital}")
        carryoverBeginning = total(opening, stated: s.carryoverBeginning, "Σ appropriation.carryover_beginning")
        carryoverEnding = total(closing, stated: s.carryoverEnding, "Σ appropriation.carryover_ending")
        expenditure = total(spent, stated: s.expenditureTotal, "Σ functional[fund∈appropriations].total")
        grandTotal = ReportFigure(derived: self.income.shown + carryoverBeginning.shown, stated: s.incomeGrandTotal,
                                  sources: self.income.sources + carryoverBeginning.sources,
                                  provenance: "appropriation 本年收入合计 + 年初财政拨款结转和结余")
        var byFund: [Fund: ReportFigure] = [:]
        for fund in Fund.appropriations {
            byFund[fund] = ReportFigure(derived: spent[fund]!.shown + closing[fund]!.shown, sources: spent[fund]!.sources + closing[fund]!.sources,
                                        provenance: "functional[fund=\(fund.rawValue)] 合计 + appropriation.carryover_ending.\(fund.rawValue)")
        }
        expenditureGrandTotalByFund = byFund
        expenditureGrandTotal = ReportFigure(derived: expenditure.shown + carryoverEnding.shown, stated: s.expenditureGrandTotal,
                                             sources: expenditure.sources + carryoverEnding.sources,
                                             provenance: "appropriation 本年支出合计 + 年末财政拨款结转和结余")
    }
}

/// “三公”经费 totals of one column (预算数, 决算数 or 上年数): Σ of the items, and the 小计/合计 a table prints.
public struct ThreePublicTotals: Sendable {
    /// 公务用车购置及运行维护费
    public let vehicle: ReportFigure
    /// 合计
    public let total: ReportFigure

    init(_ items: ThreePublicCosts.Items, path: String) {
        vehicle = .sum([items.vehiclePurchase, items.vehicleOperation], stated: items.statedVehicle,
                       provenance: "\(path).vehicle_purchase + \(path).vehicle_operation")
        total = .sum([items.overseas, items.vehiclePurchase, items.vehicleOperation, items.reception], stated: items.statedTotal,
                     provenance: "Σ \(path).{overseas, vehicle_purchase, vehicle_operation, reception}")
    }

    /// Last year's 合计, only where every item it sums was published.
    static func previousTotal(_ items: ThreePublicCosts.PreviousItems?) -> ReportFigure? {
        guard let items, let o = items.overseas, let p = items.vehiclePurchase, let v = items.vehicleOperation, let r = items.reception else {
            return items?.statedTotal.map(ReportFigure.field)
        }
        return .sum([o, p, v, r], stated: items.statedTotal, provenance: "Σ three_public.previous.{overseas, vehicle_purchase, vehicle_operation, reception}")
    }

    /// Last year's 公务用车购置及运行维护费, only where both items were published.
    static func previousVehicle(_ items: ThreePublicCosts.PreviousItems?) -> ReportFigure? {
        guard let items, let p = items.vehiclePurchase, let v = items.vehicleOperation else { return items?.statedVehicle.map(ReportFigure.field) }
        return .sum([p, v], stated: items.statedVehicle, provenance: "three_public.previous.vehicle_purchase + vehicle_operation")
    }
}
