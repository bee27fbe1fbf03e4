import Foundation

/// What a rule sees: one report, and the same unit's previous report when Content holds it.
public struct RuleContext: Sendable {
    public let report: Report
    public let previousReport: Report?
    public let functionalCodes: CodeList?
    /// The unit's full and short names, which stand before item names in sentences.
    public let unitNames: [String]
    /// The narrative scanned and its claims, found once per report and shared by the text rules.
    let memo: Memo

    final class Memo: @unchecked Sendable {
        // Two locks: the claims are made from the scans, so making them takes the scans' lock.
        private let claimsLock = NSLock()
        private let scansLock = NSLock()
        private var claims: [(NarrativeScanner.Claim, TextRules.Text)]?
        private var scans: [(TextRules.Text, NarrativeScanner.ScanResult)]?

        func claims(_ make: () -> [(NarrativeScanner.Claim, TextRules.Text)]) -> [(NarrativeScanner.Claim, TextRules.Text)] {
            claimsLock.lock()
            defer { claimsLock.unlock() }
            if let claims { return claims }
            let made = make()
            claims = made
            return made
        }

        private let sentencesLock = NSLock()
        private var sentences: [String: [NarrativeScanner.Sentence]] = [:]

        /// A text's sentences, split once however many rules read them.
        func sentences(_ markdown: String) -> [NarrativeScanner.Sentence] {
            sentencesLock.lock()
            defer { sentencesLock.unlock() }
            if let known = sentences[markdown] { return known }
            let made = NarrativeScanner.sentences(markdown)
            sentences[markdown] = made
            return made
        }

        func scans(_ make: () -> [(TextRules.Text, NarrativeScanner.ScanResult)]) -> [(TextRules.Text, NarrativeScanner.ScanResult)] {
            scansLock.lock()
            defer { scansLock.unlock() }
            if let scans { return scans }
            let made = make()
            scans = made
            return made
        }

        private let previousLock = NSLock()
        private var previousFigures: ReportFigures??

        /// The previous report's figures, derived when a rule first asks (or as the check derived them).
        func previousFigures(_ make: () -> ReportFigures?) -> ReportFigures? {
            previousLock.lock()
            defer { previousLock.unlock() }
            if let previousFigures { return previousFigures }
            let made = make()
            previousFigures = .some(made)
            return made
        }

        init(previousFigures: ReportFigures? = nil) {
            if let previousFigures { self.previousFigures = .some(previousFigures) }
        }
    }

    /// Every total, subtotal and rate of the report, derived once: the rules read figures here, as the site does.
    public let figures: ReportFigures

    /// The previous report's figures: derived once, by the check of the unit (which derives every
    /// report's figures once) or by the first rule that reads them.
    public var previousFigures: ReportFigures? {
        memo.previousFigures { previousReport.map(ReportFigures.init) }
    }

    /// `figures` and `previousFigures`: the reports' figures where the caller has them (derived from
    /// exactly `report` and `previousReport`).
    public init(report: Report, previousReport: Report?, functionalCodes: CodeList?, unitNames: [String] = [],
                figures: ReportFigures? = nil, previousFigures: ReportFigures? = nil) {
        self.report = report
        self.previousReport = previousReport
        self.functionalCodes = functionalCodes
        self.unitNames = unitNames
        self.figures = figures ?? ReportFigures(report)
        memo = Memo(previousFigures: previousReport == nil ? nil : previousFigures)
    }

    public var accounts: FinalAccounts { report.accounts }
    public var unit: MoneyUnit { report.accounts.unit }
}

/// A named reconciliation rule (勾稽关系).
public struct ReconciliationRule: Sendable {
    public enum Area: String, Sendable, CaseIterable {
        case within = "表内"
        case between = "表间"
        case stated = "陈述数字"
        case years = "跨年度"
        case text = "文字"

        public var english: String {
            switch self {
            case .within: return "within a table"
            case .between: return "between tables and sections"
            case .stated: return "figures people state"
            case .years: return "across years"
            case .text: return "narrative text"
            }
        }
    }

    public let id: RuleID
    public let area: Area
    public let severity: Severity
    public let title: Message
    public let description: Message
    /// A message as the rule prints it, for docs/rules.md.
    public let example: String
    let evaluate: @Sendable (RuleContext) -> [Diagnostic]

