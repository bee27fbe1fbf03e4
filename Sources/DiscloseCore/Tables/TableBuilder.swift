/// Lays out every 附表 of a report's table set. Pure: no I/O. Every amount is a figure of
/// `ReportFigures` as the source prints it where the content records one (`shown`); no sum is worked
/// out here.
public struct TableBuilder: Sendable {
    public let figures: ReportFigures
    public let unitName: String
    public let functionalCodes: CodeList?
    public let economicCodes: CodeList?
    /// Names printed beside codes in the report's functional rows (`name:`); the first one wins.
    public let printedNames: [String: String]

    public init(figures: ReportFigures, unitName: String, codes: CodeLists = .bundled) {
        self.figures = figures
        self.unitName = unitName
        self.functionalCodes = codes.list(.functional, year: figures.report.year)
        self.economicCodes = codes.list(.economic, year: figures.report.year)
        var names: [String: String] = [:]
        for row in figures.report.accounts.functional {
            if let name = row.name?.value, names[row.code.value] == nil { names[row.code.value] = name }
        }
        self.printedNames = names
    }

    public init(report: Report, unitName: String, codes: CodeLists = .bundled) {
        self.init(figures: ReportFigures(report), unitName: unitName, codes: codes)
    }

    var report: Report { figures.report }
    var accounts: FinalAccounts { report.accounts }
    var unit: MoneyUnit { accounts.unit }
    var unitLine: String { "单位：\(unit.rawValue)" }
    var subject: String { report.kind == .department ? "本部门" : "本单位" }

    public func tables() -> [TableModel] {
        guard let set = TableSet.bundled[report.tableSetID] else { return [] }
        return set.tables.enumerated().map { index, table in
            var model = build(table.layout)
            model.number = ChineseNumerals.number(index + 1)
            model.title = table.title
            return model
        }
    }

    func build(_ layout: TableLayout) -> TableModel {
        let id = layout.rawValue
        switch layout {
        case .incomeExpenditureSummary: return incomeExpenditureSummary()
        case .income: return incomeTable()
        case .expenditure: return expenditureTable()
        case .appropriationSummary: return appropriationSummary()
        case .appropriationDetail: return functionalTable(id, scope: .appropriations, columns: basicProjectColumns)
        case .generalBudget: return functionalTable(id, scope: .generalBudget, columns: basicProjectColumns)
        case .generalBudgetDetail: return generalBudgetDetail()
        case .generalBudgetBasic: return generalBudgetBasic()
        case .generalBudgetProject: return functionalTable(id, scope: .generalBudget, columns: [(nil, "项目支出", .project)], onlyNonZero: true)
        case .generalBudgetThreePublic, .threePublic: return threePublicTable(id)
        case .governmentFund: return fundTable(id, fund: .governmentFund)
        case .stateCapital: return fundTable(id, fund: .stateCapital)
        case .stateCapitalExpenditure: return fundExpenditureTable(id, fund: .stateCapital)
        case .governmentFundThreePublic: return emptyThreePublic(id, fundName: "政府性基金预算财政拨款")
        case .agencyAssetsProcurement: return agencyAssetsProcurement()
        }
    }

    // MARK: Functional hierarchy

    typealias Column = (group: String?, title: String, column: FunctionalColumn)

    var basicProjectColumns: [Column] {
        [(nil, "合计", .total), (nil, "基本支出", .basic), (nil, "项目支出", .project)]
    }

    static func level(_ code: String) -> Int { code.count == 3 ? 0 : (code.count == 5 ? 1 : 2) }

    /// The report's own printed name for the code where it gives one, else the code list's.
    public func name(of code: String) -> String {
        if let printed = printedNames[code] { return printed }
        if let entry = functionalCodes?[code], entry.isNamed { return entry.name }
        return code
    }


    /// Where `codeCells` puts a code's 类, 款 and 项: the first three columns of a functional table.
    static let splitCodeColumns = 0..<3

