import DiscloseCore
import Foundation

/// The exact-name index of the site search (`search/names.json`, and the same data as
/// `search/names.js` so that the search page can load it from a plain file as well as over HTTP).
///
/// A full-text engine splits a query into words; a unit's name split differently in the index
/// (渠县 inside 渠县委组织部, 组织部 inside 委员会组织部) is then missed or drowned. The search page
/// therefore matches the query as a plain substring of every unit's names, region and 主管部门
/// first, from this small index, and only then lists the engine's full-text results.
struct SearchNameIndex {
    static let jsonPath = "search/names.json"
    static let scriptPath = "search/names.js"

    struct UnitEntry {
        var id: String
        var name: String
        var shortName: String
        var otherNames: [String]
        var region: String
        var supervisor: String
        var reports: [(year: Int, kind: String, url: String)]
        var url: String
    }

    var units: [UnitEntry] = []

    /// The fields each report's home-page entry carries for the index (text only, as the build record keeps them).
    static func entryFields(_ unit: UnitInfo) -> [String: String] {
        let others = (try? JSONSerialization.data(withJSONObject: unit.otherNames)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return ["unitID": unit.id, "shortName": unit.shortName, "region": unit.region, "supervisor": unit.supervisor ?? "",
                "otherNames": others]
    }

    /// From the home-page entries of every report, in unit order.
    init(entries: [SiteEntry]) {
        var index: [String: Int] = [:]
        for entry in entries {
            guard let id = entry["unitID"], let year = entry["year"].flatMap({ Int($0) }) else { continue }
            if index[id] == nil {
                index[id] = units.count
                let others = entry["otherNames"].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String] } ?? []
                units.append(UnitEntry(id: id, name: entry["unitName"] ?? id, shortName: entry["shortName"] ?? "", otherNames: others,
                                       region: entry["region"] ?? "", supervisor: entry["supervisor"] ?? "", reports: [],
                                       url: entry["unitURL"] ?? "\(id)/index.html"))
            }
            units[index[id]!].reports.append((year, entry["kind"] ?? "", entry["url"] ?? "\(id)/\(year)/index.html"))
        }
        for i in units.indices { units[i].reports.sort { $0.year > $1.year } }
    }

    /// Spellings readers use for the same party body: 中共 for 中国共产党 and 委 for 委员会
    /// (中国共产党渠县委员会组织部 → 中共渠县委组织部), and 中共 before the short name (中共渠县县委组织部).
    static func aliases(name: String, shortName: String, others: [String]) -> [String] {
        let names = [name, shortName] + others
        var result: [String] = []
        func add(_ alias: String) {
            if !alias.isEmpty, !names.contains(alias), !result.contains(alias) { result.append(alias) }
        }
        for each in names where each.hasPrefix("中国共产党") {
            // Only the place's committee shortens (渠县委员会 → 渠县委); 工作委员会 and the like stay.
            let rest = each.dropFirst("中国共产党".count)
            add("中共" + rest.replacingOccurrences(of: #"([省市州县区旗])委员会"#, with: "$1委", options: .regularExpression))
        }
        if name.hasPrefix("中国共产党") || name.hasPrefix("中共"), !shortName.isEmpty, !shortName.hasPrefix("中共") { add("中共" + shortName) }
        return result
    }

    /// One unit's object in the index.
    static func object(_ u: UnitEntry) -> [String: Any] {
        [
            "id": u.id, "name": u.name, "short": u.shortName, "other": u.otherNames,
            "aliases": aliases(name: u.name, shortName: u.shortName, others: u.otherNames),
            "region": u.region, "supervisor": u.supervisor, "url": u.url,
            "reports": u.reports.map { ["year": $0.year, "kind": $0.kind, "url": $0.url] as [String: Any] },
        ]
    }

    /// `{"units":[…],"version":1}`, each unit's object serialised on its own and joined: the bytes of
    /// serialising the whole with sorted keys, without a province's 10,000 units and 100,000 reports
    /// in memory as one tree.
    var json: Data {
        var out = Data("{\"units\":[".utf8)
        for (i, unit) in units.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append((try? JSONSerialization.data(withJSONObject: Self.object(unit), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8))
        }
        out.append(contentsOf: "],\"version\":1}".utf8)
        return out
    }

    var script: Data { Self.script(json: json) }

    /// The same JSON as a script, for pages opened from disk (where fetch is not allowed). `<` is escaped
    /// so that no name can close the script element.
    static func script(json: Data) -> Data {
        var out = Data("window.DISCLOSE_NAMES = ".utf8)
        // On bytes: `<` is ASCII. A `<` followed by a combining mark is one Character to Swift, which the
        // String replacement would leave alone: those go the String way, as before.
        let bytes = [UInt8](json)
        let combined = bytes.indices.contains { bytes[$0] == UInt8(ascii: "<") && $0 + 1 < bytes.count && bytes[$0 + 1] >= 0x80 }
        if combined {
            out.append(contentsOf: String(decoding: json, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c").utf8)
        } else {
            out.reserveCapacity(json.count + 64)
            var start = 0
            for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "<") {
                out.append(contentsOf: bytes[start..<i])
                out.append(contentsOf: "\\u003c".utf8)
                start = i + 1
            }
            out.append(contentsOf: bytes[start...])
        }
        out.append(contentsOf: ";\n".utf8)
        return out
    }
}

/// What a page tells the full-text engine about itself: the filters of the search page.
struct SearchFacets {
    struct Filter {
        var name: String
        var value: String
    }

    /// Filter names, in the order the search page offers them.
    static let names = ["年度", "单位", "地区", "主管部门", "类型"]

    var filters: [Filter]

    init(unit: UnitInfo, report: Report?) {
        var filters: [Filter] = []
        if let report { filters.append(Filter(name: "年度", value: String(report.year))) }
        filters.append(Filter(name: "单位", value: unit.name))
        if !unit.region.isEmpty { filters.append(Filter(name: "地区", value: unit.region)) }
        let supervisor = unit.supervisor ?? (report?.kind == .department ? unit.name : nil)
        if let supervisor, !supervisor.isEmpty { filters.append(Filter(name: "主管部门", value: supervisor)) }
        filters.append(Filter(name: "类型", value: report.map { "\($0.kind.rawValue)决算" } ?? "单位主页"))
        self.filters = filters
    }
}
