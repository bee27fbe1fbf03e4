import DiscloseCore

/// The numbers and words the Part 2 sentence templates (Templates/part2/*.mustache) receive.
/// Every figure is derived from the data; templates only choose the wording.
struct Part2Context {
    let report: Report
    let unitName: String
    let codes: CodeList?

    var a: FinalAccounts { report.accounts }
    var unitWord: String { a.unit.rawValue }

    static func m(_ d: DecimalNumber) -> String { Derived.money(d) }
    func m(_ d: DecimalNumber) -> String { Derived.money(d) }

    /// Inline Markdown of a reason, as HTML ending with a full stop.
    static func reason(_ text: String?) -> String? {
        guard var t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        if let last = t.last, !"。！？.!?".contains(last) { t += "。" }
        return MarkdownRenderer.inlineHTML(t)
    }

    /// `change`, `increase`/`decrease`/`unchanged`, `delta`, `rate` for a figure and last year's.
    static func change(_ current: DecimalNumber, _ previous: DecimalNumber?) -> [String: Any] {
        guard let previous else { return ["hasPrevious": false] }
        let c = Derived.Change(current: current, previous: previous)
        var out: [String: Any] = ["hasPrevious": true, "previous": m(previous), "delta": m(c.delta.magnitude),
                                  "increase": c.direction == .increase, "decrease": c.direction == .decrease,
                                  "unchanged": c.direction == .unchanged, "changed": c.direction != .unchanged]
        if let rate = c.rate { out["rate"] = Derived.percent(rate); out["hasRate"] = true } else { out["hasRate"] = false }
        return out
    }

    static func completion(_ actual: DecimalNumber, _ budget: DecimalNumber?) -> [String: Any] {
        guard let budget else { return ["hasBudget": false] }
        guard let rate = Derived.completion(actual, budget: budget) else { return ["hasBudget": true, "zeroBudget": true, "budget": m(budget)] }
        let diff = actual - budget
        return ["hasBudget": true, "zeroBudget": false, "budget": m(budget), "completion": Derived.percent(rate),
                "over": diff > .zero, "under": diff.isNegative, "equal": diff.isZero]
    }

    func base() -> [String: Any] {
        ["year": report.year, "previousYear": report.previousYear, "unit": unitWord, "unitName": unitName,
         "subject": report.kind == .department ? "本部门" : "本单位", "kind": report.kind.rawValue]
    }

    func merged(_ extra: [String: Any]) -> [String: Any] { base().merging(extra) { _, b in b } }

    /// Items of a share list ("其中：… x万元，占 y%；…"), non-zero only, with `last` marking the final one.
    static func shareItems(_ items: [(String, DecimalNumber)], of whole: DecimalNumber) -> [[String: Any]] {
        let shown = items.filter { !$0.1.isZero }
        return shown.enumerated().map { i, item in
            ["label": item.0, "amount": m(item.1), "share": Derived.visibleShare(item.1, of: whole), "last": i == shown.count - 1]
        }
    }

