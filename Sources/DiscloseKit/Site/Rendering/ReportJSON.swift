import DiscloseCore

/// report.json: the whole report as data (documented in docs/report-json.md). Amounts are decimal
/// strings in the report's unit, never binary floats.
enum ReportJSON {
    static func money(_ f: Figure?) -> JSONValue { f.map { .string(Derived.money($0.value)) } ?? .null }
    static func money(_ d: DecimalNumber) -> JSONValue { .string(Derived.money(d)) }
    static func count(_ q: Quantity?) -> JSONValue { q.map { .number($0.value.description) } ?? .null }
    static func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    static func document(figures: ReportFigures, unit: UnitInfo, tables: [TableModel], codes: CodeLists) -> String {
        let report = figures.report
        let a = report.accounts
        let functional = codes.list(.functional, year: report.year)
        let economic = codes.list(.economic, year: report.year)
        var obj: [(String, JSONValue)] = [
            ("format", .string("disclose-report/1")),
            ("unit", .object([("id", .string(unit.id)), ("name", .string(unit.name)), ("short_name", .string(unit.shortName)),
                              ("level", .string(unit.level.rawValue)), ("region", .string(unit.region)), ("budget_code", text(unit.budgetCode))])),
            ("year", .number(String(report.year))),
            ("kind", .string(report.kind.rawValue)),
            ("money_unit", .string(a.unit.rawValue)),
            ("table_set", .string(report.tableSetID)),
        ]
        obj.append(("income", .object(IncomeStatement.Source.allCases.map { ($0.rawValue, money(a.income.sources[$0])) } + [
            ("total", money(a.income.total)), ("non_appropriation_balance_used", money(a.income.nonAppropriationBalanceUsed)),
            ("carryover_beginning", money(a.income.carryoverBeginning)), ("grand_total", money(a.income.grandTotal)), ("budget", money(a.income.budget)),
        ])))
        obj.append(("expenditure", .object(ExpenditureStatement.Kind.allCases.map { ($0.rawValue, money(a.expenditure.kinds[$0])) } + [
            ("total", money(a.expenditure.total)), ("balance_distribution", money(a.expenditure.balanceDistribution)),
            ("carryover_ending", money(a.expenditure.carryoverEnding)), ("grand_total", money(a.expenditure.grandTotal)), ("budget", money(a.expenditure.budget)),
        ])))
        obj.append(("appropriation", .object([
            ("carryover_beginning", .object(Fund.appropriations.map { ($0.rawValue, money(a.appropriation.carryoverBeginning[$0])) })),
            ("carryover_ending", .object(Fund.appropriations.map { ($0.rawValue, money(a.appropriation.carryoverEnding[$0])) })),
        ])))
        let p = a.previous
        obj.append(("previous", .object([("grand_total", money(p.grandTotal)), ("income_total", money(p.incomeTotal)), ("expenditure_total", money(p.expenditureTotal)),
                                         ("appropriation_total", money(p.appropriationTotal)), ("general_budget_expenditure", money(p.generalBudgetExpenditure)),
                                         ("government_fund_expenditure", money(p.governmentFundExpenditure)), ("state_capital_expenditure", money(p.stateCapitalExpenditure))])))
        obj.append(("functional", .array(a.functional.map { row in
            .object([("code", .string(row.code.value)), ("name", text(functional?[row.code.value]?.name)), ("fund", .string(row.fund.rawValue))]
                + ExpenditureStatement.Kind.allCases.map { ($0.rawValue, money(row.amount($0, unit: a.unit).value)) }
                + [("budget", money(row.budget))])
        })))
        func group(_ g: BasicExpenditure.Group) -> JSONValue {
            .object([("total", money(g.total)), ("items", .array(g.items.map {
                .object([("code", .string($0.code.value)), ("name", text(economic?[$0.code.value]?.name)), ("amount", money($0.amount))])
            }))])
        }
        obj.append(("basic_expenditure", .object([("personnel", group(a.basic.personnel)), ("public", group(a.basic.publicExpenses))])))
        let t = a.threePublic
        func items(_ i: ThreePublicCosts.Items, _ totals: ThreePublicTotals) -> JSONValue {
            .object([("overseas", money(i.overseas)), ("vehicle_purchase", money(i.vehiclePurchase)), ("vehicle_operation", money(i.vehicleOperation)),
                     ("reception", money(i.reception)), ("total", money(totals.total.shown))])
        }
        obj.append(("three_public", .object([
            ("budget", items(t.budget, figures.threePublicBudget)), ("actual", items(t.actual, figures.threePublicActual)),
            ("domestic_reception", .object([("amount", money(t.domesticReception.amount)), ("batches", count(t.domesticReception.batches)), ("persons", count(t.domesticReception.persons))])),
            ("foreign_reception", .object([("amount", money(t.foreignReception.amount)), ("batches", count(t.foreignReception.batches)), ("persons", count(t.foreignReception.persons))])),
        ])))
        obj.append(("agency_operating_cost", .object([("amount", money(a.agencyOperatingCost.amount)), ("previous", money(a.agencyOperatingCost.previous))])))
        let pr = a.procurement
        obj.append(("procurement", .object([("goods", money(pr.goods)), ("works", money(pr.works)), ("services", money(pr.services)),
                                            ("total", money(pr.total)), ("sme", money(pr.sme)), ("micro", money(pr.micro))])))
        obj.append(("assets", .object([("vehicles", .array(a.assets.vehicles.map { .object([("type", .string($0.type)), ("count", count($0.count))]) })),
                                       ("equipment", .array(a.assets.equipment.map { .object([("type", .string($0.type)), ("count", count($0.count))]) }))])))
        if let perf = report.performance {
            obj.append(("performance", .object([
                ("with_targets", count(perf.management.withTargets)), ("monitored", count(perf.management.monitored)),
                ("self_evaluated", count(perf.management.selfEvaluated)), ("overall_score", count(perf.overall?.score)),
                ("projects", .array(perf.projects.map { pj in
                    .object([("name", .string(pj.name)), ("budget", money(pj.funds.budget)), ("actual", money(pj.funds.actual)),
                             ("indicators", .number(String(pj.indicators.count)))])
                })),
            ])))
        }
        obj.append(("totals", totals(figures)))
        if let stated = stated(figures) { obj.append(("stated", stated)) }
        obj.append(("tables", .array(tables.map { table in
            .object([("id", .string(table.id)), ("number", .string(table.number)), ("title", .string(table.title)),
                     ("csv", .string("tables/\(table.id).csv")), ("empty", .bool(table.isEmpty))])
        })))
        return JSONValue.object(obj).rendered() + "\n"
    }

