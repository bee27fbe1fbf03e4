/// What the checker verified for a report, rule by rule: passed, failed, or not checked and why — so
/// that a finance officer sees what was verified, not only what failed.
public struct RuleOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        case passed
        case failed
        case notChecked = "not_checked"
    }

    public let rule: RuleID
    public let status: Status
    /// Why a rule was not checked ("没有上年报告"), or nil.
    public let reason: Message?
    public let errors: Int
    public let warnings: Int
}

/// The outcomes of every rule for one report.
public struct ReportCoverage: Sendable {
    public let folder: String
    public let outcomes: [RuleOutcome]

    public func count(_ status: RuleOutcome.Status) -> Int { outcomes.filter { $0.status == status }.count }
}

public enum RuleCoverage {
    /// Why a rule has nothing to look at in this report, or nil when it ran on real figures.
    static func reasonNotChecked(_ id: RuleID, _ c: RuleContext) -> Message? {
        let a = c.accounts, r = c.report
        func no(_ zh: String, _ en: String) -> Message { Message(zh: zh, en: en) }
        let claims = TextRules.claims(c).map(\.0)
        func hasClaim(_ matches: (NarrativeScanner.ClaimKind) -> Bool) -> Bool { claims.contains { matches($0.kind) } }
        switch id.rawValue {
        case "BASIC-ITEMS":
            let amounts = (a.basic.personnel.items + a.basic.publicExpenses.items).contains { $0.amount != nil }
            return amounts ? nil : no("经济分类科目没有写金额", "no amounts given for the economic items")
        case "3P-RECEPTION-ITEMS":
            return a.threePublic.domesticReception.items.isEmpty ? no("没有逐项列示的接待", "no itemised receptions") : nil
        case "STAFFING":
            return r.staffing == nil ? no("没有人员情况（staffing）", "no staffing given") : nil
        case "PERF-SCORE":
            return r.performance?.overall?.score == nil ? no("没有整体绩效自评得分", "no overall self-evaluation score") : nil
        case "INCOME-BY-FUNC":
            return a.incomeByFunction.isEmpty ? no("没有收入决算表的分科目数", "no income-by-function rows") : nil
        case "ATTACH-FIGURES":
            return r.performance?.overall?.figures == nil ? no("整体绩效报告没有引用第二部分的数字", "the performance report quotes no Part 2 figures") : nil
        case "VEHICLE-COUNT":
            return a.threePublic.vehiclesHeld.isEmpty ? no("没有年末公务用车保有量", "no vehicles held given") : nil
        case "PROJECT-COUNT", "PROJECT-FUNDS", "PROJECT-RATE", "PROJECT-SCORE":
            return (r.performance?.projects.isEmpty ?? true) ? no("没有项目支出绩效自评表（performance.yaml）", "no project self-evaluations") : nil
        case "PROJECT-GROUPS":
            return (r.performance?.overall?.projectGroups.isEmpty ?? true) ? no("没有按类别统计的项目", "no project groups given") : nil
        case "PREV-YEAR":
            return c.previousReport == nil ? no("Content 中没有该单位上一年度的报告", "the unit's previous report is not in Content") : nil
        case "TEXT-AMOUNT":
            return hasClaim { if case .amount = $0 { return true }; return false } ? nil : no("文字中没有写到已知项目的金额", "the text states no amounts of known items")
        case "TEXT-SHARE", "TEXT-SHARE-PRECISION":
            return hasClaim { if case .share = $0 { return true }; return false } ? nil : no("文字中没有写占比", "the text states no shares")
        case "TEXT-CHANGE", "TEXT-ZERO-BASE":
            let changes = hasClaim {
                switch $0 { case .change, .rate, .unchanged: return true; default: return false }
            }
            return changes ? nil : no("文字中没有写增减额或增减率", "the text states no changes")
        case "TEXT-COMPLETION":
            guard hasClaim({ if case .completion = $0 { return true }; return false }) else {
                return no("文字中没有写完成率", "the text states no completion rates")
            }
            return claims.contains { $0.fact.budget != nil } ? nil : no("没有年初预算数", "no 年初预算 given")
        case "TEXT-BUDGET":
            let budgets = hasClaim {
                switch $0 { case .budget, .balanceRate: return true; default: return false }
            }
            return budgets ? nil : no("文字中没有写项目或科目的预算数、结余率", "the text states no budgets or balance rates")
        case "TEXT-UNIT", "TEXT-BRACKET", "TEXT-DATE", "TEXT-PARTS":
            return TextRules.texts(c).isEmpty ? no("没有自行撰写的文字", "the report has no narrative text") : nil
        case "TEXT-RESTATED":
            let amounts = claims.filter {
                switch $0.kind { case .amount, .budget: return true; default: return false }
            }
            return amounts.count > 1 ? nil : no("文字中同一项目的金额没有写两次以上", "no item's amount is stated twice")
        case "TEXT-COUNT":
            let lists = r.performance != nil || !a.assets.vehicles.isEmpty || !a.threePublic.vehiclesHeld.isEmpty || !r.narrative.projectReports.isEmpty
            return lists && !TextRules.texts(c).isEmpty ? nil : no("文字或可比较的清单（项目、车辆、附件报告）不存在", "no text, or no list (projects, vehicles, reports) to compare counts with")
        default:
            return nil
        }
    }

    /// Each rule's outcome for one report, from the findings finally reported for it.
    public static func outcomes(_ report: Report, previous: Report?, unitNames: [String] = [], findings: [Diagnostic],
                                codes: CodeLists = .bundled) -> ReportCoverage {
        let context = RuleContext(report: report, previousReport: previous, functionalCodes: codes.list(.functional, year: report.year),
                                  unitNames: unitNames)
        let skipped = report.profile.skippedRules(tableSet: report.tableSetID)
        // A finding folded into its likely cause still counts against its own rule.
        func mentions(_ d: Diagnostic, _ id: RuleID) -> Bool { d.rule == id || d.message.en.contains("\(id.rawValue) (") }
        let outcomes = ReconciliationRules.all.map { rule -> RuleOutcome in
            if let why = skipped[rule.id.rawValue] {
                return RuleOutcome(rule: rule.id, status: .notChecked,
                                   reason: Message(zh: "套表 \(report.tableSetID) 不适用：\(why)", en: "not applicable to table set \(report.tableSetID)"),
                                   errors: 0, warnings: 0)
            }
            let own = findings.filter { mentions($0, rule.id) }
            if !own.isEmpty {
                return RuleOutcome(rule: rule.id, status: .failed, reason: nil, errors: own.errorCount, warnings: own.warningCount)
            }
            if let why = reasonNotChecked(rule.id, context) {
                return RuleOutcome(rule: rule.id, status: .notChecked, reason: why, errors: 0, warnings: 0)
            }
            return RuleOutcome(rule: rule.id, status: .passed, reason: nil, errors: 0, warnings: 0)
        }
        return ReportCoverage(folder: report.folder, outcomes: outcomes)
    }
}
