import DiscloseCore

/// Totals and subtotals as the sheets print them (the content's `functional_stated`,
/// `basic_expenditure.<group>.stated_classes`, `appropriation.stated`, the 三公 subtotals): kept where
/// they differ from the sum of the rows imported, so that the site shows them as printed and the
/// checker reports the difference. One equal to the sum needs no record: the sum is what is shown.
extension TableImporter {
    /// The fund scope of each functional table (FundScope raw values).
    static let scopeOfLayout: [TableLayout: FundScope] = [
        .expenditure: .all, .appropriationDetail: .appropriations, .generalBudget: .generalBudget,
        .generalBudgetDetail: .generalBudget, .generalBudgetProject: .generalBudget,
        .governmentFund: .governmentFund, .stateCapital: .stateCapital, .stateCapitalExpenditure: .stateCapital,
    ]

    static let statedColumns = ["total", "basic", "project", "remit_to_superior", "operating", "subsidy_to_subordinates", "budget"]

    /// The functional rows the plan writes: code, fund and amounts.
    func plannedFunctionalRows() -> [(code: String, fund: String, values: [String: DecimalNumber])] {
        (plan.lists.first { $0.path == ["functional"] }?.items ?? []).map { item in
            var values: [String: DecimalNumber] = [:]
            var code = "", fund = Fund.generalBudget.rawValue
            for field in item.fields {
                if field.key == "code" { code = ImportPlan.unquoted(field.value) } else if field.key == "fund" { fund = field.value }
                else if let v = DecimalNumber(field.value) { values[field.key] = v }
            }
            return (code, fund, values)
        }
    }

    static func inScope(_ fund: String, _ scope: FundScope) -> Bool {
        switch scope {
        case .all: return true
        case .appropriations: return fund != Fund.other.rawValue
        case .generalBudget, .governmentFund, .stateCapital: return fund == scope.rawValue
        }
    }

    mutating func assembleStated() {
        let rows = plannedFunctionalRows()
        func derived(_ code: String?, _ scope: FundScope, _ key: String) -> DecimalNumber {
            let lines = rows.filter { (code == nil || $0.code.hasPrefix(code!)) && Self.inScope($0.fund, scope) }
            if key == "total" {
                return DecimalNumber.sum(lines.flatMap { line in Self.statedColumns.filter { $0 != "total" && $0 != "budget" }.compactMap { line.values[$0] } })
            }
            return DecimalNumber.sum(lines.compactMap { $0.values[key] })
        }
        var items: [ImportPlan.Item] = []
        var index: [String: Int] = [:]
        var seen: Set<String> = []
        func add(_ code: String?, _ scope: FundScope, _ values: [String: DecimalNumber], _ cells: [String: String]) {
            let identity = "\(code ?? "")|\(scope.rawValue)"
            for key in Self.statedColumns {
                guard let value = values[key], let cell = cells[key], seen.insert("\(identity)|\(key)").inserted else { continue }
                plan.statedSeen[identity, default: [:]][key] = ImportPlan.yaml(value)
                guard value != derived(code, scope, key) else { continue }
                plan.reaccount(cell, .imported("functional_stated \(code ?? "合计") \(scope.rawValue) \(key)"))
                if index[identity] == nil {
                    var head: [(key: String, value: String)] = code.map { [("code", ImportPlan.yaml(code: $0))] } ?? []
                    head.append(("fund", scope.rawValue))
                    index[identity] = items.count
                    items.append(ImportPlan.Item(fields: head, sources: [], title: "\(code ?? "合计") \(scope.rawValue)"))
                }
                items[index[identity]!].fields.append((key, ImportPlan.yaml(value)))
                items[index[identity]!].sources.append(cell)
            }
        }
        // The detail tables first: where a 总表 prints the same line, the detail table's figure is kept.
        for layout: TableLayout in [.expenditure, .generalBudget, .generalBudgetDetail, .governmentFund, .stateCapitalExpenditure,
                                    .stateCapital, .appropriationDetail, .generalBudgetProject] {
            guard let table = codeTables[layout], let scope = Self.scopeOfLayout[layout] else { continue }
            // A table read only to compare (the second 一般公共预算 table) states the same lines.
            for code in table.values.keys.sorted() where table.hasChildren(code) {
                add(code, scope, table.values[code]!, table.cells[code] ?? [:])
            }
            if table.totalsRow != nil && !table.values.isEmpty {
                add(nil, scope, table.totals, table.totalCells.filter { !table.blankTotals.contains($0.key) })
            }
        }
        for line in statedClassLines {
            add(line.code, line.fund.map(FundScope.init) ?? .all, ["total": line.value], ["total": line.cell])
        }
        if !items.isEmpty || codeTables.keys.contains(where: { Self.scopeOfLayout[$0] != nil }) {
            plan.lists.append(ImportPlan.List(path: ["functional_stated"], identity: ["code", "fund"], defaults: ["fund": Fund.generalBudget.rawValue],
                                              preferFlow: true, items: items))
        }
        assembleStatedClasses()
        assembleStatedAppropriation()
    }

