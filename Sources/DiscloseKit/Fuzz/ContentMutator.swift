import DiscloseCore
import Foundation

/// Seeded damage to one content file, for the fuzz harness (`disclose-bench fuzz`, `FuzzTests`).
///
/// Two kinds: structure-aware (YAML values replaced by hostile numbers, mappings rewritten into
/// sequences, flow style, scalars or deeper trees, anchors and aliases; Markdown given pathological
/// nesting and long runs of one construct, raw HTML and unsafe links) and byte-level (bytes flipped,
/// cut, doubled, swapped; YAML punctuation, NUL, CR, tabs and broken UTF-8 inserted). Pure: the same
/// seed gives the same bytes.
public enum ContentMutator {
    /// Numbers at and beyond the edges of `DecimalNumber` and of `ContentNumberRange`.
    public static let hostileNumbers = [
        "9223372036854775807", "-9223372036854775808", "999999999999999999", "92233720368547758.07",
        "9999999999999999.99", "999999999999.99", "1000000000000", "-999999999999.99", "0.000000000001",
        "0.0000000000001", "99999999999999999999999", "1e308", "-0", "+5", "00000000000000000001",
        "4611686018427387904", "922337203685477.5807", "0.5", "100.005", "-1",
    ]

    static let fragments: [[UInt8]] = [
        Array(": ".utf8), Array("- ".utf8), Array("[".utf8), Array("]".utf8), Array("{".utf8), Array("}".utf8),
        Array("&a ".utf8), Array("*a".utf8), Array("\t".utf8), [0], Array("\r".utf8), Array("\n".utf8),
        [0xE4, 0xB8], [0xFF, 0xFE], Array("\"".utf8), Array("'".utf8), Array("#".utf8), Array("!!binary ".utf8),
        Array("１２３".utf8), Array("1,000".utf8), Array("-".utf8), Array(".nan".utf8), Array("99999999999999999999".utf8),
        Array("<script>".utf8), Array("%".utf8), Array("? ".utf8), Array("|".utf8), Array(">".utf8), Array("---\n".utf8),
        Array("<<: *a\n".utf8), Array("\u{1B}[2J".utf8), Array("!!map ".utf8), Array("...\n".utf8),
    ]

    /// Markdown constructs that are costly when nested or repeated.
    static let markdownRuns = [">", "*", "[", "(", "- ", "> - ", "**", "_", "`", "<a>", "[a](", "![", "\\", "|", "#", "1. ", "&amp;", "~~~\n"]

    /// Damages `bytes` (the content of `path`); `large` allows runs of tens of thousands of characters
    /// (in one Markdown mutation of twenty: they are slow, and `HostileInputTests` covers them).
    public static func mutate(_ bytes: [UInt8], path: String, _ rng: inout SeededRandom, large: Bool = false) -> [UInt8] {
        let isYAML = path.hasSuffix(".yaml")
        switch rng.int(0...9) {
        case 0...4:
            return isYAML ? yamlStructure(bytes, &rng) : markdownStructure(bytes, &rng, large: large)
        case 5:
            // Both: structure first, then a few bytes.
            let shaped = isYAML ? yamlStructure(bytes, &rng) : markdownStructure(bytes, &rng, large: large)
            return byteLevel(shaped, &rng)
        default:
            return byteLevel(bytes, &rng)
        }
    }

    public static func byteLevel(_ bytes: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = bytes
        for _ in 0..<rng.int(1...4) {
            guard !b.isEmpty else { b = fragments[rng.int(0...(fragments.count - 1))]; continue }
            let at = rng.int(0...(b.count - 1))
            switch rng.int(0...5) {
            case 0: b[at] ^= UInt8(truncatingIfNeeded: rng.int(1...255))
            case 1: b.removeSubrange(at..<min(b.count, at + rng.int(1...20)))
            case 2: b.insert(contentsOf: fragments[rng.int(0...(fragments.count - 1))], at: at)
            case 3: b = Array(b.prefix(at))
            case 4: let end = min(b.count, at + rng.int(1...40)); b.insert(contentsOf: b[at..<end], at: at)
            default: b.swapAt(at, rng.int(0...(b.count - 1)))
            }
        }
        return b
    }

    // MARK: YAML

    /// One line of a YAML file: its indentation, key (if `key: …`), the rest after the colon.
    struct Line {
        var indent: Int
        var key: String?
        var value: String
        var dash: Bool
    }

