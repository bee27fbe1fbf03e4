/// Writes valid, consistent content: random figures that satisfy every reconciliation rule, with a
/// seeded generator so the same seed gives the same files. Used by the property tests and the benchmark.
public struct ConsistentReportGenerator: Sendable {
    public let codes: CodeLists
    /// Also write the totals and subtotals a published form prints (`functional_stated`,
    /// `stated_classes`, `appropriation.stated`), each equal to the sum of its rows.
    public let statedFigures: Bool

    public init(codes: CodeLists = .bundled) {
        self.init(codes: codes, statedFigures: false)
    }

    public init(codes: CodeLists = .bundled, statedFigures: Bool) {
        self.codes = codes
        self.statedFigures = statedFigures
    }

    public static let siteYAML = """
    title: 部门决算公开（生成的测试内容）
    publisher: disclose 测试数据
    base_url: https://example.gov.cn/
    language: zh-CN

    """

    /// The figures a year hands on to the next: last year's totals and closing balances.
    struct Carry {
        var grandTotal: DecimalNumber
        var incomeTotal: DecimalNumber
        var expenditureTotal: DecimalNumber
        var appropriationTotal: DecimalNumber
        var generalBudget: DecimalNumber
        var governmentFund: DecimalNumber
        var threePublic: [DecimalNumber]
        var agencyCost: DecimalNumber
        var closing: [Fund: DecimalNumber]
    }

    static let codePool = ["2013201", "2013202", "2013250", "2013299", "2080501", "2080505", "2080506", "2101101", "2101103",
                           "2210201", "2210203", "2059999"]
    /// 行政运行 of other classes: some units spend across eight classes, so that charts and pages are
    /// exercised with eight-item pies (图6).
    static let broadCodePool = ["2040201", "2060101", "2070101", "2110101", "2120101", "2130101", "2150101"]
    static let projectCodes: Set<String> = ["2013202", "2013299", "2059999"]
    static let personnelCodes = ["30101", "30102", "30103", "30107", "30108", "30109", "30112", "30113", "30302", "30305"]
    static let publicCodes = ["30201", "30202", "30205", "30206", "30207", "30211", "30213", "30216", "30228", "30229", "30239", "30299"]

    /// Every file of one unit over the given years, keyed by path relative to the content root.
    public func unitFiles(seed: UInt64, unitID: String, index: Int, years: [Int]) -> [String: String] {
        var rng = SeededRandom(seed: seed ^ UInt64(truncatingIfNeeded: index &* 7919))
        var files: [String: String] = [:]
        let levels = ["市", "县", "区"]
        files["\(unitID)/unit.yaml"] = """
        name: 测试市第\(index + 1)局
        short_name: 第\(index + 1)局
        level: \(levels[index % 3])
        region: 四川省测试市

        """
        var carry: Carry?
        for year in years.sorted() {
            let (report, next) = self.report(year: year, unitIndex: index, carry: carry, rng: &rng)
            for (name, text) in report { files["\(unitID)/\(year)/\(name)"] = text }
            carry = next
        }
        return files
    }

    func money(_ d: DecimalNumber) -> String { d.formatted(decimals: 2) }

