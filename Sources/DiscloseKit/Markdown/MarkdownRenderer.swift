import CCmark
import DiscloseCore
import Foundation

/// Markdown narrative through libcmark in its safe mode: raw HTML and javascript: links never pass.
public enum MarkdownRenderer {
    static let options = CMARK_OPT_SAFE | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    /// Renders a Markdown document to an HTML fragment. `headingOffset` moves headings down so that
    /// narrative placed under the page's own headings keeps the outline in order (### → h5 with 2).
    public static func html(_ markdown: String, headingOffset: Int = 0) -> String {
        let bytes = Array(markdown.utf8)
        guard let cString = cmark_markdown_to_html(bytes.map { CChar(bitPattern: $0) }, bytes.count, options) else { return "" }
        defer { free(cString) }
        var html = String(cString: cString)
        // Headings are shifted where there are any ("<h" or "</h" in the bytes; no other characters are
        // canonically equal to those, so Foundation's search would find nothing without them).
        if headingOffset > 0, hasHeadingTag(html) {
            for level in (1...6).reversed() {
                let target = min(level + headingOffset, 6)
                html = html.replacingOccurrences(of: "<h\(level)>", with: "<h\(target)>").replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
            }
        }
        return html
    }

    static func hasHeadingTag(_ html: String) -> Bool {
        var previous: UInt8 = 0
        for byte in html.utf8 {
            if byte == UInt8(ascii: "h"), previous == UInt8(ascii: "<") || previous == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return false
    }

    /// `inlineHTML` of a text many reports share (the standard glossary's definitions): worked out once
    /// per text, for the first thousand texts asked for (the memory stays bounded whatever the site).
    static func sharedInlineHTML(_ markdown: String) -> String {
        if let known = sharedInline.value(markdown) { return known }
        let html = inlineHTML(markdown)
        sharedInline.store(markdown, html)
        return html
    }

    private static let sharedInline = BoundedCache(limit: 1024)

    final class BoundedCache: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: String] = [:]
        let limit: Int

        init(limit: Int) { self.limit = limit }

        func value(_ key: String) -> String? {
            lock.lock()
            defer { lock.unlock() }
            return values[key]
        }

