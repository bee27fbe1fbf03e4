/// What a chart shows, independent of how it is drawn. Values are exact; geometry is computed from them.
public struct ChartSpec: Sendable {
    public enum Kind: String, Sendable {
        case bar
        case pie
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

    public init(id: String, number: String, title: String, kind: Kind, unit: MoneyUnit, items: [Item]) {
        self.id = id
        self.number = number
        self.title = title
        self.kind = kind
        self.unit = unit
        self.items = items
    }

    public var total: DecimalNumber { DecimalNumber.sum(items.map(\.value)) }
    public var isEmpty: Bool { items.allSatisfy { $0.value.isZero } }

    /// Share of an item in percent, two decimals as in the tables, more when two would print a
    /// non-zero part as 0.00 (see `Derived.visibleShare`).
    public func share(_ item: Item) -> String {
        Derived.visibleShare(item.value, of: total)
    }

    /// The figures in words, for <desc> and screen readers.
    public var description: String {
        if isEmpty { return "\(number) \(title)：本年度没有相关数据。" }
        let parts = items.map { item -> String in
            kind == .pie ? "\(item.label)\(Derived.money(item.value))\(unit.rawValue)，占\(share(item))%"
                : "\(item.label)\(Derived.money(item.value))\(unit.rawValue)"
        }
        return "\(number) \(title)（单位：\(unit.rawValue)）：" + parts.joined(separator: "；") + "。"
    }

    /// Whose chart it is (unit, year, source), drawn into the image; nil for a chart without a report.
    public var caption: ChartCaption?
}
