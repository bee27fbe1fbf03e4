import DiscloseCore

/// The same figure printed in several sheets, compared at import: a 类 in the 总表 and in the
/// 支出决算表, a 合计 row and its lines, 基本支出 in the 基本支出决算表 and in the 一般公共预算 table. A
/// difference beyond rounding is reported with both cells and both values; nothing is rebuilt away.
extension TableImporter {
    mutating func compareAcrossSheets() {
        compareSummaryClasses()
        compareBasicTotals()
    }

    /// The decimals an amount printed in `sheetUnit` (two in its own unit) has in the report's unit.
    func decimals(_ sheetUnit: MoneyUnit) -> Int {
        sheetUnit == unit ? 2 : sheetUnit == .yuan ? 6 : 0
    }

    /// The same fact printed twice: equal at the lower of the two precisions.
    func sameFact(_ a: DecimalNumber, _ unitA: MoneyUnit, _ b: DecimalNumber, _ unitB: MoneyUnit) -> Bool {
        Tolerance.sameFact(a, decimalsA: decimals(unitA), b, decimalsB: decimals(unitB))
    }

    /// A stated total against its printed parts, in the unit the sheet printed them (XBRL intervals).
    func sumConsistent(_ total: DecimalNumber, _ parts: [DecimalNumber], _ sheetUnit: MoneyUnit) -> Bool {
        let inSheet = { (v: DecimalNumber) in Amount(v, self.unit).converted(to: sheetUnit).value }
        return Tolerance.sumConsistent(total: inSheet(total), parts: parts.map(inSheet))
    }

    static func difference(_ a: DecimalNumber, _ b: DecimalNumber) -> String {
        ImportPlan.yaml((a - b).magnitude)
    }

    // MARK: 类 lines of the 总表

    /// Each 类 line of the 收入支出决算总表 against the 类 row of the 支出决算表 (or, without one, the
    /// 类 rows of the 财政拨款 tables added up).
    mutating func compareSummaryClasses() {
        let functional = CodeLists.bundled.list(.functional, year: 9999)
        var alone: [(label: String, value: DecimalNumber, cell: String, unit: MoneyUnit, fund: Fund?)] = []
        defer {
            // Said once per sheet: a workbook with the 总表 alone has nothing to compare its classes with.
            for (sheet, lines) in Dictionary(grouping: alone, by: { String($0.cell.split(separator: "!").first ?? "") }).sorted(by: { $0.key < $1.key }) {
                let list = lines.map { "\($0.label) \(ImportPlan.yaml($0.value))（\($0.cell)）" }.joined(separator: "、")
                plan.notice(.unplaced, sheet, zh: "\(list) 没有可以比较的支出明细表（支出决算表或财政拨款支出表中没有这些类），未导入。",
                            en: "\(list): no 支出 detail table lists these classes to compare with; not imported.")
            }
        }
        for line in summaryClasses {
            let name = SheetGrid.clean(line.label)
            let candidates: [CodeTable]
            switch line.fund {
            case .generalBudget?: candidates = [codeTables[.generalBudget] ?? codeTables[.generalBudgetDetail]].compactMap { $0 }
            case .governmentFund?: candidates = [codeTables[.governmentFund]].compactMap { $0 }
            case .stateCapital?: candidates = [codeTables[.stateCapitalExpenditure] ?? codeTables[.stateCapital]].compactMap { $0 }
            default:
                let all = [codeTables[.expenditure]].compactMap { $0 }
                let funds = [codeTables[.generalBudget] ?? codeTables[.generalBudgetDetail], codeTables[.governmentFund],
                             codeTables[.stateCapitalExpenditure] ?? codeTables[.stateCapital]].compactMap { $0 }
                candidates = all.isEmpty ? funds : all
            }
            let named = candidates.flatMap { table in table.names.filter { $0.key.count == 3 && SheetGrid.clean($0.value) == name }.map(\.key) }
            let code = named.first ?? functional?.codes(named: name).first { $0.code.count == 3 }?.code
            let rows = candidates.compactMap { table in code.flatMap { c in table.values[c].map { (table, c, $0) } } }
            if let code { statedClassLines.append((code, line.value, line.cell, line.fund)) }
            guard let code, !rows.isEmpty else {
                if code != nil {
                    // No detail table lists the class: the line is kept as the stated class total.
                    plan.account(line.cell, .imported("functional_stated \(code!) \(line.fund?.rawValue ?? "all") total"))
                } else if line.value.isZero {
                    plan.account(line.cell, .compared("为 0，其他表中没有此类"))
                } else {
                    plan.account(line.cell, .unplaced("无法与明细表比较"))
                    alone.append(line)
                }
                continue
            }
            let stated = DecimalNumber.sum(rows.map { Self.lineTotal($0.2) })
            let cells = rows.map { $0.0.cells[code]?["total"] ?? $0.0.rows[code] ?? $0.0.sheet }
            let otherUnit = rows.first!.0.unit
            // The lines of the class without lines under them: what both figures add up.
            let leaves = rows.flatMap { table, _, _ in
                table.values.keys.filter { $0.hasPrefix(code) && !table.hasChildren($0) }.map { Self.lineTotal(table.values[$0]!) }
            }
            // Without a 支出决算表 the 总表's class (every fund) is compared with the 财政拨款 tables: it
            // may be more by the class's non-appropriation spending, never less.
            let againstFunds = line.fund == nil && codeTables[.expenditure] == nil
            if sameFact(line.value, line.unit, stated, otherUnit) {
                plan.account(line.cell, .compared("与 \(cells.joined(separator: "、")) 相同"))
            } else if againstFunds && line.value > stated {
                plan.account(line.cell, .compared("不少于 \(cells.joined(separator: "、")) 之和，多出的是非财政拨款支出"))
            } else if sumConsistent(line.value, leaves, line.unit) && sumConsistent(stated, leaves, otherUnit) {
                // A rounding tail (尾差): both are sums of the same rows, rounded each its own way. The content
                // keeps one stated figure per class; the detail table's is kept, and the other is said.
                plan.account(line.cell, .compared("与 \(cells.joined(separator: "、")) 相差尾差"))
                plan.notice(.assumption, line.cell,
                            zh: "\(line.label)（\(code)）：\(line.cell) 为 \(ImportPlan.yaml(line.value))，\(cells.joined(separator: "、")) 为 \(ImportPlan.yaml(stated))，相差 \(Self.difference(line.value, stated))，属四舍五入的尾差；记为后者。",
                            en: "\(line.label) (\(code)): \(line.cell) is \(ImportPlan.yaml(line.value)), \(cells.joined(separator: ", ")) is \(ImportPlan.yaml(stated)): a rounding tail; the latter is kept.")
            } else {
                plan.account(line.cell, .compared("与 \(cells.joined(separator: "、")) 不同"))
                plan.notice(.conflict, line.cell,
                            zh: "\(line.label)（\(code)）：\(line.cell) 为 \(ImportPlan.yaml(line.value))，\(cells.joined(separator: "、")) 为 \(ImportPlan.yaml(stated))，相差 \(Self.difference(line.value, stated))（\(unit.rawValue)）。两处都按原样保留，请核对。",
                            en: "\(line.label) (\(code)): \(line.cell) is \(ImportPlan.yaml(line.value)), \(cells.joined(separator: ", ")) is \(ImportPlan.yaml(stated)), \(Self.difference(line.value, stated)) apart (\(unit.rawValue)). Both kept as stated; please check.")
            }
        }
    }

