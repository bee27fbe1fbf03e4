/// Lays out every 附表 of a report's table set from the model. Pure: no I/O.
public struct TableBuilder: Sendable {
    public let report: Report
    public let unitName: String
    public let functionalCodes: CodeList?
    public let economicCodes: CodeList?
    /// Names printed beside codes in the report's functional rows (`name:`); the first one wins.
    public let printedNames: [String: String]

    public init(report: Report, unitName: String, codes: CodeLists = .bundled) {
        self.report = report
        self.unitName = unitName
        self.functionalCodes = codes.list(.functional, year: report.year)
        self.economicCodes = codes.list(.economic, year: report.year)
        var names: [String: String] = [:]
        for row in report.accounts.functional {
            if let name = row.name?.value, names[row.code.value] == nil { names[row.code.value] = name }
        }
        self.printedNames = names
    }

    var accounts: FinalAccounts { report.accounts }
    var unit: MoneyUnit { accounts.unit }
    var unitLine: String { "单位：\(unit.rawValue)" }
    var subject: String { report.kind == .department ? "本部门" : "本单位" }

    public func tables() -> [TableModel] {
        guard let set = TableSet.bundled[report.tableSetID] else { return [] }
        return set.tables.enumerated().map { index, table in
            var model = build(table.id)
            model.number = ChineseNumerals.number(index + 1)
            model.title = table.title
            return model
        }
    }

    func build(_ layout: String) -> TableModel {
        switch layout {
        case "income-expenditure-summary": return incomeExpenditureSummary()
        case "income": return incomeTable()
        case "expenditure": return expenditureTable()
        case "appropriation-summary": return appropriationSummary()
        case "appropriation-detail": return functionalTable(layout, funds: Fund.appropriations, columns: basicProjectColumns)
        case "general-budget": return functionalTable(layout, funds: [.generalBudget], columns: basicProjectColumns)
        case "general-budget-detail": return generalBudgetDetail()
        case "general-budget-basic": return generalBudgetBasic()
        case "general-budget-project": return functionalTable(layout, funds: [.generalBudget], columns: [(nil, "项目支出", { $0.project })], onlyNonZero: true)
        case "general-budget-three-public": return threePublicTable(layout)
        case "three-public": return threePublicTable(layout)
        case "government-fund": return fundTable(layout, fund: .governmentFund)
        case "state-capital": return fundTable(layout, fund: .stateCapital)
        case "state-capital-expenditure": return fundExpenditureTable(layout, fund: .stateCapital)
        case "government-fund-three-public": return emptyThreePublic(layout, fundName: "政府性基金预算财政拨款")
        case "agency-assets-procurement": return agencyAssetsProcurement()
        default: return TableModel(id: layout, number: "", title: layout, unitLine: unitLine, headerRows: [], bodyRows: [], columnCount: 0)
        }
    }

    // MARK: Functional hierarchy

    struct Amounts {
        var basic: DecimalNumber = .zero
        var project: DecimalNumber = .zero
        var remit: DecimalNumber = .zero
        var operating: DecimalNumber = .zero
        var subsidy: DecimalNumber = .zero
        var budget: DecimalNumber = .zero
        var hasBudget = false
        var total: DecimalNumber { basic + project + remit + operating + subsidy }

        static func + (a: Amounts, b: Amounts) -> Amounts {
            Amounts(basic: a.basic + b.basic, project: a.project + b.project, remit: a.remit + b.remit,
                    operating: a.operating + b.operating, subsidy: a.subsidy + b.subsidy, budget: a.budget + b.budget,
                    hasBudget: a.hasBudget || b.hasBudget)
        }
    }

    typealias Column = (group: String?, title: String, value: (Amounts) -> DecimalNumber)

    var basicProjectColumns: [Column] {
        [(nil, "合计", { $0.total }), (nil, "基本支出", { $0.basic }), (nil, "项目支出", { $0.project })]
    }

