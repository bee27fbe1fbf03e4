import DiscloseCore
import Foundation
import ZIPFoundation

/// The 附表 of a report as one Excel workbook (Office Open XML), a sheet per table in its official
/// layout: title, 编制单位 and unit line, the multi-row header with its merged cells, then the rows.
/// Amounts are numbers (format #,##0.00), codes are text. The same tables give byte-identical files.
public enum XLSXWriter {
    public static func workbook(_ tables: [TableModel], unitName: String) throws -> Data {
        let sheets = tables.enumerated().map { index, table in
            (name: sheetName(index: index, title: table.title), xml: sheet(table, unitName: unitName))
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed time stamp keeps the file byte-identical from build to build.
        let stamp = Date(timeIntervalSince1970: 946_684_800)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    // MARK: Sheets

    /// Cell styles, by index into `cellXfs` of styles.xml.
    enum Style: Int {
        case plain = 0, title, header, money, integer, label0, label1, label2, text, emphasis, right
    }

    static func sheet(_ table: TableModel, unitName: String) -> String {
        let columns = max(table.columnCount, 1)
        var rows: [[(Int, String)]] = []   // per row: (column, cell xml)
        var merges: [String] = []
        func put(_ row: Int, _ column: Int, _ xml: String) {
            while rows.count <= row { rows.append([]) }
            rows[row].append((column, xml))
        }
        put(0, 0, string("\(table.number)、\(table.title)", at: 0, 0, .title))
        if columns > 1 { merges.append(range(0, 0, 0, columns - 1)) }
        if columns > 1 {
            put(1, 0, string("编制单位：\(unitName)", at: 1, 0, .plain))
            put(1, columns - 1, string(table.unitLine, at: 1, columns - 1, .right))
        } else {
            put(1, 0, string("编制单位：\(unitName)　\(table.unitLine)", at: 1, 0, .plain))
        }
        var next = 2
        let headerTop = next
        for (row, column, cell) in TableModel.place(table.headerRows, columns: columns) {
            put(headerTop + row, column, string(cell.text, at: headerTop + row, column, .header))
            if cell.rowspan > 1 || cell.colspan > 1 {
                merges.append(range(headerTop + row, column, headerTop + row + max(cell.rowspan, 1) - 1,
                                    min(columns, column + max(cell.colspan, 1)) - 1))
            }
        }
        // Border the whole header block, including the places a merge covers.
        for row in 0..<table.headerRows.count {
            for column in 0..<columns where !(rows.indices.contains(headerTop + row) && rows[headerTop + row].contains { $0.0 == column }) {
                put(headerTop + row, column, "<c r=\"\(ref(headerTop + row, column))\" s=\"\(Style.header.rawValue)\"/>")
            }
        }
        next += table.headerRows.count
        let frozen = next
        let bodyTop = next
        for (row, column, cell) in TableModel.place(table.bodyRows, columns: columns) {
            let r = bodyTop + row
            put(r, column, bodyCell(cell, at: r, column))
            if cell.rowspan > 1 || cell.colspan > 1 {
                merges.append(range(r, column, r + max(cell.rowspan, 1) - 1, min(columns, column + max(cell.colspan, 1)) - 1))
            }
        }
        next += table.bodyRows.count
        for note in [table.emptyNote.map { "说明：\($0)" }, table.note].compactMap({ $0 }) {
            put(next, 0, string(note, at: next, 0, .plain))
            if columns > 1 { merges.append(range(next, 0, next, columns - 1)) }
            next += 1
        }

        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetViews><sheetView workbookViewId="0">"#
        xml += #"<pane ySplit="\#(frozen)" topLeftCell="A\#(frozen + 1)" activePane="bottomLeft" state="frozen"/>"#
        xml += "</sheetView></sheetViews><cols>"
        for column in 0..<columns {
            let width = columnWidth(table, column: column)
            xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(width)" customWidth="1"/>"#
        }
        xml += "</cols><sheetData>"
        for (index, cells) in rows.enumerated() where !cells.isEmpty {
            xml += #"<row r="\#(index + 1)">"# + cells.sorted { $0.0 < $1.0 }.map(\.1).joined() + "</row>"
        }
        xml += "</sheetData>"
        if !merges.isEmpty {
            xml += #"<mergeCells count="\#(merges.count)">"# + merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
        }
        xml += #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape"/>"#
        xml += "</worksheet>"
        return xml
    }

    static func bodyCell(_ cell: TableModel.Cell, at row: Int, _ column: Int) -> String {
        switch cell.kind {
        case .number:
            guard let plain = cell.plain, DecimalNumber(plain) != nil else {
                return string(cell.text, at: row, column, .money)
            }
            let style: Style = plain.contains(".") ? .money : .integer
            return #"<c r="\#(ref(row, column))" s="\#(style.rawValue)"><v>\#(plain)</v></c>"#
        case .code, .text:
            return string(cell.text, at: row, column, .text)
        case .label:
            let style: Style = cell.emphasis ? .emphasis : [.label0, .label1, .label2][min(max(cell.level, 0), 2)]
            return string(cell.text, at: row, column, style)
        case .header:
            return string(cell.text, at: row, column, .header)
        }
    }

    static func string(_ text: String, at row: Int, _ column: Int, _ style: Style) -> String {
        if text.isEmpty { return #"<c r="\#(ref(row, column))" s="\#(style.rawValue)"/>"# }
        return #"<c r="\#(ref(row, column))" s="\#(style.rawValue)" t="inlineStr"><is><t xml:space="preserve">\#(Markup.escape(text))</t></is></c>"#
    }

    /// Wide enough for the longest text of the column (Han characters count double), within limits.
    static func columnWidth(_ table: TableModel, column: Int) -> Int {
        var widest = 8
        for (_, c, cell) in TableModel.place(table.bodyRows, columns: max(table.columnCount, 1)) where c == column && cell.colspan <= 1 {
            let width = DiagnosticRenderer.displayWidth(cell.text) + 2 * cell.level
            widest = max(widest, width + 2)
        }
        return min(widest, 48)
    }

    static func ref(_ row: Int, _ column: Int) -> String { "\(columnName(column))\(row + 1)" }

    static func range(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) -> String { "\(ref(r1, c1)):\(ref(r2, c2))" }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let rest = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Excel's sheet-name rules: at most 31 characters, none of []:*?/\ .
    static func sheetName(index: Int, title: String) -> String {
        let cleaned = title.filter { !"[]:*?/\\'".contains($0) }
        return String("\(index + 1) \(cleaned)".prefix(31))
    }

    // MARK: Package parts

    static func contentTypes(sheetCount: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in stride(from: 1, through: sheetCount, by: 1) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbookXML(_ names: [String]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(Markup.escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0..<sheetCount {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    static let styles: String = {
        let border = #"borderId="1" applyBorder="1""#
        let xfs = [
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="0" \#(border) xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#,
            #"<xf numFmtId="4" fontId="0" fillId="0" \#(border) xfId="0" applyNumberFormat="1"/>"#,
            #"<xf numFmtId="3" fontId="0" fillId="0" \#(border) xfId="0" applyNumberFormat="1"/>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" \#(border) xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" \#(border) xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1" indent="1"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" \#(border) xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1" indent="2"/></xf>"#,
            #"<xf numFmtId="49" fontId="0" fillId="0" \#(border) xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
            #"<xf numFmtId="0" fontId="1" fillId="0" \#(border) xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>"#,
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf>"#,
        ]
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font>"#
            + #"<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>"#
            + #"<font><b/><sz val="14"/><name val="宋体"/><charset val="134"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
            + #"<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(xfs.count)">"# + xfs.joined() + "</cellXfs>"
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }()
}
