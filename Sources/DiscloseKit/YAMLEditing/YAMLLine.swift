import Foundation

/// Reading one line of YAML text as Characters: where its comment starts, where a key's colon is,
/// how a single-line flow collection splits into entries. Indices are Character offsets, so that a
/// comment's column is the same for Chinese text as for ASCII.
enum YAMLLine {
    static func indent(_ line: [Character]) -> Int {
        line.prefix { $0 == " " }.count
    }

    static func isBlank(_ line: [Character]) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    /// Blank and comment-only lines neither belong to a value nor end a block.
    static func isContent(_ line: [Character]) -> Bool {
        guard let first = line.first(where: { !$0.isWhitespace }) else { return false }
        return first != "#"
    }

    static func trimmed<C: Collection<Character>>(_ characters: C) -> String {
        String(characters).trimmingCharacters(in: .whitespaces)
    }

    static func spaces(_ count: Int) -> [Character] {
        Array(repeating: " ", count: max(0, count))
    }

    /// Libyaml counts columns in Unicode scalars; this turns a 1-based column into a Character offset.
    static func offset(ofColumn column: Int, in line: [Character]) -> Int {
        var scalars = 0
        for (offset, character) in line.enumerated() {
            if scalars >= column - 1 { return offset }
            scalars += character.unicodeScalars.count
        }
        return line.count
    }

    /// A quote opens a quoted scalar only where a scalar may begin; `it's` in plain text is no quote.
    static func opensQuote(_ line: [Character], at index: Int) -> Bool {
        guard line[index] == "\"" || line[index] == "'" else { return false }
        return index == 0 || line[index - 1].isWhitespace || "[{,".contains(line[index - 1])
    }

    /// The offset just past the quoted scalar that starts at `start`, or nil when it runs past the line.
    static func endOfQuoted(_ line: [Character], at start: Int) -> Int? {
        let quote = line[start]
        var index = start + 1
        while index < line.count {
            if quote == "\"" && line[index] == "\\" {
                index += 2
                continue
            }
            if line[index] == quote {
                if quote == "'" && index + 1 < line.count && line[index + 1] == "'" {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// Where the trailing `# …` comment starts: a `#` after whitespace, outside quotes.
    static func commentStart(_ line: [Character], from start: Int) -> Int? {
        var index = start
        while index < line.count {
            if opensQuote(line, at: index), let end = endOfQuoted(line, at: index) {
                index = end
                continue
            }
            if line[index] == "#" && (index == 0 || line[index - 1].isWhitespace) { return index }
            index += 1
        }
        return nil
    }

    /// The colon that ends the key beginning at `keyStart` (the key may be quoted: `"212": …`).
    static func colon(afterKeyAt keyStart: Int, in line: [Character], before end: Int? = nil) -> Int? {
        let end = end ?? line.count
        var index = keyStart
        while index < end && line[index] == " " { index += 1 }
        if index < end, opensQuote(line, at: index), let past = endOfQuoted(line, at: index) { index = past }
        while index < end {
            if line[index] == ":" && (index + 1 == end || line[index + 1].isWhitespace) { return index }
            index += 1
        }
        return nil
    }

    /// The bracket closing the `{` or `[` at `open`, when it is on the same line.
    static func closing(_ line: [Character], open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < line.count {
            if opensQuote(line, at: index) {
                guard let end = endOfQuoted(line, at: index) else { return nil }
                index = end
                continue
            }
            switch line[index] {
            case "[", "{": depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return index }
            case "#" where line[index - 1].isWhitespace: return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The entries between `open` and `close`, split at the commas that are not nested or quoted.
    static func entries(_ line: [Character], open: Int, close: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = open + 1
        var depth = 0
        var index = open + 1
        while index < close {
            if opensQuote(line, at: index), let end = endOfQuoted(line, at: index) {
                index = end
                continue
            }
            switch line[index] {
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 0:
                pieces.append(start..<index)
                start = index + 1
            default: break
            }
            index += 1
        }
        pieces.append(start..<close)
        // `[]`, `{ }` and a trailing comma leave empty pieces, which are no entries.
        return pieces.filter { !trimmed(line[$0]).isEmpty }
    }

    /// `line` with `value` written after the colon (or dash) at `marker`, keeping the trailing comment,
    /// at its old column when the value leaves room.
    static func replacingValue(in line: [Character], after marker: Int, with value: String) -> [Character] {
        let comment = commentStart(line, from: marker + 1).map { Array(line[$0...]) }
        let column = commentStart(line, from: marker + 1) ?? 0
        return rendered(head: Array(line[...marker]), value: value, comment: comment, column: column)
    }

    /// `head value   # comment`, the comment at `column` when it fits, else one space after the value.
    static func rendered(head: [Character], value: String, comment: [Character]?, column: Int) -> [Character] {
        var text = head
        if !value.isEmpty { text += [" "] + Array(value) }
        guard let comment else { return text }
        text += text.count < column ? spaces(column - text.count) : [" "]
        return text + comment
    }

    /// The value text written after the colon (or dash) at `marker`, without its comment.
    static func value(in line: [Character], after marker: Int) -> String {
        trimmed(line[(marker + 1)..<(commentStart(line, from: marker + 1) ?? line.count)])
    }

    /// `line` with the entry `key` of the single-line flow mapping opening at `open` set to `value`,
    /// or appended as `, key: value`; nil when the mapping does not close on this line.
    static func settingFlowEntry(in line: [Character], open: Int, key: String, value: String) -> [Character]? {
        guard let close = closing(line, open: open) else { return nil }
        for piece in entries(line, open: open, close: close) {
            guard let colon = colon(afterKeyAt: piece.lowerBound, in: line, before: piece.upperBound),
                  unquoted(trimmed(line[piece.lowerBound..<colon])) == key else { continue }
            let old = line[(colon + 1)..<piece.upperBound]
            if trimmed(old) == value { return line }
            let trailing = old.reversed().prefix { $0 == " " }.count
            return Array(line[...colon]) + [" "] + Array(value) + spaces(trailing) + Array(line[piece.upperBound...])
        }
        if trimmed(line[(open + 1)..<close]).isEmpty {
            return Array(line[...open]) + Array("\(key): \(value)") + Array(line[close...])
        }
        var last = close - 1
        while line[last] == " " { last -= 1 }
        return Array(line[...last]) + Array(", \(key): \(value)") + Array(line[(last + 1)...])
    }

    /// The text a YAML scalar stands for, so that `"201"` and `201` compare equal.
    static func unquoted(_ scalar: String) -> String {
        guard scalar.count >= 2, let first = scalar.first, first == scalar.last, first == "\"" || first == "'" else {
            return scalar
        }
        let inner = String(scalar.dropFirst().dropLast())
        if first == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        var result = ""
        var escaped = false
        for character in inner {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
