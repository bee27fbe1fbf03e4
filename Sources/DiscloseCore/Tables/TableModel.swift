/// A 附表 laid out as the official template prints it: multi-row headers, code columns, unit line.
/// Rendered to HTML by a template and to CSV by `CSVWriter`; the numbers are formatted here, once.
public struct TableModel: Sendable {
    public struct Cell: Sendable {
        public enum Kind: String, Sendable { case header, label, code, number, text }
        public var text: String
        public var kind: Kind
        public var colspan: Int = 1
        public var rowspan: Int = 1
        /// `col`, `row`, `colgroup` for header cells.
        public var scope: String?
        /// A number for CSV (plain, no separators); nil for text and blank cells.
        public var plain: String?
        /// Indentation level of a 科目 name (类 0, 款 1, 项 2).
        public var level: Int = 0
        public var emphasis: Bool = false

        public static func header(_ text: String, colspan: Int = 1, rowspan: Int = 1, scope: String? = "col") -> Cell {
            Cell(text: text, kind: .header, colspan: colspan, rowspan: rowspan, scope: scope)
        }

        public static func label(_ text: String, level: Int = 0, emphasis: Bool = false) -> Cell {
            Cell(text: text, kind: .label, level: level, emphasis: emphasis)
        }

        public static func code(_ text: String) -> Cell { Cell(text: text, kind: .code, plain: text.isEmpty ? nil : text) }

        public static func text(_ text: String) -> Cell { Cell(text: text, kind: .text, plain: text) }

        /// An amount; blank when nil, or when zero and `blankZero`.
        public static func money(_ value: DecimalNumber?, blankZero: Bool = true, emphasis: Bool = false) -> Cell {
            guard let value, !(blankZero && value.isZero) else { return Cell(text: "", kind: .number, emphasis: emphasis) }
            return Cell(text: Derived.tableMoney(value), kind: .number, plain: Derived.money(value), emphasis: emphasis)
        }

        public static func count(_ value: Int) -> Cell {
            Cell(text: String(value), kind: .number, plain: String(value))
        }

        public static var blank: Cell { Cell(text: "", kind: .text) }
    }

    public var id: String
    /// 序号 in the table set (一、二…).
    public var number: String
    public var title: String
    /// "单位：万元"
    public var unitLine: String
    public var headerRows: [[Cell]]
    public var bodyRows: [[Cell]]
    /// 注 / 说明 under the table.
    public var note: String?
    /// The "本年度没有…，故本表无数据" statement for a table with no data.
    public var emptyNote: String?
    /// Total columns, for CSV padding.
    public var columnCount: Int
    /// The columns that print one functional code split into 类, 款 and 项 (the official layout), if
    /// any. A narrow screen shows them as one 科目编码 column instead.
    public var splitCodeColumns: Range<Int>? = nil

    public var isEmpty: Bool { emptyNote != nil }
}

extension TableModel {
    /// Rows of cells with row and column spans laid out on a grid of `columns`:
    /// (row, column, cell) for each cell, skipping the places a span above already covers.
    public static func place(_ rows: [[Cell]], columns: Int) -> [(row: Int, column: Int, cell: Cell)] {
        var taken = Array(repeating: Array(repeating: false, count: columns), count: rows.count)
        var out: [(row: Int, column: Int, cell: Cell)] = []
        for (r, row) in rows.enumerated() {
            var c = 0
            for cell in row {
                while c < columns && taken[r][c] { c += 1 }
                guard c < columns else { break }
                out.append((r, c, cell))
                for dr in 0..<max(cell.rowspan, 1) where r + dr < rows.count {
                    for dc in 0..<max(cell.colspan, 1) where c + dc < columns { taken[r + dr][c + dc] = true }
                }
                c += max(cell.colspan, 1)
            }
        }
        return out
    }
}
