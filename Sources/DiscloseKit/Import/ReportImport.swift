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
    }

    public enum Failure: Error, Sendable, Equatable {
        case unreadable(String, String)
        case nothingRecognised(String)
        case create(ReportCreator.Failure)
        case yaml(String, String)
        case io(String)

        public func message(_ language: Language) -> String {
            switch self {
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
                           dryRun: Bool = false) throws -> Outcome {
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

        let plan = TableImporter(unit: unit, unitName: unitName).plan(for: sheets)
        guard !plan.tables.isEmpty else { throw Failure.nothingRecognised(input.path) }

        var editor: YAMLTextEditor
        do { editor = try YAMLTextEditor(text: text, file: file) } catch { throw Failure.yaml(file, "\(error)") }
        var removed: [String] = []
        let changes = plan.pruned(against: YAMLDocument.parse(text, file: file).0)
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
        let check = dryRun ? nil : Checker.check(content: content, displayRoot: displayRoot)
        return Outcome(plan: plan, file: file, changed: changed, created: created, removed: removed, check: check, dryRun: dryRun)
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
        for table in outcome.plan.tables { lines.append(zh ? "工作表“\(table.sheet)” → \(table.title)" : "sheet '\(table.sheet)' → \(table.title)") }
        lines.append("")
        for scalar in outcome.plan.scalars {
            lines.append("  \(scalar.path.joined(separator: ".")) = \(scalar.value)    ← \(scalar.sources.joined(separator: ", "))")
        }
        for list in outcome.plan.lists {
            lines.append(zh ? "  \(list.path.joined(separator: "."))（\(list.items.count) 项）：" : "  \(list.path.joined(separator: ".")) (\(list.items.count) items):")
            for item in list.items {
                let values = item.fields.dropFirst(list.identity.count).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                lines.append("    \(item.title)\(values.isEmpty ? "" : "：\(values)")    ← \(item.sources.joined(separator: ", "))")
            }
        }
        for line in outcome.removed { lines.append(zh ? "  已删除表中没有的 \(line)" : "  removed \(line) (not in the tables)") }
        if !outcome.plan.notices.isEmpty {
            lines.append("")
            lines.append(zh ? "需要注意：" : "Please note:")
            for notice in outcome.plan.notices {
                let kind: String
                switch notice.kind {
                case .unplaced: kind = zh ? "未导入" : "not imported"
                case .conflict: kind = zh ? "不一致" : "conflict"
                case .assumption: kind = zh ? "说明" : "note"
                }
                lines.append("  \(notice.place)：[\(kind)] \(notice.message.text(language))")
            }
        }
        lines.append("")
        if !outcome.changed {
            lines.append(zh ? "\(outcome.file) 无需改动。" : "\(outcome.file) is already up to date.")
        } else if outcome.dryRun {
            lines.append(zh ? "将更新 \(outcome.file)（注释和其他内容保持不变）。" : "would update \(outcome.file) (comments and everything else kept).")
        } else {
            lines.append(zh ? "已更新 \(outcome.file)（注释和其他内容保持不变）。" : "updated \(outcome.file) (comments and everything else kept).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
