import DiscloseCore
import Foundation

/// Writes figures into a content file by editing its text, not by re-serialising it: finance staff
/// annotate `accounts.yaml` with `#` comments, which Yams would drop. Every line that is not edited
/// stays byte-identical. Places are found by parsing the current text (located `Node`s); the text is
/// parsed again after each edit, since the files are small and stale positions are the usual bug.
public struct YAMLTextEditor {
    public enum EditError: Error, Equatable {
        case unparsable(String)
        /// The path runs through (or ends at) something that is not what the edit needs.
        case notAMapping(path: String)
        /// A layout the editor does not rewrite, such as a flow collection spread over several lines.
        case unsupportedLayout(path: String, line: Int)
    }

    public private(set) var text: String
    let file: String

    public init(text: String, file: String = "accounts.yaml") throws {
        self.text = text
        self.file = file
        _ = try root()
    }

    /// Sets the scalar at a path of mapping keys to `value` (YAML-ready scalar text such as `3474.67`,
    /// `"2013201"`, `日常公用经费`), adding the key and missing parents when absent.
    /// Returns whether the text changed (false when the value was already exactly `value`).
    @discardableResult
    public mutating func setScalar(at path: [String], to value: String) throws -> Bool {
        try set(path.map(Step.key), to: value)
    }

    // MARK: - Locating

    /// One step of a path: a mapping key, or an item of a list (only lists that exist).
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// A node with what holds it: the entry whose value it is, and the mapping or list around it.
    struct Located {
        var node: ContentNode
        var entry: ContentNode.Entry?
        var container: ContentNode?
    }

    func root() throws -> ContentNode {
        let (node, diagnostics) = YAMLDocument.parse(text, file: ContentPath(outside: file))
        guard let node else { throw EditError.unparsable(diagnostics.first?.message.en ?? "cannot parse \(file)") }
        return node
    }

    static func describe<S: Sequence<Step>>(_ steps: S) -> String {
        steps.reduce(into: "") { path, step in
            switch step {
            case .key(let key): path += path.isEmpty ? key : ".\(key)"
            case .index(let index): path += "[\(index)]"
            }
        }
    }

    /// Follows `steps` as far as they exist: how many were found and the last node reached. A missing
    /// key under a mapping or a null value stops the walk; anything else in the way is an error.
    func walk(_ steps: [Step]) throws -> (found: Int, at: Located) {
        var here = Located(node: try root(), entry: nil, container: nil)
        for (count, step) in steps.enumerated() {
            switch (here.node.kind, step) {
            case (.mapping(let entries), .key(let key)):
                guard let entry = entries.first(where: { $0.key == key }) else { return (count, here) }
                here = Located(node: entry.value, entry: entry, container: here.node)
            case (.sequence(let items), .index(let index)) where items.indices.contains(index):
                here = Located(node: items[index], entry: nil, container: here.node)
            case (.scalar(let scalar), .key) where scalar.isNull:
                return (count, here)
            default:
                throw EditError.notAMapping(path: Self.describe(steps[..<count]))
            }
        }
        return (steps.count, here)
    }

    @discardableResult
    mutating func set(_ steps: [Step], to value: String) throws -> Bool {
        let (found, at) = try walk(steps)
        guard found == steps.count else {
            let keys = try steps[found...].map { step -> String in
                guard case .key(let key) = step else { throw EditError.notAMapping(path: Self.describe(steps)) }
                return key
            }
            try insert(keys, value: value, under: at, path: Self.describe(steps))
            return true
        }
        guard at.node.scalar != nil, let entry = at.entry else { throw EditError.notAMapping(path: Self.describe(steps)) }
        return try replace(entry, in: at.container, with: value, path: Self.describe(steps))
    }

    // MARK: - Lines

    var newline: String { text.contains("\r\n") ? "\r\n" : "\n" }

    var lines: [[Character]] {
        text.components(separatedBy: newline).map(Array.init)
    }

    mutating func commit(_ lines: [[Character]]) {
        text = lines.map { String($0) }.joined(separator: newline)
    }

    /// Where a node written inline starts on its line: `{` or `[` for flow collections.
    func opening(of node: ContentNode, in lines: [[Character]]) -> (row: Int, offset: Int)? {
        let row = node.location.line - 1
        guard lines.indices.contains(row) else { return nil }
        let offset = YAMLLine.offset(ofColumn: node.location.column, in: lines[row])
        guard offset < lines[row].count, "{[".contains(lines[row][offset]) else { return nil }
        return (row, offset)
    }

    func keyPosition(_ entry: ContentNode.Entry, in lines: [[Character]]) -> (row: Int, offset: Int) {
        let row = entry.keyLocation.line - 1
        return (row, YAMLLine.offset(ofColumn: entry.keyLocation.column, in: lines[row]))
    }

    /// The last line of the block starting at `row` whose lines are indented deeper than `indent`
    /// (also `- ` lines at `indent` itself when `dashes`: a list may sit at its key's indentation).
    static func lastContentRow(_ lines: [[Character]], from row: Int, deeperThan indent: Int, dashes: Bool = false) -> Int {
        var last = row
        for next in lines.indices.dropFirst(row + 1) where YAMLLine.isContent(lines[next]) {
            let line = lines[next]
            let depth = YAMLLine.indent(line)
            let isDash = line[depth] == "-" && (depth + 1 == line.count || line[depth + 1] == " ")
            guard depth > indent || (dashes && depth == indent && isDash) else { break }
            last = next
        }
        return last
    }

