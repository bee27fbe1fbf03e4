import DiscloseCore
import Foundation

/// An item already in a list, as far as merging needs it.
struct ExistingItem {
    enum Style { case block, flow, scalar }

    var style: Style
    /// Unquoted scalar fields; a plain scalar item stands for `[scalarItemKey: text]`.
    var fields: [String: String]
    /// The value text as written, for a plain scalar item.
    var written = ""
    /// The skeleton's empty item, which shows what to fill in: every field null, each with a comment.
    var isPlaceholder = false
    /// A placeholder's comment per field (offset of `#` and the comment), carried onto the lines that replace it.
    var comments: [String: (column: Int, text: [Character])] = [:]

    init(_ node: ContentNode, scalarItemKey: String?, lines: [[Character]], editor: YAMLTextEditor, path: String) throws {
        switch node.kind {
        case .mapping(let entries):
            style = editor.opening(of: node, in: lines) == nil ? .block : .flow
            fields = Dictionary(entries.compactMap { entry in
                entry.value.scalar.flatMap { $0.isNull ? nil : (entry.key, $0.text) }
            }, uniquingKeysWith: { first, _ in first })
            isPlaceholder = style == .block && !entries.isEmpty && entries.allSatisfy(\.value.isNull)
            guard isPlaceholder else { return }
            for entry in entries {
                let key = editor.keyPosition(entry, in: lines)
                let line = lines[key.row]
                if let colon = YAMLLine.colon(afterKeyAt: key.offset, in: line),
                   let comment = YAMLLine.commentStart(line, from: colon + 1) {
                    comments[entry.key] = (comment, Array(line[comment...]))
                }
            }
        case .scalar(let scalar) where !scalar.isNull:
            guard let scalarItemKey else { throw YAMLTextEditor.EditError.unsupportedLayout(path: path, line: node.location.line) }
            style = .scalar
            fields = [scalarItemKey: scalar.text]
            let line = lines[node.location.line - 1]
            let dash = YAMLLine.indent(line)
            // Inside `[…]` the item is not on a line of its own; a quoted copy of its text keeps it a string.
            written = line[dash] == "-" ? YAMLLine.value(in: line, after: dash)
                : "\"\(scalar.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
        default:
            throw YAMLTextEditor.EditError.unsupportedLayout(path: path, line: node.location.line)
        }
    }
}

/// Which imported row matches which existing item, and how new items are written.
struct ListMerge {
    let existing: [ExistingItem]
    let items: [YAMLTextEditor.ListItem]
    let identity: [String]
    let defaults: [String: String]
    let scalarItemKey: String?
    let preferFlow: Bool
    let removeUnmatched: Bool
    /// Pairs of (index in `items`, index in `existing`).
    private(set) var matches: [(item: Int, existing: Int)] = []
    /// Indices in `items` with no existing item: appended in this order.
    private(set) var newItems: [Int] = []

    init(existing: [ExistingItem], items: [YAMLTextEditor.ListItem], identity: [String], defaults: [String: String],
         scalarItemKey: String?, preferFlow: Bool, removeUnmatched: Bool) {
        self.existing = existing
        self.items = items
        self.identity = identity
        self.defaults = defaults
        self.scalarItemKey = scalarItemKey
        self.preferFlow = preferFlow
        self.removeUnmatched = removeUnmatched
        var taken = Set<Int>()
        for (index, item) in items.enumerated() {
            let wanted = identityText(Dictionary(item.map { ($0.key, YAMLLine.unquoted($0.value)) }, uniquingKeysWith: { first, _ in first }))
            if let match = existing.indices.first(where: {
                !taken.contains($0) && !existing[$0].isPlaceholder && identityText(existing[$0].fields) == wanted
            }) {
                taken.insert(match)
                matches.append((index, match))
            } else {
                newItems.append(index)
            }
        }
    }

    func identityText(_ fields: [String: String]) -> String {
        identity.map { field in fields[field].flatMap { $0.isEmpty ? nil : $0 } ?? defaults[field] ?? "" }
            .joined(separator: " ")
    }

