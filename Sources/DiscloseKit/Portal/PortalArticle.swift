import DiscloseCore
import Foundation

/// The report page's article as a fragment a portal editor can paste into a CMS rich-text editor
/// (UEditor and the like strip <script>, <style>, <iframe> and class attributes): no script, no
/// style sheet, no class; what the classes did is written into style attributes; tables are plain
/// <table> markup with ruled cells; each chart is an <img> of its PNG with the full alt text; the
/// page's navigation, download links and embed codes are left out. Works on the site's own markup
/// (rendered by Templates/report.mustache), which is well-formed.
enum PortalArticle {
    struct Image {
        let file: String
        let alt: String
        let width: Int
        let height: Int
    }

    /// Elements left out with everything inside them: `tag` or `tag.class`.
    static let dropped: Set<String> = ["script", "style", "iframe", "svg", "textarea", "button", "nav", "header.report-header",
                                       "p.downloads", "details.chart-share", "caption.visually-hidden", "a.download", "form", "p.back-to-toc"]
    /// Sectioning elements an editor may not know become <div>, a figure caption a paragraph.
    static let renamed: [String: String] = ["article": "div", "section": "div", "figure": "div", "figcaption": "p", "header": "div",
                                            "footer": "div", "nav": "div", "details": "div", "summary": "p"]
    static let keptAttributes: Set<String> = ["id", "href", "src", "alt", "title", "colspan", "rowspan", "scope", "width", "height", "lang"]

    static let base = "font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;"

    /// The style of an element from its tag, its classes and the element it sits in.
    static func style(tag: String, classes: Set<String>, parents: [(tag: String, classes: Set<String>)]) -> String? {
        let inProse = parents.contains { $0.classes.contains("prose") }
        let inHead = parents.contains { $0.tag == "thead" }
        switch tag {
        case "table": return "border-collapse:collapse;width:100%;margin:8px 0 12px;font-size:14px;line-height:1.5"
        case "caption": return "font-weight:bold;padding:4px 0;text-align:center"
        case "th", "td":
            var s = "border:1px solid #333333;padding:4px 6px;vertical-align:middle"
            if inHead { s += ";background-color:#f0f0f0;text-align:center;font-weight:bold" }
            if classes.contains("number") || classes.contains("num") { s += ";text-align:right;white-space:nowrap" }
            if classes.contains("code") { s += ";text-align:center;white-space:nowrap" }
            if classes.contains("label") || (tag == "th" && !inHead) { s += ";text-align:left;font-weight:normal" }
            if classes.contains("level-1") { s += ";padding-left:1.5em" }
            if classes.contains("level-2") { s += ";padding-left:2.5em" }
            if classes.contains("strong") { s += ";font-weight:bold" }
            return s
        case "p":
            if classes.contains("table-meta") { return "text-align:right;font-size:13px;margin:4px 0" }
            if classes.contains("muted") || classes.contains("note") { return "color:#555555;font-size:14px;line-height:1.8" }
            if parents.last?.tag == "figure" || classes.contains("figcaption") { return "text-align:center;font-weight:bold" }
            return inProse ? "text-indent:2em;line-height:1.8;margin:0 0 8px" : "line-height:1.8;margin:0 0 8px"
        case "figcaption": return "text-align:center;font-weight:bold;margin:8px 0 4px"
        case "figure": return "margin:16px 0;text-align:center"
        case "h2": return "font-size:20px;margin:24px 0 12px;text-align:center"
        case "h3": return "font-size:17px;margin:18px 0 8px"
        case "h4": return "font-size:16px;margin:14px 0 6px"
        case "dt": return "font-weight:bold;margin-top:8px"
        case "dd": return "margin:0 0 6px 2em;line-height:1.8"
        case "article": return base + "color:#1a1a1a;font-size:16px"
        default: return nil
        }
    }

