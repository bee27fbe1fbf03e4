import DiscloseCore
import Foundation
import Yams

typealias ContentNode = DiscloseCore.Node

/// Turns YAML text into a located `Node` tree. Yams stays inside this file.
enum YAMLDocument {
    /// Upper bound of nodes in one document: alias bombs and absurd files stop here with a diagnostic.
    static let nodeBudget = 200_000
    static let depthLimit = 64

    struct Limits: Error {
        let message: Message
        let location: SourceLocation
    }

    static func parse(_ text: String, file: ContentPath) -> (ContentNode?, [Diagnostic]) {
        let composed: Yams.Node?
        do {
            // The basic resolver: the checker reads every scalar's text itself, so Yams' regular-expression
            // tag resolution (int, float, bool…) would only cost time.
            // UTF-8 named, not `Parser.Encoding.default`, which reads the whole environment on every call
            // to look for an override (the encoding only says how the text is handed to libyaml).
            composed = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return (nil, [syntaxDiagnostic(error, file: file, text: text)])
        } catch {
            return (nil, [Diagnostic.error(.yamlSyntax, at: SourceLocation.file(file), zh: "无法解析 YAML：\(error)", en: "cannot parse YAML: \(error)")])
        }
        guard let composed else {
            return (ContentNode(.mapping([]), at: SourceLocation(file: file, line: 1, column: 1)), [])
        }
        var budget = nodeBudget
        do {
            return (try convert(composed, file: file, depth: 0, budget: &budget), [])
        } catch let limits as Limits {
            return (nil, [Diagnostic(.error, .yamlSyntax, at: limits.location, limits.message)])
        } catch {
            return (nil, [])
        }
    }

    private static func location(_ mark: Mark?, file: ContentPath) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Yams.Node, file: ContentPath, depth: Int, budget: inout Int) throws -> ContentNode {
        budget -= 1
        let here = location(node.mark, file: file)
        if budget < 0 {
            throw Limits(message: Message(zh: "文件中的值过多（超过 \(nodeBudget) 个），可能含有递归的锚点和别名（&/*）；内容文件不需要别名。",
                                          en: "too many values (over \(nodeBudget)); the file may expand aliases (&/*) recursively. Content files need no aliases."),
                         location: here)
        }
        if depth > depthLimit {
            throw Limits(message: Message(zh: "嵌套层级过深（超过 \(depthLimit) 层）。", en: "nesting is too deep (over \(depthLimit) levels)."),
                         location: here)
        }
        switch node {
        case .scalar(let s):
            let style: ContentNode.Scalar.Style
            switch s.style {
            case .singleQuoted, .doubleQuoted: style = .quoted
            case .literal, .folded: style = .block
            default: style = .plain
            }
            return ContentNode(.scalar(.init(s.string, style: style)), at: here)
        case .sequence(let seq):
            var items: [ContentNode] = []
            for child in seq { items.append(try convert(child, file: file, depth: depth + 1, budget: &budget)) }
            return ContentNode(.sequence(items), at: here)
        case .mapping(let map):
            var entries: [ContentNode.Entry] = []
            for (key, value) in map {
                let keyText = key.scalar?.string ?? (try? Yams.serialize(node: key).trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
                let keyLocation = location(key.mark, file: file)
                entries.append(ContentNode.Entry(key: keyText, keyLocation: keyLocation,
                                          value: try convert(value, file: file, depth: depth + 1, budget: &budget)))
            }
            return ContentNode(.mapping(entries), at: here)
        case .alias(let alias):
            return ContentNode(.scalar(.init("*\(alias.anchor.rawValue)", style: .plain)), at: here)
        }
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: ContentPath, text: String) -> Diagnostic {
        if case .duplicatedKeysInMapping(let keys, let context) = error, let key = keys.sorted().first {
            return duplicateKeyDiagnostic(key: key, first: context.mark, file: file, text: text)
        }
        var problem = ""
        var mark: Mark?
        switch error {
        case .scanner(let context, let p, let m, _), .parser(let context, let p, let m, _):
            problem = p
            // An unclosed quote, a key without its colon, an unclosed [ or {: the place where it began is
            // where to look, not the end of the file where the parser gave up.
            let starts = ["quoted scalar", "simple key", "flow sequence", "flow mapping"]
            mark = context.flatMap { c in starts.contains(where: c.text.contains) ? c.mark : nil } ?? m
        case .composer(_, let p, let m, _):
            problem = p
            mark = m
        case .reader(let p, _, _, _):
            problem = p
        default:
            problem = "\(error)"
        }
        let at = location(mark, file: file)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let offending = mark.flatMap { $0.line - 1 < lines.count ? String(lines[$0.line - 1]) : nil } ?? ""
        let (zhHint, enHint) = hint(for: problem, line: offending)
        return .error(.yamlSyntax, at: at,
                      zh: "YAML 格式错误：\(problem)。\(zhHint)",
                      en: "YAML syntax error: \(problem). \(enHint)")
    }

    /// libyaml reports the first of two equal keys; point at the second, which is usually the new one.
    private static func duplicateKeyDiagnostic(key: String, first: Mark, file: ContentPath, text: String) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var second = (line: first.line, column: first.column)
        let indent = first.column - 1
        if first.line >= 1 {
            for index in first.line..<lines.count {
                let line = lines[index]
                let leading = line.prefix { $0 == " " || $0 == "-" }.count
                let body = line.dropFirst(indent)
                if leading < indent && !line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                if leading == indent, body.hasPrefix("\(key):") || body.hasPrefix("\"\(key)\":") {
                    second = (line: index + 1, column: first.column)
                    break
                }
            }
        }
        return .error(.duplicateKey, at: SourceLocation(file: file, line: second.line, column: second.column), path: key,
                      zh: "键“\(key)”重复出现（第一次在第 \(first.line) 行）；请删除或合并其中一个。",
                      en: "key '\(key)' appears twice (first on line \(first.line)); remove or merge one.")
    }

    /// Plain-language advice for the libyaml messages clerks actually meet.
    private static func hint(for problem: String, line: String) -> (String, String) {
        if line.contains("\t") || problem.contains("tab") {
            return ("请用空格缩进，不要使用 Tab 键。", "Indent with spaces, not tabs.")
        }
        if problem.contains("could not find expected ':'") {
            return ("键和值之间要用冒号加一个空格分开（如 region: 四川省），或检查引号是否成对。", "Separate key and value with a colon and a space, and check that quotes are paired.")
        }
        if problem.contains("mapping values are not allowed") {
            return ("冒号后面需要一个空格；若文字中含有“: ”，请给整段文字加引号。",
                    "Put a space after the colon; quote text that itself contains ': '.")
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return ("请检查这一行和上一行的缩进是否对齐。", "Check that this line is indented like its siblings.")
        }
        if problem.contains("nesting level") {
            return ("嵌套层级过深：内容文件只需要几层缩进，请检查是否粘贴了错误的内容。", "Nesting is far too deep for a content file.")
        }
        if problem.contains("found undefined alias") {
            return ("内容文件不需要使用 * 别名。", "Content files need no aliases.")
        }
        if problem.contains("found unexpected end of stream") || problem.contains("end of stream") {
            return ("文件似乎不完整（引号或括号未闭合）。", "The file seems cut short (an unclosed quote or bracket).")
        }
        return ("", "")
    }
}
