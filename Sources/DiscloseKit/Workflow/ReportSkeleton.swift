import DiscloseCore
import Foundation

/// Blank content files written from the schema: every field present, each with a comment saying
/// what it holds, values left empty so `disclose check` lists what remains to fill.
public enum ReportSkeleton {
    /// Values known before anything is typed (year, kind, table set, unit), by dotted path.
    public typealias Presets = [String: String]

    /// - Parameters:
    ///   - notes: extra words for the comment of a field, by dotted path (where a carried value came from).
    ///   - header: extra comment lines under the standard header.
    ///   - omitted: fields the report's profile does not publish (dotted paths without list indexes): left out.
    public static func yaml(for file: ContentFile, title: String, presets: Presets = [:],
                            notes: [String: String] = [:], header: [String] = [], omitted: Set<String> = []) -> String {
        var lines = [
            "# \(title) —— \(file.rawValue)（\(file.schema.label)）",
            "# 由 disclose new 生成的模板：每项后面的注释说明要填什么，“必填”项不能留空。",
            "# 留空的项目 disclose check 会逐项列出；不适用的可选项可以整行删除。",
        ] + header.map { "# \($0)" } + [""]
        emit(file.schema, indent: 0, path: "", presets: presets, notes: notes, omitted: omitted, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The required duties.md of a blank report: one line saying what belongs there, reported by
    /// the check until the office replaces it.
    public static let dutiesPlaceholder = "（待填写：第一部分 主要职能。）\n"

    /// The line a carried-over or blank narrative starts with until someone reviews it.
    public static let placeholderPrefix = "（待填写："

    /// Last year's narrative, with a first line asking for review (reported by the check until removed).
    public static func carriedMarkdown(_ text: String, fromYear: Int) -> String {
        "\(placeholderPrefix)以下文字从 \(fromYear) 年度报告结转，请逐句核对、按本年度情况改写后删除本行。）\n\n" + text
    }

    private static func emit(_ schema: ObjectSchema, indent: Int, path: String, presets: Presets,
                             notes: [String: String], omitted: Set<String>, into lines: inout [String], firstPrefix: String? = nil) {
        let fields = schema.fields.filter { !omitted.contains(path.isEmpty ? $0.name : "\(path).\($0.name)") }
        for (index, field) in fields.enumerated() {
            let pad = String(repeating: " ", count: indent)
            let lead = index == 0 && firstPrefix != nil ? firstPrefix! : pad
            let childPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            let comment = describe(field) + (notes[childPath].map { "；\($0)" } ?? "")
            switch field.type {
            case .object(let inner):
                lines.append(aligned("\(lead)\(field.name):", comment))
                emit(inner, indent: indent + 2, path: childPath, presets: presets, notes: notes, omitted: omitted, into: &lines)
            case .list(.object(let inner), _):
                lines.append(aligned("\(lead)\(field.name):", comment + "；可重复多项，每项以“- ”开头"))
                let itemPad = String(repeating: " ", count: indent + 2)
                emit(inner, indent: indent + 4, path: childPath, presets: presets, notes: notes, omitted: omitted, into: &lines,
                     firstPrefix: itemPad + "- ")
            default:
                let value = presets[childPath].map { " \($0)" } ?? ""
                lines.append(aligned("\(lead)\(field.name):\(value)", comment))
            }
        }
    }

    private static func aligned(_ text: String, _ comment: String) -> String {
        // Han characters take two columns in an editor; pad by display width so comments line up.
        let width = DiagnosticRenderer.displayWidth(text)
        return text + String(repeating: " ", count: max(2, 32 - width)) + "# " + comment
    }

    private static func describe(_ field: Field) -> String {
        var parts = [field.label]
        if field.required { parts.append("必填") }
        if let hint = hint(field.type) { parts.append(hint) }
        var text = parts.joined(separator: "；")
        if let help = field.help { text += "。\(help)" }
        return text
    }

    private static func hint(_ type: SchemaType) -> String? {
        switch type {
        case .object: return nil
        case .list(.object, _): return nil
        case .list: return "列表，每项一行，以“- ”开头"
        case .amount(let negative): return negative ? "金额，可为负数" : "金额"
        case .percent: return "百分数的数值，如 12.5 表示 12.5%"
        case .count: return "整数"
        case .score: return "分值，最多两位小数"
        case .year: return "四位年份"
        case .text: return "文字"
        case .markdown: return "文字，可用 Markdown 行内格式"
        case .choice(let words): return "可选：" + words.joined(separator: " / ")
        case .code(.functional): return "支出功能分类科目编码（类 3 位、款 5 位、项 7 位），写在引号内"
        case .code(.economic): return "支出经济分类科目编码（类 3 位、款 5 位），写在引号内"
        case .date: return "日期，写作 YYYY-MM-DD"
        case .url: return "网址，以 http:// 或 https:// 开头"
        case .boolean: return "true（是）或 false（否）"
        case .oneOf(let types): return types.compactMap(hint).joined(separator: "，或")
        }
    }
}
