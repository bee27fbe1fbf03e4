import DiscloseCore

/// Tables as CSV that Excel opens correctly: UTF-8 with a BOM, CRLF line ends, quoted where needed,
/// and text cells that a spreadsheet would take for a formula made inert.
public enum CSVWriter {
    public static func csv(_ table: TableModel) -> String {
        var lines: [String] = []
        lines.append(row(["\(table.number)、\(table.title)"]))
        lines.append(row([table.unitLine]))
        for header in expand(table.headerRows, columns: table.columnCount) { lines.append(row(header)) }
        for body in table.bodyRows {
            var cells: [String] = []
            for cell in body {
                cells.append(cell.plain ?? (cell.kind == .number ? "" : cell.text))
                for _ in 1..<max(cell.colspan, 1) { cells.append("") }
            }
            lines.append(row(cells))
        }
        if let note = table.emptyNote { lines.append(row(["说明：\(note)"])) }
        if let note = table.note { lines.append(row([note])) }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Header rows with row and column spans laid out on a grid (spanned positions left blank).
    static func expand(_ rows: [[TableModel.Cell]], columns: Int) -> [[String]] {
        var grid = Array(repeating: Array(repeating: "", count: columns), count: rows.count)
        for placed in TableModel.place(rows, columns: columns) { grid[placed.row][placed.column] = placed.cell.text }
        return grid
    }

    static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",")
    }

    static func field(_ raw: String) -> String {
        // Most cells (names, codes, amounts) hold none of the bytes that could matter: one pass over the
        // UTF-8 answers that without walking Characters. Any such byte takes the exact rules below, which
        // compare whole Characters (so "\r\n" is one Character, equal to neither "\r" nor "\n").
        if !mayNeedQuoting(raw) { return raw }
        return quoted(raw)
    }

    /// Whether a cell starts with a byte of = + - @ tab CR or holds a comma, quote, LF or CR anywhere.
    /// False means `quoted` would return the cell unchanged (none of those Characters can occur).
    static func mayNeedQuoting(_ raw: String) -> Bool {
        raw.utf8.withContiguousStorageIfAvailable(scan) ?? Array(raw.utf8).withUnsafeBufferPointer(scan)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: break
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D: return true
            default: continue
            }
        }
        return false
    }

    /// The cell as CSV: made inert where a spreadsheet would read a formula, quoted where needed.
    static func quoted(_ raw: String) -> String {
        var text = raw
        // =, +, -, @ (and tab/CR) at the start of a text cell start a formula in spreadsheets.
        if let first = text.first, "=+-@\t\r".contains(first), DecimalNumber(text) == nil {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

/// A chart's data as CSV: label, amount and (for pies) share.
public enum ChartCSV {
    public static func csv(_ spec: ChartSpec) -> String {
        var lines = [CSVWriter.row(["\(spec.number) \(spec.title)"]), CSVWriter.row(["单位：\(spec.unit.rawValue)"])]
        lines.append(CSVWriter.row(spec.kind.showsShares ? ["项目", "金额", "占比（%）"] : ["项目", "金额"]))
        for item in spec.items {
            lines.append(CSVWriter.row(spec.kind.showsShares ? [item.label, Derived.money(item.value), spec.share(item)] : [item.label, Derived.money(item.value)]))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
