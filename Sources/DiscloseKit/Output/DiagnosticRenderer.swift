import DiscloseCore

/// Renders diagnostics like a compiler (text) or as JSON. Pure formatting: no I/O.
public enum DiagnosticRenderer {
    public static func text(_ diagnostics: [Diagnostic], sources: SourceStore, language: Language) -> String {
        body(diagnostics, sources: sources, language: language) + summary(diagnostics, language: language) + "\n"
    }

    /// The diagnostics without the summary line.
    public static func body(_ diagnostics: [Diagnostic], sources: SourceStore, language: Language) -> String {
        var out = ""
        for d in diagnostics.sortedForOutput() {
            out += TerminalText.escaped("\(d.location): \(d.severity.rawValue)[\(d.rule)]: \(d.message.text(language))")
            if let expected = d.expected, let actual = d.actual, expected != actual,
               DecimalNumber(expected) != nil, DecimalNumber(actual) != nil {
                out += TerminalText.escaped(Message(zh: "（应为 \(expected)，实为 \(actual)）", en: " (expected \(expected), actual \(actual))").text(language))
            }
            out += "\n"
            if d.location.line > 0, let full = sources.line(d.location.line, of: d.location.file) {
                let (line, column) = excerpt(TerminalText.sourceLine(full), column: d.location.column)
                let number = String(d.location.line)
                let gutter = String(repeating: " ", count: number.count)
                out += " \(number) | \(line)\n"
                out += " \(gutter) | \(caretPrefix(line, column: column))^\n"
            }
        }
        return out
    }

