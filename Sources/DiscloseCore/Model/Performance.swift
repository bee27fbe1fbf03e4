/// performance.yaml: 预算绩效管理, the overall performance report's figures, project self-evaluations.
public struct Performance: Sendable {
    public struct Management: Sendable {
        public var exAnteAssessed: Quantity?
        public var withTargets: Quantity
        public var monitored: Quantity
        public var selfEvaluated: Quantity
        public var evaluated: Quantity?
        public var overallSelfScore: Quantity?
        public var summary: String?
    }

    public struct ScoreRow: Sendable {
        public var level1: String
        public var level2: String
        public var level3: String
        public var weight: Quantity
        public var score: Quantity
        public var explanation: String?
    }

    public struct ScorePart: Sendable {
        public var label: String
        public var score: Quantity
        public var weight: Quantity?
    }

    public struct ProjectGroup: Sendable {
        public var label: String
        public var count: Quantity
        public var budget: Figure
        public var actual: Figure
        public var rate: Quantity?
        public var over10PercentBalance: Quantity?
        public var under10PercentBalance: Quantity?
    }

    /// The figures the overall performance report quotes, checked against Part 2.
    public struct ReportFigures: Sendable {
        public var incomeTotal: Figure?
        public var appropriationIncome: Figure?
        public var expenditureTotal: Figure?
        public var basic: Figure?
        public var project: Figure?
        public var carryoverEnding: Figure?
        public var initialBudget: [String: Figure]
        public var stockFundsUsed: [String: Figure]
    }

    public struct Overall: Sendable {
        public var title: String?
        public var unit: MoneyUnit
        public var score: Quantity?
        public var scoreParts: [ScorePart]
        public var scoreTable: [ScoreRow]
        public var figures: ReportFigures?
        public var projectGroups: [ProjectGroup]
    }

    public struct Funds: Sendable {
        public struct Source: Sendable {
            public var source: String
            public var initialBudget: Figure?
            public var budget: Figure
            public var actual: Figure
            public var rate: Quantity?
        }

        public var initialBudget: Figure?
        public var budget: Figure
        public var actual: Figure
        public var rate: Quantity?
        public var weight: Quantity?
        public var score: Quantity?
        public var sources: [Source]
    }

    public struct Goal: Sendable {
        public var target: String
        public var actual: String?
    }

    public struct Indicator: Sendable {
        public var level1: String
        public var level2: String
        public var level3: String
        public var nature: String?
        public var target: String
        public var unit: String?
        public var actual: String?
        public var weight: Quantity?
        public var score: Quantity?
        public var rate: Quantity?
        public var reason: String?
    }

    /// 项目支出绩效自评表
    public struct Project: Sendable {
        public var name: String
        public var department: String
        public var implementer: String
        public var category: String?
        public var unit: MoneyUnit
        public var summary: String?
        public var funds: Funds
        public var goals: [Goal]
        public var indicators: [Indicator]
        public var conclusion: String?
        public var problems: String?
        public var improvements: String?
        public var location: SourceLocation
    }

    public var management: Management
    public var overall: Overall?
    public var projects: [Project]
}