    func codeCells(_ code: String) -> [TableModel.Cell] {
        let chars = Array(code)
        let lei = String(chars.prefix(3))
        let kuan = chars.count >= 5 ? String(chars[3..<5]) : ""
        let xiang = chars.count >= 7 ? String(chars[5..<7]) : ""
        return [.code(lei), .code(kuan), .code(xiang)]
    }

    func headers(_ columns: [Column]) -> [[TableModel.Cell]] {
        var first: [TableModel.Cell] = [.header("科目编码", colspan: 3, scope: "colgroup"), .header("科目名称", rowspan: 2)]
        var second: [TableModel.Cell] = [.header("类"), .header("款"), .header("项")]
        var i = 0
        while i < columns.count {
            if let group = columns[i].group {
                var j = i
                while j < columns.count && columns[j].group == group { j += 1 }
                first.append(.header(group, colspan: j - i, scope: "colgroup"))
                second += columns[i..<j].map { .header($0.title) }
                i = j
            } else {
                first.append(.header(columns[i].title, rowspan: 2))
                i += 1
            }
        }
        return [first, second]
    }

    func functionalTable(_ id: String, scope: FundScope, columns: [Column], onlyNonZero: Bool = false,
                         emptyNote: String? = nil) -> TableModel {
        let totals = figures.functional[scope]!
        let lines = totals.lines.filter { line in !onlyNonZero || columns.contains { !line.shown($0.column).isZero } }
        var body: [[TableModel.Cell]] = [[TableModel.Cell(text: "合计", kind: .label, colspan: 4, emphasis: true)] +
            columns.map { .money(totals.total.shown($0.column), blankZero: false, emphasis: true) }]
        for line in lines {
            let code = line.code!
            body.append(codeCells(code) + [.label(name(of: code), level: line.level)] + columns.map { .money(line.shown($0.column)) })
        }
        return TableModel(id: id, number: "", title: "", unitLine: unitLine, headerRows: headers(columns), bodyRows: body,
                          emptyNote: lines.isEmpty ? emptyNote : nil, columnCount: 4 + columns.count, splitCodeColumns: Self.splitCodeColumns)
    }

    // MARK: 收入支出决算总表

    /// Every 类 printed in a 部门决算 summary table, in official order (from the year's code list).
    var summaryClasses: [ClassificationCode] {
        let excluded: Set<String> = ["209", "227", "230", "233"]
        return (functionalCodes?.entries.values ?? [:].values).filter { $0.level == .lei && !excluded.contains($0.code) }.sorted { $0.code < $1.code }
    }

    func incomeExpenditureSummary() -> TableModel {
        let i = accounts.income, e = accounts.expenditure
        let incomeRows: [(String, DecimalNumber)] = IncomeStatement.Source.allCases.enumerated().map {
            ("\(ChineseNumerals.number($0.offset + 1))、\($0.element.label)", figures.incomeSources[$0.element]!.shown)
        }
        let byClass = Dictionary(uniqueKeysWithValues: figures.functional[.all]!.classes.map { ($0.code!, $0.shown(.total)) })
        let classes = summaryClasses
        let classRows: [(String, DecimalNumber?)] = classes.enumerated().map {
            ("\(ChineseNumerals.number($0.offset + 1))、\($0.element.name)", byClass[$0.element.code])
        }
        let count = max(incomeRows.count, classRows.count)
        var body: [[TableModel.Cell]] = []
        for k in 0..<count {
            let left: [TableModel.Cell] = k < incomeRows.count ? [.label(incomeRows[k].0), .money(incomeRows[k].1)] : [.blank, .blank]
            let right: [TableModel.Cell] = k < classRows.count ? [.label(classRows[k].0), .money(classRows[k].1)] : [.blank, .blank]
            body.append(left + right)
        }
        let bold = { (l: String, a: DecimalNumber, r: String, b: DecimalNumber) -> [TableModel.Cell] in
            [.label(l, emphasis: true), .money(a, blankZero: false, emphasis: true), .label(r, emphasis: true), .money(b, blankZero: false, emphasis: true)]
        }
        body.append(bold("本年收入合计", figures.incomeTotal.shown, "本年支出合计", figures.expenditureTotal.shown))
        body.append([.label("使用非财政拨款结余"), .money(i.nonAppropriationBalanceUsed.value), .label("结余分配"), .money(e.balanceDistribution.value)])
        body.append([.label("年初结转和结余"), .money(i.carryoverBeginning.value), .label("年末结转和结余"), .money(e.carryoverEnding.value)])
        body.append(bold("总计", figures.grandTotal.shown, "总计", figures.expenditureGrandTotal.shown))
        let header: [[TableModel.Cell]] = [
            [.header("收入", colspan: 2, scope: "colgroup"), .header("支出", colspan: 2, scope: "colgroup")],
            [.header("项目"), .header("决算数"), .header("项目"), .header("决算数")],
        ]
        return TableModel(id: "income-expenditure-summary", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body,
                          columnCount: 4)
    }

