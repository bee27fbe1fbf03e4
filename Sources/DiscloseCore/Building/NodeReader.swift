/// Reads values out of a schema-validated tree. Anything invalid was already reported by the
/// validator, so a reader returns nil (or zero for required figures) instead of failing.
struct NodeReader {
    let node: Node
    let path: String
    let unit: MoneyUnit

    init(_ node: Node, path: String = "", unit: MoneyUnit) {
        // A section may declare its own unit (`unit: 元`).
        var effective = unit
        if let declared = node["unit"]?.scalar?.text, let u = MoneyUnit(rawValue: declared) { effective = u }
        self.node = node
        self.path = path
        self.unit = effective
    }

    private func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func child(_ key: String) -> NodeReader? {
        guard let value = node[key], value.entries != nil else { return nil }
        return NodeReader(value, path: sub(key), unit: unit)
    }

    func list(_ key: String) -> [NodeReader] {
        guard let items = node[key]?.items else { return [] }
        return items.enumerated().map { NodeReader($1, path: "\(sub(key))[\($0)]", unit: unit) }
    }

    /// The list's raw nodes, for lists mixing scalars and mappings.
    func rawList(_ key: String) -> [(Node, String)] {
        guard let items = node[key]?.items else { return [] }
        return items.enumerated().map { ($1, "\(sub(key))[\($0)]") }
    }

    func location(_ key: String) -> SourceLocation {
        node.entry(key)?.value.location ?? node.location
    }

    func keyLocation(_ key: String) -> SourceLocation {
        node.entry(key)?.keyLocation ?? node.location
    }

    func figure(_ key: String) -> Figure? {
        guard let value = node[key], let text = value.scalar?.text, value.scalar?.style == .plain,
              let number = ContentNumberRange.parse(text) else { return nil }
        return Figure(Amount(number, unit), at: value.location, path: sub(key))
    }

    /// A required figure: zero at the parent's place when missing (the validator already said so).
    func requiredFigure(_ key: String) -> Figure {
        figure(key) ?? Figure(.zero(unit), at: keyLocation(key), path: sub(key))
    }

    func quantity(_ key: String) -> Quantity? {
        guard let value = node[key], let text = value.scalar?.text,
              let number = ContentNumberRange.parse(text) else { return nil }
        return Quantity(number, at: value.location, path: sub(key))
    }

    func requiredQuantity(_ key: String) -> Quantity {
        quantity(key) ?? Quantity(.zero, at: keyLocation(key), path: sub(key))
    }

    func text(_ key: String) -> String? {
        guard let value = node[key], let scalar = value.scalar, !scalar.isNull else { return nil }
        let t = scalar.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    func located(_ key: String) -> Located<String>? {
        text(key).map { Located($0, at: location(key)) }
    }

    /// A count, within the content range (the validator reports a larger one): sums of counts cannot overflow.
    func int(_ key: String) -> Int? {
        text(key).flatMap { Int($0) }.flatMap { $0.magnitude < 1_000_000_000_000 ? $0 : nil }
    }

    func bool(_ key: String) -> Bool? {
        switch text(key) {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    func texts(_ key: String) -> [String] {
        (node[key]?.items ?? []).compactMap { $0.scalar?.text }
    }
}