    static func fragment(_ html: String, images: [String: Image]) -> String {
        var out = ""
        var stack: [(tag: String, classes: Set<String>)] = []
        var dropDepth = 0          // > 0 while inside a dropped element (counts its nesting)
        var droppedTag = ""
        var figureID: String?
        var index = html.startIndex
        while index < html.endIndex {
            guard html[index] == "<", let close = html[index...].firstIndex(of: ">") else {
                let next = html[index...].firstIndex(of: "<") ?? html.endIndex
                if dropDepth == 0 { out += html[index..<next] }
                index = next
                continue
            }
            let tagText = String(html[html.index(after: index)..<close])
            index = html.index(after: close)
            if tagText.hasPrefix("!") { continue }   // comments, doctype
            let isEnd = tagText.hasPrefix("/")
            let body = isEnd ? String(tagText.dropFirst()) : tagText
            let name = body.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
            let attributes = isEnd ? [] : parseAttributes(body)
            let classes = Set((attributes.first { $0.0 == "class" }?.1 ?? "").split(separator: " ").map(String.init))
            let selfClosing = tagText.hasSuffix("/") || ["img", "br", "hr", "meta", "link", "input", "source", "wbr"].contains(name)

            if dropDepth > 0 {
                if name == droppedTag { dropDepth += isEnd ? -1 : (selfClosing ? 0 : 1) }
                continue
            }
            if isEnd {
                if let last = stack.last, last.tag == name {
                    stack.removeLast()
                    out += "</\(renamed[name] ?? name)>"
                    if name == "figure" { figureID = nil }
                }
                continue
            }
            if dropped.contains(name) || classes.contains(where: { dropped.contains("\(name).\($0)") }) {
                if !selfClosing { dropDepth = 1; droppedTag = name }
                continue
            }
            if name == "figure" { figureID = attributes.first { $0.0 == "id" }?.1 }
            if name == "div", classes.contains("chart-svg") {
                // The chart drawing becomes its PNG.
                if let id = figureID.map({ String($0.dropFirst("figure-".count)) }), let image = images[id] {
                    out += "<p style=\"text-align:center;margin:4px 0\"><img src=\"\(escape(image.file))\" alt=\"\(escape(image.alt))\" width=\"\(image.width)\" height=\"\(image.height)\" style=\"max-width:100%;height:auto\"></p>"
                }
                dropDepth = 1
                droppedTag = "div"
                continue
            }
            var kept = attributes.filter { keptAttributes.contains($0.0) }
            if let s = style(tag: name, classes: classes, parents: stack) { kept.append(("style", s)) }
            let attributeText = kept.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
            out += "<\(renamed[name] ?? name)\(attributeText)>"
            if !selfClosing { stack.append((name, classes)) }
        }
        return out
    }

    /// Attributes of a start tag, values unescaped (the site escapes them; they are escaped again on output).
    static func parseAttributes(_ tag: String) -> [(String, String)] {
        var result: [(String, String)] = []
        let scalars = Array(tag)
        var i = scalars.firstIndex { $0.isWhitespace } ?? scalars.count
        while i < scalars.count {
            while i < scalars.count, scalars[i].isWhitespace || scalars[i] == "/" { i += 1 }
            var name = ""
            while i < scalars.count, !scalars[i].isWhitespace, scalars[i] != "=", scalars[i] != "/" { name.append(scalars[i]); i += 1 }
            guard !name.isEmpty else { break }
            var value = ""
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                if i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" {
                    let quote = scalars[i]
                    i += 1
                    while i < scalars.count, scalars[i] != quote { value.append(scalars[i]); i += 1 }
                    i += 1
                } else {
                    while i < scalars.count, !scalars[i].isWhitespace { value.append(scalars[i]); i += 1 }
                }
            }
            result.append((name.lowercased(), unescape(value)))
        }
        return result
    }

    static func unescape(_ s: String) -> String { Markup.unescape(s) }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
