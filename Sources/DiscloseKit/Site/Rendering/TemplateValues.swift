/// Mustache looks a missing key up in the enclosing context; a nil would do the same. Turning nils into
/// `false` keeps a section's own "no figure" from picking up its parent's.
enum TemplateValues {
    static func clean(_ value: Any) -> Any {
        // Concrete types first: they are most values, and cheaper to recognise than through Mirror.
        switch value {
        case let s as String: return s
        case let b as Bool: return b
        case let i as Int: return i
        case let dict as [String: Any]: return dict.mapValues(clean)
        case let array as [[String: Any]]: return array.map { $0.mapValues(clean) }
        case let array as [String]: return array
        case let array as [Any]: return array.map(clean)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return false }
            return clean(wrapped)
        }
        return value
    }
}