    // MARK: 收入决算表, 支出决算表

    func incomeTable() -> TableModel {
        let columns: [(String, IncomeStatement.Source?)] = [("本年收入合计", nil), ("财政拨款收入", nil)]
            + IncomeStatement.Source.allCases.filter { ![.generalBudget, .governmentFund, .stateCapital].contains($0) }.map { ($0.label, $0) }
        func values(_ line: IncomeLine) -> [DecimalNumber] {
            [line.total, line.appropriation] + columns.dropFirst(2).map { line.amount($0.1!) }
        }
        var body: [[TableModel.Cell]] = [[TableModel.Cell(text: "合计", kind: .label, colspan: 4, emphasis: true)] + values(figures.incomeTotals).map { .money($0, blankZero: false, emphasis: true) }]
        for line in figures.incomeLines {
            body.append(codeCells(line.code!) + [.label(name(of: line.code!), level: line.level)] + values(line).map { .money($0) })
        }
        var header: [[TableModel.Cell]] = [[.header("科目编码", colspan: 3, scope: "colgroup"), .header("科目名称", rowspan: 2)]]
        header[0] += columns.map { .header($0.0, rowspan: 2) }
        header.append([.header("类"), .header("款"), .header("项")])
        return TableModel(id: "income", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body,
                          note: accounts.incomeByFunction.isEmpty ? "注：本表反映\(subject)本年度取得的各项收入情况；本报告未列示按支出功能分类的收入明细。" : "注：本表反映\(subject)本年度取得的各项收入情况。",
                          columnCount: 4 + columns.count, splitCodeColumns: Self.splitCodeColumns)
    }

    func expenditureTable() -> TableModel {
        var model = functionalTable("expenditure", scope: .all, columns: [
            (nil, "本年支出合计", .total), (nil, "基本支出", .basic), (nil, "项目支出", .project),
            (nil, "上缴上级支出", .remitToSuperior), (nil, "经营支出", .operating), (nil, "对附属单位补助支出", .subsidyToSubordinates),
        ])
        model.note = "注：本表反映\(subject)本年度各项支出情况。"
        return model
    }

    // MARK: 财政拨款收入支出决算总表

