/// Checks a document tree against its schema: required fields, types, numbers, unknown keys,
/// duplicate keys and classification codes. Reconciliation (勾稽) comes later, on the model.
public struct SchemaValidator: Sendable {
    public let codes: CodeLists
    /// The report year, to pick the code-list edition (nil outside a report).
    public let year: Int?

    public init(codes: CodeLists = .bundled, year: Int?) {
        self.codes = codes
        self.year = year
    }

    public func validate(_ root: Node, against schema: ObjectSchema, file: ContentPath) -> [Diagnostic] {
        var out: [Diagnostic] = []
        validateObject(root, schema, path: "", owner: root.location, unit: .wanYuan, into: &out)
        return out
    }

    // MARK: Objects and lists

    private func validateObject(_ node: Node, _ schema: ObjectSchema, path: String, owner: SourceLocation,
                                unit outer: MoneyUnit, into out: inout [Diagnostic]) {
        // A `unit:` declared here holds for everything below.
        let unit = node["unit"]?.scalar.flatMap { MoneyUnit(rawValue: $0.text) } ?? outer
        guard let entries = node.entries else {
            out.append(typeError(node, path: path, expectedZh: "映射（键: 值）", expectedEn: "a mapping (key: value)"))
            return
        }
        var seen: [String: SourceLocation] = [:]
        var misspelt: Set<String> = []
        for entry in entries {
            let childPath = join(path, entry.key)
            if let first = seen[entry.key] {
                out.append(.error(.duplicateKey, at: entry.keyLocation, path: childPath,
                                  zh: "键“\(entry.key)”重复出现（第一次在第 \(first.line) 行）；请删除或合并其中一个。",
                                  en: "key '\(entry.key)' appears twice (first on line \(first.line)); remove or merge one."))
                continue
            }
            seen[entry.key] = entry.keyLocation
            guard let field = schema.field(named: entry.key) else {
                let diagnostic = unknownKey(entry, in: schema, path: childPath)
                if let suggested = diagnostic.expected { misspelt.insert(suggested) }
                out.append(diagnostic)
                continue
            }
            if entry.value.isNull {
                if field.required {
                    out.append(.error(.missingField, at: entry.keyLocation, path: childPath,
                                      zh: "“\(field.label)”（\(field.name)）未填写。",
                                      en: "'\(field.name)' (\(field.label)) is empty."))
                } else if !field.type.isObject {
                    // Written but left empty: a blank from `disclose new` still waiting for its figure.
                    out.append(.warning(.emptyField, at: entry.keyLocation, path: childPath,
                                        zh: "“\(field.label)”（\(field.name)）未填写；不适用请删除这一行。",
                                        en: "'\(field.name)' (\(field.label)) is empty; delete the line if it does not apply."))
                }
                continue
            }
            validate(entry.value, field.type, path: childPath, owner: entry.keyLocation, unit: unit, into: &out)
        }
        checkCodeName(entries, schema, path: path, into: &out)
        // A misspelt key already says what is missing; don't report it twice.
        for field in schema.fields where field.required && seen[field.name] == nil && !misspelt.contains(field.name) {
            out.append(.error(.missingField, at: owner, path: join(path, field.name),
                              zh: "缺少必填项“\(field.label)”（\(field.name)）。",
                              en: "missing required field '\(field.name)' (\(field.label))."))
        }
    }

    private func validate(_ node: Node, _ type: SchemaType, path: String, owner: SourceLocation,
                          unit: MoneyUnit, into out: inout [Diagnostic]) {
        switch type {
        case .object(let schema):
            validateObject(node, schema, path: path, owner: owner, unit: unit, into: &out)
        case .list(let element, let minItems):
            guard let items = node.items else {
                out.append(typeError(node, path: path, expectedZh: "列表（每项以“- ”开头）", expectedEn: "a list (items start with '- ')"))
                return
            }
            if items.count < minItems {
                out.append(.error(.missingField, at: node.location, path: path,
                                  zh: "列表至少需要 \(minItems) 项。", en: "the list needs at least \(minItems) item(s)."))
            }
            for (i, item) in items.enumerated() {
                validate(item, element, path: "\(path)[\(i)]", owner: item.location, unit: unit, into: &out)
            }
        case .oneOf(let options):
            let wantsMapping = node.entries != nil
            let match = options.first { option in
                if case .object = option { return wantsMapping }
                return !wantsMapping
            }
            if let match { validate(node, match, path: path, owner: owner, unit: unit, into: &out) }
            else { out.append(typeError(node, path: path, expectedZh: "编码或映射", expectedEn: "a code or a mapping")) }
        default:
            validateScalar(node, type, path: path, unit: unit, into: &out)
        }
    }

