import DiscloseCore
import Foundation

/// Merging imported rows (功能分类科目, 车辆, 经济分类科目…) into a list that may already hold items
/// with comments, or the skeleton's placeholder item.
extension YAMLTextEditor {
    public struct ListChange: Equatable {
        /// Matched items whose text changed.
        public var updated: Int
        public var added: Int
        /// The identity text of each removed item, e.g. `2013201 general_budget`.
        public var removed: [String]

        public init(updated: Int = 0, added: Int = 0, removed: [String] = []) {
            self.updated = updated
            self.added = added
            self.removed = removed
        }
    }

    /// One row to merge: ordered fields of YAML-ready scalar text.
    public typealias ListItem = [(key: String, value: String)]

    /// Merges `items` into the list at `path`. Items are matched by the `identity` fields (compared
    /// unquoted; `defaults` fills a field an item omits). Matched items get the given fields in place,
    /// new ones are appended in the style of the list, unmatched ones are removed when
    /// `removeUnmatched`. `scalarItemKey` names the field a plain scalar item stands for (`- "30101"`).
    public mutating func mergeList(at path: [String], items: [ListItem], identity: [String],
                                   defaults: [String: String] = [:], scalarItemKey: String? = nil,
                                   preferFlow: Bool, removeUnmatched: Bool = true) throws -> ListChange {
        // All or nothing: the edits happen on a copy, so an error part-way leaves the text as it was.
        var draft = self
        let change = try draft.mergeItems(path.map(Step.key), items: items, identity: identity, defaults: defaults,
                                          scalarItemKey: scalarItemKey, preferFlow: preferFlow, removeUnmatched: removeUnmatched)
        self = draft
        return change
    }

    private mutating func mergeItems(_ steps: [Step], items: [ListItem], identity: [String], defaults: [String: String],
                                scalarItemKey: String?, preferFlow: Bool, removeUnmatched: Bool) throws -> ListChange {
        if try walk(steps).found < steps.count { try set(steps, to: "") }
        let list = try walk(steps).at
        let listPath = Self.describe(steps)
        let nodes: [ContentNode]
        switch list.node.kind {
        case .scalar(let scalar) where scalar.isNull: nodes = []
        case .sequence(let items): nodes = items
        default: throw EditError.notAMapping(path: listPath)
        }
        let lines = self.lines
        let existing = try nodes.map { try ExistingItem($0, scalarItemKey: scalarItemKey, lines: lines, editor: self, path: listPath) }
        let merge = ListMerge(existing: existing, items: items, identity: identity, defaults: defaults,
                              scalarItemKey: scalarItemKey, preferFlow: preferFlow, removeUnmatched: removeUnmatched)
        if opening(of: list.node, in: lines) != nil {
            return try mergeFlowSequence(list, merge, path: listPath)
        }
        return try mergeBlockSequence(steps, merge, path: listPath)
    }

    // MARK: - Block lists

    private mutating func mergeBlockSequence(_ steps: [Step], _ merge: ListMerge, path: String) throws -> ListChange {
        var change = ListChange()
        for (item, index) in merge.matches {
            let fields = merge.items[item]
            let target = merge.existing[index]
            if target.style == .scalar {
                if try rewriteScalarItem(steps + [.index(index)], as: merge.flowText(fields, replacing: target), path: path) {
                    change.updated += 1
                }
                continue
            }
            var changed = false
            for field in merge.updates(fields) {
                changed = try set(steps + [.index(index), .key(field.key)], to: field.value) || changed
            }
            if changed { change.updated += 1 }
        }

        var lines = self.lines
        let list = try walk(steps).at
        guard let owner = list.entry else { throw EditError.unsupportedLayout(path: path, line: list.node.location.line) }
        let key = keyPosition(owner, in: lines)
        let items = list.node.items ?? []
        let rows = try items.map { try itemRows($0, in: lines, path: path) }
        let dash = rows.first.map { YAMLLine.indent(lines[$0.lowerBound]) } ?? key.offset + 2
        let newLines = merge.newItems.flatMap { merge.lines(for: merge.items[$0], dash: dash) }
        change.added = merge.newItems.count

        // New items go after the last old one, so deleting old ones afterwards, from the bottom up,
        // finds every row where it was.
        if let last = rows.last {
            lines.insert(contentsOf: newLines, at: last.upperBound)
        } else if !newLines.isEmpty {
            guard let colon = YAMLLine.colon(afterKeyAt: key.offset, in: lines[key.row]) else {
                throw EditError.unsupportedLayout(path: path, line: key.row + 1)
            }
            lines[key.row] = YAMLLine.replacingValue(in: lines[key.row], after: colon, with: "")
            lines.insert(contentsOf: newLines, at: Self.extendingThroughComments(lines, from: key.row, deeperThan: key.offset) + 1)
        }
        let doomed = merge.doomed
        for index in doomed.sorted(by: >) {
            lines.removeSubrange(rows[index])
        }
        if !items.isEmpty && doomed.count == items.count && newLines.isEmpty,
           let colon = YAMLLine.colon(afterKeyAt: key.offset, in: lines[key.row]) {
            // Every item went: `[]` says so, where a null would read as "not filled in yet".
            lines[key.row] = YAMLLine.replacingValue(in: lines[key.row], after: colon, with: "[]")
        }
        commit(lines)
        change.removed = merge.removedIdentities
        return change
    }

