/// Every figure of Part 2 and the 附表 of one report (accounts.yaml).
public struct FinalAccounts: Sendable {
    public var unit: MoneyUnit
    public var income: IncomeStatement
    public var expenditure: ExpenditureStatement
    public var appropriation: Appropriation
    public var previous: PreviousYear
    public var reasons: [ReasonSlot: Located<String>]
    public var functional: [FunctionalRow]
    /// 类/款 and 合计 rows of the functional tables as the source prints them (`functional_stated`).
    public var functionalStated: [StatedFunctionalLine]
    public var incomeByFunction: [IncomeByFunctionRow]
    public var basic: BasicExpenditure
    public var threePublic: ThreePublicCosts
    public var governmentFund: FundCarryovers?
    public var stateCapital: FundCarryovers?
    public var agencyOperatingCost: AgencyOperatingCost
    public var procurement: Procurement
    public var assets: Assets
    /// Which budget `budget` figures are: 年初预算 or 全年预算 (`budget_basis`), nil where the content does not say.
    public var budgetBasis: String? = nil
}

/// Sources of funds. `other` is money that is not a 财政拨款 (事业收入, 其他收入…).
public enum Fund: String, Sendable, CaseIterable {
    case generalBudget = "general_budget"
    case governmentFund = "government_fund"
    case stateCapital = "state_capital"
    case other

    public var label: String {
        switch self {
        case .generalBudget: return "一般公共预算财政拨款"
        case .governmentFund: return "政府性基金预算财政拨款"
        case .stateCapital: return "国有资本经营预算财政拨款"
        case .other: return "非财政拨款资金"
        }
    }

    /// The three 财政拨款 funds.
    public static let appropriations: [Fund] = [.generalBudget, .governmentFund, .stateCapital]
}

/// 收入 (收入支出决算总表左侧).
public struct IncomeStatement: Sendable {
    public enum Source: String, Sendable, CaseIterable {
        case generalBudget = "general_budget"
        case governmentFund = "government_fund"
        case stateCapital = "state_capital"
        case superiorSubsidy = "superior_subsidy"
        case business
        case operating
        case subordinateRemittance = "subordinate_remittance"
        case other

        public var label: String {
            switch self {
            case .generalBudget: return "一般公共预算财政拨款收入"
            case .governmentFund: return "政府性基金预算财政拨款收入"
            case .stateCapital: return "国有资本经营预算财政拨款收入"
            case .superiorSubsidy: return "上级补助收入"
            case .business: return "事业收入"
            case .operating: return "经营收入"
            case .subordinateRemittance: return "附属单位上缴收入"
            case .other: return "其他收入"
            }
        }
    }

    public var sources: [Source: Figure]
    /// 本年收入合计
    public var total: Figure
    /// 使用非财政拨款结余
    public var nonAppropriationBalanceUsed: Figure
    /// 年初结转和结余
    public var carryoverBeginning: Figure
    /// 收入总计
    public var grandTotal: Figure
    public var budget: Figure?

    public func amount(_ source: Source) -> Amount { sources[source]?.amount ?? .zero(total.amount.unit) }
}

/// 支出 (收入支出决算总表右侧 / 支出决算表合计).
public struct ExpenditureStatement: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case basic
        case project
        case remitToSuperior = "remit_to_superior"
        case operating
        case subsidyToSubordinates = "subsidy_to_subordinates"

        public var label: String {
            switch self {
            case .basic: return "基本支出"
            case .project: return "项目支出"
            case .remitToSuperior: return "上缴上级支出"
            case .operating: return "经营支出"
            case .subsidyToSubordinates: return "对附属单位补助支出"
            }
        }
    }

    public var kinds: [Kind: Figure]
    /// 本年支出合计
    public var total: Figure
    /// 结余分配
    public var balanceDistribution: Figure
    /// 年末结转和结余
    public var carryoverEnding: Figure
    /// 支出总计
    public var grandTotal: Figure
    public var budget: Figure?

    public func amount(_ kind: Kind) -> Amount { kinds[kind]?.amount ?? .zero(total.amount.unit) }
}

/// 财政拨款收入支出决算总表: carry-overs by fund (income comes from `income`, spending from `functional`).
public struct Appropriation: Sendable {
    public var carryoverBeginning: [Fund: Figure]
    public var carryoverEnding: [Fund: Figure]
    public var budget: Figure?
    /// The table's 合计 and 总计 rows as the source prints them (`appropriation.stated`).
    public var stated: StatedAppropriationTotals
}

/// 上年决算数, for year-on-year sentences. Absent figures were not published.
public struct PreviousYear: Sendable {
    public var grandTotal: Figure?
    public var incomeTotal: Figure?
    public var expenditureTotal: Figure?
    public var appropriationTotal: Figure?
    public var generalBudgetExpenditure: Figure?
    public var governmentFundExpenditure: Figure?
    public var stateCapitalExpenditure: Figure?
}

