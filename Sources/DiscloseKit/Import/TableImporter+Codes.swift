import DiscloseCore

/// The tables listed by 支出功能分类科目 (类/款/项): 支出决算表, the 财政拨款 and fund tables, 收入决算表.
extension TableImporter {
    /// Amounts by code and column key, as one sheet printed them (类 and 款 lines include their 项).
    struct CodeTable {
        var values: [String: [String: DecimalNumber]] = [:]
        var rows: [String: String] = [:]
        var totals: [String: DecimalNumber] = [:]
        var totalsRow: Int?
        var sheet: String = ""
        /// The cell of each amount: code → column key → "sheet!A1"; and of each total.
        var cells: [String: [String: String]] = [:]
        var totalCells: [String: String] = [:]
        /// Columns whose 合计 cell is blank (read as 0, stating nothing).
        var blankTotals: Set<String> = []
        /// The name printed beside each code.
        var names: [String: String] = [:]
        /// The unit the sheet printed its amounts in.
        var unit: MoneyUnit = .wanYuan

        /// Codes with no parent in the table: what the 合计 row adds up.
        var topCodes: [String] {
            values.keys.filter { code in !values.keys.contains { $0.count < code.count && code.hasPrefix($0) } }.sorted()
        }

        func hasChildren(_ code: String) -> Bool {
            values.keys.contains { $0.count > code.count && $0.hasPrefix(code) }
        }

        /// Each code's own amounts: its line minus the lines of its children, so that a table listing
        /// 类, 款 and 项 gives one entry per 项 (and per 类 or 款 that has money of its own).
        func own() -> (values: [String: [String: DecimalNumber]], negative: [String]) {
            var result: [String: [String: DecimalNumber]] = [:]
            var negative: [String] = []
            let codes = values.keys.sorted()
            for code in codes {
                let children = codes.filter { child in
                    child.count > code.count && child.hasPrefix(code)
                        && !codes.contains { $0.count > code.count && $0.count < child.count && child.hasPrefix($0) && $0.hasPrefix(code) }
                }
                // The 合计 column is the line's own sum: a 类 total printed otherwise than its rows is a
                // stated subtotal (functional_stated), never money of its own.
                var mine = (values[code] ?? [:]).filter { $0.key != "total" }
                for child in children {
                    for (key, value) in values[child] ?? [:] where key != "total" { mine[key] = (mine[key] ?? .zero) - value }
                }
                if children.isEmpty || mine.values.contains(where: { !$0.isZero }) {
                    if mine.values.contains(where: \.isNegative) { negative.append(code) }
                    result[code] = mine
                }
            }
            return (result, negative)
        }
    }

    /// The column key a header path stands for in a table of this layout.
    static func codeColumnKey(_ path: [String], layout: TableLayout) -> String? {
        guard let last = path.last else { return nil }
        let full = path.joined()
        if layout == .income {
            if last.contains("合计") { return "total" }
            if last.contains("一般公共预算") { return "general_budget" }
            if last.contains("政府性基金") { return "government_fund" }
            if last.contains("国有资本") { return "state_capital" }
            if last.contains("财政拨款") { return "appropriation" }
            if last.contains("上级补助") { return "superior_subsidy" }
            if last.contains("事业收入") { return "business" }
            if last.contains("经营收入") { return "operating" }
            if last.contains("附属单位") { return "subordinate_remittance" }
            if last.contains("其他收入") { return "other" }
            return nil
        }
        if full.contains("年初") { return "open" }
        if full.contains("年末") { return "close" }
        if last.contains("基本支出") { return "basic" }
        if last.contains("项目支出") { return "project" }
        if last.contains("上缴上级") { return "remit_to_superior" }
        if last.contains("经营支出") { return "operating" }
        if last.contains("对附属单位补助") { return "subsidy_to_subordinates" }
        if full.contains("本年收入") { return "income" }
        if last.contains("合计") || last.contains("小计") { return "total" }
        if full.contains("预算") && !full.contains("决算") { return "budget" }
        return nil
    }

