import DiscloseCore

/// The tables of labelled lines: 收入支出决算总表, 财政拨款收入支出决算总表, and 机关运行经费、资产占用情况
///及政府采购支出信息表. Lines are matched by their words, with the numbering (一、 （一）) ignored.
extension TableImporter {
    /// Side by side "项目 | 决算数" column groups; `side` is 收入 or 支出 from the header above.
    struct LabelGroup {
        var label: Int
        var values: [Int]
        var income: Bool
    }

    func labelGroups(_ grid: SheetGrid) -> [LabelGroup] {
        let starts = grid.columns { ($0.last ?? "").hasPrefix("项目") && !($0.last ?? "").contains("支出") }
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1] : grid.paths.count
            let values = (start + 1..<end).filter { c in !grid.paths[c].contains { $0 == "行次" || $0 == "栏次" } }
            let top = grid.paths[start].first ?? ""
            let income = top.contains("收入") ? true : top.contains("支出") ? false : index == 0
            return LabelGroup(label: start, values: values, income: income)
        }
    }

    static let incomeLines: [(String, [String])] = IncomeStatement.Source.allCases.map { ($0.label, ["income", $0.rawValue]) } + [
        ("本年收入合计", ["income", "total"]), ("使用非财政拨款结余", ["income", "non_appropriation_balance_used"]),
        ("年初结转和结余", ["income", "carryover_beginning"]), ("总计", ["income", "grand_total"]), ("收入总计", ["income", "grand_total"]),
    ]

    static let expenditureLines: [(String, [String])] = [
        ("本年支出合计", ["expenditure", "total"]), ("结余分配", ["expenditure", "balance_distribution"]),
        ("年末结转和结余", ["expenditure", "carryover_ending"]), ("总计", ["expenditure", "grand_total"]), ("支出总计", ["expenditure", "grand_total"]),
        ("基本支出", ["expenditure", "basic"]), ("项目支出", ["expenditure", "project"]), ("上缴上级支出", ["expenditure", "remit_to_superior"]),
        ("经营支出", ["expenditure", "operating"]), ("对附属单位补助支出", ["expenditure", "subsidy_to_subordinates"]),
    ]

    static func match(_ label: String, in lines: [(String, [String])]) -> [String]? {
        if let exact = lines.first(where: { $0.0 == label }) { return exact.1 }
        // "使用非财政拨款结余（含专用结余）", "年初结转和结余（含…）"
        return lines.first { label.hasPrefix($0.0) && $0.0.count >= 4 }?.1
    }

    mutating func readSummary(_ grid: SheetGrid) {
        let groups = labelGroups(grid)
        unusedColumns(grid, used: Set(groups.flatMap { [$0.label] + $0.values.prefix(1) }))
        for r in grid.bodyRows {
            for group in groups {
                let raw = grid.sheet.cell(r, group.label)
                guard !raw.isEmpty, let column = group.values.first else { continue }
                let label = SheetGrid.label(raw)
                if let path = Self.match(label, in: group.income ? Self.incomeLines : Self.expenditureLines) {
                    if let v = amount(grid, r, column) { plan.set(path, v, from: grid.sheet.reference(r, column)) }
                } else if !group.income && label.hasSuffix("支出") {
                    // A 类 line: the sum of that class in the 支出决算表, compared with it once every sheet is read.
                    if !grid.sheet.cell(r, column).isEmpty, let v = amount(grid, r, column) {
                        summaryClasses.append((label, v, grid.sheet.reference(r, column), grid.unit ?? unit, nil))
                    }
                } else if !grid.sheet.cell(r, column).isEmpty {
                    plan.notice(.unplaced, grid.sheet.reference(r, group.label), zh: "“\(raw)”行无法对应到数据字段，未导入。",
                                en: "line '\(raw)' matches no field; not imported.")
                }
            }
        }
    }

    static func fund(in text: String) -> Fund? {
        if text.contains("一般公共预算") { return .generalBudget }
        if text.contains("政府性基金") { return .governmentFund }
        if text.contains("国有资本") { return .stateCapital }
        return nil
    }

    mutating func readAppropriationSummary(_ grid: SheetGrid) {
        let groups = labelGroups(grid)
        var used = Set(groups.map(\.label))
        for group in groups {
            used.formUnion(group.income ? Array(group.values.prefix(1))
                                        : group.values.filter { c in grid.paths[c].last.map { $0.contains("合计") || Self.fund(in: $0) != nil } ?? false })
        }
        let sheetUnit = grid.unit ?? unit
        var openingSection = false
        // What the lines add up to, to compare with the 合计 and 总计 lines the sheet prints.
        var income: [DecimalNumber] = [], opening: [DecimalNumber] = [], incomeTotal: DecimalNumber?
        var openingLine: (DecimalNumber, String)?
        var classSums: [Int: [DecimalNumber]] = [:], spendTotals: [Int: DecimalNumber] = [:], closing: [Int: DecimalNumber] = [:]
        func compare(_ cell: String, _ stated: DecimalNumber, _ parts: [DecimalNumber], _ what: String) {
            if sumConsistent(stated, parts, sheetUnit) {
                plan.account(cell, .compared("与\(what)相同"))
            } else {
                plan.account(cell, .compared("与\(what)不同"))
                plan.notice(.conflict, cell, zh: "\(cell) 为 \(ImportPlan.yaml(stated))，\(what)为 \(ImportPlan.yaml(DecimalNumber.sum(parts)))，相差 \(Self.difference(stated, DecimalNumber.sum(parts)))；请核对。",
                            en: "\(cell) is \(ImportPlan.yaml(stated)) but \(what) is \(ImportPlan.yaml(DecimalNumber.sum(parts))); please check.")
            }
        }
        for r in grid.bodyRows {
            for group in groups {
                let raw = grid.sheet.cell(r, group.label)
                guard !raw.isEmpty, let first = group.values.first else { continue }
                let label = SheetGrid.label(raw)
                if group.income {
                    let cell = grid.sheet.reference(r, first)
                    let value = grid.sheet.cell(r, first).isEmpty ? nil : amount(grid, r, first)
                    if label.hasPrefix("年初") {
                        openingSection = true
                        if let value { openingLine = (value, cell); appropriationTotals["carryover_beginning"] = (value, cell) }
                    } else if let fund = Self.fund(in: label) {
                        let path = openingSection ? ["appropriation", "carryover_beginning", fund.rawValue] : ["income", fund.rawValue]
                        if let value {
                            plan.set(path, value, from: cell)
                            if openingSection { opening.append(value) } else { income.append(value) }
                        }
                    } else if label.hasPrefix("本年") && label.hasSuffix("合计") {
                        if let value {
                            incomeTotal = value
                            appropriationTotals["income_total"] = (value, cell)
                            compare(cell, value, income, "各项收入之和")
                        }
                    } else if ["总计", "收入总计"].contains(label) {
                        if let value {
                            appropriationTotals["income_grand_total"] = (value, cell)
                            compare(cell, value, [incomeTotal ?? DecimalNumber.sum(income), openingLine?.0 ?? DecimalNumber.sum(opening)], "本年收入合计与年初结转和结余之和")
                        }
                    } else {
                        unplacedLine(grid, r, group.label, raw, first)
                    }
                } else if label.hasPrefix("年末") {
                    var found = false
                    for c in group.values {
                        guard let v = grid.sheet.cell(r, c).isEmpty ? nil : amount(grid, r, c) else { continue }
                        closing[c] = v
                        guard let fund = grid.paths[c].last.flatMap(Self.fund) else { continue }
                        found = true
                        plan.set(["appropriation", "carryover_ending", fund.rawValue], v, from: grid.sheet.reference(r, c))
                    }
                    if !found && closing.values.contains(where: { !$0.isZero }) {
                        plan.notice(.unplaced, grid.sheet.reference(r, group.label), zh: "年末财政拨款结转和结余没有按资金来源分列，未导入。",
                                    en: "the closing balance is not split by fund; not imported.")
                    }
                    if let total = totalColumn(grid, group), let v = closing[total] {
                        appropriationTotals["carryover_ending"] = (v, grid.sheet.reference(r, total))
                    }
                    rowTotal(grid, r, group, closing)
                } else if label.hasSuffix("支出") || label.hasSuffix("合计") || label == "总计" || label == "支出总计" {
                    var row: [Int: DecimalNumber] = [:]
                    for c in group.values where !grid.sheet.cell(r, c).isEmpty {
                        if let v = amount(grid, r, c) { row[c] = v }
                    }
                    for (c, v) in row.sorted(by: { $0.key < $1.key }) {
                        let cell = grid.sheet.reference(r, c)
                        if c == totalColumn(grid, group) && !label.hasSuffix("支出") {
                            appropriationTotals[label.hasSuffix("合计") ? "expenditure_total" : "expenditure_grand_total"] = (v, cell)
                        }
                        if label.hasSuffix("合计") {
                            spendTotals[c] = v
                            compare(cell, v, classSums[c] ?? [], "各类支出之和")
                        } else if label.hasSuffix("总计") {
                            compare(cell, v, [spendTotals[c] ?? DecimalNumber.sum(classSums[c] ?? []), closing[c] ?? .zero], "本年支出合计与年末结转和结余之和")
                        } else {
                            classSums[c, default: []].append(v)
                            if let fund = grid.paths[c].last.flatMap(Self.fund) {
                                summaryClasses.append((label, v, cell, sheetUnit, fund))
                            }
                        }
                    }
                    rowTotal(grid, r, group, row)
                } else {
                    unplacedLine(grid, r, group.label, raw, first)
                }
            }
        }
        if let (value, cell) = openingLine { compare(cell, value, opening, "各项年初结转和结余之和") }
        unusedColumns(grid, used: used)
    }

    func totalColumn(_ grid: SheetGrid, _ group: LabelGroup) -> Int? {
        group.values.first { c in grid.paths[c].last.map { $0.contains("合计") } ?? false }
    }

    /// A row's 合计 column against its fund columns (a 合计 cell already compared keeps that account).
    mutating func rowTotal(_ grid: SheetGrid, _ r: Int, _ group: LabelGroup, _ row: [Int: DecimalNumber]) {
        guard let total = group.values.first(where: { c in grid.paths[c].last.map { $0.contains("合计") } ?? false }), let stated = row[total] else { return }
        let parts = row.filter { $0.key != total && grid.paths[$0.key].last.flatMap(Self.fund) != nil }.map(\.value)
        guard !parts.isEmpty else { return }
        let cell = grid.sheet.reference(r, total)
        if sumConsistent(stated, parts, grid.unit ?? unit) {
            plan.account(cell, .compared("与各资金来源之和相同"))
        } else {
            plan.reaccount(cell, .compared("与各资金来源之和不同"))
            plan.notice(.conflict, cell, zh: "\(cell) 为 \(ImportPlan.yaml(stated))，同一行各资金来源之和为 \(ImportPlan.yaml(DecimalNumber.sum(parts)))；请核对。",
                        en: "\(cell) is \(ImportPlan.yaml(stated)) but the funds of the row add up to \(ImportPlan.yaml(DecimalNumber.sum(parts))).")
        }
    }

    mutating func unplacedLine(_ grid: SheetGrid, _ r: Int, _ labelColumn: Int, _ raw: String, _ value: Int) {
        guard !grid.sheet.cell(r, value).isEmpty else { return }
        noticedRows.insert(grid.sheet.rowReference(r))
        plan.notice(.unplaced, grid.sheet.reference(r, labelColumn), zh: "“\(raw)”行无法对应到数据字段，未导入。",
                    en: "line '\(raw)' matches no field; not imported.")
    }

    // MARK: 机关运行经费、资产占用情况及政府采购支出信息表

    /// The 公务用车 categories any profile prints (Shanghai adds 部级领导干部用车 and spells 离退休干部用车).
    static let vehiclePurposes: Set<String> = Set(ReportProfile.bundled.values.flatMap(\.vehicleCategories))

    mutating func readAgency(_ grid: SheetGrid) {
        guard let labelColumn = grid.columns(where: { ($0.last ?? "").hasPrefix("项目") }).first else {
            plan.notice(.unplaced, grid.sheet.name, zh: "找不到“项目”列，未导入。", en: "no 项目 column; nothing imported.")
            return
        }
        let unitColumn = grid.columns(where: { $0.contains { $0.contains("单位") } }).first
        guard let valueColumn = grid.columns(where: { $0.contains { $0.contains("数量") || $0.contains("金额") || $0.contains("数值") } }).first else {
            plan.notice(.unplaced, grid.sheet.name, zh: "找不到“数量（金额）”列，未导入。", en: "no amount column; nothing imported.")
            return
        }
        unusedColumns(grid, used: Set([labelColumn, valueColumn] + (unitColumn.map { [$0] } ?? [])))
        var vehicles: [ImportPlan.Item] = []
        var equipment: [ImportPlan.Item] = []
        var vehicleTotal: (row: Int, cell: String)?
        let money: [(String, [String])] = [
            ("机关运行经费", ["agency_operating_cost", "amount"]), ("政府采购支出总额", ["procurement", "total"]),
            ("货物", ["procurement", "goods"]), ("工程", ["procurement", "works"]), ("服务", ["procurement", "services"]),
            ("中小企业", ["procurement", "sme"]), ("小微企业", ["procurement", "micro"]),
        ]
        for r in grid.bodyRows {
            let raw = grid.sheet.cell(r, labelColumn)
            guard !raw.isEmpty else { continue }
            let label = SheetGrid.label(raw)
            let unitText = unitColumn.map { SheetGrid.clean(grid.sheet.cell(r, $0)) } ?? ""
            let source = grid.sheet.reference(r, valueColumn)
            if let path = money.first(where: { label.contains($0.0) })?.1 {
                let rowUnit: MoneyUnit? = unitText == "元" ? .yuan : unitText == "万元" ? .wanYuan : nil
                if let v = amount(grid, r, valueColumn, unit: rowUnit) { plan.set(path, v, from: source) }
            } else if Self.vehiclePurposes.contains(label) || label.contains("设备") || unitText.hasPrefix("台") {
                guard let count = count(grid, r, valueColumn) else { continue }
                let item = ImportPlan.Item(fields: [("type", label), ("count", String(count))], sources: [source], title: label)
                plan.account(source, .imported("assets \(label)"))
                if Self.vehiclePurposes.contains(label) { vehicles.append(item) } else { equipment.append(item) }
            } else if label.contains("车辆") {
                vehicleTotal = (r, source) // 车辆数: the sum of the vehicles below it, compared once they are read
            } else {
                unplacedLine(grid, r, labelColumn, raw, valueColumn)
            }
        }
        if let (r, cell) = vehicleTotal, !grid.sheet.cell(r, valueColumn).isEmpty, let stated = count(grid, r, valueColumn) {
            let sum = vehicles.compactMap { Int($0.fields[1].value) }.reduce(0, +)
            plan.account(cell, .compared(stated == sum ? "与各类车辆之和相同" : "与各类车辆之和不同"))
            if stated != sum && !vehicles.isEmpty {
                plan.notice(.conflict, cell, zh: "车辆数 \(cell) 为 \(stated)，各类车辆之和为 \(sum)；各类车辆按原样导入，请核对。",
                            en: "vehicles \(cell) is \(stated) but the kinds add up to \(sum); the kinds are imported as stated.")
            }
        }
        plan.lists.append(ImportPlan.List(path: ["assets", "vehicles"], identity: ["type"], preferFlow: true, items: vehicles))
        plan.lists.append(ImportPlan.List(path: ["assets", "equipment"], identity: ["type"], preferFlow: true, items: equipment))
    }

    /// A count (vehicles, equipment): a whole number; blank is zero.
    mutating func count(_ grid: SheetGrid, _ r: Int, _ c: Int) -> Int? {
        let text = grid.sheet.cell(r, c)
        if text.isEmpty { return 0 }
        guard let value = SheetGrid.number(text), value.normalized.scale == 0, !value.isNegative else {
            plan.notice(.unplaced, grid.sheet.reference(r, c), zh: "“\(text)”不是整数，未导入。", en: "'\(text)' is not a whole number; not imported.")
            return nil
        }
        return value.intValue
    }
}
