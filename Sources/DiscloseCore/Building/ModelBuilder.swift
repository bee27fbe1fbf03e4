/// Builds the typed model from validated document trees.
public enum ModelBuilder {
    public static func site(_ node: Node) -> Site {
        let r = NodeReader(node, unit: .wanYuan)
        return Site(title: r.text("title") ?? "", publisher: r.text("publisher") ?? "",
                    baseURL: r.text("base_url") ?? "", language: r.text("language") ?? "zh-CN",
                    siteName: r.text("site_name"), siteDomain: r.text("site_domain"), siteIDCode: r.text("site_id_code"),
                    columnName: r.text("column_name"))
    }

    public static func unit(_ node: Node, id: String) -> UnitInfo {
        let r = NodeReader(node, unit: .wanYuan)
        var unit = UnitInfo(id: id, name: r.text("name") ?? id, shortName: r.text("short_name") ?? id,
                            level: r.text("level").flatMap(UnitInfo.Level.init) ?? .city,
                            region: r.text("region") ?? "", budgetCode: r.text("budget_code"),
                            otherNames: r.texts("other_names"), supervisor: r.text("supervisor"))
        unit.contact = r.text("contact")
        return unit
    }

    /// The report's money unit, as declared in report.yaml (万元 by default).
    public static func moneyUnit(ofReport node: Node) -> MoneyUnit {
        node["unit"]?.scalar.flatMap { MoneyUnit(rawValue: $0.text) } ?? .wanYuan
    }

    public static func report(
        unitID: String, folder: String, report: Node, accounts: Node, performance: Node?, glossary: Node?,
        narrative: Narrative
    ) -> Report {
        let r = NodeReader(report, unit: .wanYuan)
        let unit = moneyUnit(ofReport: report)
        var built = Report(
            unitID: unitID,
            year: r.int("year") ?? 0,
            kind: r.text("kind").flatMap(Report.Kind.init) ?? .department,
            tableSetID: r.text("tables") ?? "",
            moneyUnit: unit,
            publishedOn: r.text("published_on"),
            approvedOn: r.text("approved_on"),
            updatedOn: r.text("updated_on"),
            organization: organization(r.child("organization")),
            staffing: r.child("staffing").map(staffing),
            accounts: self.accounts(NodeReader(accounts, unit: unit)),
            performance: performance.map { self.performance(NodeReader($0, unit: unit)) },
            glossary: glossary.map { self.glossary(NodeReader($0, unit: unit)) } ?? .none,
            narrative: narrative,
            folder: folder
        )
        built.sources = ReportSources(report: report, accounts: accounts, performance: performance, glossary: glossary)
        return built
    }

    // MARK: report.yaml

    static func organization(_ r: NodeReader?) -> Organization {
        guard let r else { return Organization(internalDivisions: nil, divisionNames: [], entities: [], independentAccounting: nil) }
        return Organization(
            internalDivisions: r.int("internal_divisions"),
            divisionNames: r.texts("division_names"),
            entities: r.list("entities").compactMap { e in
                guard let name = e.text("name"), let type = e.text("type").flatMap(Organization.EntityType.init) else { return nil }
                return Organization.Entity(name: name, type: type)
            },
            independentAccounting: r.bool("independent_accounting")
        )
    }

    static func headcount(_ r: NodeReader) -> Staffing.Headcount {
        Staffing.Headcount(category: r.text("category") ?? "", count: r.requiredQuantity("count"), previous: r.quantity("previous"))
    }

    static func staffing(_ r: NodeReader) -> Staffing {
        func group(_ key: String) -> Staffing.Group? {
            r.child(key).map { g in Staffing.Group(total: g.requiredQuantity("total"), breakdown: g.list("breakdown").map(headcount)) }
        }
        return Staffing(authorized: group("authorized"), actual: group("actual"), retirees: r.list("retirees").map(headcount))
    }

    // MARK: accounts.yaml