    func appropriationSummary() -> TableModel {
        let funds = Fund.appropriations
        let ap = figures.appropriation
        let income = funds.map { ap.incomeByFund[$0]!.shown }
        let opening = funds.map { ap.carryoverBeginningByFund[$0]!.shown }
        let closing = funds.map { ap.carryoverEndingByFund[$0]!.shown }
        let spent = funds.map { ap.expenditureByFund[$0]!.shown }
        let byClass = funds.map { f in Dictionary(uniqueKeysWithValues: figures.functional[FundScope(f)]!.classes.map { ($0.code!, $0.shown(.total)) }) }
        let bothClasses = figures.functional[.appropriations]!
        let leftRows: [(String, DecimalNumber, Bool)] = [
            ("一、一般公共预算财政拨款", income[0], false), ("二、政府性基金预算财政拨款", income[1], false), ("三、国有资本经营预算财政拨款", income[2], false),
        ]
        var body: [[TableModel.Cell]] = []
        let classes = summaryClasses
        for k in 0..<max(leftRows.count, classes.count) {
            let left: [TableModel.Cell] = k < leftRows.count ? [.label(leftRows[k].0), .money(leftRows[k].1)] : [.blank, .blank]
            var right: [TableModel.Cell] = [.blank, .blank, .blank, .blank, .blank]
            if k < classes.count {
                let values = byClass.map { $0[classes[k].code] }
                right = [.label("\(ChineseNumerals.number(k + 1))、\(classes[k].name)"), .money(bothClasses.line(classes[k].code)?.shown(.total))] + values.map { .money($0) }
            }
            body.append(left + right)
        }
        body.append([.label("本年收入合计", emphasis: true), .money(ap.income.shown, blankZero: false, emphasis: true), .label("本年支出合计", emphasis: true),
                     .money(ap.expenditure.shown, blankZero: false, emphasis: true)] + spent.map { .money($0, blankZero: false, emphasis: true) })
        body.append([.label("年初财政拨款结转和结余"), .money(ap.carryoverBeginning.shown, blankZero: false), .label("年末财政拨款结转和结余"),
                     .money(ap.carryoverEnding.shown, blankZero: false)] + closing.map { .money($0, blankZero: false) })
        for (k, f) in funds.enumerated() {
            body.append([.label("　　\(f.label)", level: 1), .money(opening[k]), .blank, .blank, .blank, .blank, .blank])
        }
        body.append([.label("总计", emphasis: true), .money(ap.grandTotal.shown, blankZero: false, emphasis: true), .label("总计", emphasis: true),
                     .money(ap.expenditureGrandTotal.shown, blankZero: false, emphasis: true)] + funds.map { .money(ap.expenditureGrandTotalByFund[$0]!.shown, blankZero: false, emphasis: true) })
        let header: [[TableModel.Cell]] = [
            [.header("收入", colspan: 2, scope: "colgroup"), .header("支出", colspan: 5, scope: "colgroup")],
            [.header("项目"), .header("决算数"), .header("项目"), .header("合计"), .header("一般公共预算财政拨款"), .header("政府性基金预算财政拨款"), .header("国有资本经营预算财政拨款")],
        ]
        return TableModel(id: "appropriation-summary", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body, columnCount: 7)
    }

    // MARK: 一般公共预算

    func generalBudgetDetail() -> TableModel {
        functionalTable("general-budget-detail", scope: .generalBudget, columns: [
            (nil, "预算数", .budget), ("决算数", "合计", .total), ("决算数", "基本支出", .basic), ("决算数", "项目支出", .project),
        ])
    }