    func amounts(_ row: FunctionalRow) -> Amounts {
        Amounts(basic: row.amount(.basic, unit: unit).value, project: row.amount(.project, unit: unit).value,
                remit: row.amount(.remitToSuperior, unit: unit).value, operating: row.amount(.operating, unit: unit).value,
                subsidy: row.amount(.subsidyToSubordinates, unit: unit).value, budget: row.budget?.value ?? .zero,
                hasBudget: row.budget != nil)
    }

    /// 类, 款 and 项 lines with their sums, in code order.
    func hierarchy(_ funds: [Fund]) -> [(code: String, amounts: Amounts)] {
        var sums: [String: Amounts] = [:]
        for row in accounts.functional where funds.contains(row.fund) {
            let code = row.code.value
            for length in [3, 5, 7] where code.count >= length {
                let prefix = String(code.prefix(length))
                sums[prefix] = (sums[prefix] ?? Amounts()) + amounts(row)
            }
        }
        return sums.keys.sorted().map { ($0, sums[$0]!) }
    }

    /// The report's own printed name for the code where it gives one, else the code list's.
    public func name(of code: String) -> String {
        if let printed = printedNames[code] { return printed }
        if let entry = functionalCodes?[code], entry.isNamed { return entry.name }
        return code
    }


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

