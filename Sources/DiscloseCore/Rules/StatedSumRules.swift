/// Totals and subtotals as the source prints them (`functional_stated`, `stated_classes`,
/// `appropriation.stated`), each compared with the sum of the content rows it stands for, under the
/// same 尾差 rule as every other sum: equal, a ROUNDING-TAIL warning within the rounding interval, an
/// error beyond it (or a UNIT-MAGNITUDE error where one figure typed in the wrong unit explains it).
enum StatedSumRules {
    static let all: [ReconciliationRule] = [statedSum]

    /// Every stated figure of the report with its label.
    static func stated(_ f: ReportFigures) -> [(zh: String, en: String, figure: ReportFigure)] {
        var out: [(String, String, ReportFigure)] = []
        for scope in FundScope.allCases {
            guard let totals = f.functional[scope] else { continue }
            for line in [totals.total] + totals.lines where line.stated != nil {
                for column in FunctionalColumn.allCases where column != .budget || line.budgetComplete {
                    let figure = line.figure(column)
                    guard figure.stated != nil else { continue }
                    let place = line.code.map { "科目 \($0)" } ?? "合计"
                    out.append(("支出功能分类（\(scope.rawValue)）\(place) \(column.rawValue)", "functional (\(scope.rawValue)) \(line.code ?? "total") \(column.rawValue)", figure))
                }
            }
        }
        for (group, zh) in [(f.personnel, "人员经费"), (f.publicExpenses, "公用经费")] {
            for line in group.lines {
                guard let figure = line.figure, figure.stated != nil else { continue }
                out.append(("\(zh)经济分类 \(line.code)", "economic \(line.code)", figure))
            }
        }
        let a = f.appropriation
        for (zh, en, figure) in [("财政拨款本年收入合计", "appropriation income", a.income), ("财政拨款本年支出合计", "appropriation spending", a.expenditure),
                                 ("年初财政拨款结转和结余", "opening appropriation balance", a.carryoverBeginning),
                                 ("年末财政拨款结转和结余", "closing appropriation balance", a.carryoverEnding),
                                 ("财政拨款收入总计", "appropriation grand total (income side)", a.grandTotal),
                                 ("财政拨款支出总计", "appropriation grand total (spending side)", a.expenditureGrandTotal)] where figure.stated != nil {
            out.append((zh, en, figure))
        }
        return out
    }

    static let statedSum = ReconciliationRule(
        "STATED-SUM", .stated, .error,
        title: Message(zh: "表上印出的合计、小计 = 其明细之和（尾差规则）", en: "Printed totals and subtotals = the sum of their rows (the 尾差 rule)"),
        description: Message(
            zh: "内容中按原表记录的合计与小计（functional_stated、stated_classes、appropriation.stated）保留原样，不被替换为算出的和；每一个都与它所代表的明细之和比较：相等则通过，差在舍入区间 (n + 1) × 0.005 之内为 ROUNDING-TAIL 警告（并指出应调整的数），超出为错误。",
            en: "Totals and subtotals recorded as the source prints them are kept as printed, never replaced by the computed sum; each is compared with the sum of the rows it stands for: equal passes, within (n + 1) × 0.005 is a ROUNDING-TAIL warning naming the figure to adjust, beyond it an error."),
        example: "“支出功能分类（general_budget）科目 201 total”为 152.36，但其明细之和为 152.63，相差 -0.27。"
    ) { c in
        stated(c.figures).compactMap { zh, en, figure in
            guard let printed = figure.stated else { return nil }
            return Finding.sum("STATED-SUM", total: printed, parts: figure.sources, totalZh: zh, totalEn: en, partsZh: "其明细", partsEn: "its rows")
        }
    }
}