    static func parse(_ text: String) -> [Line] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            let s = String(raw)
            let indent = s.prefix { $0 == " " }.count
            var body = String(s.dropFirst(indent))
            var dash = false
            if body.hasPrefix("- ") { dash = true; body = String(body.dropFirst(2)) }
            if let colon = body.range(of: ": ") ?? (body.hasSuffix(":") ? body.range(of: ":", options: .backwards) : nil),
               !body.hasPrefix("#"), !body.hasPrefix("{"), !body.hasPrefix("\"") {
                return Line(indent: indent, key: String(body[..<colon.lowerBound]),
                            value: String(body[colon.upperBound...]).trimmingCharacters(in: .whitespaces), dash: dash)
            }
            return Line(indent: indent, key: nil, value: body, dash: dash)
        }
    }

    static func render(_ line: Line) -> String {
        let pad = String(repeating: " ", count: line.indent) + (line.dash ? "- " : "")
        guard let key = line.key else { return pad + line.value }
        return line.value.isEmpty ? "\(pad)\(key):" : "\(pad)\(key): \(line.value)"
    }

    /// The lines below `index` that belong to it (deeper indentation).
    static func children(of index: Int, in lines: [Line]) -> Range<Int> {
        let own = lines[index].indent + (lines[index].dash ? 2 : 0)
        var end = index + 1
        while end < lines.count, lines[end].indent > own || (lines[end].key == nil && lines[end].value.isEmpty && end + 1 < lines.count && lines[end + 1].indent > own) {
            end += 1
        }
        return (index + 1)..<end
    }

    static func yamlStructure(_ bytes: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var lines = parse(String(decoding: bytes, as: UTF8.self))
        let keyed = lines.indices.filter { lines[$0].key != nil }
        guard !keyed.isEmpty else { return byteLevel(bytes, &rng) }
        for _ in 0..<rng.int(1...3) {
            let keyedNow = lines.indices.filter { lines[$0].key != nil }
            guard !keyedNow.isEmpty else { break }
            let i = keyedNow[rng.int(0...(keyedNow.count - 1))]
            let block = children(of: i, in: lines)
            let childIndent = lines[i].indent + (lines[i].dash ? 2 : 0) + 2
            switch rng.int(0...11) {
            case 0:
                // A hostile number.
                lines[i].value = hostileNumbers[rng.int(0...(hostileNumbers.count - 1))]
                lines.removeSubrange(block)
            case 1:
                // Scalar → sequence, flow or block.
                if rng.chance(50) { lines[i].value = "[\(lines[i].value)]" } else {
                    let v = lines[i].value
                    lines[i].value = ""
                    lines.insert(Line(indent: childIndent, key: nil, value: v.isEmpty ? "~" : v, dash: true), at: i + 1)
                }
            case 2:
                // Anything → mapping (flow or block).
                let v = lines[i].value.isEmpty ? "1" : lines[i].value
                lines.removeSubrange(block)
                if rng.chance(50) { lines[i].value = "{x: \(v), y: [\(v)]}" } else {
                    lines[i].value = ""
                    lines.insert(Line(indent: childIndent, key: "x", value: v, dash: false), at: i + 1)
                }
            case 3:
                // Block mapping or list → flow style on one line.
                guard !block.isEmpty else { continue }
                let items = lines[block].filter { $0.indent == childIndent || $0.dash }
                let allDash = items.allSatisfy(\.dash)
                let parts = items.map { l -> String in
                    if let key = l.key { return "\(key): \(l.value.isEmpty ? "{}" : l.value)" }
                    return l.value
                }
                lines[i].value = allDash && !items.contains { $0.key != nil } ? "[\(parts.joined(separator: ", "))]" : "{\(parts.joined(separator: ", "))}"
                lines.removeSubrange(block)
            case 4:
                // Mapping or list → a scalar.
                lines.removeSubrange(block)
                lines[i].value = ["text", "~", "''", "0", "true", "[]", "{}", "- a", "!!str 5"][rng.int(0...8)]
            case 5:
                // A whole block nested one level deeper under a new key.
                let moved = lines[block].map { l -> Line in var m = l; m.indent += 2; return m }
                lines.replaceSubrange(block, with: [Line(indent: childIndent, key: "nested", value: "", dash: false)] + moved)
            case 6:
                // Anchor here, alias elsewhere (also merge keys).
                lines[i].value = "&anchor\(i) " + (lines[i].value.isEmpty ? "{}" : lines[i].value)
                if let j = keyedNow.randomElement(using: &rng), j != i {
                    lines[j].value = rng.chance(50) ? "*anchor\(i)" : "{<<: *anchor\(i)}"
                    lines.removeSubrange(children(of: j, in: lines))
                }
            case 7:
                // Deep flow nesting.
                let depth = rng.int(1...200)
                lines[i].value = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
                lines.removeSubrange(block)
            case 8:
                // Duplicate the entry (duplicate key) or the whole block.
                lines.insert(contentsOf: [lines[i]] + lines[block], at: block.upperBound)
            case 9:
                // Delete the entry.
                lines.removeSubrange(i..<block.upperBound)
            case 10:
                // A key with control characters, or an odd key.
                lines[i].key = ["a\u{1B}[31mb", "\"\u{0}\"", "? x", "1", "-", "<<", "\u{202E}x"][rng.int(0...6)]
            default:
                // A list item into a mapping or the reverse.
                lines[i].dash.toggle()
            }
        }
        return Array(lines.map(render).joined(separator: "\n").utf8)
    }

    // MARK: Markdown

    static func markdownStructure(_ bytes: [UInt8], _ rng: inout SeededRandom, large: Bool) -> [UInt8] {
        var b = bytes
        let run = markdownRuns[rng.int(0...(markdownRuns.count - 1))]
        let count = large && rng.chance(5) ? rng.int(10_000...60_000) : rng.int(1...300)
        let insert: [UInt8]
        switch rng.int(0...5) {
        case 0: insert = Array(String(repeating: run, count: count).utf8)
        case 1: insert = Array((String(repeating: run, count: count) + "x" + String(repeating: run, count: count)).utf8)
        case 2: insert = Array(String(repeating: "<b>x</b>", count: min(count, 5000)).utf8)
        case 3: insert = Array("[x](javascript:alert(1)) <script>x</script> ![i](data:text/html,x)\n".utf8)
        case 4: insert = Array(String(repeating: "\(run)x\n", count: min(count, 5000)).utf8)
        default: insert = Array(String(repeating: "—", count: count).utf8)
        }
        let at = b.isEmpty ? 0 : rng.int(0...b.count)
        // Keep UTF-8 whole: move to the start of a character.
        var position = at
        while position > 0, position < b.count, b[position] & 0xC0 == 0x80 { position -= 1 }
        b.insert(contentsOf: insert, at: position)
        return b
    }
}
