/// Figures out of line by a factor of ten thousand — 元 typed where 万元 belongs, or the reverse — and
/// percentages that cannot be computed or that hide a non-zero part. Real published reports carry
/// both: 机关运行经费 559800 (元) in a 万元 table, printed as “增长827761.58%”.
enum MagnitudeRules {
    static let all: [ReconciliationRule] = [unitSlip, zeroBase, sharePrecision]

    static let tenThousand = DecimalNumber(10000)
    static let thousand = DecimalNumber(1000)

    /// `value` converted as if it had been typed in the other unit: 元 → 万元 divides by 10,000.
    static func rescaled(_ value: DecimalNumber, smaller: Bool) -> DecimalNumber {
        smaller ? (DecimalNumber.divide(value, by: tenThousand, decimals: 6) ?? value) : value * tenThousand
    }

    /// Only a figure that is still a real amount after conversion can be a slip: dividing 1.00 by
    /// 10,000 makes it vanish, which would "explain" any sum that is off by about that figure.
    static func plausible(_ value: DecimalNumber, smaller: Bool) -> Bool {
        let corrected = rescaled(value, smaller: smaller)
        return !corrected.rounded(to: 2).isZero && !value.rounded(to: 2).isZero
    }

    /// A failing sum that one figure typed in the wrong unit explains: that figure, and its value in
    /// the report's unit. Tried for each part and for the total, in both directions.
    static func slip(total: Figure, parts: [Figure]) -> (figure: Figure, corrected: DecimalNumber, isTotal: Bool)? {
        let values = parts.map(\.value)
        let sum = DecimalNumber.sum(values)
        let interval = Tolerance.sumInterval(parts: parts.count) + DecimalNumber(mantissa: 5, scale: 3)
        for smaller in [true, false] {
            for part in parts where plausible(part.value, smaller: smaller) {
                let corrected = rescaled(part.value, smaller: smaller)
                if (sum - part.value + corrected - total.value).magnitude <= interval {
                    return (part, corrected, false)
                }
            }
            if plausible(total.value, smaller: smaller) {
                let corrected = rescaled(total.value, smaller: smaller)
                if (sum - corrected).magnitude <= interval { return (total, corrected, true) }
            }
        }
        return nil
    }

    /// The finding for a sum a unit slip explains: one error at the slipped figure.
    static func slipFinding(_ id: RuleID, total: Figure, parts: [Figure], totalZh: String, totalEn: String) -> Diagnostic? {
        guard let (figure, corrected, isTotal) = slip(total: total, parts: parts) else { return nil }
        let asYuan = corrected < figure.value.magnitude
        let what = isTotal ? "合计“\(totalZh)”" : "“\(totalZh)”的分项"
        return Diagnostic(.error, "UNIT-MAGNITUDE", at: figure.location, path: figure.path, Message(
            zh: "\(what)（第 \(figure.location.line) 行）为 \(Finding.money(figure.value))，与\(isTotal ? "分项之和" : "合计及其他分项")相差约一万倍，像是把\(asYuan ? "以元为单位的数填进了万元栏" : "以万元为单位的数填进了元栏")；按\(asYuan ? "万元" : "元")应为 \(Finding.money(corrected))，此时 \(id) 的求和一致。",
            en: "\(isTotal ? "the total" : "a part of") '\(totalEn)' (line \(figure.location.line)) is \(Finding.money(figure.value)), about ten thousand times out of line: it looks like \(asYuan ? "元 typed where 万元 belongs" : "万元 typed where 元 belongs"); as \(asYuan ? "万元" : "元") it is \(Finding.money(corrected)), and \(id) adds up."),
            expected: Finding.money(corrected), actual: Finding.money(figure.value),
            related: ([total] + parts).filter { $0.location != figure.location }.map(\.location))
    }

    /// This year's and last year's figure of the same item, as the report states them.
    static func yearPairs(_ c: RuleContext) -> [(label: String, current: Figure, previous: Figure)] {
        let a = c.accounts
        var pairs: [(String, Figure, Figure?)] = [
            ("收、支总计", a.income.grandTotal, a.previous.grandTotal),
            ("本年收入合计", a.income.total, a.previous.incomeTotal),
            ("本年支出合计", a.expenditure.total, a.previous.expenditureTotal),
            ("机关运行经费", a.agencyOperatingCost.amount, a.agencyOperatingCost.previous),
        ]
        if let p = a.threePublic.previous {
            let t = a.threePublic.actual
            pairs += [("因公出国（境）费", t.overseas, p.overseas), ("公务用车购置费", t.vehiclePurchase, p.vehiclePurchase),
                      ("公务用车运行维护费", t.vehicleOperation, p.vehicleOperation), ("公务接待费", t.reception, p.reception)]
        }
        return pairs.compactMap { label, current, previous in previous.map { (label, current, $0) } }
    }

