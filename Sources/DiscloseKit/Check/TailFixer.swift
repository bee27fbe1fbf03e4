import DiscloseCore
import Foundation

/// `disclose check --fix-tails`: applies the 尾差调整 that ROUNDING-TAIL warnings suggest, in the YAML
/// text itself (comments and untouched lines stay byte-identical, via `YAMLTextEditor`).
///
/// One figure can take part in several sums, so an adjustment that closes one tail may open another.
/// Each adjustment is therefore tried alone and kept only when the unit's check afterwards has no more
/// errors and fewer findings than before; otherwise the file is put back as it was.
public enum TailFixer {
    public struct Change: Sendable, Equatable {
        public let file: String
        public let line: Int
        public let path: String
        public let from: String
        public let to: String
    }

    public struct Skipped: Sendable, Equatable {
        public let file: String
        public let line: Int
        public let path: String
        public let reason: Message
    }

    public struct Outcome: Sendable {
        public var changes: [Change] = []
        public var skipped: [Skipped] = []
    }

    public static func fix(content: URL, displayRoot: String) -> Outcome {
        var outcome = Outcome()
        var tried: Set<String> = []
        // Re-check after every kept change: later suggestions depend on earlier ones.
        while let tail = nextTail(content: content, displayRoot: displayRoot, tried: tried) {
            tried.insert("\(tail.location.file)#\(tail.path)")
            apply(tail, content: content, displayRoot: displayRoot, into: &outcome)
        }
        return outcome
    }

    static func nextTail(content: URL, displayRoot: String, tried: Set<String>) -> Diagnostic? {
        Checker.check(content: content, displayRoot: displayRoot).diagnostics.first { d in
            d.rule == .roundingTail && !d.path.isEmpty && d.expected != nil && d.location.source.file.hasSuffix(".yaml")
                && !tried.contains("\(d.location.file)#\(d.path)")
        }
    }

    static func apply(_ tail: Diagnostic, content: URL, displayRoot: String, into outcome: inout Outcome) {
        // Only a file of a unit in the content folder is edited (its path as data, not as shown).
        guard let relative = tail.location.source.relative, let unit = tail.location.source.unit, let value = tail.expected else { return }
        let url = content.appendingPathComponent(relative)
        func skip(_ zh: String, _ en: String) {
            outcome.skipped.append(Skipped(file: tail.location.file, line: tail.location.line, path: tail.path, reason: Message(zh: zh, en: en)))
        }
        guard let original = try? String(contentsOf: url, encoding: .utf8) else {
            return skip("无法读取文件。", "the file cannot be read.")
        }
        let before = Checker.check(content: content, displayRoot: displayRoot, units: [unit]).diagnostics
        let edited: String
        do {
            var editor = try YAMLTextEditor(text: original, file: relative)
            guard let steps = steps(tail.path), try editor.set(steps, to: value) else {
                return skip("该位置无法改写。", "the place cannot be rewritten.")
            }
            edited = editor.text
        } catch {
            return skip("该位置的写法不支持自动改写，请手工调整。", "the layout there is not rewritten automatically; adjust it by hand.")
        }
        guard (try? Data(edited.utf8).write(to: url, options: .atomic)) != nil else {
            return skip("无法写入文件。", "the file cannot be written.")
        }
        let after = Checker.check(content: content, displayRoot: displayRoot, units: [unit]).diagnostics
        if after.errorCount > before.errorCount || after.count >= before.count {
            try? Data(original.utf8).write(to: url, options: .atomic)
            return skip("调整后会出现新的不一致（该数还参与其他勾稽关系），未改动；请核对原始数据后手工调整。",
                        "adjusting it would open another inconsistency (the figure takes part in other sums); left unchanged.")
        }
        outcome.changes.append(Change(file: tail.location.file, line: tail.location.line, path: tail.path,
                                      from: tail.actual ?? "", to: value))
    }

    /// `functional[3].basic` → key functional, item 3, key basic.
    static func steps(_ path: String) -> [YAMLTextEditor.Step]? {
        var out: [YAMLTextEditor.Step] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                out.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    guard let index = Int(rest[rest.index(after: rest.startIndex)..<close]) else { return nil }
                    out.append(.index(index))
                    rest = rest[rest.index(after: close)...]
                }
                guard rest.isEmpty else { return nil }
            } else {
                out.append(.key(String(rest)))
            }
        }
        return out.isEmpty ? nil : out
    }

    /// What `--fix-tails` prints.
    public static func text(_ outcome: Outcome, language: Language) -> String {
        var lines: [String] = []
        for c in outcome.changes {
            lines.append(language == .zh ? "已调整 \(c.file):\(c.line) \(c.path)：\(c.from) → \(c.to)（尾差调整）"
                                          : "adjusted \(c.file):\(c.line) \(c.path): \(c.from) → \(c.to) (rounding tail)")
        }
        for s in outcome.skipped {
            lines.append(language == .zh ? "未调整 \(s.file):\(s.line) \(s.path)：\(s.reason.zh)"
                                          : "not adjusted \(s.file):\(s.line) \(s.path): \(s.reason.en)")
        }
        if outcome.changes.isEmpty && outcome.skipped.isEmpty {
            lines.append(language == .zh ? "没有可调整的尾差。" : "no rounding tails to adjust.")
        }
        return lines.map { TerminalText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
