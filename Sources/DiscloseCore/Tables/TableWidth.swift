/// How wide a 附表 needs to be to print without shrinking its type, in ems of that type: enough for the
/// longest amount of each column on one line, 科目 names wrapping at a dozen characters, headers wrapping
/// at four. The printed document turns a table wider than a portrait page onto a landscape page instead
/// of printing it smaller. Geometry only: no amount is computed from it.
public enum TableWidth {
    /// Ems of one line of text: CJK and full-width characters one em, digits and Latin about half.
    public static func ems(of text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x2E80 ? 0.55 : 1) }
    }

    /// Padding and rule of one cell, in ems.
    static let cellPadding = 0.9
    /// Names wrap after this many ems; headers after `headerWrap`.
    static let nameWrap = 12.0
    static let headerWrap = 4.0

    public static func ems(_ t: TableModel) -> Double {
        guard t.columnCount > 0 else { return 0 }
        var widths = Array(repeating: 0.0, count: t.columnCount)
        for p in TableModel.place(t.bodyRows, columns: t.columnCount) where p.cell.colspan == 1 {
            let text = ems(of: p.cell.text)
            widths[p.column] = max(widths[p.column], p.cell.kind == .label || p.cell.kind == .text ? min(text, nameWrap) : text)
        }
        for p in TableModel.place(t.headerRows, columns: t.columnCount) where p.cell.colspan == 1 {
            widths[p.column] = max(widths[p.column], min(ems(of: p.cell.text), headerWrap))
        }
        return widths.reduce(0) { $0 + $1 + cellPadding }
    }
}
