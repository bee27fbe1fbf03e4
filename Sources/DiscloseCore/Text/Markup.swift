/// The one escaper for everything written as HTML, SVG or XML (pages, tables, charts, workbook parts,
/// the preview's pages): text becomes character data or an attribute value that cannot end a tag,
/// an attribute or an entity.
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities; control characters XML 1.0 has no place for
    /// (all below U+0020 except tab, line feed and carriage return, and U+FFFE/U+FFFF) dropped.
    public static func escape(_ text: String) -> String {
        // Most text (names, amounts, CJK prose) holds nothing to replace or drop: one pass over its bytes.
        let clean = text.utf8.withContiguousStorageIfAvailable(isVerbatim) ?? Array(text.utf8).withUnsafeBufferPointer(isVerbatim)
        if clean { return text }
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

    /// The entity `escape` writes for an ASCII byte of & < > " ', nil for any other byte. The template
    /// renderer (`HTMLEscaping`, which must escape exactly as swift-mustache did) takes its entities here.
    public static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }

    /// Whether `escape` would return these UTF-8 bytes unchanged: none of & < > " ', no control
    /// character but tab, LF and CR, no U+FFFE or U+FFFF (EF BF BE, EF BF BF).
    static func isVerbatim(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return false
            case 0x09, 0x0A, 0x0D: break
            case 0..<0x20: return false
            case 0xEF:
                if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF { return false }
            default: break
            }
            index += 1
        }
        return true
    }

    /// The inverse of `escape` for what it writes (and `&#x27;`): an attribute value read back, as the
    /// build's link check reads the pages it wrote.
    public static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
