/// When Content holds the previous year's report of the same unit, this year's "上年" figures are that report's.
enum YearRules {
    static let all: [ReconciliationRule] = [previousYear]

    static let previousYear = ReconciliationRule(
        "PREV-YEAR", .years, .error,
        title: Message(zh: "上年数 = 上年报告中的本年数", en: "Last year's figures = last year's report"),
        description: Message(zh: "同一单位上一年度的报告也在 Content 中时，本报告的上年收支总计、本年收入合计、本年支出合计、财政拨款收支总计、一般公共预算财政拨款支出、政府性基金和国有资本经营支出、“三公”经费各项和机关运行经费的上年数，必须等于上年报告中的数。",
                             en: "When the unit's previous report is in Content, every last-year figure equals that report's figure."),
        example: "上年“收、支总计”写为 329.04，但 2022 年度报告中为 329.00（Content/x/2022/accounts.yaml:13:3）。"
    ) { c in
        guard let prev = c.previousReport else { return [] }
        let a = c.accounts, p = prev.accounts
        let pc = RuleContext(report: prev, previousReport: nil, functionalCodes: nil)
        let prevAppropriationTotal = DecimalNumber.sum(Fund.appropriations.compactMap { BetweenRules.income(of: $0, pc)?.value })
            + DecimalNumber.sum(p.appropriation.carryoverBeginning.values.map(\.value))
        var pairs: [(Figure?, DecimalNumber, SourceLocation?, String)] = [
            (a.previous.grandTotal, p.income.grandTotal.value, p.income.grandTotal.location, "收、支总计"),
            (a.previous.incomeTotal, p.income.total.value, p.income.total.location, "本年收入合计"),
            (a.previous.expenditureTotal, p.expenditure.total.value, p.expenditure.total.location, "本年支出合计"),
            (a.previous.appropriationTotal, prevAppropriationTotal, nil, "财政拨款收、支总计"),
            (a.previous.generalBudgetExpenditure, pc.spending(fund: .generalBudget), nil, "一般公共预算财政拨款支出"),
            (a.previous.governmentFundExpenditure, pc.spending(fund: .governmentFund), nil, "政府性基金预算财政拨款支出"),
            (a.previous.stateCapitalExpenditure, pc.spending(fund: .stateCapital), nil, "国有资本经营预算财政拨款支出"),
            (a.agencyOperatingCost.previous, p.agencyOperatingCost.amount.value, p.agencyOperatingCost.amount.location, "机关运行经费"),
        ]
        if let tp = a.threePublic.previous {
            let pa = p.threePublic.actual
            pairs += [(tp.overseas, pa.overseas.value, pa.overseas.location, "因公出国（境）费"),
                      (tp.vehiclePurchase, pa.vehiclePurchase.value, pa.vehiclePurchase.location, "公务用车购置费"),
                      (tp.vehicleOperation, pa.vehicleOperation.value, pa.vehicleOperation.location, "公务用车运行维护费"),
                      (tp.reception, pa.reception.value, pa.reception.location, "公务接待费")]
        }
        var out: [Diagnostic] = []
        for (stated, actual, there, label) in pairs {
            guard let stated, stated.amount.inWanYuan.rounded(to: 2) != Amount(actual, p.unit).inWanYuan.rounded(to: 2) else { continue }
            let place = there.map { "（\($0)）" } ?? ""
            out.append(Diagnostic(.error, "PREV-YEAR", at: stated.location, path: stated.path, Message(
                zh: "上年“\(label)”写为 \(Finding.money(stated.value))，但 \(prev.year) 年度报告中为 \(Finding.money(actual))\(place)。",
                en: "last year's '\(label)' is given as \(Finding.money(stated.value)) but the \(prev.year) report has \(Finding.money(actual))."),
                expected: Finding.money(actual), actual: Finding.money(stated.value), related: there.map { [$0] } ?? []))
        }
        return out
    }
}
