import DiscloseCore
import Foundation

/// `disclose import`: reads 附表 from a workbook, a CSV file or a folder of CSV files and writes their
/// figures into a report's accounts.yaml, editing the text so that comments and everything else stay.
/// The narrative and the other files are not touched. Creates the report first (as `disclose new`
/// does) when it does not exist yet.
public enum ReportImport {
    public struct Outcome: Sendable {
        public var plan: ImportPlan
        /// accounts.yaml as shown to the user, and whether it changed.
        public var file: String
        public var changed: Bool
        /// Files `disclose new` created because the report did not exist.
        public var created: [String]
        public var removed: [String]
        /// The check of the content tree after the import (nil on a dry run).
        public var check: Checker.Result?
        /// Nothing was written: what is reported is what an import would do.
        public var dryRun = false
        /// unit.yaml fields that were empty and were filled from the workbook ("name = …").
        public var filled: [String] = []
    }

    public enum Failure: Error, Sendable, Equatable {
        /// `--unit` names no unit folder; the closest existing ids.
        case unknownUnit(String, [String])
        case unreadable(String, String)
        case nothingRecognised(String)
        case create(ReportCreator.Failure)
        case yaml(String, String)
        case io(String)

        public func message(_ language: Language) -> String {
            switch self {
            case .unknownUnit(let id, let close):
                let hint = close.isEmpty ? "" : (language == .zh ? "是否应为 \(close.joined(separator: "、"))？" : " Did you mean \(close.joined(separator: ", "))?")
                return language == .zh ? "没有单位“\(id)”。\(hint)要新建这个单位，请加上 --new-unit（或先运行 disclose new \(id) --year 年度）。"
                    : "there is no unit '\(id)'.\(hint) To create it, add --new-unit (or run disclose new \(id) --year YEAR first)."
            case .unreadable(let path, let why):
                return language == .zh ? "无法读取 \(path)：\(why)" : "cannot read \(path): \(why)"
            case .nothingRecognised(let path):
                return language == .zh ? "\(path) 中没有识别出任何附表（表格前几行应有附表标题，如“收入支出决算总表”）。"
                    : "no 附表 recognised in \(path) (a table's first rows should hold its title, e.g. 收入支出决算总表)."
            case .create(let failure):
                return failure.message(language)
            case .yaml(let file, let why):
                return language == .zh ? "无法更新 \(file)：\(why)。请先修正该文件（disclose check 会指出位置）。"
                    : "cannot update \(file): \(why). Fix the file first (disclose check shows where)."
            case .io(let why):
                return language == .zh ? "写入失败：\(why)" : "cannot write: \(why)"
            }
        }
    }