    var hasRealItems: Bool { existing.contains { !$0.isPlaceholder } }

    /// New items look like the items already there; in an empty list (or one holding only the
    /// placeholder), as the caller prefers.
    var writesFlow: Bool {
        hasRealItems ? existing.allSatisfy { $0.isPlaceholder || $0.style != .block } : preferFlow
    }

    private var unmatched: [Int] {
        existing.indices.filter { index in !existing[index].isPlaceholder && !matches.contains { $0.existing == index } }
    }

    /// Existing items to delete: unmatched ones when removing, and the placeholder once items replace it
    /// (or when the list is to be empty).
    var doomed: Set<Int> {
        var doomed = Set(removeUnmatched ? unmatched : [])
        // An empty `items` says the list is empty (the table has no such rows): the placeholder goes too.
        if !newItems.isEmpty || (items.isEmpty && removeUnmatched) { doomed.formUnion(existing.indices.filter { existing[$0].isPlaceholder }) }
        return doomed
    }

    var removedIdentities: [String] {
        removeUnmatched ? unmatched.map { identityText(existing[$0].fields) } : []
    }

    /// `- "30101"` for a lone scalar key, else `{k: v, …}`; empty fields are left out, as in the skeleton.
    func flowText(_ item: YAMLTextEditor.ListItem) -> String {
        let fields = item.filter { !$0.value.isEmpty }
        if let key = scalarItemKey, fields.count == 1, fields[0].key == key { return fields[0].value }
        return "{\(fields.map { "\($0.key): \($0.value)" }.joined(separator: ", "))}"
    }

    /// A plain scalar item given more than its key becomes a flow mapping; nil when it stays as is.
    func flowText(_ item: YAMLTextEditor.ListItem, replacing target: ExistingItem) -> String? {
        guard let key = scalarItemKey, item.contains(where: { $0.key != key }) else { return nil }
        return flowText([(key: key, value: target.written)] + updates(item).filter { $0.key != key })
    }

    /// The fields to write into a matched item: its identity already matches, and keeps its spelling
    /// (`code: "201"` is not rewritten as `code: 201`).
    func updates(_ item: YAMLTextEditor.ListItem) -> YAMLTextEditor.ListItem {
        item.filter { !identity.contains($0.key) }
    }

    /// A matched item of a `[…]` list with the given fields set.
    func editedFlowText(_ piece: String, with item: YAMLTextEditor.ListItem, existing target: ExistingItem,
                        path: String, line: Int) throws -> String {
        if target.style == .scalar { return flowText(item, replacing: target) ?? piece }
        var text = Array(piece)
        for field in updates(item) {
            guard let edited = YAMLLine.settingFlowEntry(in: text, open: 0, key: field.key, value: field.value) else {
                throw YAMLTextEditor.EditError.unsupportedLayout(path: path, line: line)
            }
            text = edited
        }
        return String(text)
    }

    /// The lines of a new item whose `-` is at offset `dash`. Block fields written over the skeleton's
    /// placeholder take its comment for the same key.
    func lines(for item: YAMLTextEditor.ListItem, dash: Int) -> [[Character]] {
        // A lone economic code stays `- "30101"` whatever the style: that is how such lists are written.
        let lone = scalarItemKey.map { key in item.allSatisfy { $0.key == key } } ?? false
        guard !writesFlow, !lone, !item.isEmpty else { return [YAMLLine.spaces(dash) + Array("- \(flowText(item))")] }
        let placeholder = existing.first { $0.isPlaceholder }
        return item.enumerated().map { index, field in
            let head = YAMLLine.spaces(dash) + Array(index == 0 ? "- \(field.key):" : "  \(field.key):")
            let comment = placeholder?.comments[field.key]
            return YAMLLine.rendered(head: head, value: field.value, comment: comment?.text, column: comment?.column ?? 0)
        }
    }
}
