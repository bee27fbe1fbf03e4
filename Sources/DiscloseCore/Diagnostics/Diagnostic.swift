public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// A message in both languages; the edge chooses which one to print.
public struct Message: Sendable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}

/// A total and the parts it should equal, as a sum finding saw them.
public struct SumFinding: Sendable {
    public let total: Figure
    public let parts: [Figure]
    /// total − Σ parts
    public let difference: DecimalNumber

    public init(total: Figure, parts: [Figure], difference: DecimalNumber) {
        self.total = total
        self.parts = parts
        self.difference = difference
    }
}

/// One finding of the checker. Data only: text and JSON renderings live at the edge.
public struct Diagnostic: Sendable, Hashable {
    public let severity: Severity
    public let rule: RuleID
    public let location: SourceLocation
    /// The YAML path of the value, e.g. `income.general_budget` or `functional[3].code`.
    public let path: String
    public let message: Message
    /// Decimal strings in the report's unit where the finding is about a number.
    public let expected: String?
    public let actual: String?
    /// The other figures the finding involves (named in the message too).
    public let related: [SourceLocation]
    /// For a sum finding (a rounding tail): the total, the parts and total − Σ parts, so that tails
    /// sharing a figure can be traced to it. Working data for the checker: not part of equality.
    public let sum: SumFinding?

    public init(
        _ severity: Severity, _ rule: RuleID, at location: SourceLocation, path: String = "",
        _ message: Message, expected: String? = nil, actual: String? = nil, related: [SourceLocation] = [],
        sum: SumFinding? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.path = path
        self.message = message
        self.expected = expected
        self.actual = actual
        self.related = related
        self.sum = sum
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.rule == b.rule && a.location == b.location && a.path == b.path && a.message == b.message
            && a.expected == b.expected && a.actual == b.actual && a.related == b.related
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(location)
        hasher.combine(message)
    }

    public static func error(
        _ rule: RuleID, at location: SourceLocation, path: String = "",
        zh: String, en: String, expected: String? = nil, actual: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, rule, at: location, path: path, Message(zh: zh, en: en), expected: expected, actual: actual)
    }

    public static func warning(
        _ rule: RuleID, at location: SourceLocation, path: String = "",
        zh: String, en: String, expected: String? = nil, actual: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, rule, at: location, path: path, Message(zh: zh, en: en), expected: expected, actual: actual)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// The findings about the report folder of `unit` and `year` or its files.
    public func inReport(unit: String, year: Int) -> [Diagnostic] {
        filter { $0.location.source.isInReport(unit: unit, year: year) }
    }

    /// The errors found in the report folder of `unit` and `year` or its files.
    public func errors(inReport unit: String, year: Int) -> [Diagnostic] {
        inReport(unit: unit, year: year).filter { $0.severity == .error }
    }

    /// Stable order for output: by file, line, column, then rule.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
            return a.message.zh < b.message.zh
        }
    }
}
