/// What a chart shows, independent of how it is drawn. Values are exact; geometry is computed from them.
public struct ChartSpec: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bar
        case pie

        /// How the page names the chart.
        public var label: String {
            switch self {
            case .bar: return "柱状图"
            case .pie: return "饼状图"
            }
        }

        /// Whether each item's share of the whole is printed beside it.
        public var showsShares: Bool {
            switch self {
            case .bar: return false
            case .pie: return true
            }
        }
    }

    public struct Item: Sendable {
        public let label: String
        public let value: DecimalNumber

        public init(_ label: String, _ value: DecimalNumber) {
            self.label = label
            self.value = value
        }
    }

    /// Stable id, also the file name: `charts/<id>.svg`.
    public let id: String
    /// "图1"
    public let number: String
    public let title: String
    public let kind: Kind
    public let unit: MoneyUnit
    public let items: [Item]
    /// What a pie's percentages are shares of: the total the report prints (`ReportFigures`), so that
    /// the chart and the Part 2 sentence give the same percentage.
    public let shareBase: DecimalNumber
    /// A two-bar chart's change from the first bar to the second (as Part 2 states it).
    public let change: Derived.Change?

    /// `shareBase` and `change` come from the report's figures; a chart not built from a report
    /// (a test, a trend) takes the sum of its items and the change between its two bars.
    public init(id: String, number: String, title: String, kind: Kind, unit: MoneyUnit, items: [Item],
                shareBase: DecimalNumber? = nil, change: Derived.Change? = nil, sideBySide: Bool = false) {
        self.id = id
        self.number = number
        self.title = title
        self.kind = kind
        self.unit = unit
        self.items = items
        self.shareBase = shareBase ?? DecimalNumber.sum(items.map(\.value))
        // Two bars are this year against last, unless they are things side by side (two units compared).
        self.change = change ?? (items.count == 2 && !sideBySide ? Derived.Change(current: items[1].value, previous: items[0].value) : nil)
    }

    /// Σ of the items (the pie's full circle).
    public var total: DecimalNumber { DecimalNumber.sum(items.map(\.value)) }
    public var isEmpty: Bool { items.allSatisfy { $0.value.isZero } }

    /// Share of an item in percent, two decimals as in the tables, more when two would print a
    /// non-zero part as 0.00 (see `Derived.visibleShare`).
    public func share(_ item: Item) -> String {
        Derived.visibleShare(item.value, of: shareBase)
    }

    /// The figures in words, for <desc> and screen readers.
    public var description: String {
        if isEmpty { return "\(number) \(title)：本年度没有相关数据。" }
        let parts = items.map { item -> String in
            kind.showsShares ? "\(item.label)\(Derived.money(item.value))\(unit.rawValue)，占\(share(item))%"
                : "\(item.label)\(Derived.money(item.value))\(unit.rawValue)"
        }
        return "\(number) \(title)（单位：\(unit.rawValue)）：" + parts.joined(separator: "；") + "。"
    }

    /// Whose chart it is (unit, year, source), drawn into the image; nil for a chart without a report.
    public var caption: ChartCaption?
}
