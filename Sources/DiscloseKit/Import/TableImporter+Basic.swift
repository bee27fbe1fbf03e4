import DiscloseCore

/// 一般公共预算财政拨款基本支出决算表 (经济分类) and the “三公”经费 tables.
extension TableImporter {
    // MARK: 基本支出

    mutating func readBasic(_ grid: SheetGrid) {
        basicRead = true
        let codeColumns = grid.columns { ($0.last ?? "").contains("编码") }
        var used = Set(codeColumns)
        for (index, codeColumn) in codeColumns.enumerated() {
            let end = index + 1 < codeColumns.count ? codeColumns[index + 1] : grid.paths.count
            let others = Array(codeColumn + 1..<end)
            let name = others.first { grid.paths[$0].last?.contains("名称") ?? false }
            guard let value = others.first(where: { c in c != name && grid.paths[c].contains { $0.contains("决算") || $0.contains("金额") || $0.contains("合计") } }) else { continue }
            used.formUnion([value] + (name.map { [$0] } ?? []))
            let group = grid.paths[codeColumn].first ?? ""
            for r in grid.bodyRows {
                let code = SheetGrid.clean(grid.sheet.cell(r, codeColumn))
                if code.count == 3 || code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    let text = grid.sheet.cell(r, value)
                    let amount = text.isEmpty ? nil : self.amount(grid, r, value)
                    if !text.isEmpty && amount == nil { continue }
                    basicItems.append((code, amount, grid.sheet.reference(r, value)))
                } else if SheetGrid.label(code).hasSuffix("合计") || SheetGrid.label(grid.text(r, name ?? codeColumn)).hasSuffix("合计") {
                    let label = SheetGrid.label(code).hasSuffix("合计") ? SheetGrid.label(code) : SheetGrid.label(grid.text(r, name ?? codeColumn))
                    let personnel = label.contains("人员") || (!label.contains("公用") && group.contains("人员"))
                    guard let total = amount(grid, r, value) else { continue }
                    if label != "合计" { basicTotals.append((total, grid.sheet.reference(r, value))) }
                    let key = personnel ? "personnel" : "public"
                    plan.set(["basic_expenditure", key, "total"], total, from: grid.sheet.reference(r, value))
                    let name = String(label.dropLast(2))
                    if !personnel && !name.isEmpty && name != "公用经费" {
                        plan.set(["basic_expenditure", "public", "label"], text: name, from: grid.sheet.reference(r, codeColumn))
                    }
                } else if !code.isEmpty {
                    unplacedLine(grid, r, codeColumn, code, value)
                }
            }
        }
        unusedColumns(grid, used: used)
    }

    /// `basic_expenditure.<group>.items`: 款 codes (and 类 codes with money of their own), grouped by
    /// their 类: 301 and 303 are 人员经费, the rest 公用经费. When the sheet gives no amounts at all the
    /// items are codes only, as the published reports often have them.
    mutating func assembleBasic() {
        guard basicRead else { return }
        let anyAmount = basicItems.contains { $0.amount != nil }
        var values: [String: DecimalNumber] = [:]
        var sources: [String: String] = [:]
        for item in basicItems where values[item.code] == nil {
            values[item.code] = item.amount ?? .zero
            sources[item.code] = item.source
        }
        var groups: [String: [ImportPlan.Item]] = [:]
        for code in values.keys.sorted() {
            let children = values.keys.filter { $0.count > code.count && $0.hasPrefix(code) }
            var own = values[code]!
            for child in children { own = own - values[child]! }
            if !children.isEmpty {
                // A 类 row printed otherwise than its 款 rows is kept as stated (stated_classes); beyond a
                // rounding tail it is reported with both figures.
                let sum = DecimalNumber.sum(children.map { values[$0]! })
                if anyAmount && !sumConsistent(values[code]!, children.map { values[$0]! }, unit) {
                    plan.notice(.conflict, sources[code]!, zh: "经济分类 \(code)：\(sources[code]!) 为 \(ImportPlan.yaml(values[code]!))，其下各款之和为 \(ImportPlan.yaml(sum))，相差 \(Self.difference(values[code]!, sum))；按原表记下，请核对。",
                                en: "economic class \(code): \(sources[code]!) is \(ImportPlan.yaml(values[code]!)) but its items add up to \(ImportPlan.yaml(sum)); kept as printed.")
                }
                continue
            }
            let group = code.hasPrefix("301") || code.hasPrefix("303") ? "personnel" : "public"
            var fields: [(key: String, value: String)] = [("code", ImportPlan.yaml(code: code))]
            if anyAmount { fields.append(("amount", ImportPlan.yaml(own))) }
            groups[group, default: []].append(ImportPlan.Item(fields: fields, sources: [sources[code]!], title: code))
        }
        for group in ["personnel", "public"] {
            plan.lists.append(ImportPlan.List(path: ["basic_expenditure", group, "items"], identity: ["code"], scalarItemKey: "code",
                                              preferFlow: true, items: groups[group] ?? []))
        }
    }

    // MARK: “三公”经费

    /// The column's 三公 item and whether it is the 预算数 or 决算数, from its header words; nil for
    /// 合计 and 小计, which the tables compute.
    static func threePublicColumn(_ path: [String]) -> (field: String, budget: Bool)? {
        let budget: Bool
        if path.contains(where: { $0.contains("预算") }) { budget = true } else if path.contains(where: { $0.contains("决算") || $0.contains("实际") }) { budget = false } else { return nil }
        for text in path.reversed() where !(text.contains("预算") || text.contains("决算")) {
            if text.contains("购置及运行") || text.contains("小计") || text.contains("合计") { return nil }
            if text.contains("购置") { return ("vehicle_purchase", budget) }
            if text.contains("运行") { return ("vehicle_operation", budget) }
            if text.contains("出国") { return ("overseas", budget) }
            if text.contains("接待") { return ("reception", budget) }
        }
        return nil
    }

    mutating func readThreePublic(_ grid: SheetGrid) {
        var columns: [(Int, String, Bool)] = []
        for c in grid.paths.indices {
            if let (field, budget) = Self.threePublicColumn(grid.paths[c]) { columns.append((c, field, budget)) }
        }
        unusedColumns(grid, used: Set(grid.paths.indices.filter { c in grid.paths[c].contains { $0.contains("预算") || $0.contains("决算") } }))
        guard columns.count >= 4 else {
            plan.notice(.unplaced, grid.sheet.name, zh: "没有识别出“三公”经费各项的预算数、决算数列，未导入。",
                        en: "the 三公 budget and actual columns were not recognised; nothing imported.")
            return
        }
        let row = grid.bodyRows.first { r in columns.contains { SheetGrid.number(grid.sheet.cell(r, $0.0)) != nil } }
        // An empty table (a 空表 statement under it) says these costs are nil: the items are 0.
        var read: [String: DecimalNumber] = [:]
        for (c, field, budget) in columns {
            let value = row.flatMap { amount(grid, $0, c) } ?? .zero
            let place = row.map { grid.sheet.reference($0, c) } ?? grid.sheet.name
            plan.set(["three_public", budget ? "budget" : "actual", field], value, from: place)
            read["\(budget) \(field)"] = value
        }
        guard let row else { return }
        // 合计 and 小计 columns: compared with the items they add up.
        for c in grid.paths.indices where Self.threePublicColumn(grid.paths[c]) == nil {
            let path = grid.paths[c]
            let budget = path.contains { $0.contains("预算") }
            guard budget || path.contains(where: { $0.contains("决算") || $0.contains("实际") }),
                  let stated = SheetGrid.number(grid.sheet.cell(row, c)).flatMap({ _ in amount(grid, row, c) }) else { continue }
            let vehicleOnly = path.contains { $0.contains("小计") || $0.contains("购置及运行") }
            let fields = vehicleOnly ? ["vehicle_purchase", "vehicle_operation"] : ["overseas", "vehicle_purchase", "vehicle_operation", "reception"]
            let parts = fields.map { read["\(budget) \($0)"] ?? .zero }
            let cell = grid.sheet.reference(row, c)
            if stated != DecimalNumber.sum(parts) {
                // Printed otherwise than the sum (a rounding tail or a mistake): kept as printed.
                plan.set(["three_public", budget ? "budget" : "actual", vehicleOnly ? "vehicle" : "total"], stated, from: cell)
            }
            if sumConsistent(stated, parts, grid.unit ?? unit) {
                plan.account(cell, .compared("与各项之和相同"))
            } else {
                plan.account(cell, .compared("与各项之和不同"))
                plan.notice(.conflict, cell, zh: "“三公”经费\(budget ? "预算数" : "决算数")\(vehicleOnly ? "公务用车小计" : "合计") \(cell) 为 \(ImportPlan.yaml(stated))，各项之和为 \(ImportPlan.yaml(DecimalNumber.sum(parts)))；各项按原样导入，请核对。",
                            en: "三公 \(budget ? "budget" : "actual") \(vehicleOnly ? "vehicle subtotal" : "total") \(cell) is \(ImportPlan.yaml(stated)) but the items add up to \(ImportPlan.yaml(DecimalNumber.sum(parts))); items imported as stated.")
            }
        }
    }

    /// 政府性基金预算财政拨款“三公”经费支出决算表: the content format has no place for such spending.
    mutating func readEmptyThreePublic(_ grid: SheetGrid) {
        for r in grid.bodyRows {
            for c in grid.paths.indices {
                if let v = SheetGrid.number(grid.sheet.cell(r, c)), !v.isZero {
                    plan.notice(.unplaced, grid.sheet.reference(r, c), zh: "政府性基金安排的“三公”经费在内容格式中没有对应字段，未导入。",
                                en: "三公 spending from the 政府性基金 has no field in the content format; not imported.")
                    return
                }
            }
        }
    }
}
