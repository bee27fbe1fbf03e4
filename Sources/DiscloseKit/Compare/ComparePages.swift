import DiscloseCore
import Foundation

/// `compare/`: every unit side by side, for each year and for each region and 主管部门 within it —
/// a sortable table (with filters), a chart of the largest 三公经费, and the table as CSV. Built from
/// the reports' home-page entries (`CompareFigures`), so an incremental build has every unit.
struct ComparePages {
    struct Row {
        var unitID: String
        var unitName: String
        var region: String
        var supervisor: String
        var year: Int
        var url: String
        /// By column key, in 万元.
        var values: [String: DecimalNumber]
        var rates: [String: String]
    }

    struct Group {
        /// "" for every unit of the year.
        var kind: String
        var value: String
        var file: String
        var title: String
        var rows: [Row]
    }

    let rows: [Row]
    /// Every year with a row, newest first (also those of entries not given: see `comparePages`).
    let years: [Int]

    /// Whether an entry makes a row (a report whose figures were compared).
    static func hasRow(_ e: SiteEntry) -> Bool {
        e["unitID"] != nil && e["year"].flatMap { Int($0) } != nil && e["c_grand"] != nil
    }

    /// `years`: the site's years when `entries` are one year's (the pages link to the others).
    init(entries: [SiteEntry], years: [Int]? = nil) {
        rows = entries.compactMap { e -> Row? in
            guard let id = e["unitID"], let year = e["year"].flatMap({ Int($0) }), e["c_grand"] != nil else { return nil }
            let unit = MoneyUnit(rawValue: e["c_unit"] ?? "") ?? .wanYuan
            var values: [String: DecimalNumber] = [:]
            var rates: [String: String] = [:]
            for column in CompareFigures.columns {
                if let text = e[column.key], let value = DecimalNumber(text) { values[column.key] = Amount(value, unit).inWanYuan }
                if let change = column.change { rates[change] = e[change] ?? "" }
            }
            let supervisor = e["supervisor"].flatMap { $0.isEmpty ? nil : $0 } ?? (e["kind"] == Report.Kind.department.rawValue ? (e["unitName"] ?? id) : "")
            return Row(unitID: id, unitName: e["unitName"] ?? id, region: e["region"] ?? "", supervisor: supervisor, year: year,
                       url: e["url"] ?? "\(id)/\(year)/index.html", values: values, rates: rates)
        }
        self.years = years ?? Set(rows.map(\.year)).sorted(by: >)
    }

    /// A short stable file name for a region or 主管部门 (the value itself may be any text).
    static func slug(_ value: String) -> String {
        var hash = FNV1a()
        hash.add(value)
        return String(String(hash.value, radix: 16).prefix(10))
    }

    /// The year's tables: every unit, then each region and each 主管部门 (in name order), each with
    /// its units in entry order.
    func groups(of year: Int) -> [Group] {
        let ofYear = rows.filter { $0.year == year }
        var out = [Group(kind: "", value: "", file: "index", title: "\(year)年度各单位决算主要数据", rows: ofYear)]
        for (kind, key, label) in [("region", \Row.region, "地区"), ("supervisor", \Row.supervisor, "主管部门")] {
            let byValue = Dictionary(grouping: ofYear.filter { !$0[keyPath: key].isEmpty }) { $0[keyPath: key] }
            for value in byValue.keys.sorted() {
                out.append(Group(kind: label, value: value, file: "\(kind)-\(Self.slug(value))",
                                 title: "\(year)年度\(value)各单位决算主要数据", rows: byValue[value]!))
            }
        }
        return out
    }

    /// Above this many regions and 主管部门 in a year, a region's or 主管部门's page does not list all the
    /// others (a province has thousands: every page would carry thousands of links); the year's page does.
    static let groupListLimit = 100

    /// A year's line on `compare/index.html`: its groups listed, or above `groupListLimit` their count
    /// and a pointer to the year's page, which lists them all.
    static func indexEntry(year: Int, groups: [Group]) -> [String: Any] {
        let listed = groups.count - 1 <= groupListLimit
        return ["year": year, "count": groups[0].rows.count, "groupsElsewhere": !listed, "groupCount": groups.count - 1,
                "groups": listed ? groups.dropFirst().map { ["title": $0.value, "kind": $0.kind, "url": "\($0.file).html", "count": $0.rows.count] } : []]
    }

