import DiscloseCore

/// The account of every numeric cell of a recognised table: imported, structure, compared, or not
/// placed (and then said). Nothing a workbook states is dropped without a word.
extension TableImporter {
    /// The cells of the code tables: a line without lines under it is imported; a 类 or 款 line is
    /// compared with the lines under it (what it has beyond them is imported as its own).
    mutating func accountCodeTables() {
        compareDetailWithGeneral()
        let fundOf: [String: Fund] = ["general-budget": .generalBudget, "general-budget-detail": .generalBudget, "government-fund": .governmentFund,
                                      "state-capital": .stateCapital, "state-capital-expenditure": .stateCapital]
        let fundTables = fundOf.keys.compactMap { codeTables[$0] }
        for (layout, table) in codeTables.sorted(by: { $0.key < $1.key }) {
            for (code, cells) in table.cells.sorted(by: { $0.key < $1.key }) {
                for (key, cell) in cells.sorted(by: { $0.key < $1.key }) {
                    if table.hasChildren(code) {
                        plan.account(cell, .compared("与 \(code) 的下级科目之和比较"))
                    } else if layout == "income" {
                        plan.account(cell, .imported("income_by_function \(code) \(key)"))
                    } else if ["open", "income", "close"].contains(key) {
                        plan.account(cell, .imported("by_code \(layout) \(code) \(key)"))
                    } else if layout == "expenditure" {
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

    /// The 一般公共预算 table with budgets and the one without: the same lines, compared code by code
    /// (the functional rows take the one without, the budgets the one with).
    mutating func compareDetailWithGeneral() {
        guard let general = codeTables["general-budget"], let detail = codeTables["general-budget-detail"] else { return }
        for (code, line) in detail.values.sorted(by: { $0.key < $1.key }) {
            for (key, value) in line.sorted(by: { $0.key < $1.key }) where key != "budget" {
                guard let cell = detail.cells[code]?[key] else { continue }
                guard let other = general.values[code]?[key], let otherCell = general.cells[code]?[key] else {
                    if !value.isZero {
                        plan.account(cell, .unplaced("\(general.sheet) 没有此科目"))
                        plan.notice(.conflict, cell, zh: "科目 \(code) 的\(Self.keyLabel(key)) \(cell) 为 \(ImportPlan.yaml(value))，\(general.sheet) 中没有这一科目；未导入。",
                                    en: "code \(code) \(key) \(cell) is \(ImportPlan.yaml(value)) but \(general.sheet) lacks the code; not imported.")
                    }
                    continue
                }
                if sameFact(value, detail.unit, other, general.unit) {
                    plan.account(cell, .compared("与 \(otherCell) 相同"))
                } else {
                    plan.account(cell, .compared("与 \(otherCell) 不同"))
                    plan.notice(.conflict, cell, zh: "科目 \(code) 的\(Self.keyLabel(key))：\(cell) 为 \(ImportPlan.yaml(value))，\(otherCell) 为 \(ImportPlan.yaml(other))；采用后者，请核对。",
                                en: "code \(code) \(key): \(cell) is \(ImportPlan.yaml(value)) but \(otherCell) is \(ImportPlan.yaml(other)); the latter is used.")
                }
            }
        }
    }

    /// Every numeric cell not yet accounted for: structure when it is a column number, a 行次, a code or
    /// a header; otherwise not placed, with one notice per row (unless a notice already named it).
    mutating func accountRemainingCells() {
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
