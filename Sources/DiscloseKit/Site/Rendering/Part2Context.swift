import DiscloseCore

/// The numbers and words the Part 2 sentence templates (Templates/part2/*.mustache) receive.
/// Every figure comes from `ReportFigures` (stated where the content records one); templates only
/// choose the wording.
struct Part2Context {
    let figures: ReportFigures
    let unitName: String
    let codes: CodeList?

    var report: Report { figures.report }

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
    static func change(_ yearOnYear: YearOnYear) -> [String: Any] {
        guard let c = yearOnYear.change else { return ["hasPrevious": false] }
        let previous = c.previous
        var out: [String: Any] = ["hasPrevious": true, "previous": m(previous), "delta": m(c.delta.magnitude),
                                  "increase": c.direction == .increase, "decrease": c.direction == .decrease,
                                  "unchanged": c.direction == .unchanged, "changed": c.direction != .unchanged]
        if let rate = c.rate { out["rate"] = Derived.percent(rate); out["hasRate"] = true } else { out["hasRate"] = false }
        return out
    }

    static func completion(_ completion: BudgetCompletion) -> [String: Any] {
        let actual = completion.actual
        guard let budget = completion.budget else { return ["hasBudget": false] }
        guard let rate = completion.rate else { return ["hasBudget": true, "zeroBudget": true, "budget": m(budget)] }
        let diff = actual - budget
        return ["hasBudget": true, "zeroBudget": false, "budget": m(budget), "completion": Derived.percent(rate),
                "over": diff > .zero, "under": diff.isNegative, "equal": diff.isZero]
    }

