import DiscloseCore

/// The <table> of a 附表, written directly: a table has thousands of cells, and going through the
/// template engine cell by cell would dominate build time. The section around it (heading, unit line,
/// download link, notes) stays in Templates/partials/table.mustache.
enum TableHTML {
    static func spans(_ c: TableModel.Cell) -> String {
        (c.colspan > 1 ? " colspan=\"\(c.colspan)\"" : "") + (c.rowspan > 1 ? " rowspan=\"\(c.rowspan)\"" : "")
    }

    /// `caption: false` leaves the caption to the surrounding markup (the printed sheet's own heading).
    static func html(_ t: TableModel, caption: Bool = true) -> String {
        var out = "<table class=\"official\">\n"
        if caption { out += "<caption class=\"visually-hidden\">\(Markup.escape(t.title))（\(Markup.escape(t.unitLine))）</caption>\n" }
        out += "<thead>\n"
        for row in t.headerRows {
            out += "<tr>"
            for c in row {
                out += "<th\(c.scope.map { " scope=\"\($0)\"" } ?? "")\(spans(c))>\(Markup.escape(c.text))</th>"
            }
            out += "</tr>\n"
        }
        out += "</thead>\n<tbody>\n"
        for row in t.bodyRows {
            out += "<tr>"
            for c in row {
                let strong = c.emphasis ? " strong" : ""
                if c.kind == .label {
                    // The row's label names the row for screen readers.
                    out += "<th scope=\"row\" class=\"label level-\(c.level)\(strong)\"\(spans(c))>\(Markup.escape(c.text))</th>"
                } else {
                    out += "<td class=\"\(c.kind.rawValue)\(strong)\"\(spans(c))>\(Markup.escape(c.text))</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }
}
