/// Mustache looks a missing key up in the enclosing context; a nil would do the same. Turning nils into
/// `false` keeps a section's own "no figure" from picking up its parent's.
enum TemplateValues {
    static func clean(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return false }
            return clean(wrapped)
        }
        if let dict = value as? [String: Any] {
            return dict.mapValues(clean)
        }
        if let array = value as? [[String: Any]] {
            return array.map { clean($0) }
        }
        if let array = value as? [Any] {
            return array.map(clean)
        }
        return value
    }
}
