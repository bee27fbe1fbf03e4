/// The 行次 column and 栏次 row that the official printed 附表 carry (the finance system's 公开表 templates
/// print them; see /work/shared/reference/disclosure-standard.md §1.4). The web page, CSV and workbook
/// leave them out — they number the printed sheet, not the data — so they are added only for print.
///
/// - 行次: the two-sided 总表 (收入支出决算总表, 财政拨款收入支出决算总表) number every 项目 line, a column
///   right after each 项目 column: the left side top to bottom, then the right side continuing. The
///   templates' own numbers vary by year; disclose numbers the lines it prints, so the numbers are
///   consecutive and every line has one.
/// - 栏次: a row under the header numbers the amount columns 1, 2, 3… from left to right; the 项目 (and
///   科目编码/科目名称) columns read “栏次”. Side-by-side lists (基本支出 by economic class) and tables that
///   are not in the official set carry none.
public enum OfficialNumbering {
    /// Layouts printed with a 行次 column after each 项目 column.
    public static let lineNumbered: Set<String> = ["income-expenditure-summary", "appropriation-summary"]
    /// Layouts printed without a 栏次 row.
    public static let withoutColumnNumbers: Set<String> = ["general-budget-basic", "agency-assets-procurement"]

    /// The table as printed: with its 行次 column(s) and 栏次 row where the official layout has them.
    public static func apply(_ table: TableModel) -> TableModel {
        var t = table
        guard !t.headerRows.isEmpty, t.columnCount > 0 else { return t }
        var lineColumns: Set<Int> = []
        if lineNumbered.contains(t.id) { (t, lineColumns) = addLineNumbers(t) }
        if !withoutColumnNumbers.contains(t.id) { t = addColumnNumbers(t, lineColumns: lineColumns) }
        return t
    }

    /// The placed body grid: for each column, the kinds of the cells that start in it.
    static func columnKinds(_ t: TableModel) -> [Set<TableModel.Cell.Kind>] {
        var kinds = Array(repeating: Set<TableModel.Cell.Kind>(), count: t.columnCount)
        for placed in TableModel.place(t.bodyRows, columns: t.columnCount) where placed.cell.colspan == 1 {
            kinds[placed.column].insert(placed.cell.kind)
        }
        return kinds
    }

    // MARK: 行次

    /// Inserts a 行次 column after every 项目 (label) column; returns the new table and the new columns' indexes.
    static func addLineNumbers(_ table: TableModel) -> (TableModel, Set<Int>) {
        let kinds = columnKinds(table)
        let labelColumns = kinds.indices.filter { kinds[$0].contains(.label) && !kinds[$0].contains(.number) }
        guard !labelColumns.isEmpty else { return (table, []) }
        // Numbers first, in reading order: the left column top to bottom, then the next.
        let placed = TableModel.place(table.bodyRows, columns: table.columnCount)
        var numbers: [Int: [Int: String]] = [:]   // column → row → 行次
        var next = 1
        for column in labelColumns {
            for p in placed where p.column == column && p.cell.kind == .label && p.cell.colspan == 1 {
                guard !p.cell.text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                numbers[column, default: [:]][p.row] = String(next)
                next += 1
            }
        }
        var t = table
        // Right to left, so that the columns still to do keep their indexes.
        for column in labelColumns.reversed() {
            t = insertColumn(t, after: column, header: "行次") { row in numbers[column]?[row] }
        }
        let inserted = Set(labelColumns.enumerated().map { $0.element + $0.offset + 1 })
        return (t, inserted)
    }

    /// A new column right after column `k`: a header cell (spanning down to the body from the row where the
    /// column before it ends) and one body cell per row; header cells spanning across `k` and `k + 1` widen.
    static func insertColumn(_ t: TableModel, after k: Int, header: String, value: (Int) -> String?) -> TableModel {
        var out = t
        out.headerRows = insert(into: t.headerRows, columns: t.columnCount, after: k) { row, neighbour in
            // Beside a header cell that ends above the last header row, the new one reaches down to the body.
            let reachesBody = row + max(neighbour.rowspan, 1) >= t.headerRows.count
            return .header(header, rowspan: reachesBody ? max(neighbour.rowspan, 1) : t.headerRows.count - row)
        }
        out.bodyRows = insert(into: t.bodyRows, columns: t.columnCount, after: k) { row, _ in
            guard let number = value(row) else { return .blank }
            return TableModel.Cell(text: number, kind: .code, plain: number)
        }
        out.columnCount += 1
        return out
    }

    static func insert(into rows: [[TableModel.Cell]], columns: Int, after k: Int,
                       make: (Int, TableModel.Cell) -> TableModel.Cell) -> [[TableModel.Cell]] {
        var result = rows
        var covered = Array(repeating: false, count: rows.count)
        let placed = TableModel.place(rows, columns: columns)
        // Work per row on the cell indexes, from the placement.
        var indexInRow = Array(repeating: 0, count: rows.count)
        var positions: [(row: Int, index: Int, column: Int, cell: TableModel.Cell)] = []
        for p in placed {
            positions.append((p.row, indexInRow[p.row], p.column, p.cell))
            indexInRow[p.row] += 1
        }
        var insertions: [(row: Int, index: Int, cell: TableModel.Cell)] = []
        for p in positions {
            let first = p.column, last = p.column + max(p.cell.colspan, 1) - 1
            if first <= k && last > k {
                result[p.row][p.index].colspan += 1
                for r in p.row..<min(rows.count, p.row + max(p.cell.rowspan, 1)) { covered[r] = true }
            } else if last == k && !covered[p.row] {
                let cell = make(p.row, p.cell)
                insertions.append((p.row, p.index + 1, cell))
                for r in p.row..<min(rows.count, p.row + max(cell.rowspan, 1)) { covered[r] = true }
            }
        }
        for insertion in insertions.reversed() { result[insertion.row].insert(insertion.cell, at: insertion.index) }
        return result
    }

    // MARK: 栏次

    /// A header row numbering the amount columns; each run of other columns reads “栏次” (a 行次 column stays blank).
    static func addColumnNumbers(_ t: TableModel, lineColumns: Set<Int>) -> TableModel {
        let kinds = columnKinds(t)
        var row: [TableModel.Cell] = []
        var number = 0
        var column = 0
        while column < t.columnCount {
            if lineColumns.contains(column) {
                row.append(.header("", scope: nil))
                column += 1
            } else if kinds[column].contains(.number) {
                number += 1
                row.append(.header(String(number)))
                column += 1
            } else {
                var end = column + 1
                while end < t.columnCount && !lineColumns.contains(end) && !kinds[end].contains(.number) { end += 1 }
                row.append(.header("栏次", colspan: end - column, scope: nil))
                column = end
            }
        }
        guard number > 0 else { return t }
        var out = t
        out.headerRows.append(row)
        return out
    }
}
