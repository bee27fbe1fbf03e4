import DiscloseCore
import Foundation

/// `disclose new`: a new report folder written from the schema.
///
/// The folder is assembled beside its final place and renamed into it, so an interrupted run
/// leaves either nothing or the whole skeleton. An existing report is never overwritten.
public enum ReportCreator {
    public struct Created: Sendable, Equatable {
        /// Paths relative to the content directory, in the order written.
        public var files: [String]
    }

    public enum Failure: Error, Sendable, Equatable {
        case invalidUnitID(String)
        case invalidYear(Int)
        case exists(String)
        case earlierReports(unit: String, years: [Int])
        case unknownTableSet(String)
        case io(String)

        public func message(_ language: Language) -> String {
            switch (self, language) {
            case (.invalidUnitID(let id), .zh):
                return "单位标识“\(id)”只能包含小写字母、数字和连字符（它会成为网址的一部分），例如 luzhou-zzb。"
            case (.invalidUnitID(let id), .en):
                return "unit id '\(id)' may only contain lowercase letters, digits and hyphens (it becomes part of URLs)."
            case (.invalidYear(let year), .zh): return "年度 \(year) 不是四位年份（1990–2100）。"
            case (.invalidYear(let year), .en): return "year \(year) is not a four-digit year (1990–2100)."
            case (.exists(let path), .zh): return "\(path) 已经存在，不会覆盖。如需重建，请先把它移走。"
            case (.exists(let path), .en): return "\(path) already exists and is not overwritten; move it away first."
            case (.earlierReports(let unit, let years), .zh):
                return "\(unit) 已有 \(years.map(String.init).joined(separator: "、")) 年度的报告。"
                    + "从上年报告结转数字和文字的功能尚未提供；如确需空白模板，请加 --blank。"
            case (.earlierReports(let unit, let years), .en):
                return "\(unit) already has reports for \(years.map(String.init).joined(separator: ", ")). "
                    + "Carrying figures and narrative over from an earlier report is not available yet; pass --blank for an empty skeleton."
            case (.unknownTableSet(let id), .zh):
                return "没有名为“\(id)”的附表套表；可用：\(TableSet.bundled.keys.sorted().joined(separator: "、"))。"
            case (.unknownTableSet(let id), .en):
                return "no table set named '\(id)'; available: \(TableSet.bundled.keys.sorted().joined(separator: ", "))."
            case (.io(let detail), .zh): return "无法写入：\(detail)"
            case (.io(let detail), .en): return "cannot write: \(detail)"
            }
        }
    }

    /// The table set a report of `year` gets when nothing else says: the newest Sichuan layout in force.
    public static func defaultTableSet(for year: Int) -> String {
        year >= 2023 ? "sichuan-2023" : "sichuan-2020"
    }

    public static func create(content: URL, unitID: String, year: Int, kind: String = "部门",
                              tables: String? = nil, blank: Bool = false) -> Result<Created, Failure> {
        guard ContentLoader.isValidUnitID(unitID) else { return .failure(.invalidUnitID(unitID)) }
        guard (1990...2100).contains(year) else { return .failure(.invalidYear(year)) }
        let fm = FileManager.default
        let unitURL = content.appendingPathComponent(unitID)
        let reportURL = unitURL.appendingPathComponent(String(year))
        let reportPath = "\(unitID)/\(year)"
        if fm.fileExists(atPath: reportURL.path) || (try? fm.destinationOfSymbolicLink(atPath: reportURL.path)) != nil {
            return .failure(.exists(reportPath))
        }
        let earlier = ((try? fm.contentsOfDirectory(atPath: unitURL.path)) ?? [])
            .compactMap { $0.count == 4 ? Int($0) : nil }.filter { $0 != year }.sorted()
        if !earlier.isEmpty && !blank { return .failure(.earlierReports(unit: unitID, years: earlier)) }
        let tableSet = tables ?? defaultTableSet(for: year)
        guard TableSet.bundled[tableSet] != nil else { return .failure(.unknownTableSet(tableSet)) }

        let title = "\(unitID) \(year) 年度\(kind)决算"
        var files: [(String, String)] = []
        if !fm.fileExists(atPath: content.appendingPathComponent("site.yaml").path) {
            files.append(("site.yaml", ReportSkeleton.yaml(for: .site, title: "站点", presets: ["language": "zh-CN"])))
        }
        if !fm.fileExists(atPath: unitURL.appendingPathComponent("unit.yaml").path) {
            files.append(("\(unitID)/unit.yaml", ReportSkeleton.yaml(for: .unit, title: unitID)))
        }
        let reportPresets: ReportSkeleton.Presets = [
            "year": String(year), "kind": kind, "tables": tableSet, "unit": MoneyUnit.wanYuan.rawValue,
        ]
        files.append(("\(reportPath)/report.yaml", ReportSkeleton.yaml(for: .report, title: title, presets: reportPresets)))
        files.append(("\(reportPath)/accounts.yaml",
                      ReportSkeleton.yaml(for: .accounts, title: title, presets: ["unit": MoneyUnit.wanYuan.rawValue])))
        files.append(("\(reportPath)/performance.yaml", ReportSkeleton.yaml(for: .performance, title: title)))
        files.append(("\(reportPath)/duties.md", ReportSkeleton.markdown(named: "duties.md")!))

        do {
            try fm.createDirectory(at: unitURL, withIntermediateDirectories: true)
            // Assemble the report beside its final place, then rename it in.
            let staging = unitURL.appendingPathComponent(".new-\(year)-\(ProcessInfo.processInfo.processIdentifier)")
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            defer { try? fm.removeItem(at: staging) }
            for (path, text) in files {
                let target: URL
                if path.hasPrefix(reportPath + "/") {
                    target = staging.appendingPathComponent(String(path.dropFirst(reportPath.count + 1)))
                } else {
                    target = content.appendingPathComponent(path)
                }
                try Data(text.utf8).write(to: target, options: .withoutOverwriting)
            }
            try fm.moveItem(at: staging, to: reportURL)
        } catch {
            return .failure(.io(error.localizedDescription))
        }
        return .success(Created(files: files.map(\.0)))
    }
}