/// The reason slots of Part 2 (行内 Markdown next to the figures).
public enum ReasonSlot: String, Sendable, CaseIterable {
    case totalChange = "total_change"
    case incomeBudgetDifference = "income_budget_difference"
    case expenditureBudgetDifference = "expenditure_budget_difference"
    case appropriationChange = "appropriation_change"
    case generalBudgetChange = "general_budget_change"
    case governmentFundChange = "government_fund_change"
    case stateCapitalChange = "state_capital_change"
}

/// One row of spending by functional classification (类/款/项) and fund.
public struct FunctionalRow: Sendable {
    public var code: Located<String>
    /// The 款/项 name as the report's own table prints it (`name:`), kept even where the code list
    /// words it differently (that difference is a CODE-NAME warning, not a renamed row).
    public var name: Located<String>? = nil
    public var fund: Fund
    public var kinds: [ExpenditureStatement.Kind: Figure]
    public var budget: Figure?
    public var reason: Located<String>?
    /// 主要用于: what the item paid for (Shanghai words each 项 with it).
    public var purpose: Located<String>? = nil
    /// Where the row starts, for messages.
    public var location: SourceLocation
    public var path: String

    public func amount(_ kind: ExpenditureStatement.Kind, unit: MoneyUnit) -> Amount {
        kinds[kind]?.amount ?? .zero(unit)
    }
}

/// One row of 收入决算表 (income classified by the function it funds).
public struct IncomeByFunctionRow: Sendable {
    public var code: Located<String>
    public var sources: [IncomeStatement.Source: Figure]
    public var location: SourceLocation
}

/// 一般公共预算财政拨款基本支出 by economic classification.
public struct BasicExpenditure: Sendable {
    public struct Item: Sendable {
        public var code: Located<String>
        public var amount: Figure?
    }

    public struct Group: Sendable {
        /// How the report calls it (公用经费 / 日常公用经费).
        public var label: String?
        public var total: Figure
        public var items: [Item]
        /// 类 rows (301, 302…) as the source prints them (`stated_classes`).
        public var statedClasses: [StatedEconomicLine]
    }

    /// 人员经费
    public var personnel: Group
    /// 公用经费
    public var publicExpenses: Group
}

/// 财政拨款"三公"经费.
public struct ThreePublicCosts: Sendable {
    public struct Items: Sendable {
        /// 因公出国（境）费
        public var overseas: Figure
        /// 公务用车购置费
        public var vehiclePurchase: Figure
        /// 公务用车运行维护费
        public var vehicleOperation: Figure
        /// 公务接待费
        public var reception: Figure
        /// 公务用车购置及运行维护费小计, where a table prints it
        public var statedVehicle: Figure?
        /// 合计, where a table prints it
        public var statedTotal: Figure?
    }

    public struct Reception: Sendable {
        public struct Item: Sendable {
            public var purpose: String
            public var persons: Int?
            public var amount: Figure
        }

        public var amount: Figure
        /// nil where the report does not publish it (the `shanghai` table set).
        public var batches: Quantity?
        public var persons: Quantity
        public var purpose: String?
        public var items: [Item]
    }

    public struct Vehicles: Sendable {
        public var model: String
        public var count: Quantity
        public var amount: Figure?
    }

    /// Last year's figures, each only where it was published.
    public struct PreviousItems: Sendable {
        public var overseas: Figure?
        public var vehiclePurchase: Figure?
        public var vehicleOperation: Figure?
        public var reception: Figure?
        public var statedVehicle: Figure?
        public var statedTotal: Figure?
    }

    public var budget: Items
    public var actual: Items
    public var previous: PreviousItems?
    public var reasons: [String: Located<String>]
    public var overseasGroups: Quantity?
    public var overseasPersons: Quantity?
    public var vehiclesPurchased: [Vehicles]
    public var vehiclesHeld: [Vehicles]
    public var vehicleOperationPurpose: String?
    public var domesticReception: Reception
    public var foreignReception: Reception
}

/// Per-code carry-overs of 政府性基金 / 国有资本经营 (表8/表9).
public struct FundCarryovers: Sendable {
    public struct Row: Sendable {
        public var code: Located<String>
        public var carryoverBeginning: Figure
        public var income: Figure
        public var carryoverEnding: Figure
    }

    public var rows: [Row]
}

/// 机关运行经费
public struct AgencyOperatingCost: Sendable {
    public var amount: Figure
    public var previous: Figure?
    public var reason: Located<String>?
    public var note: Located<String>?
}

/// 政府采购
public struct Procurement: Sendable {
    public var goods: Figure
    public var works: Figure
    public var services: Figure
    public var total: Figure
    /// 授予中小企业合同金额
    public var sme: Figure?
    /// 其中授予小微企业合同金额
    public var micro: Figure?
    public var purpose: String?
}

/// 国有资产占有使用情况
public struct Assets: Sendable {
    public struct Count: Sendable {
        public var type: String
        public var count: Quantity
        public var purpose: String?
    }

    public var asOf: String?
    public var vehicles: [Count]
    public var equipment: [Count]
}
