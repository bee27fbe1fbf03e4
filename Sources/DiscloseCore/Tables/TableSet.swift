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
    /// Fields the content format requires by default that this set's reports do not publish (paths
    /// without list indexes, e.g. `organization.internal_divisions`): left out, they are not an error,
    /// and pages leave out the sentence that would need them.
    public let notPublished: Set<String>
    /// Rules that do not apply to this set's reports, with the reason (shown in the coverage summary).
    public let skippedRules: [String: String]
    /// The parts of the content this set's reports publish, which the 公开质量自检 counts as missing
    /// when left out (`required_sections`; every section when the set does not say).
    public let requiredSections: [RequiredSection]

    enum CodingKeys: String, CodingKey {
        case id, title, tables
        case notPublished = "not_published"
        case skippedRules = "skipped_rules"
        case requiredSections = "required_sections"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        tables = try c.decode([Table].self, forKey: .tables)
        notPublished = Set(try c.decodeIfPresent([String].self, forKey: .notPublished) ?? [])
        skippedRules = try c.decodeIfPresent([String: String].self, forKey: .skippedRules) ?? [:]
        requiredSections = try c.decodeIfPresent([RequiredSection].self, forKey: .requiredSections) ?? RequiredSection.allCases
    }

    /// `three_public.vehicles_held[2].type` → `three_public.vehicles_held.type`.
    public static func fieldPath(_ path: String) -> String {
        var out = ""
        var depth = 0
        for ch in path {
            if ch == "[" { depth += 1; continue }
            if ch == "]" { depth -= 1; continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }

    /// Whether a required field at `path` may be left out in this set.
    public func mayOmit(_ path: String) -> Bool { notPublished.contains(Self.fieldPath(path)) }

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

/// A part of a report's content that a table set may require (`required_sections` in its JSON).
public enum RequiredSection: String, Sendable, CaseIterable, Decodable {
    /// 第一部分 主要职能 (duties.md).
    case duties
    /// The expenditure by functional classification (accounts.yaml `functional`), which the 支出决算表
    /// and the 财政拨款 tables list row by row.
    case functional
    /// The income by functional classification (accounts.yaml `income_by_function`), the rows of the 收入决算表.
    case incomeByFunction = "income_by_function"
    /// The project self-evaluation tables (performance.yaml, 项目支出绩效自评表).
    case performance
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