    // MARK: Scalars

    /// Amounts are exact to the 分: two decimals in 元, six in 万元 (a workbook in 元 converts exactly).
    public static func amountDecimals(_ unit: MoneyUnit) -> Int { unit == .yuan ? 2 : 6 }

    private func validateScalar(_ node: Node, _ type: SchemaType, path: String, unit: MoneyUnit, into out: inout [Diagnostic]) {
        guard let scalar = node.scalar else {
            out.append(typeError(node, path: path, expectedZh: expectedName(type).zh, expectedEn: expectedName(type).en))
            return
        }
        let text = scalar.text
        switch type {
        case .amount(let negativeAllowed):
            guard let value = number(node, scalar, path: path, into: &out) else { return }
            let decimals = Self.amountDecimals(unit)
            if value.normalized.scale > decimals {
                out.append(.error(.precision, at: node.location, path: path,
                                  zh: "金额“\(text)”比分还精确；以\(unit.rawValue)为单位的金额最多 \(decimals) 位小数（精确到分）。",
                                  en: "amount '\(text)' is finer than a 分; amounts in \(unit.rawValue) have at most \(decimals) decimals.",
                                  expected: value.rounded(to: decimals).description, actual: text))
            }
            if value.isNegative && !negativeAllowed {
                out.append(.error(.negative, at: node.location, path: path,
                                  zh: "此处金额不能为负数（\(text)）。", en: "this amount cannot be negative (\(text)).",
                                  actual: text))
            }
        case .percent:
            guard let value = number(node, scalar, path: path, into: &out) else { return }
            if value.normalized.scale > 4 {
                out.append(.error(.precision, at: node.location, path: path,
                                  zh: "百分比“\(text)”小数位过多（最多四位）。", en: "percentage '\(text)' has too many decimals (at most four)."))
            }
        case .score:
            guard let value = number(node, scalar, path: path, into: &out) else { return }
            if value.isNegative {
                out.append(.error(.negative, at: node.location, path: path, zh: "分值不能为负数。", en: "a score cannot be negative."))
            } else if value.normalized.scale > 2 {
                out.append(.error(.precision, at: node.location, path: path,
                                  zh: "分值最多两位小数。", en: "a score has at most two decimals."))
            }
        case .count:
            guard let value = number(node, scalar, path: path, into: &out) else { return }
            if value.normalized.scale > 0 || value.isNegative {
                out.append(.error(.wrongType, at: node.location, path: path,
                                  zh: "“\(text)”应为非负整数。", en: "'\(text)' should be a non-negative whole number."))
            }
        case .year:
            if scalar.style == .quoted, Int(text) != nil {
                out.append(.error(.wrongType, at: node.location, path: path,
                                  zh: "年份不要加引号：请写成 \(text)。", en: "write the year without quotes: \(text)."))
                return
            }
            guard scalar.style == .plain, let year = Int(text), (1990...2100).contains(year) else {
                out.append(.error(.wrongType, at: node.location, path: path,
                                  zh: "年度应为四位数字年份（如 2023），而不是“\(text)”。",
                                  en: "the year should be a four-digit year such as 2023, not '\(text)'."))
                return
            }
        case .text, .markdown:
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(.error(.missingField, at: node.location, path: path, zh: "内容为空。", en: "the text is empty."))
            }
        case .choice(let options):
            if !options.contains(text) {
                let hint = Suggestions.closest(to: text, in: options).map { "，是否应为“\($0)”？" } ?? "。"
                let hintEn = Suggestions.closest(to: text, in: options).map { "; did you mean '\($0)'?" } ?? "."
                out.append(.error(.notAllowed, at: node.location, path: path,
                                  zh: "“\(text)”不是可选值（可选：\(options.joined(separator: "、"))）\(hint)",
                                  en: "'\(text)' is not allowed (choose one of: \(options.joined(separator: ", ")))\(hintEn)",
                                  actual: text))
            }
        case .code(let kind):
            validateCode(node, text, kind: kind, path: path, into: &out)
        case .date:
            if !isDate(text) {
                out.append(.error(.wrongType, at: node.location, path: path,
                                  zh: "日期应写成 YYYY-MM-DD（如 2024-09-30），而不是“\(text)”。",
                                  en: "dates are written YYYY-MM-DD (e.g. 2024-09-30), not '\(text)'."))
            }
        case .url:
            if !(text.hasPrefix("https://") || text.hasPrefix("http://")) || text.contains(" ") || text.count < 10 {
                out.append(.error(.wrongType, at: node.location, path: path,
                                  zh: "网址应以 http:// 或 https:// 开头，且不含空格。", en: "the URL should start with http:// or https:// and contain no spaces."))
            }
        case .boolean:
            if !["true", "false"].contains(text) {
                out.append(.error(.wrongType, at: node.location, path: path,
                                  zh: "应为 true 或 false，而不是“\(text)”。", en: "should be true or false, not '\(text)'."))
            }
        case .object, .list, .oneOf:
            break
        }
    }

    /// Parses a plain YAML number; reports quoted numbers and common spreadsheet spellings with a hint.
    private func number(_ node: Node, _ scalar: Node.Scalar, path: String, into out: inout [Diagnostic]) -> DecimalNumber? {
        let text = scalar.text
        if case .success(let value) = DecimalNumber.parse(text) {
            if scalar.style == .quoted {
                out.append(.error(.wrongType, at: node.location, path: path,
                                  zh: "数字不要加引号：请写成 \(text)。", en: "write numbers without quotes: \(text)."))
                return nil
            }
            guard ContentNumberRange.contains(value) else {
                out.append(outOfRange(node, text, path: path))
                return nil
            }
            return value
        }
        if case .failure(.tooLarge) = DecimalNumber.parse(text) {
            out.append(outOfRange(node, text, path: path))
            return nil
        }
        out.append(.error(.malformedNumber, at: node.location, path: path,
                          zh: "“\(text)”不是有效的数字。\(NumberHints.zh(for: text))",
                          en: "'\(text)' is not a valid number. \(NumberHints.en(for: text))",
                          expected: NumberHints.repaired(text), actual: text))
        return nil
    }

    /// A number beyond `ContentNumberRange`: no report holds such a figure, and the arithmetic of the
    /// rules is only exact inside the range.
    private func outOfRange(_ node: Node, _ text: String, path: String) -> Diagnostic {
        let shown = text.count > 40 ? "\(text.prefix(20))…（\(text.count) 位）" : text
        return .error(.malformedNumber, at: node.location, path: path,
                      zh: "数字“\(shown)”超出范围：绝对值应小于 \(ContentNumberRange.boundText)（金额按所写单位，即小于一万亿万元）。请检查是否多写了数位。",
                      en: "'\(shown)' is out of range: its magnitude must be below \(ContentNumberRange.boundText) (in the unit written); check for extra digits.",
                      actual: shown)
    }

    private func validateCode(_ node: Node, _ text: String, kind: CodeKind, path: String, into out: inout [Diagnostic]) {
        let kindZh = kind == .functional ? "支出功能分类" : "经济分类"
        let kindEn = kind == .functional ? "functional" : "economic"
        let lengths = kind == .functional ? "3、5 或 7" : "3 或 5"
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            var hint = ""
            if let list = year.flatMap({ codes.list(kind, year: $0) }) {
                let named = list.codes(named: text)
                if named.count == 1 {
                    hint = "“\(text)”是科目名称，对应编码为 \(named[0].code)。"
                } else if named.count > 1 {
                    let examples = named.prefix(4).map { c in "\(c.code)（\(list.path(of: c.code).dropLast().map(\.name).joined(separator: "—"))）" }
                    hint = "“\(text)”是科目名称，有 \(named.count) 个科目用这个名称，如 \(examples.joined(separator: "、"))，请填写对应的编码。"
                }
            }
            out.append(.error(.unknownCode, at: node.location, path: path,
                              zh: "\(kindZh)科目编码应为 \(lengths) 位数字，而不是“\(text)”。\(hint)",
                              en: "a \(kindEn) code is \(kind == .functional ? "3, 5 or 7" : "3 or 5") digits, not '\(text)'.",
                              actual: text))
            return
        }
        guard let list = codes.list(kind, year: year ?? 9999) else { return }
        guard list.validLengths.contains(text.count) else {
            let other: CodeKind = kind == .functional ? .economic : .functional
            let otherList = codes.list(other, year: year ?? 9999)
            let looksOther = otherList?[text] != nil
            out.append(.error(looksOther ? .codeLevel : .unknownCode, at: node.location, path: path,
                              zh: "\(kindZh)科目编码应为 \(lengths) 位数字，“\(text)”有 \(text.count) 位\(looksOther ? "（这是\(other == .economic ? "经济" : "功能")分类编码）" : "")。",
                              en: "a \(kindEn) code has \(kind == .functional ? "3, 5 or 7" : "3 or 5") digits; '\(text)' has \(text.count).",
                              actual: text))
            return
        }
        guard list[text] != nil else {
            let other: CodeKind = kind == .functional ? .economic : .functional
            if let otherEntry = codes.list(other, year: year ?? 9999)?[text] {
                out.append(.error(.codeLevel, at: node.location, path: path,
                                  zh: "\(text) 是\(other == .economic ? "经济" : "支出功能")分类科目（\(otherEntry.name)），此处应填\(kindZh)科目编码。",
                                  en: "\(text) is a\(other == .economic ? "n economic" : " functional") code (\(otherEntry.name)); a \(kindEn) code belongs here.",
                                  actual: text))
                return
            }
            // A code added later is named by the first edition that has it; a withdrawn one by the last that had it.
            let others = codes.editions(containing: text, kind: kind, except: list.edition)
            if let elsewhere = others.first(where: { $0.edition > list.edition }) ?? others.last, let entry = elsewhere[text] {
                let named = entry.isNamed ? "（\(entry.name)）" : ""
                let later = elsewhere.edition > list.edition
                out.append(.error(.unknownCode, at: node.location, path: path,
                                  zh: "\(kindZh)科目编码 \(text)\(named)见于 \(elsewhere.edition) 年版《政府收支分类科目》，但不在本报告年度（\(year.map(String.init) ?? "?") 年）适用的 \(list.edition) 年版中\(later ? "：该科目是后来增设的" : "：该科目已调整或停用")，请按本年度科目填写。",
                                  en: "\(kindEn) code \(text) is in the \(elsewhere.edition) edition of the code list but not in the \(list.edition) edition that applies to this report's year\(later ? " (it was added later)" : " (it was changed or withdrawn)").",
                                  expected: nil, actual: text))
                return
            }
            let prefixMatches = list.entries.keys.filter { $0.count == text.count && $0.prefix(text.count - 2) == text.prefix(text.count - 2) }
            let nearest = Suggestions.closest(to: text, in: prefixMatches.sorted())
            let hintZh = nearest.map { "是否应为 \($0)（\(list[$0]!.name)）？" } ?? ""
            let hintEn = nearest.map { " Did you mean \($0)?" } ?? ""
            out.append(.error(.unknownCode, at: node.location, path: path,
                              zh: "\(kindZh)科目编码 \(text) 不在 \(list.edition) 年版《政府收支分类科目》编码表中。\(hintZh)",
                              en: "\(kindEn) code \(text) is not in the \(list.edition) edition of the code list.\(hintEn)",
                              actual: text))
            return
        }
    }

    /// A row that gives both `code` and `name`: the name must be the code list's.
    private func checkCodeName(_ entries: [Node.Entry], _ schema: ObjectSchema, path: String, into out: inout [Diagnostic]) {
        guard case .code(let kind)? = schema.field(named: "code")?.type,
              let code = entries.first(where: { $0.key == "code" })?.value.scalar?.text,
              let nameEntry = entries.first(where: { $0.key == "name" }), let name = nameEntry.value.scalar?.text,
              let entry = codes.list(kind, year: year ?? 9999)?[code], entry.isNamed, entry.name != name else { return }
        // The report's own tables may print a name of their own (“行政事业单位离退休”); it is kept as
        // printed, and the difference is worth a look, not an error.
        let official = entry.name
        out.append(.warning(.misnamedCode, at: nameEntry.value.location, path: join(path, "name"),
                            zh: "科目 \(code) 在编码表中的名称是“\(official)”，本报告印作“\(name)”；页面按报告所印名称显示。如为笔误请改正（名称也可以省略，系统会自动填写）。",
                            en: "code \(code) is named '\(official)' in the code list; the report prints '\(name)', which is shown as printed. Correct it if it is a slip (the name may be left out).",
                            expected: official, actual: name))
    }

    // MARK: Helpers

    private func unknownKey(_ entry: Node.Entry, in schema: ObjectSchema, path: String) -> Diagnostic {
        let suggestion = Suggestions.field(for: entry.key, in: schema)
        let zhHint = suggestion.map { "是否应为“\($0.name)”（\($0.label)）？" } ?? "可用的键：\(schema.fields.map(\.name).joined(separator: ", "))。"
        let enHint = suggestion.map { "did you mean '\($0.name)' (\($0.label))?" } ?? "known keys: \(schema.fields.map(\.name).joined(separator: ", "))."
        return .error(.unknownKey, at: entry.keyLocation, path: path,
                      zh: "未知的键“\(entry.key)”（\(schema.label)）；\(zhHint)",
                      en: "unknown key '\(entry.key)' in \(schema.label); \(enHint)",
                      expected: suggestion?.name, actual: entry.key)
    }

    private func typeError(_ node: Node, path: String, expectedZh: String, expectedEn: String) -> Diagnostic {
        .error(.wrongType, at: node.location, path: path,
               zh: "此处应为\(expectedZh)，实际是\(node.kindName.zh)。",
               en: "expected \(expectedEn), found \(node.kindName.en).")
    }

    private func expectedName(_ type: SchemaType) -> Message {
        switch type {
        case .amount: return Message(zh: "金额（数字）", en: "an amount (a number)")
        case .percent: return Message(zh: "百分比数字", en: "a percentage (a number)")
        case .count: return Message(zh: "整数", en: "a whole number")
        case .score: return Message(zh: "分值（数字）", en: "a score (a number)")
        case .year: return Message(zh: "年份", en: "a year")
        case .code: return Message(zh: "科目编码", en: "a classification code")
        case .date: return Message(zh: "日期", en: "a date")
        case .boolean: return Message(zh: "true 或 false", en: "true or false")
        case .choice: return Message(zh: "一个可选值", en: "one of the allowed values")
        default: return Message(zh: "文字", en: "text")
        }
    }

    private func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(m) && d >= 1 && d <= days[m - 1]
    }

    private func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

