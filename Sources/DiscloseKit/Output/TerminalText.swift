/// Text bound for a terminal with its control characters made visible, so that a file or folder
/// name (or a value) holding an escape sequence or a newline cannot rewrite the screen or fake a
/// diagnostic line.
public enum TerminalText {
    /// Whether the scalar would act on the terminal instead of being shown: C0 and C1 controls, DEL,
    /// and the bidirectional overrides that reorder what follows.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default:
            return false
        }
    }

    /// Every control character written as `\u{1B}` (tab, newline and the like included, unless
    /// `keepingLines`: then newlines and tabs stay, for multi-line text such as usage help).
    public static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        let escapes = { (s: Unicode.Scalar) in isControl(s) && !(keepingLines && (s == "\n" || s == "\t")) }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            if escapes(s) { out += "\\u{\(String(s.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// A source line for display under a diagnostic: tabs kept (the caret line repeats them), every
    /// other control character shown as one replacement character, so columns stay aligned.
    public static func sourceLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\t" && isControl($0) }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            out.unicodeScalars.append(s != "\t" && isControl(s) ? "\u{FFFD}" : s)
        }
        return out
    }
}