    func context(for slot: ParagraphSlot) -> [String: Any] {
        let reasons = a.reasons
        switch slot {
        case .total:
            return merged(["grandTotal": m(a.income.grandTotal.value), "change": Self.change(a.income.grandTotal.value, a.previous.grandTotal?.value),
                           "incomeTotal": m(a.income.total.value), "expenditureTotal": m(a.expenditure.total.value),
                           "separate": a.previous.grandTotal == nil && (a.previous.incomeTotal != nil || a.previous.expenditureTotal != nil),
                           "incomeChange": Self.change(a.income.total.value, a.previous.incomeTotal?.value),
                           "expenditureChange": Self.change(a.expenditure.total.value, a.previous.expenditureTotal?.value),
                           "reason": Self.reason(reasons[.totalChange]?.value) as Any])
        case .income:
            let items = IncomeStatement.Source.allCases.map { ($0.label, a.income.amount($0).value) }
            return merged(["total": m(a.income.total.value), "items": Self.shareItems(items, of: a.income.total.value),
                           "completion": Self.completion(a.income.total.value, a.income.budget?.value),
                           "reason": Self.reason(reasons[.incomeBudgetDifference]?.value) as Any])
        case .expenditure:
            let items = ExpenditureStatement.Kind.allCases.map { ($0.label, a.expenditure.amount($0).value) }
            return merged(["total": m(a.expenditure.total.value), "items": Self.shareItems(items, of: a.expenditure.total.value),
                           "completion": Self.completion(a.expenditure.total.value, a.expenditure.budget?.value),
                           "reason": Self.reason(reasons[.expenditureBudgetDifference]?.value) as Any])
        case .appropriation:
            let income = Fund.appropriations.map { a.income.amount(IncomeStatement.Source(rawValue: $0.rawValue)!).value }.reduce(DecimalNumber.zero, +)
            let opening = a.appropriation.carryoverBeginning.values.map(\.value).reduce(DecimalNumber.zero, +)
            let total = income + opening
            return merged(["total": m(total), "change": Self.change(total, a.previous.appropriationTotal?.value),
                           "reason": Self.reason(reasons[.appropriationChange]?.value) as Any])
        case .generalBudgetOverall:
            let gpb = spending(.generalBudget)
            return merged(["amount": m(gpb), "share": Derived.percent(Derived.share(gpb, of: a.expenditure.total.value)),
                           "change": Self.change(gpb, a.previous.generalBudgetExpenditure?.value),
                           "reason": Self.reason(reasons[.generalBudgetChange]?.value) as Any])
        case .generalBudgetStructure:
            let gpb = spending(.generalBudget)
            return merged(["amount": m(gpb), "items": Self.shareItems(classes().map { ($0.name, $0.amount) }, of: gpb)])
        case .generalBudgetItems:
            let rows = a.functional.filter { $0.fund == .generalBudget }
            let budgets = rows.compactMap(\.budget?.value)
            let totalBudget = budgets.count == rows.count && !rows.isEmpty ? budgets.reduce(DecimalNumber.zero, +) : nil
            let gpb = spending(.generalBudget)
            // Zero policy: no sentence about a class that spent 0.00 with no budget either. `allItems` keeps
            // them for a template that asks; `zeroNames` names them.
            var items: [[String: Any]] = [], allItems: [[String: Any]] = [], zeroNames: [String] = []
            for row in rows.sorted(by: { $0.code.value < $1.code.value }) {
                let path = codes?.path(of: row.code.value) ?? []
                let names = path.enumerated().map { i, c in "\(c.name)（\(["类", "款", "项"][min(i, 2)])）" }.joined()
                let amount = row.total(unit: a.unit).value
                let item: [String: Any] = ["number": allItems.count + 1, "code": row.code.value, "names": names.isEmpty ? row.code.value : names,
                                           "amount": m(amount), "completion": Self.completion(amount, row.budget?.value),
                                           "reason": Self.reason(row.reason?.value) as Any]
                allItems.append(item)
                if amount.isZero, row.budget?.value.isZero ?? true, row.reason == nil {
                    zeroNames.append(names.isEmpty ? row.code.value : names)
                } else {
                    items.append(item.merging(["number": items.count + 1]) { _, b in b })
                }
            }
            return merged(["amount": m(gpb), "completion": Self.completion(gpb, totalBudget), "items": items, "allItems": allItems,
                           "zeroNames": zeroNames.joined(separator: "、"), "hasZeroItems": !zeroNames.isEmpty])
        case .basic:
            let b = a.basic
            let names = { (g: BasicExpenditure.Group) in
                g.items.compactMap { item -> String? in
                    let code = item.code.value
                    return CodeLists.bundled.list(.economic, year: report.year)?[code]?.name
                }.joined(separator: "、")
            }
            return merged(["amount": m(spending(.generalBudget, .basic)), "personnel": m(b.personnel.total.value), "personnelItems": names(b.personnel),
                           "publicLabel": b.publicExpenses.label ?? "公用经费", "public": m(b.publicExpenses.total.value), "publicItems": names(b.publicExpenses)])
        case .threePublicOverall:
            let t = a.threePublic
            let previous = t.previous.flatMap { p -> DecimalNumber? in
                let items = [p.overseas, p.vehiclePurchase, p.vehicleOperation, p.reception]
                return items.allSatisfy { $0 != nil } ? items.compactMap { $0?.value }.reduce(DecimalNumber.zero, +) : nil
            }
            return merged(["amount": m(t.actual.total.value), "completion": Self.completion(t.actual.total.value, t.budget.total.value),
                           "change": Self.change(t.actual.total.value, previous),
                           "budgetReason": Self.reason(t.reasons["budget_difference"]?.value) as Any,
                           "changeReason": Self.reason(t.reasons["change"]?.value) as Any, "none": t.actual.total.value.isZero])
        case .threePublicItems:
            return merged(threePublicItems())
        case .governmentFund, .stateCapital:
            let fund: Fund = slot == .governmentFund ? .governmentFund : .stateCapital
            let amount = spending(fund)
            let previous = slot == .governmentFund ? a.previous.governmentFundExpenditure : a.previous.stateCapitalExpenditure
            let reason = slot == .governmentFund ? reasons[.governmentFundChange] : reasons[.stateCapitalChange]
            return merged(["amount": m(amount), "none": amount.isZero, "change": Self.change(amount, previous?.value),
                           "reason": Self.reason(reason?.value) as Any])
        case .agencyOperatingCost:
            let c = a.agencyOperatingCost
            return merged(["amount": m(c.amount.value), "change": Self.change(c.amount.value, c.previous?.value),
                           "reason": Self.reason(c.reason?.value) as Any, "note": Self.reason(c.note?.value) as Any])
        case .procurement:
            let p = a.procurement
            var out: [String: Any] = ["total": m(p.total.value), "goods": m(p.goods.value), "works": m(p.works.value), "services": m(p.services.value),
                                      "purpose": Self.reason(p.purpose) as Any, "hasSME": p.sme != nil]
            if let sme = p.sme {
                out["sme"] = m(sme.value)
                out["smeShare"] = Derived.percent(Derived.share(sme.value, of: p.total.value))
            }
            if let micro = p.micro {
                out["micro"] = m(micro.value)
                out["microShare"] = Derived.percent(Derived.share(micro.value, of: p.total.value))
                out["hasMicro"] = true
            }
            return merged(out)
        case .assets:
            let s = a.assets
            let vehicles = s.vehicles.enumerated().map { i, v in
                ["type": v.type, "count": v.count.value.intValue, "purpose": v.purpose as Any, "last": i == s.vehicles.count - 1] as [String: Any]
            }
            let equipment = s.equipment.enumerated().map { i, e in
                ["type": e.type, "count": e.count.value.intValue, "last": i == s.equipment.count - 1] as [String: Any]
            }
            let asOf = s.asOf ?? "\(report.year)-12-31"
            let parts = asOf.split(separator: "-")
            let date = parts.count == 3 ? "\(parts[0])年\(Int(parts[1]) ?? 12)月\(Int(parts[2]) ?? 31)日" : asOf
            return merged(["date": date, "total": s.vehicleTotal, "vehicles": vehicles, "equipment": equipment])
        case .performanceManagement:
            guard let p = report.performance else { return merged(["none": true]) }
            let mg = p.management
            let projects = p.projects.filter { $0.summary != nil }.enumerated().map { i, pr in
                ["number": i + 1, "name": pr.name, "summary": Self.reason(pr.summary) as Any] as [String: Any]
            }
            return merged(["exAnte": mg.exAnteAssessed.map { $0.value.intValue } as Any, "withTargets": mg.withTargets.value.intValue,
                           "monitored": mg.monitored.value.intValue, "selfEvaluated": mg.selfEvaluated.value.intValue,
                           "evaluated": mg.evaluated.map { $0.value.intValue } as Any,
                           "score": mg.overallSelfScore.map { $0.value.description } as Any, "summary": Self.reason(mg.summary) as Any,
                           "projects": projects, "hasProjects": !projects.isEmpty, "projectCount": projects.count])
        }
    }