    mutating func readCodeTable(_ grid: SheetGrid, layout: TableLayout) {
        let lei = grid.columns { $0.last == "类" }.first
        let kuan = grid.columns { $0.last == "款" }.first
        let xiang = grid.columns { $0.last == "项" }.first
        let codeColumns = [lei, kuan, xiang].compactMap { $0 }
        let fullCode = codeColumns.isEmpty ? grid.columns { $0.contains { $0.contains("编码") } }.first : nil
        let name = grid.columns { path in path.contains { $0.contains("科目名称") || $0 == "项目" } }.first
        let skip = Set(codeColumns + [fullCode, name].compactMap { $0 })
        var keys: [(column: Int, key: String)] = []
        for c in grid.paths.indices where !skip.contains(c) {
            if let key = Self.codeColumnKey(grid.paths[c], layout: layout) { keys.append((c, key)) }
        }
        unusedColumns(grid, used: skip.union(keys.map(\.column)))
        var table = codeTables[layout] ?? CodeTable()
        table.sheet = grid.sheet.name
        table.unit = grid.unit ?? unit
        for r in grid.bodyRows {
            var code: String
            if !codeColumns.isEmpty {
                code = Self.code(lei: lei.map { grid.sheet.cell(r, $0) } ?? "", kuan: kuan.map { grid.sheet.cell(r, $0) } ?? "",
                                 xiang: xiang.map { grid.sheet.cell(r, $0) } ?? "")
            } else if let fullCode {
                code = SheetGrid.clean(grid.sheet.cell(r, fullCode))
            } else {
                code = ""
            }
            let mapped = decisions.code(code, sheet: grid.sheet.name)
            if mapped != code {
                plan.kept.append(Message(zh: "按 import.yaml 把 \(grid.sheet.rowReference(r)) 的科目 \(code) 记为 \(mapped)。",
                                         en: "code \(code) of \(grid.sheet.rowReference(r)) read as \(mapped), as import.yaml says."))
                code = mapped
            }
            let label = ([name] + codeColumns.map { $0 } + [fullCode]).compactMap { $0 }.map { grid.text(r, $0) }.first { !$0.isEmpty } ?? ""
            if grid.sheet.rows[r].allSatisfy({ SheetGrid.clean($0).isEmpty }) { continue }
            guard SheetGrid.isCode(code) else {
                let l = SheetGrid.label(label)
                if l == "合计" || l == "总计" || l.hasPrefix("本年") && l.hasSuffix("合计") {
                    table.totalsRow = r
                    for (c, key) in keys {
                        if let v = amount(grid, r, c) {
                            table.totals[key] = v
                            table.totalCells[key] = grid.sheet.reference(r, c)
                            if grid.sheet.cell(r, c).isEmpty { table.blankTotals.insert(key) }
                        }
                    }
                } else if !code.isEmpty && code.allSatisfy(\.isNumber) {
                    plan.notice(.unplaced, grid.sheet.rowReference(r), zh: "科目编码“\(code)”不是 3、5 或 7 位，该行未导入。",
                                en: "code '\(code)' is not 3, 5 or 7 digits; row not imported.")
                } else {
                    unplacedRow(grid, r, label: label)
                }
                continue
            }
            if table.values[code] != nil {
                plan.notice(.conflict, grid.sheet.rowReference(r), zh: "科目 \(code) 在本表出现两次，只采用第一次（\(table.rows[code]!)）。",
                            en: "code \(code) appears twice in this table; the first (\(table.rows[code]!)) is used.")
                continue
            }
            var values: [String: DecimalNumber] = [:]
            for (c, key) in keys {
                if let v = amount(grid, r, c) {
                    values[key] = v
                    if !grid.sheet.cell(r, c).isEmpty { table.cells[code, default: [:]][key] = grid.sheet.reference(r, c) }
                }
            }
            table.values[code] = values
            table.rows[code] = grid.sheet.rowReference(r)
            if let name { table.names[code] = SheetGrid.label(grid.text(r, name)) }
        }
        codeTables[layout] = table
        recordFundTotals(layout, table)
        compareTotals(table)
        if table.values.isEmpty && layout != .income && table.totals.values.contains(where: { !$0.isZero }) {
            plan.notice(.unplaced, grid.sheet.name, zh: "本表合计行有金额，但没有科目行。", en: "the totals row has amounts but the table lists no 科目.")
        }
    }

    /// 类 "201", 款 "32" or "20132", 项 "01" or "2013201" → "2013201".
    static func code(lei: String, kuan: String, xiang: String) -> String {
        let l = SheetGrid.clean(lei), k = SheetGrid.clean(kuan), x = SheetGrid.clean(xiang)
        if x.count == 7 { return x }
        if k.count == 5 { return x.isEmpty ? k : k + x }
        return l + k + x
    }