    /// The totals the site prints that are not fields of accounts.yaml (as shown: stated where recorded).
    static func totals(_ f: ReportFigures) -> JSONValue {
        let ap = f.appropriation
        return .object([
            ("appropriation_income", money(ap.income.shown)), ("appropriation_expenditure", money(ap.expenditure.shown)),
            ("appropriation_carryover_beginning", money(ap.carryoverBeginning.shown)), ("appropriation_carryover_ending", money(ap.carryoverEnding.shown)),
            ("appropriation_grand_total", money(ap.grandTotal.shown)),
            ("general_budget_expenditure", money(f.generalBudget.shown)), ("general_budget_basic", money(f.generalBudgetBasic.shown)),
            ("general_budget_project", money(f.spending(.generalBudget, .project).shown)),
            ("government_fund_expenditure", money(f.spending(.governmentFund).shown)), ("state_capital_expenditure", money(f.spending(.stateCapital).shown)),
            ("general_budget_classes", .array(f.generalBudgetClasses.map { .object([("code", .string($0.code!)), ("amount", money($0.shown(.total)))]) })),
        ])
    }

    /// The totals and subtotals the content records as printed, each beside the sum of its rows; nil when there are none.
    static func stated(_ f: ReportFigures) -> JSONValue? {
        func pair(_ figure: ReportFigure) -> JSONValue {
            .object([("stated", money(figure.stated)), ("derived", money(figure.derived))])
        }
        var out: [(String, JSONValue)] = []
        let lines = FundScope.allCases.flatMap { scope in
            ([f.functional[scope]!.total] + f.functional[scope]!.lines).filter { $0.stated != nil }
        }
        if !lines.isEmpty {
            out.append(("functional", .array(lines.map { line in
                .object([("code", text(line.code)), ("fund", .string(line.scope.rawValue))]
                    + FunctionalColumn.allCases.filter { line.stated?.columns[$0] != nil }.map { ($0.rawValue, pair(line.figure($0))) })
            })))
        }
        for (key, group) in [("personnel", f.personnel), ("public", f.publicExpenses)] {
            let classes = group.lines.filter { $0.stated != nil }
            if !classes.isEmpty {
                out.append(("basic_expenditure_\(key)", .array(classes.compactMap { line in
                    line.figure.map { .object([("code", .string(line.code)), ("amount", pair($0))]) }
                })))
            }
        }
        let ap = f.appropriation
        let appropriation = [("income_total", ap.income), ("expenditure_total", ap.expenditure), ("carryover_beginning", ap.carryoverBeginning),
                             ("carryover_ending", ap.carryoverEnding), ("income_grand_total", ap.grandTotal), ("expenditure_grand_total", ap.expenditureGrandTotal)]
            .filter { $0.1.stated != nil }
        if !appropriation.isEmpty { out.append(("appropriation", .object(appropriation.map { ($0.0, pair($0.1)) }))) }
        return out.isEmpty ? nil : .object(out)
    }
}
