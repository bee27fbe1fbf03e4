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
        case unknownProfile(String, known: [String])
        case noSuchReport(unit: String, year: Int)
        case sourceHasErrors(folder: String, errors: Int)
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
                return "\(unit) 没有早于本年度的报告可以结转（已有：\(years.map(String.init).joined(separator: "、"))）；请用 --from 指定年度，或加 --blank 生成空白模板。"
            case (.earlierReports(let unit, let years), .en):
                return "\(unit) has no earlier report to carry over (it has \(years.map(String.init).joined(separator: ", "))); name one with --from or pass --blank."
            case (.noSuchReport(let unit, let year), .zh): return "找不到 \(unit)/\(year) 报告，无法从它结转。"
            case (.noSuchReport(let unit, let year), .en): return "there is no report \(unit)/\(year) to carry over from."
            case (.sourceHasErrors(let folder, let errors), .zh):
                return "\(folder) 有 \(errors) 个格式错误，无法读取其数字；请先运行 disclose check 修正后再结转。"
            case (.sourceHasErrors(let folder, let errors), .en):
                return "\(folder) has \(errors) format errors and its figures cannot be read; fix them (disclose check) first."
            case (.unknownTableSet(let id), .zh):
                return "没有名为“\(id)”的附表套表；可用：\(TableSet.bundled.keys.sorted().joined(separator: "、"))。"
            case (.unknownTableSet(let id), .en):
                return "no table set named '\(id)'; available: \(TableSet.bundled.keys.sorted().joined(separator: ", "))."
            case (.unknownProfile(let id, let known), .zh):
                return "没有名为“\(id)”的版式；可用：\(known.joined(separator: "、"))（或在 Profiles/\(id).json 中定义）。"
            case (.unknownProfile(let id, let known), .en):
                return "no profile named '\(id)'; available: \(known.joined(separator: ", ")) (or define Profiles/\(id).json)."
            case (.io(let detail), .zh): return "无法写入：\(detail)"
            case (.io(let detail), .en): return "cannot write: \(detail)"
            }
        }
    }

    /// The table set a report of `year` gets when nothing else says: that of the default profile family in force.
    public static func defaultTableSet(for year: Int) -> String {
        ReportProfile.tableSet(for: year, carriedFrom: nil)
    }

    /// The table set of the new year, as the profiles say: a family's sets change with the year (a variant
    /// of the same year's set, such as the 15-table one, is kept); any other set (mof-9) stays what the unit used.
    static func tableSet(for year: Int, carriedFrom source: String?, profile: ReportProfile? = nil,
                         profiles: [String: ReportProfile] = ReportProfile.bundled) -> String {
        guard let source, TableSet.bundled[source] != nil else {
            return ReportProfile.tableSet(for: year, carriedFrom: nil, profile: profile, in: profiles)
        }
        return ReportProfile.tableSet(for: year, carriedFrom: source, profile: profile, in: profiles)
    }

    /// The profile a new report of the unit gets: the one named, else unit.yaml's `profile:`, else site.yaml's.
    static func chosenProfile(content: URL, displayRoot: String?, unitID: String, named: String?) -> Result<(ReportProfile?, [String: ReportProfile]), Failure> {
        let profiles = SiteProfiles.load(content: content, display: displayRoot ?? content.path).profiles
        func profileField(in file: URL) -> String? {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
            return YAMLDocument.parse(text, file: ContentPath(outside: file.lastPathComponent)).0?["profile"]?.scalar?.text
        }
        let id = named ?? profileField(in: content.appendingPathComponent("\(unitID)/unit.yaml")) ?? profileField(in: content.appendingPathComponent("site.yaml"))
        guard let id, !id.isEmpty else { return .success((nil, profiles)) }
        guard let profile = profiles[id] else { return .failure(.unknownProfile(id, known: profiles.keys.sorted())) }
        return .success((profile, profiles))
    }

    /// Creates `<unit>/<year>/`. With an earlier report of the unit (the latest before `year`, or
    /// `from`), its figures become this year's "上年" figures and its narrative is carried over marked
    /// for review; otherwise, or with `blank`, every field is left empty.
    public static func create(content: URL, unitID: String, year: Int, kind: String? = nil,
                              tables: String? = nil, blank: Bool = false, from: Int? = nil,
                              displayRoot: String? = nil, profile profileName: String? = nil) -> Result<Created, Failure> {
        guard ContentLoader.isValidUnitID(unitID) else { return .failure(.invalidUnitID(unitID)) }
        guard (1990...2100).contains(year) else { return .failure(.invalidYear(year)) }
        if let linked = ContentLinks.linkedFolder(under: content, "\(unitID)/\(year)") {
            return .failure(.io(ContentLinks.refusal("\(displayRoot ?? content.path)/\(linked)")))
        }
        let fm = FileManager.default
        let unitURL = content.appendingPathComponent(unitID)
        let reportURL = unitURL.appendingPathComponent(String(year))
        let reportPath = "\(unitID)/\(year)"
        if fm.fileExists(atPath: reportURL.path) || (try? fm.destinationOfSymbolicLink(atPath: reportURL.path)) != nil {
            return .failure(.exists(reportPath))
        }
        if let tables, TableSet.bundled[tables] == nil { return .failure(.unknownTableSet(tables)) }
        let chosen: ReportProfile?, profiles: [String: ReportProfile]
        switch chosenProfile(content: content, displayRoot: displayRoot, unitID: unitID, named: profileName) {
        case .success(let found): (chosen, profiles) = found
        case .failure(let failure): return .failure(failure)
        }
        let earlier = ((try? fm.contentsOfDirectory(atPath: unitURL.path)) ?? [])
            .compactMap { $0.count == 4 ? Int($0) : nil }.filter { $0 != year }.sorted()

        var source: Report?
        if !blank {
            if let from, !earlier.contains(from) { return .failure(.noSuchReport(unit: unitID, year: from)) }
            if !earlier.isEmpty {
                guard let sourceYear = from ?? earlier.last(where: { $0 < year }) else {
                    return .failure(.earlierReports(unit: unitID, years: earlier))
                }
                switch readReport(content: content, displayRoot: displayRoot, unitID: unitID, year: sourceYear) {
                case .success(let report): source = report
                case .failure(let failure): return .failure(failure)
                }
            }
        }
        let tableSet = tables ?? tableSet(for: year, carriedFrom: source?.tableSetID, profile: chosen, profiles: profiles)
        // What the report's profile does not publish is left out of the skeleton; its vehicle categories are listed.
        let profile = chosen ?? ReportProfile.standard(tableSet: tableSet, year: year, in: profiles)
        let omitted = profile.optionalFields.union(TableSet.bundled[tableSet]?.notPublished ?? []).union(profile.tableSet?.notPublished ?? [])
        var profileNotes: [String: String] = [:]
        if !profile.vehicleCategories.isEmpty {
            profileNotes["assets.vehicles.type"] = "版式 \(profile.id) 的类别：\(profile.vehicleCategories.joined(separator: "、"))"
        }
        let reportKind = kind ?? source?.kind.rawValue ?? Report.Kind.department.rawValue
        let title = "\(unitID) \(year) 年度\(reportKind)决算"
        var files: [(String, String)] = []
        if !fm.fileExists(atPath: content.appendingPathComponent("site.yaml").path) {
            files.append(("site.yaml", ReportSkeleton.yaml(for: .site, title: "站点", presets: ["language": "zh-CN"])))
        }
        if !fm.fileExists(atPath: unitURL.appendingPathComponent("unit.yaml").path) {
            files.append(("\(unitID)/unit.yaml", ReportSkeleton.yaml(for: .unit, title: unitID)))
        }
        let reportPresets: ReportSkeleton.Presets = [
            "year": String(year), "kind": reportKind, "tables": tableSet, "unit": MoneyUnit.wanYuan.rawValue,
        ]
        let sourceText = source.flatMap { try? String(contentsOf: unitURL.appendingPathComponent("\($0.year)/report.yaml"), encoding: .utf8) }
        if let source, let sourceText,
           let carried = try? ReportCarryOver.reportYAML(source: sourceText, from: source, year: year, kind: reportKind, tables: tableSet) {
            files.append(("\(reportPath)/report.yaml", carried))
        } else {
            files.append(("\(reportPath)/report.yaml", ReportSkeleton.yaml(for: .report, title: title, presets: reportPresets, omitted: omitted)))
        }
        var accountsPresets: ReportSkeleton.Presets = ["unit": (source?.accounts.unit ?? .wanYuan).rawValue]
        var notes: [String: String] = profileNotes
        var header: [String] = []
        if let source {
            for figure in PreviousYearFigures.carried(from: source) {
                accountsPresets[figure.path] = figure.value.description
                notes[figure.path] = "由 \(source.year) 年度报告结转"
            }
            header = ["“上年”各数已由 \(source.year) 年度报告结转（\(unitID)/\(source.year)），本年数留空待填。"]
        }
        files.append(("\(reportPath)/accounts.yaml",
                      ReportSkeleton.yaml(for: .accounts, title: title, presets: accountsPresets, notes: notes, header: header, omitted: omitted)))
        files.append(("\(reportPath)/performance.yaml", ReportSkeleton.yaml(for: .performance, title: title)))
        if let source {
            let narrative = source.narrative
            let carried: [(String, Narrative.Document?)] = [
                ("duties.md", narrative.duties), ("organization.md", narrative.organization),
                ("achievements.md", narrative.achievements), ("performance-report.md", narrative.performanceReport),
            ]
            for (name, document) in carried {
                if let document {
                    files.append(("\(reportPath)/\(name)", ReportSkeleton.carriedMarkdown(document.markdown, fromYear: source.year)))
                } else if name == "duties.md" {
                    files.append(("\(reportPath)/duties.md", ReportSkeleton.dutiesPlaceholder))
                }
            }
            // The office's own glossary wording rarely changes: copied as it is.
            let glossary = unitURL.appendingPathComponent("\(source.year)/glossary.yaml")
            if let data = fm.contents(atPath: glossary.path), (try? fm.destinationOfSymbolicLink(atPath: glossary.path)) == nil {
                files.append(("\(reportPath)/glossary.yaml", String(decoding: data, as: UTF8.self)))
            }
        } else {
            files.append(("\(reportPath)/duties.md", ReportSkeleton.dutiesPlaceholder))
        }

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

    /// The earlier report, read and validated like `disclose check` does; refused if malformed.
    private static func readReport(content: URL, displayRoot: String?, unitID: String, year: Int) -> Result<Report, Failure> {
        let loader = ContentLoader(root: content, displayRoot: displayRoot)
        let load = loader.load()
        let report = load.tree?.reports.first { $0.unitID == unitID && $0.year == year }
        let errors = load.diagnostics.errors(inReport: unitID, year: year)
        guard let report, errors.isEmpty else {
            let folder = ContentPath(root: loader.displayRoot, unit: unitID, year: year).display
            return .failure(.sourceHasErrors(folder: folder, errors: max(errors.count, 1)))
        }
        return .success(report)
    }
}