    func base() -> [String: Any] {
        ["year": report.year, "previousYear": report.previousYear, "unit": unitWord, "unitName": unitName,
         "subject": report.kind == .department ? "本部门" : "本单位", "kind": report.kind.rawValue,
         "budgetWord": a.budgetBasis ?? "预算"]
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
        let f = figures
        switch slot {
        case .total:
            return merged(["grandTotal": m(f.grandTotal.shown), "change": Self.change(f.grandTotalChange),
                           "incomeTotal": m(f.incomeTotal.shown), "expenditureTotal": m(f.expenditureTotal.shown),
                           "separate": a.previous.grandTotal == nil && (a.previous.incomeTotal != nil || a.previous.expenditureTotal != nil),
                           "incomeChange": Self.change(f.incomeTotalChange),
                           "expenditureChange": Self.change(f.expenditureTotalChange),
                           "reason": Self.reason(reasons[.totalChange]?.value) as Any])
        case .income:
            let items = IncomeStatement.Source.allCases.map { ($0.label, f.incomeSources[$0]!.shown) }
            return merged(["total": m(f.incomeTotal.shown), "items": Self.shareItems(items, of: f.incomeTotal.shown),
                           "completion": Self.completion(f.incomeCompletion),
                           "reason": Self.reason(reasons[.incomeBudgetDifference]?.value) as Any])
        case .expenditure:
            let items = ExpenditureStatement.Kind.allCases.map { ($0.label, f.expenditureKinds[$0]!.shown) }
            return merged(["total": m(f.expenditureTotal.shown), "items": Self.shareItems(items, of: f.expenditureTotal.shown),
                           "completion": Self.completion(f.expenditureCompletion),
                           "reason": Self.reason(reasons[.expenditureBudgetDifference]?.value) as Any])
        case .appropriation:
            return merged(["total": m(f.appropriation.grandTotal.shown), "change": Self.change(f.appropriationChange),
                           "reason": Self.reason(reasons[.appropriationChange]?.value) as Any])
        case .generalBudgetOverall:
            return merged(["amount": m(f.generalBudget.shown), "share": Derived.percent(f.generalBudgetShare),
                           "change": Self.change(f.spendingChange(.generalBudget)),
                           "reason": Self.reason(reasons[.generalBudgetChange]?.value) as Any])
        case .generalBudgetStructure:
            let gpb = f.generalBudget.shown
            let classes = f.generalBudgetClasses.map { (codes?[$0.code!]?.name ?? $0.code!, $0.shown(.total)) }
            return merged(["amount": m(gpb), "items": Self.shareItems(classes, of: gpb)])
        case .generalBudgetItems:
            let rows = a.functional.filter { $0.fund == .generalBudget }
            // Zero policy: no sentence about a class that spent 0.00 with no budget either. `allItems` keeps
            // them for a template that asks; `zeroNames` names them.
            var items: [[String: Any]] = [], allItems: [[String: Any]] = [], zeroNames: [String] = []
            for row in rows.sorted(by: { $0.code.value < $1.code.value }) {
                let path = codes?.path(of: row.code.value) ?? []
                let names = path.enumerated().map { i, c in "\(c.name)（\(["类", "款", "项"][min(i, 2)])）" }.joined()
                let amount = f.rowTotal(row).shown
                let item: [String: Any] = ["number": allItems.count + 1, "code": row.code.value, "names": names.isEmpty ? row.code.value : names,
                                           "amount": m(amount), "completion": Self.completion(BudgetCompletion(actual: amount, budget: row.budget?.value)),
                                           "reason": Self.reason(row.reason?.value) as Any, "purpose": Self.reason(row.purpose?.value) as Any]
                allItems.append(item)
                if amount.isZero, row.budget?.value.isZero ?? true, row.reason == nil {
                    zeroNames.append(names.isEmpty ? row.code.value : names)
                } else {
                    items.append(item.merging(["number": items.count + 1]) { _, b in b })
                }
            }
            return merged(["amount": m(f.generalBudget.shown), "completion": Self.completion(f.generalBudgetCompletion), "items": items, "allItems": allItems,
                           "zeroNames": zeroNames.joined(separator: "、"), "hasZeroItems": !zeroNames.isEmpty])
        case .basic:
            let b = a.basic
            let names = { (g: BasicExpenditure.Group) in
                g.items.compactMap { item -> String? in
                    let code = item.code.value
                    return CodeLists.bundled.list(.economic, year: report.year)?[code]?.name
                }.joined(separator: "、")
            }
            return merged(["amount": m(f.generalBudgetBasic.shown), "personnel": m(f.personnel.total.shown), "personnelItems": names(b.personnel),
                           "publicLabel": b.publicExpenses.label ?? "公用经费", "public": m(f.publicExpenses.total.shown), "publicItems": names(b.publicExpenses)])
        case .threePublicOverall:
            let t = a.threePublic
            let total = f.threePublicActual.total.shown
            return merged(["amount": m(total), "completion": Self.completion(f.threePublicCompletion),
                           "change": Self.change(f.threePublicChange),
                           "budgetReason": Self.reason(t.reasons["budget_difference"]?.value) as Any,
                           "changeReason": Self.reason(t.reasons["change"]?.value) as Any, "none": total.isZero])
        case .threePublicItems:
            return merged(threePublicItems())
        case .governmentFund, .stateCapital:
            let fund: Fund = slot == .governmentFund ? .governmentFund : .stateCapital
            let change = f.spendingChange(fund)
            let reason = slot == .governmentFund ? reasons[.governmentFundChange] : reasons[.stateCapitalChange]
            return merged(["amount": m(change.current.shown), "none": change.current.shown.isZero, "change": Self.change(change),
                           "reason": Self.reason(reason?.value) as Any])
        case .agencyOperatingCost:
            let c = a.agencyOperatingCost
            return merged(["amount": m(c.amount.value), "change": Self.change(figures.agencyOperatingCostChange),
                           "reason": Self.reason(c.reason?.value) as Any, "note": Self.reason(c.note?.value) as Any])
        case .procurement:
            let p = a.procurement
            var out: [String: Any] = ["total": m(p.total.value), "goods": m(p.goods.value), "works": m(p.works.value), "services": m(p.services.value),
                                      "purpose": Self.reason(p.purpose) as Any, "hasSME": p.sme != nil]
            if let sme = p.sme {
                out["sme"] = m(sme.value)
                out["smeShare"] = Derived.percent(ReportFigures.share(sme.value, of: p.total.value))
            }
            if let micro = p.micro {
                out["micro"] = m(micro.value)
                out["microShare"] = Derived.percent(ReportFigures.share(micro.value, of: p.total.value))
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
            return merged(["date": date, "total": figures.assetVehicles, "vehicles": vehicles, "equipment": equipment])
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

    func threePublicItems() -> [String: Any] {
        let t = a.threePublic
        func item(_ item: ReportFigures.ThreePublicItem, reason: String?) -> [String: Any] {
            ["amount": Self.m(figures.threePublicActual(item).shown), "share": Derived.percent(figures.threePublicShare(item)),
             "completion": Self.completion(figures.threePublicCompletion(item)), "change": Self.change(figures.threePublicChange(item)),
             "reason": Self.reason(reason) as Any]
        }
        let purchased = t.vehiclesPurchased.map { ["type": $0.model, "count": $0.count.value.intValue, "amount": Self.m($0.amount?.value ?? .zero)] as [String: Any] }
        let held = t.vehiclesHeld.enumerated().map { i, v in ["type": v.model, "count": v.count.value.intValue, "last": i == t.vehiclesHeld.count - 1] as [String: Any] }
        let d = t.domesticReception, f = t.foreignReception
        return [
            "none": figures.threePublicActual.total.shown.isZero,
            "overseas": item(.overseas, reason: t.reasons["overseas"]?.value),
            "groups": t.overseasGroups.map { $0.value.intValue } ?? 0, "persons": t.overseasPersons.map { $0.value.intValue } ?? 0,
            "vehicle": item(.vehicle, reason: t.reasons["vehicle"]?.value),
            "vehiclePurchase": Self.m(t.actual.vehiclePurchase.value), "vehicleOperation": Self.m(t.actual.vehicleOperation.value),
            "purchased": purchased, "hasPurchased": !purchased.isEmpty,
            "purchasedCount": figures.vehiclesPurchased,
            "held": held, "hasHeld": !held.isEmpty, "heldCount": figures.vehiclesHeld,
            "operationPurpose": Self.reason(t.vehicleOperationPurpose) as Any,
            "reception": item(.reception, reason: t.reasons["reception"]?.value),
            "domestic": ["amount": Self.m(d.amount.value), "batches": d.batches?.value.intValue as Any, "hasBatches": d.batches != nil, "persons": d.persons.value.intValue,
                         "purpose": Self.reason(d.purpose) as Any,
                         "items": d.items.enumerated().map { i, it in ["purpose": it.purpose, "persons": it.persons as Any, "amount": Self.m(it.amount.value), "last": i == d.items.count - 1] as [String: Any] },
                         "hasItems": !d.items.isEmpty] as [String: Any],
            "foreign": ["amount": Self.m(f.amount.value), "batches": f.batches?.value.intValue as Any, "hasBatches": f.batches != nil, "persons": f.persons.value.intValue] as [String: Any],
        ]
    }
}