/// Explains why a number did not parse, for the spellings spreadsheets and Word produce.
enum NumberHints {
    static func fullWidthToASCII(_ text: String) -> String {
        String(text.unicodeScalars.map { s -> Character in
            if (0xFF10...0xFF19).contains(s.value) { return Character(UnicodeScalar(s.value - 0xFF10 + 48)!) }
            if s.value == 0xFF0E { return "." }
            if s.value == 0xFF0D { return "-" }
            return Character(s)
        })
    }

    /// The plain number the text probably meant, when it can be told.
    static func repaired(_ text: String) -> String? {
        var t = fullWidthToASCII(text).trimmingCharacters(in: .whitespaces)
        for suffix in ["万元", "元", "%", "％"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
        t = t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if case .success = DecimalNumber.parse(t), t != text { return t }
        return nil
    }

    static func zh(for text: String) -> String {
        if text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || $0.value == 0xFF0E }) {
            return "请使用半角数字和小数点\(repaired(text).map { "：\($0)" } ?? "")。"
        }
        if text.contains(",") || text.contains("，") { return "请去掉千分位逗号\(repaired(text).map { "：\($0)" } ?? "")。" }
        if text.hasSuffix("万元") || text.hasSuffix("元") { return "请只写数字，不写单位；单位用 unit 声明\(repaired(text).map { "：\($0)" } ?? "")。" }
        if text.hasSuffix("%") || text.hasSuffix("％") { return "百分比只写数字，不写 %。" }
        let lower = text.lowercased()
        if [".nan", "nan", ".inf", "-.inf", "inf", "infinity"].contains(lower) { return "金额必须是有限的数字。" }
        if lower.contains("e") { return "请不要使用科学计数法。" }
        return "请写成普通的十进制数字，如 1234.56。"
    }

    static func en(for text: String) -> String {
        if text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || $0.value == 0xFF0E }) {
            return "use ASCII digits and point\(repaired(text).map { ": \($0)" } ?? "")."
        }
        if text.contains(",") || text.contains("，") { return "remove the thousands separators\(repaired(text).map { ": \($0)" } ?? "")." }
        if text.hasSuffix("万元") || text.hasSuffix("元") { return "write the number only; declare the unit with `unit`." }
        if text.hasSuffix("%") || text.hasSuffix("％") { return "write percentages without %." }
        let lower = text.lowercased()
        if [".nan", "nan", ".inf", "-.inf", "inf", "infinity"].contains(lower) { return "amounts must be finite numbers." }
        if lower.contains("e") { return "do not use exponent notation." }
        return "write a plain decimal such as 1234.56."
    }
}
