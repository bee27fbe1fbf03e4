import DiscloseCore

/// Reads 附表 sheets in the official layouts into an `ImportPlan`. Tables are recognised by their
/// title and columns by their header words, never by fixed cell positions. Pure: no I/O.
public struct TableImporter {
    /// The report's money unit: every amount is converted to it.
    public let unit: MoneyUnit
    /// The unit name from unit.yaml, to compare with a sheet's 编制单位.
    public let unitName: String?

    /// The decisions of the report's import.yaml.
    public let decisions: ImportDecisions

    public init(unit: MoneyUnit, unitName: String? = nil, decisions: ImportDecisions = ImportDecisions()) {
        self.unit = unit
        self.unitName = unitName
        self.decisions = decisions
    }

    var plan = ImportPlan()
    /// Per 附表 kind, the amounts by 科目 code collected from its sheet.
    var codeTables: [TableLayout: CodeTable] = [:]
    var basicItems: [(code: String, amount: DecimalNumber?, source: String)] = []
    var basicRead = false
    /// Every recognised sheet, for the final account of its numeric cells.
    var grids: [SheetGrid] = []
    /// Codes of the 支出决算表 whose line was not imported (the sheets disagree on them).
    var unbooked: Set<String> = []
    /// The 类 lines of the 收入支出决算总表's 支出 side: compared with the 支出决算表.
    var summaryClasses: [(label: String, value: DecimalNumber, cell: String, unit: MoneyUnit, fund: Fund?)] = []
    /// The 基本支出 totals of the 基本支出决算表 (人员经费合计, 公用经费合计), with their cells.
    var basicTotals: [(value: DecimalNumber, cell: String)] = []
    /// 类 lines of the 总表s with their code: stated class totals (`functional_stated`, scope all or a fund).
    var statedClassLines: [(code: String, value: DecimalNumber, cell: String, fund: Fund?)] = []
    /// The 合计 and 总计 rows of the 财政拨款收入支出决算总表 (`appropriation.stated` keys).
    var appropriationTotals: [String: (value: DecimalNumber, cell: String)] = [:]
    /// Rows and columns already named in a notice, so that the final account does not repeat them.
    var noticedRows: Set<String> = []
    var noticedColumns: Set<String> = []

    public func plan(for sheets: [ImportSheet]) -> ImportPlan {
        var importer = self
        for sheet in sheets { importer.read(sheet) }
        importer.assembleFunctional()
        importer.assembleIncomeByFunction()
        importer.assembleBasic()
        importer.compareAcrossSheets()
        importer.assembleStated()
        importer.accountCodeTables()
        importer.accountRemainingCells()
        return importer.plan
    }

    // MARK: Recognition

    /// Every title of the bundled table sets, longest first (so that 财政拨款收入支出决算总表 wins over
    /// 收入支出决算总表 and 一般公共预算财政拨款支出决算表 over 支出决算表).
    static let titles: [(key: String, layout: TableLayout, title: String)] = {
        var seen: Set<String> = []
        var all: [(String, TableLayout, String)] = []
        for set in TableSet.bundled.keys.sorted().compactMap({ TableSet.bundled[$0] }) {
            for table in set.tables where seen.insert(normalizedTitle(table.title)).inserted {
                all.append((normalizedTitle(table.title), table.layout, table.title))
            }
        }
        return all.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
    }()

    static func normalizedTitle(_ text: String) -> String {
        SheetGrid.clean(text).filter { !"“”\"'‘’「」".contains($0) }
    }

    /// The layout a sheet is, from the title in its first rows or else its name.
    static func layout(of sheet: ImportSheet) -> (layout: TableLayout, title: String)? {
        var candidates: [String] = []
        for r in 0..<min(4, sheet.rows.count) {
            for c in 0..<sheet.columnCount where !sheet.cell(r, c).isEmpty { candidates.append(normalizedTitle(sheet.cell(r, c))) }
        }
        candidates.append(normalizedTitle(sheet.name))
        for text in candidates where !text.hasPrefix("编制单位") {
            if let match = titles.first(where: { text.contains($0.key) }) { return (match.layout, match.title) }
        }
        return nil
    }

    // MARK: Reading one sheet