    /// The totals rows that carry figures of their own: expenditure by type, fund carry-overs.
    mutating func recordFundTotals(_ layout: TableLayout, _ table: CodeTable) {
        guard let row = table.totalsRow else { return }
        let fallback = "\(table.sheet)!\(row + 1):\(row + 1)"
        func set(_ path: [String], _ key: String) {
            if let v = table.totals[key] { plan.set(path, v, from: table.totalCells[key] ?? fallback) }
        }
        switch layout {
        case .expenditure:
            for key in ["basic", "project", "remit_to_superior", "operating", "subsidy_to_subordinates"] { set(["expenditure", key], key) }
            set(["expenditure", "total"], "total")
        case .governmentFund, .stateCapital:
            let fund = layout == .governmentFund ? "government_fund" : "state_capital"
            set(["appropriation", "carryover_beginning", fund], "open")
            set(["income", fund], "income")
            set(["appropriation", "carryover_ending", fund], "close")
        case .income, .appropriationDetail, .generalBudget, .generalBudgetDetail, .generalBudgetProject, .stateCapitalExpenditure,
             .incomeExpenditureSummary, .appropriationSummary, .generalBudgetBasic, .generalBudgetThreePublic,
             .governmentFundThreePublic, .threePublic, .agencyAssetsProcurement:
            // Their totals rows repeat the sum of their lines: nothing of their own to record.
            break
        }
    }

    // MARK: Assembling `functional`

