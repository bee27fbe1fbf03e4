import Foundation

/// The 附表 of a year's template. Which tables a year has is data (Resources/tablesets), not code.
public struct TableSet: Sendable, Decodable {
    public struct Table: Sendable, Decodable {
        /// Stable id, also the layout and the URL of the table's CSV (`tables/<id>.csv`).
        public let id: String
        public let title: String
    }

    public let id: String
    public let title: String
    public let tables: [Table]

    /// The layouts the renderer knows; a table set may only use these.
    public static let knownLayouts: Set<String> = [
        "income-expenditure-summary", "income", "expenditure", "appropriation-summary", "appropriation-detail",
        "general-budget", "general-budget-detail", "general-budget-basic", "general-budget-project",
        "general-budget-three-public", "government-fund", "government-fund-three-public", "state-capital",
        "state-capital-expenditure", "three-public", "agency-assets-procurement",
    ]

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
