import DiscloseCore
import Foundation

/// The figures of one report that the comparison pages and the open data set line up across units:
/// read from its `ReportFigures` (nothing is summed here) and kept as exact decimal text in the
/// report's home-page entry, so that an incremental build has them for units it did not re-read.
enum CompareFigures {
    /// One comparison column: its entry key, its heading, and whether it has a change on last year.
    struct Column {
        let key: String
        let heading: String
        let change: String?
    }

    static let columns: [Column] = [
        Column(key: "c_grand", heading: "收、支总计", change: "c_grand_rate"),
        Column(key: "c_approp", heading: "财政拨款支出", change: nil),
        Column(key: "c_basic", heading: "基本支出", change: nil),
        Column(key: "c_project", heading: "项目支出", change: nil),
        Column(key: "c_overseas", heading: "因公出国（境）费", change: nil),
        Column(key: "c_vpurchase", heading: "公务用车购置费", change: nil),
        Column(key: "c_voperation", heading: "公务用车运行维护费", change: nil),
        Column(key: "c_reception", heading: "公务接待费", change: nil),
        Column(key: "c_three", heading: "“三公”经费合计", change: "c_three_rate"),
        Column(key: "c_agency", heading: "机关运行经费", change: "c_agency_rate"),
    ]

    /// The entry fields of a report (exact decimals in the report's unit, which is declared beside them).
    static func fields(_ report: Report, figures: ReportFigures) -> [String: String] {
        let a = report.accounts
        let t = a.threePublic.actual
        var out: [String: String] = [
            "c_unit": a.unit.rawValue,
            "c_grand": figures.grandTotal.shown.description,
            "c_approp": figures.appropriation.expenditure.shown.description,
            "c_basic": (figures.expenditureKinds[.basic]?.shown ?? .zero).description,
            "c_project": (figures.expenditureKinds[.project]?.shown ?? .zero).description,
            "c_overseas": t.overseas.value.description,
            "c_vpurchase": t.vehiclePurchase.value.description,
            "c_voperation": t.vehicleOperation.value.description,
            "c_reception": t.reception.value.description,
            "c_three": figures.threePublicActual.total.shown.description,
            "c_agency": a.agencyOperatingCost.amount.value.description,
        ]
        out["c_grand_rate"] = rate(figures.grandTotalChange)
        out["c_three_rate"] = rate(figures.threePublicChange)
        out["c_agency_rate"] = rate(figures.agencyOperatingCostChange)
        return out
    }

    /// A signed growth rate in percent ("+12.34", "-5.00", "0.00"); "新增" when last year was zero and
    /// this year is not; "" when last year's figure was not published.
    static func rate(_ change: YearOnYear) -> String {
        guard let c = change.change else { return "" }
        guard let rate = c.rate else { return c.current.isZero ? "0.00" : "新增" }
        switch c.direction {
        case .increase: return "+" + Derived.percent(rate)
        case .decrease: return "-" + Derived.percent(rate)
        case .unchanged: return "0.00"
        }
    }
}