    func generalBudgetBasic() -> TableModel {
        let b = accounts.basic
        let groups = [(figures.personnel, b.personnel, "人员经费"), (figures.publicExpenses, b.publicExpenses, b.publicExpenses.label ?? "公用经费")]
        func lines(_ group: EconomicGroup) -> [[TableModel.Cell]] {
            group.lines.map { line in
                [.code(line.code), .label(economicCodes?[line.code]?.name ?? line.code, level: line.level), .money(line.figure?.shown)]
            }
        }
        let left = lines(groups[0].0), right = lines(groups[1].0)
        var body: [[TableModel.Cell]] = []
        for k in 0..<max(left.count, right.count) {
            body.append((k < left.count ? left[k] : [.blank, .blank, .blank]) + (k < right.count ? right[k] : [.blank, .blank, .blank]))
        }
        body.append([TableModel.Cell(text: "\(groups[0].2)合计", kind: .label, colspan: 2, emphasis: true), .money(groups[0].0.total.shown, blankZero: false, emphasis: true),
                     TableModel.Cell(text: "\(groups[1].2)合计", kind: .label, colspan: 2, emphasis: true), .money(groups[1].0.total.shown, blankZero: false, emphasis: true)])
        let header: [[TableModel.Cell]] = [
            [.header(groups[0].2, colspan: 3, scope: "colgroup"), .header(groups[1].2, colspan: 3, scope: "colgroup")],
            [.header("科目编码"), .header("科目名称"), .header("决算数"), .header("科目编码"), .header("科目名称"), .header("决算数")],
        ]
        let partial = (b.personnel.items + b.publicExpenses.items).contains { $0.amount == nil }
        return TableModel(id: "general-budget-basic", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body,
                          note: partial ? "注：本报告只列示了人员经费、公用经费的合计数和所含经济分类科目，未列示各科目金额。" : nil, columnCount: 6)
    }

    // MARK: “三公”经费

    func threePublicTable(_ id: String) -> TableModel {
        let t = accounts.threePublic
        func values(_ items: ThreePublicCosts.Items, _ totals: ThreePublicTotals) -> [DecimalNumber] {
            [totals.total.shown, items.overseas.value, totals.vehicle.shown, items.vehiclePurchase.value, items.vehicleOperation.value, items.reception.value]
        }
        let budget = values(t.budget, figures.threePublicBudget), actual = values(t.actual, figures.threePublicActual)
        var cells: [TableModel.Cell] = []
        for k in 0..<6 { cells += [.money(budget[k], blankZero: false), .money(actual[k], blankZero: false)] }
        let sub = (0..<6).flatMap { _ in [TableModel.Cell.header("预算数"), .header("决算数")] }
        let header: [[TableModel.Cell]] = [
            [.header("合计", colspan: 2, rowspan: 2, scope: "colgroup"), .header("因公出国（境）费", colspan: 2, rowspan: 2, scope: "colgroup"),
             .header("公务用车购置及运行费", colspan: 6, scope: "colgroup"), .header("公务接待费", colspan: 2, rowspan: 2, scope: "colgroup")],
            [.header("小计", colspan: 2, scope: "colgroup"), .header("公务用车购置费", colspan: 2, scope: "colgroup"), .header("公务用车运行费", colspan: 2, scope: "colgroup")],
            sub,
        ]
        let empty = budget.allSatisfy(\.isZero) && actual.allSatisfy(\.isZero)
        return TableModel(id: id, number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: [cells],
                          emptyNote: empty ? "\(subject)本年度没有财政拨款“三公”经费支出，故本表无数据。" : nil, columnCount: 12)
    }

    func emptyThreePublic(_ id: String, fundName: String) -> TableModel {
        var model = threePublicTable(id)
        model.bodyRows = [Array(repeating: TableModel.Cell.money(nil), count: 12)]
        model.emptyNote = "\(subject)本年度没有使用\(fundName)安排的“三公”经费支出，故本表无数据。"
        return model
    }

    // MARK: 政府性基金, 国有资本经营

