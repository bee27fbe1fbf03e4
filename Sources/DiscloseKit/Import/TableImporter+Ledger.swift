import DiscloseCore

/// The account of every numeric cell of a recognised table: imported, structure, compared, or not
/// placed (and then said). Nothing a workbook states is dropped without a word.
extension TableImporter {
    /// The cells of the code tables: a line without lines under it is imported; a 类 or 款 line is
    /// compared with the lines under it (what it has beyond them is imported as its own).
    mutating func accountCodeTables() {
        compareRepeatedTables()
        compareIncomeTotals()
        let fundOf: [TableLayout: Fund] = [.generalBudget: .generalBudget, .generalBudgetDetail: .generalBudget, .governmentFund: .governmentFund,
                                           .stateCapital: .stateCapital, .stateCapitalExpenditure: .stateCapital]
        let fundTables = fundOf.keys.compactMap { codeTables[$0] }
        for (layout, table) in codeTables.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for (code, cells) in table.cells.sorted(by: { $0.key < $1.key }) {
                for (key, cell) in cells.sorted(by: { $0.key < $1.key }) {
                    if table.hasChildren(code) {
                        plan.account(cell, .compared("与 \(code) 的下级科目之和比较"))
                    } else if key == "total" && layout != .income {
                        lineTotal(table, code, cell)
                    } else if layout == .income {
                        plan.account(cell, .imported("income_by_function \(code) \(key)"))
                    } else if ["open", "income", "close"].contains(key) {
                        plan.account(cell, .imported("by_code \(layout.rawValue) \(code) \(key)"))
                    } else if layout == .expenditure {
                        if unbooked.contains(code) {
                            plan.account(cell, .unplaced("科目 \(code) 与财政拨款各表不符"))
                        } else if fundTables.contains(where: { $0.values[code] != nil }) {
                            plan.account(cell, .compared("与财政拨款各表之和比较，多出的部分为非财政拨款支出"))
                        } else {
                            plan.account(cell, .imported("functional \(code) \(Fund.other.rawValue) \(key)"))
                        }
                    } else if let fund = fundOf[layout] {
                        plan.account(cell, .imported("functional \(code) \(fund.rawValue) \(key)"))
                    }
                }
            }
        }
        let basicCodes = Set(basicItems.map(\.code))
        for item in basicItems where item.amount != nil {
            let parent = basicCodes.contains { $0.count > item.code.count && $0.hasPrefix(item.code) }
            plan.account(item.source, parent ? .compared("与 \(item.code) 的下级科目之和比较") : .imported("basic_expenditure \(item.code)"))
        }
    }

    /// A line's 合计 (小计) column against its amounts by type (basic + project + …).
    mutating func lineTotal(_ table: CodeTable, _ code: String, _ cell: String) {
        guard let line = table.values[code], let stated = line["total"] else { return }
        let parts = ["basic", "project", "remit_to_superior", "operating", "subsidy_to_subordinates"].compactMap { line[$0] }
        guard !parts.isEmpty else {
            plan.account(cell, .unplaced("只有合计，没有分基本支出、项目支出"))
            plan.notice(.unplaced, cell, zh: "科目 \(code) 只有合计 \(ImportPlan.yaml(stated))，没有分基本支出和项目支出；未导入。",
                        en: "code \(code) has only a total \(ImportPlan.yaml(stated)), not split into basic and project; not imported.")
            return
        }
        if sumConsistent(stated, parts, table.unit) {
            plan.account(cell, .compared("与同行各项之和相同"))
        } else {
            plan.account(cell, .compared("与同行各项之和不同"))
            plan.notice(.conflict, cell, zh: "科目 \(code) 的合计 \(cell) 为 \(ImportPlan.yaml(stated))，同行基本支出、项目支出等之和为 \(ImportPlan.yaml(DecimalNumber.sum(parts)))；按各项导入，请核对。",
                        en: "code \(code): the total \(cell) is \(ImportPlan.yaml(stated)) but the line's amounts add up to \(ImportPlan.yaml(DecimalNumber.sum(parts))); imported by type.")
        }
    }

    /// Tables that repeat figures of others, compared code by code: the 一般公共预算 table with budgets
    /// and the one without, the two 国有资本经营 tables, the 财政拨款支出决算明细表 (all 财政拨款 funds
    /// together) and the 项目支出 table. The functional rows take one of each; the other is compared.
    mutating func compareRepeatedTables() {
        let general = codeTables[.generalBudget] ?? codeTables[.generalBudgetDetail]
        let capital = codeTables[.stateCapitalExpenditure] ?? codeTables[.stateCapital]
        let spending: Set<String> = ["basic", "project", "total", "remit_to_superior", "operating", "subsidy_to_subordinates"]
        if codeTables[.generalBudget] != nil, let detail = codeTables[.generalBudgetDetail] {
            compare(detail, keys: spending, with: [codeTables[.generalBudget]!])
        }
        if codeTables[.stateCapitalExpenditure] != nil, let table = codeTables[.stateCapital] {
            compare(table, keys: spending, with: [codeTables[.stateCapitalExpenditure]!])
        }
        let funds = [general, codeTables[.governmentFund], capital].compactMap { $0 }
        if let detail = codeTables[.appropriationDetail], !funds.isEmpty { compare(detail, keys: spending, with: funds) }
        if let project = codeTables[.generalBudgetProject], let general { compare(project, keys: ["project"], with: [general]) }
    }

    /// Each amount of `table` against the same code and column of `sources` added up.
    mutating func compare(_ table: CodeTable, keys: Set<String>, with sources: [CodeTable]) {
        let names = sources.map(\.sheet).joined(separator: "、")
        for (code, line) in table.values.sorted(by: { $0.key < $1.key }) {
            for (key, value) in line.sorted(by: { $0.key < $1.key }) where keys.contains(key) {
                guard let cell = table.cells[code]?[key] else { continue }
                let lines = sources.compactMap { $0.values[code] }
                let expected = DecimalNumber.sum(lines.map { key == "total" ? ($0["total"] ?? Self.lineTotal($0)) : ($0[key] ?? .zero) })
                let otherCells = sources.compactMap { $0.cells[code]?[key] }
                if sumConsistent(value, [expected], table.unit) || (lines.isEmpty && value.isZero) {
                    plan.account(cell, .compared(otherCells.isEmpty ? "为 0，\(names) 中没有此科目" : "与 \(otherCells.joined(separator: "、")) 相同"))
                } else {
                    plan.account(cell, .compared(otherCells.isEmpty ? "\(names) 中没有此科目" : "与 \(otherCells.joined(separator: "、")) 不同"))
                    let there = lines.isEmpty ? "\(names) 中没有这一科目" : "\(otherCells.joined(separator: "、")) 为 \(ImportPlan.yaml(expected))"
                    plan.notice(.conflict, cell, zh: "科目 \(code) 的\(Self.keyLabel(key))：\(cell) 为 \(ImportPlan.yaml(value))，\(there)；按 \(names) 导入，请核对。",
                                en: "code \(code) \(key): \(cell) is \(ImportPlan.yaml(value)) but \(lines.isEmpty ? "\(names) lacks the code" : "\(otherCells.joined(separator: ", ")) is \(ImportPlan.yaml(expected))"); imported as \(names) states it.")
                }
            }
        }
    }

    /// The 合计 row of the 收入决算表 against the 收入 of the 总表 (or, without one, imported from it).
    mutating func compareIncomeTotals() {
        guard let table = codeTables[.income] else { return }
        for (key, value) in table.totals.sorted(by: { $0.key < $1.key }) {
            guard let cell = table.totalCells[key] else { continue }
            if key == "appropriation" {
                let funds = Fund.appropriations.compactMap { fund in plan.scalars.first { $0.path == ["income", fund.rawValue] } }
                guard !funds.isEmpty else {
                    plan.account(cell, .unplaced("财政拨款收入不分资金来源"))
                    plan.notice(.unplaced, cell, zh: "财政拨款收入 \(ImportPlan.yaml(value)) 没有分资金来源，工作簿中也没有收入支出决算总表；未导入。",
                                en: "财政拨款 income \(ImportPlan.yaml(value)) is not split by fund and the workbook has no 收入支出决算总表; not imported.")
                    continue
                }
                let sum = DecimalNumber.sum(funds.compactMap { DecimalNumber($0.value) })
                let cells = funds.compactMap(\.sources.first).joined(separator: "、")
                if sumConsistent(value, [sum], table.unit) {
                    plan.account(cell, .compared("与 \(cells) 之和相同"))
                } else {
                    plan.account(cell, .compared("与 \(cells) 之和不同"))
                    plan.notice(.conflict, cell, zh: "财政拨款收入：\(cell) 为 \(ImportPlan.yaml(value))，\(cells) 之和为 \(ImportPlan.yaml(sum))；请核对。",
                                en: "财政拨款 income: \(cell) is \(ImportPlan.yaml(value)) but \(cells) add up to \(ImportPlan.yaml(sum)).")
                }
            } else {
                plan.set(["income", key], value, from: cell)
            }
        }
    }

    /// Every numeric cell not yet accounted for: structure when it is a column number, a 行次, a code or
    /// a header; otherwise not placed, with one notice per row (unless a notice already named it).
    mutating func accountRemainingCells() {
        // A blank cell read as 0 is no number of the workbook: only written cells are accounted.
        var written: Set<String> = []
        for grid in grids {
            for r in grid.original.rows.indices {
                for c in grid.original.rows[r].indices where !grid.original.cell(r, c).isEmpty && SheetGrid.number(grid.original.cell(r, c)) != nil {
                    written.insert(grid.original.reference(r, c))
                }
            }
        }
        plan.cells = plan.cells.filter { written.contains($0.key) || decisions.ignoredCells.contains($0.key) }
        for grid in grids {
            let sheet = grid.original
            var unplacedByRow: [Int: [String]] = [:]
            for r in sheet.rows.indices {
                for c in sheet.rows[r].indices {
                    let text = sheet.cell(r, c)
                    guard !text.isEmpty, SheetGrid.number(text) != nil else { continue }
                    let cell = sheet.reference(r, c)
                    guard plan.cells[cell] == nil else { continue }
                    if let kind = structure(grid, r, c, text) {
                        plan.account(cell, .structure(kind))
                        continue
                    }
                    plan.account(cell, .unplaced("没有对应的字段"))
                    let named = noticedRows.contains(sheet.rowReference(r)) || noticedColumns.contains("\(sheet.name)!\(c)")
                        || plan.notices.contains { $0.place == cell || $0.place == sheet.rowReference(r) || $0.place == sheet.name }
                    if !named { unplacedByRow[r, default: []].append("\(cell) \(text)") }
                }
            }
            for (r, cells) in unplacedByRow.sorted(by: { $0.key < $1.key }) {
                let label = grid.filled[r].first { !$0.isEmpty && SheetGrid.number($0) == nil } ?? ""
                plan.notice(.unplaced, sheet.rowReference(r),
                            zh: "\(label.isEmpty ? "" : "“\(label)”行")的数字 \(cells.joined(separator: "、")) 无法对应到数据字段，未导入。",
                            en: "\(label.isEmpty ? "" : "row '\(label)': ")the numbers \(cells.joined(separator: ", ")) match no field; not imported.")
            }
        }
    }

    /// Why a numeric cell is part of the table's structure, or nil when it is a figure.
    func structure(_ grid: SheetGrid, _ r: Int, _ c: Int, _ text: String) -> String? {
        if let kind = grid.textRows[r] { return kind }
        if r < grid.bodyRows.lowerBound { return "表头" }
        let path = grid.paths.indices.contains(c) ? grid.paths[c] : []
        if path.contains(where: { $0.contains("行次") || $0.contains("栏次") }) { return "行次" }
        if path.contains(where: { $0.contains("编码") || $0.contains("代码") }) || ["类", "款", "项"].contains(path.last ?? "") { return "科目编码" }
        let clean = SheetGrid.clean(text)
        if clean.allSatisfy({ $0.isASCII && $0.isNumber }) && [3, 5, 7].contains(clean.count)
            && path.contains(where: { $0.contains("科目") || $0.hasPrefix("项目") }) { return "科目编码" }
        return nil
    }
}