    static func accounts(_ r: NodeReader) -> FinalAccounts {
        let income = r.child("income") ?? NodeReader(Node(.mapping([]), at: r.node.location), path: "income", unit: r.unit)
        let expenditure = r.child("expenditure") ?? NodeReader(Node(.mapping([]), at: r.node.location), path: "expenditure", unit: r.unit)
        var sources: [IncomeStatement.Source: Figure] = [:]
        for s in IncomeStatement.Source.allCases { sources[s] = income.figure(s.rawValue) }
        var kinds: [ExpenditureStatement.Kind: Figure] = [:]
        for k in ExpenditureStatement.Kind.allCases { kinds[k] = expenditure.figure(k.rawValue) }

        let appropriation = r.child("appropriation")
        func byFund(_ key: String) -> [Fund: Figure] {
            var out: [Fund: Figure] = [:]
            if let c = appropriation?.child(key) {
                for f in Fund.appropriations { out[f] = c.figure(f.rawValue) }
            }
            return out
        }
        let previous = r.child("previous")
        var reasons: [ReasonSlot: Located<String>] = [:]
        if let rs = r.child("reasons") {
            for slot in ReasonSlot.allCases { reasons[slot] = rs.located(slot.rawValue) }
        }
        let basic = r.child("basic_expenditure")
        return FinalAccounts(
            unit: r.unit,
            income: IncomeStatement(
                sources: sources, total: income.requiredFigure("total"),
                nonAppropriationBalanceUsed: income.requiredFigure("non_appropriation_balance_used"),
                carryoverBeginning: income.requiredFigure("carryover_beginning"),
                grandTotal: income.requiredFigure("grand_total"), budget: income.figure("budget")),
            expenditure: ExpenditureStatement(
                kinds: kinds, total: expenditure.requiredFigure("total"),
                balanceDistribution: expenditure.requiredFigure("balance_distribution"),
                carryoverEnding: expenditure.requiredFigure("carryover_ending"),
                grandTotal: expenditure.requiredFigure("grand_total"), budget: expenditure.figure("budget")),
            appropriation: Appropriation(carryoverBeginning: byFund("carryover_beginning"),
                                         carryoverEnding: byFund("carryover_ending"),
                                         budget: appropriation?.figure("budget"),
                                         stated: statedAppropriation(appropriation?.child("stated"))),
            previous: PreviousYear(
                grandTotal: previous?.figure("grand_total"), incomeTotal: previous?.figure("income_total"),
                expenditureTotal: previous?.figure("expenditure_total"),
                appropriationTotal: previous?.figure("appropriation_total"),
                generalBudgetExpenditure: previous?.figure("general_budget_expenditure"),
                governmentFundExpenditure: previous?.figure("government_fund_expenditure"),
                stateCapitalExpenditure: previous?.figure("state_capital_expenditure")),
            reasons: reasons,
            functional: r.list("functional").map(functionalRow),
            functionalStated: r.list("functional_stated").map(statedFunctionalLine).filter { !$0.columns.isEmpty },
            incomeByFunction: r.list("income_by_function").map { row in
                var s: [IncomeStatement.Source: Figure] = [:]
                for src in IncomeStatement.Source.allCases { s[src] = row.figure(src.rawValue) }
                return IncomeByFunctionRow(code: code(row), sources: s, location: row.node.location)
            },
            basic: BasicExpenditure(personnel: basicGroup(basic?.child("personnel"), in: r),
                                    publicExpenses: basicGroup(basic?.child("public"), in: r)),
            threePublic: threePublic(r.child("three_public"), in: r),
            governmentFund: r.child("government_fund").map(fundCarryovers),
            stateCapital: r.child("state_capital").map(fundCarryovers),
            agencyOperatingCost: {
                let a = r.child("agency_operating_cost")
                return AgencyOperatingCost(
                    amount: a?.requiredFigure("amount") ?? Figure(.zero(r.unit), at: r.node.location, path: "agency_operating_cost.amount"),
                    previous: a?.figure("previous"), reason: a?.located("reason"), note: a?.located("note"))
            }(),
            procurement: {
                let p = r.child("procurement") ?? NodeReader(Node(.mapping([]), at: r.node.location), path: "procurement", unit: r.unit)
                return Procurement(goods: p.requiredFigure("goods"), works: p.requiredFigure("works"),
                                   services: p.requiredFigure("services"), total: p.requiredFigure("total"),
                                   sme: p.figure("sme"), micro: p.figure("micro"), purpose: p.text("purpose"))
            }(),
            assets: {
                let a = r.child("assets")
                func counts(_ key: String) -> [Assets.Count] {
                    (a?.list(key) ?? []).map { Assets.Count(type: $0.text("type") ?? "", count: $0.requiredQuantity("count"), purpose: $0.text("purpose")) }
                }
                return Assets(asOf: a?.text("as_of"), vehicles: counts("vehicles"), equipment: counts("equipment"))
            }(),
            budgetBasis: r.text("budget_basis")
        )
    }

