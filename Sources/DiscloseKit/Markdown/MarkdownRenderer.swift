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
        if headingOffset > 0 {
            for level in (1...6).reversed() {
                let target = min(level + headingOffset, 6)
                html = html.replacingOccurrences(of: "<h\(level)>", with: "<h\(target)>").replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
            }
        }
        return html
    }

    /// Renders inline Markdown (a reason, a summary) without the surrounding <p>.
    public static func inlineHTML(_ markdown: String) -> String {
        var html = html(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") && html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// Warns about what the safe renderer will drop, with the line and column of each occurrence.
    static func lint(_ markdown: String, file: String) -> [Diagnostic] {
        let bytes = Array(markdown.utf8)
        guard let doc = cmark_parse_document(bytes.map { CChar(bitPattern: $0) }, bytes.count, options) else { return [] }
        defer { cmark_node_free(doc) }
        var out: [Diagnostic] = []
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        /// cmark counts columns in bytes; diagnostics count characters (Unicode scalars).
        func column(line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= lines.count else { return byteColumn }
            let bytes = Array(lines[line - 1].utf8.prefix(max(0, byteColumn - 1)))
            return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
        }
        guard let iter = cmark_iter_new(doc) else { return [] }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            let here = SourceLocation(file: file, line: line, column: column(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                out.append(.warning("MD-RAW-HTML", at: here,
                    zh: "Markdown 中的 HTML 标签不会显示在页面上（出于安全考虑）；请改用 Markdown 写法。",
                    en: "HTML in Markdown is not rendered (for safety); use Markdown instead."))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let scheme = url.lowercased().trimmingCharacters(in: .whitespaces)
                if ["javascript:", "vbscript:", "file:", "data:"].contains(where: scheme.hasPrefix) {
                    out.append(.warning("MD-UNSAFE-LINK", at: here,
                        zh: "不安全的链接“\(url.prefix(40))”会被移除。", en: "unsafe link '\(url.prefix(40))' is removed."))
                }
            default:
                break
            }
        }
        return out
    }
}
