/// Whose chart it is: the unit, the period and the source, drawn into the image so that a chart seen
/// alone (a PNG in a portal, two departments' 图1 side by side) still says what it shows.
public struct ChartCaption: Sendable, Hashable {
    public let unitName: String
    /// "2024年度" or "2021—2024年度".
    public let period: String
    /// "来源：某局《2024年度部门决算》"
    public let source: String

    public init(unitName: String, period: String, source: String) {
        self.unitName = unitName
        self.period = period
        self.source = source
    }

    /// A chart of one report.
    public static func report(unitName: String, year: Int, kindWord: String) -> ChartCaption {
        ChartCaption(unitName: unitName, period: "\(year)年度", source: "来源：\(unitName)《\(year)年度\(kindWord)决算》")
    }

    /// A chart over a unit's reports (the trend on the unit page).
    public static func years(unitName: String, first: Int, last: Int, kindWord: String) -> ChartCaption {
        ChartCaption(unitName: unitName, period: "\(first)—\(last)年度", source: "来源：\(unitName)\(first)—\(last)年度\(kindWord)决算")
    }
}

/// What a chart draws and what it only names: the zero policy shared by every layout.
extension ChartSpec {
    public func captioned(_ caption: ChartCaption?) -> ChartSpec {
        var copy = self
        copy.caption = caption
        return copy
    }

    /// A pie draws its non-zero items only; bars draw every item (a zero bar is a fact of the year).
    public var drawnItems: [Item] { kind == .pie ? items.filter { !$0.value.isZero } : items }

    /// Items a pie leaves out because they are zero; the chart lists them in a note.
    public var zeroItems: [Item] { kind == .pie && !isEmpty ? items.filter { $0.value.isZero } : [] }

    /// "金额为零、未列入图中：科学技术支出、公务接待费" — nil when nothing is left out.
    public var zeroNote: String? {
        zeroItems.isEmpty ? nil : "金额为零、未列入图中：" + zeroItems.map(\.label).joined(separator: "、")
    }

    /// A pie of one non-zero item is a full disc that says nothing: it is drawn as one labelled bar.
    public var isSingleSlice: Bool { kind == .pie && drawnItems.count == 1 }

    /// The chart in words, with whose it is and what it leaves out: <desc>, alt text, screen readers.
    public var fullDescription: String {
        let who = caption.map { "\($0.unitName)\($0.period)" } ?? ""
        let heading = "\(number) \(title)（\(who.isEmpty ? "" : "\(who)，")单位：\(unit.rawValue)）"
        if isEmpty { return "\(heading)：本年度没有相关数据。" + (caption.map { $0.source + "。" } ?? "") }
        let parts = drawnItems.map { item -> String in
            kind == .pie ? "\(item.label)\(Derived.money(item.value))\(unit.rawValue)，占\(share(item))%"
                : "\(item.label)\(Derived.money(item.value))\(unit.rawValue)"
        }
        var text = "\(heading)：" + parts.joined(separator: "；") + "。"
        if let zeroNote { text += zeroNote + "。" }
        if let caption { text += caption.source + "。" }
        return text
    }
}