    static func code(_ r: NodeReader) -> Located<String> {
        Located(r.text("code") ?? "", at: r.location("code"))
    }

    static func functionalRow(_ r: NodeReader) -> FunctionalRow {
        var kinds: [ExpenditureStatement.Kind: Figure] = [:]
        for k in ExpenditureStatement.Kind.allCases { kinds[k] = r.figure(k.rawValue) }
        return FunctionalRow(code: code(r), name: r.located("name"), fund: r.text("fund").flatMap(Fund.init) ?? .generalBudget,
                             kinds: kinds, budget: r.figure("budget"), reason: r.located("reason"), purpose: r.located("purpose"),
                             location: r.node.location, path: r.path)
    }

    static func statedFunctionalLine(_ r: NodeReader) -> StatedFunctionalLine {
        var columns: [FunctionalColumn: Figure] = [:]
        for column in FunctionalColumn.allCases { columns[column] = r.figure(column.rawValue) }
        return StatedFunctionalLine(code: r.located("code"), scope: r.text("fund").flatMap(FundScope.init) ?? .generalBudget,
                                    columns: columns, location: r.node.location, path: r.path)
    }

    static func statedAppropriation(_ r: NodeReader?) -> StatedAppropriationTotals {
        guard let r else { return .none }
        return StatedAppropriationTotals(
            incomeTotal: r.figure("income_total"), expenditureTotal: r.figure("expenditure_total"),
            carryoverBeginning: r.figure("carryover_beginning"), carryoverEnding: r.figure("carryover_ending"),
            incomeGrandTotal: r.figure("income_grand_total"), expenditureGrandTotal: r.figure("expenditure_grand_total"))
    }

    static func basicGroup(_ g: NodeReader?, in r: NodeReader) -> BasicExpenditure.Group {
        guard let g else {
            return BasicExpenditure.Group(label: nil, total: Figure(.zero(r.unit), at: r.node.location, path: "basic_expenditure"), items: [],
                                          statedClasses: [])
        }
        let items: [BasicExpenditure.Item] = g.rawList("items").compactMap { node, path in
            if let s = node.scalar { return BasicExpenditure.Item(code: Located(s.text, at: node.location), amount: nil) }
            let item = NodeReader(node, path: path, unit: g.unit)
            return BasicExpenditure.Item(code: code(item), amount: item.figure("amount"))
        }
        // An item with no code or no amount (the blank template's placeholder) states nothing.
        let classes = g.list("stated_classes").compactMap { line in
            line.located("code").flatMap { code in line.figure("amount").map { StatedEconomicLine(code: code, amount: $0) } }
        }
        return BasicExpenditure.Group(label: g.text("label"), total: g.requiredFigure("total"), items: items, statedClasses: classes)
    }

    static func threePublicItems(_ r: NodeReader?, fallback: SourceLocation, unit: MoneyUnit, path: String) -> ThreePublicCosts.Items {
        let r = r ?? NodeReader(Node(.mapping([]), at: fallback), path: path, unit: unit)
        return ThreePublicCosts.Items(
            overseas: r.requiredFigure("overseas"), vehiclePurchase: r.requiredFigure("vehicle_purchase"),
            vehicleOperation: r.requiredFigure("vehicle_operation"), reception: r.requiredFigure("reception"),
            statedVehicle: r.figure("vehicle"), statedTotal: r.figure("total"))
    }