        func store(_ key: String, _ value: String) {
            lock.lock()
            defer { lock.unlock() }
            if values.count < limit { values[key] = value }
        }
    }

    /// Renders inline Markdown (a reason, a summary) without the surrounding <p>.
    public static func inlineHTML(_ markdown: String) -> String {
        var html = html(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") && html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// Deeper nesting of quotes, lists, emphasis and links than any narrative needs is an error: the
    /// page would be unreadable, and browsers slow down on it.
    static let nestingLimit = 32

    /// A run of one short pattern repeated over this many characters is an error (MD-REPETITION): no
    /// narrative needs it, and it is what pasting from a broken export leaves (see `RepeatedRun`).
    static let repetitionLimit = 10_000

    /// Nodes that have no children (and so no exit event in cmark's iteration).
    static let leafTypes: Set<cmark_node_type> = [CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
                                                  CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK]

    /// At most this many lint warnings per file; the rest are counted in one more warning (a pasted
    /// export can hold thousands of tags, and each would otherwise cost a scan of its line).
    static let lintWarningLimit = 20

    /// Warns about what the safe renderer will drop, with the line and column of each occurrence.
    /// Linear in the text: the walk is cmark's iterator, and a column is only worked out for the
    /// few nodes that are reported.
    static func lint(_ markdown: String, file: ContentPath) -> [Diagnostic] {
        let bytes = Array(markdown.utf8)
        guard let doc = cmark_parse_document(bytes.map { CChar(bitPattern: $0) }, bytes.count, options) else { return [] }
        defer { cmark_node_free(doc) }
        var out: [Diagnostic] = []
        var lineStarts: [Int] = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
        /// cmark counts columns in bytes; diagnostics count characters (Unicode scalars).
        func column(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= lineStarts.count else { return byteColumn }
            let start = lineStarts[line - 1]
            let end = min(bytes.count, start + max(0, byteColumn - 1))
            guard start < end else { return 1 }
            // Count scalar starts (every byte that is not a UTF-8 continuation byte).
            return bytes[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
        }
        if let run = RepeatedRun.first(in: bytes, minimumCharacters: repetitionLimit) {
            out.append(repetition(run, in: bytes, file: file, lineStarts: lineStarts, column: column))
        }
        var listed = 0, suppressed = 0
        var depth = 0, tooDeep = false
        func report(_ node: OpaquePointer, _ make: (SourceLocation) -> Diagnostic) {
            guard listed < lintWarningLimit else { suppressed += 1; return }
            listed += 1
            let line = Int(cmark_node_get_start_line(node))
            out.append(make(SourceLocation(file: file, line: line, column: column(line: line, byteColumn: Int(cmark_node_get_start_column(node))))))
        }
        guard let iter = cmark_iter_new(doc) else { return [] }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_EXIT { depth -= 1 }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if !leafTypes.contains(type) {
                depth += 1
                if depth > nestingLimit && !tooDeep {
                    tooDeep = true
                    let line = Int(cmark_node_get_start_line(node))
                    out.append(.error("MD-NESTING", at: SourceLocation(file: file, line: line, column: column(line: line, byteColumn: Int(cmark_node_get_start_column(node)))),
                        zh: "Markdown 嵌套过深：引用、列表或强调在这里超过了 \(nestingLimit) 层（多半是从 Word 等处粘贴时带进来的符号，如连续的“>”“*”）。请删去多余的符号。",
                        en: "Markdown nested too deeply: quotes, lists or emphasis go beyond \(nestingLimit) levels here (often pasted symbols such as runs of '>' or '*'); remove them."))
                }
            }
            switch type {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                report(node) { here in .warning("MD-RAW-HTML", at: here,
                    zh: "Markdown 中的 HTML 标签不会显示在页面上（出于安全考虑）；请改用 Markdown 写法。",
                    en: "HTML in Markdown is not rendered (for safety); use Markdown instead.") }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let scheme = url.prefix(16).lowercased().trimmingCharacters(in: .whitespaces)
                if ["javascript:", "vbscript:", "file:", "data:"].contains(where: scheme.hasPrefix) {
                    let shown = String(url.prefix(40))
                    report(node) { here in .warning("MD-UNSAFE-LINK", at: here,
                        zh: "不安全的链接“\(shown)”会被移除。", en: "unsafe link '\(shown)' is removed.") }
                }
            default:
                break
            }
        }
        if suppressed > 0 {
            out.append(.warning("MD-RAW-HTML", at: SourceLocation(file: file, line: 1, column: 1),
                zh: "另有 \(suppressed) 处 HTML 标签或不安全的链接未逐一列出（每个文件最多列出 \(lintWarningLimit) 处）。",
                en: "\(suppressed) more HTML tags or unsafe links not listed (at most \(lintWarningLimit) per file)."))
        }
        return out
    }

    /// MD-REPETITION at the start of the run: its size, the limit and the pattern repeated.
    private static func repetition(_ run: RepeatedRun.Run, in bytes: [UInt8], file: ContentPath, lineStarts: [Int],
                                   column: (Int, Int) -> Int) -> Diagnostic {
        // The line holding the run's first byte: the last line start at or before it.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= run.start { low = mid } else { high = mid - 1 }
        }
        let line = low + 1
        let pattern = String(decoding: bytes[run.start..<min(run.end, run.start + run.pattern)], as: UTF8.self)
            .replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\t", with: "⇥")
        return .error("MD-REPETITION", at: SourceLocation(file: file, line: line, column: column(line, run.start - lineStarts[low] + 1)),
            zh: "“\(pattern)”在这里连续重复，共 \(run.characters) 个字符，超过了 \(repetitionLimit) 个字符的上限（多半是从 Word 等处粘贴时带进来的）。请删去重复的部分。",
            en: "'\(pattern)' repeats here for \(run.characters) characters, beyond the limit of \(repetitionLimit) (often left by pasting from a broken export); remove the repetition.")
    }
}
