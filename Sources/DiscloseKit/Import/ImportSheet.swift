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
    /// them under tables/ and as spreadsheets save them.
    public static func csv(name: String, text: String) -> ImportSheet {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if let last = chars.last, !last.isNewline { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(c)
            }
            i += 1
        }
        // A leading apostrophe is how CSVWriter keeps a text cell from being read as a formula.
        rows = rows.map { $0.map { $0.hasPrefix("'") && "=+-@".contains($0.dropFirst().first ?? " ") ? String($0.dropFirst()) : $0 } }
        let width = rows.map(\.count).max() ?? 0
        rows = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        return ImportSheet(name: name, rows: rows)
    }
}
