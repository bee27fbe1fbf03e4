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
        let tp = a.threePublic.previous
        let stated: [String: Figure?] = [
            "previous.grand_total": a.previous.grandTotal,
            "previous.income_total": a.previous.incomeTotal,
            "previous.expenditure_total": a.previous.expenditureTotal,
            "previous.appropriation_total": a.previous.appropriationTotal,
            "previous.general_budget_expenditure": a.previous.generalBudgetExpenditure,
            "previous.government_fund_expenditure": a.previous.governmentFundExpenditure,
            "previous.state_capital_expenditure": a.previous.stateCapitalExpenditure,
            "agency_operating_cost.previous": a.agencyOperatingCost.previous,
            "three_public.previous.overseas": tp?.overseas,
            "three_public.previous.vehicle_purchase": tp?.vehiclePurchase,
            "three_public.previous.vehicle_operation": tp?.vehicleOperation,
            "three_public.previous.reception": tp?.reception,
            "three_public.previous.vehicle": tp?.statedVehicle,
            "three_public.previous.total": tp?.statedTotal,
        ]
        let pairs = PreviousYearFigures.carried(from: c.previousFigures ?? ReportFigures(prev)).map { ($0, stated[$0.path] ?? nil) }
        var out: [Diagnostic] = []
        for (carried, stated) in pairs {
            let actual = carried.value, there = carried.source, label = carried.label
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
