import DiscloseCore
import Foundation

/// `data/`: the whole site as open data — a Frictionless Tabular Data Package (`datapackage.json`)
/// with tidy CSV resources (one row per unit × year × table row × column, codes and names, amounts
/// in 万元 as exact decimals), one resource per table kind, one row per report, and `all-reports.json`.
///
/// Each report's tidy rows are written with its own files (`<unit>/<year>/data.csv`); the package's
/// combined files are assembled from those after the site is written (`assemble`), so an incremental
/// build that re-rendered one report still publishes every report's rows, and memory stays flat.
enum OpenData {
    static let cellFields: [(name: String, type: String, title: String)] = [
        ("table_id", "string", "附表标识"), ("unit_id", "string", "单位标识"), ("unit_name", "string", "单位名称"), ("year", "integer", "年度"),
        ("table_number", "string", "附表编号"), ("table_title", "string", "附表名称"),
        ("row", "integer", "行序（表体第几行）"), ("code", "string", "科目编码"), ("item", "string", "项目（科目名称）"),
        ("column", "string", "栏目（表头各层，用“ / ”连接）"), ("amount", "number", "金额（万元）"),
    ]

    static let reportFields: [(name: String, type: String, title: String)] = [
        ("unit_id", "string", "单位标识"), ("unit_name", "string", "单位名称"), ("region", "string", "地区"),
        ("supervisor", "string", "主管部门"), ("year", "integer", "年度"), ("kind", "string", "部门/单位"), ("url", "string", "报告地址"),
    ] + CompareFigures.columns.flatMap { column -> [(String, String, String)] in
        var fields = [(String(column.key.dropFirst(2)), "number", "\(column.heading)（万元）")]
        if let change = column.change { fields.append((String(change.dropFirst(2)), "string", "\(column.heading)比上年增减（%，上年为零时为“新增”）")) }
        return fields
    }

    /// A report's tidy rows (no header): every amount of every table.
    static func reportRows(_ report: Report, unit: UnitInfo, tables: [TableModel]) -> String {
        var out = ""
        // The cells every row of the report repeats, as CSV fields once.
        let unitFields = CSVWriter.field(unit.id) + "," + CSVWriter.field(unit.name) + "," + CSVWriter.field(String(report.year)) + ","
        for table in tables {
            let headers = headerGrid(table.headerRows, columns: table.columnCount)
            // Each column's heading path (收入 / 决算数), worked out once per table rather than per amount.
            var paths: [Int: String] = [:]
            func path(_ column: Int) -> String {
                if let known = paths[column] { return known }
                var path: [String] = []
                for header in headers where column < header.count {
                    let text = trimmed(header[column])
                    if !text.isEmpty, path.last != text { path.append(text) }
                }
                let field = CSVWriter.field(path.joined(separator: " / "))
                paths[column] = field
                return field
            }
            let tableID = CSVWriter.field(table.id) + ","
            let tableFields = CSVWriter.field(table.number) + "," + CSVWriter.field(table.title) + ","
            for (rowIndex, body) in table.bodyRows.enumerated() {
                // Each amount belongs to the code and label before it in its row (a two-sided table such as
                // 收入支出决算总表 has the income item, its amount, then the spending item and its amount).
                var column = 0
                var codes: [String] = []
                var label = ""
                var codesClosed = false
                for cell in body {
                    switch cell.kind {
                    case .code:
                        if codesClosed { codes = []; codesClosed = false }
                        if let code = cell.plain, !code.isEmpty { codes.append(code) }
                    case .label:
                        if codesClosed { codes = [] }
                        codesClosed = true
                        label = cell.text
                    case .number:
                        codesClosed = true
                        if let plain = cell.plain, let value = DecimalNumber(plain) {
                            let wan = Amount(value, report.accounts.unit).inWanYuan
                            // table_id, unit_id, unit_name, year, table_number, table_title, row, code, item, column, amount
                            out += tableID
                            out += unitFields
                            out += tableFields
                            out += String(rowIndex + 1)
                            out += ","
                            out += CSVWriter.field(codes.joined())
                            out += ","
                            out += CSVWriter.field(label)
                            out += ","
                            out += path(column)
                            out += ","
                            out += CSVWriter.field(wan.formatted(decimals: max(2, wan.scale)))
                            out += "\r\n"
                        }
                    case .header, .text: break
                    }
                    column += max(cell.colspan, 1)
                }
            }
        }
        return out
    }