    /// The rows of a block list item: from its `- ` line through its last content line and the comment
    /// lines that continue it.
    func itemRows(_ item: ContentNode, in lines: [[Character]], path: String) throws -> Range<Int> {
        let row = item.location.line - 1
        let dash = YAMLLine.indent(lines[row])
        guard lines[row].count > dash, lines[row][dash] == "-" else {
            throw EditError.unsupportedLayout(path: path, line: row + 1)
        }
        let last = Self.lastContentRow(lines, from: row, deeperThan: dash)
        return row..<(Self.extendingThroughComments(lines, from: last, deeperThan: dash) + 1)
    }

    /// Turns `- "30101"` into `- {code: "30101", amount: 300}`, keeping the comment.
    private mutating func rewriteScalarItem(_ steps: [Step], as flow: String?, path: String) throws -> Bool {
        guard let flow else { return false }
        var lines = self.lines
        let row = try walk(steps).at.node.location.line - 1
        let dash = YAMLLine.indent(lines[row])
        guard lines[row].count > dash, lines[row][dash] == "-" else {
            throw EditError.unsupportedLayout(path: path, line: row + 1)
        }
        lines[row] = YAMLLine.replacingValue(in: lines[row], after: dash, with: flow)
        commit(lines)
        return true
    }

    // MARK: - Flow lists

    /// A single-line `[…]` list: rewritten in place when it stays short (or flow is preferred), else
    /// turned into block lines under its key.
    private mutating func mergeFlowSequence(_ list: Located, _ merge: ListMerge, path: String) throws -> ListChange {
        var lines = self.lines
        guard let owner = list.entry, let open = opening(of: list.node, in: lines),
              let close = YAMLLine.closing(lines[open.row], open: open.offset) else {
            throw EditError.unsupportedLayout(path: path, line: list.node.location.line)
        }
        let key = keyPosition(owner, in: lines)
        let pieces = YAMLLine.entries(lines[open.row], open: open.offset, close: close).map { YAMLLine.trimmed(lines[open.row][$0]) }
        guard key.row == open.row, pieces.count == merge.existing.count,
              let colon = YAMLLine.colon(afterKeyAt: key.offset, in: lines[key.row]) else {
            throw EditError.unsupportedLayout(path: path, line: open.row + 1)
        }
        var change = ListChange()
        let doomed = merge.doomed
        var texts: [String] = []
        for (index, piece) in pieces.enumerated() where !doomed.contains(index) {
            guard let item = merge.matches.first(where: { $0.existing == index })?.item else {
                texts.append(piece)
                continue
            }
            let edited = try merge.editedFlowText(piece, with: merge.items[item], existing: merge.existing[index], path: path, line: open.row + 1)
            if edited != piece { change.updated += 1 }
            texts.append(edited)
        }
        texts += merge.newItems.map { merge.flowText(merge.items[$0]) }
        change.added = merge.newItems.count
        change.removed = merge.removedIdentities

        if texts == pieces { return change }
        let flow = "[\(texts.joined(separator: ", "))]"
        if merge.preferFlow || lines[key.row][...colon].count + 1 + flow.count < 100 {
            lines[key.row] = YAMLLine.replacingValue(in: lines[key.row], after: colon, with: flow)
        } else {
            let dash = key.offset + 2
            lines[key.row] = YAMLLine.replacingValue(in: lines[key.row], after: colon, with: "")
            let block = merge.hasRealItems
                ? texts.map { YAMLLine.spaces(dash) + Array("- \($0)") }
                : merge.newItems.flatMap { merge.lines(for: merge.items[$0], dash: dash) }
            lines.insert(contentsOf: block, at: key.row + 1)
        }
        commit(lines)
        return change
    }
}
