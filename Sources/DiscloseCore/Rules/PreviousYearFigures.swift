/// The "上年" fields of a report and the figure of the previous year's report each must equal.
/// Used twice: the PREV-YEAR rule compares them, and `disclose new --from` writes them.
public struct CarriedFigure: Sendable, Equatable {
    /// The field in the new year's accounts.yaml, e.g. `previous.grand_total`.
    public let path: String
    public let label: String
    /// In the previous report's `accounts.unit`.
    public let value: DecimalNumber
    /// Where the previous report states it, when it is a single figure there.
    public let source: SourceLocation?
}

public enum PreviousYearFigures {
    public static func carried(from previous: Report) -> [CarriedFigure] {
        carried(from: ReportFigures(previous))
    }

    /// The figures last year's report shows (a stated total where it records one), as this year's “上年” fields.
    public static func carried(from figures: ReportFigures) -> [CarriedFigure] {
        let p = figures.accounts
        let actual = p.threePublic.actual
        func item(_ path: String, _ label: String, _ figure: Figure) -> CarriedFigure {
            CarriedFigure(path: path, label: label, value: figure.value, source: figure.location)
        }
        func derived(_ path: String, _ label: String, _ figure: ReportFigure) -> CarriedFigure {
            CarriedFigure(path: path, label: label, value: figure.shown, source: figure.stated?.location)
        }
        return [
            item("previous.grand_total", "收、支总计", p.income.grandTotal),
            item("previous.income_total", "本年收入合计", p.income.total),
            item("previous.expenditure_total", "本年支出合计", p.expenditure.total),
            derived("previous.appropriation_total", "财政拨款收、支总计", figures.appropriation.grandTotal),
            derived("previous.general_budget_expenditure", "一般公共预算财政拨款支出", figures.spending(fund: .generalBudget)),
            derived("previous.government_fund_expenditure", "政府性基金预算财政拨款支出", figures.spending(fund: .governmentFund)),
            derived("previous.state_capital_expenditure", "国有资本经营预算财政拨款支出", figures.spending(fund: .stateCapital)),
            item("agency_operating_cost.previous", "机关运行经费", p.agencyOperatingCost.amount),
            item("three_public.previous.overseas", "因公出国（境）费", actual.overseas),
            item("three_public.previous.vehicle_purchase", "公务用车购置费", actual.vehiclePurchase),
            item("three_public.previous.vehicle_operation", "公务用车运行维护费", actual.vehicleOperation),
            item("three_public.previous.reception", "公务接待费", actual.reception),
        ] + [
            // The 小计 and 合计 a table printed last year carry over as printed.
            actual.statedVehicle.map { item("three_public.previous.vehicle", "公务用车购置及运行维护费", $0) },
            actual.statedTotal.map { item("three_public.previous.total", "“三公”经费合计", $0) },
        ].compactMap { $0 }
    }
}