    /// The 301/302… rows of the 基本支出决算表 where they differ from their 款 rows.
    mutating func assembleStatedClasses() {
        guard basicRead, basicItems.contains(where: { $0.amount != nil }) else { return }
        var groups: [String: [ImportPlan.Item]] = [:]
        let codes = Set(basicItems.map(\.code))
        for item in basicItems where item.code.count == 3 {
            guard let amount = item.amount else { continue }
            let children = basicItems.filter { $0.code.count > 3 && $0.code.hasPrefix(item.code) }
            guard !children.isEmpty, codes.contains(item.code) else { continue }
            let sum = DecimalNumber.sum(children.compactMap(\.amount))
            guard amount != sum else { continue }
            let group = item.code.hasPrefix("301") || item.code.hasPrefix("303") ? "personnel" : "public"
            plan.reaccount(item.source, .imported("basic_expenditure.\(group).stated_classes \(item.code)"))
            groups[group, default: []].append(ImportPlan.Item(fields: [("code", ImportPlan.yaml(code: item.code)), ("amount", ImportPlan.yaml(amount))],
                                                              sources: [item.source], title: item.code))
        }
        for group in ["personnel", "public"] {
            plan.lists.append(ImportPlan.List(path: ["basic_expenditure", group, "stated_classes"], identity: ["code"], preferFlow: true,
                                              items: groups[group] ?? []))
        }
    }

    /// The 合计 and 总计 rows of the 财政拨款收入支出决算总表 where they differ from their parts.
    mutating func assembleStatedAppropriation() {
        guard !appropriationTotals.isEmpty else { return }
        func scalar(_ path: [String]) -> DecimalNumber? { plan.scalars.first { $0.path == path }.flatMap { DecimalNumber($0.value) } }
        let funds = Fund.appropriations.map(\.rawValue)
        let income = DecimalNumber.sum(funds.compactMap { scalar(["income", $0]) })
        let opening = DecimalNumber.sum(funds.compactMap { scalar(["appropriation", "carryover_beginning", $0]) })
        let closing = DecimalNumber.sum(funds.compactMap { scalar(["appropriation", "carryover_ending", $0]) })
        // As the 财政拨款收入支出决算总表 derives them (ReportFigures): each fund's 本年支出 is its stated
        // 合计 line where one is kept, and a total kept as stated is what the 总计 adds.
        let stated = plan.lists.first { $0.path == ["functional_stated"] }?.items ?? []
        let rows = plannedFunctionalRows()
        let spending = DecimalNumber.sum(Fund.appropriations.map { fund -> DecimalNumber in
            let line = stated.first { item in !item.fields.contains { $0.key == "code" } && item.fields.contains { $0 == ("fund", fund.rawValue) } }
            if let total = line?.fields.first(where: { $0.key == "total" }).flatMap({ DecimalNumber($0.value) }) { return total }
            return DecimalNumber.sum(rows.filter { $0.fund == fund.rawValue }.flatMap { row in
                Self.statedColumns.filter { $0 != "total" && $0 != "budget" }.compactMap { row.values[$0] } })
        })
        var shown: [String: DecimalNumber] = [:]
        func keep(_ key: String, derived: DecimalNumber) {
            guard let stated = appropriationTotals[key] else { shown[key] = derived; return }
            shown[key] = stated.value
            guard stated.value != derived else { return }
            plan.set(["appropriation", "stated", key], stated.value, from: stated.cell)
            plan.reaccount(stated.cell, .imported("appropriation.stated.\(key)"))
        }
        keep("income_total", derived: income)
        keep("carryover_beginning", derived: opening)
        keep("carryover_ending", derived: closing)
        keep("expenditure_total", derived: spending)
        keep("income_grand_total", derived: shown["income_total"]! + shown["carryover_beginning"]!)
        keep("expenditure_grand_total", derived: shown["expenditure_total"]! + shown["carryover_ending"]!)
    }
}