    /// The sheets of an .xlsx file, a .csv file, or every .csv file of a folder (sorted by name).
    public static func sheets(at url: URL) throws -> [ImportSheet] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Failure.unreadable(url.path, "文件不存在 / no such file")
        }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return try names.filter { $0.lowercased().hasSuffix(".csv") || $0.lowercased().hasSuffix(".xlsx") }.sorted().flatMap {
                try sheets(at: url.appendingPathComponent($0))
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Failure.unreadable(url.path, "无法打开 / cannot open") }
        if url.pathExtension.lowercased() == "csv" {
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .init(rawValue: 0x8000_0632)) else {
                throw Failure.unreadable(url.path, "不是 UTF-8 或 GB18030 编码的文本 / not UTF-8 or GB18030 text")
            }
            do {
                return [try ImportSheet.readCSV(name: url.lastPathComponent, text: text)]
            } catch let tooLarge as ImportSheet.TooLarge {
                throw Failure.unreadable(url.path, tooLarge.message)
            }
        }
        if url.pathExtension.lowercased() == "xls" {
            throw Failure.unreadable(url.path, "这是旧版 Excel 97-2003 格式，请在 Excel 或 WPS 中“另存为”.xlsx 后再导入 / old .xls format: save it as .xlsx first")
        }
        do {
            return ImportSheet.sheets(of: try XLSXWorkbook(data: data))
        } catch let failure as XLSXWorkbook.Failure {
            throw Failure.unreadable(url.path, failure.message)
        } catch {
            throw Failure.unreadable(url.path, "不是 Excel 工作簿（.xlsx） / not an .xlsx workbook (\(error))")
        }
    }

    public static func run(input: URL, content: URL, displayRoot: String? = nil, unitID: String, year: Int,
                           dryRun: Bool = false, newUnit: Bool = false) throws -> Outcome {
        // A mistyped --unit must not create a second unit.
        let unitFolder = content.appendingPathComponent(unitID)
        if !newUnit && !FileManager.default.fileExists(atPath: unitFolder.appendingPathComponent("unit.yaml").path) {
            let units = ((try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []).filter {
                FileManager.default.fileExists(atPath: content.appendingPathComponent($0).appendingPathComponent("unit.yaml").path)
            }.sorted()
            throw Failure.unknownUnit(unitID, Suggestions.closest(to: unitID, in: units).map { [$0] } ?? [])
        }
        let shown = displayRoot ?? content.path
        if let linked = ContentLinks.linkedFolder(under: content, "\(unitID)/\(year)") {
            throw Failure.io(ContentLinks.refusal("\(shown)/\(linked)"))
        }
        let sheets = try sheets(at: input)
        let folder = content.appendingPathComponent(unitID).appendingPathComponent(String(year))
        var created: [String] = []
        if !FileManager.default.fileExists(atPath: folder.path) {
            if dryRun {
                created = ["\(unitID)/\(year)/"]
            } else {
                switch ReportCreator.create(content: content, unitID: unitID, year: year, displayRoot: displayRoot) {
                case .success(let result): created = result.files
                case .failure(let failure): throw Failure.create(failure)
                }
            }
        }
        let accountsURL = folder.appendingPathComponent("accounts.yaml")
        let file = "\(shown)/\(unitID)/\(year)/accounts.yaml"
        let text = (try? String(contentsOf: accountsURL, encoding: .utf8)) ?? ""
        let reportText = (try? String(contentsOf: folder.appendingPathComponent("report.yaml"), encoding: .utf8)) ?? ""
        let unit = moneyUnit(in: text) ?? moneyUnit(in: reportText) ?? .wanYuan
        let unitText = (try? String(contentsOf: content.appendingPathComponent(unitID).appendingPathComponent("unit.yaml"), encoding: .utf8)) ?? ""
        let unitName = YAMLDocument.parse(unitText, file: "unit.yaml").0?["name"]?.scalar?.text

        let decisionsText = (try? String(contentsOf: folder.appendingPathComponent("import.yaml"), encoding: .utf8)) ?? ""
        let decisions = ImportDecisions.parse(decisionsText)
        var plan = TableImporter(unit: unit, unitName: unitName, decisions: decisions).plan(for: sheets)
        guard !plan.tables.isEmpty else { throw Failure.nothingRecognised(input.path) }
        let accountsPath = ContentPath(root: shown, unit: unitID, year: year, file: "accounts.yaml")
        let existing = YAMLDocument.parse(text, file: accountsPath).0
        plan.keepRecordedStated(in: existing)
        plan.honourKept(decisions, in: existing)

        var editor: YAMLTextEditor
        do { editor = try YAMLTextEditor(text: text, file: file) } catch { throw Failure.yaml(file, "\(error)") }
        var removed: [String] = []
        let changes = plan.pruned(against: YAMLDocument.parse(text, file: accountsPath).0)
        do {
            for scalar in changes.scalars { try editor.setScalar(at: scalar.path, to: scalar.value) }
            for list in changes.lists {
                let change = try editor.mergeList(at: list.path, items: list.items.map(\.fields), identity: list.identity,
                                                  defaults: list.defaults, scalarItemKey: list.scalarItemKey, preferFlow: list.preferFlow)
                removed += change.removed.map { "\(list.path.joined(separator: ".")) \($0)" }
            }
        } catch {
            throw Failure.yaml(file, "\(error)")
        }
        let changed = editor.text != text
        if changed && !dryRun {
            do { try Data(editor.text.utf8).write(to: accountsURL, options: .atomic) } catch { throw Failure.io("\(file): \(error)") }
        }
        let filled = try fillUnit(content: content, unitID: unitID, from: plan, dryRun: dryRun)
        let check = dryRun ? nil : Checker.check(content: content, displayRoot: displayRoot)
        return Outcome(plan: plan, file: file, changed: changed, created: created, removed: removed, check: check, dryRun: dryRun,
                       filled: filled)
    }

    /// unit.yaml's empty 单位全称 takes the workbook's 编制单位 (a filled one is never changed).
    static func fillUnit(content: URL, unitID: String, from plan: ImportPlan, dryRun: Bool) throws -> [String] {
        guard let preparer = plan.preparer else { return [] }
        let url = content.appendingPathComponent(unitID).appendingPathComponent("unit.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8), let root = YAMLDocument.parse(text, file: "unit.yaml").0 else { return [] }
        if let name = root["name"]?.scalar, !name.isNull, !name.text.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        guard var editor = try? YAMLTextEditor(text: text, file: "unit.yaml") else { return [] }
        do { try editor.setScalar(at: ["name"], to: "\"" + preparer.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"") } catch { return [] }
        if !dryRun {
            do { try Data(editor.text.utf8).write(to: url, options: .atomic) } catch { throw Failure.io("\(unitID)/unit.yaml: \(error)") }
        }
        return ["name = \(preparer.name)（取自工作表“\(preparer.cell)”的编制单位）"]
    }

    /// "共导入 N 个数字，跨表比较 M 个，K 处不一致，J 个未导入。"
    public static func countsLine(_ plan: ImportPlan, language: Language) -> String {
        let imported = plan.count("imported"), compared = plan.count("compared"), unplaced = plan.count("unplaced")
        let differences = plan.notices.filter { $0.kind == .conflict }.count
        return language == .zh
            ? "共导入 \(imported) 个数字，比较 \(compared) 个（合计与跨表），\(differences) 处不一致，\(unplaced) 个未导入。"
            : "\(imported) figures imported, \(compared) compared (totals and across sheets), \(differences) differences, \(unplaced) not placed."
    }

    /// The top-level `unit:` of a YAML file.
    static func moneyUnit(in text: String) -> MoneyUnit? {
        guard let root = YAMLDocument.parse(text, file: "").0, let raw = root["unit"]?.scalar?.text else { return nil }
        return MoneyUnit(rawValue: raw)
    }

    /// What was taken from where, what could not be placed: the import's report for the terminal.
    public static func summary(_ outcome: Outcome, language: Language) -> String {
        let zh = language == .zh
        var lines: [String] = []
        for file in outcome.created {
            lines.append(outcome.dryRun ? (zh ? "将新建 \(file)" : "would create \(file)") : (zh ? "已新建 \(file)" : "created \(file)"))
        }
        let empty = outcome.plan.emptyTables
        for table in outcome.plan.tables {
            let mark = empty.contains(table.sheet) ? (zh ? "（空表）" : " (empty)") : ""
            lines.append(zh ? "工作表“\(table.sheet)” → \(table.title)\(mark)" : "sheet '\(table.sheet)' → \(table.title)\(mark)")
        }
        if !outcome.plan.skipped.isEmpty {
            lines.append(zh ? "工作表“\(outcome.plan.skipped.joined(separator: "”“"))”不是附表，其中没有数字，未读取。"
                            : "sheets '\(outcome.plan.skipped.joined(separator: "', '"))' are no 附表 and hold no figures; not read.")
        }
        lines.append("")
        for scalar in outcome.plan.scalars {
            lines.append("  \(scalar.path.joined(separator: ".")) = \(scalar.value)    ← \(scalar.sources.joined(separator: ", "))")
        }
        for list in outcome.plan.lists where !list.items.isEmpty {
            lines.append(zh ? "  \(list.path.joined(separator: "."))（\(list.items.count) 项）：" : "  \(list.path.joined(separator: ".")) (\(list.items.count) items):")
            for item in list.items {
                let values = item.fields.filter { !list.identity.contains($0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                lines.append("    \(item.title)\(values.isEmpty ? "" : "：\(values)")    ← \(item.sources.joined(separator: ", "))")
            }
        }
        for line in outcome.removed { lines.append(zh ? "  已删除表中没有的 \(line)" : "  removed \(line) (not in the tables)") }
        for line in outcome.filled { lines.append(zh ? "  unit.yaml 原来为空，已填写 \(line)" : "  unit.yaml was empty: filled \(line)") }
        if !outcome.plan.kept.isEmpty {
            lines.append("")
            lines.append(zh ? "按 import.yaml 的决定：" : "As import.yaml decides:")
            for message in outcome.plan.kept { lines.append("  \(message.text(language))") }
        }
        if !outcome.plan.notices.isEmpty {
            lines.append("")
            lines.append(zh ? "需要注意：" : "Please note:")
            // Grouped by sheet, in the order the sheets were read.
            let order = outcome.plan.tables.map(\.sheet)
            let sheetOf = { (place: String) in String(place.split(separator: "!", maxSplits: 1).first ?? "") }
            let groups = Dictionary(grouping: outcome.plan.notices, by: { sheetOf($0.place) })
            for sheet in groups.keys.sorted(by: { (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1) }) {
                lines.append(zh ? "  工作表“\(sheet)”：" : "  sheet '\(sheet)':")
                for notice in groups[sheet]! {
                    let kind: String
                    switch notice.kind {
                    case .unplaced: kind = zh ? "未导入" : "not imported"
                    case .conflict: kind = zh ? "不一致" : "conflict"
                    case .assumption: kind = zh ? "说明" : "note"
                    }
                    let place = notice.place == sheet ? "" : "\(notice.place.dropFirst(sheet.count + 1))："
                    lines.append("    \(place)[\(kind)] \(notice.message.text(language))")
                }
            }
        }
        lines.append("")
        lines.append(countsLine(outcome.plan, language: language))
        lines.append("")
        if !outcome.changed {
            lines.append(zh ? "\(outcome.file) 无需改动。" : "\(outcome.file) is already up to date.")
        } else if outcome.dryRun {
            lines.append(zh ? "将更新 \(outcome.file)（注释和其他内容保持不变）。" : "would update \(outcome.file) (comments and everything else kept).")
        } else {
            lines.append(zh ? "已更新 \(outcome.file)（注释和其他内容保持不变）。" : "updated \(outcome.file) (comments and everything else kept).")
        }
        // Sheet names, titles and cells come from the workbook: none may act on the terminal.
        return lines.map { TerminalText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