    func functionalTable(_ id: String, funds: [Fund], columns: [Column], onlyNonZero: Bool = false,
                         emptyNote: String? = nil) -> TableModel {
        let lines = hierarchy(funds).filter { line in !onlyNonZero || columns.contains { !$0.value(line.amounts).isZero } }
        let total = accounts.functional.filter { funds.contains($0.fund) }.map(amounts).reduce(Amounts(), +)
        var body: [[TableModel.Cell]] = [[TableModel.Cell(text: "合计", kind: .label, colspan: 4, emphasis: true)] +
            columns.map { .money($0.value(total), blankZero: false, emphasis: true) }]
        for line in lines {
            let level = line.code.count == 3 ? 0 : (line.code.count == 5 ? 1 : 2)
            body.append(codeCells(line.code) + [.label(name(of: line.code), level: level)] + columns.map { .money($0.value(line.amounts)) })
        }
        return TableModel(id: id, number: "", title: "", unitLine: unitLine, headerRows: headers(columns), bodyRows: body,
                          emptyNote: lines.isEmpty ? emptyNote : nil, columnCount: 4 + columns.count)
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
            ("\(ChineseNumerals.number($0.offset + 1))、\($0.element.label)", i.amount($0.element).value)
        }
        let byClass = Dictionary(uniqueKeysWithValues: hierarchy(Fund.allCases).filter { $0.code.count == 3 }.map { ($0.code, $0.amounts.total) })
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
        body.append(bold("本年收入合计", i.total.value, "本年支出合计", e.total.value))
        body.append([.label("使用非财政拨款结余"), .money(i.nonAppropriationBalanceUsed.value), .label("结余分配"), .money(e.balanceDistribution.value)])
        body.append([.label("年初结转和结余"), .money(i.carryoverBeginning.value), .label("年末结转和结余"), .money(e.carryoverEnding.value)])
        body.append(bold("总计", i.grandTotal.value, "总计", e.grandTotal.value))
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
        func values(_ sources: [IncomeStatement.Source: DecimalNumber]) -> [DecimalNumber] {
            let appropriation = [IncomeStatement.Source.generalBudget, .governmentFund, .stateCapital].reduce(DecimalNumber.zero) { $0 + (sources[$1] ?? .zero) }
            let all = sources.values.reduce(DecimalNumber.zero, +)
            return [all, appropriation] + columns.dropFirst(2).map { sources[$0.1!] ?? .zero }
        }
        var totals: [IncomeStatement.Source: DecimalNumber] = [:]
        for s in IncomeStatement.Source.allCases { totals[s] = accounts.income.amount(s).value }
        var body: [[TableModel.Cell]] = [[TableModel.Cell(text: "合计", kind: .label, colspan: 4, emphasis: true)] + values(totals).map { .money($0, blankZero: false, emphasis: true) }]
        var sums: [String: [IncomeStatement.Source: DecimalNumber]] = [:]
        for row in accounts.incomeByFunction {
            for length in [3, 5, 7] where row.code.value.count >= length {
                let prefix = String(row.code.value.prefix(length))
                for (s, f) in row.sources { sums[prefix, default: [:]][s, default: .zero] = sums[prefix, default: [:]][s, default: .zero] + f.value }
            }
        }
        for code in sums.keys.sorted() {
            let level = code.count == 3 ? 0 : (code.count == 5 ? 1 : 2)
            body.append(codeCells(code) + [.label(name(of: code), level: level)] + values(sums[code]!).map { .money($0) })
        }
        var header: [[TableModel.Cell]] = [[.header("科目编码", colspan: 3, scope: "colgroup"), .header("科目名称", rowspan: 2)]]
        header[0] += columns.map { .header($0.0, rowspan: 2) }
        header.append([.header("类"), .header("款"), .header("项")])
        return TableModel(id: "income", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body,
                          note: accounts.incomeByFunction.isEmpty ? "注：本表反映\(subject)本年度取得的各项收入情况；本报告未列示按支出功能分类的收入明细。" : "注：本表反映\(subject)本年度取得的各项收入情况。",
                          columnCount: 4 + columns.count)
    }

    func expenditureTable() -> TableModel {
        var model = functionalTable("expenditure", funds: Fund.allCases, columns: [
            (nil, "本年支出合计", { $0.total }), (nil, "基本支出", { $0.basic }), (nil, "项目支出", { $0.project }),
            (nil, "上缴上级支出", { $0.remit }), (nil, "经营支出", { $0.operating }), (nil, "对附属单位补助支出", { $0.subsidy }),
        ])
        model.note = "注：本表反映\(subject)本年度各项支出情况。"
        return model
    }

    // MARK: 财政拨款收入支出决算总表

    func appropriationSummary() -> TableModel {
        let funds = Fund.appropriations
        let income = funds.map { f in accounts.income.amount(IncomeStatement.Source(rawValue: f.rawValue)!).value }
        let opening = funds.map { accounts.appropriation.carryoverBeginning[$0]?.value ?? .zero }
        let closing = funds.map { accounts.appropriation.carryoverEnding[$0]?.value ?? .zero }
        let byClass = funds.map { f in Dictionary(uniqueKeysWithValues: hierarchy([f]).filter { $0.code.count == 3 }.map { ($0.code, $0.amounts.total) }) }
        let spent = funds.map { f in accounts.functional.filter { $0.fund == f }.map { amounts($0).total }.reduce(DecimalNumber.zero, +) }
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
                let sum = values.compactMap { $0 }.reduce(DecimalNumber.zero, +)
                right = [.label("\(ChineseNumerals.number(k + 1))、\(classes[k].name)"), .money(values.allSatisfy { $0 == nil } ? nil : sum)] + values.map { .money($0) }
            }
            body.append(left + right)
        }
        let sum = { (xs: [DecimalNumber]) in xs.reduce(DecimalNumber.zero, +) }
        body.append([.label("本年收入合计", emphasis: true), .money(sum(income), blankZero: false, emphasis: true), .label("本年支出合计", emphasis: true),
                     .money(sum(spent), blankZero: false, emphasis: true)] + spent.map { .money($0, blankZero: false, emphasis: true) })
        body.append([.label("年初财政拨款结转和结余"), .money(sum(opening), blankZero: false), .label("年末财政拨款结转和结余"),
                     .money(sum(closing), blankZero: false)] + closing.map { .money($0, blankZero: false) })
        for (k, f) in funds.enumerated() {
            body.append([.label("　　\(f.label)", level: 1), .money(opening[k]), .blank, .blank, .blank, .blank, .blank])
        }
        body.append([.label("总计", emphasis: true), .money(sum(income) + sum(opening), blankZero: false, emphasis: true), .label("总计", emphasis: true),
                     .money(sum(spent) + sum(closing), blankZero: false, emphasis: true)] + funds.indices.map { .money(spent[$0] + closing[$0], blankZero: false, emphasis: true) })
        let header: [[TableModel.Cell]] = [
            [.header("收入", colspan: 2, scope: "colgroup"), .header("支出", colspan: 5, scope: "colgroup")],
            [.header("项目"), .header("决算数"), .header("项目"), .header("合计"), .header("一般公共预算财政拨款"), .header("政府性基金预算财政拨款"), .header("国有资本经营预算财政拨款")],
        ]
        return TableModel(id: "appropriation-summary", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body, columnCount: 7)
    }

    // MARK: 一般公共预算

    func generalBudgetDetail() -> TableModel {
        functionalTable("general-budget-detail", funds: [.generalBudget], columns: [
            (nil, "预算数", { $0.budget }), ("决算数", "合计", { $0.total }), ("决算数", "基本支出", { $0.basic }), ("决算数", "项目支出", { $0.project }),
        ])
    }

    func generalBudgetBasic() -> TableModel {
        let groups = [(accounts.basic.personnel, "人员经费"), (accounts.basic.publicExpenses, accounts.basic.publicExpenses.label ?? "公用经费")]
        func lines(_ group: BasicExpenditure.Group) -> [[TableModel.Cell]] {
            var sums: [String: DecimalNumber] = [:]
            var known: Set<String> = []
            for item in group.items {
                let code = item.code.value
                for length in [3, 5] where code.count >= length {
                    let prefix = String(code.prefix(length))
                    known.insert(prefix)
                    if let a = item.amount { sums[prefix, default: .zero] = sums[prefix, default: .zero] + a.value }
                }
            }
            return known.sorted().map { code in
                [.code(code), .label(economicCodes?[code]?.name ?? code, level: code.count == 3 ? 0 : 1), .money(sums[code])]
            }
        }
        let left = lines(groups[0].0), right = lines(groups[1].0)
        var body: [[TableModel.Cell]] = []
        for k in 0..<max(left.count, right.count) {
            body.append((k < left.count ? left[k] : [.blank, .blank, .blank]) + (k < right.count ? right[k] : [.blank, .blank, .blank]))
        }
        body.append([TableModel.Cell(text: "\(groups[0].1)合计", kind: .label, colspan: 2, emphasis: true), .money(groups[0].0.total.value, blankZero: false, emphasis: true),
                     TableModel.Cell(text: "\(groups[1].1)合计", kind: .label, colspan: 2, emphasis: true), .money(groups[1].0.total.value, blankZero: false, emphasis: true)])
        let header: [[TableModel.Cell]] = [
            [.header(groups[0].1, colspan: 3, scope: "colgroup"), .header(groups[1].1, colspan: 3, scope: "colgroup")],
            [.header("科目编码"), .header("科目名称"), .header("决算数"), .header("科目编码"), .header("科目名称"), .header("决算数")],
        ]
        let partial = (groups[0].0.items + groups[1].0.items).contains { $0.amount == nil }
        return TableModel(id: "general-budget-basic", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body,
                          note: partial ? "注：本报告只列示了人员经费、公用经费的合计数和所含经济分类科目，未列示各科目金额。" : nil, columnCount: 6)
    }

    // MARK: “三公”经费

    func threePublicTable(_ id: String) -> TableModel {
        let t = accounts.threePublic
        func values(_ items: ThreePublicCosts.Items) -> [DecimalNumber] {
            [items.total.value, items.overseas.value, items.vehicle.value, items.vehiclePurchase.value, items.vehicleOperation.value, items.reception.value]
        }
        let budget = values(t.budget), actual = values(t.actual)
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
        let carry = fund == .governmentFund ? accounts.governmentFund : accounts.stateCapital
        var byCode: [String: (open: DecimalNumber, income: DecimalNumber, close: DecimalNumber)] = [:]
        for row in carry?.rows ?? [] { byCode[row.code.value] = (row.carryoverBeginning.value, row.income.value, row.carryoverEnding.value) }
        let lines = hierarchy([fund])
        var codes = Set(lines.map(\.code))
        for code in byCode.keys { for length in [3, 5, 7] where code.count >= length { codes.insert(String(code.prefix(length))) } }
        let spent = Dictionary(uniqueKeysWithValues: lines.map { ($0.code, $0.amounts) })
        func carried(_ code: String) -> (DecimalNumber, DecimalNumber, DecimalNumber) {
            byCode.filter { $0.key.hasPrefix(code) }.values.reduce((DecimalNumber.zero, DecimalNumber.zero, DecimalNumber.zero)) { ($0.0 + $1.open, $0.1 + $1.income, $0.2 + $1.close) }
        }
        let source = IncomeStatement.Source(rawValue: fund.rawValue)!
        let totalSpent = accounts.functional.filter { $0.fund == fund }.map(amounts).reduce(Amounts(), +)
        let totalOpen = accounts.appropriation.carryoverBeginning[fund]?.value ?? .zero
        let totalClose = accounts.appropriation.carryoverEnding[fund]?.value ?? .zero
        let totalIncome = accounts.income.amount(source).value
        var body: [[TableModel.Cell]] = [[TableModel.Cell(text: "合计", kind: .label, colspan: 4, emphasis: true),
            .money(totalOpen, blankZero: false, emphasis: true), .money(totalIncome, blankZero: false, emphasis: true),
            .money(totalSpent.total, blankZero: false, emphasis: true), .money(totalSpent.basic, blankZero: false, emphasis: true),
            .money(totalSpent.project, blankZero: false, emphasis: true), .money(totalClose, blankZero: false, emphasis: true)]]
        for code in codes.sorted() {
            let s = spent[code] ?? Amounts()
            let c = carried(code)
            let level = code.count == 3 ? 0 : (code.count == 5 ? 1 : 2)
            body.append(codeCells(code) + [.label(name(of: code), level: level), .money(c.0), .money(c.1), .money(s.total), .money(s.basic), .money(s.project), .money(c.2)])
        }
        let header: [[TableModel.Cell]] = [
            [.header("科目编码", colspan: 3, scope: "colgroup"), .header("科目名称", rowspan: 2), .header("年初结转和结余", rowspan: 2), .header("本年收入", rowspan: 2),
             .header("本年支出", colspan: 3, scope: "colgroup"), .header("年末结转和结余", rowspan: 2)],
            [.header("类"), .header("款"), .header("项"), .header("小计"), .header("基本支出"), .header("项目支出")],
        ]
        let empty = codes.isEmpty && totalOpen.isZero && totalIncome.isZero && totalClose.isZero
        let name = fund == .governmentFund ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款"
        return TableModel(id: id, number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body,
                          emptyNote: empty ? "\(subject)本年度没有\(name)收入和支出，故本表无数据。" : nil, columnCount: 10)
    }

    func fundExpenditureTable(_ id: String, fund: Fund) -> TableModel {
        let name = fund == .governmentFund ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款"
        return functionalTable(id, funds: [fund], columns: [("本年支出", "合计", { $0.total }), ("本年支出", "基本支出", { $0.basic }), ("本年支出", "项目支出", { $0.project })],
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
        body.append([.label("三、车辆数", emphasis: true), .text("辆"), .count(a.assets.vehicleTotal)])
        for v in a.assets.vehicles { body.append([.label(v.type, level: 1), .text("辆"), .count(v.count.value.intValue)]) }
        for e in a.assets.equipment { body.append([.label(e.type, emphasis: true), .text("台（套）"), .count(e.count.value.intValue)]) }
        let header: [[TableModel.Cell]] = [[.header("项目"), .header("计量单位"), .header("数量（金额）")]]
        return TableModel(id: "agency-assets-procurement", number: "", title: "", unitLine: unitLine, headerRows: header, bodyRows: body, columnCount: 3)
    }
}
