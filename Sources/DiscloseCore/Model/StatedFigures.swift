/// Totals and subtotals as a source prints them. Every one of them can also be worked out from the
/// rows it sums; the content records the printed figure so that it is shown as published and a
/// difference from the sum (a rounding tail, 尾差, or a real mistake) can be reported instead of
/// being replaced without a word. `ReportFigures` keeps each beside its derived value.

/// Which rows of the functional classification a table sums: one fund's, the three appropriations',
/// or every fund's (支出决算表).
public enum FundScope: String, Sendable, CaseIterable, Hashable {
    /// 支出决算表, 收入支出决算总表: every fund.
    case all
    /// 财政拨款支出决算明细表: the three 财政拨款 funds.
    case appropriations
    case generalBudget = "general_budget"
    case governmentFund = "government_fund"
    case stateCapital = "state_capital"

    public init(_ fund: Fund) {
        switch fund {
        case .generalBudget: self = .generalBudget
        case .governmentFund: self = .governmentFund
        case .stateCapital: self = .stateCapital
        case .other: self = .all
        }
    }

    public func contains(_ fund: Fund) -> Bool {
        switch self {
        case .all: return true
        case .appropriations: return Fund.appropriations.contains(fund)
        case .generalBudget: return fund == .generalBudget
        case .governmentFund: return fund == .governmentFund
        case .stateCapital: return fund == .stateCapital
        }
    }

    public var label: String {
        switch self {
        case .all: return "全部资金"
        case .appropriations: return "财政拨款"
        case .generalBudget: return Fund.generalBudget.label
        case .governmentFund: return Fund.governmentFund.label
        case .stateCapital: return Fund.stateCapital.label
        }
    }
}

/// The amount columns of a functional table.
public enum FunctionalColumn: String, Sendable, CaseIterable, Hashable {
    /// 合计 / 本年支出合计
    case total
    case basic
    case project
    case remitToSuperior = "remit_to_superior"
    case operating
    case subsidyToSubordinates = "subsidy_to_subordinates"
    /// 预算数 (年初预算)
    case budget

    public init(_ kind: ExpenditureStatement.Kind) {
        switch kind {
        case .basic: self = .basic
        case .project: self = .project
        case .remitToSuperior: self = .remitToSuperior
        case .operating: self = .operating
        case .subsidyToSubordinates: self = .subsidyToSubordinates
        }
    }

    public var kind: ExpenditureStatement.Kind? {
        switch self {
        case .basic: return .basic
        case .project: return .project
        case .remitToSuperior: return .remitToSuperior
        case .operating: return .operating
        case .subsidyToSubordinates: return .subsidyToSubordinates
        case .total, .budget: return nil
        }
    }

    public var label: String {
        switch self {
        case .total: return "合计"
        case .budget: return "预算数"
        case .basic: return ExpenditureStatement.Kind.basic.label
        case .project: return ExpenditureStatement.Kind.project.label
        case .remitToSuperior: return ExpenditureStatement.Kind.remitToSuperior.label
        case .operating: return ExpenditureStatement.Kind.operating.label
        case .subsidyToSubordinates: return ExpenditureStatement.Kind.subsidyToSubordinates.label
        }
    }
}

/// A 类 or 款 row, or the 合计 row, of a functional table as printed (`functional_stated` in accounts.yaml).
public struct StatedFunctionalLine: Sendable {
    /// The 类 (3 digits) or 款 (5 digits) code; nil for the 合计 row.
    public var code: Located<String>?
    public var scope: FundScope
    public var columns: [FunctionalColumn: Figure]
    public var location: SourceLocation
    public var path: String

    public init(code: Located<String>?, scope: FundScope, columns: [FunctionalColumn: Figure], location: SourceLocation, path: String) {
        self.code = code
        self.scope = scope
        self.columns = columns
        self.location = location
        self.path = path
    }
}

/// A 类 row (301 工资福利支出, 302 商品和服务支出…) of the basic-spending table as printed
/// (`basic_expenditure.<group>.stated_classes`).
public struct StatedEconomicLine: Sendable {
    public var code: Located<String>
    public var amount: Figure

    public init(code: Located<String>, amount: Figure) {
        self.code = code
        self.amount = amount
    }
}

/// The 合计 and 总计 rows of 财政拨款收入支出决算总表 as printed (`appropriation.stated`).
public struct StatedAppropriationTotals: Sendable {
    /// 本年收入合计 (the three appropriations' income)
    public var incomeTotal: Figure?
    /// 本年支出合计 (the three appropriations' spending)
    public var expenditureTotal: Figure?
    /// 年初财政拨款结转和结余 (合计)
    public var carryoverBeginning: Figure?
    /// 年末财政拨款结转和结余 (合计)
    public var carryoverEnding: Figure?
    /// 收入侧 总计 (财政拨款收、支总计)
    public var incomeGrandTotal: Figure?
    /// 支出侧 总计
    public var expenditureGrandTotal: Figure?

    public init(incomeTotal: Figure? = nil, expenditureTotal: Figure? = nil, carryoverBeginning: Figure? = nil,
                carryoverEnding: Figure? = nil, incomeGrandTotal: Figure? = nil, expenditureGrandTotal: Figure? = nil) {
        self.incomeTotal = incomeTotal
        self.expenditureTotal = expenditureTotal
        self.carryoverBeginning = carryoverBeginning
        self.carryoverEnding = carryoverEnding
        self.incomeGrandTotal = incomeGrandTotal
        self.expenditureGrandTotal = expenditureGrandTotal
    }

    public static let none = StatedAppropriationTotals()
}