    // swiftlint:disable:next function_body_length
    func report(year: Int, unitIndex: Int, carry: Carry?, rng: inout SeededRandom) -> ([String: String], Carry) {
        let list = codes.list(.functional, year: year)
        let pool = Self.codePool.filter { list?[$0] != nil }
        var chosen = Array(pool.shuffled(using: &rng).prefix(rng.int(3...min(8, pool.count)))).sorted()
        if rng.chance(20) {
            // One code from each of eight classes.
            let byClass = Dictionary(grouping: (Self.codePool + Self.broadCodePool).filter { list?[$0] != nil }) { String($0.prefix(3)) }
            chosen = byClass.keys.sorted().shuffled(using: &rng).prefix(8).map { byClass[$0]!.sorted()[0] }.sorted()
        }
        let hasFund = rng.chance(30) && list?["2120802"] != nil

        // Spending by row.
        struct Row { let code: String; let fund: Fund; let basic: DecimalNumber; let project: DecimalNumber; let budget: DecimalNumber }
        var rows: [Row] = []
        for code in chosen {
            let isProject = Self.projectCodes.contains(code)
            let amount = rng.amount(isProject ? 5 : 10, isProject ? 400 : 900)
            let budget = rng.chance(70) ? amount : amount + rng.amount(0, 20)
            rows.append(Row(code: code, fund: .generalBudget, basic: isProject ? .zero : amount, project: isProject ? amount : .zero, budget: budget))
        }
        if hasFund {
            rows.append(Row(code: "2120802", fund: .governmentFund, basic: .zero, project: rng.amount(10, 200), budget: .zero))
        }
        let otherSpending = rng.chance(40) ? rng.amount(0, 5) : DecimalNumber(mantissa: 0, scale: 2)
        if !otherSpending.isZero { rows.append(Row(code: chosen[0], fund: .other, basic: otherSpending, project: .zero, budget: .zero)) }

        func spent(_ fund: Fund) -> DecimalNumber { DecimalNumber.sum(rows.filter { $0.fund == fund }.map { $0.basic + $0.project }) }
        let opening = carry?.closing ?? [.generalBudget: rng.amount(0, 10), .governmentFund: .zero, .stateCapital: .zero, .other: rng.amount(0, 3)]
        var closing: [Fund: DecimalNumber] = [:]
        var income: [Fund: DecimalNumber] = [:]
        for fund in Fund.allCases {
            let open = opening[fund] ?? .zero
            let close = rng.chance(50) ? rng.amount(0, 8) : DecimalNumber(mantissa: 0, scale: 2)
            // income = spending + closing − opening, never negative.
            var inc = spent(fund) + close - open
            var c = close
            if inc.isNegative { c = c - inc; inc = .zero }
            if fund == .other && inc.isZero && rng.chance(50) { inc = rng.amount(0, 2); c = c + inc }
            income[fund] = inc.rescaled(to: 2)
            closing[fund] = c.rescaled(to: 2)
        }
        let incomeTotal = DecimalNumber.sum(income.values)
        let openingTotal = DecimalNumber.sum(Fund.allCases.map { opening[$0] ?? .zero })
        let closingTotal = DecimalNumber.sum(Fund.allCases.map { closing[$0] ?? .zero })
        let basic = DecimalNumber.sum(rows.map(\.basic))
        let project = DecimalNumber.sum(rows.map(\.project))
        let expenditureTotal = basic + project
        let grandTotal = incomeTotal + openingTotal
        let gpbBasic = DecimalNumber.sum(rows.filter { $0.fund == .generalBudget }.map(\.basic))

        // 人员经费 / 公用经费 and their economic items.
        let publicTotal = (gpbBasic * DecimalNumber(mantissa: Int64(rng.int(8...20)), scale: 2)).rounded(to: 2)
        let personnelTotal = gpbBasic - publicTotal
        let personnelCodes = Array(Self.personnelCodes.shuffled(using: &rng).prefix(rng.int(2...5))).sorted()
        let publicCodes = Array(Self.publicCodes.shuffled(using: &rng).prefix(rng.int(2...5))).sorted()
        let personnelItems = zip(personnelCodes, rng.split(personnelTotal, into: personnelCodes.count))
        let publicItems = zip(publicCodes, rng.split(publicTotal, into: publicCodes.count))

        // 三公: budgets ≥ actuals.
        let actual3 = [DecimalNumber(mantissa: 0, scale: 2), rng.chance(20) ? rng.amount(10, 30) : DecimalNumber(mantissa: 0, scale: 2), rng.amount(0, 8), rng.amount(0, 5)]
        let budget3 = actual3.map { $0 + (rng.chance(50) ? rng.amount(0, 3) : DecimalNumber(mantissa: 0, scale: 2)) }
        let receptionItems = rng.split(actual3[3], into: rng.int(1...3))
        let persons = receptionItems.map { _ in rng.int(2...30) }

        let goods = rng.amount(0, 30), works = rng.chance(20) ? rng.amount(0, 50) : DecimalNumber(mantissa: 0, scale: 2), services = rng.amount(0, 40)
        let procurementTotal = goods + works + services
        let sme = (procurementTotal * DecimalNumber(mantissa: Int64(rng.int(0...100)), scale: 2)).rounded(to: 2)
        let micro = (sme * DecimalNumber(mantissa: Int64(rng.int(0...100)), scale: 2)).rounded(to: 2)
        let vehicles = rng.int(0...3)

        var accounts = """
        # 生成的一致数据（seeded），年度 \(year)
        income:
          general_budget: \(money(income[.generalBudget]!))
          government_fund: \(money(income[.governmentFund]!))
          state_capital: \(money(income[.stateCapital]!))
          superior_subsidy: 0
          business: 0
          operating: 0
          subordinate_remittance: 0
          other: \(money(income[.other]!))
          total: \(money(incomeTotal))
          non_appropriation_balance_used: 0
          carryover_beginning: \(money(openingTotal))
          grand_total: \(money(grandTotal))
        expenditure:
          basic: \(money(basic))
          project: \(money(project))
          remit_to_superior: 0
          operating: 0
          subsidy_to_subordinates: 0
          total: \(money(expenditureTotal))
          balance_distribution: 0
          carryover_ending: \(money(closingTotal))
          grand_total: \(money(expenditureTotal + closingTotal))
        appropriation:
          carryover_beginning: {general_budget: \(money(opening[.generalBudget] ?? .zero)), government_fund: \(money(opening[.governmentFund] ?? .zero)), state_capital: \(money(opening[.stateCapital] ?? .zero))}
          carryover_ending: {general_budget: \(money(closing[.generalBudget]!)), government_fund: \(money(closing[.governmentFund]!)), state_capital: \(money(closing[.stateCapital]!))}

        """
        let appropriationTotal = DecimalNumber.sum(Fund.appropriations.map { income[$0]! + (opening[$0] ?? .zero) })
        if statedFigures {
            let appropriationIncome = DecimalNumber.sum(Fund.appropriations.map { income[$0]! })
            let appropriationSpent = DecimalNumber.sum(Fund.appropriations.map(spent))
            let closingAppropriation = DecimalNumber.sum(Fund.appropriations.map { closing[$0]! })
            accounts += "  stated: {income_total: \(money(appropriationIncome)), expenditure_total: \(money(appropriationSpent)), "
                + "carryover_beginning: \(money(DecimalNumber.sum(Fund.appropriations.map { opening[$0] ?? .zero }))), "
                + "carryover_ending: \(money(closingAppropriation)), income_grand_total: \(money(appropriationTotal)), "
                + "expenditure_grand_total: \(money(appropriationSpent + closingAppropriation))}\n"
        }
        if let carry {
            accounts += """
            previous:
              grand_total: \(money(carry.grandTotal))
              income_total: \(money(carry.incomeTotal))
              expenditure_total: \(money(carry.expenditureTotal))
              appropriation_total: \(money(carry.appropriationTotal))
              general_budget_expenditure: \(money(carry.generalBudget))
              government_fund_expenditure: \(money(carry.governmentFund))

            """
        }
        accounts += """
        reasons:
          total_change: 人员调整和项目安排变化。
        functional:

        """
        for row in rows {
            accounts += "  - {code: \"\(row.code)\"\(row.fund == .generalBudget ? "" : ", fund: \(row.fund.rawValue)"), basic: \(money(row.basic)), project: \(money(row.project))\(row.fund == .generalBudget ? ", budget: \(money(row.budget))" : "")}\n"
        }
        if statedFigures {
            // 类 and 款 lines and the 合计 row of the general-budget table, and the 支出决算表's 合计 row.
            let general = rows.filter { $0.fund == .generalBudget }
            var prefixes: Set<String> = []
            for row in general { for length in [3, 5] { prefixes.insert(String(row.code.prefix(length))) } }
            accounts += "functional_stated:\n"
            for code in prefixes.sorted() {
                let under = general.filter { $0.code.hasPrefix(code) }
                let b = DecimalNumber.sum(under.map(\.basic)), p = DecimalNumber.sum(under.map(\.project))
                accounts += "  - {code: \"\(code)\", total: \(money(b + p)), basic: \(money(b)), project: \(money(p)), budget: \(money(DecimalNumber.sum(under.map(\.budget))))}\n"
            }
            let gb = DecimalNumber.sum(general.map(\.basic)), gp = DecimalNumber.sum(general.map(\.project))
            accounts += "  - {total: \(money(gb + gp)), basic: \(money(gb)), project: \(money(gp)), budget: \(money(DecimalNumber.sum(general.map(\.budget))))}\n"
            accounts += "  - {fund: all, total: \(money(expenditureTotal)), basic: \(money(basic)), project: \(money(project))}\n"
        }
        if hasFund, let fundRow = rows.first(where: { $0.fund == .governmentFund }) {
            accounts += """
            government_fund:
              by_code:
                - {code: "2120802", carryover_beginning: \(money(opening[.governmentFund] ?? .zero)), income: \(money(income[.governmentFund]!)), carryover_ending: \(money(closing[.governmentFund]!))}

            """
            _ = fundRow
        }
        func statedClasses(_ items: [(String, DecimalNumber)]) -> String {
            guard statedFigures else { return "" }
            let classes = Set(items.map { String($0.0.prefix(3)) }).sorted()
            return "\n    stated_classes:\n" + classes.map { cls in
                "      - {code: \"\(cls)\", amount: \(money(DecimalNumber.sum(items.filter { $0.0.hasPrefix(cls) }.map(\.1))))}"
            }.joined(separator: "\n")
        }
        accounts += """
        basic_expenditure:
          personnel:
            total: \(money(personnelTotal))
            items:
        \(personnelItems.map { "      - {code: \"\($0.0)\", amount: \(money($0.1))}" }.joined(separator: "\n"))\(statedClasses(Array(personnelItems)))
          public:
            total: \(money(publicTotal))
            items:
        \(publicItems.map { "      - {code: \"\($0.0)\", amount: \(money($0.1))}" }.joined(separator: "\n"))\(statedClasses(Array(publicItems)))
        three_public:
          budget: {overseas: \(money(budget3[0])), vehicle_purchase: \(money(budget3[1])), vehicle_operation: \(money(budget3[2])), reception: \(money(budget3[3]))}
          actual: {overseas: \(money(actual3[0])), vehicle_purchase: \(money(actual3[1])), vehicle_operation: \(money(actual3[2])), reception: \(money(actual3[3])), total: \(money(DecimalNumber.sum(actual3)))}

        """
        if let carry {
            accounts += "  previous: {overseas: \(money(carry.threePublic[0])), vehicle_purchase: \(money(carry.threePublic[1])), vehicle_operation: \(money(carry.threePublic[2])), reception: \(money(carry.threePublic[3]))}\n"
        }
        accounts += """
          overseas_trips: {groups: 0, persons: 0}
          vehicles_held: [{type: 轿车, count: \(vehicles)}]
          reception:
            domestic:
              amount: \(money(actual3[3]))
              batches: \(receptionItems.count)
              persons: \(persons.reduce(0, +))
              items:
        \(zip(receptionItems, persons).enumerated().map { "          - {purpose: 工作调研接待\($0.offset + 1), persons: \($0.element.1), amount: \(money($0.element.0))}" }.joined(separator: "\n"))
            foreign: {amount: 0, batches: 0, persons: 0}
        agency_operating_cost:
          amount: \(money(publicTotal))

        """
        if let carry { accounts += "  previous: \(money(carry.agencyCost))\n" }
        accounts += """
        procurement: {goods: \(money(goods)), works: \(money(works)), services: \(money(services)), total: \(money(procurementTotal)), sme: \(money(sme)), micro: \(money(micro))}
        assets:
          vehicles:
            - {type: 其他用车, count: \(vehicles)}
          equipment:
            - {type: 单价100万元以上专用设备, count: 0}

        """

        // Projects: one per project row, with consistent funds, rates and scores.
        let projectRows = rows.filter { $0.fund == .generalBudget && !$0.project.isZero }
        var performance = """
        management:
          with_targets: \(projectRows.count)
          monitored: \(projectRows.count)
          self_evaluated: \(projectRows.count)
        overall:
          score: 95
          score_parts:
            - {label: 预算管理, score: 45}
            - {label: 结果应用, score: 50}

        """
        if !projectRows.isEmpty { performance += "projects:\n" }
        for (i, row) in projectRows.enumerated() {
            let actual = row.project
            let budget = row.budget
            let rate = DecimalNumber.percentage(actual, of: budget, decimals: 2) ?? .zero
            performance += """
              - name: 测试项目\(i + 1)
                department: 测试市第\(unitIndex + 1)局
                implementer: 测试市第\(unitIndex + 1)局
                category: 常年项目
                summary: 项目全年预算数\(money(budget))万元，执行数为\(money(actual))万元，完成预算的\(rate)%。
                funds:
                  budget: \(money(budget))
                  actual: \(money(actual))
                  rate: \(rate)
                  weight: 10
                  score: 10
                  sources:
                    - {source: 本级财政资金, budget: \(money(budget)), actual: \(money(actual))}
                goals:
                  - target: 按计划完成年度任务
                    actual: 已完成
                indicators:
                  - {level1: 产出指标, level2: 数量指标, level3: 完成事项数, target: 4项, actual: 4项, weight: 50, score: 50}
                  - {level1: 效益指标, level2: 社会效益指标, level3: 服务质量, target: 提升, actual: 达到预期, weight: 30, score: 28}
                  - {level1: 满意度指标, level2: 满意度指标, level3: 服务对象满意度, target: ≥90%, actual: 95%, weight: 10, score: 10}

            """
        }

        // Own Part 2 paragraphs, written from the data: the narrative rules must accept them.
        let share = { (part: DecimalNumber, whole: DecimalNumber) in (DecimalNumber.percentage(part, of: whole, decimals: 2) ?? .zero).description }
        var expenditureParagraph = "\(year)年度本年支出合计\(money(expenditureTotal))万元，其中：基本支出\(money(basic))万元，占\(share(basic, expenditureTotal))%；项目支出\(money(project))万元，占\(share(project, expenditureTotal))%。\n"
        if expenditureTotal.isZero { expenditureParagraph = "\(year)年度本年支出合计0万元。\n" }
        var files: [String: String] = [
            "report.yaml": """
            year: \(year)
            kind: \(unitIndex % 2 == 0 ? "部门" : "单位")
            tables: \(year >= 2023 ? "sichuan-2023" : "sichuan-2020")
            organization:
              internal_divisions: \(rng.int(3...12))
              entities:
                - name: 测试市第\(unitIndex + 1)局（本级）
                  type: 行政单位

            """,
            "accounts.yaml": accounts,
            "performance.yaml": performance,
            "duties.md": "### 主要职能\n\n1. 负责本行业的政策研究和组织实施。\n2. 承担上级交办的其他工作。\n",
            "paragraphs/expenditure.md": expenditureParagraph,
        ]
        if let carry {
            let delta = grandTotal - carry.grandTotal
            let verb = delta.isNegative ? ("减少", "下降") : ("增加", "增长")
            if let rate = DecimalNumber.percentage(delta.magnitude, of: carry.grandTotal, decimals: 2) {
                files["paragraphs/total.md"] = delta.isZero
                    ? "\(year)年度收、支总计均为\(money(grandTotal))万元，与\(year - 1)年度持平。\n"
                    : "\(year)年度收、支总计均为\(money(grandTotal))万元。与\(year - 1)年度相比，收、支总计各\(verb.0)\(money(delta.magnitude))万元，\(verb.1)\(rate)%。\n"
            }
        }
        let next = Carry(grandTotal: grandTotal, incomeTotal: incomeTotal, expenditureTotal: expenditureTotal,
                         appropriationTotal: appropriationTotal, generalBudget: spent(.generalBudget), governmentFund: spent(.governmentFund),
                         threePublic: actual3, agencyCost: publicTotal, closing: closing)
        return (files, next)
    }
}