    /// One `functional` row per code and fund: 一般公共预算, 政府性基金 and 国有资本经营 amounts come from
    /// their own tables; what the 支出决算表 has beyond them is 非财政拨款 (`other`).
    mutating func assembleFunctional() {
        let general = codeTables[.generalBudget] ?? codeTables[.generalBudgetDetail]
        let detail = codeTables[.generalBudgetDetail]
        let fundTables: [(Fund, CodeTable?)] = [
            (.generalBudget, general), (.governmentFund, codeTables[.governmentFund]),
            (.stateCapital, codeTables[.stateCapitalExpenditure] ?? codeTables[.stateCapital]),
        ]
        let all = codeTables[.expenditure]
        guard all != nil || fundTables.contains(where: { $0.1 != nil }) else { return }
        let amountKeys = ["basic", "project", "remit_to_superior", "operating", "subsidy_to_subordinates"]
        var owned: [Fund: [String: [String: DecimalNumber]]] = [:]
        for (fund, table) in fundTables {
            guard let table else { continue }
            let (values, negative) = table.own()
            owned[fund] = values
            for code in negative { negativeNotice(table, code) }
        }
        let budgets = detail?.own().values ?? [:]
        var codes = Set(owned.values.flatMap(\.keys))
        var other: [String: [String: DecimalNumber]] = [:]
        if let all {
            let (values, negative) = all.own()
            for code in negative { negativeNotice(all, code) }
            // A code of a 财政拨款 table that the 支出决算表 does not list, and one of the 支出决算表 that no
            // 财政拨款 table lists while such strays exist: the sheets disagree on the code. Neither is
            // re-booked to another fund; both are reported.
            let fundTablesPresent = fundTables.filter { $0.1 != nil }
            var strays: [String] = []
            for (fund, table) in fundTablesPresent {
                for code in table!.values.keys.sorted() where all.values[code] == nil {
                    strays.append(code)
                    plan.notice(.conflict, table!.rows[code] ?? table!.sheet,
                                zh: "科目 \(code)（\(fund.label)）在 \(table!.sheet) 中有，支出决算表（\(all.sheet)）中没有；按 \(table!.sheet) 所列导入，请核对科目编码。",
                                en: "code \(code) (\(fund.label)) is in \(table!.sheet) but not in the 支出决算表 (\(all.sheet)); imported as \(table!.sheet) states it; check the code.")
                }
            }
            codes.formUnion(values.keys)
            for (code, line) in values {
                let inFunds = fundTablesPresent.contains { $0.1!.values[code] != nil }
                if !strays.isEmpty && !inFunds && !fundTablesPresent.isEmpty {
                    unbooked.insert(code)
                    codes.remove(code)
                    plan.notice(.conflict, all.rows[code] ?? all.sheet,
                                zh: "科目 \(code) 在 \(all.sheet) 中有，各财政拨款支出表中没有（它们另有 \(strays.joined(separator: "、"))）；该行未导入，也未记为非财政拨款支出。请改正科目编码，或在 import.yaml 中记下对应关系。",
                                en: "code \(code) is in \(all.sheet) but in no 财政拨款 table (they have \(strays.joined(separator: ", ")) instead); the line is not imported nor booked as non-appropriation spending. Fix the code or map it in import.yaml.")
                    continue
                }
                var rest = line
                for fund in Fund.appropriations {
                    for (key, v) in owned[fund]?[code] ?? [:] where amountKeys.contains(key) { rest[key] = (rest[key] ?? .zero) - v }
                }
                if let key = amountKeys.first(where: { (rest[$0] ?? .zero).isNegative }) {
                    let cells = fundTablesPresent.compactMap { $0.1!.cells[code]?[key] }
                    let funds = DecimalNumber.sum(Fund.appropriations.map { owned[$0]?[code]?[key] ?? .zero })
                    unbooked.insert(code)
                    plan.notice(.conflict, all.cells[code]?[key] ?? all.rows[code] ?? all.sheet,
                                zh: "科目 \(code) 的\(Self.keyLabel(key))：\(all.cells[code]?[key] ?? all.sheet) 为 \(ImportPlan.yaml(line[key] ?? .zero))，小于财政拨款各表（\(cells.joined(separator: "、"))）之和 \(ImportPlan.yaml(funds))；按财政拨款表导入，非财政拨款部分未导入。",
                                en: "code \(code) \(key): \(all.cells[code]?[key] ?? all.sheet) is \(ImportPlan.yaml(line[key] ?? .zero)), less than the 财政拨款 tables (\(cells.joined(separator: ", "))) add up to, \(ImportPlan.yaml(funds)); the non-appropriation part is not imported.")
                    continue
                }
                if rest.contains(where: { amountKeys.contains($0.key) && !$0.value.isZero }) && !nonAppropriationMoneyPossible() {
                    // The 总表 says the unit had no money but 财政拨款: spending beyond the 财政拨款 tables is a
                    // mismatch between the sheets, not non-appropriation spending.
                    unbooked.insert(code)
                    if !inFunds { codes.remove(code) }
                    let extra = amountKeys.compactMap { key in rest[key].flatMap { $0.isZero ? nil : "\(Self.keyLabel(key)) \(ImportPlan.yaml($0))" } }
                    plan.notice(.conflict, all.rows[code] ?? all.sheet,
                                zh: "科目 \(code) 在 \(all.sheet) 中比各财政拨款支出表多出 \(extra.joined(separator: "、"))，但收入支出决算总表没有非财政拨款收入或结转结余；未记为非财政拨款支出，请核对两表。",
                                en: "code \(code) spends \(extra.joined(separator: ", ")) more in \(all.sheet) than in the 财政拨款 tables, but the 总表 shows no non-appropriation income or balance; not booked as non-appropriation spending.")
                    continue
                }
                other[code] = rest
            }
        }
        var items: [ImportPlan.Item] = []
        for code in codes.sorted() {
            let lines: [(Fund, [String: DecimalNumber])] = Fund.allCases.compactMap { fund in
                (fund == .other ? other[code] : owned[fund]?[code]).map { (fund, $0) }
            }
            let nonZero = lines.filter { line in amountKeys.contains { !(line.1[$0] ?? .zero).isZero } }
            // A line of zeros is still a line of the table: keep one row for it.
            for (fund, line) in nonZero.isEmpty ? Array(lines.prefix(1)) : nonZero {
                var fields: [(key: String, value: String)] = [("code", ImportPlan.yaml(code: code)), ("fund", fund.rawValue)]
                for key in amountKeys {
                    let v = line[key] ?? .zero
                    if key == "basic" || key == "project" || !v.isZero { fields.append((key, ImportPlan.yaml(v))) }
                }
                if fund == .generalBudget, let budget = budgets[code]?["budget"], !budget.isZero {
                    fields.append(("budget", ImportPlan.yaml(budget)))
                }
                let table = fund == .other ? all : fundTables.first { $0.0 == fund }?.1
                items.append(ImportPlan.Item(fields: fields, sources: table?.rows[code].map { [$0] } ?? [], title: "\(code) \(fund.label)"))
            }
        }
        plan.lists.append(ImportPlan.List(path: ["functional"], identity: ["code", "fund"], defaults: ["fund": Fund.generalBudget.rawValue],
                                          preferFlow: false, items: items))
        for (fund, key) in [(Fund.governmentFund, TableLayout.governmentFund), (.stateCapital, .stateCapital)] {
            guard let table = codeTables[key] else { continue }
            let carry = table.own().values.filter { entry in ["open", "income", "close"].contains { !(entry.value[$0] ?? .zero).isZero } }
            let rows = carry.keys.sorted().map { code in
                ImportPlan.Item(fields: [("code", ImportPlan.yaml(code: code)),
                                         ("carryover_beginning", ImportPlan.yaml(carry[code]!["open"] ?? .zero)),
                                         ("income", ImportPlan.yaml(carry[code]!["income"] ?? .zero)),
                                         ("carryover_ending", ImportPlan.yaml(carry[code]!["close"] ?? .zero))],
                                sources: table.rows[code].map { [$0] } ?? [], title: code)
            }
            plan.lists.append(ImportPlan.List(path: [fund.rawValue, "by_code"], identity: ["code"], preferFlow: true, items: rows))
        }
    }