    private static let whitespace = CharacterSet.whitespaces

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when neither end is whitespace.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !whitespace.contains(first), !whitespace.contains(last) { return text }
        return text.trimmingCharacters(in: whitespace)
    }

    /// Header rows on a grid with every position a spanning cell covers holding its text, so that each
    /// column's path names all the headings above it (收入 / 决算数, not just 决算数).
    static func headerGrid(_ rows: [[TableModel.Cell]], columns: Int) -> [[String]] {
        var grid = [[String?]](repeating: [String?](repeating: nil, count: columns), count: rows.count)
        for (r, row) in rows.enumerated() {
            var c = 0
            for cell in row {
                while c < columns, grid[r][c] != nil { c += 1 }
                guard c < columns else { break }
                for dr in 0..<max(cell.rowspan, 1) where r + dr < rows.count {
                    for dc in 0..<max(cell.colspan, 1) where c + dc < columns { grid[r + dr][c + dc] = cell.text }
                }
                c += max(cell.colspan, 1)
            }
        }
        return grid.map { $0.map { $0 ?? "" } }
    }

    /// `data/reports.csv` and `data/all-reports.json` from the home-page entries (every unit, every year).
    static func siteFiles(entries: [SiteEntry], site: Site, absolute: (String) -> String) -> [String: Data] {
        var csv = Data()
        var json = Data()
        index(entries: entries, site: site, absolute: absolute, csv: { csv.append($0) }, json: { json.append($0) })
        return ["data/reports.csv": csv, "data/all-reports.json": json]
    }

    /// The same two files written into `site/data/` as they are made (a province's are tens of
    /// megabytes each): what a full build does, into its staging folder.
    static func writeSiteFiles(entries: [SiteEntry], site: Site, absolute: (String) -> String, into root: URL) throws {
        let folder = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = try PackageFile(folder.appendingPathComponent("reports.csv"))
        let json = try PackageFile(folder.appendingPathComponent("all-reports.json"))
        do {
            try index(entries: entries, site: site, absolute: absolute, csv: csv.append, json: json.append)
            try csv.finish()
            try json.finish()
        } catch {
            csv.discard()
            json.discard()
            throw error
        }
    }

    /// `reports.csv` and `all-reports.json`, handed on a report at a time. all-reports.json is made one
    /// report at a time (a province has 100,000): each object as JSONSerialization writes it within
    /// the array, so the file is the same as serialising the whole.
    private static func index(entries: [SiteEntry], site: Site, absolute: (String) -> String,
                              csv: (Data) throws -> Void, json: (Data) throws -> Void) rethrows {
        try csv(Data((CSVWriter.row(reportFields.map(\.name)) + "\r\n").utf8))
        try json(Data("{\"reports\":[".utf8))
        var first = true
        for e in entries {
            guard let id = e["unitID"], let year = e["year"] else { continue }
            let unit = MoneyUnit(rawValue: e["c_unit"] ?? "") ?? .wanYuan
            var cells = [id, e["unitName"] ?? id, e["region"] ?? "", e["supervisor"] ?? "", year, e["kind"] ?? "", absolute(e["url"] ?? "")]
            var figures: [String: Any] = [:]
            for column in CompareFigures.columns {
                let value = e[column.key].flatMap { DecimalNumber($0) }.map { Amount($0, unit).inWanYuan }
                let text = value.map { $0.formatted(decimals: max(2, $0.scale)) } ?? ""
                cells.append(text)
                figures[String(column.key.dropFirst(2))] = text
                if let change = column.change {
                    let rate = (e[change] ?? "").replacingOccurrences(of: "+", with: "")
                    cells.append(rate)
                    figures[String(change.dropFirst(2))] = rate
                }
            }
            try csv(Data((CSVWriter.row(cells) + "\r\n").utf8))
            let object: [String: Any] = ["unit_id": id, "unit_name": e["unitName"] ?? id, "region": e["region"] ?? "", "supervisor": e["supervisor"] ?? "",
                          "year": Int(year) ?? 0, "kind": e["kind"] ?? "", "url": absolute(e["url"] ?? ""),
                          "json": absolute((e["url"] ?? "").replacingOccurrences(of: "index.html", with: "report.json")),
                          "figures_wan_yuan": figures]
            if !first { try json(Data(",".utf8)) }
            first = false
            try json((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8))
        }
        let title = (try? JSONSerialization.data(withJSONObject: [site.title], options: [.withoutEscapingSlashes])).map { Data($0.dropFirst().dropLast()) } ?? Data("\"\"".utf8)
        try json(Data("],\"site\":".utf8) + title + Data("}".utf8))
    }

    /// Assembles the package under `site/data/` from every report's `data.csv`: `cells.csv`, one
    /// `tables/<id>.csv` per table kind, and `datapackage.json`. The reports' rows are streamed into the
    /// files one report at a time (a province's `cells.csv` is gigabytes); files whose bytes did not
    /// change are left alone; each new one is renamed into place.
    static func assemble(site: URL, title: String) throws {
        let fm = FileManager.default
        let folder = site.appendingPathComponent("data")
        let header = Data((CSVWriter.row(cellFields.map(\.name)) + "\r\n").utf8)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let cells = try PackageFile(folder.appendingPathComponent("cells.csv"))
        var byTable: [String: PackageFile] = [:]
        var failure: Error?
        do {
            try cells.append(header)
            let units = ((try? fm.contentsOfDirectory(atPath: site.path)) ?? []).sorted()
            for unit in units where !unit.hasPrefix(".") {
                let years = ((try? fm.contentsOfDirectory(atPath: site.appendingPathComponent(unit).path)) ?? []).filter { Int($0) != nil }.sorted()
                for year in years {
                    guard let data = fm.contents(atPath: site.appendingPathComponent("\(unit)/\(year)/data.csv").path) else { continue }
                    try cells.append(data)
                    try splitByTable(data) { id, line in
                        if byTable[id] == nil {
                            if byTable.isEmpty { try fm.createDirectory(at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true) }
                            let file = try PackageFile(folder.appendingPathComponent("tables/\(id).csv"))
                            byTable[id] = file
                            try file.append(header)
                        }
                        try byTable[id]!.append(line)
                    }
                }
            }
        } catch {
            failure = error
        }
        if let failure {
            cells.discard()
            for file in byTable.values { file.discard() }
            throw failure
        }
        try cells.finish()
        for id in byTable.keys.sorted() { try byTable[id]!.finish() }
        try PackageFile.replace(folder.appendingPathComponent("datapackage.json"), with: package(title: title, tables: byTable.keys.sorted()))
        // Tables no report has any more.
        let tablesFolder = folder.appendingPathComponent("tables")
        for name in (try? fm.contentsOfDirectory(atPath: tablesFolder.path)) ?? [] where !name.hasPrefix(".") {
            guard name.hasSuffix(".csv"), byTable[String(name.dropLast(4))] != nil else {
                try? fm.removeItem(at: tablesFolder.appendingPathComponent(name))
                continue
            }
        }
    }

    /// Whether a site path is a report's rows (`<unit>/<year>/data.csv`), which the package is made from.
    static func isReportRows(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[2] == "data.csv" && Int(parts[1]) != nil
    }

    /// Calls `body` with each line of a report's rows (CR LF included) and its table id, the first
    /// field (ids are plain ASCII, never quoted). CR LF is always a grapheme of its own, so splitting
    /// the bytes finds the lines a string search would, without decoding them. A last line without
    /// CR LF gets one.
    static func splitByTable(_ data: Data, _ body: (String, Data) throws -> Void) rethrows {
        let bytes = [UInt8](data)
        var start = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10 {
                if index > start, let comma = bytes[start..<index].firstIndex(of: UInt8(ascii: ",")) {
                    try body(String(decoding: bytes[start..<comma], as: UTF8.self), Data(bytes[start..<(index + 2)]))
                }
                start = index + 2
                index += 2
            } else {
                index += 1
            }
        }
        if start < bytes.count, let comma = bytes[start...].firstIndex(of: UInt8(ascii: ",")) {
            try body(String(decoding: bytes[start..<comma], as: UTF8.self), Data(bytes[start...] + [13, 10]))
        }
    }

    /// The package's combined files (paths under `data/`) from every report's rows, in unit and year order.
    static func package(rows: [Data], title: String) -> [String: Data] {
        let header = CSVWriter.row(cellFields.map(\.name)) + "\r\n"
        var all = Data(header.utf8)
        var byTable: [String: Data] = [:]
        for data in rows {
            all.append(data)
            splitByTable(data) { id, line in byTable[id, default: Data(header.utf8)].append(line) }
        }
        var files: [String: Data] = ["cells.csv": all]
        for (id, data) in byTable { files["tables/\(id).csv"] = data }
        files["datapackage.json"] = package(title: title, tables: byTable.keys.sorted())
        return files
    }

    /// The package of a site held in memory (the preview): the same files `assemble` writes.
    static func package(in files: [String: Data], title: String) -> [String: Data] {
        let reportRows = files.keys.filter { path in
            let parts = path.split(separator: "/")
            return parts.count == 3 && parts[2] == "data.csv" && Int(parts[1]) != nil
        }.sorted { a, b in
            let (pa, pb) = (a.split(separator: "/"), b.split(separator: "/"))
            return pa[0] != pb[0] ? pa[0] < pb[0] : pa[1] < pb[1]
        }
        return package(rows: reportRows.map { files[$0]! }, title: title).reduce(into: [:]) { $0["data/\($1.key)"] = $1.value }
    }

    /// The files `assemble` writes, as paths of the site (for the link check): those under `site` when
    /// given, else the ones every package has.
    static func assembledFiles(in site: URL?) -> [String: Data] {
        var files: [String: Data] = ["data/cells.csv": Data(), "data/datapackage.json": Data()]
        if let site {
            let tables = site.appendingPathComponent("data/tables")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: tables.path)) ?? [] { files["data/tables/\(name)"] = Data() }
        }
        return files
    }

    static func schema(_ fields: [(name: String, type: String, title: String)], key: [String]) -> [String: Any] {
        ["fields": fields.map { field -> [String: Any] in
            var f: [String: Any] = ["name": field.name, "type": field.type, "title": field.title]
            if field.type == "number" { f["bareNumber"] = true }
            return f
        }, "primaryKey": key, "missingValues": [""]]
    }

    static func package(title: String, tables: [String]) -> Data {
        func resource(_ name: String, _ path: String, _ title: String, _ fields: [(name: String, type: String, title: String)], key: [String]) -> [String: Any] {
            ["name": name, "path": path, "title": title, "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "dialect": ["delimiter": ",", "lineTerminator": "\r\n", "header": true], "schema": schema(fields, key: key)]
        }
        let cellKey = ["table_id", "unit_id", "year", "row", "item", "column"]
        var resources = [
            resource("reports", "reports.csv", "每份报告的主要数据（万元）", reportFields, key: ["unit_id", "year"]),
            resource("cells", "cells.csv", "全部附表的全部金额（整齐数据，万元）", cellFields, key: cellKey),
        ]
        for id in tables {
            resources.append(resource("table-\(id)", "tables/\(id).csv", "附表 \(id) 的全部金额（万元）", cellFields, key: cellKey))
        }
        let object: [String: Any] = ["profile": "tabular-data-package", "name": "final-accounts", "title": "\(title)：部门决算开放数据",
                                     "licenses": [["name": "other-pd", "title": "政府信息公开"]], "resources": resources]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
    }
}

