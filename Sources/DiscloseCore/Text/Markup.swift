/// The one escaper for everything written as HTML, SVG or XML (pages, tables, charts, workbook parts,
/// the preview's pages): text becomes character data or an attribute value that cannot end a tag,
/// an attribute or an entity.
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities; control characters XML 1.0 has no place for
    /// (all below U+0020 except tab, line feed and carriage return, and U+FFFE/U+FFFF) dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
