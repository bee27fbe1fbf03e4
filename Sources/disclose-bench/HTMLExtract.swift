import DiscloseCore
import Foundation

/// Reads back from a page disclose wrote what the Hugo site needs as data: its title, its tables
/// (cell text, header or data cell, spans, classes) and its inline SVG drawings. disclose's own markup
/// is regular (no comments or scripts inside tables, no nested tables or drawings), so a scan for the
/// tags is enough; nothing here parses HTML in general.
enum HTMLExtract {
    /// One table: its class, caption, the rows of its `<thead>` and of its `<tbody>`.
    struct Table: Equatable {
        var className: String
        var caption: String
        var head: [[Cell]]
        var body: [[Cell]]
        var rowCount: Int { head.count + body.count }
    }

    struct Cell: Equatable {
        var isHeader: Bool
        var text: String
        var scope: String
        var colspan: Int
        var rowspan: Int
        var className: String
    }

    static func title(_ html: String) -> String {
        guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return text(html[start.upperBound..<end.lowerBound])
    }

    /// Every `<svg>…</svg>` element, as written.
    static func svgs(_ html: String) -> [String] {
        elements("svg", in: html).map(String.init)
    }

    static func tables(_ html: String) -> [Table] {
        elements("table", in: html).map { element in
            let open = element[..<(element.firstIndex(of: ">") ?? element.endIndex)]
            let caption = elements("caption", in: element).first.map { text(inner($0)) } ?? ""
            var head: [[Cell]] = [], body: [[Cell]] = []
            let headRange = elements("thead", in: element).first.map { $0.startIndex..<$0.endIndex }
            for row in elements("tr", in: element) {
                let cells = self.cells(row)
                if let headRange, headRange.contains(row.startIndex) { head.append(cells) } else { body.append(cells) }
            }
            return Table(className: attribute("class", in: open) ?? "", caption: caption, head: head, body: body)
        }
    }

    /// The cells of one `<tr>`, in order.
    static func cells(_ row: Substring) -> [Cell] {
        var cells: [Cell] = []
        var rest = row[...]
        while let start = rest.range(of: "<t") {
            let after = rest[start.upperBound...]
            guard let kind = after.first, kind == "h" || kind == "d",
                  after.dropFirst().first.map({ $0 == ">" || $0 == " " }) == true,
                  let end = after.range(of: "</t\(kind)>") else {
                rest = after
                continue
            }
            let element = rest[start.lowerBound..<end.upperBound]
            let open = element[..<(element.firstIndex(of: ">") ?? element.endIndex)]
            cells.append(Cell(isHeader: kind == "h", text: text(inner(element)), scope: attribute("scope", in: open) ?? "",
                              colspan: Int(attribute("colspan", in: open) ?? "") ?? 1,
                              rowspan: Int(attribute("rowspan", in: open) ?? "") ?? 1,
                              className: attribute("class", in: open) ?? ""))
            rest = rest[end.upperBound...]
        }
        return cells
    }

    /// The `<name …>…</name>` elements of a text, outermost first (not nested in one another).
    static func elements(_ name: String, in html: some StringProtocol) -> [Substring] {
        let text = Substring(html)
        var found: [Substring] = []
        var rest = text[...]
        while let start = rest.range(of: "<\(name)") {
            let next = rest[start.upperBound...].first
            guard next == ">" || next == " " || next == "\n" else { rest = rest[start.upperBound...]; continue }
            guard let end = rest.range(of: "</\(name)>", range: start.upperBound..<rest.endIndex) else { break }
            found.append(text[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// What is between an element's opening and closing tags.
    static func inner(_ element: Substring) -> Substring {
        guard let open = element.firstIndex(of: ">"), let close = element.range(of: "</", options: .backwards) else { return "" }
        let from = element.index(after: open)
        return from <= close.lowerBound ? element[from..<close.lowerBound] : ""
    }

    static func attribute(_ name: String, in openTag: Substring) -> String? {
        guard let start = openTag.range(of: " \(name)=\"") else { return nil }
        guard let end = openTag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return unescape(openTag[start.upperBound..<end])
    }

    /// The text of some markup: tags dropped, entities decoded, white space collapsed.
    static func text(_ markup: Substring) -> String {
        var out = ""
        var inTag = false
        for character in markup {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return unescape(Substring(out)).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Entities decoded by the site's one unescaper (`Markup`), with `&nbsp;` first (templates may write it).
    static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return Markup.unescape(text.replacingOccurrences(of: "&nbsp;", with: "\u{00A0}"))
    }
}
