/// One figure of a report as every consumer sees it: the value worked out from the content, the value
/// the source prints where the content records one, and where both come from.
public struct ReportFigure: Sendable {
    /// Worked out from the content: the field itself, or the sum of the fields in `sources`.
    public let derived: DecimalNumber
    /// As the source prints it (a `stated` total or subtotal), when the content records one.
    public let stated: Figure?
    /// The content fields `derived` comes from, each with its file, line and YAML path.
    public let sources: [Figure]
    /// How `derived` is worked out, e.g. `Σ functional[fund=general_budget].basic`, or the field's path.
    public let provenance: String

    public init(derived: DecimalNumber, stated: Figure? = nil, sources: [Figure], provenance: String) {
        self.derived = derived
        self.stated = stated
        self.sources = sources
        self.provenance = provenance
    }

    /// A content field taken as it is.
    public static func field(_ figure: Figure) -> ReportFigure {
        ReportFigure(derived: figure.value, sources: [figure], provenance: figure.path)
    }

    /// A sum of content fields, optionally with the total as the source prints it.
    public static func sum(_ figures: [Figure], stated: Figure? = nil, provenance: String) -> ReportFigure {
        ReportFigure(derived: DecimalNumber.sum(figures.map(\.value)), stated: stated, sources: figures, provenance: provenance)
    }

    /// What tables, Part 2 sentences, charts and report.json print: the stated figure where the
    /// content records one, the derived one otherwise.
    public var shown: DecimalNumber { stated?.value ?? derived }

    /// The stated figure differs from the derived one (a rounding tail or a mistake; rules decide which).
    public var statedDiffers: Bool { stated.map { $0.value != derived } ?? false }

    /// Where to point a reader: the stated figure, or the single field it is.
    public var location: SourceLocation? { stated?.location ?? (sources.count == 1 ? sources[0].location : nil) }
}

/// A figure against last year's (增减额, 增减率).
public struct YearOnYear: Sendable {
    public let current: ReportFigure
    /// Last year's figure as this report states it (an “上年” field), when it does.
    public let previous: DecimalNumber?

    public init(current: ReportFigure, previous: DecimalNumber?) {
        self.current = current
        self.previous = previous
    }

    public var change: Derived.Change? { previous.map { Derived.Change(current: current.shown, previous: $0) } }
}

/// A figure against its budget (完成预算 x%).
public struct BudgetCompletion: Sendable {
    public let actual: DecimalNumber
    /// nil when no budget is given (then no completion may be written).
    public let budget: DecimalNumber?

    public init(actual: DecimalNumber, budget: DecimalNumber?) {
        self.actual = actual
        self.budget = budget
    }

    /// actual ÷ budget × 100, two decimals; nil without a budget or with a zero budget.
    public var rate: DecimalNumber? { Derived.completion(actual, budget: budget) }
}