    mutating func read(_ sheet: ImportSheet) {
        var sheet = sheet
        // Cells the officer decided not to import (import.yaml) are blank to every reader.
        for r in sheet.rows.indices {
            for c in sheet.rows[r].indices where !sheet.rows[r][c].isEmpty && decisions.ignoredCells.contains(sheet.reference(r, c)) {
                let cell = sheet.reference(r, c)
                plan.account(cell, .unplaced("按 import.yaml 不导入"))
                plan.kept.append(Message(zh: "按 import.yaml 不导入 \(cell)（“\(sheet.rows[r][c])”）。", en: "\(cell) ('\(sheet.rows[r][c])') not imported, as import.yaml says."))
                sheet.rows[r][c] = ""
            }
        }
        guard sheet.rows.contains(where: { $0.contains { !$0.isEmpty } }) else { return }
        guard let (layout, title) = Self.layout(of: sheet) else {
            // A cover or notes sheet holds no figures: it is listed, not warned about.
            let numbers = sheet.rows.flatMap { $0 }.filter { SheetGrid.number($0) != nil }
            if numbers.isEmpty {
                plan.skipped.append(sheet.name)
            } else {
                plan.notice(.unplaced, sheet.name, zh: "未识别为附表（前几行没有附表标题），其中 \(numbers.count) 个数字未导入。",
                            en: "not recognised as a 附表 (no table title in its first rows); its \(numbers.count) numbers are not imported.")
            }
            return
        }
        plan.tables.append((sheet.name, layout, title))
        let grid = SheetGrid(sheet)
        grids.append(grid)
        if !grid.bodyRows.contains(where: { r in grid.sheet.rows[r].contains { SheetGrid.number($0) != nil } }) { plan.emptyTables.insert(sheet.name) }
        if grid.unit == nil {
            plan.notice(.assumption, sheet.name, zh: "没有找到“单位：”行，金额按报告的单位（\(unit.rawValue)）读取。",
                        en: "no 单位 line; amounts read in the report's unit (\(unit.rawValue)).")
        }
        if let preparer = grid.preparer, !preparer.isEmpty {
            // Said once for the workbook, not once per sheet.
            if plan.preparer == nil {
                plan.preparer = (preparer, sheet.name)
                if let unitName, !unitName.isEmpty, SheetGrid.clean(preparer) != SheetGrid.clean(unitName) {
                    plan.notice(.assumption, sheet.name, zh: "编制单位为“\(preparer)”，与 unit.yaml 中的“\(unitName)”不同；请确认导入的是本单位的报表。",
                                en: "prepared by '\(preparer)', not '\(unitName)' as in unit.yaml; make sure this is the right unit's workbook.")
                }
            }
        }
        // Every layout named: a new one must say how it is read.
        switch layout {
        case .incomeExpenditureSummary: readSummary(grid)
        case .appropriationSummary: readAppropriationSummary(grid)
        case .generalBudgetBasic: readBasic(grid)
        case .threePublic, .generalBudgetThreePublic: readThreePublic(grid)
        case .governmentFundThreePublic: readEmptyThreePublic(grid)
        case .agencyAssetsProcurement: readAgency(grid)
        case .income, .expenditure, .appropriationDetail, .generalBudget, .generalBudgetDetail, .generalBudgetProject,
             .governmentFund, .stateCapital, .stateCapitalExpenditure:
            readCodeTable(grid, layout: layout)
        }
    }

    /// A cell's amount in the report's unit; blank is zero. nil (with a notice) when it is not a number.
    mutating func amount(_ grid: SheetGrid, _ row: Int, _ column: Int, unit rowUnit: MoneyUnit? = nil) -> DecimalNumber? {
        let text = grid.sheet.cell(row, column)
        if text.isEmpty { return .zero }
        guard let value = SheetGrid.number(text) else {
            plan.notice(.unplaced, grid.sheet.reference(row, column), zh: "“\(text)”不是数字，未导入。", en: "'\(text)' is not a number; not imported.")
            return nil
        }
        return Amount(value, rowUnit ?? grid.unit ?? unit).converted(to: unit).value.normalized
    }

    /// Notes the columns nobody asked for that hold figures, once per sheet. A column of words (the
    /// standard 科目名称, a 备注 of text) holds no figure to lose and is not listed.
    mutating func unusedColumns(_ grid: SheetGrid, used: Set<Int>) {
        for c in grid.paths.indices where !used.contains(c) && !grid.paths[c].isEmpty && !grid.paths[c].contains("行次") {
            let hasValues = grid.bodyRows.contains { r in
                let text = grid.sheet.cell(r, c)
                return !text.isEmpty && SheetGrid.number(text) != nil && !SheetGrid.isCode(SheetGrid.clean(text))
            }
            if hasValues {
                noticedColumns.insert("\(grid.sheet.name)!\(c)")
                plan.notice(.unplaced, grid.sheet.reference(grid.headerRows.lowerBound, c),
                            zh: "“\(grid.paths[c].joined(separator: "／"))”列不属于本表的官方格式，未导入。",
                            en: "column '\(grid.paths[c].joined(separator: "/"))' is not part of the official layout; not imported.")
            }
        }
    }

    /// A body row that holds numbers but matched nothing.
    mutating func unplacedRow(_ grid: SheetGrid, _ row: Int, label: String) {
        guard grid.sheet.rows[row].contains(where: { SheetGrid.number($0) != nil }) else { return }
        noticedRows.insert(grid.sheet.rowReference(row))
        plan.notice(.unplaced, grid.sheet.rowReference(row), zh: "“\(label)”行无法对应到数据字段，未导入。",
                    en: "row '\(label)' matches no field; not imported.")
    }
}