    public init(_ id: RuleID, _ area: Area, _ severity: Severity, title: Message, description: Message,
                example: String, evaluate: @escaping @Sendable (RuleContext) -> [Diagnostic]) {
        self.id = id
        self.area = area
        self.severity = severity
        self.title = title
        self.description = description
        self.example = example
        self.evaluate = evaluate
    }

    public func check(_ context: RuleContext) -> [Diagnostic] { evaluate(context) }
}

public enum ReconciliationRules {
    public static let all: [ReconciliationRule] = WithinRules.all + BetweenRules.all + StatedRules.all + YearRules.all + TextRules.all + RoundingRules.all + MagnitudeRules.all + StatedSumRules.all
        + TextStatementRules.all + TextDateRules.all + TextCountRules.all

    public static func rule(_ id: RuleID) -> ReconciliationRule? { all.first { $0.id == id } }

    /// Runs every rule on every report of the tree, reports in parallel (each report's rules see only
    /// that report and its predecessor); the result does not depend on the order of work.
    /// `consolidate: false` reports every finding on its own (before `LikelyCause` folds cascades), for
    /// tests that count what the folding saves.
    public static func check(_ tree: ContentTree, codes: CodeLists = .bundled, consolidate: Bool = true) -> [Diagnostic] {
        let reports = tree.reports
        // Indexes, so that finding a report's predecessor and unit is not a scan per report.
        let units = Dictionary(tree.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Each report's figures, derived once: its own rules and its successor's read them.
        let byKey = Dictionary(reports.indices.map { ("\(reports[$0].unitID)/\(reports[$0].year)", $0) }, uniquingKeysWith: { a, _ in a })
        var derived = [ReportFigures?](repeating: nil, count: reports.count)
        derived.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: reports.count) { index in slots[index] = ReportFigures(reports[index]) }
        }
        let figures = derived
        var results = [[Diagnostic]](repeating: [], count: reports.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: reports.count) { at in
                let report = reports[at]
                let previous = byKey["\(report.unitID)/\(report.year - 1)"]
                slots[at] = check(report, previous: previous.map { reports[$0] }, unit: units[report.unitID], codes: codes,
                                  consolidate: consolidate, figures: figures[at], previousFigures: previous.flatMap { figures[$0] })
            }
        }
        return results.flatMap { $0 }
    }

    /// `figures` and `previousFigures`, where given, are derived from exactly `report` and `previous`.
    static func check(_ report: Report, previous: Report?, unit: UnitInfo?, codes: CodeLists, consolidate: Bool = true,
                      figures: ReportFigures? = nil, previousFigures: ReportFigures? = nil) -> [Diagnostic] {
        // The profile and its table set decide which rules apply (Shanghai publishes no self-evaluation tables…).
        let skipped = report.profile.skippedRules(tableSet: report.tableSetID)
        let rules = all.filter { skipped[$0.id.rawValue] == nil }
        let previousFigures = previous == nil ? nil : previousFigures
        func run(_ checked: Report, _ areas: BlameSearch.Areas, figures: ReportFigures?) -> [Diagnostic] {
            let context = RuleContext(report: checked, previousReport: previous,
                                      functionalCodes: codes.list(.functional, year: checked.year),
                                      unitNames: unit.map { [$0.name, $0.shortName] + $0.otherNames } ?? [],
                                      figures: figures, previousFigures: previousFigures)
            return rules.filter { areas == .all || $0.area != .text }.flatMap { $0.check(context) }
        }
        // The likely-cause search rechecks copies of the report with a figure changed: their figures are their own.
        let out = run(report, .all, figures: figures)
        return consolidate ? LikelyCause.consolidate(out, report: report, recheck: { run($0, $1, figures: nil) }) : out
    }
}

/// Shared wording and formatting of findings.
enum Finding {
    static func money(_ value: DecimalNumber) -> String { value.formatted(decimals: 2) }

    static func lines(_ figures: [Figure]) -> String {
        let numbers = figures.map(\.location.line).filter { $0 > 0 }
        guard !numbers.isEmpty else { return "" }
        return numbers.map(String.init).joined(separator: "、")
    }

    /// A stated total of `ReportFigures` differs from the sum of its parts beyond rounding.
    static func sum(_ id: RuleID, _ figure: ReportFigure, totalZh: String, totalEn: String,
                    partsZh: String, partsEn: String, severity: Severity = .error) -> Diagnostic? {
        guard let total = figure.stated else { return nil }
        return sum(id, total: total, parts: figure.sources, totalZh: totalZh, totalEn: totalEn, partsZh: partsZh, partsEn: partsEn, severity: severity)
    }