    static func reception(_ r: NodeReader?, fallback: SourceLocation, unit: MoneyUnit, path: String) -> ThreePublicCosts.Reception {
        let r = r ?? NodeReader(Node(.mapping([]), at: fallback), path: path, unit: unit)
        return ThreePublicCosts.Reception(
            amount: r.requiredFigure("amount"), batches: r.quantity("batches"), persons: r.requiredQuantity("persons"),
            purpose: r.text("purpose"),
            items: r.list("items").map { ThreePublicCosts.Reception.Item(purpose: $0.text("purpose") ?? "", persons: $0.int("persons"), amount: $0.requiredFigure("amount")) })
    }

    static func threePublic(_ t: NodeReader?, in r: NodeReader) -> ThreePublicCosts {
        let here = t?.node.location ?? r.node.location
        let reception = t?.child("reception")
        var reasons: [String: Located<String>] = [:]
        if let rs = t?.child("reasons") {
            for key in ["budget_difference", "change", "overseas", "vehicle", "reception"] { reasons[key] = rs.located(key) }
        }
        return ThreePublicCosts(
            budget: threePublicItems(t?.child("budget"), fallback: here, unit: r.unit, path: "three_public.budget"),
            actual: threePublicItems(t?.child("actual"), fallback: here, unit: r.unit, path: "three_public.actual"),
            previous: t?.child("previous").map {
                ThreePublicCosts.PreviousItems(
                    overseas: $0.figure("overseas"), vehiclePurchase: $0.figure("vehicle_purchase"),
                    vehicleOperation: $0.figure("vehicle_operation"), reception: $0.figure("reception"),
                    statedVehicle: $0.figure("vehicle"), statedTotal: $0.figure("total"))
            },
            reasons: reasons,
            overseasGroups: t?.child("overseas_trips")?.quantity("groups"),
            overseasPersons: t?.child("overseas_trips")?.quantity("persons"),
            vehiclesPurchased: (t?.list("vehicles_purchased") ?? []).map { ThreePublicCosts.Vehicles(model: $0.text("type") ?? "", count: $0.requiredQuantity("count"), amount: $0.figure("amount")) },
            vehiclesHeld: (t?.list("vehicles_held") ?? []).map { ThreePublicCosts.Vehicles(model: $0.text("type") ?? "", count: $0.requiredQuantity("count"), amount: nil) },
            vehicleOperationPurpose: t?.text("vehicle_operation_purpose"),
            domesticReception: self.reception(reception?.child("domestic"), fallback: here, unit: r.unit, path: "three_public.reception.domestic"),
            foreignReception: self.reception(reception?.child("foreign"), fallback: here, unit: r.unit, path: "three_public.reception.foreign"))
    }

    static func fundCarryovers(_ r: NodeReader) -> FundCarryovers {
        FundCarryovers(rows: r.list("by_code").map {
            FundCarryovers.Row(code: code($0), carryoverBeginning: $0.requiredFigure("carryover_beginning"),
                               income: $0.requiredFigure("income"), carryoverEnding: $0.requiredFigure("carryover_ending"))
        })
    }

    // MARK: performance.yaml

    static func performance(_ r: NodeReader) -> Performance {
        let m = r.child("management") ?? NodeReader(Node(.mapping([]), at: r.node.location), path: "management", unit: r.unit)
        return Performance(
            management: Performance.Management(
                exAnteAssessed: m.quantity("ex_ante_assessed"), withTargets: m.requiredQuantity("with_targets"),
                monitored: m.requiredQuantity("monitored"), selfEvaluated: m.requiredQuantity("self_evaluated"),
                evaluated: m.quantity("evaluated"), overallSelfScore: m.quantity("overall_self_score"), summary: m.text("summary")),
            overall: r.child("overall").map(overall),
            projects: r.list("projects").map(project))
    }

