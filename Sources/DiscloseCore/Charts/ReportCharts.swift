/// The seven figures of a report (图1–图7), from the data.
public enum ReportCharts {
    public static func specs(_ report: Report, codes: CodeLists = .bundled) -> [ChartSpec] {
        specs(ReportFigures(report), codes: codes)
    }

    /// Every value is a figure of `ReportFigures`, as tables and Part 2 print it (stated where given).
    public static func specs(_ figures: ReportFigures, codes: CodeLists = .bundled) -> [ChartSpec] {
        let report = figures.report
        let unit = figures.unit
        func bars(_ id: String, _ number: String, _ title: String, _ change: YearOnYear) -> ChartSpec {
            let items = (change.previous.map { [ChartSpec.Item("\(report.previousYear)年度", $0)] } ?? []) + [ChartSpec.Item("\(report.year)年度", change.current.shown)]
            return ChartSpec(id: id, number: number, title: title, kind: .bar, unit: unit, items: items, change: change.change)
        }
        let list = codes.list(.functional, year: report.year)
        let t = figures.accounts.threePublic.actual
        return [
            bars("1-total", "图1", "收、支决算总计变动情况", figures.grandTotalChange),
            ChartSpec(id: "2-income", number: "图2", title: "收入决算结构", kind: .pie, unit: unit,
                      items: IncomeStatement.Source.allCases.map { ChartSpec.Item($0.label, figures.incomeSources[$0]!.shown) }.filter { !$0.value.isZero },
                      shareBase: figures.incomeTotal.shown),
            ChartSpec(id: "3-expenditure", number: "图3", title: "支出决算结构", kind: .pie, unit: unit,
                      items: ExpenditureStatement.Kind.allCases.map { ChartSpec.Item($0.label, figures.expenditureKinds[$0]!.shown) }.filter { !$0.value.isZero },
                      shareBase: figures.expenditureTotal.shown),
            bars("4-appropriation", "图4", "财政拨款收、支决算总计变动情况", figures.appropriationChange),
            bars("5-general-budget", "图5", "一般公共预算财政拨款支出决算变动情况", figures.spendingChange(.generalBudget)),
            ChartSpec(id: "6-general-budget-structure", number: "图6", title: "一般公共预算财政拨款支出决算结构", kind: .pie, unit: unit,
                      items: figures.generalBudgetClasses.map { ChartSpec.Item(list?[$0.code!]?.name ?? $0.code!, $0.shown(.total)) },
                      shareBase: figures.generalBudget.shown),
            // 三公 keeps its zero items: the legend shows them, no wedge is drawn.
            ChartSpec(id: "7-three-public", number: "图7", title: "“三公”经费财政拨款支出结构", kind: .pie, unit: unit,
                      items: [ChartSpec.Item("因公出国（境）费", t.overseas.value),
                              ChartSpec.Item("公务用车购置及运行维护费", figures.threePublicActual.vehicle.shown),
                              ChartSpec.Item("公务接待费", t.reception.value)],
                      shareBase: figures.threePublicActual.total.shown),
        ]
    }

    /// A unit's multi-year trend (收、支总计 by year) when Content holds two or more years.
    /// The unit page's trends of 三公经费 and 机关运行经费 (from each year's `ReportFigures`), beside
    /// the total; amounts in the newest report's unit.
    public static func costTrends(_ reports: [Report], unitName: String) -> [ChartSpec] {
        costTrends(reports.map(ReportFigures.init), unitName: unitName)
    }

    /// The same from the reports' figures, where the caller derived them.
    public static func costTrends(_ figures: [ReportFigures], unitName: String) -> [ChartSpec] {
        let sorted = figures.sorted { $0.report.year < $1.report.year }
        guard sorted.count >= 2, let unit = sorted.last?.accounts.unit else { return [] }
        func inUnit(_ value: DecimalNumber, _ report: Report) -> DecimalNumber { Amount(value, report.accounts.unit).converted(to: unit).value }
        return [
            ChartSpec(id: "trend-three-public", number: "图", title: "\(unitName)历年“三公”经费", kind: .bar, unit: unit,
                      items: sorted.map { ChartSpec.Item("\($0.report.year)年度", inUnit($0.threePublicActual.total.shown, $0.report)) }),
            ChartSpec(id: "trend-agency-cost", number: "图", title: "\(unitName)历年机关运行经费", kind: .bar, unit: unit,
                      items: sorted.map { ChartSpec.Item("\($0.report.year)年度", inUnit($0.accounts.agencyOperatingCost.amount.value, $0.report)) }),
        ]
    }

    public static func trend(_ reports: [Report], unitName: String) -> ChartSpec? {
        let sorted = reports.sorted { $0.year < $1.year }
        guard sorted.count >= 2, let unit = sorted.last?.accounts.unit else { return nil }
        return ChartSpec(id: "trend", number: "图", title: "\(unitName)历年收、支总计", kind: .bar, unit: unit,
                         items: sorted.map { ChartSpec.Item("\($0.year)年度", $0.accounts.income.grandTotal.value) })
    }
}