    /// `total` differs from the sum of `parts`: beyond rounding an error of the rule, within it a
    /// ROUNDING-TAIL warning naming the part to adjust (the 尾差 rule, see `Tolerance.sumVerdict`).
    static func sum(_ id: RuleID, total: Figure, parts: [Figure], totalZh: String, totalEn: String,
                    partsZh: String, partsEn: String, severity: Severity = .error) -> Diagnostic? {
        let values = parts.map(\.value)
        switch Tolerance.sumVerdict(total: total.value, parts: values) {
        case .exact: return nil
        case .tail(let difference):
            return tail(id, total: total, parts: parts, difference: difference, totalZh: totalZh, totalEn: totalEn, partsZh: partsZh, partsEn: partsEn)
        case .inconsistent:
            if let slip = MagnitudeRules.slipFinding(id, total: total, parts: parts, totalZh: totalZh, totalEn: totalEn) { return slip }
        }
        let sum = DecimalNumber.sum(values)
        let difference = total.value - sum
        let where_ = lines(parts)
        return Diagnostic(severity, id, at: total.location, path: total.path, Message(
            zh: "“\(totalZh)”为 \(money(total.value))，但\(partsZh)之和为 \(money(sum))，相差 \(money(difference))\(where_.isEmpty ? "" : "（分项在第 \(where_) 行）")。",
            en: "'\(totalEn)' is \(money(total.value)) but the \(partsEn) add up to \(money(sum)) (difference \(money(difference)))\(where_.isEmpty ? "" : "; parts on lines \(where_)")."),
            expected: money(sum), actual: money(total.value), related: parts.map(\.location),
            sum: SumFinding(total: total, parts: parts, difference: difference))
    }

    /// A rounding tail: the parts add up to the total only within the rounding interval. The published
    /// table will show the difference, so the warning says which part to adjust, and by how much.
    static func tail(_ id: RuleID, total: Figure, parts: [Figure], difference: DecimalNumber, totalZh: String, totalEn: String,
                     partsZh: String, partsEn: String) -> Diagnostic? {
        guard let index = Tolerance.tailCarrier(of: parts.map(\.value)) else { return nil }
        let carrier = parts[index]
        let adjusted = carrier.value + difference
        let values = parts.map(\.value)
        let sum = DecimalNumber.sum(values)
        let interval = Tolerance.sumInterval(parts: parts.count)
        return Diagnostic(.warning, .roundingTail, at: carrier.location, path: carrier.path, Message(
            zh: "尾差（\(id)）：“\(totalZh)”为 \(money(total.value))，\(partsZh)之和为 \(money(sum))，相差 \(money(difference))，在舍入区间 ±\(interval.formatted(decimals: 3)) 之内，但公开的表上看得出来。尾差调整：把最大的分项（第 \(carrier.location.line) 行 \(carrier.path)）由 \(money(carrier.value)) 调为 \(money(adjusted))（`disclose check --fix-tails` 可自动调整）。",
            en: "rounding tail (\(id)): '\(totalEn)' is \(money(total.value)) and the \(partsEn) add up to \(money(sum)) (difference \(money(difference)), within the rounding interval ±\(interval.formatted(decimals: 3)) but visible in the published table). Adjust the largest part (line \(carrier.location.line), \(carrier.path)) from \(money(carrier.value)) to \(money(adjusted)) (`disclose check --fix-tails` does it)."),
            expected: money(adjusted), actual: money(carrier.value), related: [total.location] + parts.enumerated().filter { $0.offset != index }.map(\.element.location),
            sum: SumFinding(total: total, parts: parts, difference: difference))
    }

    /// The same fact appears twice with different values.
    static func mismatch(_ id: RuleID, figure: Figure, expected: DecimalNumber, against other: [Figure] = [],
                         zh: String, en: String, severity: Severity = .error) -> Diagnostic {
        // Against one other figure of the same value, the finding is an equality (a sum of one part):
        // the likely-cause search can weigh changing either side.
        let equality = other.count == 1 && other[0].value == expected && BlameSearch.isData(figure) && BlameSearch.isData(other[0])
            ? SumFinding(total: figure, parts: other, difference: figure.value - expected) : nil
        return Diagnostic(severity, id, at: figure.location, path: figure.path, Message(zh: zh, en: en),
                          expected: money(expected), actual: money(figure.value), related: other.map(\.location), sum: equality)
    }
}