    /// The CSV of one table: exact decimals in 万元 and the growth rates as printed.
    static func csv(_ group: Group) -> String {
        var header = ["单位标识", "单位名称", "地区", "主管部门", "年度"]
        for column in CompareFigures.columns {
            header.append("\(column.heading)（万元）")
            if column.change != nil { header.append("\(column.heading)比上年增减（%）") }
        }
        var lines = [CSVWriter.row(header)]
        for row in group.rows {
            var cells = [row.unitID, row.unitName, row.region, row.supervisor, String(row.year)]
            for column in CompareFigures.columns {
                cells.append(row.values[column.key].map { $0.formatted(decimals: max(2, $0.scale)) } ?? "")
                if let change = column.change { cells.append(row.rates[change] ?? "") }
            }
            lines.append(CSVWriter.row(cells))
        }
        // With a byte-order mark, as every CSV of the site: spreadsheet programs then read the Chinese text.
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The ten largest 三公经费 of a table as a bar chart (none when every unit spent nothing).
    static func chart(_ group: Group) -> ChartSpec? {
        let top = group.rows.filter { !($0.values["c_three"] ?? .zero).isZero }
            .sorted { ($0.values["c_three"] ?? .zero) > ($1.values["c_three"] ?? .zero) || (($0.values["c_three"] ?? .zero) == ($1.values["c_three"] ?? .zero) && $0.unitID < $1.unitID) }
            .prefix(10)
        guard !top.isEmpty else { return nil }
        return ChartSpec(id: "compare-three-public", number: "图", title: "“三公”经费最多的\(top.count)个单位", kind: .bar, unit: .wanYuan,
                         items: top.map { ChartSpec.Item($0.unitName, $0.values["c_three"] ?? .zero) }, sideBySide: true)
    }

    /// The page context of one table.
    /// `groups`: the year's tables (`groups(of:)`), computed once per year.
    func context(_ group: Group, year: Int, groups: [Group]) -> [String: Any] {
        let chart = Self.chart(group)
        let listed = group.kind.isEmpty || groups.count - 1 <= Self.groupListLimit
        return [
            "title": group.title, "year": year, "isAll": group.kind.isEmpty, "groupKind": group.kind, "groupValue": group.value,
            "csv": "\(group.file).csv", "count": group.rows.count,
            "columns": CompareFigures.columns.map { ["heading": $0.heading, "hasChange": $0.change != nil] as [String: Any] },
            "rows": group.rows.map { row -> [String: Any] in
                var cells: [[String: Any]] = []
                for column in CompareFigures.columns {
                    let value = row.values[column.key] ?? .zero
                    cells.append(["text": Derived.tableMoney(value), "sort": value.formatted(decimals: max(2, value.scale))])
                    if let change = column.change {
                        let rate = row.rates[change] ?? ""
                        cells.append(["text": rate.isEmpty ? "—" : (rate == "新增" ? rate : rate + "%"),
                                      "sort": rate.isEmpty || rate == "新增" ? "" : rate.replacingOccurrences(of: "+", with: "")])
                    }
                }
                return ["unitName": row.unitName, "url": "../../\(row.url)", "region": row.region, "supervisor": row.supervisor, "cells": cells]
            },
            "regions": Set(group.rows.map(\.region)).filter { !$0.isEmpty }.sorted(),
            "supervisors": Set(group.rows.map(\.supervisor)).filter { !$0.isEmpty }.sorted(),
            "chart": chart.map { ["svg": SVGChart.renderResponsive($0, drawTitle: false), "title": $0.title, "description": $0.description] } as Any,
            "groups": listed ? groups.dropFirst().map { ["title": $0.value, "kind": $0.kind, "url": "\($0.file).html", "count": $0.rows.count] } : [],
            "groupsElsewhere": !listed, "groupCount": groups.count - 1,
            "otherYears": years.filter { $0 != year }.map { ["year": $0, "url": "../\($0)/index.html"] },
        ]
    }
}