    func spending(_ fund: Fund, _ kind: ExpenditureStatement.Kind? = nil) -> DecimalNumber {
        RuleContext(report: report, previousReport: nil, functionalCodes: nil).spending(fund: fund, kind: kind)
    }

    /// 类 of the general budget with their totals, in code order.
    func classes() -> [(code: String, name: String, amount: DecimalNumber)] {
        var sums: [String: DecimalNumber] = [:]
        for row in a.functional where row.fund == .generalBudget {
            let cls = String(row.code.value.prefix(3))
            sums[cls, default: .zero] = sums[cls, default: .zero] + row.total(unit: a.unit).value
        }
        return sums.keys.sorted().map { ($0, codes?[$0]?.name ?? $0, sums[$0]!) }
    }

    func threePublicItems() -> [String: Any] {
        let t = a.threePublic
        let total = t.actual.total.value
        let p = t.previous
        let vehiclePrev: DecimalNumber? = {
            guard let p, let x = p.vehiclePurchase, let y = p.vehicleOperation else { return nil }
            return x.value + y.value
        }()
        func item(_ actual: DecimalNumber, _ budget: DecimalNumber, _ previous: DecimalNumber?, reason: String?) -> [String: Any] {
            ["amount": Self.m(actual), "share": Derived.percent(Derived.share(actual, of: total)),
             "completion": Self.completion(actual, budget), "change": Self.change(actual, previous), "reason": Self.reason(reason) as Any]
        }
        let purchased = t.vehiclesPurchased.map { ["type": $0.model, "count": $0.count.value.intValue, "amount": Self.m($0.amount?.value ?? .zero)] as [String: Any] }
        let held = t.vehiclesHeld.enumerated().map { i, v in ["type": v.model, "count": v.count.value.intValue, "last": i == t.vehiclesHeld.count - 1] as [String: Any] }
        let d = t.domesticReception, f = t.foreignReception
        return [
            "overseas": item(t.actual.overseas.value, t.budget.overseas.value, p?.overseas?.value, reason: t.reasons["overseas"]?.value),
            "groups": t.overseasGroups.map { $0.value.intValue } ?? 0, "persons": t.overseasPersons.map { $0.value.intValue } ?? 0,
            "vehicle": item(t.actual.vehicle.value, t.budget.vehicle.value, vehiclePrev, reason: t.reasons["vehicle"]?.value),
            "vehiclePurchase": Self.m(t.actual.vehiclePurchase.value), "vehicleOperation": Self.m(t.actual.vehicleOperation.value),
            "purchased": purchased, "hasPurchased": !purchased.isEmpty,
            "purchasedCount": t.vehiclesPurchased.reduce(0) { $0 + $1.count.value.intValue },
            "held": held, "hasHeld": !held.isEmpty, "heldCount": t.vehiclesHeld.reduce(0) { $0 + $1.count.value.intValue },
            "operationPurpose": Self.reason(t.vehicleOperationPurpose) as Any,
            "reception": item(t.actual.reception.value, t.budget.reception.value, p?.reception?.value, reason: t.reasons["reception"]?.value),
            "domestic": ["amount": Self.m(d.amount.value), "batches": d.batches.value.intValue, "persons": d.persons.value.intValue,
                         "purpose": Self.reason(d.purpose) as Any,
                         "items": d.items.enumerated().map { i, it in ["purpose": it.purpose, "persons": it.persons as Any, "amount": Self.m(it.amount.value), "last": i == d.items.count - 1] as [String: Any] },
                         "hasItems": !d.items.isEmpty] as [String: Any],
            "foreign": ["amount": Self.m(f.amount.value), "batches": f.batches.value.intValue, "persons": f.persons.value.intValue] as [String: Any],
        ]
    }
}
