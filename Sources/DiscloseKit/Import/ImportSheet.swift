import Foundation

/// One table as the importer reads it: a sheet of a workbook or one CSV file, as a grid of cell
/// texts with its merged ranges. Positions are zero-based; `reference` names a cell for messages.
public struct ImportSheet: Sendable {
    /// Sheet name, or the CSV file's name.
    public var name: String
    public var rows: [[String]]
    public var merges: [XLSXWorkbook.Merge]

    public init(name: String, rows: [[String]], merges: [XLSXWorkbook.Merge] = []) {
        self.name = name
        self.rows = rows
        self.merges = merges
    }

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    public func cell(_ row: Int, _ column: Int) -> String {
        rows.indices.contains(row) && rows[row].indices.contains(column)
            ? rows[row][column].trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    /// "收入支出决算总表!B5": the sheet and the cell as a spreadsheet shows them.
    public func reference(_ row: Int, _ column: Int) -> String {
        "\(name)!\(Self.columnLetters(column))\(row + 1)"
    }

    /// "收入支出决算总表 第 5 行"
    public func rowReference(_ row: Int) -> String { "\(name)!\(row + 1):\(row + 1)" }

    static func columnLetters(_ column: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The sheets of a workbook.
    public static func sheets(of workbook: XLSXWorkbook) -> [ImportSheet] {
        workbook.sheets.map { ImportSheet(name: $0.name, rows: $0.rows, merges: $0.merges) }
    }

    /// A CSV file (UTF-8, optional BOM, RFC 4180 quoting, CRLF or LF), as `disclose build` writes
    /// them under tables/ and as spreadsheets save them. For trusted text (tests, files this program
    /// wrote); files from users go through `readCSV`, which is bounded.
    public static func csv(name: String, text: String) -> ImportSheet {
        (try? readCSV(name: name, text: text, budget: .max)) ?? ImportSheet(name: name, rows: [])
    }

    /// A CSV file too large to import: its fields, or its rows × widest row, exceed the budget.
    public struct TooLarge: Error, Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var columns: Int
        public var budget: Int

        public var message: String {
            "\(name) 过大：\(rows) 行 × \(columns) 列，超过 \(budget) 个单元格的上限 / \(name) is too large: \(rows) rows × \(columns) columns exceed \(budget) cells"
        }
    }

    /// `csv`, bounded: the fields read and the grid (rows × widest row, which every row is padded to)
    /// count against `budget` (the workbook reader's cell budget), checked as the text is read, so a
    /// 20,000-comma row or a million rows are refused before they take memory. Reads Unicode
    /// scalars, not Characters, so memory stays proportional to the text.
    public static func readCSV(name: String, text: String, budget: Int = XLSXWorkbook.maxCells) throws -> ImportSheet {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false, fieldStarted = false
        var width = 0, fields = 0
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        func endField() throws {
            row.append(String(field))
            field = String.UnicodeScalarView()
            fieldStarted = false
            fields += 1
            if row.count > width { width = row.count }
            let grid = (rows.count + 1).multipliedReportingOverflow(by: width)
            if fields > budget || grid.overflow || grid.partialValue > budget {
                throw TooLarge(name: name, rows: rows.count + 1, columns: width, budget: budget)
            }
        }
        func endRow() throws {
            try endField()
            rows.append(row)
            row = []
        }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let c = pending {
            pending = iterator.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" { field.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && !fieldStarted {
                quoted = true
                fieldStarted = true
            } else if c == "," {
                try endField()
            } else if c == "\n" {
                try endRow()
            } else if c == "\r" {
                if pending == "\n" { pending = iterator.next() }
                try endRow()
            } else {
                field.append(c)
                fieldStarted = true
            }
        }
        if fieldStarted || !field.isEmpty || !row.isEmpty { try endRow() }
        // A leading apostrophe is how CSVWriter keeps a text cell from being read as a formula.
        rows = rows.map { $0.map { $0.hasPrefix("'") && "=+-@".contains($0.dropFirst().first ?? " ") ? String($0.dropFirst()) : $0 } }
        rows = rows.map { $0.count < width ? $0 + Array(repeating: "", count: width - $0.count) : $0 }
        return ImportSheet(name: name, rows: rows)
    }
}
