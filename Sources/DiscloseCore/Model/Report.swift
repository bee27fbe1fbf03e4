import Foundation

/// One year's final-accounts disclosure of one unit: Content/<unit>/<year>/.
public struct Report: Sendable {
    public enum Kind: String, Sendable {
        /// 部门决算 (a department with subordinate units)
        case department = "部门"
        /// 单位决算 (a single unit)
        case unit = "单位"
    }

    public var unitID: String
    public var year: Int
    public var kind: Kind
    /// The id of the 附表 table set of this year's template.
    public var tableSetID: String
    public var moneyUnit: MoneyUnit
    public var publishedOn: String?
    /// 批复日期: when the finance department approved the accounts (the 20-day rule counts from it).
    public var approvedOn: String? = nil
    /// 更新日期: when a published report was last corrected.
    public var updatedOn: String? = nil
    public var organization: Organization
    public var staffing: Staffing?
    public var accounts: FinalAccounts
    public var performance: Performance?
    public var glossary: GlossaryChanges
    public var narrative: Narrative
    /// The report folder, relative to the content root's parent (for messages).
    public var folder: String
    /// The profile its unit.yaml or site.yaml names (nil: the standard one of its table set).
    public var chosenProfile: ReportProfile? = nil

    /// How the report is laid out and which fields and rules apply (docs/provinces.md).
    public var profile: ReportProfile { chosenProfile ?? ReportProfile.standard(tableSet: tableSetID, year: year) }

    /// The parsed documents the report was built from, so that the checker can rebuild it with a
    /// figure changed in memory (the likely-cause search, `BlameSearch`). Nil for a report made in code.
    public var sources: ReportSources? = nil

    /// The year the report compares with.
    public var previousYear: Int { year - 1 }
}

/// 机构设置
public struct Organization: Sendable {
    public enum EntityType: String, Sendable, CaseIterable {
        case administrative = "行政单位"
        case civilServiceManaged = "参照公务员法管理的事业单位"
        case otherInstitution = "其他事业单位"
    }

    public struct Entity: Sendable {
        public var name: String
        public var type: EntityType
    }

    /// nil where the report does not publish it (the `shanghai` table set).
    public var internalDivisions: Int?
    public var divisionNames: [String]
    public var entities: [Entity]
    public var independentAccounting: Bool?

    public func count(of type: EntityType) -> Int { entities.filter { $0.type == type }.count }
}

/// 人员情况
public struct Staffing: Sendable {
    public struct Headcount: Sendable {
        public var category: String
        public var count: Quantity
        public var previous: Quantity?
    }

    public struct Group: Sendable {
        public var total: Quantity
        public var breakdown: [Headcount]
    }

    public var authorized: Group?
    public var actual: Group?
    public var retirees: [Headcount]
}

/// The Markdown narrative of a report, by slot.
public struct Narrative: Sendable {
    public struct Document: Sendable {
        public var markdown: String
        /// The .md file (its unit and year as data; shown in messages).
        public var file: ContentPath

        public init(markdown: String, file: ContentPath) {
            self.markdown = markdown
            self.file = file
        }
    }

    /// 主要职能
    public var duties: Document?
    /// 重点工作完成情况
    public var achievements: Document?
    /// 机构设置 additional prose
    public var organization: Document?
    /// 部门整体支出绩效（自评）报告正文
    public var performanceReport: Document?
    /// Part 2 paragraphs replaced by the office's own text.
    public var paragraphs: [ParagraphSlot: Document]
    /// Attached project self-evaluation reports (project-reports/*.md), in file-name order.
    public var projectReports: [Document] = []

    public static let empty = Narrative(duties: nil, achievements: nil, organization: nil, performanceReport: nil, paragraphs: [:])
}

extension Narrative.Document {
    /// The name of an attached project report: its first heading ("# 干部培训经费项目支出绩效自评报告"),
    /// nil where the source leaves the name out.
    public var heading: String? {
        for line in markdown.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("#") else { return nil }
            let title = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            return title.isEmpty ? nil : title
        }
        return nil
    }
}

/// The Part 2 paragraphs a report may replace with its own Markdown (paragraphs/<slot>.md). Each slot is
/// a fixed set of figures; its heading, its place in the outline and its wording are the report profile's
/// (`ReportProfile`: Resources/profiles, Templates/<paragraphs folder>/<slot>.mustache).
public enum ParagraphSlot: String, Sendable, CaseIterable {
    case total
    case income
    case expenditure
    case appropriation
    case generalBudgetOverall = "general-budget-overall"
    case generalBudgetStructure = "general-budget-structure"
    case generalBudgetItems = "general-budget-items"
    case basic
    case threePublicOverall = "three-public-overall"
    case threePublicItems = "three-public-items"
    case governmentFund = "government-fund"
    case stateCapital = "state-capital"
    case agencyOperatingCost = "agency-operating-cost"
    case procurement
    case assets
    case performanceManagement = "performance-management"
}

/// glossary.yaml: additions and overrides of the standard glossary, and omissions.
public struct GlossaryChanges: Sendable {
    public struct Entry: Sendable {
        public var term: String
        public var definition: String
    }

    public var entries: [Entry]
    public var omit: [String]

    public static let none = GlossaryChanges(entries: [], omit: [])
}