/// One file of the open-data package, written as it is assembled: into a temporary file beside it,
/// which then replaces it only when its bytes differ (a rebuild leaves an unchanged package alone).
final class PackageFile {
    let target: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer = Data()
    private static let flushSize = 1 << 20

    init(_ target: URL) throws {
        self.target = target
        temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
    }

    func append(_ data: Data) throws {
        buffer.append(data)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Puts the file in place, unless the one there has the same bytes.
    func finish() throws {
        try flush()
        try handle.close()
        if Self.sameBytes(temporary, target) {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }

    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }

    /// Writes a small file the same way.
    static func replace(_ target: URL, with data: Data) throws {
        let file = try PackageFile(target)
        try file.append(data)
        try file.finish()
    }

    /// Whether two files hold the same bytes, read a megabyte at a time.
    static func sameBytes(_ a: URL, _ b: URL) -> Bool {
        let fm = FileManager.default
        guard let sizeA = (try? fm.attributesOfItem(atPath: a.path))?[.size] as? Int,
              let sizeB = (try? fm.attributesOfItem(atPath: b.path))?[.size] as? Int, sizeA == sizeB,
              let x = FileHandle(forReadingAtPath: a.path), let y = FileHandle(forReadingAtPath: b.path) else { return false }
        defer { try? x.close(); try? y.close() }
        while true {
            let chunkA = (try? x.read(upToCount: flushSize)) ?? nil
            let chunkB = (try? y.read(upToCount: flushSize)) ?? nil
            if chunkA != chunkB { return false }
            if chunkA == nil || chunkA!.isEmpty { return true }
        }
    }
}