    /// A code line's total: its 合计 column, or else its amounts by type added up.
    static func lineTotal(_ line: [String: DecimalNumber]) -> DecimalNumber {
        if let total = line["total"] { return total }
        return DecimalNumber.sum(["basic", "project", "remit_to_superior", "operating", "subsidy_to_subordinates"].compactMap { line[$0] })
    }

    // MARK: 合计 rows

    /// A table's 合计 row against its top-level lines, column by column.
    mutating func compareTotals(_ table: CodeTable) {
        let top = table.topCodes
        // The 收入决算表's 合计 row is compared with the 总表 (a sample may list no codes under it).
        if top.isEmpty && table.totals.keys.contains(where: { ["appropriation", "superior_subsidy", "business"].contains($0) }) { return }
        if top.isEmpty {
            for (key, total) in table.totals where total.isZero {
                if let cell = table.totalCells[key] { plan.account(cell, .compared("本表没有科目行，合计为 0")) }
            }
            return
        }
        for (key, total) in table.totals.sorted(by: { $0.key < $1.key }) {
            let parts = top.map { table.values[$0]?[key] ?? .zero }
            let cell = table.totalCells[key] ?? table.sheet
            if sumConsistent(total, parts, table.unit) {
                plan.account(cell, .compared("与各\(top.first!.count == 3 ? "类" : "科目")之和相同"))
            } else {
                let sum = DecimalNumber.sum(parts)
                plan.account(cell, .compared("与各科目之和不同"))
                plan.notice(.conflict, cell,
                            zh: "\(table.sheet) 的合计行\(Self.keyLabel(key)) \(cell) 为 \(ImportPlan.yaml(total))，各科目（\(top.joined(separator: "、"))）之和为 \(ImportPlan.yaml(sum))，相差 \(Self.difference(total, sum))；请核对是否漏行或科目有误。",
                            en: "the totals row of \(table.sheet), \(key), \(cell) is \(ImportPlan.yaml(total)) but its codes (\(top.joined(separator: ", "))) add up to \(ImportPlan.yaml(sum)); a line may be missing or mistyped.")
            }
        }
    }

    // MARK: 基本支出

    /// 人员经费 + 公用经费 of the 基本支出决算表 against the 基本支出 of the 一般公共预算财政拨款支出决算表.
    mutating func compareBasicTotals() {
        guard !basicTotals.isEmpty, let general = codeTables[.generalBudget] ?? codeTables[.generalBudgetDetail],
              let stated = general.totals["basic"], let cell = general.totalCells["basic"] else { return }
        let sum = DecimalNumber.sum(basicTotals.map(\.value))
        let cells = basicTotals.map(\.cell).joined(separator: "、")
        if sumConsistent(stated, basicTotals.map(\.value), general.unit) {
            plan.reaccount(cell, .compared("与 \(cells) 之和相同"))
        } else {
            plan.reaccount(cell, .compared("与 \(cells) 之和不同"))
            plan.notice(.conflict, cell,
                        zh: "一般公共预算财政拨款基本支出：\(cell) 为 \(ImportPlan.yaml(stated))，基本支出决算表的人员经费和公用经费（\(cells)）合计 \(ImportPlan.yaml(sum))，相差 \(Self.difference(stated, sum))。两处都按原样保留，请核对。",
                        en: "一般公共预算 basic spending: \(cell) is \(ImportPlan.yaml(stated)) but the 基本支出决算表 totals (\(cells)) add up to \(ImportPlan.yaml(sum)). Both kept as stated; please check.")
        }
    }
}
