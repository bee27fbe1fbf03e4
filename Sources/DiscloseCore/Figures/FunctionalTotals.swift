/// One line of a functional table: the 合计 row, or a 类/款/项 row, with the content rows it sums
/// and the line as the source prints it (`functional_stated`), if recorded.
public struct FunctionalLine: Sendable {
    /// nil for the 合计 row.
    public let code: String?
    public let scope: FundScope
    /// The content rows (`functional[…]`) the line sums.
    public let rows: [FunctionalRow]
    public let stated: StatedFunctionalLine?
    /// Every row has a budget (a total budget may be given only then).
    public let budgetComplete: Bool
    /// At least one row has a budget.
    public let budgetGiven: Bool
    /// Σ per column, by `slot(_:)` (an array: a report derives thousands of lines, each read often).
    private let sums: [DecimalNumber]

    private static func slot(_ column: FunctionalColumn) -> Int {
        switch column {
        case .total: return 0
        case .basic: return 1
        case .project: return 2
        case .remitToSuperior: return 3
        case .operating: return 4
        case .subsidyToSubordinates: return 5
        case .budget: return 6
        }
    }

    init(code: String?, scope: FundScope, rows: [FunctionalRow], stated: StatedFunctionalLine?, unit: MoneyUnit) {
        self.code = code
        self.scope = scope
        self.rows = rows
        self.stated = stated
        // One pass over the rows (a report derives thousands of lines). A row without a kind adds the
        // zero `amount(_:unit:)` would give, which leaves an exact sum as it is: it is skipped.
        let kinds = ExpenditureStatement.Kind.allCases
        var kindSums = [DecimalNumber](repeating: .zero, count: kinds.count)
        var budget = DecimalNumber.zero
        var complete = !rows.isEmpty
        var given = false
        for row in rows {
            for (index, kind) in kinds.enumerated() {
                if let figure = row.kinds[kind] { kindSums[index] = kindSums[index] + figure.amount.value }
            }
            if let rowBudget = row.budget {
                budget = budget + rowBudget.value
                given = true
            } else {
                complete = false
            }
        }
        budgetComplete = complete
        budgetGiven = given
        var sums = [DecimalNumber](repeating: .zero, count: 7)
        for (index, kind) in kinds.enumerated() { sums[Self.slot(FunctionalColumn(kind))] = kindSums[index] }
        sums[Self.slot(.total)] = DecimalNumber.sum(kindSums)
        sums[Self.slot(.budget)] = budget
        self.sums = sums
    }

    /// 类 0, 款 1, 项 2.
    public var level: Int { code.map { $0.count <= 3 ? 0 : ($0.count <= 5 ? 1 : 2) } ?? 0 }

    /// Σ of the rows' column (budgets: of the rows that have one).
    public func derived(_ column: FunctionalColumn) -> DecimalNumber { sums[Self.slot(column)] }

    /// The column with its provenance and, where recorded, as printed.
    public func figure(_ column: FunctionalColumn) -> ReportFigure {
        let sources: [Figure]
        switch column.kind {
        case let kind?: sources = rows.compactMap { $0.kinds[kind] }
        case nil where column == .budget: sources = rows.compactMap(\.budget)
        case nil: sources = rows.flatMap { row in ExpenditureStatement.Kind.allCases.compactMap { row.kinds[$0] } }
        }
        let place = code.map { "code=\($0)" } ?? "合计"
        return ReportFigure(derived: derived(column), stated: stated?.columns[column], sources: sources,
                            provenance: "Σ functional[fund∈\(scope.rawValue), \(place)].\(column.rawValue)")
    }

    /// What a table prints in the column: the stated figure, else the sum.
    public func shown(_ column: FunctionalColumn) -> DecimalNumber { stated?.columns[column]?.value ?? derived(column) }

    /// The line's budget where one may be spoken of: the stated budget, or the rows' when every row has one.
    public var totalBudget: DecimalNumber? {
        stated?.columns[.budget]?.value ?? (budgetComplete ? derived(.budget) : nil)
    }
}

/// Every functional table's lines for one fund scope: the 合计 row and the 类/款/项 rows in code order.
public struct FunctionalTotals: Sendable {
    public let scope: FundScope
    public let total: FunctionalLine
    /// 类, 款 and 项 lines (every prefix of a row's code, and every stated line), in code order.
    public let lines: [FunctionalLine]

    init(scope: FundScope, accounts: FinalAccounts) {
        self.scope = scope
        let rows = accounts.functional.filter { scope.contains($0.fund) }
        let stated = accounts.functionalStated.filter { $0.scope == scope }
        let statedTotal = stated.last { $0.code == nil }
        var statedByCode: [String: StatedFunctionalLine] = [:]
        for line in stated { if let code = line.code?.value { statedByCode[code] = line } }
        total = FunctionalLine(code: nil, scope: scope, rows: rows, stated: statedTotal, unit: accounts.unit)
        var byPrefix: [String: [FunctionalRow]] = [:]
        for row in rows {
            let code = row.code.value
            for length in [3, 5, 7] where code.count >= length { byPrefix[String(code.prefix(length)), default: []].append(row) }
        }
        for code in statedByCode.keys where byPrefix[code] == nil { byPrefix[code] = [] }
        lines = byPrefix.keys.sorted().map { FunctionalLine(code: $0, scope: scope, rows: byPrefix[$0]!, stated: statedByCode[$0], unit: accounts.unit) }
    }

    public func line(_ code: String) -> FunctionalLine? { lines.first { $0.code == code } }

    /// The 类 lines.
    public var classes: [FunctionalLine] { lines.filter { $0.level == 0 } }
}