    /// Comment lines indented deeper than `indent` right after `row` continue it (a note running on
    /// under a list item); blank lines and shallower comments introduce what follows.
    static func extendingThroughComments(_ lines: [[Character]], from row: Int, deeperThan indent: Int) -> Int {
        var end = row
        while end + 1 < lines.count, !YAMLLine.isBlank(lines[end + 1]), !YAMLLine.isContent(lines[end + 1]),
              YAMLLine.indent(lines[end + 1]) > indent {
            end += 1
        }
        return end
    }

    /// The last content line of an entry, its value included.
    func lastRow(of entry: ContentNode.Entry, in lines: [[Character]]) -> Int {
        let key = keyPosition(entry, in: lines)
        return Self.lastContentRow(lines, from: key.row, deeperThan: key.offset, dashes: entry.value.items != nil)
    }

    // MARK: - Editing

    /// Rewrites an existing scalar: on its key's line in a block mapping, or inside a flow mapping.
    mutating func replace(_ entry: ContentNode.Entry, in container: ContentNode?, with value: String, path: String) throws -> Bool {
        var lines = self.lines
        if let container, let flow = opening(of: container, in: lines), container.entries != nil {
            guard let edited = YAMLLine.settingFlowEntry(in: lines[flow.row], open: flow.offset, key: entry.key, value: value) else {
                throw EditError.unsupportedLayout(path: path, line: flow.row + 1)
            }
            guard edited != lines[flow.row] else { return false }
            lines[flow.row] = edited
            commit(lines)
            return true
        }
        let key = keyPosition(entry, in: lines)
        guard let colon = YAMLLine.colon(afterKeyAt: key.offset, in: lines[key.row]) else {
            throw EditError.unsupportedLayout(path: path, line: key.row + 1)
        }
        // A value continued on following lines (folded text, a block scalar) is replaced whole.
        let last = Self.lastContentRow(lines, from: key.row, deeperThan: key.offset)
        if last == key.row && YAMLLine.value(in: lines[key.row], after: colon) == value { return false }
        lines[key.row] = YAMLLine.replacingValue(in: lines[key.row], after: colon, with: value)
        lines.removeSubrange((key.row + 1)..<(last + 1))
        commit(lines)
        return true
    }

    /// `keys` (parents first) ending in `value`, as block lines at `indent`.
    static func blockLines(_ keys: [String], value: String, indent: Int) -> [[Character]] {
        keys.enumerated().map { depth, key in
            let head = YAMLLine.spaces(indent + 2 * depth) + Array("\(key):")
            return depth == keys.count - 1 && !value.isEmpty ? head + Array(" \(value)") : head
        }
    }

    /// Adds `keys` (the first one missing, the rest its new children) at the end of the mapping `at`, or
    /// under its null value.
    mutating func insert(_ keys: [String], value: String, under at: Located, path: String) throws {
        var lines = self.lines
        let indent: Int
        let after: Int
        if let flow = opening(of: at.node, in: lines) {
            // A flow mapping takes the new entry inside its braces; new parents become nested braces.
            let nested = keys.dropFirst().reversed().reduce(value) { inner, key in "{\(key): \(inner)}" }
            guard at.node.entries != nil,
                  let edited = YAMLLine.settingFlowEntry(in: lines[flow.row], open: flow.offset, key: keys[0], value: nested) else {
                throw EditError.unsupportedLayout(path: path, line: flow.row + 1)
            }
            lines[flow.row] = edited
            commit(lines)
            return
        } else if let entries = at.node.entries, let first = entries.first, let last = entries.last {
            indent = keyPosition(first, in: lines).offset
            after = lastRow(of: last, in: lines)
        } else if let owner = at.entry {
            guard at.node.isNull else { throw EditError.notAMapping(path: path) }
            let key = keyPosition(owner, in: lines)
            guard let colon = YAMLLine.colon(afterKeyAt: key.offset, in: lines[key.row]) else {
                throw EditError.unsupportedLayout(path: path, line: key.row + 1)
            }
            // `key: ~` cannot take children; `key:` keeps its comment.
            lines[key.row] = YAMLLine.replacingValue(in: lines[key.row], after: colon, with: "")
            indent = key.offset + 2
            after = Self.extendingThroughComments(lines, from: Self.lastContentRow(lines, from: key.row, deeperThan: key.offset),
                                                  deeperThan: key.offset)
        } else if at.container == nil && (at.node.entries != nil || at.node.isNull) {
            // An empty document: write at the top level, after any opening comments.
            if at.node.isNull { lines.removeAll { YAMLLine.isContent($0) } }
            indent = 0
            after = lines.lastIndex { !YAMLLine.isBlank($0) } ?? -1
        } else {
            throw EditError.unsupportedLayout(path: path, line: at.node.location.line)
        }
        lines.insert(contentsOf: Self.blockLines(keys, value: value, indent: indent), at: after + 1)
        commit(lines)
    }
}
