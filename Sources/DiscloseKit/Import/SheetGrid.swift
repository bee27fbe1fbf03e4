import DiscloseCore
import Foundation

/// What the importer learns from a sheet's words before it knows the layout: title and unit lines,
/// the header rows (with merged cells filled in), each column's header path, and the body rows.
struct SheetGrid {
    /// The sheet as the readers see it: column-number rows and footnote rows blanked, so that no
    /// reader can take them for figures wherever they appear.
    let sheet: ImportSheet
    /// The sheet as written.
    let original: ImportSheet
    /// Rows that are structure or text, not data: "栏次" for a row of column numbers (1 2 3 …, with or
    /// without the word 栏次), "注释" for a footnote (注：…).
    let textRows: [Int: String]
    /// Cells with every merged range filled with its top-left text.
    let filled: [[String]]
    /// The 单位 line's unit, and where it was found.
    let unit: MoneyUnit?
    let unitCell: String?
    /// The 编制单位 line, when present.
    let preparer: String?
    let headerRows: Range<Int>
    /// Per column, the header texts from the top header row down (repeats removed).
    let paths: [[String]]
    let bodyRows: Range<Int>

    init(_ original: ImportSheet) {
        self.original = original
        let width = original.columnCount
        var filled = original.rows.map { row in (0..<width).map { row.indices.contains($0) ? Self.clean(row[$0]) : "" } }
        // Merged ranges as written, but inside the grid and the right way round (a workbook may say anything).
        for m in original.merges {
            let top = max(0, min(m.top, m.bottom)), bottom = min(max(m.top, m.bottom), filled.count - 1)
            let left = max(0, min(m.left, m.right)), right = min(max(m.left, m.right), width - 1)
            guard top <= bottom, left <= right else { continue }
            let text = filled[top][left]
            for r in top...bottom {
                for c in left...right { filled[r][c] = text }
            }
        }
        var textRows: [Int: String] = [:]
        for r in filled.indices {
            if Self.isColumnNumberRow(filled[r]) { textRows[r] = "栏次" } else if Self.isFootnoteRow(filled[r]) { textRows[r] = "注释" }
        }
        var sheet = original
        for r in textRows.keys {
            filled[r] = Array(repeating: "", count: width)
            sheet.rows[r] = Array(repeating: "", count: sheet.rows[r].count)
        }
        self.textRows = textRows
        self.sheet = sheet
        self.filled = filled

        var unit: MoneyUnit?
        var unitCell: String?
        var preparer: String?
        var first = 0
        // Title, 编制单位 and 单位 lines come first; a header row is the first row with other words.
        for r in filled.indices {
            let cells = filled[r].filter { !$0.isEmpty }
            if cells.isEmpty { first = r + 1; continue }
            var meta = true
            for (c, text) in filled[r].enumerated() where !text.isEmpty {
                if let found = Self.unitIn(text) {
                    unit = found
                    unitCell = sheet.reference(r, c)
                } else if text.hasPrefix("编制单位") {
                    preparer = text.drop { $0 != "：" && $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                } else if !Self.isTitle(text) {
                    meta = false
                }
            }
            if !meta { break }
            first = r + 1
        }
        self.unit = unit
        self.unitCell = unitCell
        self.preparer = preparer

        var bodyStart = first
        while bodyStart < filled.count && !Self.isBodyRow(filled[bodyStart]) { bodyStart += 1 }
        // A sheet whose header could not be told apart from the body: treat the first row as header.
        if bodyStart == filled.count { bodyStart = min(first + 1, filled.count) }
        headerRows = first..<bodyStart
        bodyRows = bodyStart..<filled.count

        // Header cells a CSV left blank (it has no merges): a blank takes its left neighbour's text when
        // both sit under the same parent header, otherwise the text above.
        var header = Array(filled[headerRows])
        for r in header.indices {
            if Self.isColumnNumberRow(header[r]) { continue }
            for c in 0..<width where header[r][c].isEmpty {
                let sameParent = r == 0 || (c > 0 && header[r - 1][c] == header[r - 1][c - 1])
                if c > 0 && sameParent && !header[r][c - 1].isEmpty {
                    header[r][c] = header[r][c - 1]
                } else if r > 0 {
                    header[r][c] = header[r - 1][c]
                }
            }
        }
        paths = (0..<width).map { c in
            var path: [String] = []
            for row in header where !Self.isColumnNumberRow(row) {
                let text = row[c]
                if !text.isEmpty && path.last != text { path.append(text) }
            }
            return path
        }
    }

    func text(_ row: Int, _ column: Int) -> String {
        filled.indices.contains(row) && filled[row].indices.contains(column) ? filled[row][column] : ""
    }

    /// The columns whose header path matches, first to last.
    func columns(where match: ([String]) -> Bool) -> [Int] {
        paths.indices.filter { match(paths[$0]) }
    }

    // MARK: Words

    /// Whitespace (also full-width and the spacing inside "项    目") removed.
    static func clean(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace && $0 != "\u{3000}" })
    }

    static func unitIn(_ text: String) -> MoneyUnit? {
        guard let range = text.range(of: "单位：") ?? text.range(of: "单位:"), !text.hasPrefix("编制单位") else { return nil }
        let rest = text[range.upperBound...]
        if rest.hasPrefix("万元") { return .wanYuan }
        if rest.hasPrefix("元") { return .yuan }
        return nil
    }

    static func isTitle(_ text: String) -> Bool {
        text.hasSuffix("表") || text.contains("决算") || text.hasPrefix("附表") || text.hasPrefix("公开")
            || text.hasPrefix("单位") || text.hasPrefix("金额单位")
    }

    /// The "栏次 1 2 3…" row of the official templates, told by its sequence: the word 栏次, or at least
    /// three numbers that count 1, 2, 3 … (again from 1 in side-by-side groups), with at most the
    /// template's 甲/乙/行次 markers beside them. Real figures never count up like that.
    static func isColumnNumberRow(_ row: [String]) -> Bool {
        if row.contains(where: { $0 == "栏次" }) { return true }
        var expected = 1, count = 0, previous = ""
        for text in row where !text.isEmpty {
            if ["甲", "乙", "丙", "丁", "行次"].contains(text) { continue }
            if text == previous { continue } // a merged cell repeated
            guard let n = Int(text) else { return false }
            if n == expected { expected += 1 } else if n == 1 && expected > 2 { expected = 2 } else { return false }
            count += 1
            previous = text
        }
        return count >= 3
    }

    /// A note under a table (注：…, 说明：…, 备注：…): text, never data.
    static func isFootnoteRow(_ row: [String]) -> Bool {
        guard let first = row.first(where: { !$0.isEmpty }) else { return false }
        return ["注：", "注:", "说明：", "说明:", "备注：", "备注:", "填表说明"].contains { first.hasPrefix($0) }
            || (first.hasPrefix("注") && first.count > 1 && "1１一".contains(Array(first)[1]))
    }

    static func isBodyRow(_ row: [String]) -> Bool {
        if isColumnNumberRow(row) { return false }
        for text in row where !text.isEmpty {
            if number(text) != nil || isCode(text) || startsWithOrdinal(text) { return true }
            if ["合计", "总计", "本年收入合计", "本年支出合计"].contains(text) && row.contains(where: { number($0) != nil }) { return true }
        }
        return false
    }

    static func isCode(_ text: String) -> Bool {
        [3, 5, 7].contains(text.count) && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    static let ordinals = "一二三四五六七八九十"

    static func startsWithOrdinal(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count > 2 else { return false }
        if ordinals.contains(chars[0]) {
            var i = 0
            while i < chars.count && ordinals.contains(chars[i]) { i += 1 }
            return i < chars.count && (chars[i] == "、" || chars[i] == "．")
        }
        return chars[0] == "（" && ordinals.contains(chars[1])
    }

    /// A label without its numbering ("一、", "（一）", "1.") or "其中：".
    static func label(_ text: String) -> String {
        var s = Substring(clean(text))
        if s.hasPrefix("其中：") || s.hasPrefix("其中:") { s = s.dropFirst(3) }
        if let first = s.first, first == "（" || first == "(" {
            if let close = s.firstIndex(where: { $0 == "）" || $0 == ")" }), s[s.index(after: s.startIndex)..<close].allSatisfy({ ordinals.contains($0) || $0.isNumber }) {
                s = s[s.index(after: close)...]
            }
        } else {
            let numbering = s.prefix { ordinals.contains($0) || ($0.isASCII && $0.isNumber) }
            let after = s.dropFirst(numbering.count)
            if !numbering.isEmpty, let mark = after.first, "、．.".contains(mark) { s = after.dropFirst() }
        }
        return String(s)
    }

    // MARK: Numbers

    /// A spreadsheet cell as an exact amount: separators and a trailing unit dropped, "-" and "—" as
    /// zero, and the binary noise of stored floating-point values (1074.2799999999999) rounded to the
    /// 15 significant digits a spreadsheet shows. nil when the text is not a number.
    static func number(_ raw: String) -> DecimalNumber? {
        var text = clean(raw).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if ["-", "—", "－", "--", "——"].contains(text) { return .zero }
        if text.hasPrefix("(") && text.hasSuffix(")") { text = "-" + text.dropFirst().dropLast() }
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let value = Int(text[text.index(after: e)...]), abs(value) < 30 else { return nil }
            exponent = value
            text = String(text[..<e])
        }
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("+") { negative = text.hasPrefix("-"); text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        var digits = Array(parts[0]) + (parts.count == 2 ? Array(parts[1]) : [])
        var point = parts[0].count + exponent
        guard !digits.isEmpty else { return nil }
        while digits.count > 1 && digits.first == "0" { digits.removeFirst(); point -= 1 }
        // 15 significant digits, and no more than the 12 decimals an amount may have.
        let keep = min(15, point + DecimalNumber.maxScale)
        if keep <= 0 { return .zero }
        if digits.count > keep {
            let roundUp = digits[keep] >= "5"
            digits = Array(digits.prefix(keep))
            if roundUp {
                var i = keep - 1
                while i >= 0 {
                    if digits[i] == "9" { digits[i] = "0"; i -= 1 } else { digits[i] = Character(String(digits[i].wholeNumberValue! + 1)); break }
                }
                if i < 0 { digits.insert("1", at: 0); point += 1 }
            }
        }
        while digits.count > max(point, 1) && digits.last == "0" { digits.removeLast() }
        var plain: String
        if point <= 0 {
            plain = "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            plain = String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            plain = String(digits[..<point]) + "." + String(digits[point...])
        }
        guard let value = DecimalNumber((negative ? "-" : "") + plain) else { return nil }
        return value.normalized
    }
}