    /// Whether the 收入支出决算总表 leaves room for money other than 财政拨款 (non-appropriation income,
    /// balances used, or a carry-over beyond the 财政拨款 one). Unknown (no 总表) counts as possible.
    func nonAppropriationMoneyPossible() -> Bool {
        func scalar(_ path: [String]) -> DecimalNumber? { plan.scalars.first { $0.path == path }.flatMap { DecimalNumber($0.value) } }
        let sources = ["superior_subsidy", "business", "operating", "subordinate_remittance", "other"].map { scalar(["income", $0]) }
        guard sources.allSatisfy({ $0 != nil }) else { return true }
        if sources.contains(where: { !$0!.isZero }) { return true }
        if let used = scalar(["income", "non_appropriation_balance_used"]), !used.isZero { return true }
        guard let opening = scalar(["income", "carryover_beginning"]) else { return true }
        let appropriation = Fund.appropriations.compactMap { scalar(["appropriation", "carryover_beginning", $0.rawValue]) }
        return opening > DecimalNumber.sum(appropriation)
    }

    static func keyLabel(_ key: String) -> String {
        ["basic": "基本支出", "project": "项目支出", "remit_to_superior": "上缴上级支出", "operating": "经营支出",
         "subsidy_to_subordinates": "对附属单位补助支出", "total": "合计", "budget": "预算数", "open": "年初结转和结余",
         "income": "本年收入", "close": "年末结转和结余"][key] ?? key
    }

    mutating func negativeNotice(_ table: CodeTable, _ code: String) {
        plan.notice(.conflict, table.rows[code] ?? table.sheet, zh: "科目 \(code) 的金额小于其下级科目之和。",
                    en: "code \(code) is less than the sum of the codes under it.")
    }

    // MARK: 收入决算表

    /// `income_by_function` from the 收入决算表. Its 财政拨款收入 column does not say which fund: the
    /// fund of the code's 财政拨款 spending is taken (一般公共预算 when there is none or several).
    mutating func assembleIncomeByFunction() {
        guard let table = codeTables[.income] else { return }
        let (values, negative) = table.own()
        for code in negative { negativeNotice(table, code) }
        let spending = plan.lists.first { $0.path == ["functional"] }?.items ?? []
        let sources = IncomeStatement.Source.allCases.map(\.rawValue)
        var items: [ImportPlan.Item] = []
        for code in values.keys.sorted() {
            var line = values[code]!
            if let appropriation = line.removeValue(forKey: "appropriation"), !appropriation.isZero {
                let funds = Set(spending.filter { $0.fields.first?.value == ImportPlan.yaml(code: code) }.compactMap { item in
                    item.fields.first { $0.key == "fund" }?.value }.filter { $0 != Fund.other.rawValue })
                let fund = funds.count == 1 ? funds.first! : Fund.generalBudget.rawValue
                if funds.count > 1 {
                    plan.notice(.assumption, table.rows[code] ?? table.sheet, zh: "科目 \(code) 的财政拨款收入记为一般公共预算财政拨款收入（该科目有多种财政拨款支出）。",
                                en: "code \(code): its 财政拨款 income is taken as 一般公共预算 (it has several appropriation funds).")
                }
                line[fund] = (line[fund] ?? .zero) + appropriation
            }
            let fields = sources.compactMap { key in line[key].flatMap { $0.isZero ? nil : (key, ImportPlan.yaml($0)) } }
            guard !fields.isEmpty else { continue }
            items.append(ImportPlan.Item(fields: [("code", ImportPlan.yaml(code: code))] + fields, sources: table.rows[code].map { [$0] } ?? [], title: code))
        }
        plan.lists.append(ImportPlan.List(path: ["income_by_function"], identity: ["code"], preferFlow: false, items: items))
    }
}