    static let unitSlip = ReconciliationRule(
        "UNIT-MAGNITUDE", .within, .error,
        title: Message(zh: "元与万元混填（差一万倍）", en: "元 typed as 万元, or the reverse"),
        description: Message(
            zh: "一个数与上年数相差一千倍以上（较大的一方不少于 100 万元），或一个求和规则不成立、而把其中一个数按一万倍换算（元↔万元）后恰好成立时，报告为错误，指向这个数并给出换算后的值。这样一个填错单位的数只报一次，而不是让每个用到它的求和各报一次（该求和规则不再另报）。求和成立（合计也按错数加总）时，同级科目（同一款下的各项、人员经费或公用经费的各经济分类科目）中一个不少于 100 万元的数是其他科目中位数的一千倍以上，且另有元的迹象（本行预算数或上年数小一千倍以上，或为不少于 100000 的整数而比每个同级科目大一千倍以上），也报告为错误。真实存在的小额科目（0.01 与 500 并列）不因此报错。",
            en: "A figure at least 1,000 times its last-year value (the larger being at least 100 万元), or a failing sum that holds once one of its figures is converted by 10,000 (元↔万元), is an error at that figure with the converted value. The slip is reported once, instead of by every sum it breaks (that sum rule does not report it again). Where the sum holds (the total was added up with the slip), a row of at least 100 万元 that is 1,000 times the median of its siblings (the 项 of one 款, the economic items of 人员经费 or 公用经费) is an error too when a second sign of 元 is present: its own budget or last year's row 1,000 times smaller, or a whole number of at least 100,000 that is 1,000 times every sibling. A genuinely small row (0.01 beside 500) does not trigger it."),
        example: "“机关运行经费”为 559800.00，上年为 67.62，相差约 8278 倍，像是把以元为单位的数填进了万元栏；按万元应为 55.98。"
    ) { c in
        var out: [Diagnostic] = []
        for (label, current, previous) in yearPairs(c) where !current.value.isZero && !previous.value.isZero {
            let (large, small) = current.value.magnitude > previous.value.magnitude ? (current, previous) : (previous, current)
            let largeInWan = Amount(large.value.magnitude, c.unit).inWanYuan
            guard largeInWan >= DecimalNumber(100), large.value.magnitude >= small.value.magnitude * thousand else { continue }
            let times = DecimalNumber.divide(large.value.magnitude, by: small.value.magnitude, decimals: 0) ?? .zero
            let corrected = rescaled(large.value, smaller: c.unit == .wanYuan)
            let which = large.location == current.location ? "" : "上年"
            out.append(Diagnostic(.error, "UNIT-MAGNITUDE", at: large.location, path: large.path, Message(
                zh: "\(which)“\(label)”为 \(Finding.money(large.value))，\(which.isEmpty ? "上年" : "本年")为 \(Finding.money(small.value))，相差约 \(times) 倍，像是把\(c.unit == .wanYuan ? "以元为单位的数填进了万元栏；按万元应为" : "以万元为单位的数当作元填写；按元应为") \(Finding.money(corrected))。",
                en: "\(which.isEmpty ? "" : "last year's ")'\(label)' is \(Finding.money(large.value)) against \(Finding.money(small.value)) (about \(times) times): it looks like \(c.unit == .wanYuan ? "元 typed where 万元 belongs" : "万元 typed where 元 belongs"); converted it is \(Finding.money(corrected))."),
                expected: Finding.money(corrected), actual: Finding.money(large.value), related: [small.location]))
        }
        return out + siblingSlips(c)
    }

    /// One row among its siblings (the 项 of one 款, the 经济分类 items of 人员经费 or 公用经费) at least
    /// 1,000 times the median of the others while the sum above it still holds (the total was added up
    /// with the slip in it). Siblings can differ that much genuinely — 行政运行 2,000 beside a 0.50 row —
    /// so out-of-line alone is not enough; one more sign of 元 is required: the same row last year or its
    /// own budget 1,000 times smaller, or a value no 项 of a department reaches in 万元 (≥ 100,000 with no
    /// cents, i.e. a whole number of 元 beside peers 1,000 times smaller). Only the large direction: in
    /// the reverse (万元 typed as 元 makes a row tiny) a slip looks like a genuinely small row.
    static func siblingSlips(_ c: RuleContext) -> [Diagnostic] {
        guard c.unit == .wanYuan else { return [] }
        struct Row { let label: String; let figure: Figure; let value: DecimalNumber; let budget: DecimalNumber?; let code: String? }
        var groups: [[Row]] = []
        // The 项 lines of the 支出决算表 (every fund), as ReportFigures sums them: lines come in code
        // order, so the 项 after a 款 line are its children. Last year's lines the same way.
        // Last year's figures are worked out only for a row that needs them (rare: a row far out of line).
        var previousTotals: FunctionalTotals??
        func previous(_ code: String?) -> DecimalNumber? {
            guard let code else { return nil }
            if previousTotals == nil { previousTotals = .some(c.previousFigures.map { $0.functional[.all]! }) }
            return previousTotals!?.line(code)?.derived(.total)
        }
        func siblings(_ totals: FunctionalTotals, _ make: (FunctionalLine) -> Row?) -> [[Row]] {
            var out: [[Row]] = [], current: [Row] = []
            for line in totals.lines {
                if line.level < 2 {
                    if !current.isEmpty { out.append(current) }
                    current = []
                } else if let row = make(line) {
                    current.append(row)
                }
            }
            if !current.isEmpty { out.append(current) }
            return out
        }
        groups += siblings(c.figures.functional[.all]!) { line in
            // The figure that carries the amount: the largest of the line's content figures.
            let figures = line.rows.flatMap { row in ExpenditureStatement.Kind.allCases.compactMap { row.kinds[$0] } }
            guard let code = line.code, let largest = figures.max(by: { $0.value.magnitude < $1.value.magnitude }) else { return nil }
            return Row(label: code, figure: largest, value: line.derived(.total), budget: line.totalBudget, code: code)
        }
        for group in [c.accounts.basic.personnel, c.accounts.basic.publicExpenses] {
            groups.append(group.items.compactMap { item in
                item.amount.map { Row(label: item.code.value, figure: $0, value: $0.value, budget: nil, code: nil) }
            })
        }
        var out: [Diagnostic] = []
        for rows in groups {
            for row in rows {
                let others = rows.filter { $0.figure.location != row.figure.location && !$0.value.isZero }.map(\.value.magnitude).sorted()
                guard others.count >= 2, row.value >= DecimalNumber(100) else { continue }
                let median = others[others.count / 2]
                guard row.value >= median * thousand else { continue }
                let outOfLine: (DecimalNumber?) -> Bool = { other in other.map { !$0.isZero && row.value >= $0.magnitude * thousand } ?? false }
                let wholeYuan = row.value >= DecimalNumber(100000) && row.value.rounded(to: 0) == row.value && row.value >= others.last! * thousand
                let last = outOfLine(row.budget) || wholeYuan ? nil : previous(row.code)
                guard outOfLine(row.budget) || outOfLine(last) || wholeYuan else { continue }
                let corrected = rescaled(row.figure.value, smaller: true)
                let times = DecimalNumber.divide(row.value, by: median, decimals: 0) ?? .zero
                let sign = outOfLine(row.budget) ? "，本行预算数为 \(Finding.money(row.budget!))" : outOfLine(last) ? "，上年为 \(Finding.money(last!))" : ""
                out.append(Diagnostic(.error, "UNIT-MAGNITUDE", at: row.figure.location, path: row.figure.path, Message(
                    zh: "科目 \(row.label) 为 \(Finding.money(row.value))，是同级其他科目（中位数 \(Finding.money(median))）的约 \(times) 倍\(sign)，像是把以元为单位的数填进了万元栏；按万元应为 \(Finding.money(corrected))（合计也应随之改正）。",
                    en: "\(row.label) is \(Finding.money(row.value)), about \(times) times the median of its siblings (\(Finding.money(median))): it looks like 元 typed where 万元 belongs; as 万元 it is \(Finding.money(corrected)) (and the totals above it change with it)."),
                    expected: Finding.money(corrected), actual: Finding.money(row.figure.value),
                    related: rows.filter { $0.figure.location != row.figure.location }.map(\.figure.location)))
            }
        }
        return out
    }

    static let zeroBase = ReconciliationRule(
        "TEXT-ZERO-BASE", .text, .error,
        title: Message(zh: "以 0 为基数的增减率", en: "A change rate over a zero base"),
        description: Message(
            zh: "上年数为 0（或句中的增加额等于本年数，即基数为 0）时，增减率没有意义（“增加0.40万元，增长100%”）。应只写增减额，或说明上年无此项支出。",
            en: "A change rate over a last-year figure of zero (or where the stated increase equals this year's figure) means nothing ('增加0.40万元，增长100%'); state the amount only."),
        example: "“公务接待费”写为增长 100%，但上年为 0.00，增长率无法计算；应只写增加额。"
    ) { c in
        var out: [Diagnostic] = []
        let claims = TextRules.claims(c)
        for (claim, text) in claims {
            guard case .rate(let value, let sign) = claim.kind else { continue }
            let current = claim.statedCurrent ?? claim.fact.current
            let statedDelta: DecimalNumber? = claims.lazy.compactMap { other, _ -> DecimalNumber? in
                guard other.line == claim.line, other.text == claim.text, other.fact.label == claim.fact.label,
                      case .change(let v, let u, _) = other.kind else { return nil }
                return Amount(v, u).inWanYuan
            }.first
            let base = statedDelta.map { sign > 0 ? current - $0 : current + $0 } ?? claim.fact.previous
            guard let base, base.isZero else { continue }
            out.append(Diagnostic(.error, "TEXT-ZERO-BASE", at: TextRules.location(claim, text), Message(
                zh: "“\(claim.fact.label)”写为\(sign > 0 ? "增长" : "下降") \(value)%，但上年为 0.00，增减率无法计算；应只写增减额（或写明上年无此项）。",
                en: "'\(claim.fact.label)' is said to change by \(value)%, but last year's figure is 0.00: there is no rate; state the amount only."),
                expected: nil, actual: value.description, related: claim.fact.location.map { [$0] } ?? []))
        }
        return out
    }

    static let sharePrecision = ReconciliationRule(
        "TEXT-SHARE-PRECISION", .text, .warning,
        title: Message(zh: "占比 100% 或 0% 掩盖了非零的部分", en: "A share of 100% or 0% hides a non-zero part"),
        description: Message(
            zh: "“占100%”而另有非零的部分，或“占0%”而该项不为 0：按打印精度四舍五入并不算错，但读者会以为没有其他来源或没有这项支出。请多写一位或两位小数（如 99.98%、0.02%）。",
            en: "'100%' while another part is not zero, or '0%' for a non-zero item: correct after rounding, but readers take it literally. Print the decimals the figures need (99.98%, 0.02%)."),
        example: "“财政拨款收入”写为占 100%，但另有 0.14 的其他收入；请写到足以显示差别的精度（如 99.99%）。"
    ) { c in
        var out: [Diagnostic] = []
        for (claim, text) in TextRules.claims(c) {
            guard case .share(let value, let explicit) = claim.kind, let whole = TextRules.base(claim, explicit, c),
                  !whole.isZero else { continue }
            let part = claim.statedCurrent ?? claim.fact.current
            let full = value == DecimalNumber(100) && part != whole && !part.isZero
            let none = value.isZero && !part.isZero
            guard full || none else { continue }
            let exact = DecimalNumber.percentage(part, of: whole, decimals: 4) ?? .zero
            out.append(Diagnostic(.warning, "TEXT-SHARE-PRECISION", at: TextRules.location(claim, text), Message(
                zh: "“\(claim.fact.label)”写为占 \(value)%，但 \(Finding.money(part)) ÷ \(Finding.money(whole)) = \(exact)%：\(full ? "另有非零的部分" : "该项并不为 0")。请写到能显示差别的精度。",
                en: "'\(claim.fact.label)' is given as \(value)%, but \(Finding.money(part)) / \(Finding.money(whole)) = \(exact)%: \(full ? "another part is not zero" : "the item is not zero"). Print more decimals."),
                expected: exact.description, actual: value.description, related: claim.fact.location.map { [$0] } ?? []))
        }
        return out
    }
}
