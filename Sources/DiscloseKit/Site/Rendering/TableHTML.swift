import DiscloseCore

/// The <table> of a 附表, written directly: a table has thousands of cells, and going through the
/// template engine cell by cell would dominate build time. The section around it (heading, unit line,
/// download link, notes) stays in Templates/partials/table.mustache.
///
/// A table whose functional code is split into 类, 款 and 项 columns (the official layout) is written in
/// two layouts at once, without script: the split one (class `split-codes`, for wide screens and print)
/// and one with a single 科目编码 column (class `joined-code`, for phones). Cells that both layouts share
/// carry neither class; site.css shows one layout and takes the other out with `display: none`, so
/// screen readers, which follow what is displayed, read each code once.
enum TableHTML {
    static func spans(_ c: TableModel.Cell) -> String {
        (c.colspan > 1 ? " colspan=\"\(c.colspan)\"" : "") + (c.rowspan > 1 ? " rowspan=\"\(c.rowspan)\"" : "")
    }

    /// `caption: false` leaves the caption to the surrounding markup (the printed sheet's own heading).
    /// `joinedCodes: false` writes the official layout alone (the printed document has no phones).
    static func html(_ t: TableModel, caption: Bool = true, joinedCodes: Bool = true) -> String {
        let codes = joinedCodes ? t.splitCodeColumns.flatMap { $0.count > 1 ? $0 : nil } : nil
        var out = "<table class=\"official\">\n"
        if caption { out += "<caption class=\"visually-hidden\">\(Markup.escape(t.title))（\(Markup.escape(t.unitLine))）</caption>\n" }
        out += "<thead>\n"
        // Appended piece by piece: a table has thousands of cells, and each interpolation or class list
        // would be a string or an array of its own. The markup is what `spans` and `classAttribute` write.
        for row in layouts(t.headerRows, columns: t.columnCount, codes: codes, header: true) {
            out += "<tr>"
            for (c, layout) in row {
                out += "<th"
                if let scope = c.scope { out += " scope=\""; out += scope; out += "\"" }
                if let variant = layout.className { out += " class=\""; out += variant; out += "\"" }
                appendSpans(c, to: &out)
                out += ">"
                out += Markup.escape(c.text)
                out += "</th>"
            }
            out += "</tr>\n"
        }
        out += "</thead>\n<tbody>\n"
        for row in layouts(t.bodyRows, columns: t.columnCount, codes: codes, header: false) {
            out += "<tr>"
            for (c, layout) in row {
                if c.kind == .label {
                    // The row's label names the row for screen readers.
                    out += "<th scope=\"row\" class=\"label level-"
                    out += String(c.level)
                } else {
                    out += "<td class=\""
                    out += c.kind.rawValue
                }
                if c.emphasis { out += " strong" }
                if let variant = layout.className { out += " "; out += variant }
                out += "\""
                appendSpans(c, to: &out)
                out += ">"
                out += Markup.escape(c.text)
                out += c.kind == .label ? "</th>" : "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }

    static func appendSpans(_ c: TableModel.Cell, to out: inout String) {
        if c.colspan > 1 { out += " colspan=\""; out += String(c.colspan); out += "\"" }
        if c.rowspan > 1 { out += " rowspan=\""; out += String(c.rowspan); out += "\"" }
    }

    static func classAttribute(_ classes: [String]) -> String {
        classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
    }

    /// Which layout a cell belongs to.
    enum Layout {
        case both, split, joined
        var className: String? {
            switch self {
            case .both: return nil
            case .split: return "split-codes"
            case .joined: return "joined-code"
            }
        }
    }

    /// The rows' cells, each marked with the layout it belongs to. Without split code columns every
    /// cell belongs to both. Otherwise, for each cell by the grid columns it covers:
    /// - outside the code columns: shared;
    /// - within them: split only; where it holds the first code column, a joined cell comes first
    ///   (in the body the whole code, in the header 科目编码 down all header rows);
    /// - across them and beyond (合计 over 科目编码 and 科目名称): the cell as it is for the split layout,
    ///   and a copy spanning one code column instead of all for the joined layout.
    static func layouts(_ rows: [[TableModel.Cell]], columns: Int, codes: Range<Int>?, header: Bool) -> [[(TableModel.Cell, Layout)]] {
        guard let codes else { return rows.map { $0.map { ($0, .both) } } }
        let placed = TableModel.place(rows, columns: columns)
        var out = Array(repeating: [(TableModel.Cell, Layout)](), count: rows.count)
        var headingPlaced = false
        for (r, c, cell) in placed {
            let covered = c..<(c + max(cell.colspan, 1))
            let overlap = covered.clamped(to: codes)
            guard !overlap.isEmpty else { out[r].append((cell, .both)); continue }
            let holdsFirst = covered.contains(codes.lowerBound)
            if overlap.count == covered.count {
                if holdsFirst, header, !headingPlaced {
                    let text = covered == codes ? cell.text : "科目编码"
                    out[r].append((.header(text, rowspan: rows.count - r, scope: "col"), .joined))
                    headingPlaced = true
                } else if holdsFirst, !header {
                    let code = placed.filter { $0.row == r && codes.contains($0.column) }.map(\.cell.text).joined()
                    var joined = TableModel.Cell.code(code)
                    joined.rowspan = cell.rowspan
                    out[r].append((joined, .joined))
                }
                out[r].append((cell, .split))
            } else {
                let joinedSpan = covered.count - overlap.count + (holdsFirst ? 1 : 0)
                if joinedSpan == covered.count {
                    out[r].append((cell, .both))
                } else {
                    out[r].append((cell, .split))
                    if joinedSpan > 0 {
                        var joined = cell
                        joined.colspan = joinedSpan
                        out[r].append((joined, .joined))
                    }
                }
            }
        }
        return out
    }
}