    public static func summary(_ diagnostics: [Diagnostic], language: Language) -> String {
        summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount, language: language)
    }

    public static func summary(errors e: Int, warnings w: Int, language: Language) -> String {
        switch language {
        case .zh:
            return e == 0 && w == 0 ? "检查通过：没有发现问题。" : "检查完成：\(e) 个错误，\(w) 个警告。"
        case .en:
            return e == 0 && w == 0 ? "check passed: no problems found."
                : "check finished: \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")."
        }
    }

    /// At most `width` characters of a long line around the column, with … where it was cut.
    static func excerpt(_ line: String, column: Int, width: Int = 100) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > width else { return (line, column) }
        let start = max(0, min(column - 1 - width / 2, scalars.count - width))
        let end = min(scalars.count, start + width)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = column - start
        if start > 0 { text = "…" + text; caret += 1 }
        if end < scalars.count { text += "…" }
        return (text, caret)
    }

    /// Spaces up to a 1-based column counted in Unicode scalars; wide (CJK) characters take two cells.
    static func caretPrefix(_ line: String, column: Int) -> String {
        var out = ""
        for (i, scalar) in line.unicodeScalars.enumerated() where i < column - 1 {
            if scalar == "\t" { out += "\t" } else { out += isWide(scalar) ? "  " : " " }
        }
        return out
    }

    /// Columns the text takes in a terminal or editor (wide characters count two).
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `coverage`: per report, each rule as passed / failed / not checked; `unchecked`: the narrative amounts
    /// no rule compared, listed under "unchecked_amounts". Both are keys only `check --format json` writes.
    public static func json(_ diagnostics: [Diagnostic], language: Language, coverage: [ReportCoverage]? = nil,
                            unchecked: [NarrativeAmount]? = nil) -> String {
        let sorted = diagnostics.sortedForOutput()
        let items: [JSONValue] = sorted.map { d in
            .object([
                ("severity", .string(d.severity.rawValue)),
                ("rule", .string(d.rule.rawValue)),
                ("file", .string(d.location.file)),
                ("line", .number(String(d.location.line))),
                ("column", .number(String(d.location.column))),
                ("path", .string(d.path)),
                ("message", .string(d.message.text(language))),
                ("expected", d.expected.map { .string($0) } ?? .null),
                ("actual", d.actual.map { .string($0) } ?? .null),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("errors", .number(String(sorted.errorCount))),
            ("warnings", .number(String(sorted.warningCount))),
            ("diagnostics", .array(items)),
        ]
        if let coverage { fields.append(("coverage", coverageJSON(coverage, language: language))) }
        if let unchecked {
            fields.append(("unchecked_amounts", .array(unchecked.map { a in
                .object([
                    ("status", .string(a.status.rawValue)),
                    ("file", .string(a.location.file)),
                    ("line", .number(String(a.location.line))),
                    ("column", .number(String(a.location.column))),
                    ("amount", .string(a.value.description)),
                    ("unit", .string(a.unit.rawValue)),
                    ("unit_written", .bool(a.unitWritten)),
                    ("sentence", .string(a.sentence)),
                ])
            })))
        }
        return JSONValue.object(fields).rendered() + "\n"
    }

    /// Per report, each rule as passed / failed / not_checked (with the reason).
    static func coverageJSON(_ coverage: [ReportCoverage], language: Language) -> JSONValue {
        .array(coverage.map { report in
            .object([
                ("report", .string(report.folder)),
                ("passed", .number(String(report.count(.passed)))),
                ("failed", .number(String(report.count(.failed)))),
                ("not_checked", .number(String(report.count(.notChecked)))),
                ("rules", .array(report.outcomes.map { o in
                    .object([("rule", .string(o.rule.rawValue)), ("status", .string(o.status.rawValue)),
                             ("reason", o.reason.map { .string($0.text(language)) } ?? .null),
                             ("errors", .number(String(o.errors))), ("warnings", .number(String(o.warnings)))])
                })),
            ])
        })
    }

    /// The text amounts no rule compared with a figure of the data, for `check --coverage`: those linked to
    /// no item first (they need attention), then approximations and items only the texts name.
    public static func uncheckedAmountsText(_ amounts: [NarrativeAmount], language: Language) -> String {
        let unlinked = amounts.filter { $0.status == .unlinked }
        var out = language == .zh
            ? "文字中的金额：未找到所属项目（未核对）\(unlinked.count) 处，约数 \(amounts.filter { $0.status == .approximate }.count) 处，只与文字其他说法核对 \(amounts.filter { $0.status == .textOnly || $0.status == .summed }.count) 处\n"
            : "amounts in the text: \(unlinked.count) linked to no item (not checked), \(amounts.filter { $0.status == .approximate }.count) approximate, \(amounts.filter { $0.status == .textOnly || $0.status == .summed }.count) compared only with other statements\n"
        for a in unlinked {
            out += "  \(a.location): \(a.value)\(a.unit.rawValue)\(a.unitWritten ? "" : (language == .zh ? "（未写单位）" : " (unit not written)"))　\(a.sentence)\n"
        }
        return out
    }

    /// The coverage summary of `check --coverage`: per report, counts and the rules not checked or failed.
    public static func coverageText(_ coverage: [ReportCoverage], language: Language) -> String {
        var out = ""
        for report in coverage {
            let folder = TerminalText.escaped(report.folder)
            out += language == .zh
                ? "\(folder)：规则 \(report.outcomes.count) 条，通过 \(report.count(.passed))，未通过 \(report.count(.failed))，未检查 \(report.count(.notChecked))\n"
                : "\(folder): \(report.outcomes.count) rules, \(report.count(.passed)) passed, \(report.count(.failed)) failed, \(report.count(.notChecked)) not checked\n"
            for o in report.outcomes where o.status == .failed {
                out += language == .zh ? "  未通过 \(o.rule)（错误 \(o.errors)，警告 \(o.warnings)）\n" : "  failed \(o.rule) (\(o.errors) errors, \(o.warnings) warnings)\n"
            }
            for o in report.outcomes where o.status == .notChecked {
                out += language == .zh ? "  未检查 \(o.rule)：\(o.reason?.zh ?? "")\n" : "  not checked \(o.rule): \(o.reason?.en ?? "")\n"
            }
        }
        return out
    }
}