    func fundTable(_ id: String, fund: Fund) -> TableModel {
        let carried = Dictionary(uniqueKeysWithValues: (figures.carryovers[fund] ?? []).map { ($0.code, $0) })
        let functional = figures.functional[FundScope(fund)]!
        let codes = Set(functional.lines.map { $0.code! }).union(carried.keys)
        let ap = figures.appropriation
        let total = functional.total
        let totalOpen = ap.carryoverBeginningByFund[fund]!.shown
        let totalClose = ap.carryoverEndingByFund[fund]!.shown
        let totalIncome = ap.incomeByFund[fund]!.shown
        var body: [[TableModel.Cell]] = [[TableModel.Cell(text: "合计", kind: .label, colspan: 4, emphasis: true),
            .money(totalOpen, blankZero: false, emphasis: true), .money(totalIncome, blankZero: false, emphasis: true),
            .money(total.shown(.total), blankZero: false, emphasis: true), .money(total.shown(.basic), blankZero: false, emphasis: true),
            .money(total.shown(.project), blankZero: false, emphasis: true), .money(totalClose, blankZero: false, emphasis: true)]]
        for code in codes.sorted() {
            let s = functional.line(code)
            let c = carried[code]
            let spent = { (column: FunctionalColumn) in s?.shown(column) ?? .zero }
            body.append(codeCells(code) + [.label(name(of: code), level: Self.level(code)), .money(c?.carryoverBeginning ?? .zero), .money(c?.income ?? .zero),
                                           .money(spent(.total)), .money(spent(.basic)), .money(spent(.project)), .money(c?.carryoverEnding ?? .zero)])
        }
        let header: [[TableModel.Cell]] = [
            [.header("科目编码", colspan: 3, scope: "colgroup"), .header("科目名称", rowspan: 2), .header("年初结转和结余", rowspan: 2), .header("本年收入", rowspan: 2),
             .header("本年支出", colspan: 3, scope: "colgroup"), .header("年末结转和结余", rowspan: 2)],
            [.header("类"), .header("款"), .header("项"), .header("小计"), .header("基本支出"), .header("项目支出")],
        ]
        let empty = codes.isEmpty && totalOpen.isZero && totalIncome.isZero && totalClose.isZero
        let name = fund == .governmentFund ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款"
        return TableModel(id: id, number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body,
                          emptyNote: empty ? "\(subject)本年度没有\(name)收入和支出，故本表无数据。" : nil, columnCount: 10,
                          splitCodeColumns: Self.splitCodeColumns)
    }

    func fundExpenditureTable(_ id: String, fund: Fund) -> TableModel {
        let name = fund == .governmentFund ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款"
        return functionalTable(id, scope: FundScope(fund), columns: [("本年支出", "合计", .total), ("本年支出", "基本支出", .basic), ("本年支出", "项目支出", .project)],
                               emptyNote: "\(subject)本年度没有\(name)支出，故本表无数据。")
    }

    // MARK: 机关运行经费、资产占用情况及政府采购

    func agencyAssetsProcurement() -> TableModel {
        let a = accounts
        var body: [[TableModel.Cell]] = []
        body.append([.label("一、机关运行经费", emphasis: true), .text(unit.rawValue), .money(a.agencyOperatingCost.amount.value, blankZero: false)])
        body.append([.label("二、政府采购支出总额", emphasis: true), .text(unit.rawValue), .money(a.procurement.total.value, blankZero: false)])
        for (label, f) in [("政府采购货物支出", a.procurement.goods), ("政府采购工程支出", a.procurement.works), ("政府采购服务支出", a.procurement.services)] {
            body.append([.label(label, level: 1), .text(unit.rawValue), .money(f.value, blankZero: false)])
        }
        if let sme = a.procurement.sme { body.append([.label("授予中小企业合同金额", level: 1), .text(unit.rawValue), .money(sme.value, blankZero: false)]) }
        if let micro = a.procurement.micro { body.append([.label("其中：授予小微企业合同金额", level: 2), .text(unit.rawValue), .money(micro.value, blankZero: false)]) }
        body.append([.label("三、车辆数", emphasis: true), .text("辆"), .count(figures.assetVehicles)])
        for v in a.assets.vehicles { body.append([.label(v.type, level: 1), .text("辆"), .count(v.count.value.intValue)]) }
        for e in a.assets.equipment { body.append([.label(e.type, emphasis: true), .text("台（套）"), .count(e.count.value.intValue)]) }
        let header: [[TableModel.Cell]] = [[.header("项目"), .header("计量单位"), .header("数量（金额）")]]
        return TableModel(id: "agency-assets-procurement", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body, columnCount: 3)
    }
}
