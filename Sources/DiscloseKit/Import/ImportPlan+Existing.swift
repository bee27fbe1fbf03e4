import DiscloseCore

/// What accounts.yaml already says is not written again: a figure equal to the file's (1616.60 and
/// 1616.6 are equal) keeps the file's spelling, so that re-importing the same tables changes nothing.
extension ImportPlan {
    func pruned(against root: Node?) -> ImportPlan {
        guard let root else { return self }
        var copy = self
        copy.scalars = scalars.filter { scalar in
            guard let existing = Self.node(root, scalar.path)?.scalar, !existing.isNull else { return true }
            return !Self.same(existing.text, scalar.value)
        }
        // A table without such rows empties a list the file has, but does not add an empty one.
        copy.lists = lists.filter { list in
            !list.items.isEmpty || !(Self.node(root, list.path)?.items ?? []).isEmpty
        }.map { list in
            var list = list
            let existing = Self.node(root, list.path)?.items ?? []
            list.items = list.items.map { item in
                guard let match = existing.first(where: { Self.identity(of: $0, list) == Self.identity(of: item, list) }) else { return item }
                var item = item
                item.fields = item.fields.filter { field in
                    if list.identity.contains(field.key) { return true }
                    guard let value = Self.field(match, field.key, list) else { return true }
                    return !Self.same(value, field.value)
                }
                return item
            }
            return list
        }
        return copy
    }

    static func node(_ root: Node, _ path: [String]) -> Node? {
        var node: Node? = root
        for key in path { node = node?[key] }
        return node
    }

    /// A field of an existing list item: a mapping's value, or a plain item's text for its key field.
    static func field(_ item: Node, _ key: String, _ list: List) -> String? {
        if let text = item.scalar?.text { return key == list.scalarItemKey ? text : nil }
        guard let scalar = item[key]?.scalar, !scalar.isNull else { return nil }
        return scalar.text
    }

    static func identity(of item: Node, _ list: List) -> [String] {
        list.identity.map { key in unquoted(field(item, key, list) ?? list.defaults[key] ?? "") }
    }

    static func identity(of item: Item, _ list: List) -> [String] {
        list.identity.map { key in unquoted(item.fields.first { $0.key == key }?.value ?? list.defaults[key] ?? "") }
    }

    static func unquoted(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let a = unquoted(a), b = unquoted(b)
        if let x = DecimalNumber(a), let y = DecimalNumber(b) { return x == y }
        return a == b
    }
}

/// Figures the officer fixed by hand (import.yaml `keep`) stay as accounts.yaml has them.
extension ImportPlan {
    mutating func honourKept(_ decisions: ImportDecisions, in root: Node?) {
        guard !decisions.kept.isEmpty else { return }
        var messages: [Message] = []
        scalars = scalars.filter { scalar in
            guard decisions.keeps(scalar.path) else { return true }
            let path = scalar.path.joined(separator: ".")
            let existing = root.flatMap { Self.node($0, scalar.path)?.scalar }.flatMap { $0.isNull ? nil : $0.text }
            let source = scalar.sources.first ?? ""
            if let existing, Self.same(existing, scalar.value) {
                messages.append(Message(zh: "按 import.yaml 保留 \(path) = \(existing)（与 \(source) 相同）。",
                                        en: "kept \(path) = \(existing) as import.yaml says (\(source) agrees)."))
            } else {
                messages.append(Message(zh: "按 import.yaml 保留 \(path) = \(existing ?? "（空）")，未用 \(source) 的 \(scalar.value)。",
                                        en: "kept \(path) = \(existing ?? "(empty)") as import.yaml says, not \(scalar.value) from \(source)."))
            }
            for cell in scalar.sources where cells[cell]?.group == "imported" { cells[cell] = .unplaced("按 import.yaml 保留手工确定的数") }
            return false
        }
        lists = lists.filter { list in
            guard decisions.keeps(list.path) else { return true }
            let path = list.path.joined(separator: ".")
            messages.append(Message(zh: "按 import.yaml 保留 \(path) 全部条目，未用表中的 \(list.items.count) 项。",
                                    en: "kept every item of \(path) as import.yaml says, not the \(list.items.count) from the tables."))
            return false
        }
        kept += messages
    }
}

/// A stated line the file records and the sheets print too, equal to the sum now: it stays recorded
/// (with the sheets' figures), so that importing the same tables again changes nothing.
extension ImportPlan {
    mutating func keepRecordedStated(in root: Node?) {
        guard let root, let index = lists.firstIndex(where: { $0.path == ["functional_stated"] }) else { return }
        let list = lists[index]
        let planned = Set(list.items.map { Self.identity(of: $0, list) })
        for existing in Self.node(root, list.path)?.items ?? [] {
            let identity = Self.identity(of: existing, list)
            guard !planned.contains(identity), let seen = statedSeen[identity.joined(separator: "|")] else { continue }
            var fields: [(key: String, value: String)] = identity[0].isEmpty ? [] : [("code", Self.yaml(code: identity[0]))]
            fields.append(("fund", identity[1]))
            let recorded = seen.keys.sorted().filter { Self.field(existing, $0, list) != nil }
            // A placeholder of the skeleton (every field empty) records nothing.
            guard !recorded.isEmpty else { continue }
            for key in recorded { fields.append((key, seen[key]!)) }
            lists[index].items.append(Item(fields: fields, sources: [], title: identity.joined(separator: " ")))
        }
    }
}