    static func overall(_ o: NodeReader) -> Performance.Overall {
        let f = o.child("figures")
        func map(_ key: String) -> [String: Figure] {
            guard let c = f?.child(key), let entries = c.node.entries else { return [:] }
            var out: [String: Figure] = [:]
            for e in entries { out[e.key] = c.figure(e.key) }
            return out
        }
        return Performance.Overall(
            title: o.text("title"), unit: o.unit, score: o.quantity("score"),
            scoreParts: o.list("score_parts").map { Performance.ScorePart(label: $0.text("label") ?? "", score: $0.requiredQuantity("score"), weight: $0.quantity("weight")) },
            scoreTable: o.list("score_table").map {
                Performance.ScoreRow(level1: $0.text("level1") ?? "", level2: $0.text("level2") ?? "", level3: $0.text("level3") ?? "",
                                     weight: $0.requiredQuantity("weight"), score: $0.requiredQuantity("score"), explanation: $0.text("explanation"))
            },
            figures: f.map { f in
                Performance.ReportFigures(
                    incomeTotal: f.figure("income_total"), appropriationIncome: f.figure("appropriation_income"),
                    expenditureTotal: f.figure("expenditure_total"), basic: f.figure("basic"), project: f.figure("project"),
                    carryoverEnding: f.figure("carryover_ending"), initialBudget: map("initial_budget"), stockFundsUsed: map("stock_funds_used"))
            },
            projectGroups: o.list("project_groups").map {
                Performance.ProjectGroup(label: $0.text("label") ?? "", count: $0.requiredQuantity("count"), budget: $0.requiredFigure("budget"),
                                         actual: $0.requiredFigure("actual"), rate: $0.quantity("rate"),
                                         over10PercentBalance: $0.quantity("over_10pct_balance"), under10PercentBalance: $0.quantity("under_10pct_balance"))
            })
    }

    static func project(_ p: NodeReader) -> Performance.Project {
        let f = p.child("funds") ?? NodeReader(Node(.mapping([]), at: p.node.location), path: "\(p.path).funds", unit: p.unit)
        return Performance.Project(
            name: p.text("name") ?? "", department: p.text("department") ?? "", implementer: p.text("implementer") ?? "",
            category: p.text("category"), unit: p.unit, summary: p.text("summary"),
            funds: Performance.Funds(
                initialBudget: f.figure("initial_budget"), budget: f.requiredFigure("budget"), actual: f.requiredFigure("actual"),
                rate: f.quantity("rate"), weight: f.quantity("weight"), score: f.quantity("score"),
                sources: f.list("sources").map {
                    Performance.Funds.Source(source: $0.text("source") ?? "", initialBudget: $0.figure("initial_budget"),
                                             budget: $0.requiredFigure("budget"), actual: $0.requiredFigure("actual"), rate: $0.quantity("rate"))
                }),
            goals: p.list("goals").map { Performance.Goal(target: $0.text("target") ?? "", actual: $0.text("actual")) },
            indicators: p.list("indicators").map {
                Performance.Indicator(level1: $0.text("level1") ?? "", level2: $0.text("level2") ?? "", level3: $0.text("level3") ?? "",
                                      nature: $0.text("nature"), target: $0.text("target") ?? "", unit: $0.text("unit"),
                                      actual: $0.text("actual"), weight: $0.quantity("weight"), score: $0.quantity("score"),
                                      rate: $0.quantity("rate"), reason: $0.text("reason"))
            },
            conclusion: p.text("conclusion"), problems: p.text("problems"), improvements: p.text("improvements"),
            location: p.node.location)
    }

    // MARK: glossary.yaml

    static func glossary(_ r: NodeReader) -> GlossaryChanges {
        GlossaryChanges(
            entries: r.list("entries").compactMap { e in
                guard let term = e.text("term"), let def = e.text("definition") else { return nil }
                return GlossaryChanges.Entry(term: term, definition: def)
            },
            omit: r.texts("omit"))
    }
}
