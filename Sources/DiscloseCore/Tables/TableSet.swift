import Foundation

/// The 附表 of a year's template. Which tables a year has is data (Resources/tablesets), not code.
public struct TableSet: Sendable, Decodable {
    public struct Table: Sendable, Decodable {
        /// Stable id, also the layout and the URL of the table's CSV (`tables/<id>.csv`).
        public let id: String
        public let title: String
        /// How the table is laid out (decoding fails for an id no layout has).
        public let layout: TableLayout

        enum CodingKeys: String, CodingKey { case id, title }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decode(String.self, forKey: .title)
            guard let layout = TableLayout(rawValue: id) else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "unknown table layout \(id)")
            }
            self.layout = layout
        }
    }

    public let id: String
    public let title: String
    public let tables: [Table]

    /// The layouts the renderer knows; a table set may only use these.
    public static let knownLayouts: Set<String> = Set(TableLayout.allCases.map(\.rawValue))

    /// The sets bundled with the tool, by id.
    public static let bundled: [String: TableSet] = {
        var sets: [String: TableSet] = [:]
        for url in ResourceFiles.urls(in: "tablesets", withExtension: "json") {
            if let data = try? Data(contentsOf: url), let set = try? JSONDecoder().decode(TableSet.self, from: data) {
                sets[set.id] = set
            }
        }
        return sets
    }()
}

/// Every 附表 layout the renderer knows. `TableBuilder` switches over it exhaustively.
public enum TableLayout: String, Sendable, CaseIterable {
    case incomeExpenditureSummary = "income-expenditure-summary"
    case income
    case expenditure
    case appropriationSummary = "appropriation-summary"
    case appropriationDetail = "appropriation-detail"
    case generalBudget = "general-budget"
    case generalBudgetDetail = "general-budget-detail"
    case generalBudgetBasic = "general-budget-basic"
    case generalBudgetProject = "general-budget-project"
    case generalBudgetThreePublic = "general-budget-three-public"
    case governmentFund = "government-fund"
    case governmentFundThreePublic = "government-fund-three-public"
    case stateCapital = "state-capital"
    case stateCapitalExpenditure = "state-capital-expenditure"
    case threePublic = "three-public"
    case agencyAssetsProcurement = "agency-assets-procurement"
}
