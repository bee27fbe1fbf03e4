import DiscloseCore
import Foundation

/// Everything `disclose check` and `disclose build` learn from reading Content/.
public struct LoadResult: Sendable {
    public var tree: ContentTree?
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
}

/// Walks a content directory: reads and validates every file, then builds the model.
public struct ContentLoader: Sendable {
    public let root: URL
    /// How paths are shown in messages: the --content argument as given ("Content").
    public let displayRoot: String
    public let codes: CodeLists
    /// Only these unit folders (an incremental build re-reads the units that changed); nil for all.
    public let units: Set<String>?

    public init(root: URL, displayRoot: String? = nil, codes: CodeLists = .bundled, units: Set<String>? = nil) {
        self.root = root
        var shown = displayRoot ?? root.path
        while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
        self.displayRoot = shown
        self.codes = codes
        self.units = units
    }

    /// Unit folder names become URL segments: lowercase ASCII letters, digits and hyphens.
    /// Lines still holding the "（待填写：" marker `disclose new` writes into narrative files.
    static func placeholders(in text: String, file: ContentPath) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: ReportSkeleton.placeholderPrefix) else { continue }
            let column = line[..<range.lowerBound].unicodeScalars.count + 1
            out.append(.warning(.narrativePlaceholder, at: SourceLocation(file: file, line: index + 1, column: column),
                zh: "这一行是“待填写”提示：按本年度情况写好（或核对好）这部分文字后，删除这一行（disclose check 只作警告；disclose build 作为错误，不会发布）。",
                en: "this line is a to-do marker: write (or review) this text for the year, then delete the line (a warning for check; build refuses to publish it)."))
        }
        return out
    }

    public static func isValidUnitID(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 64 else { return false }
        let allowed = { (s: Unicode.Scalar) in ("a"..."z").contains(s) || ("0"..."9").contains(s) }
        return allowed(first) && name.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" }
    }
    /// A narrative file is text a person wrote (the seeds' longest is under 40 KB); beyond this it
    /// is refused before it is parsed.
    static let narrativeByteLimit = 2 * 1024 * 1024
    static let narrativeFiles = ["duties.md", "achievements.md", "organization.md", "performance-report.md"]

    /// The first step of a load, shared by every unit: site.yaml, the site's profiles and the unit
    /// folders to read (with the diagnostics of the top of the content folder).
    public struct SiteLoad: Sendable {
        /// The site as site.yaml describes it; nil when site.yaml could not be used.
        public var site: Site?
        var siteProfile: ReportProfile?
        var profiles: [String: ReportProfile]
        /// The unit folders to read, in name order (only the asked-for ones with `units`).
        public var unitIDs: [String]
        public var diagnostics: [Diagnostic]
        public var sources: SourceStore
        /// The content directory itself is missing: nothing else was read.
        public var missing: Bool
    }

    public func load() -> LoadResult {
        let start = loadSite()
        var state = State(sources: start.sources, diagnostics: start.diagnostics)
        if start.missing { return LoadResult(tree: nil, diagnostics: state.diagnostics, sources: state.sources) }
        var units: [UnitInfo] = []
        var reports: [Report] = []
        for id in start.unitIDs {
            let (unit, unitReports) = loadUnit(id: id, siteProfile: start.siteProfile, profiles: start.profiles, state: &state)
            if let unit { units.append(unit) }
            reports += unitReports
        }
        if units.isEmpty && self.units == nil && state.diagnostics.errorCount == 0 {
            state.diagnostics.append(noUnits)
        }
        let tree = start.site.map { ContentTree(site: $0, units: units, reports: reports) }
        return LoadResult(tree: tree, diagnostics: state.diagnostics, sources: state.sources)
    }

    /// The error of a content folder that holds no unit at all.
    public var noUnits: Diagnostic {
        .error(.content, at: .file(displayRoot), zh: "内容目录中没有任何单位文件夹。", en: "the content directory holds no unit folders.")
    }

    /// Reads site.yaml and the site's profiles, and lists the unit folders (`loadUnit(_:in:)` reads each).
    public func loadSite() -> SiteLoad {
        var state = State(sources: SourceStore(), diagnostics: [])
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            state.diagnostics.append(.error(.content, at: .file(displayRoot),
                zh: "找不到内容目录“\(displayRoot)”。", en: "content directory '\(displayRoot)' not found."))
            return SiteLoad(site: nil, siteProfile: nil, profiles: [:], unitIDs: [], diagnostics: state.diagnostics, sources: state.sources, missing: true)
        }

        let siteNode = document(at: contentPath(file: "site.yaml"), required: true, schema: .site, year: nil, state: &state)
        let profiles = SiteProfiles.load(content: root, display: displayRoot)
        state.diagnostics += profiles.diagnostics
        let siteProfile = chosenProfile(siteNode, file: "site.yaml", profiles: profiles.profiles, state: &state)
        var ids: [String] = []
        // A province has 10,000 unit folders, looked at on every rebuild: an lstat each (and a stat for a
        // link), not URLs and FileManager calls.
        let rootPath = root.path
        for name in listing(root, state: &state) {
            if name.hasPrefix(".") { continue }
            let full = rootPath + "/" + name
            var info = stat()
            let found = lstat(full, &info) == 0
            let isLink = found && info.st_mode & S_IFMT == S_IFLNK
            var isFolder = found && info.st_mode & S_IFMT == S_IFDIR
            if isLink {
                var target = stat()
                isFolder = stat(full, &target) == 0 && target.st_mode & S_IFMT == S_IFDIR
            }
            if isLink && isFolder {
                state.diagnostics.append(ContentLinks.diagnostic(contentPath(file: name)))
                continue
            }
            guard isFolder else {
                if name != "site.yaml" {
                    state.diagnostics.append(.warning(.unknownFile, at: .file(contentPath(file: name)),
                        zh: "内容目录下的文件“\(name)”不会被使用（单位请放在各自的文件夹中）。",
                        en: "file '\(name)' at the top of the content directory is not used."))
                }
                continue
            }
            guard Self.isValidUnitID(name) else {
                state.diagnostics.append(.error(.unitID, at: .file(contentPath(file: name)),
                    zh: "单位文件夹名“\(name)”只能包含小写字母、数字和连字符（它会成为网址的一部分），例如 luzhou-zzb。",
                    en: "unit folder '\(name)' may only contain lowercase letters, digits and hyphens (it becomes part of URLs)."))
                continue
            }
            if let only = self.units, !only.contains(name) { continue }
            ids.append(name)
        }
        return SiteLoad(site: siteNode.map(ModelBuilder.site), siteProfile: siteProfile, profiles: profiles.profiles, unitIDs: ids,
                        diagnostics: state.diagnostics, sources: state.sources, missing: false)
    }

    /// Reads one unit folder of a site `loadSite()` read: a tree of that unit alone (nil when site.yaml
    /// could not be used), with the unit's diagnostics and source lines only.
    public func loadUnit(_ id: String, in site: SiteLoad) -> LoadResult {
        var state = State(sources: SourceStore(), diagnostics: [])
        let (unit, reports) = loadUnit(id: id, siteProfile: site.siteProfile, profiles: site.profiles, state: &state)
        let tree = site.site.map { ContentTree(site: $0, units: unit.map { [$0] } ?? [], reports: reports) }
        return LoadResult(tree: tree, diagnostics: state.diagnostics, sources: state.sources)
    }

    // MARK: Units and reports

    /// The profile a site.yaml or unit.yaml names (`profile:`), nil when it names none or an unknown one (an error).
    private func chosenProfile(_ node: Node?, file: String, profiles: [String: ReportProfile], state: inout State) -> ReportProfile? {
        guard let entry = node?.entry("profile"), let id = entry.value.scalar?.text, !id.isEmpty else { return nil }
        if let profile = profiles[id] { return profile }
        let known = profiles.keys.sorted()
        let hint = Suggestions.closest(to: id, in: known).map { "是否应为“\($0)”？" } ?? ""
        state.diagnostics.append(.error(.unknownProfile, at: entry.value.location, path: "profile",
            zh: "未知的版式“\(id)”。\(hint)可用：\(known.joined(separator: "、"))（或在 Profiles/\(id).json 中定义）。",
            en: "unknown profile '\(id)'. Known: \(known.joined(separator: ", ")) (or define Profiles/\(id).json).", actual: id))
        return nil
    }

    private func loadUnit(id: String, siteProfile: ReportProfile?, profiles: [String: ReportProfile], state: inout State) -> (UnitInfo?, [Report]) {
        let unitNode = document(at: contentPath(unit: id, file: "unit.yaml"), required: true, schema: .unit, year: nil, state: &state)
        let profile = chosenProfile(unitNode, file: "unit.yaml", profiles: profiles, state: &state) ?? siteProfile
        var years: [Int] = []
        for name in listing(root.appendingPathComponent(id), state: &state) where !name.hasPrefix(".") {
            let rel = "\(id)/\(name)"
            if name == "unit.yaml" { continue }
            if ContentLinks.isLink(root.appendingPathComponent(rel)) && isDirectory(root.appendingPathComponent(rel)) {
                state.diagnostics.append(ContentLinks.diagnostic(contentPath(unit: id, file: name)))
                continue
            }
            guard isDirectory(root.appendingPathComponent(rel)) else {
                state.diagnostics.append(.warning(.unknownFile, at: .file(contentPath(unit: id, file: name)),
                    zh: "单位文件夹中的文件“\(name)”不会被使用。", en: "file '\(name)' in the unit folder is not used."))
                continue
            }
            guard name.count == 4, let year = Int(name), (1990...2100).contains(year) else {
                state.diagnostics.append(.error(.yearMismatch, at: .file(contentPath(unit: id, file: name)),
                    zh: "报告文件夹名应为四位年份（如 2023），而不是“\(name)”。",
                    en: "report folders are named by their four-digit year (e.g. 2023), not '\(name)'."))
                continue
            }
            years.append(year)
        }
        // Reports are independent: read and validate them in parallel, then merge in year order.
        let folders = years
        var loaded = [(report: Report?, state: State)?](repeating: nil, count: folders.count)
        loaded.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: folders.count) { index in
                var own = State(sources: SourceStore(), diagnostics: [])
                let report = loadReport(unitID: id, folderYear: folders[index], profile: profile, state: &own)
                slots[index] = (report, own)
            }
        }
        var reports: [Report] = []
        for item in loaded {
            guard let item else { continue }
            state.diagnostics += item.state.diagnostics
            state.sources.merge(item.state.sources)
            if let report = item.report { reports.append(report) }
        }
        return (unitNode.map { ModelBuilder.unit($0, id: id) }, reports.sorted { $0.year < $1.year })
    }

    private func loadReport(unitID: String, folderYear: Int, profile chosen: ReportProfile?, state: inout State) -> Report? {
        let folder = contentPath(unit: unitID, year: folderYear)
        let files = listing(url(folder), state: &state)
        if files.filter({ !$0.hasPrefix(".") }).isEmpty {
            state.diagnostics.append(.error(.missingFile, at: .file(folder),
                zh: "报告文件夹是空的：至少需要 report.yaml、accounts.yaml 和 duties.md。",
                en: "the report folder is empty: it needs at least report.yaml, accounts.yaml and duties.md."))
            return nil
        }
        let reportNode = document(at: folder.appending("report.yaml"), required: true, schema: .report, year: folderYear, state: &state)
        if let reportNode, let yearEntry = reportNode.entry("year"), let declared = yearEntry.value.scalar.flatMap({ Int($0.text) }),
           declared != folderYear {
            state.diagnostics.append(.error(.yearMismatch, at: yearEntry.value.location, path: "year",
                zh: "report.yaml 中的年度 \(declared) 与文件夹名 \(folderYear) 不一致。",
                en: "report.yaml declares year \(declared) but the folder is \(folderYear).",
                expected: String(folderYear), actual: String(declared)))
        }
        if let reportNode, let tables = reportNode.entry("tables"), let id = tables.value.scalar?.text,
           TableSet.bundled[id] == nil {
            let known = TableSet.bundled.keys.sorted()
            let hint = Suggestions.closest(to: id, in: known).map { "是否应为“\($0)”？" } ?? ""
            state.diagnostics.append(.error(.unknownTableSet, at: tables.value.location, path: "tables",
                zh: "未知的附表套表“\(id)”。\(hint)可用：\(known.joined(separator: "、"))。",
                en: "unknown table set '\(id)'. Known: \(known.joined(separator: ", ")).", actual: id))
        }
        let accountsNode = document(at: folder.appending("accounts.yaml"), required: true, schema: .accounts, year: folderYear, state: &state)
        let performanceNode = document(at: folder.appending("performance.yaml"), required: false, schema: .performance, year: folderYear, state: &state)
        let glossaryNode = document(at: folder.appending("glossary.yaml"), required: false, schema: .glossary, year: folderYear, state: &state)
        // import.yaml is read by `disclose import` only; checked here so that a mistake in it is found.
        _ = document(at: folder.appending("import.yaml"), required: false, schema: .importRecord, year: folderYear, state: &state)
        let narrative = loadNarrative(folder: folder, files: files, state: &state)
        if let id = reportNode?["tables"]?.scalar?.text, TableSet.bundled[id] != nil {
            // The profile and its table set decide what is required: a field its reports do not publish may be left out.
            let profile = chosen ?? ReportProfile.standard(tableSet: id, year: folderYear)
            state.diagnostics.removeAll { d in
                d.rule == .missingField && d.location.source.isInReport(unit: unitID, year: folderYear) && profile.mayOmit(d.path, tableSet: id)
            }
        }
        guard let reportNode, let accountsNode else { return nil }
        var report = ModelBuilder.report(unitID: unitID, folder: folder.display, report: reportNode, accounts: accountsNode,
                                         performance: performanceNode, glossary: glossaryNode, narrative: narrative)
        report.chosenProfile = chosen
        state.diagnostics += vehicleCategoryWarnings(report, accounts: accountsNode, folder: folder)
        return report
    }

    /// The 公务用车 categories (assets.vehicles[].type) are the report profile's, so that a site's own
    /// profile can add one. A category the profile does not list but another province uses is most likely
    /// that province's spelling (PROFILE-VEHICLE, a warning); one that no profile and no national rule
    /// knows is refused (SCHEMA-ENUM, as the schema would). A profile listing no categories accepts the
    /// national ones.
    private func vehicleCategoryWarnings(_ report: Report, accounts: Node, folder: ContentPath) -> [Diagnostic] {
        let profile = report.profile
        guard let list = accounts["assets"]?["vehicles"]?.items else { return [] }
        let accepted = profile.vehicleCategories.isEmpty ? ContentSchemas.vehicleUses : profile.vehicleCategories
        var out: [Diagnostic] = []
        for (index, item) in list.enumerated() {
            guard let type = item.entry("type"), let name = type.value.scalar?.text, !name.isEmpty,
                  !accepted.contains(name) else { continue }
            let path = "assets.vehicles[\(index)].type"
            if ContentSchemas.vehicleUses.contains(name) {
                out.append(.warning(.vehicleCategory, at: type.value.location, path: path,
                    zh: "车辆类别“\(name)”不在版式“\(profile.id)”的类别中（\(accepted.joined(separator: "、"))）。",
                    en: "vehicle category '\(name)' is not one of profile '\(profile.id)': \(accepted.joined(separator: ", ")).",
                    expected: accepted.joined(separator: "、"), actual: name))
            } else {
                let hint = Suggestions.closest(to: name, in: accepted)
                out.append(.error(.notAllowed, at: type.value.location, path: path,
                    zh: "“\(name)”不是版式“\(profile.id)”的车辆类别（可选：\(accepted.joined(separator: "、"))）" + (hint.map { "，是否应为“\($0)”？" } ?? "。"),
                    en: "'\(name)' is not a vehicle category of profile '\(profile.id)' (choose one of: \(accepted.joined(separator: ", ")))" + (hint.map { "; did you mean '\($0)'?" } ?? "."),
                    expected: accepted.joined(separator: "、"), actual: name))
            }
        }
        return out
    }

    private func loadNarrative(folder: ContentPath, files: [String], state: inout State) -> Narrative {
        var narrative = Narrative.empty
        let known = Set(ContentFile.reportFiles.map(\.rawValue) + Self.narrativeFiles + ["paragraphs", "project-reports"])
        for name in files where !name.hasPrefix(".") && !known.contains(name) {
            let suggestion = Suggestions.closest(to: name, in: Array(known).sorted())
            state.diagnostics.append(.warning(.unknownFile, at: .file(folder.appending(name)),
                zh: "报告文件夹中的“\(name)”不是已知的文件，不会被使用。\(suggestion.map { "是否应为“\($0)”？" } ?? "")",
                en: "'\(name)' is not a known report file and is not used.\(suggestion.map { " Did you mean '\($0)'?" } ?? "")"))
        }
        func markdown(_ shown: ContentPath) -> Narrative.Document? {
            let url = self.url(shown)
            if escapes(url) {
                state.diagnostics.append(symlinkDiagnostic(shown))
                return nil
            }
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            switch SourceText.read(url, display: shown) {
            case .success(let text):
                state.sources.add(shown, text: text)
                if text.utf8.count > Self.narrativeByteLimit {
                    state.diagnostics.append(.error(.unreadable, at: .file(shown),
                        zh: "说明文件过大（\(text.utf8.count / 1024) KB）；一篇说明不应超过 \(Self.narrativeByteLimit / 1024) KB，请检查是否粘贴了多余的内容。",
                        en: "narrative file too large (\(text.utf8.count / 1024) KB); a narrative is at most \(Self.narrativeByteLimit / 1024) KB."))
                    return nil
                }
                state.diagnostics += MarkdownRenderer.lint(text, file: shown)
                state.diagnostics += Self.placeholders(in: text, file: shown)
                return Narrative.Document(markdown: text, file: shown)
            case .failure(.diagnostic(let d)):
                state.diagnostics.append(d)
                return nil
            }
        }
        let duties = folder.appending("duties.md")
        narrative.duties = markdown(duties)
        if narrative.duties == nil, !FileManager.default.fileExists(atPath: url(duties).path), !escapes(url(duties)) {
            state.diagnostics.append(.error(.missingFile, at: .file(duties),
                zh: "缺少 duties.md（第一部分 主要职能）。", en: "missing duties.md (Part 1, main duties)."))
        }
        narrative.achievements = markdown(folder.appending("achievements.md"))
        narrative.organization = markdown(folder.appending("organization.md"))
        narrative.performanceReport = markdown(folder.appending("performance-report.md"))
        // Attached project self-evaluation reports, with or without a self-evaluation table in performance.yaml.
        let projectReports = folder.appending("project-reports")
        if isDirectory(url(projectReports)) {
            for name in listing(url(projectReports), state: &state).sorted() where !name.hasPrefix(".") {
                guard name.hasSuffix(".md") else {
                    state.diagnostics.append(.warning(.unknownFile, at: .file(projectReports.appending(name)),
                        zh: "project-reports 中只放项目自评报告的 Markdown 文件（.md），“\(name)”不会被使用。",
                        en: "project-reports holds Markdown (.md) project reports; '\(name)' is not used."))
                    continue
                }
                if let doc = markdown(projectReports.appending(name)) { narrative.projectReports.append(doc) }
            }
        }
        let paragraphs = folder.appending("paragraphs")
        if ContentLinks.isLink(url(paragraphs)) {
            state.diagnostics.append(ContentLinks.diagnostic(paragraphs))
        } else if isDirectory(url(paragraphs)) {
            let slots = ParagraphSlot.allCases.map { "\($0.rawValue).md" }
            for name in listing(url(paragraphs), state: &state) where !name.hasPrefix(".") {
                guard let slot = ParagraphSlot(rawValue: String(name.dropLast(3))), name.hasSuffix(".md") else {
                    let suggestion = Suggestions.closest(to: name, in: slots)
                    state.diagnostics.append(.error(.unknownFile, at: .file(paragraphs.appending(name)),
                        zh: "“\(name)”不是可替换的段落名。\(suggestion.map { "是否应为“\($0)”？" } ?? "")可用：\(slots.joined(separator: "、"))。",
                        en: "'\(name)' is not a replaceable paragraph.\(suggestion.map { " Did you mean '\($0)'?" } ?? "")"))
                    continue
                }
                narrative.paragraphs[slot] = markdown(paragraphs.appending(name))
            }
        }
        return narrative
    }

    // MARK: Files

    private struct State {
        var sources: SourceStore
        var diagnostics: [Diagnostic]
    }

    /// A path in the content folder as data; shown as `displayRoot/unit/year/file`.
    private func contentPath(unit: String? = nil, year: Int? = nil, file: String = "") -> ContentPath {
        ContentPath(root: displayRoot, unit: unit, year: year, file: file)
    }

    private func url(_ path: ContentPath) -> URL { root.appendingPathComponent(path.relative ?? "") }

    /// A symbolic link whose target lies outside the content folder: its text must not be published.
    private func escapes(_ url: URL) -> Bool {
        let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
        guard type == .typeSymbolicLink else { return false }
        let target = url.resolvingSymlinksInPath().path
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        return !(target == base || target.hasPrefix(base + "/"))
    }

    private func symlinkDiagnostic(_ shown: ContentPath) -> Diagnostic {
        .error("FILE-SYMLINK", at: .file(shown),
               zh: "这是指向内容目录以外的符号链接，出于安全考虑不会读取；请把文件本身放进内容目录。",
               en: "a symbolic link to outside the content folder is not read, for safety; put the file itself in the content folder.")
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    private func listing(_ url: URL, state: inout State) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            state.diagnostics.append(.error(.unreadable, at: .file(url.path),
                zh: "无法读取文件夹：\(error.localizedDescription)", en: "cannot read the folder: \(error.localizedDescription)"))
            return []
        }
    }

    /// Reads, parses and validates one YAML file; nil when it is missing or unusable.
    private func document(at shown: ContentPath, required: Bool, schema: ContentFile, year: Int?, state: inout State) -> Node? {
        let url = self.url(shown)
        if escapes(url) {
            state.diagnostics.append(symlinkDiagnostic(shown))
            return nil
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required {
                state.diagnostics.append(.error(.missingFile, at: .file(shown),
                    zh: "缺少必需的文件 \(schema.rawValue)。", en: "missing required file \(schema.rawValue)."))
            }
            return nil
        }
        let text: String
        switch SourceText.read(url, display: shown) {
        case .success(let t): text = t
        case .failure(.diagnostic(let d)):
            state.diagnostics.append(d)
            return nil
        }
        state.sources.add(shown, text: text)
        let (node, syntax) = YAMLDocument.parse(text, file: shown)
        state.diagnostics += syntax
        guard let node else { return nil }
        if node.isNull || (node.entries?.isEmpty ?? false) && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            state.diagnostics.append(.error(.missingField, at: SourceLocation(file: shown, line: 1, column: 1),
                zh: "文件 \(schema.rawValue) 是空的。", en: "\(schema.rawValue) is empty."))
            return nil
        }
        state.diagnostics += SchemaValidator(codes: codes, year: year).validate(node, against: schema.schema, file: shown)
        return node
    }
}
